"""Core of the cross-talk model (chapter 03): fibres, geometry, conduction and ephaptic transfer.

Everything here is a per-fibre closed form. The sibling modules (:mod:`.events`,
:mod:`.emg`, :mod:`.bundle`, :mod:`.lsr`) build on the public names of this module:
:func:`fibres` (the bundle's fixed per-fibre properties), :func:`lesion` (the state of
the lesion for one demyelination x compression), :func:`evoked` and
:func:`seed_offsets` (ephaptic cascades), :data:`GEOMETRY` (path lengths and distal
motor latencies) and the parameter declarations (``DEMYELINATION``, ``N_FIBRES`` ...)
that every public function of the package uses.

**Conduction.** Thinner myelin adds capacitive load, so each node must charge more
membrane: the internodal delay grows by ``1 + k d / (1 - d)`` and the safety factor
falls as ``SAFETY_FACTOR_HEALTHY / (1 + k d / (1 - d))``. Conduction slows, then
blocks abruptly where the safety factor reaches 1 (``DEMYELINATION_BLOCK``), as in
the bundle model of [N54].

**Ephaptic coupling.** Eliminating the shared extracellular potential of ``N``
fibres under electroneutrality gives a coupling ``beta = rho / (1 + N rho)`` with
``rho = r_e / r_i`` [N54]; a volley in a fraction ``f`` of the fibres therefore
drives a resting neighbour in proportion to ``f * kappa / (1 + kappa)``::

    drive = EPHAPTIC_BRANCH_VOLLEY_MV * exposure(d) * (f / 0.25) * coupling(c) / coupling(1)
    coupling(c) = kappa / (1 + kappa),  kappa = N rho = COUPLING_RATIO_REST / (1 - COMPRESSION_SPACE_LOSS * c)
    exposure(d) = EXPOSURE_HEALTHY + (1 - EXPOSURE_HEALTHY) * d

Compression squeezes out extracellular fluid, so ``r_e`` and ``kappa`` rise
(restricted extracellular volume enables ephaptic transmission [N60]); myelin
insulates, so only demyelinated (exposed) membrane feels the field. A neighbour
fires when the drive reaches its threshold, which is lower in demyelinated
(hyperexcitable) and in thin, slow fibres. Nielsen found that transmission took
place in a fraction of slow-conducting motor fibres [S49]; the model takes this
literally: only fibres slower than ``CROSSTALK_CV_MAX_M_PER_S`` (32 m/s, below the
33-46 m/s of the nerve as a whole [N7]; about a third of the model's fibres, while the
velocity distribution of real facial motor fibres peaks at 22-24 m/s [N55]) can be
excited ephaptically, however strong the drive. Faster fibres still fire when they
are stimulated or fire ectopically, and their impulses still add to the field.
Impulses closer than ``EPHAPTIC_WINDOW_MS`` summate, so
a dispersed volley drives less than a synchronous one. The fibres a volley excites
form the next volley (a cascade: a spasm is an ephaptic avalanche).
``SECONDARY_DRIVE_FACTOR`` scales these secondary volleys down: one model fibre
stands for hundreds of real ones, while in a real nerve the fibres excited across
the lesion are a small share of the bundle; without it every evoked response
would turn into an avalanche.

**Transfer time.** The transfer time is the ephapse delay [N53] plus the time the
exposed membrane needs to fire: ``EPHAPSE_DELAY_MS + max(EPHAPTIC_INITIATION_MIN_MS,
EPHAPTIC_CHARGE_TAU_MS * ln(r / (r - 1)))`` for drive/threshold ratio ``r``. Near
threshold the charging term dominates (a barely sufficient drive takes longer); a strong
drive cannot make the impulse arise faster than the minimum initiation time of a
demyelinated node, whose large exposed membrane must be charged and whose sodium
current must build up before the impulse regenerates. So the transfer stays
near the 1.0 ms estimated in patients [N52] at every strength of drive instead of falling
towards the 0.1-0.24 ms measured between single bare fibres of mice at 26-28 C [N53].

Healthy myelin cannot reach threshold at any compression (exposure 0.02), and a
drive that rises with demyelination and compression can only add excited fibres
(tests check this on grids).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..._params import Param, array, integer, number, validated

__all__ = [
    "BRANCHES",
    "MUSCLES",
    "BRANCH_MUSCLE",
    "FIBRES_DEFAULT",
    "Geometry",
    "GEOMETRY",
    "Fibres",
    "Lesion",
    "Journey",
    "DEMYELINATION",
    "COMPRESSION",
    "N_FIBRES",
    "BRANCH",
    "MUSCLE",
    "STIMULATE",
    "fibres",
    "lesion",
    "evoked",
    "seed_offsets",
    "transfer_time",
    "refractory",
    "ConductionCurve",
    "conduction_curve",
    "conduction_velocity",
    "safety_factor",
    "ephaptic_drive_mv",
    "ephaptic_threshold_mv",
    "journey",
]

BRANCHES = ("temporal", "zygomatic", "buccal", "marginal mandibular")
MUSCLES = ("frontalis", "orbicularis oculi", "orbicularis oris", "mentalis")
BRANCH_MUSCLE = dict(zip(BRANCHES, MUSCLES))
FIBRES_DEFAULT = 24  # model fibres (the real nerve has ~7,000 motor fibres [N1]); multiple of 4

# -- conduction ------------------------------------------------------------------------------------
FIBRE_CV_MIN_M_PER_S = (
    24.0  # [N55:A] collision estimate: CV distribution peaks at 22-24 m/s (slow fibres cross-talk [S49])
)
FIBRE_CV_MAX_M_PER_S = 46.0  # [N7:A] intraoperative facial nerve CV 33-46 m/s
CV_HEALTHY_M_PER_S = 35.0  # TC: median fibre of the model, inside 33-46 m/s [N7]
CV_EXTRACRANIAL_M_PER_S = 59.6  # [N24:A] extracranial two-site CV (median fibre; scaled per fibre)
SAFETY_FACTOR_HEALTHY = 5.0  # TC: current available / current needed at the next node (textbook 5-7)
DEMYELINATION_BLOCK = 0.95  # TC: safety factor reaches 1 here (block); a bundle model blocks at 2% of the myelin [N54]

# -- geometry (path lengths and distal motor latencies) ----------------------------------------------
LESION_LENGTH_MM = 2.5  # [N6:A] medial REZ 2.6 mm (1.6-3.5); transition zone 1.9 mm [N5]
LESION_TO_SMF_MM = 66.0  # TC: top of the 43-66 mm REZ-to-foramen range [N3; N4]; REZ to below the tragus 79 mm [N24]
STIM_SITE_TO_SMF_MM = 75.0  # TC: trunk 14-19 mm [N9; N10] plus ~55-60 mm of branch to the stimulation site
DML_FRONTALIS_MS = 3.0  # TC: below the 3.9 ms upper normal limit of the temporal branch [N56]
DML_ORBICULARIS_OCULI_MS = 2.70  # [N51:A] 2.70 +- 0.28 ms from the stylomastoid foramen
DML_ORBICULARIS_ORIS_MS = 2.97  # [N51:A] 2.97 +- 0.35 ms
DML_MENTALIS_MS = 2.97  # TC: orbicularis oris value [N51] used for the neighbouring mentalis

# -- lesion susceptibility and ephaptic coupling -----------------------------------------------------
VULNERABILITY_MIN = 0.8  # TC: each fibre loses 80-100% of the lesion's peak demyelination
EXPOSURE_HEALTHY = 0.02  # TC: fraction of ephaptic current reaching membrane under intact myelin
EPHAPTIC_BRANCH_VOLLEY_MV = 160.0  # TC: drive on a bare neighbour if one whole branch fired in synchrony, compression 1
COUPLING_RATIO_REST = 0.12  # TC: kappa = N r_e / r_i of an uncompressed root bathed in CSF
COMPRESSION_SPACE_LOSS = 0.95  # TC: share of the extracellular space squeezed out at compression 1
EPHAPTIC_THRESHOLD_MV = 15.0  # TC: depolarisation a healthy node needs to fire
THRESHOLD_SIZE_EXPONENT = 1.0  # TC: threshold proportional to CV, so slow fibres cross-talk first [S49]
THRESHOLD_JITTER = 0.15  # TC: +-15% fibre-to-fibre threshold spread
HYPEREXCITABILITY = 0.5  # TC: threshold halves in bare axons (sodium-channel changes)
EPHAPTIC_WINDOW_MS = 0.5  # TC: impulses closer than about a nodal action potential summate
SECONDARY_DRIVE_FACTOR = (
    0.25  # TC: volleys of ephaptically excited fibres count a quarter (model granularity, see notes)
)
EPHAPSE_DELAY_MS = 0.24  # [N53:A] transmission across an ephapse <= 100-240 us
EPHAPTIC_CHARGE_TAU_MS = (
    0.35  # TC: membrane charging near threshold; ~1.2 ms transfer at the default LSR (about 1 ms [N52])
)
EPHAPTIC_INITIATION_MIN_MS = (
    0.76  # TC: minimum initiation time of a demyelinated node: transfer >= 0.24 + 0.76 = 1.0 ms [N52]
)
CROSSTALK_CV_MAX_M_PER_S = 32.0  # TC: only fibres slower than this (below the nerve's 33-46 m/s [N7]) cross-talk [S49]
TRANSFER_TIME_MAX_MS = 2.0  # TC: cap on the transfer time of a just-threshold neighbour

# -- ectopic excitability at the lesion and refractoriness of a fibre ------------------------------------
ECTOPIC_THRESHOLD = 0.45  # TC: drive (demyelination x compression units) above which a fibre fires ectopically
ECTOPIC_THRESHOLD_SPREAD = 0.2  # TC: +-20% fibre-to-fibre spread of that threshold
ECTOPIC_UNCOMPRESSED_FRACTION = 0.3  # TC: share of the ectopic drive left after decompression (bare axons)
REFRACTORY_MS = 1.0  # TC: a fibre cannot carry two impulses closer than this (absolute refractory period)

_LOAD_COEF = (SAFETY_FACTOR_HEALTHY - 1.0) / (1.0 / (1.0 - DEMYELINATION_BLOCK) - 1.0)  # derived
DISTAL_MOTOR_MS = dict(
    zip(MUSCLES, (DML_FRONTALIS_MS, DML_ORBICULARIS_OCULI_MS, DML_ORBICULARIS_ORIS_MS, DML_MENTALIS_MS))
)


class _Name(Param):
    """A branch or muscle name: underscores are accepted for spaces (``'marginal_mandibular'``)."""

    def check(self, name, value):
        return super().check(name, value.replace("_", " ") if isinstance(value, str) else value)


# -- parameter declarations shared by every public function of the model -----------------------------------
DEMYELINATION = number(0.0, 1.0, doc="Peak demyelination at the compression site, 0 (healthy) to 1 (bare axons).")
COMPRESSION = number(0.0, 1.0, doc="How hard the vessel presses, 0 (none, e.g. after decompression) to 1.")
N_FIBRES = integer(
    8,
    96,
    multiple_of=4,
    unit="fibres",
    doc="Fibres in the bundle (equal numbers per branch); the model is calibrated at 24.",
)
BRANCH = _Name("choice", choices=BRANCHES, doc="Facial nerve branch (underscores allowed for spaces).")
MUSCLE = _Name("choice", choices=MUSCLES, doc="Facial muscle (underscores allowed for spaces).")
STIMULATE = _Name(
    "choice",
    choices=BRANCHES,
    optional=True,
    doc="Branch to stimulate supramaximally (underscores allowed for spaces), or None.",
)


@dataclass(frozen=True)
class Geometry:
    """Path lengths (mm) and distal motor latencies (ms) of the model nerve.

    Attributes
    ----------
    lesion_length_mm : float
        Demyelinated stretch at the root exit zone.
    lesion_to_foramen_mm : float
        Centre of the lesion -> stylomastoid foramen.
    stimulation_site_to_foramen_mm : float
        Branch stimulation point -> foramen.
    distal_motor_ms : dict
        Muscle -> distal motor latency from the foramen (ms).
    """

    lesion_length_mm: float
    lesion_to_foramen_mm: float
    stimulation_site_to_foramen_mm: float
    distal_motor_ms: dict


GEOMETRY = Geometry(LESION_LENGTH_MM, LESION_TO_SMF_MM, STIM_SITE_TO_SMF_MM, DISTAL_MOTOR_MS)


# -- fibres and the lesion --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fibres:
    """Fixed per-fibre properties of an ``n``-fibre bundle (read-only arrays; see :func:`fibres`)."""

    n: int
    branch: np.ndarray  # branch index 0-3 (interleaved)
    cv: np.ndarray  # healthy intracranial CV, m/s
    cv_extra: np.ndarray  # extracranial CV, m/s
    vulnerability: np.ndarray  # share of the lesion's demyelination this fibre suffers
    threshold0: np.ndarray  # ephaptic threshold of the healthy fibre, mV
    ectopic_threshold: np.ndarray
    unit_size: np.ndarray  # -1..1: relative size of the fibre's motor unit (its MUAP amplitude, see .emg)
    dml: np.ndarray  # distal motor latency of the fibre's muscle, ms
    excitable: np.ndarray  # can be excited ephaptically (slow fibre, cv < CROSSTALK_CV_MAX_M_PER_S)


_FIBRE_LAYOUT_SEED = 20240917  # fixed: the bundle's layout never changes with the slider or the seed


@lru_cache(maxsize=8)
def fibres(n: int = FIBRES_DEFAULT) -> Fibres:
    """Deterministic per-fibre properties (cached; they do not depend on the sliders or the seed).

    Branches are interleaved (fibre i belongs to branch i % 4). Within every branch the
    conduction velocities are evenly spaced over the sourced range, and each other property
    takes the same evenly spaced set of values, shuffled by a fixed permutation, so the four
    branches are statistically alike but no property is tied to another.
    """
    idx = np.arange(n)
    per_branch = n // 4
    branch, rank = idx % 4, idx // 4
    q = (rank + 0.5) / per_branch
    rng = np.random.default_rng(_FIBRE_LAYOUT_SEED)

    def spread():
        perm = np.stack([rng.permutation(per_branch) for _ in range(4)])
        return 2.0 * (perm[branch, rank] + 0.5) / per_branch - 1.0  # -1..1, balanced per branch

    cv = FIBRE_CV_MIN_M_PER_S + (FIBRE_CV_MAX_M_PER_S - FIBRE_CV_MIN_M_PER_S) * q
    z, u, w, a = spread(), spread(), spread(), spread()
    vuln = VULNERABILITY_MIN + (1.0 - VULNERABILITY_MIN) * 0.5 * (u + 1.0)
    ect = ECTOPIC_THRESHOLD * (1.0 + ECTOPIC_THRESHOLD_SPREAD * w)
    theta = EPHAPTIC_THRESHOLD_MV * (cv / CV_HEALTHY_M_PER_S) ** THRESHOLD_SIZE_EXPONENT * (1.0 + THRESHOLD_JITTER * z)
    fib = Fibres(
        n,
        branch,
        cv,
        CV_EXTRACRANIAL_M_PER_S * cv / CV_HEALTHY_M_PER_S,
        vuln,
        theta,
        ect,
        a,
        np.array([DISTAL_MOTOR_MS[MUSCLES[b]] for b in branch]),
        cv < CROSSTALK_CV_MAX_M_PER_S,
    )
    for arr in (
        fib.branch,
        fib.cv,
        fib.cv_extra,
        fib.vulnerability,
        fib.threshold0,
        fib.ectopic_threshold,
        fib.unit_size,
        fib.dml,
        fib.excitable,
    ):
        arr.setflags(write=False)
    return fib


def _cv_lesion(d, cv_healthy):
    """Vectorised CV through demyelinated membrane; 0 where blocked."""
    d = np.asarray(d, float)
    slow = cv_healthy / (1.0 + _LOAD_COEF * d / np.maximum(1.0 - d, 1e-12))
    return np.where(d >= DEMYELINATION_BLOCK, 0.0, slow)


def _coupling(c):
    kappa = COUPLING_RATIO_REST / (1.0 - COMPRESSION_SPACE_LOSS * c)
    return kappa / (1.0 + kappa)


_BRANCH_FRACTION = 0.25


def _drive_per_fraction(exposure, c):
    """Ephaptic drive (mV) per unit active fraction of the bundle."""
    return EPHAPTIC_BRANCH_VOLLEY_MV * exposure * _coupling(c) / (_coupling(1.0) * _BRANCH_FRACTION)


@dataclass(frozen=True)
class Lesion:
    """State of the lesion for one (demyelination, compression), per fibre (see :func:`lesion`)."""

    d: np.ndarray  # local demyelination per fibre
    blocked: np.ndarray
    need: np.ndarray  # active fraction needed to excite each fibre ephaptically (inf: fast fibre, never)
    exit_ms: np.ndarray  # lesion centre -> muscle onset (inf if blocked)
    half_ms: float  # lesion half-traversal of a median fibre (volley timing)
    ectopic_drive: np.ndarray


@validated(d=DEMYELINATION, c=COMPRESSION)
def lesion(d: float, c: float, fib: Fibres) -> Lesion:
    """Per-fibre lesion state for demyelination ``d`` and compression ``c`` of the bundle ``fib``.

    {parameters}
    """
    di = d * fib.vulnerability
    cv_l = _cv_lesion(di, fib.cv)
    blocked = cv_l <= 0.0
    gain = _drive_per_fraction(EXPOSURE_HEALTHY + (1.0 - EXPOSURE_HEALTHY) * di, c)
    need = np.where(fib.excitable, fib.threshold0 * (1.0 - HYPEREXCITABILITY * di) / gain, np.inf)
    half = 0.5 * LESION_LENGTH_MM
    with np.errstate(divide="ignore"):
        exit_ms = half / cv_l + (LESION_TO_SMF_MM - half) / fib.cv + fib.dml
    d_med = min(d * 0.5 * (1.0 + VULNERABILITY_MIN), DEMYELINATION_BLOCK - 1e-3)
    half_ms = half / float(_cv_lesion(d_med, CV_HEALTHY_M_PER_S))
    drive = di * (ECTOPIC_UNCOMPRESSED_FRACTION + (1.0 - ECTOPIC_UNCOMPRESSED_FRACTION) * c)
    return Lesion(di, blocked, need, np.where(blocked, np.inf, exit_ms), half_ms, drive)


@validated(
    ratio=array(
        0.0,
        None,
        doc="Drive / threshold of the receiving fibre (below or at 1 it does not fire: the capped time is returned).",
    )
)
def transfer_time(ratio: float | np.ndarray) -> float | np.ndarray:
    """Ephaptic transfer time (ms) for drive/threshold ``ratio`` > 1.

    Ephapse delay plus the longer of membrane charging to threshold and the minimum
    initiation time of a demyelinated node (see the module notes).

    {parameters}
    """
    return _transfer_time(ratio)


def _transfer_time(ratio):
    """:func:`transfer_time` without validation (the cascade's inner loop)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        charge = EPHAPTIC_CHARGE_TAU_MS * np.log(ratio / (ratio - 1.0))
        t = EPHAPSE_DELAY_MS + np.maximum(charge, EPHAPTIC_INITIATION_MIN_MS)
    return np.where(ratio > 1.0, np.minimum(t, TRANSFER_TIME_MAX_MS), TRANSFER_TIME_MAX_MS)


def _synchrony(times, valid):
    """Per row: (fraction of the bundle firing together, time of that moment).

    Impulses closer than EPHAPTIC_WINDOW_MS summate with a triangular weight, so a
    dispersed volley drives its neighbours less than a synchronous one.
    """
    n = times.shape[1]
    t = np.where(valid, times, np.nan)
    lag = np.abs(t[:, :, None] - t[:, None, :])  # (S, N, N) pairwise
    weight = np.nansum(np.maximum(0.0, 1.0 - lag / EPHAPTIC_WINDOW_MS), axis=2)
    weight = np.where(valid, weight, -1.0)
    k = np.argmax(weight, axis=1)
    rows = np.arange(times.shape[0])
    return np.maximum(weight[rows, k], 0.0) / n, t[rows, k]


def _cascade(need, f0, t0, excluded):
    """Ephaptic cascades for S seeds at once.

    ``f0`` (S,) is the effective active fraction of each seed volley at time ``t0`` (S,);
    ``excluded`` (S, N) marks fibres that already fired (the drivers). The fibres a volley
    excites form the next volley, weighted by how synchronously they fire. Returns (S, N)
    firing times at the lesion, nan where a fibre is not excited.
    """
    s, n = excluded.shape
    fired = excluded.copy()
    times = np.full((s, n), np.nan)
    f, t_ref = f0.astype(float).copy(), t0.astype(float).copy()
    for _ in range(n):
        new = ~fired & (need[None, :] <= f[:, None])
        if not new.any():
            break
        t_new = t_ref[:, None] + _transfer_time(f[:, None] / need[None, :])
        times[new] = t_new[new]
        fired |= new
        f_next, t_next = _synchrony(t_new, new)
        grew = new.any(axis=1)
        f = np.where(grew, SECONDARY_DRIVE_FACTOR * f_next, 0.0)
        t_ref = np.where(grew, t_next, t_ref)
    return times


@lru_cache(maxsize=32)
def _volley(n: int, branch: int):
    """Synchrony of a supramaximal stimulus to ``branch`` at the lesion (healthy delay lines; cached).

    Returns (active fraction of the best-synchronised moment, its time after the stimulus in ms).
    """
    fib = fibres(n)
    sel = fib.branch == branch
    arrive = STIM_SITE_TO_SMF_MM / fib.cv_extra[sel] + (LESION_TO_SMF_MM - 0.5 * LESION_LENGTH_MM) / fib.cv[sel]
    grid = np.arange(arrive.min() - EPHAPTIC_WINDOW_MS, arrive.max() + EPHAPTIC_WINDOW_MS, 0.005)
    weight = np.maximum(0.0, 1.0 - np.abs(grid[:, None] - arrive[None, :]) / EPHAPTIC_WINDOW_MS).sum(axis=1)
    k = int(np.argmax(weight))
    return float(weight[k] / n), float(grid[k])


@validated(
    branch=integer(0, 3, doc="Index of the stimulated branch in ``BRANCHES``."),
    t_stim=number(0.0, 5000.0, unit="ms", doc="Time of the stimulus."),
)
def evoked(les: Lesion, fib: Fibres, branch: int, t_stim: float) -> tuple[np.ndarray, float]:
    """Lesion firing times (nan = not excited) of the neighbours excited by a stimulus to ``branch``
    at ``t_stim``, and the time the stimulated volley reaches the centre of the lesion.

    ``les`` is the :func:`lesion` of the bundle ``fib``.

    {parameters}
    """
    frac, t_peak = _volley(fib.n, branch)
    t_volley = t_stim + t_peak + les.half_ms
    times = _cascade(les.need, np.array([frac]), np.array([t_volley]), (fib.branch == branch)[None, :])[0]
    return times, t_volley


@lru_cache(maxsize=64)
def seed_offsets(d: float, c: float, n: int) -> np.ndarray:
    """(N, N) delays from an ectopic impulse in fibre i to the ephaptic impulse it causes in fibre j (cached)."""
    fib = fibres(n)
    les = lesion(d, c, fib)
    out = _cascade(les.need, np.full(n, 1.0 / n), np.zeros(n), np.eye(n, dtype=bool))
    out.setflags(write=False)
    return out


def refractory(times: np.ndarray) -> np.ndarray:
    """Sort impulse times and drop those closer than ``REFRACTORY_MS`` to the previous one (collision)."""
    if times.size < 2:
        return times
    t = np.sort(times)
    return t[np.concatenate([[True], np.diff(t) >= REFRACTORY_MS])]


# -- public: single-fibre physiology --------------------------------------------------------------------------


@validated(
    demyelination=number(0.0, 1.0, doc="Fraction of myelin lost, 0 (healthy) to 1 (bare axon)."),
    healthy_cv_m_per_s=number(1.0, 120.0, unit="m/s", doc="Velocity of the healthy fibre."),
)
def conduction_velocity(demyelination: float, healthy_cv_m_per_s: float = CV_HEALTHY_M_PER_S) -> float:
    """Return the conduction velocity (m/s) through a segment with this demyelination; 0 = block.

    {parameters}

    Notes
    -----
    Thinner myelin adds capacitive load (see the module notes); conduction blocks abruptly
    where the safety factor reaches 1 (at ``DEMYELINATION_BLOCK``), as in the bundle model of [N54].
    """
    return float(_cv_lesion(demyelination, healthy_cv_m_per_s))


@dataclass(frozen=True)
class ConductionCurve:
    """Conduction through the lesion over a grid of demyelination (see :func:`conduction_curve`).

    Attributes
    ----------
    demyelination : ndarray
        The grid, 0 to just below 1.
    velocity_m_per_s : ndarray
        Conduction velocity of the median fibre through the lesion (0 = block).
    safety_factor : ndarray
        Current available / current needed at the next node (below 1: block).
    healthy_cv_m_per_s : float
        Velocity of the healthy median fibre.
    block_demyelination : float
        First grid point where the safety factor is below 1 (nan if none).
    """

    demyelination: np.ndarray
    velocity_m_per_s: np.ndarray
    safety_factor: np.ndarray
    healthy_cv_m_per_s: float
    block_demyelination: float


@validated(n_points=integer(2, 5000, doc="Grid points between healthy myelin and a bare axon."))
def conduction_curve(n_points: int = 400) -> ConductionCurve:
    """Velocity and safety factor of the median fibre through the lesion, over demyelination 0-0.999.

    {parameters}

    Returns
    -------
    ConductionCurve
    """
    d = np.linspace(0.0, 0.999, n_points)
    v0 = CV_HEALTHY_M_PER_S
    cv = _cv_lesion(d, v0)
    sf = SAFETY_FACTOR_HEALTHY / (1.0 + _LOAD_COEF * d / (1.0 - d))
    block = float(d[np.argmax(sf < 1.0)]) if (sf < 1.0).any() else float("nan")
    return ConductionCurve(d, cv, sf, v0, block)


@validated(demyelination=number(0.0, 1.0, doc="Fraction of myelin lost, 0 (healthy) to 1 (bare axon)."))
def safety_factor(demyelination: float) -> float:
    """Return the safety factor of conduction (> 1 conducts, <= 1 blocks) for this demyelination.

    {parameters}
    """
    if demyelination >= 1.0:
        return 0.0
    return SAFETY_FACTOR_HEALTHY / (1.0 + _LOAD_COEF * demyelination / (1.0 - demyelination))


@validated(
    demyelination=DEMYELINATION,
    compression=COMPRESSION,
    active_fraction=number(0.0, 1.0, doc="Fraction of the bundle firing synchronously (one branch = 0.25)."),
)
def ephaptic_drive_mv(demyelination: float, compression: float, active_fraction: float = 0.25) -> float:
    """Return the depolarisation (mV) a resting median fibre receives when a fraction of the bundle fires.

    {parameters}
    """
    exposure = EXPOSURE_HEALTHY + (1.0 - EXPOSURE_HEALTHY) * demyelination
    return float(_drive_per_fraction(exposure, compression) * active_fraction)


@validated(demyelination=DEMYELINATION)
def ephaptic_threshold_mv(demyelination: float) -> float:
    """Return the depolarisation (mV) a median fibre with this demyelination needs to fire.

    {parameters}

    A single-fibre helper for the drive/threshold balance. In the bundle, thresholds scale
    with conduction velocity, and only fibres slower than ``CROSSTALK_CV_MAX_M_PER_S`` can be
    excited ephaptically at all [S49]; the median fibre (35 m/s) is not one of them.
    """
    return EPHAPTIC_THRESHOLD_MV * (1.0 - HYPEREXCITABILITY * demyelination)


@dataclass(frozen=True)
class Journey:
    """An impulse of the median fibre from the brainstem to orbicularis oculi (ms); see :func:`journey`.

    Attributes
    ----------
    demyelination : float
        Demyelination of the lesion.
    blocked : bool
        The impulse never crosses the lesion (the times are then nan).
    lesion_ms, to_foramen_ms, distal_motor_ms : float
        Crossing the lesion; lesion -> stylomastoid foramen; foramen -> muscle (distal motor latency).
    """

    demyelination: float
    blocked: bool
    lesion_ms: float
    to_foramen_ms: float
    distal_motor_ms: float

    @property
    def total_ms(self) -> float:
        """Brainstem -> muscle (nan if blocked)."""
        return self.lesion_ms + self.to_foramen_ms + self.distal_motor_ms

    def parts(self) -> tuple[float, float, float]:
        """(lesion, lesion -> foramen, distal motor latency) in ms."""
        return self.lesion_ms, self.to_foramen_ms, self.distal_motor_ms


@validated(demyelination=DEMYELINATION)
def journey(demyelination: float = 0.0) -> Journey:
    """How long an impulse of the median fibre takes from the brainstem to orbicularis oculi.

    {parameters}

    Returns
    -------
    Journey
    """
    v0 = CV_HEALTHY_M_PER_S
    cv = float(_cv_lesion(demyelination, v0))
    nan = float("nan")
    if cv <= 0.0:
        return Journey(demyelination, True, nan, nan, nan)
    g = GEOMETRY
    return Journey(
        demyelination,
        False,
        g.lesion_length_mm / cv,
        (g.lesion_to_foramen_mm - g.lesion_length_mm / 2) / v0,
        g.distal_motor_ms["orbicularis oculi"],
    )
