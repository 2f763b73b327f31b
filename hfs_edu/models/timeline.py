"""One structure for every treatment history: events, effect curves, side-effect intervals (chapters 07-09).

A **treatment history** is a sorted tuple of :class:`Event` (an injection of
botulinum toxin, starting or stopping an oral drug, an operation) plus
:class:`Interval` records (a drug being taken, a side effect, a complication).
:func:`symptom_curve` turns a history and an **untreated baseline** (the
severity 0-1 the patient would have without treatment, day by day) into the
treated symptom curve::

    severity(t) = baseline(t) * prod_i (1 - E_i(t))

where each ``E_i`` is one treatment's relief (0-1) at ``t``:

* injections: :mod:`hfs_edu.models.botulinum` (each injection with its own dose);
* oral drugs: :mod:`hfs_edu.models.oral_drugs` (a modest, uncertain ``TC`` scale);
* an operation: :mod:`hfs_edu.models.mvd`: by default the population's expected
  share spasm-free (so the curve is the *expected* severity); with a sampled
  ``days_to_cure`` (:func:`hfs_edu.models.mvd.sample_outcome`) a step to 0 for
  that patient, and back to the baseline at a recurrence.

Treatments act on what the others leave (a product), so no treatment can make
the spasm worse than untreated and a history without events gives exactly the
baseline (tested). The time axis is in days (``Timeline.time_months`` for a
month axis). One history of 2 years on a 1-day grid costs well under a
millisecond of array work, so sliders can recompute it on every change.

Figure and views (later sessions): a timeline panel with the events as markers
and the intervals as bars, over a panel with ``untreated`` (dashed) and
``severity``; see the module's tests for typical histories.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .._params import Param, choice, flag, number, seed, validated
from . import botulinum as _bont
from . import mvd as _mvd
from . import oral_drugs as _drugs

__all__ = [
    "EVENT_KINDS",
    "Event",
    "Interval",
    "Timeline",
    "TreatmentHistory",
    "good_control_days",
    "injection",
    "interval_days",
    "operation",
    "operation_for",
    "sample_side_effect_intervals",
    "start_drug",
    "stop_drug",
    "symptom_curve",
    "treatment_history",
    "untreated_course",
]

EVENT_KINDS = ("injection", "drug_start", "drug_stop", "operation")
INTERVAL_KINDS = ("drug", "side_effect", "complication")
DEFAULT_BASELINE_SEVERITY = 0.6  # TC: a moderate untreated spasm on the course's 0-1 scale
GOOD_CONTROL_SEVERITY = 0.25  # TC: 'good control' = severity at most a quarter of the scale
_MAX_DAYS = 3650.0
_DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class Event:
    """One event of a treatment history (build it with :func:`injection`, :func:`start_drug`, ...).

    Attributes
    ----------
    kind : str
        One of :data:`EVENT_KINDS`.
    day : float
        Day on the timeline.
    dose_units : float
        Injection dose (units of onabotulinumtoxinA); ``nan`` for other events.
    drug : str
        Drug name for drug events; ``''`` otherwise.
    days_to_cure : float
        Operation only: days until spasm-free for one patient; ``nan`` = use the
        population's expected curve (or never, if ``cured`` is False).
    cured : bool
        Operation only: False if this patient is never cured.
    recurrence_day : float
        Operation only: days after surgery when the spasm returns (``nan`` = never).
    relief_factor, duration_factor : float
        Injection only: one patient's response (1 = the average patient).
    label : str
        Short text for the figure.
    """

    kind: str
    day: float
    dose_units: float = math.nan
    drug: str = ""
    days_to_cure: float = math.nan
    cured: bool = True
    recurrence_day: float = math.nan
    relief_factor: float = 1.0
    duration_factor: float = 1.0
    label: str = ""


@dataclass(frozen=True)
class Interval:
    """A stretch of time on the timeline (a drug being taken, a side effect, a complication).

    Attributes
    ----------
    kind : str
        ``'drug'``, ``'side_effect'`` or ``'complication'``.
    label : str
        What it is (e.g. ``'ptosis'``, ``'carbamazepine'``).
    start_day, end_day : float
        Its days; ``end_day`` is ``nan`` when open-ended (a drug continued, a permanent complication).
    permanent : bool
        True for a permanent complication.
    """

    kind: str
    label: str
    start_day: float
    end_day: float
    permanent: bool = False


@dataclass(frozen=True)
class TreatmentHistory:
    """Events sorted by day, and the intervals that belong to them (see :func:`treatment_history`)."""

    events: tuple
    intervals: tuple


@dataclass(frozen=True)
class Timeline:
    """A treated symptom curve with its parts.

    Attributes
    ----------
    time_days : ndarray
        The time axis (days).
    untreated : ndarray
        The untreated baseline severity (0-1).
    severity : ndarray
        Treated severity (0-1), never above ``untreated``.
    botulinum_effect, drug_effect, surgery_effect : ndarray
        Relief (0-1) from each kind of treatment.
    transmission_factor : ndarray
        Neuromuscular transmission factor (0-1) from the toxin, for chapter 03's EMG layer.
    history : TreatmentHistory
        The events and intervals drawn on the timeline.
    """

    time_days: np.ndarray
    untreated: np.ndarray
    severity: np.ndarray
    botulinum_effect: np.ndarray
    drug_effect: np.ndarray
    surgery_effect: np.ndarray
    transmission_factor: np.ndarray
    history: TreatmentHistory

    @property
    def time_months(self) -> np.ndarray:
        """The time axis in months (30.44 days)."""
        return self.time_days / _DAYS_PER_MONTH


# -- events -----------------------------------------------------------------------------------------
_DAY = number(0, _MAX_DAYS, unit="days", doc="Day on the timeline.")
_DRUG = choice(_drugs.DRUGS, doc="Generic name of the oral drug.")


@validated(
    day=_DAY,
    dose_units=number(0, _bont.MAX_DOSE_UNITS, unit="U", doc="Dose (onabotulinumtoxinA)."),
    relief_factor=number(
        0, 2, doc="This patient's peak relief factor (0 = non-responder); see botulinum.sample_response."
    ),
    duration_factor=number(0.2, 5, doc="This patient's duration factor; see botulinum.sample_response."),
)
def injection(
    day: float = 0.0,
    dose_units: float = _bont.REFERENCE_DOSE_UNITS,
    relief_factor: float = 1.0,
    duration_factor: float = 1.0,
) -> Event:
    """A botulinum toxin injection (the average patient by default).

    {parameters}
    """
    return Event(
        "injection",
        float(day),
        dose_units=float(dose_units),
        relief_factor=float(relief_factor),
        duration_factor=float(duration_factor),
        label=f"BoNT {dose_units:g} U",
    )


@validated(day=_DAY, drug=_DRUG)
def start_drug(day: float = 0.0, drug: str = "carbamazepine") -> Event:
    """Starting an oral drug.

    {parameters}
    """
    return Event("drug_start", float(day), drug=drug, label=f"start {drug}")


@validated(day=_DAY, drug=_DRUG)
def stop_drug(day: float = 30.0, drug: str = "carbamazepine") -> Event:
    """Stopping an oral drug.

    {parameters}
    """
    return Event("drug_stop", float(day), drug=drug, label=f"stop {drug}")


@validated(
    day=_DAY,
    days_to_cure=number(
        0,
        _MAX_DAYS,
        unit="days",
        optional=True,
        doc="This patient's days from surgery to cure; None: the population's expected curve.",
    ),
    cured=flag(doc="False: this patient is never cured (days_to_cure is then ignored)."),
    recurrence_day=number(
        0, _MAX_DAYS, unit="days", optional=True, doc="Days after surgery when the spasm returns; None: never."
    ),
)
def operation(
    day: float = 0.0, days_to_cure: float | None = None, cured: bool = True, recurrence_day: float | None = None
) -> Event:
    """A microvascular decompression: the expected course, or one patient's (see :func:`operation_for`).

    {parameters}
    """
    dtc = math.nan if (days_to_cure is None or not cured) else float(days_to_cure)
    return Event(
        "operation",
        float(day),
        days_to_cure=dtc,
        cured=bool(cured),
        recurrence_day=math.nan if recurrence_day is None else float(recurrence_day),
        label="MVD",
    )


@validated(day=_DAY)
def operation_for(outcome: _mvd.MvdOutcome, day: float = 0.0) -> Event:
    """The operation event of one sampled patient (from :func:`hfs_edu.models.mvd.sample_outcome`).

    Parameters
    ----------
    outcome : MvdOutcome
    {parameters}
    """
    if not isinstance(outcome, _mvd.MvdOutcome):
        raise TypeError(f"outcome must be an MvdOutcome (see mvd.sample_outcome), got {type(outcome).__name__}")
    return Event(
        "operation",
        float(day),
        days_to_cure=outcome.days_to_cure,
        cured=outcome.cured,
        recurrence_day=outcome.recurrence_day,
        label="MVD",
    )


def treatment_history(events: Sequence[Event] = (), intervals: Sequence[Interval] = ()) -> TreatmentHistory:
    """Validate and sort events; add one ``'drug'`` interval per course of a drug.

    Parameters
    ----------
    events : sequence of Event
        Built with :func:`injection`, :func:`start_drug`, :func:`stop_drug`, :func:`operation`.
        A drug may be stopped only after it was started; a started drug without a stop
        runs to the end (``end_day = nan``, open-ended).
    intervals : sequence of Interval
        Extra intervals (e.g. from :func:`sample_side_effect_intervals`).

    Returns
    -------
    TreatmentHistory
    """
    for name, seq, cls in (("events", events, Event), ("intervals", intervals, Interval)):
        if isinstance(seq, (str, bytes, Event, Interval)) or not hasattr(seq, "__iter__"):
            raise TypeError(f"{name} must be a sequence of {cls.__name__}, got {type(seq).__name__}")
        for x in seq:
            if not isinstance(x, cls):
                raise TypeError(f"{name} must contain only {cls.__name__} records, got {type(x).__name__}")
    evs = tuple(sorted(events, key=lambda e: (e.day, EVENT_KINDS.index(e.kind))))
    open_courses: dict = {}
    drug_iv = []
    for e in evs:
        if e.kind not in EVENT_KINDS:
            raise ValueError(f"event kind={e.kind!r} is not allowed; allowed: one of {EVENT_KINDS}")
        if e.kind == "drug_start":
            if e.drug in open_courses:
                raise ValueError(f"drug={e.drug!r} started on day {e.day:g} while already taken")
            open_courses[e.drug] = e.day
        elif e.kind == "drug_stop":
            if e.drug not in open_courses:
                raise ValueError(f"drug={e.drug!r} stopped on day {e.day:g} but was not started")
            drug_iv.append(Interval("drug", e.drug, open_courses.pop(e.drug), e.day))
    drug_iv += [Interval("drug", d, s, math.nan) for d, s in open_courses.items()]
    for iv in intervals:
        if iv.kind not in INTERVAL_KINDS:
            raise ValueError(f"interval kind={iv.kind!r} is not allowed; allowed: one of {INTERVAL_KINDS}")
    # a drug course passed back in (``history.intervals + more``) is derived again from the events: keep one
    extra = tuple(iv for iv in intervals if not (iv.kind == "drug" and iv in drug_iv))
    ivs = tuple(sorted(tuple(drug_iv) + extra, key=lambda i: (i.start_day, i.kind, i.label)))
    return TreatmentHistory(events=evs, intervals=ivs)


# -- baseline -------------------------------------------------------------------------------------
_HORIZON = number(1, _MAX_DAYS, unit="days", doc="Length of the time axis.")
_STEP = number(0.25, 30, unit="days", doc="Spacing of the time axis.")


def _axis(horizon, step):
    n = round(horizon / step)
    return np.linspace(0.0, n * step, n + 1)


@validated(
    horizon_days=_HORIZON,
    severity=number(0, 1, doc="Untreated severity at day 0 (0 = none, 1 = worst)."),
    worsening_per_year=number(
        -1,
        1,
        unit="1/year",
        doc="Change of severity per year (TC; most untreated courses are stationary "
        "or slowly worse, see natural_history_untreated).",
    ),
    step_days=_STEP,
)
def untreated_course(
    horizon_days: float = 730.0,
    severity: float = DEFAULT_BASELINE_SEVERITY,
    worsening_per_year: float = 0.0,
    step_days: float = 1.0,
):
    """The untreated baseline: severity over time, linear and clipped to 0-1 (a ``TC`` sketch).

    Untreated HFS was stationary in 38.5% and worse in 10.6% of one series, and 41.3%
    remitted, after a mean of 6.4 years ([S97], ``natural_history_untreated``); a
    2-year plan is therefore drawn with a constant or slowly changing baseline.

    {parameters}

    Returns
    -------
    (ndarray, ndarray)
        Time axis (days) and severity.
    """
    t = _axis(horizon_days, step_days)
    return t, np.clip(severity + worsening_per_year * t / 365.25, 0.0, 1.0)


# -- the symptom curve ------------------------------------------------------------------------------
def _end(iv: Interval) -> float:
    return math.inf if math.isnan(iv.end_day) else iv.end_day


def _surgery_relief(t, e: Event):
    s = t - e.day
    if not e.cured:
        return np.zeros_like(t)
    if math.isnan(e.days_to_cure):
        c = _mvd.cure_kernel(s, _mvd.EVENTUAL_CURE, _mvd.IMMEDIATE_SHARE, _mvd.DELAYED_CURE_TIME_CONSTANT_DAYS)
        return np.where(s >= 0.0, c * (1.0 - _mvd.recurrence_kernel(s / 365.25)), 0.0)
    back = math.inf if math.isnan(e.recurrence_day) else e.recurrence_day
    return ((s >= e.days_to_cure) & (s < back)).astype(float)


@validated(
    baseline=Param(
        "array",
        0.0,
        1.0,
        doc="Untreated severity 0-1: a constant, or one value per point of the time axis "
        "(e.g. from :func:`untreated_course` with the same horizon and step).",
        extra={"examples": [0.0, 0.5, 1.0]},  # an array must match the time axis, so the examples are constants
    ),
    horizon_days=_HORIZON,
    step_days=_STEP,
    drug_level=choice(("central", "low", "high"), doc="Which end of the oral drugs' uncertain effect."),
)
def symptom_curve(
    history: TreatmentHistory | None = None,
    baseline: float | np.ndarray = DEFAULT_BASELINE_SEVERITY,
    horizon_days: float = 730.0,
    step_days: float = 1.0,
    drug_level: str = "central",
) -> Timeline:
    """Turn a treatment history and an untreated baseline into the treated symptom curve.

    Parameters
    ----------
    history : TreatmentHistory or None
        From :func:`treatment_history`; ``None`` = no treatment.
    {parameters}

    Returns
    -------
    Timeline
        With no events, ``severity`` equals ``untreated`` exactly.
    """
    if history is None:
        history = TreatmentHistory(events=(), intervals=())
    if not isinstance(history, TreatmentHistory):
        raise TypeError(f"history must be a TreatmentHistory (see treatment_history), got {type(history).__name__}")
    t = _axis(horizon_days, step_days)
    base = np.full_like(t, baseline) if np.ndim(baseline) == 0 else np.asarray(baseline, dtype=float)
    if base.shape != t.shape:
        raise ValueError(f"baseline has shape {base.shape}; allowed: a number or shape {t.shape} (the time axis)")
    rem_bont = np.ones_like(t)
    rem_drug = np.ones_like(t)
    rem_surg = np.ones_like(t)
    for e in history.events:
        if e.kind == "injection":
            rem_bont *= 1.0 - _bont.relief_kernel(t - e.day, e.dose_units, e.relief_factor, e.duration_factor)
        elif e.kind == "operation":
            rem_surg *= 1.0 - _surgery_relief(t, e)
    for iv in history.intervals:
        if iv.kind == "drug":
            relief = _drugs.RELIEF_TC[iv.label][("central", "low", "high").index(drug_level)]
            rem_drug *= 1.0 - _drugs.relief_curve_kernel(t, iv.start_day, _end(iv), relief)
    severity = base * rem_bont * rem_drug * rem_surg
    return Timeline(
        time_days=t,
        untreated=base,
        severity=severity,
        botulinum_effect=1.0 - rem_bont,
        drug_effect=1.0 - rem_drug,
        surgery_effect=1.0 - rem_surg,
        transmission_factor=rem_bont,
        history=history,
    )


@validated(seed=seed())
def sample_side_effect_intervals(history: TreatmentHistory | None = None, seed: int = 0) -> tuple:
    """Sample side effects of the injections and complications of the operations (deterministic per seed).

    Add the result to a history with
    ``treatment_history(history.events, history.intervals + intervals)``.

    Parameters
    ----------
    history : TreatmentHistory or None
        From :func:`treatment_history`; ``None`` = no treatment (nothing to sample).
    {parameters}

    Returns
    -------
    tuple of Interval
    """
    if history is None:
        history = TreatmentHistory(events=(), intervals=())
    if not isinstance(history, TreatmentHistory):
        raise TypeError(f"history must be a TreatmentHistory (see treatment_history), got {type(history).__name__}")
    inj = [e.day for e in history.events if e.kind == "injection" and e.dose_units > 0]
    out = [Interval("side_effect", s.effect, s.start_day, s.end_day) for s in _bont.sample_side_effects(inj, seed)]
    ops = [e for e in history.events if e.kind == "operation"]
    for k, e in enumerate(ops):
        o = _mvd.sample_outcome((seed + 7919 * (k + 1)) % 2**32)
        out += [
            Interval("complication", c.complication, e.day + c.start_day, e.day + c.end_day, c.permanent)
            for c in o.complications
        ]
    return tuple(sorted(out, key=lambda i: (i.start_day, i.label)))


def _check_timeline(timeline: object) -> None:
    if not isinstance(timeline, Timeline):
        raise TypeError(f"timeline must be a Timeline (see symptom_curve), got {type(timeline).__name__}")


@validated(threshold=number(0, 1, doc="Severity at or below which the spasm counts as well controlled."))
def good_control_days(timeline: Timeline, threshold: float = GOOD_CONTROL_SEVERITY) -> float:
    """Days of the timeline with severity at or below ``threshold``.

    Parameters
    ----------
    timeline : Timeline
    {parameters}
    """
    _check_timeline(timeline)
    t = timeline.time_days
    step = float(t[1] - t[0]) if t.size > 1 else 0.0
    return float(np.count_nonzero(timeline.severity[1:] <= threshold) * step)


@validated(kind=choice(INTERVAL_KINDS, doc="Which intervals to count."))
def interval_days(timeline: Timeline, kind: str = "side_effect") -> float:
    """Days of the timeline covered by at least one interval of ``kind`` (overlaps counted once).

    Parameters
    ----------
    timeline : Timeline
    {parameters}
    """
    _check_timeline(timeline)
    t = timeline.time_days
    covered = np.zeros(t.size, bool)
    for iv in timeline.history.intervals:
        if iv.kind == kind:
            covered |= (t >= iv.start_day) & (t < _end(iv))
    step = float(t[1] - t[0]) if t.size > 1 else 0.0
    return float(np.count_nonzero(covered[1:]) * step)
