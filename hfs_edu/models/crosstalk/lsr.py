"""The lateral spread response (LSR) of the cross-talk model (chapter 03) and what happens after decompression.

* :func:`lateral_spread_response` - stimulate one branch, record a muscle of another.
* :func:`direct_response` - the stimulated branch's own muscle (it does not cross the lesion).
* :func:`latency_budget` - where the LSR latency goes, and :meth:`LatencyBudget.compare_measured`
  with the legs Moller & Jannetta measured in patients [N420].
* :func:`coupling_map` - LSR units over a demyelination x compression grid.
* :func:`lsr_recording` - one stimulus, the stimulated branch's own muscle and the recorded one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..._params import flag, integer, number, validated
from . import core, emg
from .bundle import direct_latency_ms
from .core import (
    BRANCH,
    BRANCH_MUSCLE,
    BRANCHES,
    COMPRESSION,
    DEMYELINATION,
    FIBRES_DEFAULT,
    MUSCLE,
    MUSCLES,
    N_FIBRES,
    Fibres,
)
from .diagnostics import in_window

__all__ = [
    "LSR_WINDOW_MS",
    "LateralSpreadResponse",
    "DirectResponse",
    "LatencyBudget",
    "LatencyComparison",
    "CouplingMap",
    "LSRRecording",
    "montage",
    "lsr_recording",
    "lateral_spread_response",
    "direct_response",
    "latency_budget",
    "coupling_map",
    "excited_units",
    "Units",
]

LSR_WINDOW_MS = 30.0  # length of the LSR sweep
# calibration targets the tests check against the model
TRANSFER_TIME_MS = 1.0  # [N52:B] estimated ephaptic transmission time at the compression site
REZ_TO_MUSCLE_LATENCY_MS = (
    5.3  # TC: derived, 4.5 ms [N61] + 0.5-1.1 ms [N7]; measured 4.65 ms to orbicularis oculi [N420]
)
DT_MS = number(0.005, 0.5, unit="ms", doc="Sampling step of the 30 ms sweep.")


@validated(stimulate_branch=BRANCH, record_muscle=MUSCLE)
def montage(stimulate_branch: str, record_muscle: str) -> tuple[str, str, int, int]:
    """Validated (branch, muscle, branch index, muscle index) of an LSR montage.

    The recorded muscle must belong to another branch than the one stimulated (its own
    muscle gives the direct response, see :func:`direct_response`); otherwise a ValueError
    names both parameters.

    {parameters}
    """
    b, m = BRANCHES.index(stimulate_branch), MUSCLES.index(record_muscle)
    if b == m:
        raise ValueError(
            f"record_muscle={record_muscle!r} is supplied by stimulate_branch={stimulate_branch!r}, the "
            "branch stimulated; allowed: a muscle of another branch (its own muscle gives the direct "
            "response, see lsr_recording)"
        )
    return stimulate_branch, record_muscle, b, m


@dataclass(frozen=True)
class LateralSpreadResponse:
    """What :func:`lateral_spread_response` returns.

    Attributes
    ----------
    present : bool
        True if at least one motor unit of the recorded muscle responds.
    latency_ms : float
        Onset latency read from the trace (first crossing of 5% of its peak); nan if absent.
    amplitude_mv : float
        Peak-to-peak amplitude of the response (mV); 0 if absent.
    n_units : int
        Motor units of the recorded muscle excited across the lesion.
    first_unit_latency_ms : float
        Arrival of the earliest unit at the muscle; nan if absent.
    transfer_time_ms : float
        Ephaptic transfer time of the earliest unit (volley at the lesion -> its impulse); nan if absent.
    direct_latency_ms : float
        Onset of the direct response in the stimulated branch's own muscle.
    time_ms, trace_mv : ndarray
        The sweep (0-30 ms after the stimulus) recorded from ``record_muscle``.
    stimulate_branch, record_muscle : str
        Canonical names.
    demyelination, compression : float
        The lesion state recorded.
    n_fibres : int
        Fibres in the bundle.
    """

    present: bool
    latency_ms: float
    amplitude_mv: float
    n_units: int
    first_unit_latency_ms: float
    transfer_time_ms: float
    direct_latency_ms: float
    time_ms: np.ndarray
    trace_mv: np.ndarray
    stimulate_branch: str
    record_muscle: str
    demyelination: float
    compression: float
    n_fibres: int

    @property
    def in_window(self) -> bool:
        """The onset lies in the course's typical LSR window (8-12 ms); False without a response."""
        return bool(self.present) and in_window(self.latency_ms)


@dataclass(frozen=True)
class Units:
    """Excited, unblocked motor units of the recorded muscle after a stimulus at t = 0 (see :func:`excited_units`)."""

    index: np.ndarray  # excited, unblocked fibres of the recorded muscle
    arrive_ms: np.ndarray  # their arrival at the muscle
    transfer_ms: np.ndarray
    t_volley_ms: float  # stimulus -> the volley at the centre of the lesion
    lesion_ms: np.ndarray  # firing time at the lesion


@validated(
    d=DEMYELINATION,
    c=COMPRESSION,
    branch=integer(0, 3, doc="Index of the stimulated branch in BRANCHES."),
    muscle=integer(0, 3, doc="Index of the recorded muscle in MUSCLES."),
)
def excited_units(d: float, c: float, fib: Fibres, branch: int, muscle: int) -> Units:
    """Excited, unblocked units of the recorded muscle of bundle ``fib`` after a stimulus at t = 0 (no EMG).

    {parameters}
    """
    les = core.lesion(d, c, fib)
    times, t_volley = core.evoked(les, fib, branch, 0.0)
    sel = np.flatnonzero(np.isfinite(times) & (fib.branch == muscle) & ~les.blocked)
    return Units(sel, times[sel] + les.exit_ms[sel], times[sel] - t_volley, float(t_volley), times[sel])


@lru_cache(maxsize=64)
def _direct_ms(n: int, branch: int) -> float:
    fib = core.fibres(n)
    return float(np.min(direct_latency_ms(fib, branch)))


@validated(
    demyelination=DEMYELINATION,
    compression=COMPRESSION,
    stimulate_branch=core.BRANCH,
    record_muscle=core.MUSCLE,
    n_fibres=N_FIBRES,
    dt_ms=DT_MS,
)
def lateral_spread_response(
    demyelination: float,
    compression: float,
    stimulate_branch: str = "zygomatic",
    record_muscle: str = "mentalis",
    *,
    n_fibres: int = FIBRES_DEFAULT,
    dt_ms: float = 0.05,
) -> LateralSpreadResponse:
    """Stimulate one branch and record from a muscle of another: the clinician's LSR.

    The stimulus is supramaximal at t = 0; ``record_muscle`` must belong to another branch.
    Spontaneous activity is left out, as when responses are averaged.

    {parameters}

    Returns
    -------
    LateralSpreadResponse
    """
    stim, rec, b, m = montage(stimulate_branch, record_muscle)
    fib = core.fibres(n_fibres)
    u = excited_units(demyelination, compression, fib, b, m)
    n_samples = int(round(LSR_WINDOW_MS / dt_ms))
    t = np.arange(n_samples) * dt_ms
    trace = emg.synthesize_emg(u.arrive_ms, emg.unit_amplitudes_mv(fib)[u.index], n_samples, dt_ms)
    state = dict(
        stimulate_branch=stim,
        record_muscle=rec,
        demyelination=demyelination,
        compression=compression,
        n_fibres=n_fibres,
    )
    direct = _direct_ms(n_fibres, b)
    if u.index.size == 0:
        return LateralSpreadResponse(False, float("nan"), 0.0, 0, float("nan"), float("nan"), direct, t, trace, **state)
    first = int(np.argmin(u.arrive_ms))
    return LateralSpreadResponse(
        present=True,
        latency_ms=emg.onset_latency_ms(t, trace),
        amplitude_mv=float(trace.max() - trace.min()),
        n_units=int(u.index.size),
        first_unit_latency_ms=float(u.arrive_ms[first]),
        transfer_time_ms=float(u.transfer_ms[first]),
        direct_latency_ms=direct,
        time_ms=t,
        trace_mv=trace,
        **state,
    )


@dataclass(frozen=True)
class DirectResponse:
    """The stimulated branch's own muscle after a branch stimulus (0-30 ms); see :func:`direct_response`.

    Attributes
    ----------
    time_ms, trace_mv : ndarray
        The sweep and the EMG (mV).
    stimulate_branch, muscle : str
        Branch stimulated and its own muscle.
    onset_ms : float
        Onset read from the trace (5% of its peak).
    """

    time_ms: np.ndarray
    trace_mv: np.ndarray
    stimulate_branch: str
    muscle: str
    onset_ms: float


@lru_cache(maxsize=64)
def _direct_response(branch: str, n_fibres: int, dt_ms: float) -> DirectResponse:
    fib = core.fibres(n_fibres)
    sel = np.flatnonzero(fib.branch == BRANCHES.index(branch))
    n_samples = int(round(LSR_WINDOW_MS / dt_ms))
    t = np.arange(n_samples) * dt_ms
    y = emg.synthesize_emg(
        direct_latency_ms(fib, BRANCHES.index(branch)), emg.unit_amplitudes_mv(fib)[sel], n_samples, dt_ms
    )
    for arr in (t, y):
        arr.setflags(write=False)
    return DirectResponse(t, y, branch, BRANCH_MUSCLE[branch], emg.onset_latency_ms(t, y))


@validated(stimulate_branch=core.BRANCH, n_fibres=N_FIBRES, dt_ms=DT_MS)
def direct_response(
    stimulate_branch: str = "zygomatic", *, n_fibres: int = FIBRES_DEFAULT, dt_ms: float = 0.05
) -> DirectResponse:
    """The direct (orthodromic) response of the stimulated branch's own muscle, stimulus at t = 0.

    It never passes the lesion at the root exit zone, so it does not depend on the lesion
    (cached: one computation per branch).

    {parameters}

    Returns
    -------
    DirectResponse
    """
    return _direct_response(stimulate_branch, n_fibres, dt_ms)


# -- where the latency goes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LatencyComparison:
    """The model's latency legs next to the legs measured in patients during surgery (see
    :meth:`LatencyBudget.compare_measured`). All times in ms; nan where a value is missing.

    Attributes
    ----------
    stimulate_branch, record_muscle : str
        Montage of the model budget.
    model_antidromic_ms, measured_antidromic_ms, measured_antidromic_sd_ms : float
        Stimulation site -> root exit zone: model, and measured mean and SD.
    model_rez_to_muscle_ms, measured_rez_to_muscle_ms, measured_rez_to_muscle_sd_ms : float
        Root exit zone -> recorded muscle (orthodromic leg plus distal motor latency).
    model_transfer_ms : float
        The model's ephaptic transfer at the lesion.
    model_lsr_ms : float
        The model's whole latency (first unit).
    measured_lsr_ms, measured_lsr_sd_ms : float
        The abnormal muscle response measured in the same patients.
    source_keys : tuple of str
        Sources of the measured rows.
    """

    stimulate_branch: str
    record_muscle: str
    model_antidromic_ms: float
    measured_antidromic_ms: float
    measured_antidromic_sd_ms: float
    model_rez_to_muscle_ms: float
    measured_rez_to_muscle_ms: float
    measured_rez_to_muscle_sd_ms: float
    model_transfer_ms: float
    model_lsr_ms: float
    measured_lsr_ms: float
    measured_lsr_sd_ms: float
    source_keys: tuple

    @property
    def model_round_trip_ms(self) -> float:
        """Model: out to the root exit zone and back, without the transfer."""
        return self.model_antidromic_ms + self.model_rez_to_muscle_ms

    @property
    def measured_round_trip_ms(self) -> float:
        """Measured: the sum of the two legs (what a purely peripheral route must at least take)."""
        return self.measured_antidromic_ms + self.measured_rez_to_muscle_ms

    @property
    def measured_excess_ms(self) -> float:
        """Measured response minus the measured round trip: the time left for whatever happens at the
        turning point (read by Moller & Jannetta as a relay through the facial nucleus [N420])."""
        return self.measured_lsr_ms - self.measured_round_trip_ms

    @property
    def antidromic_difference_ms(self) -> float:
        """Model minus measured antidromic leg (negative: the model's leg is faster)."""
        return self.model_antidromic_ms - self.measured_antidromic_ms

    @property
    def peripheral_with_measured_legs_ms(self) -> float:
        """The measured legs plus the model's transfer: the peripheral explanation's prediction."""
        return self.measured_round_trip_ms + self.model_transfer_ms

    def rows(self) -> list[tuple[str, float, float]]:
        """(leg, model ms, measured ms) for a table."""
        return [
            ("stimulation site -> root exit zone", self.model_antidromic_ms, self.measured_antidromic_ms),
            ("root exit zone -> muscle", self.model_rez_to_muscle_ms, self.measured_rez_to_muscle_ms),
            ("round trip (sum of the legs)", self.model_round_trip_ms, self.measured_round_trip_ms),
            ("left for the turning point", self.model_transfer_ms, self.measured_excess_ms),
            ("whole response", self.model_lsr_ms, self.measured_lsr_ms),
        ]


def _measured(table, measure: str, branch: str | None = None, muscle: str | None = None):
    rows = table[table["measure"] == measure]
    if branch is not None:
        rows = rows[rows["stimulate_branch"] == branch]
    if muscle is not None:
        rows = rows[rows["record_muscle"] == muscle]
    if rows.empty:
        return float("nan"), float("nan"), None
    r = rows.iloc[0]
    sd = r["sd_ms"]
    return float(r["mean_ms"]), float("nan") if sd is None or np.isnan(float(sd)) else float(sd), str(r["source_key"])


@dataclass(frozen=True)
class LatencyBudget:
    """What :func:`latency_budget` returns: where the LSR latency goes, for its earliest motor unit.

    The four parts add up to ``total_ms``, the arrival of the earliest unit at the muscle
    (``LateralSpreadResponse.first_unit_latency_ms``). The onset read from the EMG trace
    (``LateralSpreadResponse.latency_ms``) comes up to a few tenths of a millisecond later.

    Attributes
    ----------
    present : bool
        True if a unit of the recorded muscle is excited across the lesion (else the parts
        that need one are nan).
    antidromic_ms : float
        Stimulation site -> centre of the lesion (the stimulated branch's best-synchronised volley).
    transfer_ms : float
        Ephaptic transfer at the lesion (volley -> impulse in the excited fibre); nan if absent.
    orthodromic_ms : float
        Centre of the lesion -> stylomastoid foramen in the excited fibre; nan if absent.
    distal_motor_ms : float
        Foramen -> onset of the recorded muscle's response (distal motor latency).
    fibre_cv_m_per_s : float
        Healthy conduction velocity of the excited fibre (m/s); nan if absent.
    geometry : Geometry
        Path lengths of the model.
    stimulate_branch, record_muscle : str
        Canonical names.
    """

    present: bool
    antidromic_ms: float
    transfer_ms: float
    orthodromic_ms: float
    distal_motor_ms: float
    fibre_cv_m_per_s: float
    geometry: core.Geometry
    stimulate_branch: str
    record_muscle: str

    @property
    def total_ms(self) -> float:
        """Sum of the four parts (nan without an LSR)."""
        return self.antidromic_ms + self.transfer_ms + self.orthodromic_ms + self.distal_motor_ms

    def parts(self) -> dict:
        """The four parts in order, label -> ms (they add up to ``total_ms``)."""
        return {
            "antidromic leg": self.antidromic_ms,
            "ephaptic transfer": self.transfer_ms,
            "orthodromic leg": self.orthodromic_ms,
            "distal motor latency": self.distal_motor_ms,
        }

    def compare_measured(self, measured) -> LatencyComparison:
        """Compare the legs with intraoperative measurements (the ``lsr_latencies`` table, e.g. from
        :func:`~hfs_edu.models.crosstalk.lsr_latencies`).

        Uses the rows for this montage: ``stimulation_to_rez`` for the stimulated branch,
        ``rez_to_muscle`` and ``lsr_onset`` for the recorded muscle (Moller & Jannetta's
        intracranial recordings [N420] where available). Missing rows give nan.
        """
        for col in ("measure", "stimulate_branch", "record_muscle", "mean_ms", "sd_ms", "source_key"):
            if not hasattr(measured, "columns") or col not in measured.columns:
                raise TypeError(
                    "measured must be the lsr_latencies table (a DataFrame with columns measure, "
                    f"stimulate_branch, record_muscle, mean_ms, sd_ms, source_key), got "
                    f"{type(measured).__name__}"
                )
        anti = _measured(measured, "stimulation_to_rez", branch=self.stimulate_branch)
        back = _measured(measured, "rez_to_muscle", muscle=self.record_muscle)
        amr = _measured(
            measured[measured["setting"] == "intracranial recording during MVD"],
            "lsr_onset",
            self.stimulate_branch,
            self.record_muscle,
        )
        return LatencyComparison(
            self.stimulate_branch,
            self.record_muscle,
            self.antidromic_ms,
            anti[0],
            anti[1],
            self.orthodromic_ms + self.distal_motor_ms,
            back[0],
            back[1],
            self.transfer_ms,
            self.total_ms,
            amr[0],
            amr[1],
            tuple(sorted({k for k in (anti[2], back[2], amr[2]) if k})),
        )


@validated(
    demyelination=DEMYELINATION,
    compression=COMPRESSION,
    stimulate_branch=core.BRANCH,
    record_muscle=core.MUSCLE,
    n_fibres=N_FIBRES,
)
def latency_budget(
    demyelination: float,
    compression: float,
    stimulate_branch: str = "zygomatic",
    record_muscle: str = "mentalis",
    *,
    n_fibres: int = FIBRES_DEFAULT,
) -> LatencyBudget:
    """Split the LSR latency of the earliest motor unit into its parts (ms): the peripheral interpretation.

    Stimulus -> backwards (antidromically) along the stimulated branch and the root to the
    lesion at the root exit zone -> ephaptic transfer to a fibre of another branch ->
    forwards (orthodromically) to the stylomastoid foramen -> distal motor latency of the
    recorded muscle. Same model and montage as :func:`lateral_spread_response`.

    {parameters}

    Returns
    -------
    LatencyBudget
        Without an LSR, ``present`` is False and the transfer, orthodromic leg, total and
        fibre velocity are nan.
    """
    stim, rec, b, m = montage(stimulate_branch, record_muscle)
    fib = core.fibres(n_fibres)
    u = excited_units(demyelination, compression, fib, b, m)
    nan = float("nan")
    g = core.GEOMETRY
    if u.index.size == 0:
        return LatencyBudget(False, u.t_volley_ms, nan, nan, g.distal_motor_ms[rec], nan, g, stim, rec)
    k = int(np.argmin(u.arrive_ms))  # earliest arrival, as in lateral_spread_response
    j = int(u.index[k])
    return LatencyBudget(
        True,
        u.t_volley_ms,
        float(u.transfer_ms[k]),
        float(u.arrive_ms[k] - u.lesion_ms[k] - fib.dml[j]),
        float(fib.dml[j]),
        float(fib.cv[j]),
        g,
        stim,
        rec,
    )


# -- the coupling map ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouplingMap:
    """LSR motor units over a demyelination x compression grid (see :func:`coupling_map`).

    Attributes
    ----------
    demyelination, compression : ndarray
        The grid axes (0-1 each).
    units : ndarray of int
        ``units[i, j]``: motor units answering at compression ``compression[i]`` and demyelination ``demyelination[j]``.
    units_per_branch : int
        Motor units of the recorded muscle in the model.
    stimulate_branch, record_muscle : str
        Montage.
    """

    demyelination: np.ndarray
    compression: np.ndarray
    units: np.ndarray
    units_per_branch: int
    stimulate_branch: str
    record_muscle: str


@lru_cache(maxsize=8)
def _coupling_map(n_grid: int, stim: str, rec: str, b: int, m: int, n: int) -> CouplingMap:
    g = np.linspace(0.0, 1.0, n_grid)
    fib = core.fibres(n)
    units = np.array([[excited_units(float(x), float(y), fib, b, m).index.size for x in g] for y in g])
    for arr in (g, units):
        arr.setflags(write=False)
    return CouplingMap(g, g, units, n // 4, stim, rec)


@validated(
    n_grid=integer(6, 61, doc="Grid points per axis."),
    stimulate_branch=core.BRANCH,
    record_muscle=core.MUSCLE,
    n_fibres=N_FIBRES,
)
def coupling_map(
    n_grid: int = 26,
    stimulate_branch: str = "zygomatic",
    record_muscle: str = "mentalis",
    *,
    n_fibres: int = FIBRES_DEFAULT,
) -> CouplingMap:
    """How many motor units of the recorded muscle answer, over demyelination x compression (cached).

    {parameters}

    Returns
    -------
    CouplingMap
    """
    stim, rec, b, m = montage(stimulate_branch, record_muscle)
    return _coupling_map(n_grid, stim, rec, b, m, n_fibres)


# -- one recording in theatre: the montage and decompression rules in one place ---------------------------


@dataclass(frozen=True)
class LSRRecording:
    """What :func:`lsr_recording` returns: one stimulus and the two muscles a clinician watches.

    Attributes
    ----------
    direct : DirectResponse
        The stimulated branch's own muscle.
    lsr : LateralSpreadResponse or None
        The recorded muscle; None when it belongs to the stimulated branch (its answer is the direct response).
    stimulate_branch, record_muscle : str
        Canonical names.
    demyelination : float
        Lesion demyelination.
    compression : float
        Compression in effect (0 once the vessel has been moved away).
    decompressed : bool
        The vessel has been moved away.
    """

    direct: DirectResponse
    lsr: LateralSpreadResponse | None
    stimulate_branch: str
    record_muscle: str
    demyelination: float
    compression: float
    decompressed: bool


@validated(
    demyelination=DEMYELINATION,
    compression=COMPRESSION,
    stimulate_branch=core.BRANCH,
    record_muscle=core.MUSCLE,
    decompressed=flag(doc="The vessel has been moved away: compression becomes 0, the damaged myelin stays."),
    n_fibres=N_FIBRES,
)
def lsr_recording(
    demyelination: float,
    compression: float,
    stimulate_branch: str = "zygomatic",
    record_muscle: str = "mentalis",
    *,
    decompressed: bool = False,
    n_fibres: int = FIBRES_DEFAULT,
) -> LSRRecording:
    """Stimulate a branch and record both its own muscle and ``record_muscle`` (any muscle).

    {parameters}

    Returns
    -------
    LSRRecording
    """
    c = 0.0 if decompressed else compression
    direct = direct_response(stimulate_branch, n_fibres=n_fibres)
    own = BRANCH_MUSCLE[stimulate_branch] == record_muscle
    lsr = None if own else lateral_spread_response(demyelination, c, stimulate_branch, record_muscle, n_fibres=n_fibres)
    return LSRRecording(direct, lsr, stimulate_branch, record_muscle, demyelination, c, decompressed)
