"""Argument validation shared by every public function in :mod:`hfs_edu`.

Every check raises :class:`TypeError` (wrong type) or :class:`ValueError`
(right type, bad value) with a message that names the parameter, the value
received and what is allowed, e.g.::

    ValueError: demyelination=1.5 is out of range; allowed: 0 <= demyelination <= 1

Booleans are rejected where a number is expected (``True`` is an ``int`` in
Python, but ``severity=True`` is almost always a mistake).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "check_number",
    "check_int",
    "check_choice",
    "check_bool",
    "check_str",
    "check_array",
]


def _fmt(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _range_text(name: str, lo: float | None, hi: float | None, lo_incl: bool, hi_incl: bool) -> str:
    parts = []
    if lo is not None:
        parts.append(f"{lo:g} {'<=' if lo_incl else '<'} ")
    parts.append(name)
    if hi is not None:
        parts.append(f" {'<=' if hi_incl else '<'} {hi:g}")
    return "".join(parts) if (lo is not None or hi is not None) else f"any finite {name}"


def check_number(
    name: str,
    value: object,
    lo: float | None = None,
    hi: float | None = None,
    *,
    lo_inclusive: bool = True,
    hi_inclusive: bool = True,
) -> float:
    """Return ``value`` as a finite float within ``[lo, hi]``.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : object
        The value to check; ints, floats and numpy scalars are accepted.
    lo, hi : float or None
        Bounds; ``None`` means unbounded on that side.
    lo_inclusive, hi_inclusive : bool
        Whether the bounds themselves are allowed (default True).

    Raises
    ------
    TypeError
        If ``value`` is not a real number (bools and strings are rejected).
    ValueError
        If ``value`` is NaN, infinite, or outside the allowed range.
    """
    allowed = _range_text(name, lo, hi, lo_inclusive, hi_inclusive)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {_fmt(value)}; allowed: {allowed}")
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        raise ValueError(f"{name}={x!r} is not a finite number; allowed: {allowed}")
    too_low = lo is not None and (x < lo or (x == lo and not lo_inclusive))
    too_high = hi is not None and (x > hi or (x == hi and not hi_inclusive))
    if too_low or too_high:
        raise ValueError(f"{name}={x:g} is out of range; allowed: {allowed}")
    return x


def check_int(name: str, value: object, lo: int | None = None, hi: int | None = None) -> int:
    """Return ``value`` as an int within ``[lo, hi]`` (inclusive).

    Floats are rejected even when integral (``n_fibres=8.0`` raises TypeError),
    so that a slider wired to the wrong type fails loudly.
    """
    allowed = _range_text(name, lo, hi, True, True)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {_fmt(value)}; allowed: {allowed}")
    x = int(value)
    if (lo is not None and x < lo) or (hi is not None and x > hi):
        raise ValueError(f"{name}={x} is out of range; allowed: {allowed}")
    return x


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is a bool (numpy bools accepted), else raise TypeError."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {_fmt(value)}")
    return bool(value)


def check_str(name: str, value: object) -> str:
    """Return ``value`` if it is a non-empty string, else raise TypeError/ValueError."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__} {_fmt(value)}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value


def check_choice(name: str, value: object, choices: Iterable[str], *, casefold: bool = True) -> str:
    """Return the matching member of ``choices`` for string ``value``.

    Matching ignores case and surrounding spaces when ``casefold`` is True;
    the canonical spelling from ``choices`` is returned.
    """
    options: Sequence[str] = list(choices)
    allowed = ", ".join(repr(c) for c in options)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__} {_fmt(value)}; allowed: {allowed}")
    key = value.strip().casefold() if casefold else value
    for option in options:
        if (option.casefold() if casefold else option) == key:
            return option
    raise ValueError(f"{name}={value!r} is not a known option; allowed: {allowed}")


def check_array(
    name: str,
    value: object,
    lo: float | None = None,
    hi: float | None = None,
    *,
    ndim: int | None = None,
    min_size: int = 1,
) -> np.ndarray:
    """Return ``value`` as a finite float ndarray with every element in ``[lo, hi]``."""
    allowed = _range_text(f"every element of {name}", lo, hi, True, True)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}; allowed: {allowed}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {arr.shape}")
    if arr.size < min_size:
        raise ValueError(f"{name} must have at least {min_size} element(s), got {arr.size}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or infinite values; allowed: {allowed}")
    if (lo is not None and np.any(arr < lo)) or (hi is not None and np.any(arr > hi)):
        raise ValueError(f"{name} has values in [{arr.min():g}, {arr.max():g}], out of range; allowed: {allowed}")
    return arr
