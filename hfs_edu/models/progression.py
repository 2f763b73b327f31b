"""How hemifacial spasm spreads over months and years (chapter 04), built on chapters 02-03.

The model chains the two earlier models and adds only what they cannot say:

1. **Damage over years** (:mod:`.compression`, chapter 02). The vessel wears the myelin at
   the root exit zone: demyelination ``D(t)`` rises for as long as it presses, faster with a
   harder contact (severity), a stronger pulse and a higher blood pressure.
2. **Cross-talk at each level of damage** (:mod:`.crosstalk`, chapter 03). For the patient's
   compression the cross-talk model is run once per level of ``D`` (a fixed bundle, a fixed
   2 s window, cached) and three things are read from its output:

   * the **burst rate** (spasms are bursts of impulses reaching the muscles, split by
     silences longer than ``BURST_GAP_MS``) -> spasm frequency;
   * the **coupled fraction** (share of fibres that fire spontaneously) -> how much of the
     hemiface is recruited (more fibre groups coupled, more muscles involved);
   * the **avalanche size** (fibres per burst) -> the tonic fraction: a lone after-discharge
     is a clonic twitch; an ephaptic avalanche that recruits many fibres is a sustained,
     tonic contraction.

   Each is made non-decreasing in ``D`` (a running maximum over the grid, removing the
   granularity of a 24-fibre bundle), and ``D(t)`` never falls while the vessel presses, so
   without remission frequency, extent, tonic fraction and intensity never decrease.
3. **Which muscle the coupled fibres drive** (``data/hfs_spread_order.csv``). The
   intracranial facial nerve has no fascicles [S51], so the bundle's layout cannot say which
   muscle goes first. The order is taken from the clinical sources instead: typical onset in
   orbicularis oculi [S10; S11], then down to cheek, mouth and neck [S1]; atypical onset in
   orbicularis oris and buccinator, spreading upward [N600]. Coupled fibre groups fill the
   muscles in that order (``COUPLED_FRACTION_WHOLE_FACE`` of the bundle = the whole
   hemiface) [TC]. Why the spread is orderly is not known; this is a teaching device.

Events drawn with the seed (``numpy.random.default_rng(seed)``, four uniform numbers):

* **Bilateral HFS**: with probability ``BILATERAL_PROBABILITY`` [TC; inside the sourced
  0.4-3.2%, ``data/hfs_course_events.csv``] the other side starts after a delay drawn from a
  triangular distribution on the sourced range 0.2-15 years with the sourced mean 8.4 years
  [S25] (shape TC). The second side starts at least 0.2 years after the first (delayed
  onset), and its spasms are drawn independently of the first side's; the series describe the
  two sides twitching out of step (asynchronous [S25; N600]), almost always: one synchronous
  bilateral case has been published [N806].
* **Spontaneous remission**: with probability ``REMISSION_PROBABILITY`` (10%) [TC] the spasm
  stops. The sources are not one range: a Cochrane review says "very rare" [S98], the only
  unselected estimate is 5.7% of a referral series [N602], and 41.3% is an upper bound in a
  selected untreated group [S97]. The calibration is set above the unselected estimate, on
  purpose, so that a class-sized model cohort shows some remissions; it is not an estimate. The
  spasm stops after a delay from a truncated exponential on the sourced 2 months
  to 23 years with mean 6.4 years [S97] (shape TC). The model lets the vessel stop pressing
  (the cross-talk model at compression 0, as after surgery): an assumption, because why
  some untreated patients remit is not known. "41.3% remission" is 43 of 104 untreated
  patients left from 2,155 in one clinic, not the natural history of HFS.

Triggers (stress and emotion, fatigue, reading, voluntary facial movement; sourced presence
in ``data/hfs_triggers.csv``) multiply the awake spasm rate while they act; the multipliers
are TC and never below 1. "bright light" is accepted but only one tier-C patient page lists it
("light exposure" [N805]) and no HFS series measured it (it is a classic aggravator of
blepharospasm), so its multiplier is 1. In sleep the spasm persists at ``SLEEP_RATE_FRACTION`` of the awake rate
(spasms continued in sleep in 12/12 patients, significantly reduced [S108]).

Every sourced number lives in a table row; the constants below are teaching calibrations
(TC): they set the direction and rough size of sourced observations, they are not
measurements. Pure numpy; no plotting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .._params import Param, choice, flag, number, seed, validated
from ..data import load_table
from . import compression as _compression
from . import crosstalk as _ct

__all__ = [
    "ONSET_TYPES",
    "TRIGGERS",
    "ProgressionCourse",
    "activity_at",
    "simulate_course",
    "sourced_range",
    "spread_order",
    "trigger_multiplier",
]

ONSET_TYPES = ("typical", "atypical")
#: Triggers the model knows (``voluntary movement`` = talking, eating, smiling).
TRIGGERS = ("stress", "fatigue", "reading", "voluntary movement", "bright light")

# -- triggers: awake rate multipliers while the trigger acts (sourced presence: data/hfs_triggers.csv) --
TRIGGER_RATE_MULTIPLIER = {
    "stress": 1.8,  # TC: the most often named aggravating factor (44.9-65% of patients [S10; S21])
    "fatigue": 1.4,  # TC: named by expert and patient pages [N603; N604; N605]
    "reading": 1.3,  # TC: named by expert pages [N603; N604]
    "voluntary movement": 1.5,  # TC: moving the face (talking, eating) [N605]
    "bright light": 1.0,  # TC: only a tier-C patient page lists it [N805]; no series data, so no effect
}
SLEEP_RATE_FRACTION = 0.3  # TC: spasms persist in sleep at a reduced rate [S108] (no ratio reported)

# -- from the cross-talk model's output to the clinical picture ------------------------------------------
SPASMS_PER_HOUR_PER_BURST_PER_S = 40.0  # TC: one model burst per second = 40 spasms an hour, awake at rest
COUPLED_FRACTION_WHOLE_FACE = 0.55  # TC: this share of the bundle firing spontaneously = every muscle involved
TONIC_FIBRES_PER_BURST = 12.0  # TC: avalanches this large are tonic; a one-fibre burst is a clonic twitch
TONIC_INTENSITY_WEIGHT = 0.5  # TC: intensity = extent x (1 - w + w x tonic fraction)
RECRUITED_INVOLVEMENT = 0.5  # TC: a muscle counts as recruited once its involvement reaches this
ONSET_RATE_PER_HOUR = 1.0  # TC: from the first spasm (month 0) on, at least this many spasms an hour awake

# -- drawn events (shapes TC; bounds and means sourced, data/hfs_course_events.csv) -------------------
BILATERAL_PROBABILITY = 0.015  # TC: inside the sourced 0.4-3.2% of patients
BILATERAL_DELAY_MIN_YEARS = 0.2  # [S25:A] second side 0.2-15 years after the first
BILATERAL_DELAY_MODE_YEARS = 10.0  # TC: triangular mode that gives the sourced mean 8.4 y on 0.2-15 y [S25]
BILATERAL_DELAY_MAX_YEARS = 15.0  # [S25:A]
REMISSION_PROBABILITY = 0.10  # TC: above the only unselected estimate (5.7% [N602]) so a cohort shows remissions
REMISSION_DELAY_MIN_YEARS = 2.0 / 12.0  # [S97:A] remission began 2 months to 23 years after onset
REMISSION_DELAY_MAX_YEARS = 23.0  # [S97:A]
REMISSION_DELAY_SCALE_YEARS = 7.26  # TC: truncated-exponential scale giving the sourced mean 6.4 y [S97]

# -- the cached cross-talk lookup --------------------------------------------------------------------
BURST_GAP_MS = 20.0  # TC: impulses closer than this belong to one burst (brief bursts ~20 ms [S18])
LOOKUP_WINDOW_MS = 2000.0  # simulated window per lookup point
LOOKUP_DEMYELINATION = np.concatenate([[0.0], np.linspace(0.3, 0.94, 17)])  # stays below conduction block
LOOKUP_COMPRESSION_STEP = 0.1  # lookup levels of compression; values in between are interpolated
LOOKUP_SEED = 0  # the bundle's events in the lookup never change with the patient's seed

_MONTHS_PER_YEAR = 12.0
_MAX_AGE_YEARS = 110.0


# -- tables ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _spread_table() -> dict[str, tuple[tuple[str, ...], dict[str, str]]]:
    df = load_table("hfs_spread_order")
    out = {}
    for onset in ONSET_TYPES:
        rows = df[df["onset_type"] == onset].sort_values("spread_rank")
        out[onset] = (tuple(rows["muscle"]), dict(zip(rows["muscle"], rows["face_region"])))
    return out


def _face_order() -> tuple[str, ...]:
    """The model's muscles from the forehead down (the face map's order, :mod:`.anatomy`)."""
    from . import anatomy

    mine = set(_spread_table()["typical"][0])
    return tuple(m for m in anatomy.muscles() if m in mine)


@lru_cache(maxsize=1)
def _events_table():
    return load_table("hfs_course_events")


@lru_cache(maxsize=1)
def _onset_table():
    return load_table("hfs_onset_pattern")


# -- the cross-talk lookup -------------------------------------------------------------------------------


def _bundle_activity(d: float, c: float) -> tuple[float, float, float]:
    """(bursts per second, coupled fraction, fibres per burst) of the cross-talk bundle at (d, c)."""
    sim = _ct.simulate(d, c, duration_ms=LOOKUP_WINDOW_MS, dt_ms=0.5, seed=LOOKUP_SEED)
    spikes = sim.spike_times_ms
    n = len(spikes)
    times = np.concatenate(spikes) if n else np.empty(0)
    if times.size == 0:
        return 0.0, 0.0, 0.0
    fibre = np.concatenate([np.full(s.size, i) for i, s in enumerate(spikes)])
    order = np.argsort(times, kind="stable")
    t, f = times[order], fibre[order]
    starts = np.concatenate([[True], np.diff(t) > BURST_GAP_MS])
    label = np.cumsum(starts) - 1
    n_bursts = int(starts.sum())
    fibres_per_burst = np.unique(label * n + f).size / n_bursts  # distinct (burst, fibre) pairs per burst
    coupled = float(np.mean([s.size > 0 for s in spikes]))
    return n_bursts / (LOOKUP_WINDOW_MS / 1000.0), coupled, float(fibres_per_burst)


@lru_cache(maxsize=16)
def _lookup_level(level: int) -> np.ndarray:
    """Monotone activity table (3, n_d) at compression ``level * LOOKUP_COMPRESSION_STEP``."""
    c = min(1.0, level * LOOKUP_COMPRESSION_STEP)
    table = np.array([_bundle_activity(float(d), c) for d in LOOKUP_DEMYELINATION]).T
    table = np.maximum.accumulate(table, axis=1)  # remove the 24-fibre granularity: never falls with D
    table.setflags(write=False)
    return table


def _lookup(compression: float) -> np.ndarray:
    x = compression / LOOKUP_COMPRESSION_STEP
    lo = math.floor(x + 1e-9)
    w = x - lo
    if w < 1e-9:
        return _lookup_level(lo)
    return (1.0 - w) * _lookup_level(lo) + w * _lookup_level(lo + 1)


def _activity(demyelination: np.ndarray, compression: float) -> np.ndarray:
    """(3, n) burst rate, coupled fraction, fibres per burst at each demyelination."""
    table = _lookup(compression)
    d = np.minimum(demyelination, LOOKUP_DEMYELINATION[-1])
    return np.vstack([np.interp(d, LOOKUP_DEMYELINATION, row) for row in table])


def _onset_demyelination(compression: float) -> float:
    """Largest lookup demyelination with no spontaneous activity: the spasm starts just above it."""
    rate = _lookup(compression)[0]
    active = np.flatnonzero(rate > 0)
    if active.size == 0:
        return math.inf
    return float(LOOKUP_DEMYELINATION[max(active[0] - 1, 0)])


# -- result ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressionCourse:
    """What :func:`simulate_course` returns (time in months since the first spasm).

    Attributes
    ----------
    time_months : ndarray
        Months since symptom onset, 0, 1, ..., ``12 * years``.
    muscles : tuple of str
        The model's muscles from the forehead down (face-map order).
    involvement : ndarray, shape (len(muscles), len(time_months))
        How much of each muscle takes part in the spasms, 0-1.
    spread_order : tuple of str
        The muscles in the order this onset type recruits them (``data/hfs_spread_order.csv``).
    recruitment_months : ndarray
        Per muscle (``muscles`` order), the first month its involvement reaches
        ``RECRUITED_INVOLVEMENT``; nan if it never does within the course.
    spasm_rate_per_hour : ndarray
        Spasms per hour, awake and at rest.
    triggered_rate_per_hour : ndarray
        Spasms per hour while the chosen triggers act (equals the resting rate without triggers).
    sleep_rate_per_hour : ndarray
        Spasms per hour asleep (reduced, not abolished).
    tonic_fraction : ndarray
        Share of spasms that are sustained (tonic) rather than brief (clonic), 0-1.
    extent : ndarray
        Mean involvement over the muscles, 0-1.
    intensity : ndarray
        Extent weighted by the tonic fraction, 0-1.
    demyelination : ndarray
        Demyelination at the root exit zone from the compression model (0 after a remission
        is *not* implied: the myelin stays damaged; the vessel stops pressing).
    onset : str
        ``'typical'`` or ``'atypical'``.
    triggers : tuple of str
        Triggers applied to ``triggered_rate_per_hour``.
    trigger_multiplier : float
        Product of their multipliers (>= 1).
    sleep_persistence : float
        Sleep rate / awake rate.
    symptomatic : bool
        False if this contact never produces a spasm within the horizon (all rates 0).
    contact_years_to_onset : float
        Years of vessel contact before the first spasm; nan if none.
    onset_age_years : float
        Age at the first spasm; nan if none.
    bilateral_onset_months : float
        Month (since onset) at which the other side starts; nan if it does not within the course.
    remission_months : float
        Month at which a spontaneous remission starts; nan if none within the course.
    params : dict
        The arguments used.
    """

    time_months: np.ndarray
    muscles: tuple
    involvement: np.ndarray
    spread_order: tuple
    recruitment_months: np.ndarray
    spasm_rate_per_hour: np.ndarray
    triggered_rate_per_hour: np.ndarray
    sleep_rate_per_hour: np.ndarray
    tonic_fraction: np.ndarray
    extent: np.ndarray
    intensity: np.ndarray
    demyelination: np.ndarray
    onset: str
    triggers: tuple
    trigger_multiplier: float
    sleep_persistence: float
    symptomatic: bool
    contact_years_to_onset: float
    onset_age_years: float
    bilateral_onset_months: float
    remission_months: float
    params: dict = field(default_factory=dict)

    def involvement_of(self, muscle: str) -> np.ndarray:
        """The involvement time course of one muscle (one of ``muscles``)."""
        if muscle not in self.muscles:
            raise ValueError(f"muscle={muscle!r} is not modelled; allowed: one of {', '.join(map(repr, self.muscles))}")
        return self.involvement[self.muscles.index(muscle)]


# -- helpers ---------------------------------------------------------------------------------------------


class _TriggerList(Param):
    """One trigger name or several separated by commas (each one of ``TRIGGERS``), or None.

    Its examples for the property tests (``extra``) are real trigger lists: a free string is
    not a valid value here.
    """

    def check(self, name, value):
        value = super().check(name, value)
        if value is not None:
            _parse_triggers(value, name)
        return value

    def range_text(self, name: str) -> str:
        return f"one or more of {', '.join(map(repr, TRIGGERS))}, separated by commas, or None"


_TRIGGERS_PARAM = _TriggerList(
    "str",
    optional=True,
    doc=(
        "Trigger(s) acting on ``triggered_rate_per_hour``: one of 'stress', 'fatigue', 'reading', "
        "'voluntary movement', 'bright light', or several separated by commas; None for none."
    ),
    extra={
        "examples": (None, TRIGGERS[0], ", ".join(TRIGGERS[:2]), ", ".join(TRIGGERS)),
        "invalid_examples": ("no such trigger", f"{TRIGGERS[0]}, no such trigger"),
    },
)


def _parse_triggers(triggers: str | None, param: str = "triggers") -> tuple[str, ...]:
    if triggers is None:
        return ()
    out = []
    for part in triggers.split(","):
        name = part.strip().casefold().replace("_", " ")
        if name not in TRIGGERS:
            raise ValueError(
                f"{param}={triggers!r}: {part.strip()!r} is not a known trigger; "
                f"allowed: one or more of {', '.join(map(repr, TRIGGERS))}, separated by commas"
            )
        if name not in out:
            out.append(name)
    return tuple(out)


@validated(triggers=_TRIGGERS_PARAM)
def trigger_multiplier(triggers: str | None = None) -> float:
    """Return the factor (>= 1) by which the trigger(s) raise the awake spasm rate [TC].

    {parameters}

    Returns
    -------
    float
        The product of ``TRIGGER_RATE_MULTIPLIER`` over the named triggers (1 for None).
    """
    return float(np.prod([TRIGGER_RATE_MULTIPLIER[t] for t in _parse_triggers(triggers)]))


@validated(onset=choice(ONSET_TYPES, doc="Typical (eye first) or atypical (lower face first) onset."))
def spread_order(onset: str = "typical") -> tuple[str, ...]:
    """Return the muscles in the order the spasm recruits them (``data/hfs_spread_order.csv``).

    {parameters}

    Returns
    -------
    tuple of str
        First muscle first.
    """
    return _spread_table()[onset][0]


_RANGE_ROWS = {
    "atypical onset": ("onset", None),
    "bilateral": ("events", "bilateral"),
    "remission": ("events", "remission"),
    "spread": ("events", "spread"),
}


@validated(quantity=choice(tuple(_RANGE_ROWS), doc="Which sourced share."))
def sourced_range(quantity: str = "bilateral") -> tuple[float, float]:
    """Return the (lowest, highest) percentage of patients the series give for ``quantity``.

    Only rows marked ``counts_for_range`` are used (primary series; tertiary statements and
    other populations are shown in the tables but left out of the range).

    {parameters}

    Returns
    -------
    tuple of float
        (low %, high %).
    """
    table, event = _RANGE_ROWS[quantity]
    if table == "onset":
        df = _onset_table()
        df = df[df["counts_for_range"].fillna(False).astype(bool)]
        return float(df["atypical_pct_low"].min()), float(df["atypical_pct_high"].max())
    df = _events_table()
    df = df[
        (df["event"] == event)
        & (df["quantity"] == "share of patients")
        & df["counts_for_range"].fillna(False).astype(bool)
    ]
    return float(df["pct"].min()), float(df["pct"].max())


@validated(
    demyelination=number(0, 1, doc="Demyelination at the root exit zone (0 healthy, 1 bare axons)."),
    compression=number(0, 1, doc="How hard the vessel presses (0 none ... 1)."),
)
def activity_at(demyelination: float = 0.8, compression: float = 0.6) -> dict:
    """Return what the cross-talk model says about the spasm at one lesion state (the lookup).

    {parameters}

    Returns
    -------
    dict
        ``bursts_per_s``, ``coupled_fraction`` and ``fibres_per_burst`` of the model bundle
        (non-decreasing in demyelination), and the clinical ``spasm_rate_per_hour``,
        ``extent`` and ``tonic_fraction`` they map to.
    """
    rate, coupled, fpb = _activity(np.array([demyelination]), compression)[:, 0]
    return {
        "bursts_per_s": float(rate),
        "coupled_fraction": float(coupled),
        "fibres_per_burst": float(fpb),
        "spasm_rate_per_hour": float(rate * SPASMS_PER_HOUR_PER_BURST_PER_S),
        "extent": float(
            np.clip(_muscles_filled(np.array([coupled]), _first_coupled_fraction(compression), 7)[0] / 7, 0.0, 1.0)
        ),
        "tonic_fraction": float(_tonic(np.array([fpb]))[0]),
    }


def _first_coupled_fraction(compression: float) -> float:
    """Coupled fraction when the first fibre group fires (one model fibre)."""
    row = _lookup(compression)[1]
    pos = row[row > 0]
    return float(pos.min()) if pos.size else math.inf


def _muscles_filled(coupled: np.ndarray, first: float, n_muscles: int) -> np.ndarray:
    """Muscle-equivalents recruited: the first coupled group drives the onset muscle, the rest
    of the bundle up to ``COUPLED_FRACTION_WHOLE_FACE`` fills the other muscles in order [TC]."""
    if not math.isfinite(first):
        return np.zeros_like(coupled)
    full = max(COUPLED_FRACTION_WHOLE_FACE, first * 1.000001)
    rest = np.clip((coupled - first) / (full - first), 0.0, 1.0)
    return np.where(coupled < first, coupled / first, 1.0 + (n_muscles - 1) * rest)


def _tonic(fibres_per_burst: np.ndarray) -> np.ndarray:
    return np.clip((fibres_per_burst - 1.0) / (TONIC_FIBRES_PER_BURST - 1.0), 0.0, 1.0)


def _triangular_inverse(u: float, a: float, c: float, b: float) -> float:
    fc = (c - a) / (b - a)
    if u < fc:
        return a + math.sqrt(u * (b - a) * (c - a))
    return b - math.sqrt((1.0 - u) * (b - a) * (b - c))


def _truncated_exponential_inverse(u: float, lo: float, hi: float, scale: float) -> float:
    span = hi - lo
    return lo - scale * math.log(1.0 - u * (1.0 - math.exp(-span / scale)))


def _draw_events(seed_value: int) -> tuple[float, float]:
    """(bilateral delay in years or nan, remission delay in years or nan) for one patient."""
    u_bi, u_bi_t, u_rem, u_rem_t = np.random.default_rng(seed_value).random(4)
    bilateral = (
        _triangular_inverse(
            float(u_bi_t), BILATERAL_DELAY_MIN_YEARS, BILATERAL_DELAY_MODE_YEARS, BILATERAL_DELAY_MAX_YEARS
        )
        if u_bi < BILATERAL_PROBABILITY
        else math.nan
    )
    remission = (
        _truncated_exponential_inverse(
            float(u_rem_t), REMISSION_DELAY_MIN_YEARS, REMISSION_DELAY_MAX_YEARS, REMISSION_DELAY_SCALE_YEARS
        )
        if u_rem < REMISSION_PROBABILITY
        else math.nan
    )
    return bilateral, remission


# -- the course ------------------------------------------------------------------------------------------


@validated(
    years=number(1, 40, unit="years", doc="Length of the course after the first spasm."),
    onset=choice(
        ONSET_TYPES,
        doc="Typical (orbicularis oculi first, spreading down) or atypical "
        "(orbicularis oris and buccinator first, spreading up).",
    ),
    severity=number(
        0,
        1,
        doc="Contact severity of the compression model (0.25 mild contact, 0.6 "
        "indentation, 0.9 deviation); also the cross-talk model's compression. "
        "The default 0.75 (a firm indentation) spreads over about 2-6 years; at 0.6 "
        "the spasm starts but spreads over decades.",
    ),
    pulsation=number(0, 1, doc="Arterial pulsation at the contact (0 vein ... 1 strongly pulsating)."),
    systolic_bp_mmhg=number(70, 250, unit="mmHg", doc="Systolic blood pressure (held constant)."),
    age_at_contact_years=number(0, 90, unit="years", doc="Age when the vessel began to touch the nerve."),
    triggers=_TRIGGERS_PARAM,
    remission=flag(doc="Allow a spontaneous remission (drawn with the seed)."),
    seed=seed(
        doc="Seed of the drawn events (bilateral spread, remission). Same seed, same course; "
        "the default seed draws neither event."
    ),
)
def simulate_course(
    years: float = 10.0,
    onset: str = "typical",
    *,
    severity: float = 0.75,
    pulsation: float = 0.5,
    systolic_bp_mmhg: float = 120.0,
    age_at_contact_years: float = 40.0,
    triggers: str | None = None,
    remission: bool = True,
    seed: int = 1,
) -> ProgressionCourse:
    """Simulate one patient's hemifacial spasm, month by month, from the first spasm on.

    The compression model gives the myelin damage over the years of contact; the first
    month in which the cross-talk model fires spontaneously is month 0 (the first spasm: the
    onset muscle is recruited and the rate is at least ``ONSET_RATE_PER_HOUR``); from then on the
    damage drives the spasm rate, the muscles recruited (in the onset type's order) and
    the tonic fraction. See the module docstring for the model and its calibrations.

    {parameters}

    Returns
    -------
    ProgressionCourse
        If the contact never causes a spasm (e.g. a mild contact, whose myelin is repaired),
        ``symptomatic`` is False and every rate and involvement is 0.
    """
    n_months = round(years * _MONTHS_PER_YEAR)
    months = np.arange(n_months + 1, dtype=float)
    trig = _parse_triggers(triggers)
    multiplier = float(np.prod([TRIGGER_RATE_MULTIPLIER[t] for t in trig]))
    order, _ = _spread_table()[onset]
    muscles = _face_order()
    rank = np.array([order.index(m) for m in muscles], dtype=float)  # 0 = first recruited
    params = {
        "years": years,
        "onset": onset,
        "severity": severity,
        "pulsation": pulsation,
        "systolic_bp_mmhg": systolic_bp_mmhg,
        "age_at_contact_years": age_at_contact_years,
        "triggers": triggers,
        "remission": remission,
        "seed": seed,
    }

    horizon = min(80.0, _MAX_AGE_YEARS - age_at_contact_years)
    path = _compression.myelin_integrity(horizon, severity, pulsation, systolic_bp_mmhg, age_at_contact_years)
    d_on = _onset_demyelination(severity)
    above = np.flatnonzero(path.demyelination > d_on)
    bilateral_years, remission_years = _draw_events(seed)
    nan = math.nan
    if above.size == 0:
        zeros = np.zeros_like(months)
        return ProgressionCourse(
            time_months=months,
            muscles=muscles,
            involvement=np.zeros((len(muscles), months.size)),
            spread_order=order,
            recruitment_months=np.full(len(muscles), nan),
            spasm_rate_per_hour=zeros,
            triggered_rate_per_hour=zeros.copy(),
            sleep_rate_per_hour=zeros.copy(),
            tonic_fraction=zeros.copy(),
            extent=zeros.copy(),
            intensity=zeros.copy(),
            demyelination=np.full_like(months, float(path.demyelination[-1])),
            onset=onset,
            triggers=trig,
            trigger_multiplier=multiplier,
            sleep_persistence=SLEEP_RATE_FRACTION,
            symptomatic=False,
            contact_years_to_onset=nan,
            onset_age_years=nan,
            bilateral_onset_months=nan,
            remission_months=nan,
            params=params,
        )

    i = int(above[0])
    t, dm = path.time_years, path.demyelination
    t_on = t[i] if i == 0 else float(t[i - 1] + (d_on - dm[i - 1]) / (dm[i] - dm[i - 1]) * (t[i] - t[i - 1]))
    d = np.interp(t_on + months / _MONTHS_PER_YEAR, t, dm)
    act = _activity(d, severity)
    remission_months = nan
    if remission and not math.isnan(remission_years) and remission_years * _MONTHS_PER_YEAR <= n_months:
        remission_months = float(math.ceil(remission_years * _MONTHS_PER_YEAR))
        after = months >= remission_months
        act[:, after] = _activity(d[after], 0.0)  # the vessel no longer presses: the cross-talk model falls silent
    bursts, coupled, fpb = act
    spasming = ~(months >= remission_months)  # False from a remission on (nan compares False)
    # month 0 is the first spasm: the onset muscle is in it and the rate is not 0 [TC]
    rate = np.where(spasming, np.maximum(bursts * SPASMS_PER_HOUR_PER_BURST_PER_S, ONSET_RATE_PER_HOUR), 0.0)
    filled = _muscles_filled(coupled, _first_coupled_fraction(severity), len(muscles))
    filled = np.where(spasming, np.maximum(filled, RECRUITED_INVOLVEMENT), filled)
    involvement = np.clip(filled[None, :] - rank[:, None], 0.0, 1.0)
    tonic = np.where(rate > 0, _tonic(fpb), 0.0)
    extent = involvement.mean(axis=0)
    intensity = extent * (1.0 - TONIC_INTENSITY_WEIGHT + TONIC_INTENSITY_WEIGHT * tonic)
    reached = involvement >= RECRUITED_INVOLVEMENT
    recruitment = np.where(reached.any(axis=1), months[np.argmax(reached, axis=1)], nan)
    bilateral_months = (
        bilateral_years * _MONTHS_PER_YEAR
        if not math.isnan(bilateral_years) and bilateral_years * _MONTHS_PER_YEAR <= n_months
        else nan
    )
    return ProgressionCourse(
        time_months=months,
        muscles=muscles,
        involvement=involvement,
        spread_order=order,
        recruitment_months=recruitment,
        spasm_rate_per_hour=rate,
        triggered_rate_per_hour=rate * multiplier,
        sleep_rate_per_hour=rate * SLEEP_RATE_FRACTION,
        tonic_fraction=tonic,
        extent=extent,
        intensity=intensity,
        demyelination=d,
        onset=onset,
        triggers=trig,
        trigger_multiplier=multiplier,
        sleep_persistence=SLEEP_RATE_FRACTION,
        symptomatic=True,
        contact_years_to_onset=float(t_on),
        onset_age_years=float(age_at_contact_years + t_on),
        bilateral_onset_months=float(bilateral_months),
        remission_months=remission_months,
        params=params,
    )
