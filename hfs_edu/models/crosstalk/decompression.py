"""After decompression (chapter 03): the LSR while the myelin recovers once the vessel is moved away."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..._params import integer, number, validated
from .. import compression as _compression
from . import core
from .core import COMPRESSION, DEMYELINATION, FIBRES_DEFAULT, N_FIBRES
from .lsr import excited_units, montage

__all__ = ["Decompression", "decompress"]


# -- decompression ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decompression:
    """What :func:`decompress` returns: the LSR before and after the vessel is moved away.

    Attributes
    ----------
    time_days : ndarray
        Days after decompression.
    demyelination : ndarray
        Lesion demyelination while the myelin partly recovers (:func:`.compression.decompression_recovery`).
    lsr_units : ndarray of int
        LSR motor units at each day (compression 0).
    units_before : int
        LSR motor units just before decompression.
    """

    time_days: np.ndarray
    demyelination: np.ndarray
    lsr_units: np.ndarray
    units_before: int

    @property
    def lsr_present(self) -> np.ndarray:
        """Per day: an LSR is recorded."""
        return self.lsr_units > 0

    @property
    def day_lsr_gone(self) -> float:
        """First day from which no LSR is recorded for the rest of the follow-up (0 = it vanished when the
        vessel was moved and never came back); nan if an LSR is still recorded on the last day."""
        present = np.flatnonzero(self.lsr_units > 0)
        if present.size == 0:
            return 0.0
        last = int(present[-1])
        return float("nan") if last == self.lsr_units.size - 1 else float(self.time_days[last + 1])

    @property
    def reappears(self) -> bool:
        """An LSR comes back after a day without one (a blocked fibre conducts again as myelin recovers)."""
        present = self.lsr_units > 0
        return bool(np.any(~present[:-1] & present[1:]))


@validated(
    demyelination=DEMYELINATION,
    compression=COMPRESSION,
    days=number(1.0, 3650.0, unit="days", doc="Follow-up."),
    age_years=number(0.0, 100.0, unit="years", doc="Age at surgery; older nerves remyelinate more slowly."),
    stimulate_branch=core.BRANCH,
    record_muscle=core.MUSCLE,
    n_fibres=N_FIBRES,
    n_points=integer(2, 2000, doc="Time points of the follow-up."),
)
def decompress(
    demyelination: float,
    compression: float,
    *,
    days: float = 365.0,
    age_years: float = 50.0,
    stimulate_branch: str = "zygomatic",
    record_muscle: str = "mentalis",
    n_fibres: int = FIBRES_DEFAULT,
    n_points: int = 100,
) -> Decompression:
    """Move the vessel away (compression -> 0) and follow the LSR while the myelin recovers.

    ``demyelination`` and ``compression`` are the lesion state just before surgery.

    {parameters}

    Returns
    -------
    Decompression
    """
    _, _, b, m = montage(stimulate_branch, record_muscle)
    course = _compression.decompression_recovery(1.0 - demyelination, days=days, age_years=age_years, n_points=n_points)
    fib = core.fibres(n_fibres)
    units = np.array([excited_units(float(x), 0.0, fib, b, m).index.size for x in course.demyelination])
    return Decompression(
        time_days=course.time_days,
        demyelination=course.demyelination,
        lsr_units=units,
        units_before=int(excited_units(demyelination, compression, fib, b, m).index.size),
    )
