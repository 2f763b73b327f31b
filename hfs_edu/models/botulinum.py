"""Botulinum toxin A for HFS: one injection, repeated cycles, dose, side effects (chapter 07).

The toxin cleaves SNAP-25 in the motor nerve terminal and blocks acetylcholine
release [N731]; the weakness lasts as long as toxin remains in the terminal
[N710], and the spasms diminish only while the muscles are weak [S131]. The
model gives the **relief** ``E(t)`` (0 = no effect, 1 = no spasm) at ``t`` days
after one injection of ``dose`` units (onabotulinumtoxinA)::

    E(t) = E_max(dose) * (1 - exp(-t / tau_on)) / (1 + exp((t - t50(dose)) / w))
    s(dose) = 1 - exp(-dose / D_sat)
    E_max(dose) = E_MAX_FULL * s(dose),   t50(dose) = T50_FULL_DAYS * s(dose)

* a rise with time constant ``tau_on`` (half the peak after ``tau_on * ln 2``
  days): onset in HFS series from "within three days" (label) to a mean of
  8 days, clinical peak at one to two weeks (``botulinum_time_ranges``);
* a plateau, then wearing off around ``t50`` (about 12-13 weeks at usual
  doses); the sourced durations run from 10.8 to about 21 weeks, most 12-15;
* dose: the effect saturates. Once an effective dose is reached, more toxin
  did not prolong the benefit [S121]; the label allows doubling when the effect
  lasts under 2 months [N723]. The saturation constant is a teaching
  calibration: **no HFS dose-response study was found** (gap G7); the sourced
  doses are in ``botulinum_doses``. Units of different products are not
  interchangeable [N723].

Repeated injections act independently on what is left: the remaining symptom
fraction is the product of ``1 - E_i(t)`` over the injections. There is **no
waning term**: HFS series report the same response and duration from the 1st to
the 12th treatment and in year 10 (``botulinum_long_term``; one small contrary
signal is listed there).

The whole curve is a **teaching construct** calibrated to the sourced ranges;
no published pharmacokinetic/pharmacodynamic model of the toxin in HFS was
found (gap G10). Every constant below is ``TC``; the tests check the model
against the table rows.

Neuromuscular transmission: in chapter 03's cross-talk model the toxin scales
down transmission at the neuromuscular junction, so the muscle response (and
the visible spasm) falls while the lateral spread between the branches
persists. Three small studies agree that the cross-talk persists: the LSR from
an *uninjected* muscle is preserved or unchanged [N923; N924]. From the *injected*
muscle the response was smaller in one study of 3 patients [S131] and not
recordable at all in most patients a few weeks after the injection in two
others (9 of 10 [N923]; the 33-patient study [N924]); intraoperatively it is
unavailable more often after prior toxin [N925] (table ``botulinum_lsr_studies``).
:func:`neuromuscular_transmission` gives the model's scaling factor; the model
does **not** capture the loss of the response from the injected muscle. Its
onset latency stays fixed only because it scales the amplitude: the latency of
the injected muscle was found *prolonged* after the toxin [N924] (gap G9).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from .._params import array, choice, integer, number, seed, validated
from .._validate import check_array
from ..data import load_table
from . import crosstalk as _ct
from .crosstalk.core import COMPRESSION as _COMPRESSION
from .crosstalk.core import DEMYELINATION as _DEMYELINATION

__all__ = [
    "SIDE_EFFECTS",
    "BotulinumCourse",
    "BotulinumResponse",
    "SideEffect",
    "botulinum_course",
    "half_effect_days",
    "injection_effect",
    "injection_schedule",
    "neuromuscular_transmission",
    "onset_days",
    "sample_response",
    "sample_side_effects",
    "side_effect_probability",
    "sourced_side_effect_range",
    "transmission_factor_at",
    "ToxinLSR",
    "lsr_under_toxin",
]

# -- shape of one injection's effect (all TC, calibrated to botulinum_time_ranges) -----------------
ONSET_TIME_CONSTANT_DAYS = 5.0  # TC: half of the peak at 3.5 d, 90% at 11.5 d (label peak 1-2 weeks [N723])
T50_FULL_DAYS = 90.0  # TC: wearing-off midpoint at a saturating dose -> 12-13 weeks at 20-35 U
WEAR_OFF_WIDTH_DAYS = 12.0  # TC: width of the wearing-off step (effect < 10% of peak by ~4 months)
E_MAX_FULL = 0.79  # TC: peak relief ~75-78% at 20-35 U, cf. mean improvement rows in botulinum_series
DOSE_SATURATION_UNITS = 6.0  # TC: 20 U gives 96% of the saturating effect; no HFS dose-response study (G7)
REFERENCE_DOSE_UNITS = 25.0  # TC: default dose, the label's initial maximum per eye [N723] and series means
MAX_DOSE_UNITS = 100.0  # TC input limit, set to the label maximum per 12 weeks (botulinum_doses; tested)

# -- side effects: probability per injection (TC, each inside the sourced range in botulinum_side_effects)
SIDE_EFFECTS = ("ptosis", "facial_weakness", "dry_eye", "tearing", "diplopia")
SIDE_EFFECT_PROBABILITY = {
    "ptosis": 0.05,  # TC: HFS-only per-patient 3.3-16.7%, per-treatment 9.7-27.2% (injection site)
    "facial_weakness": 0.08,  # TC: HFS-only 9.1-17.9% of patients (75% in one 12-patient series)
    "dry_eye": 0.20,  # TC: only a pooled per-treatment rate exists; HFS-only data show no change after injection
    "tearing": 0.02,  # TC: 0.8% of HFS patients, 5.5% of pooled treatments
    "diplopia": 0.01,  # TC: 0.8% of HFS patients (grouped), 1.4-1.6% of pooled injections
}
# -- one patient's response (TC): responder or not, and how long the effect lasts for them ----------
RESPONDER_PROBABILITY = 0.95  # TC: responder rates in HFS series 89-96.3% (botulinum_series; tested)
DURATION_FACTOR_SIGMA = 0.25  # TC: log-normal spread of the duration between patients (series SDs 25-60%)
RELIEF_FACTOR_SIGMA = 0.10  # TC: spread of the peak relief between responders

SIDE_EFFECT_START_DAYS = 3.0  # TC: side effects appear with the onset of the weakness
SIDE_EFFECT_DURATION_DAYS = 28.0  # TC: no sourced duration of a side effect was found; they are 'transient'

_MAX_DAYS = 3650.0


@dataclass(frozen=True)
class SideEffect:
    """One sampled side effect of one injection (an interval on the timeline).

    Attributes
    ----------
    effect : str
        One of :data:`SIDE_EFFECTS`.
    injection_day : float
        Day of the injection that caused it.
    start_day, end_day : float
        The interval (days on the timeline's axis); its length is a teaching calibration.
    """

    effect: str
    injection_day: float
    start_day: float
    end_day: float


@dataclass(frozen=True)
class BotulinumResponse:
    """How one (virtual) patient responds to the toxin, the same for every cycle (no waning).

    Attributes
    ----------
    responder : bool
        False for a patient without benefit.
    relief_factor : float
        Multiplies the peak relief (0 for a non-responder).
    duration_factor : float
        Multiplies the wearing-off time.
    seed : int
    """

    responder: bool
    relief_factor: float
    duration_factor: float
    seed: int


@dataclass(frozen=True)
class BotulinumCourse:
    """Relief from a series of injections on a day grid.

    Attributes
    ----------
    time_days : ndarray
        The time axis (days from 0 to the horizon).
    effect : ndarray
        Combined relief 0-1 (``1 - prod(1 - E_i)``).
    remaining_fraction : ndarray
        ``1 - effect``: the share of the untreated spasm that is left.
    transmission_factor : ndarray
        Neuromuscular transmission factor (0-1) for chapter 03's EMG layer.
    injection_days : tuple of float
        The injections, in days.
    dose_units : float
        Dose of every injection (units of onabotulinumtoxinA).
    """

    time_days: np.ndarray
    effect: np.ndarray
    remaining_fraction: np.ndarray
    transmission_factor: np.ndarray
    injection_days: tuple
    dose_units: float


def _saturation(dose):
    return 1.0 - math.exp(-dose / DOSE_SATURATION_UNITS)


def relief_kernel(t, dose, relief_factor=1.0, duration_factor=1.0):
    """Vectorised E(t) for days since injection ``t`` (t < 0 gives 0); arguments already valid.

    ``relief_factor`` scales the peak (0 = a non-responder) and ``duration_factor`` the
    wearing-off time of one patient (see :func:`sample_response`).
    """
    t = np.asarray(t, float)
    s = _saturation(dose)
    if s == 0.0 or relief_factor == 0.0:
        return np.zeros_like(t)
    tt = np.maximum(t, 0.0)
    rise = -np.expm1(-tt / ONSET_TIME_CONSTANT_DAYS)
    z = np.clip((tt - T50_FULL_DAYS * s * duration_factor) / WEAR_OFF_WIDTH_DAYS, -700.0, 700.0)
    return np.where(t > 0.0, min(1.0, E_MAX_FULL * s * relief_factor) * rise / (1.0 + np.exp(z)), 0.0)


_DOSE = number(0, MAX_DOSE_UNITS, unit="U", doc="Dose per injection, units of onabotulinumtoxinA (0 = no toxin).")


@validated(
    days_since_injection=number(
        -_MAX_DAYS, _MAX_DAYS, unit="days", doc="Days after the injection (negative: before it)."
    ),
    dose_units=_DOSE,
)
def injection_effect(days_since_injection: float = 28.0, dose_units: float = REFERENCE_DOSE_UNITS) -> float:
    """Relief (0-1) from one injection, ``days_since_injection`` days after it.

    {parameters}

    Returns
    -------
    float
        0 before the injection; rises within days, plateaus, wears off around 3 months.
    """
    return float(relief_kernel(days_since_injection, dose_units))


@validated(effect=array(0.0, 1.0, doc="Relief from :func:`injection_effect` or :attr:`BotulinumCourse.effect`."))
def neuromuscular_transmission(effect: float | np.ndarray = 0.5):
    """Map botulinum relief (0-1, scalar or array) to a neuromuscular transmission factor (0-1).

    The factor multiplies the muscle response in chapter 03's EMG layer: 1 = normal
    transmission, lower = less acetylcholine released. It is ``1 - effect``: the
    visible spasm falls in proportion, while the lateral spread between the nerve
    branches (upstream of the junction) is left as it is [S131]. Monotone: more
    effect, less transmission.

    {parameters}

    Returns
    -------
    float or ndarray
        Same shape as ``effect``.
    """
    return 1.0 - effect


@validated(
    days_since_injection=number(
        -_MAX_DAYS, _MAX_DAYS, unit="days", doc="Days after the injection (negative: before it)."
    ),
    dose_units=_DOSE,
)
def transmission_factor_at(days_since_injection: float = 28.0, dose_units: float = REFERENCE_DOSE_UNITS) -> float:
    """Neuromuscular transmission factor (0-1) at a time after one injection (for the EMG layer).

    {parameters}

    Returns
    -------
    float
        1 before the injection, lowest on the plateau, back towards 1 after about 4 months.
    """
    return float(1.0 - relief_kernel(days_since_injection, dose_units))


@validated(
    interval_days=number(28, 365, unit="days", doc="Planned interval between injections."),
    horizon_days=number(1, _MAX_DAYS, unit="days", doc="Length of the plan."),
    first_day=number(0, _MAX_DAYS, unit="days", doc="Day of the first injection."),
    missed=integer(1, 200, optional=True, doc="Number (1 = first) of an injection that is skipped."),
    late=integer(1, 200, optional=True, doc="Number (1 = first) of an injection given late."),
    late_by_days=number(0, 365, unit="days", doc="How late that injection is; later ones follow it."),
)
def injection_schedule(
    interval_days: float = 91.0,
    horizon_days: float = 730.0,
    first_day: float = 0.0,
    missed: int | None = None,
    late: int | None = None,
    late_by_days: float = 0.0,
) -> tuple:
    """Injection days of a regular plan, with at most one missed and one late injection.

    A missed injection is simply left out (the next one stays on plan). A late
    injection shifts it and every later one by ``late_by_days``. The label: normally
    no additional benefit from treating more often than every three months [N723].

    {parameters}

    Returns
    -------
    tuple of float
        Sorted injection days inside ``[0, horizon_days]``.
    """
    if first_day > horizon_days:
        raise ValueError(
            f"first_day={first_day:g} is after horizon_days={horizon_days:g}; allowed: first_day <= horizon_days"
        )
    n = math.floor((horizon_days - first_day) / interval_days + 1e-9) + 1
    days = []
    for k in range(1, n + 1):
        d = first_day + (k - 1) * interval_days
        if late is not None and k >= late:
            d += late_by_days
        if k == missed or d > horizon_days:
            continue
        days.append(float(d))
    return tuple(days)


def _check_days(name, values, horizon):
    if isinstance(values, (str, bytes)) or values is None or isinstance(values, bool):
        raise TypeError(f"{name} must be a sequence of days, got {type(values).__name__}")
    arr = check_array(
        name, list(values) if not isinstance(values, np.ndarray) else values, 0.0, horizon, ndim=1, min_size=0
    )
    return tuple(float(x) for x in np.sort(arr))


def _time_axis(horizon, step):
    n = round(horizon / step)
    return np.linspace(0.0, n * step, n + 1)


@validated(
    horizon_days=number(1, _MAX_DAYS, unit="days", doc="Length of the time axis."),
    dose_units=_DOSE,
    step_days=number(0.25, 30, unit="days", doc="Spacing of the time axis."),
)
def botulinum_course(
    injection_days: Sequence[float] = (0.0, 91.0, 182.0, 273.0),
    horizon_days: float = 365.0,
    dose_units: float = REFERENCE_DOSE_UNITS,
    step_days: float = 1.0,
) -> BotulinumCourse:
    """Relief over time from a series of injections (see :func:`injection_schedule`).

    Parameters
    ----------
    injection_days : sequence of float
        Days of the injections, each 0-3650 (may be empty; days after the horizon have no effect on it).
    {parameters}

    Returns
    -------
    BotulinumCourse
    """
    inj = _check_days("injection_days", injection_days, _MAX_DAYS)
    t = _time_axis(horizon_days, step_days)
    remaining = np.ones_like(t)
    for d in inj:
        remaining *= 1.0 - relief_kernel(t - d, dose_units)
    effect = 1.0 - remaining
    return BotulinumCourse(
        time_days=t,
        effect=effect,
        remaining_fraction=remaining,
        transmission_factor=remaining.copy(),
        injection_days=inj,
        dose_units=float(dose_units),
    )


@validated(effect=choice(SIDE_EFFECTS, doc="Which side effect."))
def side_effect_probability(effect: str = "ptosis") -> float:
    """The model's probability (0-1, ``TC``) of a side effect after one injection.

    Each value lies inside the range of the sourced rates in the table
    ``botulinum_side_effects`` (HFS-only and pooled rows, per patient or per
    treatment as printed); compare with :func:`sourced_side_effect_range`.

    {parameters}
    """
    return SIDE_EFFECT_PROBABILITY[effect]


@validated(effect=choice(SIDE_EFFECTS, doc="Which side effect."))
def sourced_side_effect_range(effect: str = "ptosis") -> tuple:
    """(lowest, highest) sourced rate of ``effect`` in the table ``botulinum_side_effects`` (fractions 0-1).

    The rows mix per-patient and per-treatment rates and pooled cohorts (see the
    ``denominator`` and ``pooled`` columns); the range is only a plausibility band.

    {parameters}
    """
    rows = load_table("botulinum_side_effects")
    vals = rows.loc[rows["effect"] == effect, "pct"].astype(float) / 100.0
    return float(vals.min()), float(vals.max())


@validated(seed=seed())
def sample_side_effects(injection_days: Sequence[float] = (0.0, 91.0), seed: int = 0) -> tuple:
    """Sample which side effects follow each injection (deterministic for a seed).

    Each injection causes each side effect independently with
    :func:`side_effect_probability`; an effect lasts ``SIDE_EFFECT_DURATION_DAYS``
    from ``SIDE_EFFECT_START_DAYS`` after the injection (``TC``: no sourced duration).

    Parameters
    ----------
    injection_days : sequence of float
        Days of the injections (0 to 3650).
    {parameters}

    Returns
    -------
    tuple of SideEffect
        Sorted by start day.
    """
    inj = _check_days("injection_days", injection_days, _MAX_DAYS)
    rng = np.random.default_rng(seed)
    p = np.array([SIDE_EFFECT_PROBABILITY[e] for e in SIDE_EFFECTS])
    hits = rng.random((len(inj), len(SIDE_EFFECTS))) < p
    out = [
        SideEffect(
            effect=SIDE_EFFECTS[j],
            injection_day=d,
            start_day=d + SIDE_EFFECT_START_DAYS,
            end_day=d + SIDE_EFFECT_START_DAYS + SIDE_EFFECT_DURATION_DAYS,
        )
        for i, d in enumerate(inj)
        for j in range(len(SIDE_EFFECTS))
        if hits[i, j]
    ]
    return tuple(sorted(out, key=lambda s: (s.start_day, s.effect)))


@validated(dose_units=_DOSE)
def onset_days(dose_units: float = REFERENCE_DOSE_UNITS) -> float:
    """Days after an injection until the relief reaches half its peak (the model's onset).

    {parameters}
    """
    if _saturation(dose_units) == 0.0:
        return math.nan
    t = np.arange(0.0, 200.0, 0.05)
    e = relief_kernel(t, dose_units)
    return float(t[np.argmax(e >= 0.5 * e.max())])


@validated(dose_units=_DOSE)
def half_effect_days(dose_units: float = REFERENCE_DOSE_UNITS) -> float:
    """Days after an injection until the relief has fallen below half its peak (the model's duration).

    {parameters}
    """
    if _saturation(dose_units) == 0.0:
        return math.nan
    t = np.arange(0.0, 400.0, 0.05)
    e = relief_kernel(t, dose_units)
    peak = int(np.argmax(e))
    after = np.flatnonzero(e[peak:] < 0.5 * e[peak])
    return float(t[peak + after[0]]) if after.size else math.nan


@validated(seed=seed())
def sample_response(seed: int = 0) -> BotulinumResponse:
    """Sample one patient's response to the toxin (deterministic for a seed).

    A responder with probability ``RESPONDER_PROBABILITY``; a responder's peak relief
    and duration vary log-normally between patients (``TC`` spreads). Pass the
    factors to :func:`hfs_edu.models.timeline.injection`.

    {parameters}

    Returns
    -------
    BotulinumResponse
    """
    rng = np.random.default_rng(seed)
    u, z1, z2 = rng.random(), rng.standard_normal(), rng.standard_normal()
    responder = bool(u < RESPONDER_PROBABILITY)
    relief = float(np.exp(RELIEF_FACTOR_SIGMA * z1 - 0.5 * RELIEF_FACTOR_SIGMA**2)) if responder else 0.0
    duration = float(np.exp(DURATION_FACTOR_SIGMA * z2 - 0.5 * DURATION_FACTOR_SIGMA**2))
    return BotulinumResponse(responder=responder, relief_factor=relief, duration_factor=duration, seed=seed)


# -- chapter 03's cross-talk model under the toxin ---------------------------------------------------
#: The montage of :func:`lsr_under_toxin`: stimulate a lower-face branch, record the muscle around the
#: eye, where the label's injections go [N723]; the stimulated branch's own muscle (mentalis) is not injected.
TOXIN_MONTAGE = ("marginal mandibular", "orbicularis oculi")


@dataclass(frozen=True)
class ToxinLSR:
    """The LSR of chapter 03's model before and under the toxin (see :func:`lsr_under_toxin`).

    Attributes
    ----------
    days_since_injection, dose_units : float
        When the recording is made and the dose given into the recorded (periocular) muscle.
    transmission_factor : float
        Neuromuscular transmission (0-1) in the injected muscle at that time.
    untreated : LateralSpreadResponse
        The LSR without toxin (same nerve, same montage).
    treated : LateralSpreadResponse
        The same LSR with the muscle response scaled by ``transmission_factor``: the same motor
        units cross between the branches (``n_units``, ``present`` unchanged), the amplitude falls.
    direct : DirectResponse
        The stimulated branch's own muscle (mentalis), not injected, so unchanged.
    """

    days_since_injection: float
    dose_units: float
    transmission_factor: float
    untreated: object
    treated: object
    direct: object

    @property
    def amplitude_ratio(self) -> float:
        """Treated / untreated LSR amplitude (the transmission factor; nan without a response)."""
        a = self.untreated.amplitude_mv
        return self.treated.amplitude_mv / a if a > 0 else math.nan


@validated(
    days_since_injection=number(
        -_MAX_DAYS, _MAX_DAYS, unit="days", doc="Days after the injection (negative: before it)."
    ),
    dose_units=_DOSE,
    demyelination=_DEMYELINATION,
    compression=_COMPRESSION,
)
def lsr_under_toxin(
    days_since_injection: float = 28.0,
    dose_units: float = REFERENCE_DOSE_UNITS,
    demyelination: float = 0.8,
    compression: float = 0.7,
) -> ToxinLSR:
    """Chapter 03's lateral spread response recorded from a muscle injected with the toxin.

    The toxin acts at the neuromuscular junction, downstream of the root exit zone where the
    branches cross-talk. So the model scales the recorded muscle's response by
    :func:`transmission_factor_at` and leaves the cross-talk itself alone: the same motor units
    still cross, the response is smaller. In patients the cross-talk persists (the LSR from an
    uninjected muscle is unchanged [N923; N924]), but from the injected muscle the response is
    smaller [S131] or, in most patients weeks after the injection, not recordable [N923; N924]:
    the model does not capture that loss. The model's onset latency does not change (scaling a
    trace keeps its 5%-of-peak onset); in patients the injected muscle's latencies were
    *prolonged* [N924] (gap G9): a constant latency is a property of the model, not a finding.

    {parameters}

    Returns
    -------
    ToxinLSR
    """
    stim, rec = TOXIN_MONTAGE
    untreated = _lsr_untreated(float(demyelination), float(compression))
    factor = transmission_factor_at(days_since_injection, dose_units)
    treated = replace(untreated, trace_mv=untreated.trace_mv * factor, amplitude_mv=untreated.amplitude_mv * factor)
    return ToxinLSR(
        days_since_injection=float(days_since_injection),
        dose_units=float(dose_units),
        transmission_factor=factor,
        untreated=untreated,
        treated=treated,
        direct=_ct.direct_response(stim),
    )


@lru_cache(maxsize=64)
def _lsr_untreated(d: float, c: float):
    stim, rec = TOXIN_MONTAGE
    out = _ct.lateral_spread_response(d, c, stim, rec)
    out.trace_mv.setflags(write=False)
    return out
