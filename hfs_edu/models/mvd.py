"""Microvascular decompression (MVD): cure over time, recurrence, complications (chapter 08).

**Cure over time.** The share of patients spasm-free ``t`` days after surgery::

    F(t) = c * (p0 + (1 - p0) * (1 - exp(-t / tau)))

``c`` is the share eventually cured, ``p0`` the share of the eventual cures
that are spasm-free at once (within the first week) and ``tau`` the time
constant of the delayed cures. With ``c = 1`` the curve is fitted to the
time-to-cure table of a 175-patient cohort in which **every** patient was
eventually cured (``mvd_time_to_cure``, [S150]) and ``p0 =
SLOW_COHORT_IMMEDIATE_SHARE``, it stays within 3 percentage points of that
table (tested). That cohort is the slowest in the course: the others are cured
at once more often (35.4-96.4% immediately, ``mvd_delayed_resolution``), so the
default ``p0 = IMMEDIATE_SHARE`` puts ``c * p0`` in the middle of that range
(tested), with the same time constant. Long-term success across
series is about 85-95%, with outliers from 63% to 97% depending on the
definition and the time point (``mvd_outcomes``). The curve's intermediate
values at 1, 3, 6 and 12 months for cohorts that include failures are
**interpolations** of this model, not published figures (gap G15). The slow
delayed cure matches the repair time constant of chapter 02's model
(:mod:`hfs_edu.models.compression`, ``REPAIR_RATE_PER_YEAR`` = 1/101 d).

**Recurrence** after a cure: ``R(t) = R_inf * (1 - exp(-t / tau_r))``,
calibrated to the cumulative 1.0 / 1.7 / 2.9% at 1, 2, 5 years of
``mvd_recurrence`` [S47] (most recurrences within 2 years [S152]).

**Complications** (first MVD): each has a probability of occurring and of
being permanent (``TC``), chosen inside the range of the sourced rates in
``mvd_complications`` (tests check both the constants and the rates of many
sampled patients). Transient problems recover over weeks to months (the
recovery times are ``TC``; most cranial-nerve problems recovered within 3
months [S161]).

**Reoperation** (:func:`reoperation_outlook`): patients still not spasm-free
``w`` days after surgery are the candidates for a second operation. Of them,
the share that would still have cleared on their own is
``(F(inf) - F(w)) / (1 - F(w) + recurred)``: high in the first months, small
after a year (reoperation in the first months risks operating on patients who
would have cleared [S151]). The model leaves out the best stratifier: an LSR
that persists after surgery [S81] points to a true failure (a missed vessel).
A repeat MVD cures ``REDO_CURE`` of the true failures and leaves a permanent
complication in ``REDO_PERMANENT_COMPLICATION``
(``TC``, inside the 77.6-92.3% and 9.5-24.1% of ``mvd_reoperation`` [S153;
S154]); reoperation rates across series are 1.2-18% (``mvd_reoperation``).

**Intraoperative monitoring** (:func:`intraoperative_lsr`): chapter 03's LSR
model recorded while the surgeon moves the vessel off the nerve; the prognosis
printed for a persisting or a vanished response is the meta-analysis of
``lsr_meta_analyses`` [S63].

Every constant here is a teaching calibration (``TC``) checked against the tables.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from .._params import choice, flag, integer, number, seed, validated
from ..data import load_table
from .crosstalk.lsr import LSRRecording, lsr_recording

__all__ = [
    "COMPLICATIONS",
    "MvdCourse",
    "MonitoringResult",
    "MvdOutcome",
    "ReoperationOutlook",
    "SampledComplication",
    "complication_counts",
    "complication_probability",
    "cumulative_recurrence",
    "cure_course",
    "expected_events",
    "intraoperative_lsr",
    "lsr_prognosis",
    "lsr_threshold_compression",
    "reoperation_outlook",
    "reoperation_range",
    "sample_outcome",
    "sourced_complication_range",
    "spasm_free_share",
]

# -- cure over time (TC) -------------------------------------------------------------------------
# TC: 0.9 x 0.65 = 58.5% cured at once, inside the middle half of the 35.4-96.4% of mvd_delayed_resolution
IMMEDIATE_SHARE = 0.65
SLOW_COHORT_IMMEDIATE_SHARE = 0.325  # TC: best grid fit to mvd_time_to_cure [S150] (c = 1), the slowest cohort
DELAYED_CURE_TIME_CONSTANT_DAYS = 101.0  # TC: same fit; = chapter 02's repair time constant
EVENTUAL_CURE = 0.90  # TC: 'about 90% cured'; inside the 63-97% of mvd_outcomes
IMMEDIATE_WINDOW_DAYS = 7.0  # TC: immediate cures are placed in the first week

# -- recurrence after a cure (TC, fitted to mvd_recurrence [S47]) -------------------------------------
RECURRENCE_PLATEAU = 0.032  # TC: lifetime share of cured patients whose spasm comes back
RECURRENCE_TIME_CONSTANT_YEARS = 2.3  # TC: 1.1 / 1.9 / 2.8% at 1 / 2 / 5 years

# -- complications: (probability of occurring, probability of being permanent), TC ------------------
COMPLICATIONS = (
    "hearing_loss",
    "facial_palsy",
    "csf_leak",
    "lower_cranial_nerve_palsy",
    "cerebellar_injury",
    "stroke",
    "death",
)
COMPLICATION_PROBABILITY = {
    "hearing_loss": (0.04, 0.02),  # TC: large series transient 2.6-7.2%, permanent 1.1-2.6% (up to 15%)
    "facial_palsy": (0.10, 0.01),  # TC: immediate and delayed palsy 7-19%, permanent 0-3.6%
    "csf_leak": (0.015, 0.0),  # TC: 0.25-7.7%; none reported as permanent
    "lower_cranial_nerve_palsy": (0.015, 0.001),  # TC: 0.8-3.6%, permanent 0.1%
    "cerebellar_injury": (0.002, 0.002),  # TC: cerebellar/brainstem infarction or haemorrhage 0.13-0.3%
    "stroke": (0.0005, 0.0005),  # TC: < 0.1% (systematic review)
    "death": (0.0005, 0.0005),  # TC: 0-0.24% (one series' death was herpes encephalitis)
}
#: table categories of mvd_complications pooled for each model complication
TABLE_CATEGORIES = {
    "hearing_loss": ("hearing_loss", "deafness", "hearing_loss_partial"),
    "facial_palsy": ("facial_palsy", "facial_palsy_immediate", "facial_palsy_delayed"),
    "csf_leak": ("csf_leak",),
    "lower_cranial_nerve_palsy": ("lower_cranial_nerve_palsy",),
    "cerebellar_injury": (
        "cerebellar_infarct_or_haemorrhage",
        "haemorrhage",
        "brainstem_infarction",
        "brainstem_ischaemia",
    ),
    "stroke": ("stroke",),
    "death": ("death",),
}
RECOVERY_DAYS = {  # TC: how long a transient complication lasts on the timeline (not sourced as such)
    "hearing_loss": 60.0,
    "facial_palsy": 90.0,
    "csf_leak": 14.0,
    "lower_cranial_nerve_palsy": 90.0,
    "cerebellar_injury": 180.0,
    "stroke": 180.0,
    "death": 0.0,
}
#: TC: every sampled facial palsy is drawn as delayed (day 10); immediate palsy (1.5% against 6.5%
#: delayed in [S96]) is not separated. Other complications start at day 0.
COMPLICATION_ONSET_DAYS = {"facial_palsy": 10.0}

# -- reoperation (TC, inside mvd_reoperation) ----------------------------------------------------------
REDO_CURE = 0.85  # TC: complete relief after a repeat MVD, 77.6-92.3% [S153; S154]
REDO_PERMANENT_COMPLICATION = 0.20  # TC: 24.1% [S153]; hearing 9.5% and facial palsy 9.5% [S154]

# -- intraoperative monitoring (TC; the LSR itself is chapter 03's model) --------------------------------
MONITORING_DEMYELINATION = 0.8  # TC: Mrs Ortiz's nerve in the cross-talk model (chapter 03)
MONITORING_COMPRESSION = 0.7  # TC: the offending vessel's pressure before it is moved (chapter 03)
MISSED_VESSEL_COMPRESSION = 0.4  # TC: a second, missed vessel still pressing (several vessels in 3-38% [S33-S36])
PROGNOSIS_TIMEPOINTS = ("discharge", "3 months", "1 year")  # rows of lsr_meta_analyses [S63]

_MAX_DAYS = 3650.0
_DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class MvdCourse:
    """Share of patients spasm-free after MVD on a day grid.

    Attributes
    ----------
    time_days : ndarray
        Days after surgery.
    spasm_free : ndarray
        Share spasm-free (0-1), recurrences subtracted.
    cured_ever : ndarray
        Share cured by each day, ignoring recurrence (the curve of the time-to-cure table).
    recurred : ndarray
        Share of all patients whose spasm has come back after a cure.
    eventual_cure, immediate_share, time_constant_days : float
        The parameters used.
    """

    time_days: np.ndarray
    spasm_free: np.ndarray
    cured_ever: np.ndarray
    recurred: np.ndarray
    eventual_cure: float
    immediate_share: float
    time_constant_days: float


@dataclass(frozen=True)
class SampledComplication:
    """One complication of one virtual patient.

    Attributes
    ----------
    complication : str
        One of :data:`COMPLICATIONS`.
    permanent : bool
    start_day, end_day : float
        Days after surgery; ``end_day`` is ``nan`` for a permanent one (open-ended).
    """

    complication: str
    permanent: bool
    start_day: float
    end_day: float


@dataclass(frozen=True)
class MvdOutcome:
    """The outcome of MVD for one seeded virtual patient.

    Attributes
    ----------
    cured : bool
        Whether the spasm ever stops.
    days_to_cure : float
        Days after surgery until spasm-free (``nan`` if never).
    recurrence_day : float
        Days after surgery when the spasm returns (``nan`` if it does not).
    complications : tuple of SampledComplication
    seed : int
    """

    cured: bool
    days_to_cure: float
    recurrence_day: float
    complications: tuple
    seed: int


def cure_kernel(t, c, p0, tau):
    t = np.asarray(t, float)
    return np.where(t >= 0.0, c * (p0 + (1.0 - p0) * -np.expm1(-np.maximum(t, 0.0) / tau)), 0.0)


def recurrence_kernel(years):
    y = np.maximum(np.asarray(years, float), 0.0)
    return RECURRENCE_PLATEAU * -np.expm1(-y / RECURRENCE_TIME_CONSTANT_YEARS)


_C = number(0, 1, doc="Share of patients eventually cured (long-term success across series ~0.85-0.95).")
_P0 = number(0, 1, doc="Share of the eventual cures that are spasm-free within the first week.")
_TAU = number(1, 1000, unit="days", doc="Time constant of the delayed cures.")


@validated(
    days_after_surgery=number(0, _MAX_DAYS, unit="days", doc="Days after the operation."),
    eventual_cure=_C,
    immediate_share=_P0,
    time_constant_days=_TAU,
)
def spasm_free_share(
    days_after_surgery: float = 30.0,
    eventual_cure: float = EVENTUAL_CURE,
    immediate_share: float = IMMEDIATE_SHARE,
    time_constant_days: float = DELAYED_CURE_TIME_CONSTANT_DAYS,
) -> float:
    """Share of patients (0-1) cured by ``days_after_surgery`` (ignoring recurrence).

    {parameters}
    """
    return float(cure_kernel(days_after_surgery, eventual_cure, immediate_share, time_constant_days))


@validated(
    horizon_days=number(1, _MAX_DAYS, unit="days", doc="Length of the time axis."),
    eventual_cure=_C,
    immediate_share=_P0,
    time_constant_days=_TAU,
    step_days=number(0.25, 30, unit="days", doc="Spacing of the time axis."),
)
def cure_course(
    horizon_days: float = 730.0,
    eventual_cure: float = EVENTUAL_CURE,
    immediate_share: float = IMMEDIATE_SHARE,
    time_constant_days: float = DELAYED_CURE_TIME_CONSTANT_DAYS,
    step_days: float = 1.0,
) -> MvdCourse:
    """Share spasm-free over time after MVD, with recurrence after a cure.

    The share that has recurred by day ``t`` is approximated as the cured share
    times :func:`cumulative_recurrence` at ``t`` (recurrence counted from surgery).

    {parameters}

    Returns
    -------
    MvdCourse
    """
    n = round(horizon_days / step_days)
    t = np.linspace(0.0, n * step_days, n + 1)
    cured = cure_kernel(t, eventual_cure, immediate_share, time_constant_days)
    recurred = cured * recurrence_kernel(t / _DAYS_PER_YEAR)
    return MvdCourse(
        time_days=t,
        spasm_free=cured - recurred,
        cured_ever=cured,
        recurred=recurred,
        eventual_cure=eventual_cure,
        immediate_share=immediate_share,
        time_constant_days=time_constant_days,
    )


@validated(years_after_cure=number(0, 40, unit="years", doc="Years since the spasm stopped."))
def cumulative_recurrence(years_after_cure: float = 2.0) -> float:
    """Probability (0-1) that a cured patient's spasm has come back by ``years_after_cure``.

    {parameters}
    """
    return float(recurrence_kernel(years_after_cure))


_COMP = choice(COMPLICATIONS, doc="Which complication.")
_KIND = choice(("any", "permanent"), doc="Any occurrence, or permanent only.")


@validated(complication=_COMP, kind=_KIND)
def complication_probability(complication: str = "hearing_loss", kind: str = "any") -> float:
    """The model's probability (0-1, ``TC``) of a complication of a first MVD.

    {parameters}
    """
    p_any, p_perm = COMPLICATION_PROBABILITY[complication]
    return p_any if kind == "any" else p_perm


@validated(complication=_COMP, kind=_KIND)
def sourced_complication_range(complication: str = "hearing_loss", kind: str = "any") -> tuple:
    """(lowest, highest) sourced rate (fractions 0-1) in ``mvd_complications`` for a first MVD.

    ``any`` pools the columns ``any_pct`` and ``transient_pct`` (the sources differ on
    whether transient counts include the permanent cases); ``permanent`` uses
    ``permanent_pct``. A value printed as "< x" counts as the range 0 to x.
    Returns ``(nan, nan)`` if no row gives that kind.

    {parameters}
    """
    df = load_table("mvd_complications")
    df = df[(df["surgery_type"] == "first MVD") & df["complication"].isin(TABLE_CATEGORIES[complication])]
    vals = []
    cols = (
        (("any_pct", "any_qualifier"), ("transient_pct", None))
        if kind == "any"
        else (("permanent_pct", "permanent_qualifier"),)
    )
    for _, r in df.iterrows():
        for col, qual in cols:
            v = r[col]
            if v is None or (isinstance(v, float) and math.isnan(v)) or str(v) == "<NA>":
                continue
            vals.append(float(v) / 100.0)
            if qual is not None and str(r[qual]) == "<":
                vals.append(0.0)
    if not vals:
        return (math.nan, math.nan)
    return (min(vals), max(vals))


def _draw(rng, eventual_cure, immediate_share, time_constant_days):
    u = rng.random(6 + 2 * len(COMPLICATIONS))
    cured = bool(u[0] < eventual_cure)
    if cured:
        if u[1] < immediate_share:
            days = float(u[2] * IMMEDIATE_WINDOW_DAYS)
        else:
            days = float(-time_constant_days * math.log1p(-u[2]))
        recur = (
            days + float(-RECURRENCE_TIME_CONSTANT_YEARS * _DAYS_PER_YEAR * math.log1p(-u[4]))
            if u[3] < RECURRENCE_PLATEAU
            else math.nan
        )
    else:
        days, recur = math.nan, math.nan
    comps = []
    for i, name in enumerate(COMPLICATIONS):
        p_any, p_perm = COMPLICATION_PROBABILITY[name]
        x = u[6 + i]
        if x < p_any:
            permanent = bool(x < p_perm)
            start = COMPLICATION_ONSET_DAYS.get(name, 0.0)
            end = math.nan if permanent else start + RECOVERY_DAYS[name]
            comps.append(SampledComplication(name, permanent, start, end))
    return cured, days, recur, tuple(comps)


@validated(seed=seed(), eventual_cure=_C, immediate_share=_P0, time_constant_days=_TAU)
def sample_outcome(
    seed: int = 0,
    eventual_cure: float = EVENTUAL_CURE,
    immediate_share: float = IMMEDIATE_SHARE,
    time_constant_days: float = DELAYED_CURE_TIME_CONSTANT_DAYS,
) -> MvdOutcome:
    """Sample the outcome of MVD for one virtual patient (same seed, same outcome).

    Cure with probability ``eventual_cure``; an immediate cure falls in the first
    week, a delayed one after an exponential time (``time_constant_days``); a
    recurrence with probability ``RECURRENCE_PLATEAU``; each complication
    independently with :func:`complication_probability` (permanent with the
    permanent probability). After a death (``'death'`` in the complications) the
    timeline should end; this function does not decide that.

    {parameters}

    Returns
    -------
    MvdOutcome
    """
    rng = np.random.default_rng(seed)
    cured, days, recur, comps = _draw(rng, eventual_cure, immediate_share, time_constant_days)
    return MvdOutcome(cured=cured, days_to_cure=days, recurrence_day=recur, complications=comps, seed=seed)


@validated(n_patients=integer(1, 10_000_000, unit="patients", doc="Size of the simulated population."), seed=seed())
def complication_counts(n_patients: int = 10_000, seed: int = 0) -> dict:
    """Simulate ``n_patients`` first MVDs at once; count each complication (vectorised).

    Uses the same probabilities as :func:`sample_outcome` (not the same random stream).

    {parameters}

    Returns
    -------
    dict
        ``{complication: (n_any, n_permanent)}`` plus ``'cured': (n_cured, n_patients)``.
    """
    rng = np.random.default_rng(seed)
    u = rng.random((len(COMPLICATIONS), n_patients))
    out = {}
    for i, name in enumerate(COMPLICATIONS):
        p_any, p_perm = COMPLICATION_PROBABILITY[name]
        out[name] = (int(np.count_nonzero(u[i] < p_any)), int(np.count_nonzero(u[i] < p_perm)))
    out["cured"] = (int(np.count_nonzero(rng.random(n_patients) < EVENTUAL_CURE)), n_patients)
    return out


# -- reoperation ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReoperationOutlook:
    """Who would be reoperated if every patient not spasm-free after ``wait_days`` had a second MVD.

    All shares are fractions (0-1) of **all** operated patients unless the name says otherwise.

    Attributes
    ----------
    wait_days : float
    spasm_free : float
        Spasm-free at ``wait_days`` (cured and not recurred).
    candidates : float
        Not spasm-free at ``wait_days``: the candidates for a second operation.
    would_clear : float
        Candidates whose spasm would still have stopped without a second operation (delayed cures to come).
    failures : float
        Candidates who would not clear on their own (never cured, or recurred).
    cured_with_redo : float
        Spasm-free in the end if every candidate is reoperated (delayed cures plus ``REDO_CURE`` of the failures).
    cured_without_redo : float
        Spasm-free in the end without any second operation (the eventual cure minus recurrences by ``wait_days``).
    redo_permanent_complications : float
        Permanent complications of the second operations (``REDO_PERMANENT_COMPLICATION`` x candidates).
    """

    wait_days: float
    spasm_free: float
    candidates: float
    would_clear: float
    failures: float
    cured_with_redo: float
    cured_without_redo: float
    redo_permanent_complications: float

    @property
    def unnecessary_share(self) -> float:
        """Share of the reoperated patients who would have cleared anyway (0-1)."""
        return self.would_clear / self.candidates if self.candidates > 0 else 0.0


@validated(
    wait_days=number(1, _MAX_DAYS, unit="days", doc="Days after the first operation when a second one is decided."),
    eventual_cure=_C,
    immediate_share=_P0,
    time_constant_days=_TAU,
)
def reoperation_outlook(
    wait_days: float = 365.0,
    eventual_cure: float = EVENTUAL_CURE,
    immediate_share: float = IMMEDIATE_SHARE,
    time_constant_days: float = DELAYED_CURE_TIME_CONSTANT_DAYS,
) -> ReoperationOutlook:
    """Reoperate everyone not spasm-free after ``wait_days``: how many, how many needlessly, and what it gains.

    Uses the cure curve of :func:`spasm_free_share` and the recurrence curve of
    :func:`cumulative_recurrence` (as :func:`cure_course`), with ``REDO_CURE`` and
    ``REDO_PERMANENT_COMPLICATION`` for the second operation (``TC``).

    {parameters}

    Returns
    -------
    ReoperationOutlook
    """
    cured = float(cure_kernel(wait_days, eventual_cure, immediate_share, time_constant_days))
    recurred = cured * float(recurrence_kernel(wait_days / _DAYS_PER_YEAR))
    spasm_free = cured - recurred
    candidates = 1.0 - spasm_free
    would_clear = max(eventual_cure - cured, 0.0)
    failures = candidates - would_clear
    return ReoperationOutlook(
        wait_days=wait_days,
        spasm_free=spasm_free,
        candidates=candidates,
        would_clear=would_clear,
        failures=failures,
        cured_with_redo=spasm_free + would_clear + REDO_CURE * failures,
        cured_without_redo=spasm_free + would_clear,
        redo_permanent_complications=REDO_PERMANENT_COMPLICATION * candidates,
    )


_REOP_MEASURES = ("reoperation", "complete relief", "permanent complication")


@validated(measure=choice(_REOP_MEASURES, doc="Which sourced measure of mvd_reoperation."))
def reoperation_range(measure: str = "reoperation") -> tuple:
    """(lowest, highest) sourced value (fractions 0-1) of ``measure`` in ``mvd_reoperation``.

    ``reoperation``: share of first-MVD patients reoperated; ``complete relief``: after a repeat
    MVD, any time point; ``permanent complication``: after a repeat MVD, any complication row
    (the total 24.1% and single complications, 9.5%).

    {parameters}
    """
    df = load_table("mvd_reoperation")
    if measure == "permanent complication":
        rows = df[df["measure"].str.startswith("permanent")]
    else:
        rows = df[df["measure"] == measure]
    vals = rows["value_pct"].astype(float) / 100.0
    return (float(vals.min()), float(vals.max()))


@validated(
    n_operations=integer(1, 100_000, unit="operations", doc="Number of operations."),
    probability=number(0, 1, doc="Probability of the event per operation."),
)
def expected_events(n_operations: int = 200, probability: float = 0.02) -> float:
    """Expected number of events in ``n_operations`` operations (``n x p``).

    {parameters}
    """
    return float(n_operations * probability)


# -- intraoperative LSR monitoring -------------------------------------------------------------------


@dataclass(frozen=True)
class MonitoringResult:
    """The LSR on the monitor while the surgeon moves the vessel (see :func:`intraoperative_lsr`).

    Attributes
    ----------
    vessel_moved : float
        How far the offending vessel has been moved off the nerve (0-1).
    missed_vessel : bool
        A second vessel still presses.
    second_vessel_moved : bool
        A second vessel was found and moved too (it adds no compression).
    compression : float
        Compression in effect in the cross-talk model (both vessels).
    offending_compression : float
        The part due to the offending vessel being moved (what the schematic's indentation shows).
    threshold : float
        Compression below which the model records no LSR at this myelin (:func:`lsr_threshold_compression`).
    recording : LSRRecording
        Chapter 03's recording (zygomatic stimulus, mentalis recorded).
    persists : bool
        An LSR is still recorded.
    prognosis_pct : dict
        Time point -> share (%) of patients whose spasm persisted, in the meta-analysis [S63], for the
        current state (LSR persisting or resolved at the end of surgery).
    other_pct : dict
        The same for the other state.
    """

    vessel_moved: float
    missed_vessel: bool
    second_vessel_moved: bool
    compression: float
    offending_compression: float
    threshold: float
    recording: LSRRecording
    persists: bool
    prognosis_pct: dict
    other_pct: dict


@validated(demyelination=number(0, 1, doc="Myelin lost at the root exit zone (chapter 03's model)."))
def lsr_threshold_compression(demyelination: float = MONITORING_DEMYELINATION) -> float:
    """Compression below which chapter 03's model records no LSR at this myelin (bisection, 0.005 wide).

    Returns 0 if the LSR persists even without compression, 1 if it never appears.

    {parameters}
    """
    return _threshold(round(float(demyelination), 6))


@functools.lru_cache(maxsize=32)
def _threshold(demyelination: float) -> float:
    def present(c):
        return bool(lsr_recording(demyelination, c, "zygomatic", "mentalis").lsr.present)

    if present(0.0):
        return 0.0
    if not present(1.0):
        return 1.0
    lo, hi = 0.0, 1.0
    while hi - lo > 0.005:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if present(mid) else (mid, hi)
    return (lo + hi) / 2


def lsr_prognosis() -> dict:
    """Time point -> (% spasm persists if the LSR persists, % if it resolved), from ``lsr_meta_analyses`` [S63]."""
    return dict(_lsr_prognosis())


@functools.lru_cache(maxsize=1)
def _lsr_prognosis() -> dict:
    df = load_table("lsr_meta_analyses")
    df = df[(df["source_key"] == "S63") & df["timepoint"].isin(PROGNOSIS_TIMEPOINTS)]
    out = {
        str(r.timepoint): (float(r.hfs_persists_if_lsr_persists_pct), float(r.hfs_persists_if_lsr_resolved_pct))
        for r in df.itertuples(index=False)
    }
    return {t: out[t] for t in PROGNOSIS_TIMEPOINTS}


@validated(
    vessel_moved=number(
        0, 1, doc="How far the surgeon has moved the offending vessel off the nerve (0 = pressing, 1 = away)."
    ),
    missed_vessel=flag(doc="A second vessel, not yet found, still presses on the root exit zone."),
    demyelination=number(0, 1, doc="Myelin lost at the root exit zone before surgery (chapter 03's model)."),
    second_vessel_moved=flag(
        doc="A second vessel was found and moved as well (cannot be combined with missed_vessel)."
    ),
)
def intraoperative_lsr(
    vessel_moved: float = 0.0,
    missed_vessel: bool = False,
    demyelination: float = MONITORING_DEMYELINATION,
    second_vessel_moved: bool = False,
) -> MonitoringResult:
    """The LSR recorded during MVD (stimulate zygomatic, record mentalis) as the vessel is moved.

    Compression = ``MONITORING_COMPRESSION x (1 - vessel_moved)``, plus ``MISSED_VESSEL_COMPRESSION``
    if a second vessel still presses (``TC``). The myelin does not change during the operation.

    {parameters}

    Returns
    -------
    MonitoringResult
    """
    if missed_vessel and second_vessel_moved:
        raise ValueError(
            "missed_vessel=True and second_vessel_moved=True contradict each other: the second vessel is "
            "either still pressing (missed) or moved"
        )
    offending = MONITORING_COMPRESSION * (1.0 - vessel_moved)
    compression = min(offending + (MISSED_VESSEL_COMPRESSION if missed_vessel else 0.0), 1.0)
    rec = lsr_recording(demyelination, compression, "zygomatic", "mentalis")
    persists = bool(rec.lsr.present)
    prog = lsr_prognosis()
    k = 0 if persists else 1
    return MonitoringResult(
        vessel_moved=vessel_moved,
        missed_vessel=missed_vessel,
        second_vessel_moved=second_vessel_moved,
        compression=compression,
        offending_compression=offending,
        threshold=lsr_threshold_compression(demyelination),
        recording=rec,
        persists=persists,
        prognosis_pct={t: v[k] for t, v in prog.items()},
        other_pct={t: v[1 - k] for t, v in prog.items()},
    )
