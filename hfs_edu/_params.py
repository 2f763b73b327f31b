"""Parameter declarations: each public parameter's type, unit and range, written once.

A function declares its parameters with :func:`validated`; the declaration is used

* to **validate** every call (``TypeError``/``ValueError`` naming the parameter,
  its value and the allowed range, via :mod:`hfs_edu._validate`);
* to write the **docstring**'s ``Parameters`` section (the ``{parameters}``
  placeholder in the docstring is replaced by it);
* by the **property tests**, which draw valid and invalid values from it
  (:meth:`Param.valid_examples`, :meth:`Param.invalid_examples`);
* by **views**, whose controls are declared the same way (``View.PARAMS``).

Example::

    from ._params import number, choice, validated

    @validated(
        years=number(0, 80, unit="years", doc="Duration of the contact."),
        vessel=choice(("artery", "vein"), doc="Pulsating artery or non-pulsating vein."),
    )
    def wear(years=15.0, vessel="artery"):
        '''Myelin wear after ``years`` of contact.

        {parameters}

        Returns
        -------
        float
        '''

Cross-parameter rules (``age_years + years <= 110``) stay in the function body.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._validate import check_array, check_bool, check_choice, check_int, check_number, check_str

__all__ = ["Param", "number", "integer", "flag", "choice", "text", "seed", "array", "validated", "params_of"]

PLACEHOLDER = "{parameters}"


@dataclass(frozen=True)
class Param:
    """One declared parameter.

    ``kind`` is one of ``"number"``, ``"int"``, ``"bool"``, ``"choice"``, ``"str"``, ``"array"``
    (finite numbers, each in ``[lo, hi]``; ``extra["ndim"]`` fixes the dimension, a scalar
    stays a scalar when it is None).
    ``choices`` may be a tuple or a zero-argument callable (for options read from a
    table, resolved at call time). ``optional`` allows ``None``.
    ``extra["examples"]`` replaces the generated valid examples and ``extra["invalid_examples"]``
    adds to the invalid ones, for a parameter whose valid values a kind alone does not describe
    (a comma-separated list of names is a ``"str"``, but not every string is valid).
    """

    kind: str
    lo: float | None = None
    hi: float | None = None
    lo_inclusive: bool = True
    hi_inclusive: bool = True
    choices: tuple[str, ...] | Callable[[], Sequence[str]] | None = None
    unit: str = ""
    doc: str = ""
    optional: bool = False
    multiple_of: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    # -- validation -------------------------------------------------------------
    def options(self) -> tuple[str, ...]:
        c = self.choices() if callable(self.choices) else self.choices
        return tuple(c or ())

    def check(self, name: str, value: Any) -> Any:
        """Return ``value`` validated (and normalised), or raise TypeError/ValueError."""
        if value is None and self.optional:
            return None
        if self.kind == "number":
            return check_number(
                name, value, self.lo, self.hi, lo_inclusive=self.lo_inclusive, hi_inclusive=self.hi_inclusive
            )
        if self.kind == "int":
            lo = None if self.lo is None else int(self.lo)
            hi = None if self.hi is None else int(self.hi)
            x = check_int(name, value, lo, hi)
            if self.multiple_of and x % self.multiple_of:
                raise ValueError(
                    f"{name}={x} is not allowed; allowed: a multiple of {self.multiple_of} with {self.range_text(name)}"
                )
            return x
        if self.kind == "bool":
            return check_bool(name, value)
        if self.kind == "choice":
            return check_choice(name, value, self.options())
        if self.kind == "str":
            return check_str(name, value)
        if self.kind == "array":
            if value is None or isinstance(value, (bool, str, bytes)):
                raise TypeError(
                    f"{name} must be a number or an array of numbers, got {type(value).__name__} "
                    f"{value!r:.40}; allowed: {self.range_text(name)}"
                )
            arr = check_array(name, value, self.lo, self.hi, ndim=self.extra.get("ndim"))
            return float(arr) if arr.ndim == 0 else arr
        raise AssertionError(f"unknown parameter kind {self.kind!r}")  # a declaration bug, not user input

    # -- text -------------------------------------------------------------------
    def range_text(self, name: str) -> str:
        if self.kind == "array":
            return Param("number", self.lo, self.hi).range_text(f"every element of {name}")
        if self.kind in ("number", "int"):
            parts = []
            if self.lo is not None:
                parts.append(f"{self.lo:g} {'<=' if self.lo_inclusive else '<'} ")
            parts.append(name)
            if self.hi is not None:
                parts.append(f" {'<=' if self.hi_inclusive else '<'} {self.hi:g}")
            text = "".join(parts) if (self.lo is not None or self.hi is not None) else f"any finite {name}"
            if self.multiple_of:
                text += f", a multiple of {self.multiple_of}"
            return text
        if self.kind == "choice":
            return "one of " + ", ".join(repr(o) for o in self.options())
        if self.kind == "bool":
            return "True or False"
        return "a non-empty string"

    def type_text(self) -> str:
        base = {
            "number": "float",
            "int": "int",
            "bool": "bool",
            "choice": "str",
            "str": "str",
            "array": "float or array of float",
        }[self.kind]
        return base + (" or None" if self.optional else "")

    def describe(self, name: str, default: Any = inspect.Parameter.empty) -> str:
        """The numpydoc entry for this parameter."""
        head = f"{name} : {self.type_text()}"
        if self.unit:
            head += f", {self.unit}"
        if default is not inspect.Parameter.empty:
            head += f", default {default!r}"
        body = (self.doc.strip() + " " if self.doc else "") + f"Allowed: {self.range_text(name)}."
        return head + "\n    " + body

    # -- examples for the property tests ------------------------------------------
    def valid_examples(self) -> list:
        if "examples" in self.extra:
            return list(self.extra["examples"])
        if self.kind == "number":
            lo = self.lo if self.lo is not None else -1e3
            hi = self.hi if self.hi is not None else 1e3
            if not self.lo_inclusive:
                lo = lo + (hi - lo) * 1e-6
            if not self.hi_inclusive:
                hi = hi - (hi - lo) * 1e-6
            return [float(lo), float((lo + hi) / 2), float(hi)]
        if self.kind == "int":
            lo = int(self.lo if self.lo is not None else -100)
            hi = int(self.hi if self.hi is not None else 100)
            vals = sorted({lo, (lo + hi) // 2, hi})
            if self.multiple_of:
                m = self.multiple_of
                vals = sorted({v for v in (((lo + m - 1) // m) * m, (hi // m) * m) if lo <= v <= hi})
            return vals
        if self.kind == "bool":
            return [True, False]
        if self.kind == "choice":
            return list(self.options())
        if self.kind == "array":
            ends = Param("number", self.lo, self.hi).valid_examples()
            one_d = [ends, list(reversed(ends))]
            return one_d if self.extra.get("ndim") == 1 else [ends[1], *one_d]
        return ["text"]

    def invalid_examples(self) -> list:
        bad: list = {"str": [1.5, [1]], "array": []}.get(self.kind, [[1]])
        if not self.optional:
            bad.append(None)
        if self.kind in ("number", "int"):
            bad += [True, "1", math.nan, math.inf, -math.inf]
            span = (self.hi - self.lo) if (self.lo is not None and self.hi is not None) else 1.0
            if self.lo is not None:
                bad.append(self.lo - max(span * 0.01, 1e-6) if self.kind == "number" else int(self.lo) - 1)
            if self.hi is not None:
                bad.append(self.hi + max(span * 0.01, 1e-6) if self.kind == "number" else int(self.hi) + 1)
            if self.kind == "int":
                v = self.valid_examples()[0]
                hi = self.hi if self.hi is not None else math.inf
                bad.append(v + 0.5 if v + 0.5 <= hi else v - 0.5)  # a float inside the range is rejected too
                if self.multiple_of and self.multiple_of > 1 and v + 1 <= hi:
                    bad.append(v + 1)
        elif self.kind == "bool":
            bad += [1, 0, "yes"]
        elif self.kind == "choice":
            bad += ["no such option", 3]
        elif self.kind == "str":
            bad += ["", "   "]
        elif self.kind == "array":
            good = Param("number", self.lo, self.hi).valid_examples()
            bad += ["1", True, [good[0], math.nan], [math.inf], []]
            if self.extra.get("ndim") == 1:
                bad.append([[good[0]], [good[1]]])
            if self.lo is not None:
                bad.append([self.lo - 1.0])
            if self.hi is not None:
                bad.append([self.hi + 1.0])
        return bad + list(self.extra.get("invalid_examples", ()))


def number(
    lo: float | None = None,
    hi: float | None = None,
    *,
    unit: str = "",
    doc: str = "",
    lo_inclusive: bool = True,
    hi_inclusive: bool = True,
    optional: bool = False,
) -> Param:
    """Declare a finite real number in ``[lo, hi]``."""
    return Param("number", lo, hi, lo_inclusive, hi_inclusive, unit=unit, doc=doc, optional=optional)


def integer(
    lo: int | None = None,
    hi: int | None = None,
    *,
    unit: str = "",
    doc: str = "",
    multiple_of: int | None = None,
    optional: bool = False,
) -> Param:
    """Declare an integer in ``[lo, hi]`` (floats rejected, even integral ones)."""
    return Param("int", lo, hi, unit=unit, doc=doc, multiple_of=multiple_of, optional=optional)


def seed(doc: str = "Seed of the random generator (same seed, same result).") -> Param:
    """Declare a random seed: an integer 0 <= seed <= 2**32 - 1."""
    return Param("int", 0, 2**32 - 1, doc=doc)


def flag(*, doc: str = "") -> Param:
    """Declare a bool (numpy bools accepted; 0/1 rejected)."""
    return Param("bool", doc=doc)


def choice(options: Sequence[str] | Callable[[], Sequence[str]], *, doc: str = "", optional: bool = False) -> Param:
    """Declare one of ``options`` (matched ignoring case; the canonical spelling is passed on)."""
    opts = options if callable(options) else tuple(options)
    return Param("choice", choices=opts, doc=doc, optional=optional)


def array(
    lo: float | None = None, hi: float | None = None, *, ndim: int | None = None, unit: str = "", doc: str = ""
) -> Param:
    """Declare a finite number or array of numbers, each in ``[lo, hi]`` (``ndim`` fixes the shape's rank)."""
    return Param("array", lo, hi, unit=unit, doc=doc, extra={"ndim": ndim} if ndim is not None else {})


def text(*, doc: str = "", optional: bool = False) -> Param:
    """Declare a non-empty string (``optional`` allows None)."""
    return Param("str", doc=doc, optional=optional)


def _render_doc(doc: str | None, specs: dict[str, Param], sig: inspect.Signature) -> str | None:
    if not doc or PLACEHOLDER not in doc:
        return doc
    # indentation of the placeholder line
    line = next(ln for ln in doc.splitlines() if PLACEHOLDER in ln)
    indent = line[: len(line) - len(line.lstrip())]
    entries = ["Parameters", "----------"]
    for name, p in specs.items():
        entries.extend(p.describe(name, sig.parameters[name].default).splitlines())
    block = ("\n" + indent).join(entries)
    return doc.replace(PLACEHOLDER, block)


def validated(**specs: Param) -> Callable:
    """Decorate a function: validate the declared arguments on every call, document them once."""

    def deco(fn: Callable) -> Callable:
        sig = inspect.signature(fn)
        unknown = set(specs) - set(sig.parameters)
        if unknown:
            raise AssertionError(f"{fn.__qualname__}: declared parameters {sorted(unknown)} not in its signature")

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                bound = sig.bind(*args, **kwargs)
            except TypeError as exc:
                raise TypeError(f"{fn.__name__}(): {exc}") from None
            arguments = bound.arguments
            for name, p in specs.items():
                if name in arguments:
                    arguments[name] = p.check(name, arguments[name])
            return fn(*bound.args, **bound.kwargs)

        wrapper.__hfs_params__ = dict(specs)
        wrapper.__doc__ = _render_doc(fn.__doc__, specs, sig)
        return wrapper

    return deco


def params_of(fn: Callable) -> dict[str, Param]:
    """Return the declarations of a :func:`validated` function (empty dict if none)."""
    return dict(getattr(fn, "__hfs_params__", {}))
