"""Figures for the cross-talk model (chapter 03): from one healthy fibre to a spasm.

Every function takes model results (:mod:`hfs_edu.models.crosstalk`) and draws them:

* :func:`journey_figure` - :func:`~hfs_edu.models.crosstalk.journey` results as stacked time bars.
* :func:`conduction_figure` - a :func:`~hfs_edu.models.crosstalk.conduction_curve`: velocity and safety
  factor through the lesion.
* :func:`coupling_map_figure` - a :func:`~hfs_edu.models.crosstalk.coupling_map`.
* :func:`build_spasm` / :func:`update_spasm` / :func:`spasm_figure` - the four-panel spasm figure for
  a :func:`~hfs_edu.models.crosstalk.simulate` result and its :func:`~hfs_edu.models.crosstalk.spasm_summary`;
  :class:`hfs_edu.widgets.crosstalk.CrossTalkView` uses the same :func:`build_spasm`.

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
from matplotlib.ticker import MultipleLocator

from .._params import validated
from ..models.crosstalk import (
    BRANCH_MUSCLE,
    BRANCHES,
    FIBRES_DEFAULT,
    GEOMETRY,
    MUSCLES,
    ConductionCurve,
    CouplingMap,
    Journey,
    Simulation,
    SpasmSummary,
)
from ..models.crosstalk.core import COMPRESSION, DEMYELINATION, N_FIBRES
from ..models.crosstalk.events import DURATION_MS
from .anatomy import BRANCH_COLORS
from .style import OKABE_ITO, new_figure, styled

__all__ = [
    "BRANCH_MARKERS",
    "BRANCH_STYLE",
    "SpasmArtists",
    "SPASM_CAPTION",
    "journey_figure",
    "conduction_figure",
    "coupling_map_figure",
    "build_spasm",
    "update_spasm",
    "spasm_figure",
]

BRANCH_MARKERS = {"temporal": "o", "zygomatic": "^", "buccal": "s", "marginal mandibular": "D"}
BRANCH_STYLE = {b: {"color": BRANCH_COLORS[b], "marker": BRANCH_MARKERS[b]} for b in BRANCHES}
UPPER_FACE = ("temporal", "zygomatic")
ZOOM_MS = 30.0  # width of the after-discharge zoom
EMG_YLIM_MV = 1.3  # fixed EMG scale per trace (mV); larger peaks are clipped
FONT = 10  # smallest annotation font (pt): readable when projected
_GREY = "#555555"
SPASM_CAPTION = (
    "Where myelin is lost and the vessel presses, fibres fire on their own and pass the activity on to "
    "neighbours of other branches: eye and mouth muscles contract together, in bursts that "
    "the pulse makes more frequent [TC]."
)


def _check_points(name: str, points) -> dict:
    """Validate ``{label: (demyelination, compression)}`` (both 0-1)."""
    if not isinstance(points, dict):
        raise TypeError(
            f"{name} must be a dict of label -> (demyelination, compression), got {type(points).__name__} "
            f"{points!r:.60}"
        )
    out = {}
    for label, xy in points.items():
        if not isinstance(label, str) or isinstance(xy, (str, bytes)) or not hasattr(xy, "__len__") or len(xy) != 2:
            raise TypeError(f"{name}[{label!r}] must be a pair (demyelination, compression), got {xy!r:.60}")
        out[label] = (
            DEMYELINATION.check(f"{name}[{label!r}] demyelination", xy[0]),
            COMPRESSION.check(f"{name}[{label!r}] compression", xy[1]),
        )
    return out


def _check_list(name: str, items, cls, lo: int, hi: int) -> list:
    items = list(items) if isinstance(items, (list, tuple)) else items
    if not isinstance(items, list) or not all(isinstance(x, cls) for x in items):
        raise TypeError(f"{name} must be a list of {cls.__name__} results, got {items!r:.60}")
    if not lo <= len(items) <= hi:
        raise ValueError(f"{name} has {len(items)} entries; allowed: {lo} to {hi}")
    return items


# -- step 1 and 3: one fibre, healthy or demyelinated ---------------------------------------------------


@styled
def journey_figure(journeys: list) -> Figure:
    """Stacked time bars brainstem -> root exit zone -> foramen -> orbicularis oculi, one per journey.

    ``journeys``: one to six :func:`~hfs_edu.models.crosstalk.journey` results (a healthy fibre first
    gives the reference: the time axis ends 1.6 ms after the first impulse that arrives).
    """
    js = _check_list("journeys", journeys, Journey, 1, 6)
    g = GEOMETRY
    arrived = [j.total_ms for j in js if not j.blocked]
    healthy = arrived[0] if arrived else float("nan")
    x_max = (healthy if arrived else 4.0) + 1.6
    if len(js) == 1 and not arrived:
        caption = "With this much myelin lost the impulse is blocked at the lesion and never reaches the muscle [TC]."
    elif len(js) == 1:
        caption = (
            f"A healthy impulse needs about {healthy:.1f} ms from the brainstem to the eye muscle; most of it "
            "is spent in the long healthy stretch to the foramen and in the branch [TC]."
        )
    else:
        caption = (
            "Stripping the myelin of the 2.5 mm lesion at the root exit zone slows the impulse by only a "
            "fraction of a millisecond, until the fibre blocks and the impulse never arrives [TC]."
        )
    fig, ax = new_figure(caption, width_in=8.0, height_in=1.9 + 0.55 * len(js))
    colors = (OKABE_ITO["reddish_purple"], OKABE_ITO["sky_blue"], OKABE_ITO["grey"])
    hatches = ("////", "", "..")
    names = (
        f"root exit zone lesion ({g.lesion_length_mm:g} mm)",
        f"root and facial canal to the foramen ({g.lesion_to_foramen_mm - g.lesion_length_mm / 2:.0f} mm)",
        "branch + neuromuscular junction (distal motor latency)",
    )
    first = next((j for j in js if not j.blocked), None)
    for row, j in enumerate(js):
        y = len(js) - 1 - row
        if j.blocked:
            ax.barh(y, 0.15, left=0, color=colors[0], hatch=hatches[0], edgecolor="black", height=0.55)
            ax.text(0.3, y, "conduction block: the impulse never reaches the muscle", va="center", fontsize=FONT)
            continue
        left = 0.0
        for k, (dur, col) in enumerate(zip(j.parts(), colors)):
            ax.barh(
                y,
                dur,
                left=left,
                color=col,
                hatch=hatches[k],
                edgecolor="black",
                height=0.55,
                label=names[k] if j is first else None,
            )
            left += dur
        ax.text(left + 0.08, y, f"{left:.2f} ms", va="center", fontsize=FONT)
    ax.set_yticks(range(len(js)), [f"demyelination {j.demyelination:.2f}" for j in reversed(js)])
    ax.set_xlabel("time after the impulse leaves the brainstem (ms)")
    ax.set_xlim(0, x_max)
    ax.set_ylim(-0.6, len(js) - 0.4)
    if first is not None:
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=1, frameon=False, fontsize=FONT)
    return fig


@styled
def conduction_figure(curve: ConductionCurve) -> Figure:
    """Velocity and safety factor of conduction through the lesion versus demyelination (0-1).

    ``curve``: a :func:`~hfs_edu.models.crosstalk.conduction_curve` result.
    """
    if not isinstance(curve, ConductionCurve):
        raise TypeError(
            f"curve must be a ConductionCurve from crosstalk.conduction_curve(), got {type(curve).__name__}"
        )
    d, cv, sf = curve.demyelination, curve.velocity_m_per_s, curve.safety_factor
    v0, block = curve.healthy_cv_m_per_s, curve.block_demyelination
    fig, (ax1, ax2) = new_figure(
        f"Stripping myelin slows conduction gradually, then conduction fails abruptly once the safety factor "
        f"drops below 1 (here at demyelination {block:.2f}) [TC].",
        1,
        2,
        width_in=8.6,
        height_in=3.4,
    )
    ax1.plot(d, cv, color=OKABE_ITO["blue"])
    ax1.set_ylabel("velocity in the lesion (m/s)")
    ax1.set_ylim(0, v0 * 1.15)
    ax2.plot(d, sf, color=OKABE_ITO["vermillion"], linestyle="--")
    ax2.axhline(1.0, color="black", linewidth=1)
    ax2.text(0.02, 1.15, "safety factor 1: below it the next\nnode is not excited", fontsize=FONT, va="bottom")
    ax2.set_ylabel("safety factor (available / needed)")
    ax2.set_ylim(0, sf.max() * 1.1)
    for ax, title in ((ax1, "A  Conduction velocity"), (ax2, "B  Safety factor")):
        ax.axvspan(block, 1.0, color=OKABE_ITO["grey"], alpha=0.3, hatch="xx", linewidth=0)
        ax.text(min(block + 0.01, 0.9), ax.get_ylim()[1] * 0.9, "block", fontsize=FONT)
        ax.set_xlabel("demyelination (0 = healthy, 1 = bare axon)")
        ax.set_xlim(0, 1)
        ax.set_title(title, loc="left")
    return fig


STEPS = {
    "step 2: healthy myelin, pressed": (0.0, 0.8),
    "step 3: demyelinated, not pressed": (0.8, 0.0),
    "step 4: demyelinated and pressed": (0.8, 0.8),
}


@styled
def coupling_map_figure(cmap: CouplingMap, points: dict | None = None) -> Figure:
    """Where cross-talk appears: LSR motor units of a :func:`~hfs_edu.models.crosstalk.coupling_map`.

    ``points``: label -> (demyelination, compression) to mark (default: steps 2-4 of the chapter).
    """
    if not isinstance(cmap, CouplingMap):
        raise TypeError(f"cmap must be a CouplingMap from crosstalk.coupling_map(), got {type(cmap).__name__}")
    points = _check_points("points", points) if points is not None else STEPS
    units, gx, gy = cmap.units, cmap.demyelination, cmap.compression
    top = max(int(units.max()), 1)
    fig, ax = new_figure(
        "Cross-talk needs both lost myelin and compression: healthy myelin never cross-talks however hard the "
        "vessel presses, and in most of the map demyelination alone is not enough; only slow fibres cross-talk "
        f"[S49], so at most {top} of the {cmap.units_per_branch} {cmap.record_muscle} units answer [TC].",
        width_in=7.4,
        height_in=4.9,
    )
    colours = mpl.colormaps["cividis"].resampled(top + 1)
    mesh = ax.pcolormesh(gx, gy, units, cmap=colours, shading="nearest", vmin=-0.5, vmax=top + 0.5)
    ax.contourf(gx, gy, units == 0, levels=[0.5, 1.5], colors="none", hatches=["//"])
    cbar = fig.colorbar(mesh, ax=ax, ticks=range(top + 1))
    cbar.set_label(f"{cmap.record_muscle} motor units answering (of {cmap.units_per_branch})")
    ax.contour(gx, gy, units, levels=[0.5], colors="white", linewidths=2.5)
    ax.contour(gx, gy, units, levels=[0.5], colors="black", linewidths=1.0, linestyles="--")
    ax.text(
        0.03,
        0.5,
        "no cross-talk\n(hatched)",
        fontsize=FONT,
        color="white",
        bbox=dict(boxstyle="round,pad=0.2", fc="black", alpha=0.55, lw=0),
    )
    for k, (label, (x, y)) in enumerate(points.items()):
        ax.plot(x, y, marker="os^D"[k % 4], markersize=10, color="white", markeredgecolor="black", clip_on=False)
        right = x > 0.5
        up = not right or y < 0.1  # left-hand labels above their marker, right-hand ones below
        ax.annotate(
            label,
            (x, y),
            xytext=(-6 if right else 6, 8 if up else -8),
            textcoords="offset points",
            ha="right" if right else "left",
            va="bottom" if up else "top",
            fontsize=FONT,
            color="white",
            bbox=dict(boxstyle="round,pad=0.2", fc="black", alpha=0.6, lw=0),
        )
    ax.set_xlabel("demyelination (0 = healthy myelin, 1 = bare axons)")
    ax.set_ylabel("compression (0 = none, 1 = maximal)")
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
    """Artists of the four-panel spasm figure that :func:`update_spasm` changes in place.

    Attributes
    ----------
    fig : Figure
    axes : tuple of Axes
        Cross-section, raster, zoom, EMG.
    n_fibres : int
    duration_ms : float
    xy : ndarray
        Fibre positions in the cross-section.
    branch : ndarray of str
        Branch of each fibre.
    rows : ndarray of int
        Raster (and zoom) row of each fibre.
    px_ms : float
        Milliseconds per pixel column of the raster.
    emg_offset : dict
        Muscle -> vertical offset of its EMG trace (in trace heights).
    fibres, raster, zoom : dict
        Branch -> PathCollection (cross-section) / LineCollection (raster, zoom).
    emg : dict
        Muscle -> Line2D.
    active, nerve, artery, systole, pulse
        The rings around active fibres, the root, the artery at rest and in systole, the pulse line.
    texts : dict
        'raster' and 'zoom' messages.
    """

    fig: Figure
    axes: tuple
    n_fibres: int
    duration_ms: float
    xy: np.ndarray
    branch: np.ndarray
    rows: np.ndarray
    px_ms: float
    emg_offset: dict
    fibres: dict = field(default_factory=dict)
    raster: dict = field(default_factory=dict)
    zoom: dict = field(default_factory=dict)
    emg: dict = field(default_factory=dict)
    active: object = None
    nerve: object = None
    artery: object = None
    systole: object = None
    pulse: object = None
    texts: dict = field(default_factory=dict)

    def dynamic(self) -> list:
        """Artists that change on every update (a view blits them)."""
        return [
            self.nerve,
            *self.fibres.values(),
            self.active,
            self.artery,
            self.systole,
            *self.raster.values(),
            *self.zoom.values(),
            *self.emg.values(),
            self.pulse,
            *self.texts.values(),
        ]


def _raster_panel(ax, art, dur, n):
    ax.set_xlim(0, dur)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_title("B  Impulses reaching each fibre's muscle (one row per fibre)", loc="left", fontsize=11)
    for b in BRANCHES:
        art.raster[b] = ax.add_collection(LineCollection([], colors=BRANCH_COLORS[b], linewidths=1.4))
        ys = art.rows[art.branch == b]
        short = b.replace("marginal mandibular", "marg. mand.")  # fits beside panel A (review of ch03, V04)
        ax.text(-0.035 * dur, ys.mean(), f"{short}\n→ {BRANCH_MUSCLE[b]}", ha="right", va="center", fontsize=FONT)
        ax.plot(
            np.full(ys.size, -0.012 * dur),
            ys,
            linestyle="none",
            marker=BRANCH_MARKERS[b],
            markersize=3.5,
            color=BRANCH_COLORS[b],
            clip_on=False,
        )
    split = art.rows[np.isin(art.branch, UPPER_FACE)].min() - 0.5
    ax.plot([-0.3 * dur, dur], [split, split], color="black", linewidth=0.8, clip_on=False)
    ax.text(-0.3 * dur, split + 0.3, "upper face ↑", va="bottom", fontsize=FONT, style="italic")
    ax.text(-0.3 * dur, split - 0.3, "lower face ↓", va="top", fontsize=FONT, style="italic")
    ax.set_yticks([])
    ax.set_xlabel("time (ms)", labelpad=1)
    ax.spines["left"].set_visible(False)
    art.texts["raster"] = ax.text(
        dur * 0.5,
        split + 2.5,
        "",
        ha="center",
        va="center",
        fontsize=11,
        color=_GREY,
        bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="none"),
    )


def _zoom_panel(ax, art, n):
    ax.set_xlim(0, ZOOM_MS)
    ax.set_ylim(-0.7, n + 1.5)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(MultipleLocator(10))
    ax.xaxis.set_minor_locator(MultipleLocator(1))
    ax.grid(True, which="both", axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel("time from the first impulse (ms; grid 1 ms)")
    ax.set_title("C  First burst, zoomed", loc="left", fontsize=11)
    for b in BRANCHES:
        art.zoom[b] = ax.add_collection(LineCollection([], colors=BRANCH_COLORS[b], linewidths=1.6))
        ys = art.rows[art.branch == b]
        ax.text(
            -0.6,
            ys.mean(),
            b.replace("marginal mandibular", "marg. mand."),
            ha="right",
            va="center",
            fontsize=FONT,
            color=BRANCH_COLORS[b],
        )
    art.texts["zoom"] = ax.text(ZOOM_MS / 2, n + 0.5, "", ha="center", va="center", fontsize=FONT)


def _emg_panel(ax, art, dur):
    for m, off in art.emg_offset.items():
        b = BRANCHES[MUSCLES.index(m)]
        (art.emg[m],) = ax.plot([], [], color=BRANCH_COLORS[b], linewidth=0.8)
        ax.text(-0.012 * dur, off * 2 * EMG_YLIM_MV, m, ha="right", va="center", fontsize=FONT)
    (art.pulse,) = ax.plot([], [], color=_GREY, linewidth=1.2, linestyle="--")
    ax.text(-0.012 * dur, -1.6 * EMG_YLIM_MV, "arterial\npulse", ha="right", va="center", fontsize=FONT, color=_GREY)
    ax.set_xlim(0, dur)
    ax.set_ylim(-2.3 * EMG_YLIM_MV, 7.1 * EMG_YLIM_MV)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.plot([dur * 0.985] * 2, [6.2 * EMG_YLIM_MV, 6.2 * EMG_YLIM_MV + 1.0], color="black", linewidth=2)
    ax.text(dur * 0.98, 6.2 * EMG_YLIM_MV + 0.5, "1 mV", ha="right", va="center", fontsize=FONT)
    ax.set_xlabel("time (ms)")
    ax.set_title(
        f"D  EMG of four muscles (mV; scale bar 1 mV, clipped at ±{EMG_YLIM_MV:g} mV)", loc="left", fontsize=11
    )


@styled
@validated(duration_ms=DURATION_MS, n_fibres=N_FIBRES)
def build_spasm(duration_ms: float = 2000.0, n_fibres: int = FIBRES_DEFAULT) -> tuple[Figure, SpasmArtists]:
    """Build the (empty) four-panel spasm figure; fill it with :func:`update_spasm`.

    {parameters}

    Returns
    -------
    (Figure, SpasmArtists)
    """
    dur, n = duration_ms, n_fibres
    fig, _ = new_figure(SPASM_CAPTION, width_in=9.6, height_in=6.3, layout=None)
    fig.clear()
    axes = (
        fig.add_axes([0.005, 0.50, 0.25, 0.47]),
        fig.add_axes([0.40, 0.56, 0.585, 0.39]),
        fig.add_axes([0.115, 0.075, 0.17, 0.33]),
        fig.add_axes([0.40, 0.075, 0.585, 0.33]),
    )
    ax_xs = axes[0]
    branch = np.array([BRANCHES[i % 4] for i in range(n)])
    order = np.argsort([BRANCHES.index(b) for b in branch], kind="stable")
    rows = np.empty(n, int)
    rows[order] = np.arange(n)[::-1]
    art = SpasmArtists(
        fig,
        axes,
        n,
        dur,
        _cross_section_xy(n),
        branch,
        rows,
        px_ms=dur / (0.585 * fig.get_figwidth() * fig.dpi),
        emg_offset={m: 3 - k for k, m in enumerate(MUSCLES)},
    )
    ax_xs.set_aspect("equal")
    ax_xs.set_xlim(-1.25, 1.25)
    ax_xs.set_ylim(-1.2, 1.8)
    ax_xs.axis("off")
    ax_xs.set_title("A  Nerve root in cross-section", loc="left", fontsize=11)
    art.nerve = Ellipse((0, 0), 2.0, 2.0, facecolor="#F4EFE6", edgecolor=_GREY, linewidth=1.5)
    ax_xs.add_patch(art.nerve)
    for b in BRANCHES:
        sel = branch == b
        art.fibres[b] = ax_xs.scatter(
            art.xy[sel, 0],
            art.xy[sel, 1],
            s=70,
            marker=BRANCH_MARKERS[b],
            facecolor=BRANCH_COLORS[b],
            edgecolor="#222222",
            linewidths=2.5,
            zorder=3,
        )
    art.active = ax_xs.scatter(
        [],
        [],
        s=260,
        marker="o",
        facecolor="none",
        edgecolor=OKABE_ITO["vermillion"],
        linewidths=1.6,
        linestyle="--",
        zorder=4,
    )
    art.artery = Circle((0, 1.45), 0.3, facecolor="#C0392B", edgecolor="black", alpha=0.85, zorder=2)
    art.systole = Circle((0, 1.45), 0.3, facecolor="none", edgecolor="black", linestyle=":", linewidth=1.2, zorder=2)
    ax_xs.add_patch(art.artery)
    ax_xs.add_patch(art.systole)
    ax_xs.text(0.45, 1.55, "artery\n(dotted: systole)", fontsize=FONT, va="center")
    ax_xs.text(-1.2, -1.05, "dark ring = myelin · dashed circle =\nfibre firing at the lesion", fontsize=FONT, va="top")
    _raster_panel(axes[1], art, dur, n)
    _zoom_panel(axes[2], art, n)
    _emg_panel(axes[3], art, dur)
    return fig, art


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


def update_spasm(art: SpasmArtists, sim: Simulation, summary: SpasmSummary) -> None:
    """Show ``sim`` and its :func:`~hfs_edu.models.crosstalk.spasm_summary` in the artists of :func:`build_spasm`."""
    if not isinstance(art, SpasmArtists):
        raise TypeError(f"art must be the SpasmArtists returned by build_spasm(), got {type(art).__name__}")
    if not isinstance(sim, Simulation):
        raise TypeError(f"sim must be a Simulation from crosstalk.simulate(), got {type(sim).__name__}")
    if not isinstance(summary, SpasmSummary):
        raise TypeError(f"summary must be a SpasmSummary from crosstalk.spasm_summary(), got {type(summary).__name__}")
    if len(sim.spike_times_ms) != art.n_fibres:
        raise ValueError(f"sim has {len(sim.spike_times_ms)} fibres but the figure was built for {art.n_fibres}")
    p = sim.params
    d, c = p.demyelination, p.compression
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
    art.active.set_offsets(xy[summary.active] if summary.active.any() else np.empty((0, 2)))
    top = sy - 0.32 * c
    art.artery.set_center((0, top + 0.32))
    art.systole.set_center((0, top + 0.32))
    art.systole.set_radius(0.3 * (1.0 + 0.35 * p.pulsation))
    # B and C: raster and zoom
    t0 = summary.first_burst_ms
    for b in BRANCHES:
        idx = np.flatnonzero(art.branch == b)
        # one tick per pixel column is all the eye can see (trains of 3-4 ms ISI merge anyway)
        segs = [_segments(np.unique(np.round(sim.spike_times_ms[i] / art.px_ms)) * art.px_ms, art.rows[i]) for i in idx]
        art.raster[b].set_segments(np.concatenate(segs) if segs else np.empty((0, 2, 2)))
        if summary.quiet:
            art.zoom[b].set_segments(np.empty((0, 2, 2)))
        else:
            z = [
                _segments(
                    sim.spike_times_ms[i][(sim.spike_times_ms[i] >= t0) & (sim.spike_times_ms[i] < t0 + ZOOM_MS)] - t0,
                    art.rows[i],
                )
                for i in idx
            ]
            art.zoom[b].set_segments(np.concatenate(z))
    art.texts["raster"].set_text("no impulses: the face is quiet" if summary.quiet else "")
    art.texts["zoom"].set_text("no burst" if summary.quiet else "")
    # D: EMG traces and the pulse
    for m, line in art.emg.items():
        tt, yy = _minmax(sim.time_ms, np.clip(sim.emg_mv[m], -EMG_YLIM_MV, EMG_YLIM_MV), 600)
        line.set_data(tt, yy + art.emg_offset[m] * 2 * EMG_YLIM_MV)
    step = max(1, sim.time_ms.size // 400)
    grid, wave = sim.time_ms[::step], sim.pulse_wave[::step]
    art.pulse.set_data(grid, -2.0 * EMG_YLIM_MV + 0.8 * EMG_YLIM_MV * p.pulsation * wave)


def spasm_figure(sim: Simulation, summary: SpasmSummary) -> Figure:
    """The four-panel figure (cross-section, raster, burst zoom, EMG) for one simulation and its summary."""
    if not isinstance(sim, Simulation):
        raise TypeError(f"sim must be a Simulation from crosstalk.simulate(), got {type(sim).__name__}")
    fig, art = build_spasm(sim.params.duration_ms, sim.params.n_fibres)
    update_spasm(art, sim, summary)
    return fig
