"""The contract of every public function, generated from its parameter declarations.

Each public function of ``hfs_edu.models``, ``hfs_edu.figures``, ``hfs_edu.widgets`` (every
module and subpackage, found through ``__all__``) and :mod:`hfs_edu.course_figures` declares its
parameters once with :func:`hfs_edu._params.validated`. From the declarations:

* every scalar parameter (``float``/``int``/``bool``/``str``, or unannotated) must be declared;
  parameters annotated with another type take objects (a DataFrame, a result record, axes)
  and are checked by the function itself and by the module's own tests;
* each valid example (:meth:`Param.valid_examples`: both ends and the middle of a range,
  every option) gives a well-formed result: no infinity anywhere, figures captioned, and no
  warning (numpy overflow included: warnings are errors here);
* each invalid example (:meth:`Param.invalid_examples`: NaN, ±inf, just outside the range,
  a float for an int, None, bool, wrong types, unknown options) raises TypeError/ValueError
  whose message names the parameter.

The model invariants at the end draw their values from the declarations with hypothesis.
"""

from __future__ import annotations

import importlib
import inspect
import math
import numbers
import pkgutil
import warnings
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from hfs_edu._params import Param, params_of
from hfs_edu.models import anatomy, compression, epidemiology

PACKAGES = ("hfs_edu.models", "hfs_edu.figures", "hfs_edu.widgets")
MODULES = ("hfs_edu.course_figures",)
#: Modules outside this suite for now (their owners have not declared them yet); listed so the
#: gap is visible: hfs_edu.data, hfs_edu.citations, hfs_edu.quizzes, hfs_edu.notebook, hfs_edu.exercises.
SCALAR_ANNOTATIONS = {
    "float",
    "int",
    "bool",
    "str",
    "float | None",
    "int | None",
    "bool | None",
    "str | None",
    "float | np.ndarray",
    "float | str",
}
settings.register_profile("hfs-ci", derandomize=True, deadline=None, database=None, max_examples=25)
settings.load_profile("hfs-ci")


@lru_cache(maxsize=1)
def public_functions() -> dict[str, object]:
    """``{"module.function": function}`` for every public function (keyed by its defining module)."""
    names = list(MODULES)
    for pkg_name in PACKAGES:
        pkg = importlib.import_module(pkg_name)
        names += [
            m.name
            for m in pkgutil.walk_packages(pkg.__path__, pkg_name + ".")
            if not m.name.rsplit(".", 1)[-1].startswith("_")
        ]
    found = {}
    for name in names:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if inspect.isfunction(obj) and obj.__module__.startswith("hfs_edu"):
                found.setdefault(f"{obj.__module__}.{obj.__name__}", obj)
    return found


def _undeclared_scalars(fn) -> list[str]:
    declared = params_of(fn)
    out = []
    for name, p in inspect.signature(fn).parameters.items():
        if name in declared or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        ann = p.annotation if isinstance(p.annotation, str) else getattr(p.annotation, "__name__", "")
        if p.annotation is inspect.Parameter.empty or ann in SCALAR_ANNOTATIONS:
            out.append(name)
    return out


def _declared() -> list[str]:
    return [k for k, fn in public_functions().items() if params_of(fn)]


def _callable_alone() -> list[str]:
    """Declared functions whose required parameters are all declared (no objects needed)."""
    out = []
    for key in _declared():
        fn = public_functions()[key]
        specs = params_of(fn)
        required = [
            n
            for n, p in inspect.signature(fn).parameters.items()
            if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        if all(n in specs for n in required):
            out.append(key)
    return out


def _base_kwargs(fn) -> dict:
    """A valid value for every declared parameter: its default, else the middle valid example."""
    sig = inspect.signature(fn)
    out = {}
    for name, p in params_of(fn).items():
        default = sig.parameters[name].default
        examples = p.valid_examples()
        out[name] = default if default is not inspect.Parameter.empty else examples[len(examples) // 2]
    for name, p in sig.parameters.items():  # undeclared object parameters: a dummy the validation never sees
        if name not in out and p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            out[name] = object()
    return out


def _thin(key: str, values: list) -> list:
    """Every example for models; for figure builders (slow) the first, middle and last of a long list."""
    if ".models." in key or len(values) <= 3:
        return values
    return [values[0], values[len(values) // 2], values[-1]]


def _cases(keys, examples) -> list:
    return [
        pytest.param(key, name, value, id=f"{key.removeprefix('hfs_edu.')}-{name}-{i}")
        for key in keys
        for name, p in params_of(public_functions()[key]).items()
        for i, value in enumerate(_thin(key, examples(p)))
    ]


def well_formed(value, where="result", depth=0) -> None:
    """Every number inside ``value`` is finite or NaN (NaN means "not reached"); figures carry a caption."""
    if depth > 4:
        return
    if isinstance(value, Figure):
        assert getattr(value, "hfs_caption", ""), f"{where}: a figure without a caption"
    elif isinstance(value, (bool, np.bool_, str)) or value is None:
        return
    elif isinstance(value, numbers.Real):
        assert not math.isinf(value), f"{where} = {value}"
    elif isinstance(value, np.ndarray) and value.dtype.kind in "fi":
        assert not np.isinf(value).any(), f"{where} has infinite values"
    elif isinstance(value, pd.DataFrame):
        assert not value.empty, f"{where} is an empty table"
    elif isinstance(value, dict):
        for k, v in value.items():
            well_formed(v, f"{where}[{k!r}]", depth + 1)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            well_formed(v, f"{where}[{i}]", depth + 1)
    elif hasattr(value, "__dataclass_fields__"):
        for k in value.__dataclass_fields__:
            well_formed(getattr(value, k), f"{where}.{k}", depth + 1)


# -- the declarations exist and match the signatures ------------------------------------------------------------


def test_discovery_finds_the_public_functions():
    keys = public_functions()
    assert len(keys) > 40
    assert "hfs_edu.models.compression.myelin_integrity" in keys
    assert "hfs_edu.figures.style.new_figure" in keys


@pytest.mark.parametrize("key", sorted(public_functions()))
def test_every_scalar_parameter_is_declared(key):
    fn = public_functions()[key]
    missing = _undeclared_scalars(fn)
    assert not missing, (
        f"{key}: declare {missing} with @validated(...) (hfs_edu._params), or annotate an "
        "object parameter with its type"
    )


@pytest.mark.parametrize("key", sorted(_declared()))
def test_docstring_shows_the_declared_ranges(key):
    fn = public_functions()[key]
    doc = fn.__doc__ or ""
    assert "{parameters}" not in doc
    for name in params_of(fn):
        assert f"{name} :" in doc, f"{key}: the docstring does not list {name!r} (add the {{parameters}} placeholder)"


# -- valid values give well-formed results; invalid values a named error --------------------------------------


@pytest.mark.parametrize("key, name, value", _cases(_callable_alone(), Param.valid_examples))
def test_valid_value_gives_a_well_formed_result(key, name, value):
    fn = public_functions()[key]
    kwargs = {**_base_kwargs(fn), name: value}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # overflow and other numpy warnings fail the test
        try:
            result = fn(**kwargs)
        except ValueError as exc:  # a cross-parameter rule ("age_years + years <= 110") may refuse a combination
            named = [n for n in params_of(fn) if n in str(exc)]
            assert len(named) >= 2, f"{key}({name}={value!r}) refused a valid value: {exc}"
            return
    well_formed(result, f"{key}({name}={value!r})")


@pytest.mark.parametrize("key, name, value", _cases(_declared(), Param.invalid_examples))
def test_invalid_value_raises_an_error_naming_the_parameter(key, name, value):
    fn = public_functions()[key]
    kwargs = {**_base_kwargs(fn), name: value}
    with pytest.raises((TypeError, ValueError)) as info:
        fn(**kwargs)
    assert name in str(info.value), f"{key}({name}={value!r}): the message does not name {name!r}: {info.value}"


def test_integral_floats_are_refused_for_integers():
    with pytest.raises(TypeError, match="n_points"):
        compression.decompression_recovery(0.5, n_points=200.0)
    with pytest.raises(TypeError, match="n_points"):
        compression.decompression_recovery(0.5, n_points=1000.7)


# -- model invariants, with values drawn from the declarations -------------------------------------------------


def values(fn, name) -> st.SearchStrategy:
    """A hypothesis strategy for one declared parameter of ``fn``."""
    p = params_of(fn)[name]
    if p.kind == "number":
        return st.floats(p.lo, p.hi, allow_nan=False, allow_infinity=False)
    if p.kind == "int":
        return st.integers(int(p.lo), int(p.hi))
    if p.kind == "choice":
        return st.sampled_from(p.options())
    raise AssertionError(f"no strategy for {p.kind}")


@given(
    years=values(compression.myelin_integrity, "years"),
    severity=values(compression.myelin_integrity, "severity"),
    pulsation=values(compression.myelin_integrity, "pulsation"),
    sbp=values(compression.myelin_integrity, "systolic_bp_mmhg"),
    age=st.floats(0.0, 30.0),
)
def test_integrity_is_a_fraction_that_never_recovers_under_contact(years, severity, pulsation, sbp, age):
    course = compression.myelin_integrity(years, severity, pulsation, sbp, age)
    assert np.all((course.integrity >= 0) & (course.integrity <= 1))
    assert np.all(np.diff(course.integrity) <= 1e-12)
    worse = compression.integrity_after(years, min(1.0, severity + 0.1), pulsation, sbp, age)
    assert worse <= course.integrity[-1] + 1e-12


@given(
    severity=values(compression.wear_scenario, "severity"),
    years=values(compression.wear_scenario, "years"),
    sbp=values(compression.wear_scenario, "systolic_bp_mmhg"),
    age=st.floats(0.0, 70.0),
    vessel=values(compression.wear_scenario, "vessel"),
)
def test_wear_scenario_equals_the_single_runs(severity, years, sbp, age, vessel):
    years = min(years, 40.0)
    s = compression.wear_scenario(severity, years, sbp, age, vessel)
    p = compression.VESSELS[vessel]
    assert s.integrity_now == pytest.approx(compression.integrity_after(years, severity, p, sbp, age), abs=1e-12)
    i = len(compression.BP_GRID_MMHG) // 2
    assert s.bp_integrity[i] == pytest.approx(
        compression.integrity_after(years, severity, p, compression.BP_GRID_MMHG[i], age), abs=1e-12
    )
    assert np.all(np.diff(s.bp_integrity) <= 1e-12)  # more pressure never helps
    assert s.category == compression.contact_category(severity, sbp)


@given(
    integrity=values(compression.decompression_recovery, "integrity_at_surgery"),
    age=values(compression.decompression_recovery, "age_years"),
)
def test_recovery_rises_to_a_plateau_below_full_health(integrity, age):
    rec = compression.decompression_recovery(integrity, age_years=age)
    assert np.all(np.diff(rec.integrity) >= -1e-12)
    assert integrity - 1e-12 <= rec.final_integrity <= 1.0


@given(population=values(epidemiology.expected_cases, "population"), factor=st.floats(0.0, 10.0))
def test_expected_cases_scale_with_the_population(population, factor):
    prev = epidemiology.prevalence_estimates()["per_100000"].to_numpy(float)
    base = epidemiology.expected_cases(population / 10, prev)
    np.testing.assert_allclose(epidemiology.expected_cases(population, prev), base * 10, rtol=1e-9)


@given(length=values(anatomy.conduction_time_ms, "length_mm"), v=values(anatomy.conduction_time_ms, "velocity_m_per_s"))
def test_conduction_time_is_distance_over_speed(length, v):
    t = anatomy.conduction_time_ms(length, v)
    assert t >= 0 and anatomy.conduction_time_ms(length, min(v * 2, 150.0)) <= t
