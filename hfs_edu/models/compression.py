"""Vessel compression -> loss of myelin at the root exit zone, over years (chapter 02).

A damage-repair model with one state variable, the demyelination ``D`` of the
root-exit / transition zone (0 = healthy myelin, 1 = bare axons); the myelin
*integrity* shown to students is ``1 - D``::

    dD/dt = k_wear * (1 - D) - k_repair * D

* ``k_wear`` (per year) grows with how hard the vessel presses (severity,
  squared), how strongly it pulses, systolic blood pressure and age.
* ``k_repair`` (per year) is remyelination. It runs at full speed (a time
  constant of months) when the nerve is not indented, and is nearly shut off
  once the vessel indents it (a logistic "gate" at the mild/moderate boundary
  of [S33]). This gate is the model's "second factor": about half of people
  without HFS have a vessel touching the nerve [S43; S50a], mostly without
  indentation, and they do not lose their myelin.

With constant rates the equation has the closed form
``D(t) = D_eq * (1 - exp(-(k_wear + k_repair) t))`` with
``D_eq = k_wear / (k_wear + k_repair)``. Because the patient ages while the
vessel presses, the rates are re-evaluated every ``TIME_STEP_YEARS`` and the
closed form is applied within each step (exact for piecewise-constant rates).
Every input that raises ``k_wear`` or lowers ``k_repair`` can only raise ``D``
at every time, and ``D`` never falls while the compression lasts (tests check
this on grids).

After decompression the wear stops and ``D`` relaxes to a floor
(``RESIDUAL_DAMAGE_FRACTION`` of the damage at surgery; remyelinated internodes
stay thin) with the repair time constant, which is months and longer in older
patients (late responders were older [S146]).

Every calibrated constant is a teaching calibration (``TC``): it was chosen
so that the model reproduces the *direction and rough size* of sourced facts,
not measured. See ``data/crosstalk_parameters.csv`` for each value, unit,
source and note.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._params import choice, integer, number, validated

__all__ = [
    "BP_GRID_MMHG",
    "REFERENCE_SBP_MMHG",
    "SBP",
    "SEVERITY",
    "SEVERITY_BY_CATEGORY",
    "SEVERITY_CURVES",
    "SYMPTOMATIC_INTEGRITY",
    "VESSEL",
    "VESSELS",
    "CompressionCourse",
    "RecoveryCourse",
    "WearScenario",
    "cohort_onset_ages",
    "contact_category",
    "decompression_recovery",
    "hypertension_odds_ratio",
    "integrity_after",
    "myelin_integrity",
    "pulsation_from_pulse_pressure",
    "repair_rate_per_year",
    "severity_courses",
    "severity_from_category",
    "severity_words",
    "wear_rate_per_year",
    "wear_scenario",
    "years_to_symptoms",
]

# -- severity categories of [S33] (mild 27%, moderate = indentation 61%, severe = deviation 12%) ---
SEVERITY_NONE = 0.0  # no contact
SEVERITY_MILD = 0.25  # TC: contact without indentation
SEVERITY_MODERATE = 0.6  # TC: indentation
SEVERITY_SEVERE = 0.9  # TC: deviation of the nerve
SEVERITY_BY_CATEGORY = {
    "none": SEVERITY_NONE,
    "mild": SEVERITY_MILD,
    "moderate": SEVERITY_MODERATE,
    "severe": SEVERITY_SEVERE,
}

# -- symptoms ---------------------------------------------------------------------------------------
SYMPTOMATIC_INTEGRITY = 0.5  # TC: below this integrity the cross-talk model shows an LSR at moderate compression

# -- wear (damage) -----------------------------------------------------------------------------------
WEAR_RATE_PER_YEAR = 0.28  # TC: moderate contact from age 40 (pulsation 0.5, 120 mmHg) -> symptoms after ~6.5 y
PULSATION_WEAR_GAIN = 1.0  # TC: a strongly pulsating artery doubles the wear of a non-pulsating vein
BP_LOAD_COEF_PER_10_MMHG = 0.1  # TC: pressure makes the vessel press harder; model OR 150 vs 120 mmHg ~2.2 [S44; S46]
AGE_WEAR_COEF_PER_YEAR = (
    0.01  # TC: with the slowing repair below, population onset median ~50 y (cf. 48.5 +- 14.1 y [S11])
)
REFERENCE_AGE_YEARS = 50.0  # age at which the age factors equal 1
REFERENCE_SBP_MMHG = 120.0  # systolic pressure at which the blood-pressure factor equals 1

# -- repair (remyelination) ------------------------------------------------------------------------
REPAIR_RATE_PER_YEAR = 3.6  # TC: 1/(101 d), the delayed-cure time constant fitted to [S150]
REPAIR_GATE_SEVERITY = 0.4  # TC: repair is half-blocked here, between mild (0.25) and moderate (0.6)
REPAIR_GATE_WIDTH = 0.05  # TC: width of the logistic repair gate (severity units)
AGE_REPAIR_COEF_PER_YEAR = 0.015  # TC: repair slows with age (late responders older [S146])
RESIDUAL_DAMAGE_FRACTION = 0.3  # TC: share of the damage that never recovers after decompression [S50]

# reference population for the calibration helpers: people with a vessel touching the nerve
POPULATION_SEVERITY_SCALE = 0.218  # TC: exponential severity mix with 15.9% above the gate (moderate) [N59]
POPULATION_CONTACT_START_MIN_YEARS = 25.0  # TC: youngest age at which the contact begins
POPULATION_CONTACT_START_MAX_YEARS = 55.0  # TC: oldest age at which the contact begins

TIME_STEP_YEARS = 0.1  # internal step at which ageing updates the rates (closed form within a step)
PULSE_PRESSURE_FULL_MMHG = 80.0  # TC: pulse pressure mapped to pulsation 1 (40 mmHg -> 0.5)

_MAX_YEARS = 80.0
_MAX_AGE_YEARS = 110.0  # age_years + years may not exceed this
_DAYS_PER_YEAR = 365.25

#: Grade boundaries of the effective load (severity scaled by blood pressure), tied to the model:
#: below the repair gate the vessel only touches (repair keeps pace); halfway between the
#: moderate and severe calibration points it displaces the nerve.
_MILD_MODERATE_BOUNDARY = REPAIR_GATE_SEVERITY
_MODERATE_SEVERE_BOUNDARY = (SEVERITY_MODERATE + SEVERITY_SEVERE) / 2
_CATEGORY_WORDS = {
    "none": "no contact",
    "mild": "a vessel that only touches the nerve (mild)",
    "moderate": "a vessel that indents the nerve (moderate)",
    "severe": "a vessel that pushes the nerve aside (severe)",
}

#: Vessel type -> pulsation factor (an artery with a 40 mmHg pulse pressure; a vein does not pulse).
VESSELS = {"artery": min(1.0, 40.0 / PULSE_PRESSURE_FULL_MMHG), "vein": 0.0}
BP_GRID_MMHG = np.arange(90.0, 200.1, 5.0)  # systolic pressures of the scenario's dose-response curve

# -- declarations (each range written once) ------------------------------------------------------
SEVERITY = number(
    0.0,
    1.0,
    doc="How hard the vessel presses: 0 = no contact, about 0.25 touching, 0.6 "
    "indenting, 0.9 displacing the nerve (the grades of [S33]; see "
    ":data:`SEVERITY_BY_CATEGORY`).",
)
PULSATION = number(
    0.0,
    1.0,
    doc="0 = non-pulsating (vein) ... 1 = strongly pulsating artery; see :func:`pulsation_from_pulse_pressure`.",
)
SBP = number(70.0, 250.0, unit="mmHg", doc="Systolic blood pressure, held constant.")
AGE = number(0.0, 100.0, unit="years", doc="Age (when the contact began, for a course).")
YEARS = number(0.0, _MAX_YEARS, unit="years", doc="Duration of the contact; age_years + years <= 110.")
VESSEL = choice(tuple(VESSELS), doc="A pulsating artery or a non-pulsating vein.")


@dataclass(frozen=True)
class CompressionCourse:
    """Myelin integrity at the root exit zone over years of vessel contact.

    Attributes
    ----------
    time_years : ndarray
        Years since the contact began, from 0 to ``years``.
    integrity : ndarray
        Myelin integrity (1 = healthy, 0 = bare axons) at each time.
    start_age_years : float
        The patient's age when the contact began.
    onset_years : float
        Years of contact until integrity first falls below ``SYMPTOMATIC_INTEGRITY``; ``nan`` if it does not.
    demyelination, age_years : ndarray (properties)
        ``1 - integrity`` and the patient's age at each time.
    """

    time_years: np.ndarray
    integrity: np.ndarray
    start_age_years: float
    onset_years: float

    @property
    def demyelination(self) -> np.ndarray:
        return 1.0 - self.integrity

    @property
    def age_years(self) -> np.ndarray:
        return self.start_age_years + self.time_years

    @property
    def symptomatic_integrity(self) -> float:
        return SYMPTOMATIC_INTEGRITY


@dataclass(frozen=True)
class RecoveryCourse:
    """Myelin integrity after decompression (contact removed at day 0).

    Attributes
    ----------
    time_days : ndarray
        Days since decompression.
    integrity : ndarray
        Myelin integrity at each day (``demyelination`` = ``1 - integrity``, a property).
    final_integrity : float
        The plateau reached after complete (partial) recovery.
    time_constant_days : float
        Repair time constant at this age.
    """

    time_days: np.ndarray
    integrity: np.ndarray
    final_integrity: float
    time_constant_days: float

    @property
    def demyelination(self) -> np.ndarray:
        return 1.0 - self.integrity


@dataclass(frozen=True)
class WearScenario:
    """One patient of the wear view: the course, the same contact at 120 mmHg, and the pressure curve.

    Attributes
    ----------
    severity, years, systolic_bp_mmhg, age_years, vessel, horizon_years
        The inputs.
    category : str
        The grade the effective load (severity x blood pressure) falls in (:func:`contact_category`).
    time_years, integrity : ndarray
        The course over ``horizon_years`` at the chosen pressure.
    reference_integrity : ndarray
        The same contact at ``REFERENCE_SBP_MMHG``.
    integrity_now : float
        Integrity after ``years``.
    onset_years, reference_onset_years : float
        Years until symptoms at the chosen and at the reference pressure (nan: not within the horizon).
    bp_integrity : ndarray
        Integrity after ``years`` at each pressure of ``BP_GRID_MMHG``.
    threshold : float
        ``SYMPTOMATIC_INTEGRITY``.
    """

    severity: float
    years: float
    systolic_bp_mmhg: float
    age_years: float
    vessel: str
    horizon_years: float
    category: str
    time_years: np.ndarray
    integrity: np.ndarray
    reference_integrity: np.ndarray
    integrity_now: float
    onset_years: float
    reference_onset_years: float
    bp_integrity: np.ndarray
    threshold: float


# -- argument helpers --------------------------------------------------------------------------------


@validated(
    category=choice(
        tuple(SEVERITY_BY_CATEGORY), doc="'none', 'mild' (contact), 'moderate' (indentation) or 'severe' (deviation)."
    )
)
def severity_from_category(category: str) -> float:
    """Return the severity (0-1) used for a contact category of [S33].

    {parameters}
    """
    return SEVERITY_BY_CATEGORY[category]


def _category(load: float) -> str:
    if load <= 0.0:
        return "none"
    if load < _MILD_MODERATE_BOUNDARY:
        return "mild"
    return "moderate" if load < _MODERATE_SEVERE_BOUNDARY else "severe"


@validated(severity=SEVERITY, systolic_bp_mmhg=SBP)
def contact_category(severity: float, systolic_bp_mmhg: float = REFERENCE_SBP_MMHG) -> str:
    """Return the grade of [S33] a contact acts as, once blood pressure has scaled it.

    In the model the vessel presses with an effective load ``severity x exp(...)`` that grows
    with systolic pressure; it counts as indenting ("moderate") where the load passes the repair
    gate (``REPAIR_GATE_SEVERITY``), and as displacing ("severe") halfway between the moderate
    and severe calibration points.

    {parameters}

    Returns
    -------
    str
        ``'none'``, ``'mild'``, ``'moderate'`` or ``'severe'``.
    """
    return _category(float(_load(severity, systolic_bp_mmhg)))


@validated(category=choice(tuple(SEVERITY_BY_CATEGORY), doc="A grade from :func:`contact_category`."))
def severity_words(category: str) -> str:
    """Describe a contact grade in plain words ("a vessel that indents the nerve (moderate)").

    {parameters}
    """
    return _CATEGORY_WORDS[category]


@validated(pulse_pressure_mmhg=number(0.0, 150.0, unit="mmHg", doc="Pulse pressure (systolic - diastolic)."))
def pulsation_from_pulse_pressure(pulse_pressure_mmhg: float) -> float:
    """Map a pulse pressure to the 0-1 pulsation factor (40 mmHg -> 0.5, >= 80 mmHg -> 1).

    {parameters}
    """
    return min(1.0, pulse_pressure_mmhg / PULSE_PRESSURE_FULL_MMHG)


def _load(severity, sbp):
    """Effective mechanical load: severity scaled up by blood pressure (capped at 1)."""
    bp = np.exp(BP_LOAD_COEF_PER_10_MMHG * (np.asarray(sbp, float) - REFERENCE_SBP_MMHG) / 10.0)
    return np.minimum(1.0, np.asarray(severity, float) * bp)


def _rates(severity, pulsation, sbp, age):
    """Vectorised wear and repair rates (per year); arguments already validated."""
    age = np.asarray(age, float)
    load = _load(severity, sbp)
    age_wear = np.exp(AGE_WEAR_COEF_PER_YEAR * (age - REFERENCE_AGE_YEARS))
    wear = WEAR_RATE_PER_YEAR * np.square(load) * (1.0 + PULSATION_WEAR_GAIN * np.asarray(pulsation, float)) * age_wear
    age_repair = np.exp(-AGE_REPAIR_COEF_PER_YEAR * (age - REFERENCE_AGE_YEARS))
    repair = REPAIR_RATE_PER_YEAR * _gate(load) * age_repair
    return wear, repair


def _gate(severity):
    """Logistic repair gate, 1 at severity 0, falling to ~0 once the vessel indents the nerve."""
    z0 = 1.0 / (1.0 + np.exp(-REPAIR_GATE_SEVERITY / REPAIR_GATE_WIDTH))
    return 1.0 / (1.0 + np.exp((severity - REPAIR_GATE_SEVERITY) / REPAIR_GATE_WIDTH)) / z0


@validated(severity=SEVERITY, pulsation=PULSATION, systolic_bp_mmhg=SBP, age_years=AGE)
def wear_rate_per_year(
    severity: float, pulsation: float = 0.5, systolic_bp_mmhg: float = 120.0, age_years: float = 50.0
) -> float:
    """Return the wear rate ``k_wear`` (1/year) of the myelin under the vessel.

    {parameters}
    """
    return float(_rates(severity, pulsation, systolic_bp_mmhg, age_years)[0])


@validated(severity=SEVERITY, age_years=AGE)
def repair_rate_per_year(severity: float, age_years: float = 50.0) -> float:
    """Return the remyelination rate ``k_repair`` (1/year) under a contact of this severity (0 = decompressed).

    {parameters}
    """
    return float(_rates(severity, 0.0, REFERENCE_SBP_MMHG, age_years)[1])


# -- the course over years -------------------------------------------------------------------------


def _demyelination_path(years, severity, pulsation, sbp, age0):
    """Demyelination at the grid times 0, dt, ..., years (arrays broadcast over the parameters)."""
    if years == 0.0:
        shape = np.broadcast(np.asarray(severity), np.asarray(pulsation), np.asarray(sbp), np.asarray(age0)).shape
        return np.zeros(1), np.zeros(shape + (1,))
    n = max(1, int(math.ceil(years / TIME_STEP_YEARS - 1e-9)))
    edges = np.linspace(0.0, years, n + 1)
    mid_age = np.asarray(age0, float)[..., None] + 0.5 * (edges[:-1] + edges[1:])
    s = np.asarray(severity, float)[..., None]
    p = np.asarray(pulsation, float)[..., None]
    bp = np.asarray(sbp, float)[..., None]
    wear, repair = _rates(s, p, bp, mid_age)
    k = wear + repair
    h = np.diff(edges)
    a = np.exp(-k * h)  # D_{n+1} = a_n D_n + b_n (exact within a step)
    b = np.divide(wear, k, out=np.zeros_like(k), where=k > 0) * (1.0 - a)
    log_prod = np.concatenate([np.zeros(a.shape[:-1] + (1,)), np.cumsum(-k * h, axis=-1)], axis=-1)
    # D_n = exp(L_n) * sum_{j<n} b_j exp(-L_{j+1}); L_n >= -k_max*years stays far from overflow
    acc = np.concatenate([np.zeros(b.shape[:-1] + (1,)), np.cumsum(b * np.exp(-log_prod[..., 1:]), axis=-1)], axis=-1)
    d = np.clip(np.exp(log_prod) * acc, 0.0, 1.0)
    return edges, d


def _first_crossing(t, d, threshold):
    """Time of the first crossing of ``threshold`` along the last axis (nan where none), interpolated."""
    above = d > threshold
    hit = above.any(axis=-1)
    i = np.argmax(above, axis=-1)
    if t.size == 1:
        return np.where(hit, 0.0, np.nan)
    j = np.maximum(i, 1)
    d0 = np.take_along_axis(d, (j - 1)[..., None], -1)[..., 0]
    d1 = np.take_along_axis(d, j[..., None], -1)[..., 0]
    t0, t1 = t[j - 1], t[j]
    frac = (threshold - d0) / np.where(d1 > d0, d1 - d0, 1.0)
    out = np.where(i == 0, 0.0, t0 + frac * (t1 - t0))
    return np.where(hit, out, np.nan)


def _check_age_span(age_years, years):
    if age_years + years > _MAX_AGE_YEARS:
        raise ValueError(
            f"age_years + years = {age_years + years:g} is out of range; "
            f"allowed: age_years + years <= {_MAX_AGE_YEARS:g}"
        )


@validated(years=YEARS, severity=SEVERITY, pulsation=PULSATION, systolic_bp_mmhg=SBP, age_years=AGE)
def myelin_integrity(
    years: float, severity: float, pulsation: float = 0.5, systolic_bp_mmhg: float = 120.0, age_years: float = 40.0
) -> CompressionCourse:
    """Return myelin integrity over ``years`` of contact (the model ages the patient along the course).

    {parameters}

    Returns
    -------
    CompressionCourse
        Time axis (years), integrity, start age and symptom onset.
    """
    _check_age_span(age_years, years)
    t, d = _demyelination_path(years, severity, pulsation, systolic_bp_mmhg, age_years)
    onset = float(_first_crossing(t, d, 1.0 - SYMPTOMATIC_INTEGRITY))
    return CompressionCourse(time_years=t, integrity=1.0 - d, start_age_years=age_years, onset_years=onset)


@validated(years=YEARS, severity=SEVERITY, pulsation=PULSATION, systolic_bp_mmhg=SBP, age_years=AGE)
def integrity_after(
    years: float, severity: float, pulsation: float = 0.5, systolic_bp_mmhg: float = 120.0, age_years: float = 40.0
) -> float:
    """Return myelin integrity (0-1) after ``years`` of contact (see :func:`myelin_integrity`).

    {parameters}
    """
    return float(myelin_integrity(years, severity, pulsation, systolic_bp_mmhg, age_years).integrity[-1])


@validated(
    severity=SEVERITY,
    pulsation=PULSATION,
    systolic_bp_mmhg=SBP,
    age_years=AGE,
    horizon_years=number(1.0, _MAX_YEARS, unit="years", doc="Search no further than this."),
)
def years_to_symptoms(
    severity: float,
    pulsation: float = 0.5,
    systolic_bp_mmhg: float = 120.0,
    age_years: float = 40.0,
    horizon_years: float = 60.0,
) -> float:
    """Return the years of contact until integrity falls below ``SYMPTOMATIC_INTEGRITY``.

    {parameters}

    Returns
    -------
    float
        ``nan`` if the threshold is not reached within the horizon (or before age 110).
    """
    course = myelin_integrity(
        min(horizon_years, _MAX_AGE_YEARS - age_years), severity, pulsation, systolic_bp_mmhg, age_years
    )
    return course.onset_years


HORIZON = number(1.0, _MAX_YEARS, unit="years", doc="Length of the course shown; age_years + horizon_years <= 110.")


@validated(
    severity=SEVERITY,
    years=number(0.0, _MAX_YEARS, unit="years", doc="Years of contact so far (at most horizon_years)."),
    systolic_bp_mmhg=SBP,
    age_years=AGE,
    vessel=VESSEL,
    horizon_years=HORIZON,
)
def wear_scenario(
    severity: float = 0.45,
    years: float = 15.0,
    systolic_bp_mmhg: float = 140.0,
    age_years: float = 45.0,
    vessel: str = "artery",
    horizon_years: float = 40.0,
) -> WearScenario:
    """Run the compression model for one patient and the comparisons the wear view shows.

    Two vectorised model runs: the course over ``horizon_years`` at the chosen and at the
    reference pressure, and integrity after ``years`` at every pressure of ``BP_GRID_MMHG``.

    {parameters}
    """
    if years > horizon_years:
        raise ValueError(f"years={years:g} is beyond horizon_years={horizon_years:g}; allowed: years <= horizon_years")
    if age_years + horizon_years > _MAX_AGE_YEARS:
        raise ValueError(
            f"age_years + horizon_years = {age_years + horizon_years:g} is out of range; "
            f"allowed: age_years + horizon_years <= {_MAX_AGE_YEARS:g}"
        )
    p = VESSELS[vessel]
    t, d = _demyelination_path(horizon_years, severity, p, np.array([systolic_bp_mmhg, REFERENCE_SBP_MMHG]), age_years)
    onset = _first_crossing(t, d, 1.0 - SYMPTOMATIC_INTEGRITY)
    pressures = np.append(BP_GRID_MMHG, systolic_bp_mmhg)
    _, d_now = _demyelination_path(years, severity, p, pressures, age_years)
    now = 1.0 - d_now[:, -1]
    return WearScenario(
        severity,
        years,
        systolic_bp_mmhg,
        age_years,
        vessel,
        horizon_years,
        _category(float(_load(severity, systolic_bp_mmhg))),
        t,
        1.0 - d[0],
        1.0 - d[1],
        float(now[-1]),
        float(onset[0]),
        float(onset[1]),
        now[:-1],
        SYMPTOMATIC_INTEGRITY,
    )


#: The curves of the severity figure: (label, grade of [S33], vessel).
SEVERITY_CURVES = (
    ("touching (mild), artery", "mild", "artery"),
    ("indenting (moderate), vein", "moderate", "vein"),
    ("indenting (moderate), artery", "moderate", "artery"),
    ("displacing (severe), artery", "severe", "artery"),
)


@validated(systolic_bp_mmhg=SBP, age_years=AGE, horizon_years=HORIZON)
def severity_courses(
    systolic_bp_mmhg: float = 120.0, age_years: float = 45.0, horizon_years: float = 40.0
) -> dict[str, CompressionCourse]:
    """Return the course over ``horizon_years`` for each curve of ``SEVERITY_CURVES`` (label -> course).

    {parameters}
    """
    if age_years + horizon_years > _MAX_AGE_YEARS:
        raise ValueError(
            f"age_years + horizon_years = {age_years + horizon_years:g} is out of range; "
            f"allowed: age_years + horizon_years <= {_MAX_AGE_YEARS:g}"
        )
    return {
        label: myelin_integrity(
            horizon_years, SEVERITY_BY_CATEGORY[grade], VESSELS[vessel], systolic_bp_mmhg, age_years
        )
        for label, grade, vessel in SEVERITY_CURVES
    }


# -- decompression ---------------------------------------------------------------------------------


@validated(
    integrity_at_surgery=number(0.0, 1.0, doc="Myelin integrity on the day of decompression."),
    days=number(1.0, 3650.0, unit="days", doc="Follow-up."),
    age_years=number(0.0, 100.0, unit="years", doc="Age at surgery; older nerves remyelinate more slowly."),
    n_points=integer(2, 10_000, doc="Number of time points."),
)
def decompression_recovery(
    integrity_at_surgery: float, days: float = 365.0, age_years: float = 50.0, n_points: int = 200
) -> RecoveryCourse:
    """Return the partial recovery of myelin after the vessel is moved off the nerve.

    {parameters}

    Notes
    -----
    ``D(t) = D_floor + (D_0 - D_floor) exp(-t / tau)`` with ``D_floor = RESIDUAL_DAMAGE_FRACTION * D_0``
    and ``tau = 1 / k_repair(severity 0, age)`` (about 100 days at 50 years).
    """
    k_per_day = float(_rates(0.0, 0.0, REFERENCE_SBP_MMHG, age_years)[1]) / _DAYS_PER_YEAR
    d0 = 1.0 - integrity_at_surgery
    floor = RESIDUAL_DAMAGE_FRACTION * d0
    t = np.linspace(0.0, days, n_points)
    d = floor + (d0 - floor) * np.exp(-k_per_day * t)
    return RecoveryCourse(
        time_days=t, integrity=1.0 - d, final_integrity=1.0 - floor, time_constant_days=1.0 / k_per_day
    )


# -- calibration helpers (a deterministic reference population) -------------------------------


def _population_grid(n_quantiles=100):
    """People with a vessel touching the nerve: severity quantiles x contact start ages x pulsation."""
    q = (np.arange(n_quantiles) + 0.5) / n_quantiles
    scale = POPULATION_SEVERITY_SCALE  # exponential severity distribution truncated to 0-1
    sev = -scale * np.log(1.0 - q * (1.0 - math.exp(-1.0 / scale)))
    start = np.linspace(POPULATION_CONTACT_START_MIN_YEARS, POPULATION_CONTACT_START_MAX_YEARS, 7)
    puls = np.array([0.25, 0.5, 0.75])
    s, a, p = np.meshgrid(sev, start, puls, indexing="ij")
    return s.ravel(), a.ravel(), p.ravel()


def _population_onsets(sbp, max_age):
    s, a0, p = _population_grid()
    onset = np.full(s.size, np.inf)
    for start in np.unique(a0):
        sel = np.flatnonzero(a0 == start)
        t, d = _demyelination_path(max_age - start, s[sel], p[sel], sbp, start)
        years = _first_crossing(t, d, 1.0 - SYMPTOMATIC_INTEGRITY)
        onset[sel] = np.where(np.isnan(years), np.inf, start + years)
    return onset


@validated(
    systolic_bp_mmhg=number(70.0, 250.0, unit="mmHg", doc="Systolic pressure of everyone in the population."),
    max_age_years=number(60.0, 100.0, unit="years", doc="Follow everyone up to this age."),
)
def cohort_onset_ages(systolic_bp_mmhg: float = 120.0, max_age_years: float = 90.0) -> np.ndarray:
    """Return the ages at symptom onset in a fixed reference population (calibration check).

    The population is a deterministic grid of 2,100 people with a vessel touching the
    nerve: contact severity drawn by quantiles from an exponential mix with 84% below the
    indentation gate (asymptomatic contacts are mild in 84%, moderate in 16% [N59]),
    contact beginning at 25-55 years, three pulsation levels. Only the people who
    become symptomatic before ``max_age_years`` are returned (sorted).

    {parameters}
    """
    onset = _population_onsets(systolic_bp_mmhg, max_age_years)
    return np.sort(onset[np.isfinite(onset)])


@validated(
    sbp_high_mmhg=number(70.0, 250.0, unit="mmHg", doc="The higher pressure compared; must exceed sbp_normal_mmhg."),
    sbp_normal_mmhg=number(70.0, 250.0, unit="mmHg", doc="The normal pressure compared."),
    by_age_years=number(60.0, 100.0, unit="years", doc="Age by which symptoms are counted."),
)
def hypertension_odds_ratio(
    sbp_high_mmhg: float = 150.0, sbp_normal_mmhg: float = 120.0, by_age_years: float = 65.0
) -> float:
    """Return the model's odds ratio of symptoms by ``by_age_years``, hypertensive vs normotensive.

    Computed on the reference population of :func:`cohort_onset_ages`. Compare with the
    sourced odds ratios for hypertension in HFS (table ``hypertension_odds_ratios``).
    Only the ratio is calibrated: the model's absolute
    risk among people with contact (about 7%) is far above the real one.

    {parameters}

    Returns
    -------
    float
        The odds ratio; ``inf`` if nobody at the normal pressure (or everybody at the high
        pressure) has symptoms by that age.
    """
    hi, lo, age = sbp_high_mmhg, sbp_normal_mmhg, by_age_years
    if hi <= lo:
        raise ValueError(f"sbp_high_mmhg={hi:g} must be greater than sbp_normal_mmhg={lo:g}")
    p_hi = float(np.mean(_population_onsets(hi, age) <= age))
    p_lo = float(np.mean(_population_onsets(lo, age) <= age))
    if p_lo == 0.0 or p_hi == 1.0:
        return math.inf
    return (p_hi / (1.0 - p_hi)) / (p_lo / (1.0 - p_lo))
