"""Virtual patients played over years: one patient, one strategy, one possible future (chapter 09).

The capstone joins the course's models; it adds no new physiology, only the rules of a plan:

* **The patient** is a row of ``data/virtual_patients.csv`` (teaching cases, ``TC``): age,
  onset type, years since the first spasm, blood pressure, other illnesses, medicines and
  what they want. The **untreated course** is chapter 04's
  :func:`hfs_edu.models.progression.simulate_course` for that patient (its ``intensity``,
  0-1, from the patient's present month on): the spasm spreads as it would without
  treatment, and may remit (drawn with the seed).
* **A strategy** (:func:`strategy`) is a first choice at year 0 and a second choice at a
  decision point (``switch_year``): ``'watchful waiting'``, ``'oral drug'``
  (carbamazepine, chapter 07's modest ``TC`` scale), ``'botulinum'`` (an injection every
  ``BOTULINUM_INTERVAL_DAYS``, chapter 07) or ``'MVD'`` (referral for microvascular
  decompression, chapter 08; done on the day of the decision: waiting lists are not
  modelled). ``then='same'`` keeps the first choice. A second MVD is not offered: the
  results and risks of a redo operation differ (``mvd_outcomes``, repeat MVD rows).
* **One possible future** (:func:`simulate`) draws, from one seed, everything the
  evidence leaves uncertain: the untreated course's events (remission, spread to the
  other side), the patient's response to the toxin (responder or not, how long it lasts;
  :func:`hfs_edu.models.botulinum.sample_response`), each injection's side effects,
  the outcome of the operation (cured or not, when, recurrence) and its complications
  (:func:`hfs_edu.models.mvd.sample_outcome`; the cure and the complications come from
  the same draw, so they belong to the same virtual patient), and whether the drug
  causes side effects (``DRUG_SIDE_EFFECT_PROBABILITY``, ``TC``: no rate in HFS exists).
  The treatments act on the untreated course through
  :func:`hfs_edu.models.timeline.symptom_curve`, so watchful waiting gives exactly the
  untreated course (tested) and no treatment makes the spasm worse.
* **The summary** counts months with good control (severity at most
  :data:`hfs_edu.models.timeline.GOOD_CONTROL_SEVERITY`), months with side effects,
  months with a complication, permanent complications and the **risk taken**: the model's
  probability, before the operation, of a permanent complication (the sum over
  complications of the permanent probabilities in :mod:`hfs_edu.models.mvd`).

What the model cannot say: the course's tables give the same complication rates to every
patient; age, anticoagulants and heart disease do not change them here because no table
row of the course gives a rate for such patients. Every calibration is ``TC``; the tests
check that many virtual patients reproduce the sourced rates (cure after MVD,
complications, botulinum response) within binomial tolerances.
"""

from __future__ import annotations

import dataclasses
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .._params import choice, integer, number, seed, validated
from ..data import load_table
from . import botulinum as _bont
from . import mvd as _mvd
from . import progression as _prog
from . import timeline as _tl

__all__ = [
    "CHOICES",
    "PopulationRates",
    "Strategy",
    "VirtualCourse",
    "VirtualPatient",
    "compare_strategies",
    "patient_ids",
    "drug_serious_risks",
    "population_rates",
    "readable_comparison",
    "simulate",
    "strategy",
    "virtual_patient",
]

CHOICES = ("watchful waiting", "oral drug", "botulinum", "MVD")
THEN_CHOICES = CHOICES + ("same",)  # "same" last: the first other option of a menu is a real switch
BOTULINUM_INTERVAL_DAYS = 91.0  # TC: every 3 months, the label's shortest usual interval [N723]
ORAL_DRUG = "carbamazepine"  # TC: the drug the capstone offers (chapter 07: no drug has shown benefit)
DRUG_SIDE_EFFECT_PROBABILITY = 0.30  # TC: no HFS rate exists; the label's commonest effects are dizziness, drowsiness
DRUG_SIDE_EFFECT_LABEL = "dizziness or drowsiness"
STEP_DAYS = 1.0  # TC: the timeline's resolution
MAX_YEARS = 8.0  # the timeline model's 10-year axis leaves room for the decision points
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = 30.44
#: the model's probability of at least one permanent complication of a first MVD (TC, from mvd)
MVD_PERMANENT_RISK = 1.0 - math.prod(1.0 - p for _, p in _mvd.COMPLICATION_PROBABILITY.values())
MVD_ANY_RISK = 1.0 - math.prod(1.0 - p for p, _ in _mvd.COMPLICATION_PROBABILITY.values())
#: Toxin side effects are drawn per PATIENT, then per injection. The sourced HFS rates have two
#: denominators (data/botulinum_side_effects.csv): per patient "at least once over years" (ptosis
#: 3.3-4.5%, facial weakness 9.1-17.9% in the large series [S110; N715]; any effect 37% [N716]) and
#: per treatment (any effect 17.4-20.3% [N711; S124]). Independent draws per injection cannot give
#: both (13 injections at 5% give 49% of patients a ptosis), so a minority of patients is prone to
#: an effect and, if prone, gets it after a share of the injections (TC). Tested: simulated
#: per-patient and per-injection shares fall inside the sourced ranges.
SIDE_EFFECT_PRONE_PROBABILITY = {
    "ptosis": 0.04,  # TC: per-patient 3.3% [S110], 4.5% [N715]
    "facial_weakness": 0.12,  # TC: per-patient 9.1% [N715] to 17.9% [S110]
    "dry_eye": 0.0,  # TC: not modelled; HFS-only data show no change in dry eye after injection [N713]
    "tearing": 0.008,  # TC: 0.8% of 875 HFS patients [N715]
    "diplopia": 0.008,  # TC: 0.8% of 875 HFS patients [N715]
}
NONRESPONDER_INJECTIONS = 2  # TC: a patient with no response gets a second try, then the injections stop
SIDE_EFFECT_RECURRENCE = 0.75  # TC: a prone patient's effect follows most, not all, injections
#: Dose titrated to response (TC): while a responder is on the toxin, the dose keeps pace with the
#: untreated spasm, so the treated spasm is what the same cycle would give at the severity of the first
#: injection (practice adjusts the dose [S110]; response and benefit unchanged over 10 years [S119]).
#: Without it a fixed dose would lose control as the untreated spasm grows: a model artefact.
TITRATE_TOXIN = True


@dataclass(frozen=True)
class VirtualPatient:
    """One teaching case of ``data/virtual_patients.csv`` (all fields ``TC``)."""

    patient_id: str
    name: str
    age_years: float
    sex: str
    job: str
    side: str
    onset: str
    years_since_onset: float
    systolic_bp_mmhg: float
    contact_severity: float
    pulsation: float
    age_at_contact_years: float
    other_illnesses: str
    medicines: str
    preferences: str
    source_key: str
    notes: str


@dataclass(frozen=True)
class Strategy:
    """A plan: ``first`` from year 0, ``then`` from ``switch_year`` (``'same'`` keeps ``first``)."""

    first: str
    then: str
    switch_year: float

    @property
    def phases(self) -> tuple:
        """``((choice, start_year), ...)``: one phase, or two if the choice changes."""
        if self.then in ("same", self.first):
            return ((self.first, 0.0),)
        return ((self.first, 0.0), (self.then, self.switch_year))

    @property
    def label(self) -> str:
        """Short text, e.g. ``'botulinum'`` or ``'oral drug -> MVD at 1 y'``."""
        if len(self.phases) == 1:
            return self.first
        return f"{self.first} -> {self.then} at {self.switch_year:g} y"


@dataclass(frozen=True)
class VirtualCourse:
    """One possible future of one patient under one strategy.

    Attributes
    ----------
    patient : VirtualPatient
    strategy : Strategy
    years, seed
        The arguments used.
    timeline : Timeline
        The untreated and treated severity (days from the first decision) with the events
        and intervals (:mod:`hfs_edu.models.timeline`).
    good_control_months, side_effect_months, complication_months, drug_months : float
        Months of the horizon with severity at most ``GOOD_CONTROL_SEVERITY``, with at least
        one side effect, with a complication of the operation, taking the drug.
    injections : int
    operated : bool
    mvd_cured : bool or None
        None when not operated.
    botulinum_responder : bool or None
        None when no toxin was given.
    permanent_complications : tuple of str
    died : bool
        True if the sampled complications include death (months after it are not counted).
    risk_permanent_harm : float
        The model's probability, before the choice, of a permanent complication (0 without MVD).
    remission_day : float
        Day of a spontaneous remission of the untreated course (nan: none within the horizon).
    """

    patient: VirtualPatient
    strategy: Strategy
    years: float
    seed: int
    timeline: _tl.Timeline
    good_control_months: float
    side_effect_months: float
    complication_months: float
    drug_months: float
    injections: int
    operated: bool
    mvd_cured: bool | None
    botulinum_responder: bool | None
    permanent_complications: tuple
    died: bool
    risk_permanent_harm: float
    remission_day: float

    @property
    def months(self) -> float:
        """Length of the horizon in months (of the timeline's day grid)."""
        return float(self.timeline.time_days[-1]) / DAYS_PER_MONTH

    def summary(self) -> dict:
        """The summary as a flat dict (one row of :func:`compare_strategies`)."""
        return {
            "strategy": self.strategy.label,
            "good_control_months": self.good_control_months,
            "side_effect_months": self.side_effect_months,
            "complication_months": self.complication_months,
            "permanent_complications": ", ".join(self.permanent_complications) or "none",
            "injections": self.injections,
            "operated": self.operated,
            "risk_permanent_harm": self.risk_permanent_harm,
        }


@dataclass(frozen=True)
class PopulationRates:
    """Rates among ``n`` virtual patients under one strategy (see :func:`population_rates`).

    Attributes
    ----------
    strategy : Strategy
    n : int
        Virtual patients simulated.
    operated : int
        How many had MVD.
    mvd_cured : float
        Share of the operated who were ever cured (nan if none was operated).
    complication_any, complication_permanent : dict
        ``{complication: share of the operated}``.
    injections : int
        Injections given in all.
    botulinum_patients : int
        Patients who received the toxin.
    botulinum_response : float
        Share of them who respond (nan if none).
    side_effect_per_injection : dict
        ``{side effect: share of injections}``.
    side_effect_per_patient : dict
        ``{side effect: share of the toxin patients with it at least once}``.
    any_side_effect_per_injection, any_side_effect_per_patient : float
        Share of injections followed by at least one side effect, and of toxin patients with one.
    drug_side_effect : float
        Share of patients on the drug with a side effect (nan if none took it).
    drug_patients : int
        Patients who took the drug.
    any_complication, permanent_harm : float
        Share of the operated with at least one complication, and with at least one permanent one.
    """

    strategy: Strategy
    n: int
    operated: int
    mvd_cured: float
    complication_any: dict
    complication_permanent: dict
    injections: int
    botulinum_patients: int
    botulinum_response: float
    side_effect_per_injection: dict
    side_effect_per_patient: dict
    any_side_effect_per_injection: float
    any_side_effect_per_patient: float
    drug_side_effect: float
    drug_patients: int
    any_complication: float
    permanent_harm: float


# -- patients -----------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _patients() -> dict:
    df = load_table("virtual_patients")
    out = {}
    for _, r in df.iterrows():
        kw = {}
        for f, spec in VirtualPatient.__dataclass_fields__.items():
            v = r[f]
            kw[f] = float(v) if spec.type == "float" else ("" if v is None or str(v) == "<NA>" else str(v))
        out[kw["patient_id"]] = VirtualPatient(**kw)
    return out


def patient_ids() -> tuple:
    """The ids of the virtual patients (``data/virtual_patients.csv``), Mrs Ortiz first."""
    return tuple(_patients())


PATIENT = choice(patient_ids, doc="Which virtual patient (a row of data/virtual_patients.csv).")


@validated(patient=PATIENT)
def virtual_patient(patient: str = "ortiz") -> VirtualPatient:
    """One virtual patient's history (a teaching case, ``TC``).

    {parameters}
    """
    return _patients()[patient]


@lru_cache(maxsize=1)
def drug_serious_risks() -> str:
    """The serious risks of the capstone's drug, from ``data/oral_drugs.csv`` (not modelled as numbers).

    The model draws only the drug's common side effects; its rare serious risks (boxed warnings)
    are risks taken with the choice too, so tables and figures name them [N742].
    """
    rows = load_table("oral_drugs")
    row = rows.loc[rows["drug"] == ORAL_DRUG].iloc[0]
    return str(row["serious_side_effects"])


# -- strategies ------------------------------------------------------------------------------------
FIRST = choice(CHOICES, doc="The choice at year 0.")
THEN = choice(THEN_CHOICES, doc="The choice at the decision point ('same': keep the first).")
SWITCH_YEAR = number(0.25, MAX_YEARS, unit="years", doc="When the second decision is made (years after the first).")


@validated(first=FIRST, then=THEN, switch_year=SWITCH_YEAR)
def strategy(first: str = "botulinum", then: str = "same", switch_year: float = 1.0) -> Strategy:
    """A plan of one or two choices (a second MVD is not offered).

    {parameters}
    """
    if first == "MVD" and then == "MVD":
        raise ValueError(
            "then='MVD' after first='MVD' is not allowed: a second operation has other results and "
            "risks (repeat MVD rows of mvd_outcomes); allowed: one of 'same', 'watchful waiting', "
            "'oral drug', 'botulinum'"
        )
    return Strategy(first=first, then=then, switch_year=float(switch_year))


def _as_strategy(s) -> Strategy:
    if isinstance(s, Strategy):
        return s
    if isinstance(s, str):
        if s not in CHOICES:
            raise ValueError(f"strategy={s!r} is not allowed; allowed: a Strategy or one of {CHOICES}")
        return Strategy(s, "same", 1.0)
    raise TypeError(f"strategy must be a Strategy (see strategy()) or one of {CHOICES}, got {type(s).__name__}")


# -- one possible future -------------------------------------------------------------------------
def _seeds(seed_value: int, patient: str = "") -> tuple:
    """Independent sub-seeds (course, toxin response, side effects, drug) from one seed and the patient.

    The patient's id enters the seed, so future 3 of Mrs Ortiz and future 3 of Mr Berg are
    different draws; for one patient, every plan meets the same luck (the same possible future).
    """
    entropy = [seed_value, zlib.crc32(patient.encode())] if patient else seed_value
    return tuple(int(x) for x in np.random.SeedSequence(entropy).generate_state(4))


@dataclass(frozen=True)
class _Draw:
    history: _tl.TreatmentHistory
    injections: int
    operated: bool
    outcome: object
    response: object
    drug_side_effect: bool
    on_drug: bool
    toxin_window: tuple | None = None


def _titrated(severity, base, window):
    """The treated severity with the toxin dose titrated to response in ``window`` (days from, to).

    In the window the untreated spasm the toxin acts on is held at its level on the first day.
    """
    if window is None:
        return severity
    a, b = window
    i, j = int(round(a / STEP_DAYS)), min(int(round(b / STEP_DAYS)), len(base))
    out = np.array(severity, dtype=float)
    b0 = float(base[i])
    seg = base[i:j]
    scale = np.where(seg > b0, b0 / np.maximum(seg, 1e-12), 1.0)
    out[i:j] = out[i:j] * scale
    return out


def _toxin_side_effects(days, seed_value: int) -> list:
    """Side-effect intervals of injections on ``days``: prone patients first, then per injection (TC)."""
    rng = np.random.default_rng(np.random.SeedSequence([seed_value, 1]))
    effects = _bont.SIDE_EFFECTS
    prone = rng.random(len(effects)) < np.array([SIDE_EFFECT_PRONE_PROBABILITY[e] for e in effects])
    hits = rng.random((len(days), len(effects))) < SIDE_EFFECT_RECURRENCE
    start, dur = _bont.SIDE_EFFECT_START_DAYS, _bont.SIDE_EFFECT_DURATION_DAYS
    return [
        _tl.Interval("side_effect", e, d + start, d + start + dur)
        for i, d in enumerate(days)
        for j, e in enumerate(effects)
        if prone[j] and hits[i, j]
    ]


def _draw(strat: Strategy, horizon: float, seeds: tuple) -> _Draw:
    """Events and intervals of one future (no symptom curve: shared by simulate and population_rates)."""
    _, s_resp, s_side, s_drug = seeds
    phases = strat.phases
    bounds = [min(start * DAYS_PER_YEAR, horizon) for _, start in phases] + [horizon]
    response = None
    events, extra = [], []
    outcome = None
    drug_se = on_drug = False
    tox_window = None
    op_day = 0.0
    for (what, _), a, b in zip(phases, bounds[:-1], bounds[1:]):
        if a >= horizon or b <= a:  # a decision point at or after the horizon never comes
            continue
        if outcome is not None and _cured_by(outcome, op_day, a):
            continue  # nobody treats a spasm the operation has cured (and that has not come back)
        if what == "botulinum":
            if response is None:
                response = _bont.sample_response(s_resp)
            # before a change of plan, no injection in the last half-interval (its effect would
            # overlap the next treatment); in the last phase, injections continue to the horizon
            last = b if b >= horizon else b - BOTULINUM_INTERVAL_DAYS / 2
            n = math.floor((b - a) / BOTULINUM_INTERVAL_DAYS - 1e-9) + 1
            if not response.responder:  # nobody goes on injecting a toxin that does nothing
                n = min(n, NONRESPONDER_INJECTIONS)
            for k in range(n):
                d = a + k * BOTULINUM_INTERVAL_DAYS
                if d < last or (k == 0 and d < b):
                    events.append(
                        _tl.injection(d, relief_factor=response.relief_factor, duration_factor=response.duration_factor)
                    )
            if response.responder and TITRATE_TOXIN:
                tox_window = (a, b)
        elif what == "oral drug":
            on_drug = True
            events.append(_tl.start_drug(a, ORAL_DRUG))
            if b < horizon:
                events.append(_tl.stop_drug(b, ORAL_DRUG))
            rng = np.random.default_rng(s_drug)
            if rng.random() < DRUG_SIDE_EFFECT_PROBABILITY:
                drug_se = True
                extra.append(_tl.Interval("side_effect", DRUG_SIDE_EFFECT_LABEL, a, b if b < horizon else math.nan))
        elif what == "MVD":
            # the same draw as sample_side_effect_intervals uses for the first operation's complications
            outcome = _mvd.sample_outcome((s_side + 7919) % 2**32)
            op_day = a
            events.append(_tl.operation_for(outcome, a))
    history = _tl.treatment_history(events, extra)
    # the operation's complications as the timeline samples them; the toxin's per patient (above)
    sampled = tuple(iv for iv in _tl.sample_side_effect_intervals(history, s_side) if iv.kind != "side_effect")
    inj_days = [e.day for e in history.events if e.kind == "injection"]
    sampled += tuple(_toxin_side_effects(inj_days, s_side))
    history = _tl.treatment_history(history.events, tuple(extra) + sampled)
    n_inj = sum(e.kind == "injection" for e in history.events)
    return _Draw(history, n_inj, outcome is not None, outcome, response, drug_se, on_drug, tox_window)


def _cured_by(outcome, op_day: float, day: float) -> bool:
    """True if the operation done on ``op_day`` has cured the spasm by ``day`` and it has not returned."""
    cure = outcome.days_to_cure
    rec = outcome.recurrence_day
    return math.isfinite(cure) and op_day + cure <= day and not (math.isfinite(rec) and op_day + rec <= day)


@lru_cache(maxsize=256)
def _baseline(p: VirtualPatient, years: float, seed_value: int):
    """The untreated severity from the patient's present on a day grid, and the remission day."""
    start_m = p.years_since_onset * 12.0
    total = min(40.0, p.years_since_onset + years + 1.0)
    course = _prog.simulate_course(
        total,
        p.onset,
        severity=p.contact_severity,
        pulsation=p.pulsation,
        systolic_bp_mmhg=p.systolic_bp_mmhg,
        age_at_contact_years=p.age_at_contact_years,
        seed=seed_value,
    )
    n = round(years * DAYS_PER_YEAR / STEP_DAYS)
    t = np.linspace(0.0, n * STEP_DAYS, n + 1)
    months = start_m + t / DAYS_PER_MONTH
    base = np.clip(np.interp(months, course.time_months, course.intensity), 0.0, 1.0)
    rem = course.remission_months
    rem_day = (rem - start_m) * DAYS_PER_MONTH if math.isfinite(rem) and rem >= start_m else math.nan
    if math.isfinite(rem) and rem < start_m:  # remitted before today: not the patient in the table
        rem_day = 0.0
    return t, base, rem_day


YEARS = number(0.5, MAX_YEARS, unit="years", doc="How many years to play from the first decision.")
SEED = seed(doc="Seed of one possible future (same seed, same future; change it for another).")


@validated(patient=PATIENT, years=YEARS, seed=SEED)
def simulate(patient: str = "ortiz", strategy: Strategy | str = "botulinum", *, years: float = 3.0, seed: int = 0):
    """Play one possible future of ``patient`` under ``strategy`` (deterministic for a seed).

    Parameters
    ----------
    strategy : Strategy or str
        From :func:`strategy`, or one of :data:`CHOICES` (kept for the whole horizon).
    {parameters}

    Returns
    -------
    VirtualCourse
        The timeline and its summary. Watchful waiting gives exactly the untreated course.
    """
    strat = _as_strategy(strategy)
    p = _patients()[patient]
    seeds = _seeds(seed, patient)
    t, base, rem_day = _baseline(p, years, seeds[0])
    horizon = float(t[-1])
    draw = _draw(strat, horizon, seeds)
    tl = _tl.symptom_curve(draw.history, base, horizon_days=horizon, step_days=STEP_DAYS)
    if draw.toxin_window is not None:
        tl = dataclasses.replace(tl, severity=_titrated(tl.severity, base, draw.toxin_window))
    died = any(iv.label == "death" for iv in draw.history.intervals if iv.kind == "complication")
    alive = np.ones(t.size, bool)
    if died:
        alive = t < next(e.day for e in draw.history.events if e.kind == "operation")

    def covered(kind):
        c = np.zeros(t.size, bool)
        for iv in draw.history.intervals:
            if iv.kind == kind:
                end = math.inf if math.isnan(iv.end_day) else iv.end_day
                c |= (t >= iv.start_day) & (t < end)
        return float(np.count_nonzero((c & alive)[1:]) * STEP_DAYS / DAYS_PER_MONTH)

    good = (tl.severity <= _tl.GOOD_CONTROL_SEVERITY) & alive
    perm = tuple(iv.label for iv in draw.history.intervals if iv.kind == "complication" and iv.permanent)
    return VirtualCourse(
        patient=p,
        strategy=strat,
        years=float(years),
        seed=int(seed),
        timeline=tl,
        good_control_months=float(np.count_nonzero(good[1:]) * STEP_DAYS / DAYS_PER_MONTH),
        side_effect_months=covered("side_effect"),
        complication_months=covered("complication"),
        drug_months=covered("drug"),
        injections=draw.injections,
        operated=draw.operated,
        mvd_cured=None if draw.outcome is None else bool(draw.outcome.cured),
        botulinum_responder=None if draw.response is None else bool(draw.response.responder),
        permanent_complications=perm,
        died=died,
        risk_permanent_harm=MVD_PERMANENT_RISK if draw.operated else 0.0,
        remission_day=rem_day,
    )


DEFAULT_STRATEGIES = (
    Strategy("watchful waiting", "same", 1.0),
    Strategy("oral drug", "same", 1.0),
    Strategy("botulinum", "same", 1.0),
    Strategy("MVD", "same", 1.0),
    Strategy("botulinum", "MVD", 1.0),
)


@validated(patient=PATIENT, years=YEARS, seed=SEED, futures=integer(1, 50, doc="Possible futures per strategy."))
def compare_strategies(
    patient: str = "ortiz", strategies: tuple | None = None, *, years: float = 3.0, seed: int = 0, futures: int = 1
) -> pd.DataFrame:
    """Strategies side by side for one patient: the same seeds (the same possible futures) for each.

    Parameters
    ----------
    strategies : sequence of Strategy or str, or None
        Default: watchful waiting, oral drug, botulinum, MVD, and botulinum then MVD at 1 year.
    {parameters}

    Returns
    -------
    DataFrame
        One row per strategy: mean good-control, side-effect and complication months over the
        futures, their lowest and highest (``*_min``, ``*_max``), the share of futures with a
        permanent complication and the model's risk of one taken with the choice, the mean number
        of injections, ``serious_risks_not_modelled`` (the drug's serious risks for plans with the
        drug, else empty: they are risks taken too, but have no number in the model) and the
        patient's ``patient`` name.
    """
    strats = DEFAULT_STRATEGIES if strategies is None else strategies
    if isinstance(strats, (str, Strategy)) or not hasattr(strats, "__iter__"):
        raise TypeError(f"strategies must be a sequence of Strategy or str, got {type(strats).__name__}")
    strats = tuple(_as_strategy(s) for s in strats)
    if not strats:
        raise ValueError("strategies is empty; allowed: at least one Strategy")
    rows = []
    for s in strats:
        runs = [simulate(patient, s, years=years, seed=(seed + k) % 2**32) for k in range(futures)]
        good = np.array([r.good_control_months for r in runs])
        side = np.array([r.side_effect_months for r in runs])
        comp = np.array([r.complication_months for r in runs])
        rows.append(
            {
                "strategy": s.label,
                "good_control_months": float(good.mean()),
                "good_control_months_min": float(good.min()),
                "good_control_months_max": float(good.max()),
                "side_effect_months": float(side.mean()),
                "side_effect_months_min": float(side.min()),
                "side_effect_months_max": float(side.max()),
                "complication_months": float(comp.mean()),
                "permanent_harm_share": float(np.mean([bool(r.permanent_complications) for r in runs])),
                "risk_permanent_harm": runs[0].risk_permanent_harm if runs[0].operated else 0.0,
                "injections": float(np.mean([r.injections for r in runs])),
                "serious_risks_not_modelled": drug_serious_risks()
                if any(what == "oral drug" for what, _ in s.phases)
                else "",
                "patient": runs[0].patient.name,
            }
        )
    return pd.DataFrame(rows)


#: Column names of :func:`readable_comparison` (the chapter's table), from those of compare_strategies.
READABLE_COLUMNS = {
    "strategy": "plan",
    "good_control_months": "good control, mean (months)",
    "good_control_months_min": "lowest",
    "good_control_months_max": "highest",
    "side_effect_months": "side effects (months)",
    "complication_months": "surgical complication (months)",
    "injections": "injections",
    "risk_permanent_harm_pct": "risk of permanent harm taken (%)",
}
#: What the chapter's table says instead of 0 for a plan with the drug: its serious risks have no number
DRUG_RISK_TEXT = "rare, serious (not modelled)"


def readable_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`compare_strategies` with words for column names, rounded, for a student.

    Parameters
    ----------
    table : DataFrame
        From :func:`compare_strategies`.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be the DataFrame of compare_strategies(), got {type(table).__name__}")
    need = (set(READABLE_COLUMNS) - {"risk_permanent_harm_pct"}) | {"risk_permanent_harm", "serious_risks_not_modelled"}
    missing = need - set(table.columns)
    if missing:
        raise ValueError(f"table lacks columns {sorted(missing)}; allowed: the DataFrame of compare_strategies()")
    risk = [
        f"{100 * r:.1f}" + (f" + drug: {DRUG_RISK_TEXT}" if d else "") if r > 0 else (DRUG_RISK_TEXT if d else "0")
        for r, d in zip(table["risk_permanent_harm"], table["serious_risks_not_modelled"])
    ]
    t = table.assign(risk_permanent_harm_pct=risk)[list(READABLE_COLUMNS)].rename(columns=READABLE_COLUMNS)
    return t.round(1).set_index("plan")


@validated(
    n=integer(1, 5_000, unit="patients", doc="How many virtual patients to simulate."),
    seed=seed(),
    years=YEARS,
)
def population_rates(strategy: Strategy | str = "MVD", n: int = 1000, seed: int = 0, years: float = 1.0):
    """Simulate ``n`` virtual patients under ``strategy`` and count what happened to them.

    Each patient is one seed (``seed``, ``seed + 1``, ...) and goes through the same draws as
    :func:`simulate` (without the symptom curve, which the rates do not need). The rates are
    what the tests compare with the sourced tables.

    Parameters
    ----------
    strategy : Strategy or str
    {parameters}

    Returns
    -------
    PopulationRates
    """
    strat = _as_strategy(strategy)
    horizon = round(years * DAYS_PER_YEAR / STEP_DAYS) * STEP_DAYS
    operated = cured = inj = bont_patients = responders = drug_patients = drug_se = n_any = n_perm = 0
    comp_any = dict.fromkeys(_mvd.COMPLICATIONS, 0)
    comp_perm = dict.fromkeys(_mvd.COMPLICATIONS, 0)
    side = dict.fromkeys(_bont.SIDE_EFFECTS, 0)
    side_pat = dict.fromkeys(_bont.SIDE_EFFECTS, 0)
    inj_any = pat_any = 0
    for k in range(n):
        d = _draw(strat, horizon, _seeds((seed + k) % 2**32))
        if d.operated:
            operated += 1
            cured += bool(d.outcome.cured)
            n_any += bool(d.outcome.complications)
            n_perm += any(c.permanent for c in d.outcome.complications)
            for c in d.outcome.complications:
                comp_any[c.complication] += 1
                comp_perm[c.complication] += bool(c.permanent)
        if d.response is not None:
            bont_patients += 1
            responders += bool(d.response.responder)
        inj += d.injections
        hit = [iv for iv in d.history.intervals if iv.kind == "side_effect" and iv.label in side]
        for iv in hit:
            side[iv.label] += 1
        for e in {iv.label for iv in hit}:
            side_pat[e] += 1
        inj_any += len({iv.start_day for iv in hit})
        pat_any += bool(hit)
        drug_patients += d.on_drug
        drug_se += d.drug_side_effect
    nan = math.nan
    return PopulationRates(
        strategy=strat,
        n=int(n),
        operated=operated,
        mvd_cured=cured / operated if operated else nan,
        complication_any={c: v / operated if operated else nan for c, v in comp_any.items()},
        complication_permanent={c: v / operated if operated else nan for c, v in comp_perm.items()},
        injections=inj,
        botulinum_patients=bont_patients,
        botulinum_response=responders / bont_patients if bont_patients else nan,
        side_effect_per_injection={e: v / inj if inj else nan for e, v in side.items()},
        side_effect_per_patient={e: v / bont_patients if bont_patients else nan for e, v in side_pat.items()},
        any_side_effect_per_injection=inj_any / inj if inj else nan,
        any_side_effect_per_patient=pat_any / bont_patients if bont_patients else nan,
        drug_side_effect=drug_se / drug_patients if drug_patients else nan,
        drug_patients=drug_patients,
        any_complication=n_any / operated if operated else nan,
        permanent_harm=n_perm / operated if operated else nan,
    )
