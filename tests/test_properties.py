"""Property-based tests of every public model, data and figure function (hypothesis).

The contract (CONTRIBUTING.md): valid arguments give finite, well-formed
results; NaN, infinities, out-of-range values and wrong types raise
``TypeError``/``ValueError`` whose message names the parameter (and, for a
scalar, the bad value); no other exception type escapes.

How it works
------------
* :func:`public_functions` discovers the functions in ``__all__`` of
  ``hfs_edu.data``, ``hfs_edu.citations``, ``hfs_edu.quizzes`` and every
  ``hfs_edu.models.*`` / ``hfs_edu.figures.*`` module (classes such as result
  records are not entry points and are skipped; a function re-exported by
  another module is tested once, under the module that defines it).
* :data:`SPECS` says, for each function, how to draw valid arguments
  (``num``, ``integer``, ``choice``, ``flag``, ``text``, ``array``, ``obj`` …)
  and which bad values to try. Each parameter helper brings its own bad values:
  NaN, ±inf, just outside the range, and wrong types (``None``, a string, a
  bool, a list).
* ``test_every_public_function_has_a_spec`` FAILS when a public function has
  no entry (or an entry names a function that no longer exists): **a new
  public function must be added to SPECS**.
* ``test_valid_arguments_give_well_formed_results`` draws valid arguments
  (plus every option of each finite-choice parameter) and checks the result.
* ``test_bad_argument_raises_a_named_error`` tries the fixed bad values of one
  parameter with the other arguments at valid defaults, then random bad values
  against random valid arguments.
* The message must show a scalar bad value (repr, str or ``%g``); for a
  ``TypeError`` the type's name is enough ("got int").
* :data:`KNOWN_VIOLATIONS` lists contract violations found in code owned by
  others, as strict xfails: when one is fixed, its test XPASSes and fails,
  so the entry must be removed.

Runs inside ``make test`` (derandomized, ~30 examples per test). For a deeper
random search: ``HFS_HYPOTHESIS_PROFILE=explore pytest tests/test_properties.py -p no:nbval``.
"""
from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
import numbers
import os
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.figure import Figure

settings.register_profile("hfs-ci", derandomize=True, deadline=None, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                 HealthCheck.data_too_large])
settings.register_profile("explore", deadline=None, print_blob=True, max_examples=400,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                 HealthCheck.data_too_large])
PROFILE = os.environ.get("HFS_HYPOTHESIS_PROFILE", "hfs-ci")
EXAMPLES_SCALE = 10 if PROFILE == "explore" else 1

PUBLIC_MODULES = ("hfs_edu.data", "hfs_edu.citations", "hfs_edu.quizzes")
PUBLIC_PACKAGES = ("hfs_edu.models", "hfs_edu.figures")
NAN, INF = float("nan"), float("inf")


# =============================================================================================
# Discovery
# =============================================================================================
def public_modules() -> list[str]:
    names = list(PUBLIC_MODULES)
    for pkg_name in PUBLIC_PACKAGES:
        pkg = importlib.import_module(pkg_name)
        names += [f"{pkg_name}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_")]
    return names


@lru_cache(maxsize=1)
def public_functions() -> dict[str, Callable]:
    """``{"module.function": function}`` for every public function (keyed by its defining module)."""
    found: dict[str, Callable] = {}
    for name in public_modules():
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if inspect.isfunction(obj) and obj.__module__.startswith("hfs_edu"):
                found.setdefault(f"{obj.__module__}.{obj.__name__}", obj)
    return found


# =============================================================================================
# Parameter helpers: valid values and the bad values that must be refused
# =============================================================================================
@dataclass
class P:
    valid: st.SearchStrategy
    default: Any                                   # a valid value (a callable is called lazily)
    bad: list = field(default_factory=list)        # always tried, with the other arguments at defaults
    bad_random: st.SearchStrategy | None = None    # more bad values, drawn by hypothesis
    options: Callable[[], list] | None = None      # finite choices: each one is tried as a valid value
    mention_value: bool = True                     # scalar bad values must appear in the message

    def default_value(self):
        return self.default() if callable(self.default) and not isinstance(self.default, type) else self.default


def _wrong_types_for_number(optional: bool) -> list:
    return ([] if optional else [None]) + ["1.0", True, [1.0]]


def num(lo: float | None = None, hi: float | None = None, *, lo_open: bool = False, hi_open: bool = False,
        optional: bool = False, default: float | None = None) -> P:
    """A real number in [lo, hi] (ints accepted); bad: NaN, ±inf, outside the range, wrong types."""
    valid = st.floats(lo, hi, exclude_min=lo_open and lo is not None, exclude_max=hi_open and hi is not None,
                      allow_nan=False, allow_infinity=False)
    ints_lo = None if lo is None else math.floor(lo) + 1 if lo_open or lo != math.floor(lo) else int(lo)
    ints_hi = None if hi is None else math.ceil(hi) - 1 if hi_open or hi != math.ceil(hi) else int(hi)
    if ints_lo is None or ints_hi is None or ints_lo <= ints_hi:
        valid = valid | st.integers(ints_lo, ints_hi)
    if optional:
        valid = valid | st.none()
    bad: list = [NAN, INF, -INF] + _wrong_types_for_number(optional)
    randoms = []
    if lo is not None:
        bad.append(lo if lo_open else lo - max(1.0, abs(lo)) * 0.5)
        randoms.append(st.floats(max_value=lo, exclude_max=not lo_open, allow_nan=False, allow_infinity=False))
    if hi is not None:
        bad.append(hi if hi_open else hi + max(1.0, abs(hi)) * 0.5)
        randoms.append(st.floats(min_value=hi, exclude_min=not hi_open, allow_nan=False, allow_infinity=False))
    if default is None:
        if lo is not None and hi is not None:
            default = (lo + hi) / 2
        else:
            default = lo + 1.0 if lo is not None else (hi - 1.0 if hi is not None else 1.0)
    return P(valid, default, bad, st.one_of(randoms) if randoms else None)


def integer(lo: int | None = None, hi: int | None = None, *, multiple_of: int | None = None,
            default: int | None = None) -> P:
    """An int in [lo, hi] (optionally a multiple); bad: floats, outside the range, wrong types."""
    valid = st.integers(lo, hi)
    if multiple_of:
        valid = valid.filter(lambda n: n % multiple_of == 0)
    bad: list = [2.5, NAN, None, "3", True]
    randoms = []
    if lo is not None:
        bad.append(lo - 1)
        randoms.append(st.integers(max_value=lo - 1))
    if hi is not None:
        bad.append(hi + 1)
        randoms.append(st.integers(min_value=hi + 1))
    if multiple_of and lo is not None:
        bad.append(lo + 1)
    if default is None:
        default = lo if lo is not None else 1
    return P(valid, default, bad, st.one_of(randoms) if randoms else None)


def choice(options: Callable[[], list] | list, *, optional: bool = False, default: Any = None,
           normalise: Callable[[str], str] = lambda s: s.strip().casefold()) -> P:
    """One of ``options`` (a list, or a callable returning it); bad: unknown strings, wrong types."""
    get = options if callable(options) else (lambda: list(options))
    valid = st.deferred(lambda: st.sampled_from(get()))
    if optional:
        valid = valid | st.none()
    known = lambda s: normalise(s) in {normalise(str(o)) for o in get()}  # noqa: E731
    bad: list = ["no-such-option", 3] + ([] if optional else [None])
    return P(valid, default if default is not None else (lambda: get()[0]), bad,
             st.text(max_size=20).filter(lambda s: not known(s)), options=get)


def flag(default: bool = True) -> P:
    return P(st.booleans(), default, ["yes", 1, None], options=lambda: [True, False])


def text(default: str = "text") -> P:
    return P(st.text(min_size=1).filter(str.strip), default, [None, 3, b"bytes", ["a"]])


def array(lo: float | None = None, hi: float | None = None, *, min_size: int = 1, max_size: int = 200,
          default: list | None = None) -> P:
    """A 1-D array of finite floats; bad: NaN/inf inside, 2-D, too short, strings, out of range."""
    elems = st.floats(-1e6 if lo is None else lo, 1e6 if hi is None else hi, allow_nan=False, allow_infinity=False)
    valid = st.lists(elems, min_size=min_size, max_size=max_size).flatmap(
        lambda xs: st.sampled_from([xs, np.asarray(xs, dtype=float)]))
    bad: list = [[NAN] * max(min_size, 2), [1.0, INF] + [0.0] * max(0, min_size - 2), ["a"] * max(min_size, 2),
                 [[1.0, 2.0], [3.0, 4.0]], [0.0] * (min_size - 1) if min_size > 0 else None]
    if lo is not None:
        bad.append([lo - 1.0] * max(min_size, 1))
    if hi is not None:
        bad.append([hi + 1.0] * max(min_size, 1))
    return P(valid, default or [0.0, 1.0, 0.5][:max(min_size, 3)] + [0.0] * max(0, min_size - 3), bad)


def obj(factory: Callable[[], Any], *, optional: bool = False, bad: list | None = None) -> P:
    """An object built by ``factory`` (Axes, artists, a scenario…); bad: other types."""
    valid = st.builds(factory)
    if optional:
        valid = valid | st.none()
    return P(valid, factory, bad if bad is not None else ([] if optional else [None]) + ["not-this", 3])


def fixed(value: Any) -> P:
    """A parameter this table does not vary (no bad values tried)."""
    return P(st.just(value), value)


# =============================================================================================
# Result checks
# =============================================================================================
def well_formed(value: Any, *, nan_ok: bool = False, where: str = "result", depth: int = 0) -> None:
    """Assert that every number inside ``value`` is finite (NaN allowed if ``nan_ok``); figures have captions."""
    if depth > 6 or value is None or isinstance(value, (str, bytes, bool, np.bool_)):
        return
    if isinstance(value, numbers.Number):
        x = complex(value)
        if nan_ok and (math.isnan(x.real) or math.isnan(x.imag)):
            return
        assert math.isfinite(x.real) and math.isfinite(x.imag), f"{where} = {value!r} is not finite"
        return
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fciu":
            bad = ~np.isfinite(value) if not nan_ok else np.isinf(value)
            assert not bad.any(), f"{where} has {int(bad.sum())} non-finite value(s) of {value.size}"
        elif value.dtype.kind == "O":
            for i, item in enumerate(value.flat[:50]):
                well_formed(item, nan_ok=nan_ok, where=f"{where}[{i}]", depth=depth + 1)
        return
    if isinstance(value, (pd.DataFrame, pd.Series)):
        frame = value.to_frame() if isinstance(value, pd.Series) else value
        numeric = frame.select_dtypes("number")
        if not numeric.empty:
            inf = np.isinf(numeric.to_numpy(dtype=float, na_value=np.nan))
            assert not inf.any(), f"{where} has infinite values"
        return
    if isinstance(value, Figure):
        from hfs_edu.figures.style import caption_of

        assert caption_of(value).strip(), f"{where}: a figure without caption"
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            well_formed(getattr(value, f.name), nan_ok=nan_ok, where=f"{where}.{f.name}", depth=depth + 1)
        return
    if isinstance(value, Mapping):
        for k, v in list(value.items())[:200]:
            well_formed(v, nan_ok=nan_ok, where=f"{where}[{k!r}]", depth=depth + 1)
        return
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value[:500]):
            well_formed(item, nan_ok=nan_ok, where=f"{where}[{i}]", depth=depth + 1)


def is_type(*types) -> Callable[[Any, dict], None]:
    def check(result, kwargs):
        assert isinstance(result, types), f"returned {type(result).__name__}, expected {types}"
        well_formed(result)
    return check


def all_of(*checks) -> Callable[[Any, dict], None]:
    def check(result, kwargs):
        for c in checks:
            c(result, kwargs)
    return check


def probability(result, kwargs) -> None:
    well_formed(result)
    assert 0.0 <= float(result) <= 1.0, f"{result!r} is not within 0..1"


def non_negative(result, kwargs) -> None:
    well_formed(result)
    assert float(result) >= 0.0, f"{result!r} is negative"


def low_high(result, kwargs) -> None:
    well_formed(result)
    low, high = result[0], result[1]
    assert low <= high, f"low {low!r} > high {high!r}"


def nan_allowed(result, kwargs) -> None:
    well_formed(result, nan_ok=True)


# =============================================================================================
# The strategy table: one entry per public function
# =============================================================================================
@dataclass
class Spec:
    params: dict[str, P] = field(default_factory=dict)
    check: Callable[[Any, dict], None] = lambda result, kwargs: well_formed(result)
    where: Callable[[dict], bool] | None = None     # a relation the valid arguments must satisfy
    joint: st.SearchStrategy | None = None          # draws all valid arguments at once (overrides params)
    defaults: dict | None = None                    # valid base arguments when params' defaults do not fit
    bad_for: dict[str, Callable[[dict], list]] = field(default_factory=dict)  # bad values that depend on the base
    examples: int = 30
    all_options: bool = True    # also try every option of each finite-choice parameter (off for slow figures)


# -- lazily evaluated option lists (data-backed) -------------------------------------------------
def _tables():
    from hfs_edu.data import list_tables
    return list_tables()


def _bib_keys():
    from hfs_edu.data import bibliography
    return sorted(bibliography().index)


def _quizzes():
    from hfs_edu.quizzes import list_quizzes
    return list_quizzes()


def _questions():
    from hfs_edu.quizzes import list_quizzes, load_quiz
    return [q for ch in list_quizzes() for q in load_quiz(ch)]


def _branches():
    from hfs_edu.models.anatomy import branches
    return branches(terminal_only=False)


def _muscles():
    from hfs_edu.models.anatomy import muscles
    return muscles()


def _segments():
    from hfs_edu.models.anatomy import segment_names
    return segment_names()


def _measured_segments():
    from hfs_edu.models.anatomy import segments
    df = segments().dropna(subset=["length_mm_low", "length_mm_high"])
    return [str(s) for s in df["segment"]]


def _fact_ids():
    from hfs_edu.models.anatomy import facts
    return list(dict.fromkeys(str(x) for x in facts()["fact_id"]))


def _ct(name):
    return lambda: list(getattr(importlib.import_module("hfs_edu.models.crosstalk"), name))


def _chapters():
    from hfs_edu.figures.overview import COURSE_CHAPTERS
    return [c[0] for c in COURSE_CHAPTERS]


# -- object factories ------------------------------------------------------------------------------
def _axes() -> Axes:
    from hfs_edu.figures.style import new_figure
    return new_figure("test axes", width_in=4, height_in=3, layout=None)[1]


def _axes_pair() -> tuple[Axes, Axes]:
    from hfs_edu.figures.style import new_figure
    return tuple(new_figure("test axes", 1, 2, width_in=6, height_in=3, layout=None)[1])


def _face_artists():
    from hfs_edu.figures.anatomy import draw_face
    return draw_face(*_axes_pair())


def _wear_artists():
    from hfs_edu.figures.conflict import draw_myelin_wear
    return draw_myelin_wear(*_axes_pair())


def _wear_scenario():
    from hfs_edu.figures.conflict import wear_scenario
    return wear_scenario()


def _figure() -> Figure:
    from hfs_edu.figures.style import new_figure
    return new_figure("A test figure.", width_in=3, height_in=2, layout=None)[0]


def _uncaptioned() -> Figure:
    return Figure(figsize=(2, 2))


def _drawn_canvas():
    from hfs_edu.figures.style import agg_canvas
    fig = _figure()
    canvas = agg_canvas(fig)
    canvas.draw()
    return canvas


def _simulation(demyelination: float = 0.8, compression: float = 0.8, seed: int = 0):
    from hfs_edu.models.crosstalk import simulate
    return simulate(demyelination, compression, duration_ms=300.0, seed=seed)


def _spasm_artists(n_fibres: int):
    from hfs_edu.figures.crosstalk import draw_spasm
    return draw_spasm(300.0, n_fibres)


SIMULATION = P(st.builds(_simulation, st.floats(0, 1), st.floats(0, 1), st.integers(0, 5)), _simulation,
               [None, "sim", 3])


def _lsr(demyelination: float = 0.8, compression: float = 0.8):
    from hfs_edu.models.crosstalk import lateral_spread_response
    return lateral_spread_response(demyelination, compression)


def _direct():
    from hfs_edu.figures.lsr import direct_response
    return direct_response(0.8, 0.8)


def _lsr_artists():
    from hfs_edu.figures.lsr import draw_lsr
    return draw_lsr()


OPTIONAL_CAPTION = P(st.none() | st.text(min_size=1, max_size=40).filter(str.strip), None, [3, b"caption", ["a"]])


def _prevalence(group):
    def make():
        from hfs_edu.models.epidemiology import prevalence_estimates
        return prevalence_estimates(group)
    return make


def _a_function():
    def f(x=1):
        return x
    return f


# -- joint strategies ---------------------------------------------------------------------------------
def _response_for(q: dict) -> st.SearchStrategy:
    if q["type"] == "numeric":
        return st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False) | st.integers(-1000, 1000)
    n = len(q["options"])
    if q["type"] == "single":
        return st.integers(0, n - 1)
    return st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True)


def _bad_responses(kwargs: dict) -> list:
    q = kwargs["question"]
    if q["type"] == "numeric":
        return [NAN, INF, "3", None, True]
    n = len(q["options"])
    return [n, -1, "a", None, 2.5] if q["type"] == "single" else [[n], [-1], "a", None, [0.5], [], [0, 0]]


def _single_question() -> dict:
    return next(q for q in _questions() if q["type"] == "single")


#: a question dict is drawn jointly (from the course quizzes); bad: wrong types and malformed dicts
_QUESTION = P(st.nothing(), None, [None, "q1", 3, {}, {"type": "essay"},
                                   {"id": "x", "type": "single", "kind": "recall", "stem": "?", "hint": "h",
                                    "explanation": "no citation", "options": [{"text": "a", "correct": True}]}])

CHECK_ANSWER_JOINT = st.deferred(lambda: st.sampled_from(_questions())).flatmap(
    lambda q: st.fixed_dictionaries({"question": st.just(q), "response": _response_for(q),
                                      "attempt": st.integers(1, 100)}))


def _same_length_traces(names: tuple[str, ...], min_size: int = 1, **other: P) -> st.SearchStrategy:
    elems = st.floats(-5, 5, allow_nan=False, allow_infinity=False)

    def build(n):
        parts = {name: st.lists(elems, min_size=n, max_size=n) for name in names}
        if "time_ms" in names:
            parts["time_ms"] = st.just([float(i) * 0.1 for i in range(n)])
        parts.update({k: p.valid for k, p in other.items()})
        return st.fixed_dictionaries(parts)

    return st.integers(min_size, 200).flatmap(build)


# -- shared parameter sets ------------------------------------------------------------------------------
SEVERITY = P(st.floats(0, 1) | st.sampled_from(["none", "mild", "moderate", "severe"]), 0.5,
             [NAN, INF, -0.5, 1.5, None, True, "no-such-grade", [0.5]],
             st.floats(min_value=1, exclude_min=True, allow_nan=False, allow_infinity=False))
PULSATION = num(0, 1)
SBP = num(70, 250, default=120.0)
DEMYELINATION, COMPRESSION = num(0, 1), num(0, 1)
FIBRES = integer(8, 96, multiple_of=4, default=24)
CT_BRANCH = choice(_ct("BRANCHES"), normalise=lambda s: s.replace("_", " ").strip().casefold())
CT_MUSCLE = choice(_ct("MUSCLES"), normalise=lambda s: s.replace("_", " ").strip().casefold())


def _ct_pair_ok(kw: dict) -> bool:
    from hfs_edu.models import crosstalk as ct
    return ct.BRANCHES.index(kw["stimulate_branch"]) != ct.MUSCLES.index(kw["record_muscle"])


CT_PAIR_DEFAULTS = {"stimulate_branch": "zygomatic", "record_muscle": "mentalis"}

SPECS: dict[str, Spec] = {
    # -- hfs_edu.data -----------------------------------------------------------------------------------
    "hfs_edu.data.data_dir": Spec(check=lambda r, kw: (isinstance(r, Path) and r.is_dir()) or pytest.fail(f"{r}")),
    "hfs_edu.data.manifest": Spec(check=lambda r, kw: isinstance(r.get("tables"), dict) or pytest.fail("no tables")),
    "hfs_edu.data.list_tables": Spec(check=lambda r, kw: (r and all(isinstance(t, str) for t in r)) or pytest.fail(r)),
    "hfs_edu.data.load_table": Spec({"name": choice(_tables)}, is_type(pd.DataFrame)),
    "hfs_edu.data.table_info": Spec({"name": choice(_tables)}, is_type(dict)),
    "hfs_edu.data.bibliography": Spec(check=is_type(pd.DataFrame)),
    # -- hfs_edu.citations ---------------------------------------------------------------------------------
    "hfs_edu.citations.find_citations": Spec(
        {"text": P(st.text() | st.builds(lambda k, t: f"see [{k}:{t}]", st.sampled_from(["S13", "N4", "TC"]),
                                         st.sampled_from("ABCT")), "[S13:A]", [None, 3, b"[S1:A]", ["[S1:A]"]])},
        is_type(list)),
    "hfs_edu.citations.cite": Spec({"key": choice(_bib_keys, normalise=lambda s: s)}, is_type(str)),
    "hfs_edu.citations.tier_of": Spec({"key": choice(_bib_keys, normalise=lambda s: s)},
                                      lambda r, kw: r in ("A", "B", "C", "T") or pytest.fail(repr(r))),
    "hfs_edu.citations.format_reference": Spec({"key": choice(_bib_keys, normalise=lambda s: s), "markdown": flag()},
                                               is_type(str)),
    "hfs_edu.citations.reference_list": Spec(
        {"keys": P(st.deferred(lambda: st.lists(st.sampled_from(_bib_keys()), max_size=5)), ["S13"],
                   ["S13", None, 3, [3], ["no-such-key"]]),
         "markdown": flag()}, is_type(str), examples=15),
    # -- hfs_edu.quizzes ----------------------------------------------------------------------------------------
    "hfs_edu.quizzes.list_quizzes": Spec(check=is_type(list)),
    "hfs_edu.quizzes.load_quiz": Spec({"chapter": choice(_quizzes, normalise=lambda s: s)}, is_type(list)),
    "hfs_edu.quizzes.check_answer": Spec(
        {"question": _QUESTION, "response": P(st.nothing(), None), "attempt": integer(1, 100, default=1)},
        lambda r, kw: (isinstance(r.correct, bool) and r.message.strip()) or pytest.fail(repr(r)),
        joint=CHECK_ANSWER_JOINT, defaults={"question": lambda: _single_question(), "response": 0, "attempt": 1},
        bad_for={"response": _bad_responses}),
    "hfs_edu.quizzes.option_order": Spec(
        {"question": _QUESTION, "chapter": text("01_facial_nerve")},
        lambda r, kw: sorted(r) == list(range(len(kw["question"].get("options", [])))) or pytest.fail(repr(r)),
        joint=st.deferred(lambda: st.fixed_dictionaries({"question": st.sampled_from(_questions()),
                                                         "chapter": st.sampled_from(_quizzes())})),
        defaults={"question": lambda: _single_question(), "chapter": "01_facial_nerve"}),
    "hfs_edu.quizzes.correct_options": Spec({"question": _QUESTION}, is_type(list),
                                            joint=st.deferred(lambda: st.fixed_dictionaries(
                                                {"question": st.sampled_from(_questions())})),
                                            defaults={"question": lambda: _single_question()}),
    "hfs_edu.quizzes.answer_text": Spec({"question": _QUESTION}, lambda r, kw: r.strip() or pytest.fail(repr(r)),
                                        joint=st.deferred(lambda: st.fixed_dictionaries(
                                            {"question": st.sampled_from(_questions())})),
                                        defaults={"question": lambda: _single_question()}),
    "hfs_edu.quizzes.citation_keys": Spec({"question": _QUESTION}, lambda r, kw: r or pytest.fail(repr(r)),
                                          joint=st.deferred(lambda: st.fixed_dictionaries(
                                              {"question": st.sampled_from(_questions())})),
                                          defaults={"question": lambda: _single_question()}),
    "hfs_edu.quizzes.reveal": Spec({"question": _QUESTION}, lambda r, kw: r.startswith("The answer") or pytest.fail(r),
                                   joint=st.deferred(lambda: st.fixed_dictionaries(
                                       {"question": st.sampled_from(_questions())})),
                                   defaults={"question": lambda: _single_question()}),
    # -- hfs_edu.models.anatomy -------------------------------------------------------------------------------
    "hfs_edu.models.anatomy.branches": Spec({"terminal_only": flag()}, is_type(list)),
    "hfs_edu.models.anatomy.muscles": Spec(
        {"terminal_only": flag(False), "face_region": choice(["upper", "lower", "other"], optional=True)},
        is_type(list)),
    "hfs_edu.models.anatomy.muscles_of": Spec({"branch": choice(_branches)}, is_type(list)),
    "hfs_edu.models.anatomy.branches_of": Spec({"muscle": choice(_muscles)}, is_type(list)),
    "hfs_edu.models.anatomy.muscle_info": Spec({"muscle": choice(_muscles)}),
    "hfs_edu.models.anatomy.cross_talk_muscles": Spec(
        {"stimulated_branch": choice(_branches), "linked_branch": choice(_branches)}, is_type(dict),
        where=lambda kw: kw["stimulated_branch"] != kw["linked_branch"],
        defaults={"stimulated_branch": "zygomatic", "linked_branch": "marginal mandibular"}),
    "hfs_edu.models.anatomy.segments": Spec(check=is_type(pd.DataFrame)),
    "hfs_edu.models.anatomy.segment_names": Spec(check=is_type(list)),
    "hfs_edu.models.anatomy.segment_length_mm": Spec({"segment": choice(_measured_segments, default="cisternal")},
                                                     low_high),
    "hfs_edu.models.anatomy.nerve_path_length_mm": Spec(
        {"from_segment": choice(_segments, default="cisternal"), "to_segment": choice(_segments, default="mastoid")},
        low_high, where=lambda kw: _segments().index(kw["from_segment"]) <= _segments().index(kw["to_segment"])),
    "hfs_edu.models.anatomy.facts": Spec({"fact_id": choice(_fact_ids, optional=True)}, is_type(pd.DataFrame)),
    "hfs_edu.models.anatomy.fact_range": Spec({"fact_id": choice(_fact_ids)}, low_high),
    "hfs_edu.models.anatomy.conduction_time_ms": Spec(
        {"length_mm": num(0, 500), "velocity_m_per_s": num(0.1, 150)}, non_negative),
    "hfs_edu.models.anatomy.source_keys": Spec(check=is_type(list)),
    # -- hfs_edu.models.epidemiology ----------------------------------------------------------------------------
    "hfs_edu.models.epidemiology.prevalence_estimates": Spec({"age_group": choice(["all ages", "over 70"])},
                                                             is_type(pd.DataFrame)),
    "hfs_edu.models.epidemiology.expected_cases": Spec(
        {"population": num(1, 1e10, default=1e5),
         "prevalence_per_100000": P(st.floats(0, 1000) | st.lists(st.floats(0, 1000), min_size=1, max_size=20), 10.0,
                                    [NAN, INF, -1.0, 1001.0, None, "10", [NAN], [-1.0], [[1.0]], []])},
        lambda r, kw: (well_formed(r), np.all(np.asarray(r) >= 0) or pytest.fail(f"negative count {r}"))),
    # -- hfs_edu.models.compression -------------------------------------------------------------------------------
    "hfs_edu.models.compression.severity_from_category": Spec({"category": choice(["none", "mild", "moderate", "severe"])},
                                                              probability),
    "hfs_edu.models.compression.pulsation_from_pulse_pressure": Spec({"pulse_pressure_mmhg": num(0, 150)}, probability),
    "hfs_edu.models.compression.wear_rate_per_year": Spec(
        {"severity": SEVERITY, "pulsation": PULSATION, "systolic_bp_mmhg": SBP, "age_years": num(0, 100)}, non_negative),
    "hfs_edu.models.compression.repair_rate_per_year": Spec({"severity": SEVERITY, "age_years": num(0, 100)},
                                                            non_negative),
    "hfs_edu.models.compression.myelin_integrity": Spec(
        {"years": num(0, 80, default=20.0), "severity": SEVERITY, "pulsation": PULSATION, "systolic_bp_mmhg": SBP,
         "age_years": num(0, 100, default=40.0)},
        nan_allowed, where=lambda kw: kw["age_years"] + kw["years"] <= 110),
    "hfs_edu.models.compression.integrity_after": Spec(
        {"years": num(0, 80, default=20.0), "severity": SEVERITY, "pulsation": PULSATION, "systolic_bp_mmhg": SBP,
         "age_years": num(0, 100, default=40.0)},
        probability, where=lambda kw: kw["age_years"] + kw["years"] <= 110),
    "hfs_edu.models.compression.years_to_symptoms": Spec(
        {"severity": SEVERITY, "pulsation": PULSATION, "systolic_bp_mmhg": SBP, "age_years": num(0, 100, default=40.0),
         "horizon_years": num(1, 80, default=60.0)},
        lambda r, kw: well_formed(r, nan_ok=True) or (math.isnan(r) or r >= 0) or pytest.fail(repr(r))),
    "hfs_edu.models.compression.decompression_recovery": Spec(
        {"integrity_at_surgery": num(0, 1), "days": num(1, 3650, default=365.0), "age_years": num(0, 100),
         "n_points": integer(2, 10_000, default=200)}),
    "hfs_edu.models.compression.hypertension_odds_ratio": Spec(
        {"sbp_high_mmhg": num(70, 250, default=150.0), "sbp_normal_mmhg": num(70, 250, default=120.0),
         "by_age_years": num(60, 100, default=65.0)},
        lambda r, kw: (well_formed(r), r > 0 or pytest.fail(repr(r))),
        where=lambda kw: kw["sbp_high_mmhg"] > kw["sbp_normal_mmhg"], examples=10),
    "hfs_edu.models.compression.cohort_onset_ages": Spec(
        {"systolic_bp_mmhg": SBP, "max_age_years": num(60, 100, default=90.0)}, examples=10),
    # -- hfs_edu.models.crosstalk_lesion (re-exported by crosstalk) -------------------------------------------------
    "hfs_edu.models.crosstalk_lesion.conduction_velocity": Spec(
        {"demyelination": DEMYELINATION, "healthy_cv_m_per_s": num(1, 120, default=35.0)}, non_negative),
    "hfs_edu.models.crosstalk_lesion.safety_factor": Spec({"demyelination": DEMYELINATION}, non_negative),
    "hfs_edu.models.crosstalk_lesion.ephaptic_drive_mv": Spec(
        {"demyelination": DEMYELINATION, "compression": COMPRESSION, "active_fraction": num(0, 1, default=0.25)},
        non_negative),
    "hfs_edu.models.crosstalk_lesion.ephaptic_threshold_mv": Spec({"demyelination": DEMYELINATION}, non_negative),
    # -- hfs_edu.models.crosstalk ------------------------------------------------------------------------------------
    "hfs_edu.models.crosstalk.simulate": Spec(
        {"demyelination": DEMYELINATION, "compression": COMPRESSION, "pulsation": PULSATION, "n_fibres": FIBRES,
         "duration_ms": num(20, 5000, default=200.0), "dt_ms": num(0.01, 0.5, default=0.1),
         "stimulate": choice(_ct("BRANCHES"), optional=True,
                             normalise=lambda s: s.replace("_", " ").strip().casefold()),
         "spontaneous": flag(), "heart_rate_bpm": num(30, 200, default=70.0), "seed": integer(0, 2**32 - 1, default=0)},
        nan_allowed, examples=12),
    "hfs_edu.models.crosstalk.lateral_spread_response": Spec(
        {"demyelination": DEMYELINATION, "compression": COMPRESSION, "stimulate_branch": CT_BRANCH,
         "record_muscle": CT_MUSCLE, "n_fibres": FIBRES, "dt_ms": num(0.005, 0.5, default=0.05)},
        nan_allowed, where=_ct_pair_ok, defaults=CT_PAIR_DEFAULTS, examples=20),
    "hfs_edu.models.crosstalk.latency_budget": Spec(
        {"demyelination": DEMYELINATION, "compression": COMPRESSION, "stimulate_branch": CT_BRANCH,
         "record_muscle": CT_MUSCLE, "n_fibres": FIBRES},
        nan_allowed, where=_ct_pair_ok, defaults=CT_PAIR_DEFAULTS, examples=20),
    "hfs_edu.models.crosstalk.decompress": Spec(
        {"demyelination": DEMYELINATION, "compression": COMPRESSION, "days": num(1, 3650, default=365.0),
         "age_years": num(0, 100, default=50.0), "stimulate_branch": CT_BRANCH, "record_muscle": CT_MUSCLE,
         "n_fibres": FIBRES, "n_points": integer(2, 2000, default=100)},
        nan_allowed, where=_ct_pair_ok, defaults=CT_PAIR_DEFAULTS, examples=12),
    # -- hfs_edu.models.crosstalk_emg -----------------------------------------------------------------------------------
    "hfs_edu.models.crosstalk_emg.emg_envelope": Spec(
        {"trace_mv": array(), "dt_ms": num(0.001, 1, default=0.1), "window_ms": num(0.1, 1000, default=20.0)}),
    "hfs_edu.models.crosstalk_emg.onset_latency_ms": Spec(
        {"time_ms": array(min_size=2, default=[0.0, 0.1, 0.2]), "trace_mv": array(min_size=2, default=[0.0, 1.0, 0.5]),
         "fraction": num(0, 1, lo_open=True, hi_open=True, default=0.05)},
        nan_allowed, joint=_same_length_traces(("time_ms", "trace_mv"), 2,
                                               fraction=num(0, 1, lo_open=True, hi_open=True))),
    "hfs_edu.models.crosstalk_emg.synkinesis_index": Spec(
        {"trace_a_mv": array(), "trace_b_mv": array(), "dt_ms": num(0.001, 1, default=0.1),
         "window_ms": num(0.1, 1000, default=20.0)},
        lambda r, kw: (well_formed(r), -1 - 1e-9 <= r <= 1 + 1e-9 or pytest.fail(repr(r))),
        joint=_same_length_traces(("trace_a_mv", "trace_b_mv"), 1, dt_ms=num(0.001, 1), window_ms=num(0.1, 1000))),
    "hfs_edu.models.crosstalk_emg.burst_overlap_fraction": Spec(
        {"trace_a_mv": array(), "trace_b_mv": array(), "dt_ms": num(0.001, 1, default=0.1),
         "level_mv": num(0, 10, lo_open=True, default=0.02), "window_ms": num(0.1, 1000, default=20.0)},
        lambda r, kw: (well_formed(r, nan_ok=True), math.isnan(r) or 0 <= r <= 1 or pytest.fail(repr(r))),
        joint=_same_length_traces(("trace_a_mv", "trace_b_mv"), 1, dt_ms=num(0.001, 1),
                                  level_mv=num(0, 10, lo_open=True), window_ms=num(0.1, 1000))),
    # -- hfs_edu.figures.style -----------------------------------------------------------------------------------------------
    "hfs_edu.figures.style.new_figure": Spec(
        {"caption": text("A caption."), "nrows": integer(1, 6), "ncols": integer(1, 6),
         "width_in": num(1, 20, default=4.0), "height_in": num(1, 20, default=3.0),
         "layout": choice(["constrained"], optional=True, normalise=lambda s: s)},
        lambda r, kw: (isinstance(r[0], Figure) and r[0].hfs_caption) or pytest.fail(repr(r)), examples=5),
    "hfs_edu.figures.style.render_png": Spec(
        {"fig": obj(_figure, bad=[None, "fig", 3]), "dpi": P(st.integers(20, 150) | st.none(), None,
                                                              [2.5, NAN, "100", True, 19, 601]),
         "force": P(st.booleans(), False, [None, 1, "yes"])},
        lambda r, kw: r[:8] == b"\x89PNG\r\n\x1a\n" or pytest.fail("not a PNG"), examples=5),
    "hfs_edu.figures.style.encode_png": Spec(
        {"canvas": obj(_drawn_canvas, bad=[None, "canvas", 3]),
         "dpi": P(st.integers(20, 150) | st.none(), None, [2.5, NAN, "100", True, -5])},
        lambda r, kw: r[:8] == b"\x89PNG\r\n\x1a\n" or pytest.fail("not a PNG"), examples=5),
    "hfs_edu.figures.style.agg_canvas": Spec({"fig": obj(_figure, bad=[None, "fig", 3])}, examples=5),
    "hfs_edu.figures.style.settle_layout": Spec({"fig": obj(_figure, bad=[None, "fig", 3])}, examples=5),
    "hfs_edu.figures.style.caption_of": Spec({"fig": obj(_figure, bad=[None, "fig", 3, _uncaptioned()])},
                                             is_type(str), examples=5),
    "hfs_edu.figures.style.styled": Spec({"func": obj(_a_function, bad=[None, "func", 3])},
                                         lambda r, kw: callable(r) or pytest.fail(repr(r)), examples=5),
    # -- hfs_edu.figures.overview -----------------------------------------------------------------------------------------------
    "hfs_edu.figures.overview.hfs_at_a_glance": Spec({"show_labels": flag()}, is_type(Figure), examples=4),
    "hfs_edu.figures.overview.course_map": Spec({"highlight": choice(_chapters, optional=True, normalise=lambda s: s)},
                                                is_type(Figure), examples=5, all_options=False),
    # -- hfs_edu.figures.epidemiology -------------------------------------------------------------------------------------------
    "hfs_edu.figures.epidemiology.prevalence_figure": Spec(
        {"estimates": obj(_prevalence("all ages")), "older": obj(_prevalence("over 70")),
         "population": num(1, 1e10, default=5e5), "share_over_70_pct": num(0, 100, default=12.0)},
        is_type(Figure), examples=5),
    "hfs_edu.figures.epidemiology.count_label": Spec({"count": num(0, 1e10, default=12.0)}, is_type(str)),
    # -- hfs_edu.figures.anatomy ------------------------------------------------------------------------------------------------
    "hfs_edu.figures.anatomy.draw_face": Spec({"ax": obj(_axes), "key_ax": obj(_axes)}, examples=3),
    "hfs_edu.figures.anatomy.style_face": Spec(
        {"art": obj(_face_artists), "highlight_branch": choice(_branches, optional=True),
         "highlight_muscle": choice(_muscles, optional=True)},
        defaults={"highlight_branch": None, "highlight_muscle": None}, examples=6, all_options=False),
    "hfs_edu.figures.anatomy.face_map": Spec(
        {"highlight_branch": choice(_branches, optional=True), "highlight_muscle": choice(_muscles, optional=True),
         "ax": obj(_axes, optional=True)},
        is_type(Figure), defaults={"highlight_branch": None, "highlight_muscle": None, "ax": None}, examples=6,
        all_options=False),
    "hfs_edu.figures.anatomy.nerve_course_diagram": Spec(check=is_type(Figure)),
    # -- hfs_edu.figures.crosstalk --------------------------------------------------------------------------------------------------
    "hfs_edu.figures.crosstalk.spasm_summary": Spec({"sim": SIMULATION}, nan_allowed, examples=8),
    "hfs_edu.figures.crosstalk.journey_figure": Spec(
        {"demyelination": P(st.floats(0, 1) | st.lists(st.floats(0, 1), min_size=1, max_size=6), (0.0,),
                            [NAN, INF, -0.5, 1.5, None, "0.5", [NAN], [1.5], [], [0.1] * 7], mention_value=False)},
        is_type(Figure), examples=5),
    "hfs_edu.figures.crosstalk.conduction_figure": Spec(check=is_type(Figure)),
    "hfs_edu.figures.crosstalk.coupling_map_figure": Spec(
        {"points": P(st.none() | st.just({"a point": (0.5, 0.5)}), None,
                     ["points", 3, {"bad": (NAN, 0.5)}, {"bad": (2.0, 0.5)}, {"bad": "x"}]),
         # the grid costs n_grid² model runs: the valid draws stay small (the full range is 6-61)
         "n_grid": P(st.integers(6, 10), 6, [2.5, NAN, None, "8", True, 5, 62])},
        is_type(Figure), examples=3),
    "hfs_edu.figures.crosstalk.draw_spasm": Spec(
        {"duration_ms": num(20, 5000, default=500.0), "n_fibres": integer(8, 200, default=24),
         "caption": OPTIONAL_CAPTION}, examples=3),
    "hfs_edu.figures.crosstalk.update_spasm": Spec(
        {"art": obj(lambda: _spasm_artists(24)), "sim": SIMULATION}, nan_allowed,
        joint=st.builds(lambda sim: {"art": _spasm_artists(len(sim.spike_times_ms)), "sim": sim}, SIMULATION.valid),
        examples=3),
    "hfs_edu.figures.crosstalk.spasm_figure": Spec(
        {"sim": SIMULATION, "caption": OPTIONAL_CAPTION},
        is_type(Figure), examples=3),
    "hfs_edu.figures.crosstalk.raster_figure": Spec({"sim": SIMULATION}, is_type(Figure), examples=3),
    "hfs_edu.figures.crosstalk.emg_figure": Spec({"sim": SIMULATION}, is_type(Figure), examples=3),
    # -- hfs_edu.figures.lsr ------------------------------------------------------------------------------------------------------
    "hfs_edu.figures.lsr.in_window": Spec({"latency_ms": num(default=10.0)},
                                          lambda r, kw: isinstance(r, bool) or pytest.fail(repr(r))),
    "hfs_edu.figures.lsr.direct_response": Spec(
        {"demyelination": DEMYELINATION, "compression": COMPRESSION, "stimulate_branch": CT_BRANCH,
         "dt_ms": num(0.01, 0.5, default=0.05)}, examples=10),
    "hfs_edu.figures.lsr.draw_lsr": Spec({"caption": OPTIONAL_CAPTION}, examples=3),
    "hfs_edu.figures.lsr.update_lsr": Spec(
        {"art": obj(_lsr_artists), "lsr": obj(_lsr, optional=True),
         "direct": P(st.none() | st.builds(_direct), None, ["direct", 3, (1, 2)], mention_value=False),
         "state": P(st.text(max_size=30), "", [3, None, ["a"]]), "note": P(st.text(max_size=30), "", [3, None, ["a"]])},
        lambda r, kw: isinstance(r, bool) or pytest.fail(repr(r)), examples=5),
    "hfs_edu.figures.lsr.lsr_figure": Spec(
        {"lsr": obj(_lsr), "direct": P(st.none() | st.builds(_direct), None, ["direct", 3]),
         "caption": OPTIONAL_CAPTION}, is_type(Figure), examples=3),
    "hfs_edu.figures.lsr.latency_budget_figure": Spec(
        {"lsr": P(st.builds(_lsr, st.floats(0.75, 1), st.floats(0.75, 1)).filter(lambda r: r.present), _lsr,
                  [None, "lsr", 3])}, is_type(Figure), examples=3),
    "hfs_edu.figures.lsr.lsr_diagnostic_figure": Spec(check=is_type(Figure)),
    "hfs_edu.figures.lsr.natural_frequencies": Spec(
        {"sensitivity_pct": num(0, 100), "specificity_pct": num(0, 100), "persist_pct": num(0, 100),
         "n": integer(10, 1_000_000, default=1000)}, is_type(dict)),
    "hfs_edu.figures.lsr.outcome_frequency_figure": Spec(
        {"sensitivity_pct": num(0, 100, default=40.0), "specificity_pct": num(0, 100, default=89.0),
         "persist_pct": num(0, 100, default=8.9), "n": integer(10, 1_000_000, default=1000)},
        is_type(Figure), examples=3),
    "hfs_edu.figures.lsr.two_theories_figure": Spec(check=is_type(Figure)),
    "hfs_edu.figures.lsr.decompression_figure": Spec(
        {"states": P(st.none() | st.just({"a state": (0.8, 0.8)}), None, ["states", 3, {"bad": "x"}]),
         "age_years": num(0, 100, default=50.0), "days": num(7, 3650, default=240.0)}, is_type(Figure), examples=3),
    # -- hfs_edu.figures.conflict -------------------------------------------------------------------------------------------------
    "hfs_edu.figures.conflict.conflict_schematic": Spec(check=is_type(Figure)),
    "hfs_edu.figures.conflict.offending_vessels_figure": Spec(check=is_type(Figure)),
    "hfs_edu.figures.conflict.contact_figure": Spec(check=is_type(Figure)),
    "hfs_edu.figures.conflict.hypertension_forest_plot": Spec(check=is_type(Figure)),
    "hfs_edu.figures.conflict.aetiology_figure": Spec(check=is_type(Figure)),
    "hfs_edu.figures.conflict.wear_by_severity_figure": Spec(
        {"systolic_bp_mmhg": SBP, "age_years": num(0, 70, default=45.0)}, is_type(Figure), examples=5),
    "hfs_edu.figures.conflict.wear_scenario": Spec(
        {"severity": SEVERITY, "years": num(0, 40, default=15.0), "systolic_bp_mmhg": SBP,
         "age_years": num(0, 70, default=45.0), "vessel": choice(["artery", "vein"])}, nan_allowed, examples=15),
    "hfs_edu.figures.conflict.myelin_wear_figure": Spec(
        {"severity": SEVERITY, "years": num(0, 40, default=15.0), "systolic_bp_mmhg": SBP,
         "age_years": num(0, 70, default=45.0), "vessel": choice(["artery", "vein"])}, is_type(Figure), examples=5),
    "hfs_edu.figures.conflict.draw_myelin_wear": Spec({"ax_time": obj(_axes), "ax_bp": obj(_axes)}, examples=3),
    "hfs_edu.figures.conflict.update_myelin_wear": Spec({"art": obj(_wear_artists), "scen": obj(_wear_scenario)},
                                                         examples=3),
}

#: Contract violations found in code owned by others: ``(test kind, function key, parameter or None): reason``.
#: Strict xfail: fixing one makes its test XPASS (= fail), so remove the entry then.
KNOWN_VIOLATIONS: dict[tuple[str, str, str | None], str] = {
}


# =============================================================================================
# Machinery
# =============================================================================================
def _resolve(value):
    return value() if callable(value) and not isinstance(value, type) and not inspect.isclass(value) else value


def default_kwargs(spec: Spec) -> dict:
    kw = {name: p.default_value() for name, p in spec.params.items()}
    if spec.defaults:
        kw.update({k: _resolve(v) for k, v in spec.defaults.items()})
    return kw


def valid_strategy(spec: Spec) -> st.SearchStrategy:
    if spec.joint is not None:
        return spec.joint
    s = st.fixed_dictionaries({name: p.valid for name, p in spec.params.items()})
    return s.filter(spec.where) if spec.where else s


def option_examples(spec: Spec) -> list[dict]:
    """Every option of each finite-choice parameter, the others at their defaults."""
    if spec.joint is not None or not spec.all_options:
        return []
    base = default_kwargs(spec)
    out = []
    for name, p in spec.params.items():
        if p.options is None:
            continue
        for option in p.options():
            kw = {**base, name: option}
            if spec.where is None or spec.where(kw):
                out.append(kw)
    return out


def _is_scalar(value) -> bool:
    return value is None or isinstance(value, (str, bytes, numbers.Number, np.generic))


def mentions_value(message: str, value, exc: BaseException | None = None) -> bool:
    """Does ``message`` show the bad ``value`` (repr, str, or %g; NaN/inf by name)?

    For a ``TypeError`` the type's name is enough ("got int"); for non-scalars
    (lists, arrays, objects) nothing more than the parameter name is required.
    """
    if isinstance(exc, TypeError) and re.search(rf"\b{re.escape(type(value).__name__)}\b", message):
        return True
    if not _is_scalar(value):
        return True
    candidates = {repr(value), str(value)}
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        x = float(value)
        candidates |= {f"{x:g}", repr(x), str(x)}
        if math.isnan(x):
            candidates.add("nan")
        if math.isinf(x):
            candidates.add("inf")
    if isinstance(value, str) and value.strip():
        candidates |= {value.strip(), repr(value.replace("_", " "))}  # as the crosstalk model normalises names
    return any(c and (c in message or c[:40] in message) for c in candidates if c)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def call_with_bad(fn, kwargs: dict, param: str, bad) -> str | None:
    """Call ``fn`` with ``param=bad``; return a description of the contract violation, or None."""
    kw = {**kwargs, param: bad}
    try:
        fn(**kw)
    except (TypeError, ValueError) as exc:
        msg = str(exc)
        if param not in msg:
            return f"{param}={_short(bad)}: {type(exc).__name__} does not name '{param}': {msg[:200]!r}"
        if not mentions_value(msg, bad, exc):
            return f"{param}={_short(bad)}: {type(exc).__name__} does not show the value: {msg[:200]!r}"
        return None
    except Exception as exc:  # noqa: BLE001 - the point: only TypeError/ValueError may escape
        return f"{param}={_short(bad)}: raised {type(exc).__name__} (only TypeError/ValueError may escape): {str(exc)[:200]!r}"
    return f"{param}={_short(bad)}: accepted without an error"


def _mark(kind: str, key: str, param: str | None):
    reason = KNOWN_VIOLATIONS.get((kind, key, param))
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


def _phases(kind: str, key: str, param: str | None) -> tuple:
    """No shrinking for known violations: the failure is expected, shrinking it only costs time."""
    if (kind, key, param) in KNOWN_VIOLATIONS:
        return (Phase.explicit, Phase.reuse, Phase.generate)
    return tuple(Phase)


def _spec_keys() -> list[str]:
    return sorted(SPECS)


VALID_CASES = [pytest.param(key, id=key.removeprefix("hfs_edu."), marks=_mark("valid", key, None))
               for key in _spec_keys()]
BAD_CASES = [pytest.param(key, name, id=f"{key.removeprefix('hfs_edu.')}:{name}", marks=_mark("bad", key, name))
             for key in _spec_keys() for name, p in SPECS[key].params.items()
             if p.bad or p.bad_random is not None or name in SPECS[key].bad_for]


# =============================================================================================
# Tests
# =============================================================================================
def _module_exists(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        return False  # an entry for a module another engineer has not committed yet
    return True


def test_every_public_function_has_a_spec():
    public = set(public_functions())
    missing = sorted(public - set(SPECS))
    stale = sorted(k for k in set(SPECS) - public if _module_exists(k.rsplit(".", 1)[0]))
    assert not missing, (
        "public functions without a strategy entry in tests/test_properties.py SPECS (add one: valid ranges and "
        "bad values, see the helpers num/integer/choice/flag/array/obj):\n  " + "\n  ".join(missing))
    assert not stale, "SPECS entries for functions that are no longer public:\n  " + "\n  ".join(stale)


def test_every_public_module_declares_all():
    lacking = [m for m in public_modules() if not hasattr(importlib.import_module(m), "__all__")]
    assert not lacking, f"modules without __all__ (their public functions cannot be discovered): {lacking}"


def test_spec_parameters_match_signatures():
    problems = []
    for key, spec in SPECS.items():
        fn = public_functions().get(key)
        if fn is None:
            continue
        sig = inspect.signature(fn)
        names = [n for n, p in sig.parameters.items() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        required = {n for n, p in sig.parameters.items() if p.default is p.empty
                    and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        unknown = set(spec.params) - set(names)
        uncovered = set(names) - set(spec.params)
        if unknown:
            problems.append(f"{key}: SPECS names parameters it does not have: {sorted(unknown)}")
        if uncovered:
            problems.append(f"{key}: parameters without a strategy: {sorted(uncovered)}"
                            + (" (required)" if uncovered & required else ""))
    assert not problems, "\n".join(problems)


def _function(key: str) -> Callable:
    """The public function for ``key``; skip if its module is not in this checkout yet (work in progress)."""
    fn = public_functions().get(key)
    if fn is not None:
        return fn
    module = key.rsplit(".", 1)[0]
    try:
        importlib.import_module(module)
    except ModuleNotFoundError:
        pytest.skip(f"{module} is not in this checkout")
    pytest.fail(f"{key} is no longer public; remove its SPECS entry")


@pytest.mark.parametrize("key", VALID_CASES)
def test_valid_arguments_give_well_formed_results(key):
    fn, spec = _function(key), SPECS[key]
    if not spec.params:
        spec.check(fn(), {})
        return
    failures = []
    for kwargs in ([default_kwargs(spec)] if spec.joint is None else []) + option_examples(spec):
        try:
            spec.check(fn(**kwargs), kwargs)
        except Exception as exc:  # noqa: BLE001 - collect all, report together
            failures.append(f"{ {k: _short(v) for k, v in kwargs.items()} }: {type(exc).__name__}: {exc}")
    assert not failures, f"{key}: valid arguments failed:\n  " + "\n  ".join(failures[:10])

    @settings(settings.get_profile(PROFILE), max_examples=spec.examples * EXAMPLES_SCALE,
              phases=_phases("valid", key, None))
    @given(valid_strategy(spec))
    def run(kwargs):
        spec.check(fn(**kwargs), kwargs)

    run()


@pytest.mark.parametrize("key, param", BAD_CASES)
def test_bad_argument_raises_a_named_error(key, param):
    fn, spec = _function(key), SPECS[key]
    p = spec.params[param]
    base = default_kwargs(spec)
    dependent = spec.bad_for.get(param)
    problems = []
    for bad in list(p.bad) + (list(dependent(base)) if dependent else []):
        problem = call_with_bad(fn, base, param, bad)
        if problem:
            problems.append(problem)
    assert not problems, f"{key}: bad values not refused as the contract says:\n  " + "\n  ".join(problems)

    bad_values = p.bad_random
    if dependent is not None:
        strategy = valid_strategy(spec).flatmap(lambda kw: st.tuples(st.just(kw), st.sampled_from(dependent(kw))))
    elif bad_values is not None or (spec.joint is not None and p.bad):
        pool = bad_values if bad_values is not None else st.sampled_from(p.bad)
        if spec.joint is not None and p.bad and bad_values is not None:
            pool = pool | st.sampled_from(p.bad)
        strategy = st.tuples(valid_strategy(spec), pool)
    else:
        return

    @settings(settings.get_profile(PROFILE), max_examples=max(10, spec.examples // 2) * EXAMPLES_SCALE,
              phases=_phases("bad", key, param))
    @given(strategy)
    def run(case):
        kwargs, bad = case
        problem = call_with_bad(fn, kwargs, param, bad)
        assert problem is None, f"{key}: {problem}"

    run()
