"""Cross-talk toy model of hemifacial spasm (chapter 03).

A small bundle of motor fibres (default 24) crosses the compression site. The
fibres of the four branches are intermingled, because the intracranial facial
nerve has no fascicles [S51; N12]: temporal -> frontalis, zygomatic ->
orbicularis oculi, buccal -> orbicularis oris, marginal mandibular -> mentalis.

Three layers, each as simple as the question it answers:

1. **Lesion** (:mod:`.crosstalk_lesion`, closed forms): conduction through the
   demyelinated segment (slows, then blocks) and the ephaptic transfer map - which
   resting fibres a volley excites, and after how long (about 1 ms [N52]). Coupling
   grows with compression (less extracellular space) and demyelination (exposed
   membrane); healthy myelin never cross-talks.
2. **Nerve and muscles** (here and :mod:`.crosstalk_emg`, events): analytic delay
   lines for the healthy nerve (stimulation site -> foramen -> lesion -> foramen ->
   muscle, distal motor latencies [N51]); ectopic after-discharge trains at
   250-350 Hz [S49] paced by the arterial pulse, each impulse spreading ephaptically;
   MUAP convolution into EMG traces of frontalis, orbicularis oculi, orbicularis
   oris and mentalis.
3. **Years** (:mod:`.compression`): demyelination over time and its partial
   recovery after decompression; :func:`decompress` joins the two.

Public functions: :func:`simulate` (spike times, EMG), :func:`lateral_spread_response`
(the clinician's LSR), :func:`latency_budget` (where the LSR latency goes),
:func:`decompress`, and the single-fibre helpers
:func:`conduction_velocity`, :func:`safety_factor`, :func:`ephaptic_drive_mv`,
:func:`ephaptic_threshold_mv`. Everything is deterministic for a given ``seed``.

This is a teaching model: every ``TC`` constant is a teaching calibration chosen
to reproduce sourced observations (LSR about 9-10 ms [S59; N50], transfer about
1 ms [N52]), not a measurement. The LSR latency stays near 9-10 ms at every lesion
that produces one because the transfer cannot fall below a minimum initiation time
(so it takes at least 1.0 ms [N52]) and only slow fibres can be excited across the
lesion [S49] (two calibrations, see :mod:`.crosstalk_lesion`). ``data/crosstalk_parameters.csv`` lists every
parameter of the three modules with its unit, source, tier and note.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._validate import check_bool, check_choice, check_int, check_number
from . import compression as _compression
from . import crosstalk_emg as _emg
from . import crosstalk_lesion as _les
from .crosstalk_lesion import (
    BRANCH_MUSCLE, BRANCHES, MUSCLES, conduction_velocity, ephaptic_drive_mv, ephaptic_threshold_mv,
    safety_factor,
)

__all__ = [
    "BRANCHES", "MUSCLES", "BRANCH_MUSCLE", "FIBRES_DEFAULT",
    "Simulation", "LateralSpreadResponse", "Decompression",
    "conduction_velocity", "safety_factor", "ephaptic_drive_mv", "ephaptic_threshold_mv",
    "simulate", "lateral_spread_response", "latency_budget", "decompress", "LatencyBudget",
]

FIBRES_DEFAULT = 24  # model fibres (the real nerve has ~7,000 motor fibres [N1]); multiple of 4

# -- sourced targets the tests check ------------------------------------------------------------------
LSR_LATENCY_MS = 10.0  # [S59:A] about 10 ms in 40/40 patients
LSR_LATENCY_MENTALIS_MS = 9.76  # [N50:A] 9.76 +- 1.1 ms (zygomatic stimulation)
LSR_LATENCY_ORBICULARIS_OCULI_MS = 9.0  # [N50:A] 9.0 +- 1.09 ms (mandibular stimulation)
LSR_LATENCY_INTRAOPERATIVE_MS = 8.96  # [N57:A] 8.96 +- 0.72 ms, mentalis, zygomatic stimulation, 85 patients
TRANSFER_TIME_MS = 1.0  # [N52:B] estimated ephaptic transmission time at the compression site
REZ_TO_MUSCLE_LATENCY_MS = 5.3  # [N61:A; N7:A] magnetic stimulation 4.5 ms [N61] + REZ 0.5-1.1 ms later [N7] (derived)

STIM_TIME_MS = 10.0  # when simulate() delivers a branch stimulus
LSR_WINDOW_MS = 30.0  # length of the LSR sweep


# -- result types ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Simulation:
    """What :func:`simulate` returns (times in ms, EMG in mV).

    Attributes
    ----------
    time_ms : ndarray
        Sample times of the EMG traces.
    emg_mv : dict
        Muscle name -> EMG trace (mV) for frontalis, orbicularis oculi, orbicularis oris, mentalis.
    spike_times_ms : tuple of ndarray
        Per fibre, the times its impulses reach its muscle (direct responses included).
    lesion_spike_times_ms : tuple of ndarray
        Per fibre, impulses *born at the lesion* (ectopic after-discharges and ephaptic excitations).
    fibre_branch, fibre_muscle : ndarray of str
        Branch and muscle of each fibre.
    fibre_cv_m_per_s : ndarray
        Healthy conduction velocity of each fibre.
    fibre_blocked : ndarray of bool
        Fibres whose impulses cannot pass the lesion (conduction block).
    n_ectopic : int
        Spurious impulses generated at the lesion (all impulses of every ectopic train that starts in the window).
    n_crosstalk : int
        Ephaptic fibre-to-fibre excitations (evoked and spontaneous).
    params : dict
        The arguments used.
    """

    time_ms: np.ndarray
    emg_mv: dict
    spike_times_ms: tuple
    lesion_spike_times_ms: tuple
    fibre_branch: np.ndarray
    fibre_muscle: np.ndarray
    fibre_cv_m_per_s: np.ndarray
    fibre_blocked: np.ndarray
    n_ectopic: int
    n_crosstalk: int
    params: dict = field(default_factory=dict)


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


@dataclass(frozen=True)
class LatencyBudget:
    """What :func:`latency_budget` returns: where the LSR latency goes, for its earliest motor unit.

    The four parts add up to ``total_ms``, the arrival of the earliest unit at the muscle
    (``LateralSpreadResponse.first_unit_latency_ms``). The onset read from the EMG trace
    (``LateralSpreadResponse.latency_ms``) comes up to a few tenths of a millisecond later,
    where the summed motor-unit potentials reach 5% of their peak.

    Attributes
    ----------
    present : bool
        True if a unit of the recorded muscle is excited across the lesion (else the parts
        that need one are nan).
    antidromic_ms : float
        Stimulation site -> centre of the lesion: the stimulated branch's volley, backwards
        along the branch and the root (its best-synchronised moment), ms.
    transfer_ms : float
        Ephaptic transfer at the lesion (volley -> impulse in the excited fibre), ms; nan if absent.
    orthodromic_ms : float
        Centre of the lesion -> stylomastoid foramen in the excited fibre, ms; nan if absent.
    distal_motor_ms : float
        Foramen -> onset of the recorded muscle's response (distal motor latency), ms.
    total_ms : float
        Sum of the four parts, ms; nan if absent.
    fibre_cv_m_per_s : float
        Healthy conduction velocity of the excited fibre (m/s); nan if absent.
    stimulation_site_to_foramen_mm, lesion_to_foramen_mm, lesion_length_mm : float
        Path lengths of the model (mm): branch stimulation point -> foramen, centre of the
        lesion -> foramen, and the demyelinated stretch at the root exit zone.
    stimulate_branch, record_muscle : str
        Canonical names.
    """

    present: bool
    antidromic_ms: float
    transfer_ms: float
    orthodromic_ms: float
    distal_motor_ms: float
    total_ms: float
    fibre_cv_m_per_s: float
    stimulation_site_to_foramen_mm: float
    lesion_to_foramen_mm: float
    lesion_length_mm: float
    stimulate_branch: str
    record_muscle: str

    def parts(self) -> dict:
        """The four parts in order, label -> ms (they add up to ``total_ms``)."""
        return {"antidromic leg": self.antidromic_ms, "ephaptic transfer": self.transfer_ms,
                "orthodromic leg": self.orthodromic_ms, "distal motor latency": self.distal_motor_ms}


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
    lsr_present : ndarray of bool
        ``lsr_units > 0``.
    units_before : int
        LSR motor units just before decompression.
    day_lsr_gone : float
        First day with no LSR (0 = it vanished when the vessel was moved); nan if it persists.
    """

    time_days: np.ndarray
    demyelination: np.ndarray
    lsr_units: np.ndarray
    lsr_present: np.ndarray
    units_before: int
    day_lsr_gone: float


# -- argument checks -----------------------------------------------------------------------------------------

def _check_fibres(n_fibres):
    n = check_int("n_fibres", n_fibres, 8, 96)
    if n % 4:
        raise ValueError(f"n_fibres={n} is not a multiple of 4; allowed: 8 <= n_fibres <= 96, multiple of 4")
    return n


def _branch(name, value):
    text = value.replace("_", " ") if isinstance(value, str) else value
    return check_choice(name, text, BRANCHES)


def _muscle(name, value):
    text = value.replace("_", " ") if isinstance(value, str) else value
    return check_choice(name, text, MUSCLES)


def _montage(stimulate_branch, record_muscle):
    """Validated (branch name, muscle name, branch index, muscle index) of an LSR montage."""
    stim = _branch("stimulate_branch", stimulate_branch)
    rec = _muscle("record_muscle", record_muscle)
    b, m = BRANCHES.index(stim), MUSCLES.index(rec)
    if b == m:
        raise ValueError(f"record_muscle={rec!r} is supplied by the stimulated branch {stim!r}; "
                         "allowed: a muscle of another branch")
    return stim, rec, b, m


# -- public: the bundle ---------------------------------------------------------------------------------------

def _refractory(times: np.ndarray) -> np.ndarray:
    """Sort and drop impulses closer than REFRACTORY_MS to the previous one (collision/refractoriness)."""
    if times.size < 2:
        return times
    t = np.sort(times)
    keep = np.concatenate([[True], np.diff(t) >= _emg.REFRACTORY_MS])
    return t[keep]


def _within(times: np.ndarray, duration_ms: float) -> np.ndarray:
    return times[times < duration_ms]


def simulate(demyelination: float, compression: float, *, pulsation: float = 0.5,
             n_fibres: int = FIBRES_DEFAULT, duration_ms: float = 1000.0, dt_ms: float = 0.1,
             stimulate: str | None = None, spontaneous: bool = True,
             heart_rate_bpm: float = _emg.HEART_RATE_BPM, seed: int = 0) -> Simulation:
    """Simulate the fibre bundle and the EMG of four facial muscles.

    Parameters
    ----------
    demyelination : float
        Peak demyelination at the compression site, 0 (healthy) to 1 (bare axons).
    compression : float
        How hard the vessel presses, 0 (none, e.g. after decompression) to 1.
    pulsation : float, default 0.5
        Arterial pulsation at the contact, 0-1 (paces the ectopic drive).
    n_fibres : int, default 24
        Fibres in the bundle, 8-96, a multiple of 4 (equal numbers per branch). The model is
        calibrated at 24; other sizes change its granularity (an ectopic impulse is one fibre in N).
    duration_ms : float, default 1000
        Length of the simulated window, 20-5000 ms.
    dt_ms : float, default 0.1
        EMG sampling step, 0.01-0.5 ms. Impulse times are computed in continuous time and
        do not depend on it.
    stimulate : str or None, default None
        Branch to stimulate supramaximally at ``STIM_TIME_MS`` (``'temporal'``, ``'zygomatic'``,
        ``'buccal'``, ``'marginal mandibular'``; underscores allowed), or None.
    spontaneous : bool, default True
        Include ectopic discharges (spasms).
    heart_rate_bpm : float, default 70
        Heart rate that paces the pulsation, 30-200 beats/min.
    seed : int, default 0
        Seed of the ectopic events (0 <= seed < 2**32). Same seed, same result.

    Returns
    -------
    Simulation
    """
    d, c = _les._check_dc(demyelination, compression)
    p = check_number("pulsation", pulsation, 0.0, 1.0)
    n = _check_fibres(n_fibres)
    dur = check_number("duration_ms", duration_ms, 20.0, 5000.0)
    dt = check_number("dt_ms", dt_ms, 0.01, 0.5)
    stim = None if stimulate is None else _branch("stimulate", stimulate)
    spont = check_bool("spontaneous", spontaneous)
    hr = check_number("heart_rate_bpm", heart_rate_bpm, 30.0, 200.0)
    sd = check_int("seed", seed, 0, 2**32 - 1)

    fib = _les._fibres(n)
    les = _les._lesion(d, c, fib)
    born = [[] for _ in range(n)]                       # impulses born at the lesion, per fibre
    n_ectopic = n_crosstalk = 0
    if spont:
        trains, n_imp = _emg.ectopic_trains(les.ectopic_drive, fib.ectopic_threshold, p, hr, dur, sd)
        offsets = _les._seed_offsets(d, c, n)
        recruits = np.isfinite(offsets)
        n_ectopic = int(n_imp.sum())
        n_crosstalk += int((n_imp * recruits.sum(axis=1)).sum())
        for i in np.flatnonzero(n_imp):
            born[i].append(trains[i])
            for j in np.flatnonzero(recruits[i]):
                born[j].append(trains[i] + offsets[i, j])
    arrivals = [[] for _ in range(n)]
    if stim is not None:
        b = BRANCHES.index(stim)
        times, _ = _les._evoked(les, fib, b, STIM_TIME_MS)
        hit = np.isfinite(times)
        n_crosstalk += int(hit.sum())
        for j in np.flatnonzero(hit):
            born[j].append(times[j:j + 1])
        for j in np.flatnonzero(fib.branch == b):          # direct (orthodromic) response
            arrivals[j].append(np.array([STIM_TIME_MS + fib.dml[j] - _les.STIM_SITE_TO_SMF_MM / fib.cv_extra[j]]))
    lesion_times = tuple(_within(np.sort(np.concatenate(x)), dur) if x else np.empty(0) for x in born)
    spikes = []
    for j in range(n):
        if lesion_times[j].size and not les.blocked[j]:
            arrivals[j].append(lesion_times[j] + les.exit_ms[j])
        t = _refractory(np.concatenate(arrivals[j])) if arrivals[j] else np.empty(0)
        spikes.append(_within(t, dur))
    n_samples = int(round(dur / dt))
    emg = {}
    for m, muscle in enumerate(MUSCLES):
        sel = np.flatnonzero(fib.branch == m)
        t_all = np.concatenate([spikes[j] for j in sel])
        w_all = np.concatenate([np.full(spikes[j].size, fib.muap_mv[j]) for j in sel])
        emg[muscle] = _emg.synthesize_emg(t_all, w_all, n_samples, dt)
    params = dict(demyelination=d, compression=c, pulsation=p, n_fibres=n, duration_ms=dur, dt_ms=dt,
                  stimulate=stim, spontaneous=spont, heart_rate_bpm=hr, seed=sd)
    return Simulation(
        time_ms=np.arange(n_samples) * dt, emg_mv=emg, spike_times_ms=tuple(spikes),
        lesion_spike_times_ms=lesion_times, fibre_branch=np.array([BRANCHES[b] for b in fib.branch]),
        fibre_muscle=np.array([MUSCLES[b] for b in fib.branch]), fibre_cv_m_per_s=fib.cv.copy(),
        fibre_blocked=les.blocked.copy(), n_ectopic=n_ectopic, n_crosstalk=n_crosstalk, params=params)


def _lsr_units(d, c, fib, branch, muscle_index):
    """Fast path (no EMG): excited, unblocked units of the recorded muscle, their arrivals and transfer times."""
    les = _les._lesion(d, c, fib)
    times, t_volley = _les._evoked(les, fib, branch, 0.0)
    sel = np.isfinite(times) & (fib.branch == muscle_index) & ~les.blocked
    return np.flatnonzero(sel), times[sel] + les.exit_ms[sel], times[sel] - t_volley


def lateral_spread_response(demyelination: float, compression: float, stimulate_branch: str = "zygomatic",
                            record_muscle: str = "mentalis", *, n_fibres: int = FIBRES_DEFAULT,
                            dt_ms: float = 0.05) -> LateralSpreadResponse:
    """Stimulate one branch and record from a muscle of another: the clinician's LSR.

    Parameters
    ----------
    demyelination, compression : float
        Lesion state, 0-1 each (as in :func:`simulate`).
    stimulate_branch : str, default 'zygomatic'
        Branch stimulated supramaximally at t = 0.
    record_muscle : str, default 'mentalis'
        Muscle recorded; must belong to another branch (``'frontalis'``, ``'orbicularis oculi'``,
        ``'orbicularis oris'``, ``'mentalis'``).
    n_fibres : int, default 24
        Fibres in the bundle (see :func:`simulate`).
    dt_ms : float, default 0.05
        Sampling step of the 30 ms sweep, 0.005-0.5 ms.

    Returns
    -------
    LateralSpreadResponse
        Spontaneous activity is left out, as when responses are averaged.
    """
    d, c = _les._check_dc(demyelination, compression)
    stim, rec, b, m = _montage(stimulate_branch, record_muscle)
    n = _check_fibres(n_fibres)
    dt = check_number("dt_ms", dt_ms, 0.005, 0.5)
    fib = _les._fibres(n)
    units, arrive, transfer = _lsr_units(d, c, fib, b, m)
    n_samples = int(round(LSR_WINDOW_MS / dt))
    t = np.arange(n_samples) * dt
    trace = _emg.synthesize_emg(arrive, fib.muap_mv[units], n_samples, dt)
    direct = fib.branch == b
    direct_ms = float(np.min(fib.dml[direct] - _les.STIM_SITE_TO_SMF_MM / fib.cv_extra[direct]))
    state = dict(stimulate_branch=stim, record_muscle=rec, demyelination=d, compression=c, n_fibres=n)
    if units.size == 0:
        return LateralSpreadResponse(False, float("nan"), 0.0, 0, float("nan"), float("nan"), direct_ms,
                                     t, trace, **state)
    first = int(np.argmin(arrive))
    return LateralSpreadResponse(
        present=True, latency_ms=_emg.onset_latency_ms(t, trace), amplitude_mv=float(trace.max() - trace.min()),
        n_units=int(units.size), first_unit_latency_ms=float(arrive[first]), transfer_time_ms=float(transfer[first]),
        direct_latency_ms=direct_ms, time_ms=t, trace_mv=trace, **state)


def latency_budget(demyelination: float, compression: float, stimulate_branch: str = "zygomatic",
                   record_muscle: str = "mentalis", *, n_fibres: int = FIBRES_DEFAULT) -> LatencyBudget:
    """Split the LSR latency of the earliest motor unit into its parts (ms), for teaching.

    Stimulus -> backwards (antidromically) along the stimulated branch and the root to the
    lesion at the root exit zone -> ephaptic transfer to a fibre of another branch ->
    forwards (orthodromically) to the stylomastoid foramen -> distal motor latency of the
    recorded muscle. Same model and montage as :func:`lateral_spread_response`.

    Parameters
    ----------
    demyelination, compression : float
        Lesion state, 0-1 each.
    stimulate_branch : str, default 'zygomatic'
        Branch stimulated (``'temporal'``, ``'zygomatic'``, ``'buccal'``, ``'marginal mandibular'``;
        underscores allowed).
    record_muscle : str, default 'mentalis'
        Muscle recorded; must belong to another branch.
    n_fibres : int, default 24
        Fibres in the bundle, 8-96, a multiple of 4.

    Returns
    -------
    LatencyBudget
        ``antidromic_ms + transfer_ms + orthodromic_ms + distal_motor_ms = total_ms``; without
        an LSR, ``present`` is False and the transfer, orthodromic leg, total and fibre velocity
        are nan (the antidromic leg, the distal motor latency and the path lengths are given).
    """
    d, c = _les._check_dc(demyelination, compression)
    stim, rec, b, m = _montage(stimulate_branch, record_muscle)
    n = _check_fibres(n_fibres)
    fib = _les._fibres(n)
    les = _les._lesion(d, c, fib)
    times, t_volley = _les._evoked(les, fib, b, 0.0)
    sel = np.flatnonzero(np.isfinite(times) & (fib.branch == m) & ~les.blocked)
    geometry = dict(stimulation_site_to_foramen_mm=float(_les.STIM_SITE_TO_SMF_MM),
                    lesion_to_foramen_mm=float(_les.LESION_TO_SMF_MM), lesion_length_mm=float(_les.LESION_LENGTH_MM),
                    stimulate_branch=stim, record_muscle=rec)
    nan = float("nan")
    if sel.size == 0:
        return LatencyBudget(False, float(t_volley), nan, nan, float(_les._DML[rec]), nan, nan, **geometry)
    j = int(sel[np.argmin(times[sel] + les.exit_ms[sel])])     # earliest arrival, as in lateral_spread_response
    parts = (float(t_volley), float(times[j] - t_volley), float(les.exit_ms[j] - fib.dml[j]), float(fib.dml[j]))
    return LatencyBudget(True, *parts, float(sum(parts)), float(fib.cv[j]), **geometry)


def decompress(demyelination: float, compression: float, *, days: float = 365.0, age_years: float = 50.0,
               stimulate_branch: str = "zygomatic", record_muscle: str = "mentalis",
               n_fibres: int = FIBRES_DEFAULT, n_points: int = 100) -> Decompression:
    """Move the vessel away (compression -> 0) and follow the LSR while the myelin recovers.

    Parameters
    ----------
    demyelination, compression : float
        Lesion state just before surgery, 0-1 each.
    days : float, default 365
        Follow-up, 1-3650 days.
    age_years : float, default 50
        Age at surgery (years, 0-100); older nerves remyelinate more slowly.
    stimulate_branch, record_muscle : str
        LSR montage (see :func:`lateral_spread_response`).
    n_fibres : int, default 24
        Fibres in the bundle.
    n_points : int, default 100
        Time points, 2-2000.
    """
    d, c = _les._check_dc(demyelination, compression)
    _, _, b, m = _montage(stimulate_branch, record_muscle)
    n = _check_fibres(n_fibres)
    check_int("n_points", n_points, 2, 2000)
    course = _compression.decompression_recovery(1.0 - d, days=days, age_years=age_years, n_points=n_points)
    fib = _les._fibres(n)
    units = np.array([_lsr_units(float(x), 0.0, fib, b, m)[0].size for x in course.demyelination])
    gone = np.flatnonzero(units == 0)
    return Decompression(
        time_days=course.time_days, demyelination=course.demyelination, lsr_units=units, lsr_present=units > 0,
        units_before=int(_lsr_units(d, c, fib, b, m)[0].size),
        day_lsr_gone=float(course.time_days[gone[0]]) if gone.size else float("nan"))
