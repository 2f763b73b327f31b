"""Figures for the cross-talk model (chapter 03): from one healthy fibre to a spasm.

* :func:`journey_figure` - how long an impulse needs from the brainstem to its muscle,
  for healthy and demyelinated fibres (stacked time bars).
* :func:`conduction_figure` - conduction velocity and safety factor through the lesion
  as the myelin is stripped away: slowing, then block.
* :func:`coupling_map_figure` - ephaptic drive relative to threshold over demyelination
  x compression: where cross-talk becomes possible.
* :func:`spasm_figure` (and :func:`raster_figure`, :func:`emg_figure`) - a cross-section
  of the bundle at the root exit zone, a spike raster per fibre, the EMG of four muscles
  with the arterial pulse, and a zoom on one after-discharge.
  :func:`draw_spasm` / :func:`update_spasm` split it into "build once" and "update in
  place" for :class:`hfs_edu.widgets.crosstalk.CrossTalkView`.

Branches are told apart by position, label and marker shape (temporal o, zygomatic ^,
buccal s, marginal mandibular D), not by colour alone. Every model number drawn here is
a teaching calibration of a toy model ([TC]).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import matplotlib as mpl
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Ellipse

from .._validate import check_number
from ..models import crosstalk as ct
from ..models import crosstalk_emg as ct_emg
from .anatomy import BRANCH_COLORS
from .style import OKABE_ITO, new_figure, styled

__all__ = [
    "BRANCH_MARKERS", "BRANCH_STYLE", "SpasmSummary", "SpasmArtists", "spasm_summary",
    "journey_figure", "conduction_figure", "coupling_map_figure",
    "draw_spasm", "update_spasm", "spasm_figure", "raster_figure", "emg_figure",
]

BRANCH_MARKERS = {"temporal": "o", "zygomatic": "^", "buccal": "s", "marginal mandibular": "D"}
BRANCH_STYLE = {b: {"color": BRANCH_COLORS[b], "marker": BRANCH_MARKERS[b]} for b in ct.BRANCHES}
UPPER_FACE = ("temporal", "zygomatic")
EYE, MOUTH = "orbicularis oculi", ("orbicularis oris", "mentalis")
BURST_GAP_MS = 25.0        # impulses further apart than this start a new burst (a new contraction)
ZOOM_MS = 40.0             # width of the after-discharge zoom
EMG_YLIM_MV = 1.3          # fixed EMG scale per trace (mV); larger peaks are clipped
_GREY = "#555555"


def _path_ms():
    """Path lengths (mm) and the orbicularis oculi distal motor latency (ms), from the model's public
    :func:`~hfs_edu.models.crosstalk.latency_budget` (one source of truth; no private constants)."""
    b = ct.latency_budget(0.0, 0.0, "marginal mandibular", "orbicularis oculi")
    return b.lesion_length_mm, b.lesion_to_foramen_mm, b.distal_motor_ms


def _check_points(name: str, points) -> dict:
    """Validate ``{label: (demyelination, compression)}`` (both 0-1)."""
    if not isinstance(points, dict):
        raise TypeError(f"{name} must be a dict of label -> (demyelination, compression), got {type(points).__name__} "
                        f"{points!r:.60}")
    out = {}
    for label, xy in points.items():
        if not isinstance(label, str) or isinstance(xy, (str, bytes)) or not hasattr(xy, "__len__") or len(xy) != 2:
            raise TypeError(f"{name}[{label!r}] must be a pair (demyelination, compression), got {xy!r:.60}")
        out[label] = (check_number(f"{name}[{label!r}] demyelination", xy[0], 0.0, 1.0),
                      check_number(f"{name}[{label!r}] compression", xy[1], 0.0, 1.0))
    return out


# -- summary of a simulation (analysis used by captions, readouts and tests) ----------------------

@dataclass(frozen=True)
class SpasmSummary:
    """What a simulation shows, in words a clinician would use.

    Attributes
    ----------
    n_fibres, n_active, n_blocked : int
        Fibres in the bundle; fibres with impulses born at the lesion (ectopic or
        ephaptic); fibres whose impulses cannot cross the lesion.
    active_by_branch : dict
        Branch -> number of fibres with lesion-born impulses.
    eye_bursts, co_bursts : int
        Bursts (contractions) of orbicularis oculi, and how many of them coincide with a
        burst of a mouth muscle (orbicularis oris or mentalis): synkinetic spasms.
    burst_frequency_hz : float
        Median instantaneous firing rate inside after-discharge trains (nan if none).
    first_burst_ms : float
        Start of the first burst in any muscle (nan if the face is quiet).
    """

    n_fibres: int
    n_active: int
    n_blocked: int
    active_by_branch: dict
    eye_bursts: int
    co_bursts: int
    burst_frequency_hz: float
    first_burst_ms: float

    def __str__(self) -> str:
        if self.n_active == 0:
            return "No fibre fired at the lesion: the face is quiet."
        rate = ("" if self.burst_frequency_hz != self.burst_frequency_hz
                else f"; trains at about {self.burst_frequency_hz:.0f} Hz")
        return (f"{self.n_active} of {self.n_fibres} fibres fired at the lesion; the eye contracted in "
                f"{self.eye_bursts} bursts, together with the mouth in {self.co_bursts}{rate} [TC].")


def _bursts(times: np.ndarray, gap_ms: float = BURST_GAP_MS) -> list[tuple[float, float]]:
    if times.size == 0:
        return []
    t = np.sort(times)
    breaks = np.flatnonzero(np.diff(t) > gap_ms)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [t.size - 1]])
    return [(float(t[s]), float(t[e])) for s, e in zip(starts, ends)]


def _muscle_times(sim, muscle: str) -> np.ndarray:
    sel = [t for t, m in zip(sim.spike_times_ms, sim.fibre_muscle) if m == muscle]
    return np.concatenate(sel) if sel else np.empty(0)


def spasm_summary(sim: ct.Simulation) -> SpasmSummary:
    """Count active fibres, eye bursts and eye-mouth co-contractions in a :func:`~hfs_edu.models.crosstalk.simulate` result."""
    if not isinstance(sim, ct.Simulation):
        raise TypeError(f"sim must be a Simulation from crosstalk.simulate(), got {type(sim).__name__}")
    active = np.array([t.size > 0 for t in sim.lesion_spike_times_ms])
    by_branch = {b: int(active[sim.fibre_branch == b].sum()) for b in ct.BRANCHES}
    eye = _bursts(_muscle_times(sim, EYE))
    mouth = _bursts(np.concatenate([_muscle_times(sim, m) for m in MOUTH]))
    co = sum(any(ms <= e + BURST_GAP_MS and s <= me + BURST_GAP_MS for ms, me in mouth) for s, e in eye)
    isis = [np.diff(np.sort(t)) for t in sim.lesion_spike_times_ms if t.size > 1]
    isi = np.concatenate(isis) if isis else np.empty(0)
    isi = isi[(isi > 0) & (isi < 10.0)]            # inside a train, not between trains
    all_t = np.concatenate(sim.spike_times_ms)
    return SpasmSummary(
        n_fibres=len(sim.spike_times_ms), n_active=int(active.sum()), n_blocked=int(sim.fibre_blocked.sum()),
        active_by_branch=by_branch, eye_bursts=len(eye), co_bursts=int(co),
        burst_frequency_hz=float(1000.0 / np.median(isi)) if isi.size else float("nan"),
        first_burst_ms=float(all_t.min()) if all_t.size else float("nan"))


# -- step 1 and 3: one fibre, healthy or demyelinated ---------------------------------------------------

def _journey_ms(d: float) -> tuple[float, float, float] | None:
    """(lesion, lesion -> foramen, distal motor latency) in ms for a median fibre; None if blocked."""
    v0 = ct.conduction_velocity(0.0)             # the model's median healthy fibre
    cv = ct.conduction_velocity(d, v0)
    if cv <= 0:
        return None
    lesion, to_foramen, dml = _path_ms()
    return lesion / cv, (to_foramen - lesion / 2) / v0, dml


@styled
def journey_figure(demyelination=(0.0,)) -> Figure:
    """Stacked time bars: brainstem -> root exit zone -> foramen -> orbicularis oculi, per demyelination level.

    Parameters
    ----------
    demyelination : sequence of float, default (0.0,)
        One to six demyelination levels (0-1) of the 2.5 mm lesion at the root exit zone.
    """
    levels = [check_number("demyelination", d, 0.0, 1.0) for d in np.atleast_1d(demyelination)]
    if not 1 <= len(levels) <= 6:
        raise ValueError(f"demyelination has {len(levels)} levels; allowed: 1 to 6")
    healthy = sum(_journey_ms(0.0))
    fig, ax = new_figure(
        f"A healthy impulse needs about {healthy:.1f} ms from the brainstem to the eye muscle [TC]; "
        "even a badly demyelinated 2.5 mm lesion adds only a fraction of a millisecond - until the fibre blocks.",
        width_in=8.0, height_in=1.9 + 0.55 * len(levels))
    colors = (OKABE_ITO["reddish_purple"], OKABE_ITO["sky_blue"], OKABE_ITO["grey"])
    hatches = ("////", "", "..")
    lesion_mm, smf_mm, _ = _path_ms()
    names = (f"root exit zone lesion ({lesion_mm:g} mm)", f"root and facial canal to the foramen ({smf_mm - lesion_mm / 2:.0f} mm)",
             "branch + neuromuscular junction (distal motor latency)")
    for row, d in enumerate(levels):
        parts = _journey_ms(d)
        y = len(levels) - 1 - row
        if parts is None:
            ax.barh(y, 0.15, left=0, color=colors[0], hatch=hatches[0], edgecolor="black", height=0.55)
            ax.text(0.3, y, "conduction block: the impulse never reaches the muscle", va="center", fontsize=9.5)
            continue
        left = 0.0
        for k, (dur, col) in enumerate(zip(parts, colors)):
            ax.barh(y, dur, left=left, color=col, hatch=hatches[k], edgecolor="black", height=0.55,
                    label=names[k] if row == 0 else None)
            left += dur
        ax.text(left + 0.08, y, f"{left:.2f} ms", va="center", fontsize=9.5)
    ax.set_yticks(range(len(levels)), [f"demyelination {d:.2f}" for d in reversed(levels)])
    ax.set_xlabel("time after the impulse leaves the brainstem (ms)")
    ax.set_xlim(0, healthy + 1.6)
    ax.set_ylim(-0.6, len(levels) - 0.4)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False, fontsize=8.5)
    return fig


@styled
def conduction_figure() -> Figure:
    """Velocity and safety factor of conduction through the lesion versus demyelination (0-1)."""
    d = np.linspace(0.0, 0.999, 400)
    v0 = ct.conduction_velocity(0.0)
    cv = np.array([ct.conduction_velocity(x, v0) for x in d])
    sf = np.array([ct.safety_factor(x) for x in d])
    block = d[np.argmax(sf < 1.0)] if (sf < 1.0).any() else np.nan
    fig, (ax1, ax2) = new_figure(
        f"Stripping myelin slows conduction gradually, then conduction fails abruptly once the safety factor "
        f"drops below 1 (here at demyelination {block:.2f}) [TC].", 1, 2, width_in=8.6, height_in=3.4)
    ax1.plot(d, cv, color=OKABE_ITO["blue"])
    ax1.set_ylabel("velocity in the lesion (m/s)")
    ax1.set_ylim(0, v0 * 1.15)
    ax2.plot(d, sf, color=OKABE_ITO["vermillion"], linestyle="--")
    ax2.axhline(1.0, color="black", linewidth=1)
    ax2.text(0.02, 1.15, "safety factor 1: below it the next node is not excited", fontsize=8.5)
    ax2.set_ylabel("safety factor (available / needed)")
    ax2.set_ylim(0, sf.max() * 1.1)
    for ax, title in ((ax1, "A  Conduction velocity"), (ax2, "B  Safety factor")):
        ax.axvspan(block, 1.0, color=OKABE_ITO["grey"], alpha=0.3, hatch="xx", linewidth=0)
        ax.text(min(block + 0.01, 0.9), ax.get_ylim()[1] * 0.9, "block", fontsize=9)
        ax.set_xlabel("demyelination (0 = healthy, 1 = bare axon)")
        ax.set_xlim(0, 1)
        ax.set_title(title, loc="left")
    return fig


@styled
def coupling_map_figure(points: dict | None = None, n_grid: int = 26) -> Figure:
    """Where cross-talk appears: LSR motor units over demyelination x compression, with the chapter's steps.

    Each cell runs :func:`~hfs_edu.models.crosstalk.lateral_spread_response` (zygomatic
    branch stimulated, mentalis recorded) and shows how many mentalis motor units answer.

    Parameters
    ----------
    points : dict, optional
        Label -> (demyelination, compression) to mark (default: steps 2-4 of the chapter).
    n_grid : int, default 26
        Grid points per axis (6-61).
    """
    n = int(check_number("n_grid", n_grid, 6, 61))
    points = _check_points("points", points) if points is not None else {
        "step 2: healthy myelin, pressed": (0.0, 0.8), "step 3: demyelinated, not pressed": (0.8, 0.0),
        "step 4: demyelinated and pressed": (0.8, 0.8)}
    g = np.linspace(0, 1, n)
    units = np.array([[ct.lateral_spread_response(x, y).n_units for x in g] for y in g])
    per_branch = ct.FIBRES_DEFAULT // 4
    top = max(int(units.max()), 1)
    fig, ax = new_figure(
        "Cross-talk needs both lost myelin and compression: healthy myelin never cross-talks however hard the "
        "vessel presses, and in most of the map demyelination alone is not enough; only slow fibres cross-talk "
        f"[S49], so at most {top} of the {per_branch} mentalis units answer [TC].",
        width_in=7.4, height_in=4.9)
    cmap = mpl.colormaps["cividis"].resampled(top + 1)
    mesh = ax.pcolormesh(g, g, units, cmap=cmap, shading="nearest", vmin=-0.5, vmax=top + 0.5)
    ax.contourf(g, g, units == 0, levels=[0.5, 1.5], colors="none", hatches=["//"])
    cbar = fig.colorbar(mesh, ax=ax, ticks=range(top + 1))
    cbar.set_label(f"mentalis motor units answering (of {per_branch})")
    ax.contour(g, g, units, levels=[0.5], colors="white", linewidths=2.5)
    ax.contour(g, g, units, levels=[0.5], colors="black", linewidths=1.0, linestyles="--")
    ax.text(0.03, 0.5, "no cross-talk\n(hatched)", fontsize=10, color="white",
            bbox=dict(boxstyle="round,pad=0.2", fc="black", alpha=0.55, lw=0))
    for k, (label, (x, y)) in enumerate(points.items()):
        ax.plot(x, y, marker="os^D"[k % 4], markersize=10, color="white", markeredgecolor="black", clip_on=False)
        right, below = x > 0.5, x > 0.5 and y > 0.1
        ax.annotate(label, (x, y), xytext=(-10 if right else 10, -18 if below else 10), textcoords="offset points",
                    ha="right" if right else "left", fontsize=9, color="white",
                    bbox=dict(boxstyle="round,pad=0.2", fc="black", alpha=0.6, lw=0))
    ax.set_xlabel("demyelination (0 = healthy myelin, 1 = bare axons)")
    ax.set_ylabel("compression (0 = none, 1 = maximal)")
    fig.hfs_units = units
    return fig


# -- step 4: the bundle in action ------------------------------------------------------------------

def _cross_section_xy(n: int) -> np.ndarray:
    """Fixed fibre positions in a unit disc (sunflower pattern): branches intermingled, as at the REZ."""
    k = np.arange(n) + 0.5
    r = 0.82 * np.sqrt(k / n)
    phi = k * np.pi * (3 - np.sqrt(5))
    return np.column_stack([r * np.cos(phi), r * np.sin(phi)])


@dataclass
class SpasmArtists:
    """Artists of the four-panel spasm figure that :func:`update_spasm` changes in place."""

    fig: Figure
    n_fibres: int
    duration_ms: float
    xy: np.ndarray
    rows: np.ndarray                                  # raster row of each fibre
    fibres: dict = field(default_factory=dict)        # branch -> PathCollection (cross-section)
    active: object = None                             # PathCollection: rings around active fibres
    nerve: object = None
    artery: object = None
    systole: object = None
    raster: dict = field(default_factory=dict)        # branch -> LineCollection
    zoom: dict = field(default_factory=dict)          # branch -> LineCollection
    emg: dict = field(default_factory=dict)           # muscle -> Line2D
    pulse: object = None
    texts: dict = field(default_factory=dict)

    def dynamic(self) -> list:
        return [self.nerve, *self.fibres.values(), self.active, self.artery, self.systole, *self.raster.values(),
                *self.zoom.values(), *self.emg.values(), self.pulse, *self.texts.values()]


@styled
def draw_spasm(duration_ms: float = 2000.0, n_fibres: int = ct.FIBRES_DEFAULT, caption: str | None = None) -> SpasmArtists:
    """Build the (empty) four-panel spasm figure; fill it with :func:`update_spasm`."""
    dur = check_number("duration_ms", duration_ms, 20.0, 5000.0)
    n = int(check_number("n_fibres", n_fibres, 8, 200))
    fig, _ = new_figure(caption or (
        "Where myelin is lost and the vessel presses, fibres fire on their own and pass the activity on to "
        "neighbours of other branches: eye and mouth muscles contract together, in bursts paced by the pulse [TC]."),
        width_in=9.6, height_in=6.3, layout=None)
    fig.clear()
    ax_xs = fig.add_axes([0.005, 0.50, 0.25, 0.47])
    ax_r = fig.add_axes([0.40, 0.56, 0.585, 0.39])
    ax_z = fig.add_axes([0.05, 0.075, 0.21, 0.33])
    ax_e = fig.add_axes([0.40, 0.075, 0.585, 0.33])
    branch = np.array([ct.BRANCHES[i % 4] for i in range(n)])
    order = np.argsort([ct.BRANCHES.index(b) for b in branch], kind="stable")
    rows = np.empty(n, int)
    rows[order] = np.arange(n)[::-1]
    art = SpasmArtists(fig, n, dur, _cross_section_xy(n), rows)
    art.branch = branch
    art.px_ms = dur / (0.585 * fig.get_figwidth() * fig.dpi)   # ms per pixel column of the raster
    # cross-section
    ax_xs.set_aspect("equal")
    ax_xs.set_xlim(-1.25, 1.25)
    ax_xs.set_ylim(-1.2, 1.8)
    ax_xs.axis("off")
    ax_xs.set_title("A  Nerve root in cross-section", loc="left", fontsize=11)
    art.nerve = Ellipse((0, 0), 2.0, 2.0, facecolor="#F4EFE6", edgecolor=_GREY, linewidth=1.5)
    ax_xs.add_patch(art.nerve)
    for b in ct.BRANCHES:
        sel = branch == b
        art.fibres[b] = ax_xs.scatter(art.xy[sel, 0], art.xy[sel, 1], s=70, marker=BRANCH_MARKERS[b],
                                      facecolor=BRANCH_COLORS[b], edgecolor="#222222", linewidths=2.5, zorder=3)
    art.active = ax_xs.scatter([], [], s=260, marker="o", facecolor="none", edgecolor=OKABE_ITO["vermillion"],
                               linewidths=1.6, linestyle="--", zorder=4)
    art.artery = Circle((0, 1.45), 0.3, facecolor="#C0392B", edgecolor="black", alpha=0.85, zorder=2)
    art.systole = Circle((0, 1.45), 0.3, facecolor="none", edgecolor="black", linestyle=":", linewidth=1.2, zorder=2)
    ax_xs.add_patch(art.artery)
    ax_xs.add_patch(art.systole)
    ax_xs.text(0.45, 1.55, "artery\n(dotted: systole)", fontsize=8.5, va="center")
    ax_xs.text(-1.2, -1.05, "dark ring = myelin · dashed circle = fibre\nfiring at the lesion", fontsize=8, va="top")
    # raster: branch labels and markers in the gutter on the left
    ax_r.set_xlim(0, dur)
    ax_r.set_ylim(-0.7, n - 0.3)
    ax_r.set_title("B  Impulses reaching each fibre's muscle (one row per fibre)", loc="left", fontsize=11)
    for b in ct.BRANCHES:
        art.raster[b] = ax_r.add_collection(LineCollection([], colors=BRANCH_COLORS[b], linewidths=1.4))
        ys = rows[branch == b]
        ax_r.text(-0.035 * dur, ys.mean(), f"{b}\n→ {ct.BRANCH_MUSCLE[b]}", ha="right", va="center", fontsize=8)
        ax_r.plot(np.full(ys.size, -0.012 * dur), ys, linestyle="none", marker=BRANCH_MARKERS[b], markersize=3.5,
                  color=BRANCH_COLORS[b], clip_on=False)
    split = rows[np.isin(branch, UPPER_FACE)].min() - 0.5
    ax_r.plot([-0.3 * dur, dur], [split, split], color="black", linewidth=0.8, clip_on=False)
    ax_r.text(-0.3 * dur, split + 0.3, "upper face ↑", va="bottom", fontsize=8, style="italic")
    ax_r.text(-0.3 * dur, split - 0.3, "lower face ↓", va="top", fontsize=8, style="italic")
    ax_r.set_yticks([])
    ax_r.set_xlabel("time (ms)", labelpad=1)
    ax_r.spines["left"].set_visible(False)
    art.texts["raster"] = ax_r.text(dur * 0.5, n * 0.5, "", ha="center", va="center", fontsize=11, color=_GREY)
    # EMG
    offsets = {m: 3 - k for k, m in enumerate(ct.MUSCLES)}
    art.emg_offset = offsets
    for m, off in offsets.items():
        b = ct.BRANCHES[ct.MUSCLES.index(m)]
        (art.emg[m],) = ax_e.plot([], [], color=BRANCH_COLORS[b], linewidth=0.8)
        ax_e.text(-0.012 * dur, off * 2 * EMG_YLIM_MV, m, ha="right", va="center", fontsize=8.5)
    (art.pulse,) = ax_e.plot([], [], color=_GREY, linewidth=1.2, linestyle="--")
    ax_e.text(-0.012 * dur, -1.6 * EMG_YLIM_MV, "arterial\npulse", ha="right", va="center", fontsize=8, color=_GREY)
    ax_e.set_xlim(0, dur)
    ax_e.set_ylim(-2.3 * EMG_YLIM_MV, 7.1 * EMG_YLIM_MV)
    ax_e.set_yticks([])
    ax_e.spines["left"].set_visible(False)
    ax_e.plot([dur * 0.985] * 2, [6.2 * EMG_YLIM_MV, 6.2 * EMG_YLIM_MV + 1.0], color="black", linewidth=2)
    ax_e.text(dur * 0.98, 6.2 * EMG_YLIM_MV + 0.5, "1 mV", ha="right", va="center", fontsize=8)
    ax_e.set_xlabel("time (ms)")
    ax_e.set_title("D  EMG of four muscles (surface-like, model units)", loc="left", fontsize=11)
    # zoom
    ax_z.set_xlim(0, ZOOM_MS)
    ax_z.set_ylim(-0.7, n + 2.5)
    ax_z.set_yticks([])
    ax_z.set_xlabel("time from burst onset (ms)")
    ax_z.set_title("C  First burst, zoomed", loc="left", fontsize=11)
    for b in ct.BRANCHES:
        art.zoom[b] = ax_z.add_collection(LineCollection([], colors=BRANCH_COLORS[b], linewidths=1.6))
    art.texts["zoom"] = ax_z.text(ZOOM_MS / 2, n + 1.2, "", ha="center", va="center", fontsize=8.5)
    art.axes = (ax_xs, ax_r, ax_z, ax_e)
    return art


def _segments(times: np.ndarray, row: float) -> np.ndarray:
    out = np.empty((times.size, 2, 2))
    out[:, :, 0] = times[:, None]
    out[:, 0, 1], out[:, 1, 1] = row - 0.38, row + 0.38
    return out


def _minmax(t: np.ndarray, y: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """Min/max decimation for display: keeps every spike visible with ~2 points per pixel."""
    n = y.size // bins * bins
    if n < bins or y.size <= 2 * bins:
        return t, y
    yb = y[:n].reshape(bins, -1)
    tb = t[:n].reshape(bins, -1)
    lo, hi = yb.min(axis=1), yb.max(axis=1)
    return np.repeat(tb[:, 0], 2), np.column_stack([lo, hi]).ravel()


def update_spasm(art: SpasmArtists, sim: ct.Simulation) -> SpasmSummary:
    """Show ``sim`` (from :func:`~hfs_edu.models.crosstalk.simulate`) in the artists built by :func:`draw_spasm`."""
    if not isinstance(art, SpasmArtists):
        raise TypeError(f"art must be the SpasmArtists returned by draw_spasm(), got {type(art).__name__}")
    if not isinstance(sim, ct.Simulation):
        raise TypeError(f"sim must be a Simulation from crosstalk.simulate(), got {type(sim).__name__}")
    if len(sim.spike_times_ms) != art.n_fibres:
        raise ValueError(f"sim has {len(sim.spike_times_ms)} fibres but the figure was built for {art.n_fibres}")
    p = sim.params
    d, c, pulsation = p.get("demyelination", 0.0), p.get("compression", 0.0), p.get("pulsation", 0.0)
    summary = spasm_summary(sim)
    # A: cross-section - the vessel flattens the root; myelin rings thin with demyelination
    sx, sy = 1.0 + 0.18 * c, 1.0 - 0.32 * c
    xy = art.xy * [sx, sy] - [0, 0.32 * c]
    art.nerve.set_width(2 * sx)
    art.nerve.set_height(2 * sy)
    art.nerve.set_center((0, -0.32 * c))
    ring = 0.3 + 2.7 * (1.0 - d)
    for b, coll in art.fibres.items():
        coll.set_offsets(xy[art.branch == b])
        coll.set_linewidths(ring)
    active = np.array([t.size > 0 for t in sim.lesion_spike_times_ms])
    art.active.set_offsets(xy[active] if active.any() else np.empty((0, 2)))
    top = sy - 0.32 * c
    art.artery.set_center((0, top + 0.3 + 0.02))
    art.systole.set_center((0, top + 0.3 + 0.02))
    art.systole.set_radius(0.3 * (1.0 + 0.35 * pulsation))
    # B and C: raster and zoom
    t0 = summary.first_burst_ms
    for b in ct.BRANCHES:
        idx = np.flatnonzero(art.branch == b)
        # one tick per pixel column is all the eye can see (trains of 3-4 ms ISI merge anyway)
        segs = [_segments(np.unique(np.round(sim.spike_times_ms[i] / art.px_ms)) * art.px_ms, art.rows[i]) for i in idx]
        art.raster[b].set_segments(np.concatenate(segs) if segs else np.empty((0, 2, 2)))
        if np.isfinite(t0):
            win = [sim.spike_times_ms[i] for i in idx]
            z = [_segments(t[(t >= t0) & (t < t0 + ZOOM_MS)] - t0, art.rows[i]) for t, i in zip(win, idx)]
            art.zoom[b].set_segments(np.concatenate(z))
        else:
            art.zoom[b].set_segments(np.empty((0, 2, 2)))
    quiet = summary.first_burst_ms != summary.first_burst_ms
    art.texts["raster"].set_text("no impulses: the face is quiet" if quiet else "")
    hz = summary.burst_frequency_hz
    art.texts["zoom"].set_text("no burst" if quiet else ("" if hz != hz else f"trains at ≈ {hz:.0f} Hz [TC]"))
    # D: EMG traces and the pulse
    bins = 600
    for m, line in art.emg.items():
        tt, yy = _minmax(sim.time_ms, np.clip(sim.emg_mv[m], -EMG_YLIM_MV, EMG_YLIM_MV), bins)
        line.set_data(tt, yy + art.emg_offset[m] * 2 * EMG_YLIM_MV)
    grid = np.linspace(0, art.duration_ms, 400)
    wave = ct_emg.pulse_wave(grid, p.get("heart_rate_bpm", 70.0)) if hasattr(ct_emg, "pulse_wave") else 0 * grid
    art.pulse.set_data(grid, -2.0 * EMG_YLIM_MV + 0.8 * EMG_YLIM_MV * pulsation * wave)
    return summary


def spasm_figure(sim: ct.Simulation, caption: str | None = None) -> Figure:
    """The four-panel figure (cross-section, raster, burst zoom, EMG) for one simulation."""
    if not isinstance(sim, ct.Simulation):
        raise TypeError(f"sim must be a Simulation from crosstalk.simulate(), got {type(sim).__name__}")
    art = draw_spasm(sim.params.get("duration_ms", sim.time_ms[-1]), len(sim.spike_times_ms), caption)
    art.fig.hfs_summary = update_spasm(art, sim)
    art.fig.hfs_artists = art
    return art.fig


@styled
def raster_figure(sim: ct.Simulation) -> Figure:
    """Spike raster alone: one row per fibre, grouped by branch (label and marker), coloured by branch."""
    summary = spasm_summary(sim)
    n, dur = len(sim.spike_times_ms), float(sim.params.get("duration_ms", sim.time_ms[-1]))
    fig, ax = new_figure(f"{summary.n_active} of {n} fibres fire impulses born at the lesion; rows are grouped "
                         "by branch (upper face above the line) [TC].", width_in=9.0, height_in=4.2)
    row = 0
    for b in reversed(ct.BRANCHES):
        for i in np.flatnonzero(sim.fibre_branch == b):
            ax.add_collection(LineCollection(_segments(sim.spike_times_ms[i], row), colors=BRANCH_COLORS[b]))
            row += 1
        ax.plot(-0.01 * dur, row - 3.5, marker=BRANCH_MARKERS[b], color=BRANCH_COLORS[b], clip_on=False)
        ax.text(-0.025 * dur, row - 3.5, b, ha="right", va="center", fontsize=8.5)
        if b == "buccal":
            ax.axhline(row - 0.5, color="black", linewidth=0.8)
    ax.set_xlim(0, dur)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_yticks([])
    ax.set_ylabel("fibre (grouped by branch)", labelpad=80)
    ax.set_xlabel("time (ms)")
    return fig


@styled
def emg_figure(sim: ct.Simulation) -> Figure:
    """EMG traces (mV) of frontalis, orbicularis oculi, orbicularis oris and mentalis, one axis each."""
    s = spasm_summary(sim)
    fig, axes = new_figure(f"Orbicularis oculi (eye) and the mouth muscles burst together in {s.co_bursts} of "
                           f"{s.eye_bursts} eye bursts: synkinesis [TC].", 4, 1, width_in=9.0, height_in=5.0)
    for ax, m in zip(axes, ct.MUSCLES):
        b = ct.BRANCHES[ct.MUSCLES.index(m)]
        ax.plot(sim.time_ms, sim.emg_mv[m], color=BRANCH_COLORS[b], linewidth=0.8, label=m)
        ax.set_ylim(-EMG_YLIM_MV, EMG_YLIM_MV)
        ax.set_ylabel("mV")
        ax.set_title(f"{m} ({b} branch)", loc="left", fontsize=9.5)
        ax.set_xlim(sim.time_ms[0], sim.time_ms[-1])
        if ax is not axes[-1]:
            ax.tick_params(labelbottom=False)
    axes[-1].set_xlabel("time (ms)")
    fig.hfs_summary = s
    return fig
