"""Facial-nerve figures: a schematic face map and the nerve's course from brainstem to face.

* :func:`face_map` — a front view of a face. The affected side (the patient's
  left, on the viewer's right) is drawn in full: each muscle as a simple shape
  in roughly the right place, and the five terminal branches fanning out from
  the stylomastoid foramen in front of the ear. Highlighting a branch or a
  muscle changes colour **and** hatch, outline width and the bold key entry,
  so it reads without colour vision.
* :func:`draw_face` / :func:`style_face` — the same drawing split into "build
  once" and "restyle", used by :class:`hfs_edu.widgets.anatomy.FaceMapView`.
* :func:`nerve_course_diagram` — the segments from brainstem to face drawn to
  scale with their sourced lengths, marking the root exit / transition zone
  where HFS starts.

The geometry is schematic (a teaching drawing, not a measurement); the
innervation it shows comes from the ``facial_nerve_branches`` table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import (
    Annulus,
    Circle,
    Ellipse,
    Patch,
    PathPatch,
    Polygon,
    Rectangle,
)
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.textpath import TextPath

from .._params import text, validated
from .._validate import check_choice
from ..models.anatomy import TERMINAL_BRANCHES, Innervation
from .style import OKABE_ITO, check_frame, new_figure, styled

__all__ = [
    "BRANCH_COLORS",
    "FACE_MAP_CAPTION",
    "MUSCLE_SHAPES",
    "FaceArtists",
    "build_face",
    "draw_face",
    "face_map",
    "nerve_course_diagram",
    "style_face",
]

#: One Okabe–Ito colour per branch (non-terminal branches in grey).
BRANCH_COLORS = {
    "temporal": OKABE_ITO["blue"],
    "zygomatic": OKABE_ITO["vermillion"],
    "buccal": OKABE_ITO["bluish_green"],
    "marginal mandibular": OKABE_ITO["reddish_purple"],
    "cervical": OKABE_ITO["orange"],
    "nerve to stapedius": OKABE_ITO["grey"],
    "digastric branch": OKABE_ITO["grey"],
}
_MUSCLE_FILL = "#F3D9C9"  # neutral muscle colour (not a branch colour)
_MUSCLE_EDGE = "#8C6D5A"
_SKIN_EDGE = "#555555"
_DIM = "#777777"

FACE_MAP_CAPTION = (
    "After the stylomastoid foramen, five branches fan out from the parotid plexus in front of the ear; "
    "the forehead and eye muscles "
    "(upper face) are reached by the temporal and zygomatic branches, the mouth, chin and neck (lower face) "
    "by the buccal, marginal mandibular and cervical branches - and orbicularis oculi, the zygomaticus "
    "muscles, orbicularis oris and depressor anguli oris each receive two branches."
)


def _band(p0, p1, width):
    """A straight band (rotated rectangle) from p0 to p1 of the given width."""
    p0, p1 = np.asarray(p0, float), np.asarray(p1, float)
    d = p1 - p0
    n = np.array([-d[1], d[0]]) / np.hypot(*d) * width / 2
    return np.array([p0 + n, p1 + n, p1 - n, p0 - n])


def _half_ring(cx, cy, a, b, w, theta1, theta2, n=40):
    """An elliptical ring segment between angles theta1..theta2 (degrees), thickness w."""
    t = np.radians(np.linspace(theta1, theta2, n))
    outer = np.c_[cx + a * np.cos(t), cy + b * np.sin(t)]
    inner = np.c_[cx + (a - w) * np.cos(t[::-1]), cy + (b - w) * np.sin(t[::-1])]
    return np.vstack([outer, inner])


# Schematic shapes of each muscle on the affected side (x > 0 is the patient's left).
# kind: "poly" (vertices), "ellipse" (centre, width, height, angle), "ring" (centre, (a, b), width),
# "circle" (centre, radius). "deep": drawn with a dashed outline (lies under other muscles or in the ear).
MUSCLE_SHAPES: dict[str, dict] = {
    "frontalis": {
        "kind": "poly",
        "xy": [(0.06, 0.78), (0.70, 0.74), (0.62, 1.22), (0.06, 1.30)],
        "label_xy": (0.36, 1.02),
    },
    "corrugator supercilii": {
        "kind": "ellipse",
        "xy": (0.20, 0.63),
        "w": 0.30,
        "h": 0.075,
        "angle": -12,
        "label_xy": (0.20, 0.63),
    },
    "orbicularis oculi": {
        "kind": "ring",
        "xy": (0.42, 0.36),
        "r": (0.29, 0.21),
        "width": 0.095,
        "label_xy": (0.70, 0.46),
    },
    "zygomaticus minor": {"kind": "poly", "xy": _band((0.56, 0.06), (0.26, -0.40), 0.07), "label_xy": (0.47, -0.08)},
    "zygomaticus major": {"kind": "poly", "xy": _band((0.80, 0.02), (0.33, -0.55), 0.10), "label_xy": (0.66, -0.16)},
    "levator labii superioris": {
        "kind": "poly",
        "xy": _band((0.30, 0.10), (0.16, -0.40), 0.09),
        "label_xy": (0.26, -0.06),
    },
    "buccinator": {
        "kind": "ellipse",
        "xy": (0.60, -0.56),
        "w": 0.34,
        "h": 0.30,
        "angle": 0,
        "deep": True,
        "label_xy": (0.66, -0.48),
    },
    "risorius": {"kind": "poly", "xy": _band((0.36, -0.66), (0.76, -0.61), 0.07), "label_xy": (0.72, -0.70)},
    "orbicularis oris": {
        "kind": "poly",
        "xy": _half_ring(0.0, -0.66, 0.36, 0.20, 0.08, -90, 90),
        "label_xy": (0.18, -0.55),
    },
    "depressor anguli oris": {
        "kind": "poly",
        "xy": [(0.36, -0.74), (0.58, -1.10), (0.26, -1.13)],
        "label_xy": (0.40, -0.98),
    },
    "depressor labii inferioris": {
        "kind": "poly",
        "xy": [(0.05, -0.86), (0.22, -0.84), (0.24, -1.06), (0.09, -1.08)],
        "label_xy": (0.15, -0.96),
    },
    "mentalis": {"kind": "ellipse", "xy": (0.07, -1.20), "w": 0.11, "h": 0.17, "angle": 0, "label_xy": (0.07, -1.20)},
    "platysma": {
        "kind": "poly",
        "xy": [(0.10, -1.38), (0.80, -1.10), (0.95, -1.55), (0.62, -2.12), (0.16, -2.12)],
        "label_xy": (0.48, -1.78),
    },
    "stapedius": {"kind": "circle", "xy": (1.12, 0.24), "r": 0.045, "deep": True, "label_xy": (1.12, 0.24)},
    "posterior belly of digastric": {
        "kind": "poly",
        "xy": _band((1.12, -0.30), (0.62, -1.28), 0.07),
        "deep": True,
        "label_xy": (1.02, -0.62),
    },
    "stylohyoid": {
        "kind": "poly",
        "xy": _band((1.00, -0.22), (0.58, -1.22), 0.04),
        "deep": True,
        "label_xy": (0.86, -0.66),
    },
}

# Branch paths: from the pes anserinus (in the parotid, in front of the ear) to their territory.
_FORAMEN = (1.05, -0.18)  # stylomastoid foramen (just below and behind the ear canal)
_PES = (0.94, -0.22)  # pes anserinus: the trunk divides here
_BRANCH_PATHS: dict[str, list[tuple[float, float]]] = {
    "temporal": [_PES, (0.92, 0.20), (0.82, 0.62), (0.62, 0.98), (0.30, 1.12)],
    "zygomatic": [_PES, (0.86, 0.02), (0.74, 0.20), (0.52, 0.16), (0.30, 0.20)],
    "buccal": [_PES, (0.80, -0.34), (0.56, -0.40), (0.30, -0.46)],
    "marginal mandibular": [_PES, (0.86, -0.62), (0.70, -0.96), (0.40, -1.08), (0.14, -1.04)],
    "cervical": [_PES, (0.96, -0.80), (0.88, -1.30), (0.66, -1.66)],
    "nerve to stapedius": [(1.10, 0.02), (1.12, 0.19)],
    "digastric branch": [_FORAMEN, (1.08, -0.36)],
}
_BRANCH_LABEL_XY = {
    "temporal": (1.06, 0.95),
    "zygomatic": (1.34, 0.62),
    "buccal": (1.38, -0.36),
    "marginal mandibular": (1.26, -1.06),
    "cervical": (1.20, -1.64),
}


@dataclass
class FaceArtists:
    """The artists of a face map, so a view can restyle them without redrawing.

    Only ``muscles``, ``badges``, ``digits``, ``branches``, ``key_marker`` and
    ``title`` change on restyling (:meth:`dynamic`); the key entries and branch
    labels are static text (text is the slowest thing to draw).
    """

    ax: Axes
    key_ax: Axes
    innervation: Innervation
    muscles: dict[str, Patch] = field(default_factory=dict)
    badges: PatchCollection | None = None
    digits: PathPatch | None = None
    keys: dict[str, Text] = field(default_factory=dict)
    key_y: dict[str, float] = field(default_factory=dict)
    key_marker: Line2D | None = None
    branches: dict[str, Line2D] = field(default_factory=dict)
    branch_labels: dict[str, Text] = field(default_factory=dict)
    title: Text | None = None

    def dynamic(self) -> list:
        """Every artist :func:`style_face` may change, in drawing order (for blitting)."""
        return [*self.muscles.values(), *self.branches.values(), self.badges, self.digits, self.key_marker, self.title]


def _number_glyphs(names: list[str], size: float = 0.075) -> tuple[PatchCollection, PathPatch]:
    """White badges and the muscle numbers as vector paths (much faster to redraw than text)."""
    badges, paths = [], []
    for i, name in enumerate(names, 1):
        x, y = MUSCLE_SHAPES[name]["label_xy"]
        badges.append(Circle((x, y), 0.052))
        tp = TextPath((0, 0), str(i), size=size, prop=FontProperties(family="DejaVu Sans"))
        ext = tp.get_extents()
        dx, dy = x - (ext.x0 + ext.width / 2), y - (ext.y0 + ext.height / 2)
        paths.append(Path(tp.vertices + (dx, dy), tp.codes))
    badge_coll = PatchCollection(badges, facecolor="white", edgecolor="none", alpha=0.85, zorder=8)
    digits = PathPatch(Path.make_compound_path(*paths), facecolor="black", edgecolor="none", zorder=9)
    return badge_coll, digits


def _make_patch(spec: dict) -> Patch:
    kind = spec["kind"]
    if kind == "poly":
        return Polygon(spec["xy"], closed=True)
    if kind == "ellipse":
        return Ellipse(spec["xy"], spec["w"], spec["h"], angle=spec["angle"])
    if kind == "ring":
        return Annulus(spec["xy"], spec["r"], spec["width"])
    if kind == "circle":
        return Circle(spec["xy"], spec["r"])
    raise ValueError(f"unknown shape kind {kind!r}")


def _draw_head(ax: Axes) -> None:
    """Face outline, neck, ear, parotid and the unaffected side's features (static)."""
    line = dict(fill=False, edgecolor=_SKIN_EDGE, linewidth=1.5, zorder=1)
    ax.add_patch(Ellipse((0, -0.05), 2.1, 2.9, **line))  # face
    ax.plot([-0.55, -0.62], [-1.40, -2.20], color=_SKIN_EDGE, lw=1.5, zorder=1)  # neck
    ax.plot([0.55, 0.62], [-1.40, -2.20], color=_SKIN_EDGE, lw=1.5, zorder=1)
    ax.add_patch(Ellipse((1.10, 0.20), 0.22, 0.55, **line))  # ear (affected side)
    ax.add_patch(Ellipse((-1.10, 0.20), 0.22, 0.55, **line))  # ear (unaffected side)
    ax.add_patch(
        Ellipse(
            (0.98, -0.42), 0.30, 0.80, facecolor="#E8E8E8", edgecolor="#BBBBBB", linestyle=":", linewidth=1, zorder=0.5
        )
    )  # parotid gland
    ax.text(1.06, -0.86, "parotid", fontsize=7, color="#666666", ha="center", va="top", zorder=6)
    for sx in (-1, 1):  # eyes, brows
        ax.add_patch(Ellipse((0.42 * sx, 0.36), 0.24, 0.11, fill=False, edgecolor=_SKIN_EDGE, lw=1.2, zorder=5))
        ax.add_patch(Circle((0.42 * sx, 0.36), 0.04, color=_SKIN_EDGE, zorder=5))
    ax.plot([-0.66, -0.18], [0.60, 0.66], color=_SKIN_EDGE, lw=1.2, zorder=5)  # unaffected brow
    ax.plot([0, -0.09, 0.09, 0], [0.30, -0.22, -0.22, -0.20], color=_SKIN_EDGE, lw=1.0, zorder=5)  # nose
    ax.plot([-0.32, 0.32], [-0.66, -0.66], color=_SKIN_EDGE, lw=1.2, zorder=5)  # mouth
    ax.plot([0, 0], [1.35, -2.2], color="#BBBBBB", lw=0.8, ls=(0, (4, 4)), zorder=0.6)  # midline
    ax.text(-0.55, 1.56, "unaffected side", ha="center", fontsize=9, color="#666666")
    ax.text(0.55, 1.56, "affected side (HFS)", ha="center", fontsize=9, color="#333333", fontweight="bold")
    ax.add_patch(Circle(_FORAMEN, 0.035, facecolor="white", edgecolor="black", lw=1.2, zorder=7))
    ax.annotate(
        "stylomastoid\nforamen",
        xy=_FORAMEN,
        xytext=(1.42, 0.10),
        fontsize=7,
        ha="center",
        arrowprops=dict(arrowstyle="-", color="#666666", lw=0.8),
        zorder=7,
    )


@styled
def draw_face(ax: Axes, key_ax: Axes, innervation: Innervation) -> FaceArtists:
    """Draw the schematic face into ``ax`` and the numbered muscle key into ``key_ax``.

    Parameters
    ----------
    ax, key_ax : matplotlib.axes.Axes
        Axes for the face and for the key (list of muscles with their numbers).
    innervation : Innervation
        Who serves whom (:func:`hfs_edu.models.anatomy.innervation`).

    Returns
    -------
    FaceArtists
        Handles to every muscle patch, number, key entry and branch line.
    """
    if not isinstance(ax, Axes) or not isinstance(key_ax, Axes):
        bad = "ax" if not isinstance(ax, Axes) else "key_ax"
        given = ax if bad == "ax" else key_ax
        raise TypeError(f"{bad} must be a matplotlib Axes, got {type(given).__name__} {given!r:.40}")
    if not isinstance(innervation, Innervation):
        raise TypeError(
            f"innervation must be an Innervation from anatomy.innervation(), got {type(innervation).__name__}"
        )
    art = FaceArtists(ax=ax, key_ax=key_ax, innervation=innervation)
    _draw_head(ax)
    names = list(innervation.muscles)
    missing = [m for m in names if m not in MUSCLE_SHAPES]
    if missing:
        raise ValueError(f"no drawing shape for muscle(s) {missing}; add them to MUSCLE_SHAPES")
    for name in names:
        spec = MUSCLE_SHAPES[name]
        patch = _make_patch(spec)
        patch.set_zorder(2 if spec.get("deep") else 3)
        ax.add_patch(patch)
        art.muscles[name] = patch
    art.badges, art.digits = _number_glyphs(names)
    ax.add_collection(art.badges)
    ax.add_patch(art.digits)
    # nerve trunk (static) and branches
    ax.plot([_FORAMEN[0], _PES[0]], [_FORAMEN[1], _PES[1]], color="black", lw=3.0, solid_capstyle="round", zorder=6)
    for branch in innervation.branches():
        xs, ys = zip(*_BRANCH_PATHS[branch])
        (line,) = ax.plot(xs, ys, solid_capstyle="round", zorder=6)
        art.branches[branch] = line
        if branch in _BRANCH_LABEL_XY:
            art.branch_labels[branch] = ax.text(
                *_BRANCH_LABEL_XY[branch],
                branch,
                fontsize=8.5,
                ha="center",
                va="center",
                zorder=8,
                color=BRANCH_COLORS[branch],
                fontweight="bold",
            )
    ax.set_xlim(-1.25, 1.62)
    ax.set_ylim(-2.25, 1.68)
    ax.set_aspect("equal")
    ax.axis("off")
    # key
    key_ax.axis("off")
    key_ax.set_xlim(0, 1)
    key_ax.set_ylim(0, 1)
    art.title = key_ax.text(0.0, 0.985, "", fontsize=10, fontweight="bold", va="top", wrap=True)
    y0, dy = 0.90, 0.052
    for i, name in enumerate(names, 1):
        art.key_y[name] = y0 - (i - 1) * dy
        art.keys[name] = key_ax.text(0.07, art.key_y[name], f"{i:>2}  {name}", fontsize=8.5, va="center")
    (art.key_marker,) = key_ax.plot(
        [], [], linestyle="none", marker=">", markersize=9, markerfacecolor="black", markeredgecolor="black"
    )
    key_ax.text(
        0.0,
        y0 - len(names) * dy - 0.01,
        "dashed outline = deep muscle\n(under other muscles or in the ear)",
        fontsize=7.5,
        va="top",
        color="#555555",
    )
    style_face(art)
    return art


def _canon(name, value, options):
    return None if value is None else check_choice(name, value, options)


_HIGHLIGHT_BRANCH = text(
    optional=True,
    doc="A branch name (see :func:`hfs_edu.models.anatomy.branches`), or None; "
    "checked against the drawing's innervation.",
)
_HIGHLIGHT_MUSCLE = text(
    optional=True,
    doc="A muscle name (see :func:`hfs_edu.models.anatomy.muscles`), or None; "
    "checked against the drawing's innervation.",
)


@validated(highlight_branch=_HIGHLIGHT_BRANCH, highlight_muscle=_HIGHLIGHT_MUSCLE)
def style_face(art: FaceArtists, highlight_branch: str | None = None, highlight_muscle: str | None = None) -> None:
    """Restyle an existing face drawing in place (no new artists).

    Only the muscles of ``highlight_branch`` and ``highlight_muscle`` differ from
    the neutral drawing: they get the branch colour **and** a hatch, a thick
    outline and a marker (▶) in the key; the highlighted branch lines get thicker.

    ``art`` is the :class:`FaceArtists` returned by :func:`draw_face`.

    {parameters}
    """
    if not isinstance(art, FaceArtists):
        raise TypeError(f"art must be the FaceArtists returned by draw_face, got {type(art).__name__}")
    inn = art.innervation
    branch = _canon("highlight_branch", highlight_branch, inn.branches())
    muscle = _canon("highlight_muscle", highlight_muscle, inn.muscles)
    branch_muscles = set(inn.by_branch[branch]) if branch else set()
    muscle_branches = set(inn.records[muscle].branches) if muscle else set()

    for name, patch in art.muscles.items():
        deep = MUSCLE_SHAPES[name].get("deep", False)
        ls = (0, (3, 2)) if deep else "solid"
        if name == muscle:
            color = BRANCH_COLORS[branch] if name in branch_muscles else BRANCH_COLORS[inn.records[name].branches[0]]
            patch.set(facecolor=color, edgecolor="black", linewidth=3.2, hatch="xx", alpha=0.95, linestyle=ls)
        elif name in branch_muscles:
            patch.set(
                facecolor=BRANCH_COLORS[branch], edgecolor="black", linewidth=2.2, hatch="//", alpha=0.85, linestyle=ls
            )
        else:
            patch.set(
                facecolor=_MUSCLE_FILL, edgecolor=_MUSCLE_EDGE, linewidth=0.9, hatch=None, alpha=0.9, linestyle=ls
            )
    marked = [m for m in art.muscles if m == muscle or m in branch_muscles]
    art.key_marker.set_data([0.02] * len(marked), [art.key_y[m] for m in marked])

    for b, line in art.branches.items():
        on = b == branch or b in muscle_branches
        terminal = b in TERMINAL_BRANCHES
        line.set(
            color=BRANCH_COLORS[b],
            linewidth=5.0 if on else (2.2 if terminal else 1.4),
            linestyle="solid" if terminal or on else (0, (2, 1.5)),
            alpha=1.0 if on or not (branch or muscle) else 0.45,
        )

    if branch and muscle:
        title = f"{branch} branch  +  {muscle}"
    elif branch:
        title = f"{branch} branch: {len(branch_muscles)} muscle(s)"
    elif muscle:
        title = f"{muscle}: " + " + ".join(inn.records[muscle].branches)
    else:
        title = "Muscles (numbers on the face)"
    art.title.set_text(title)


@styled
def build_face(innervation: Innervation) -> tuple[Figure, FaceArtists]:
    """Build the face-map figure (face on the right, numbered key on the left); one layout for figure and view."""
    fig, ax = new_figure(FACE_MAP_CAPTION, width_in=8.6, height_in=6.4, layout=None)
    ax.set_position([0.30, 0.01, 0.69, 0.98])
    key_ax = fig.add_axes([0.01, 0.02, 0.29, 0.96])
    return fig, draw_face(ax, key_ax, innervation)


@validated(highlight_branch=_HIGHLIGHT_BRANCH, highlight_muscle=_HIGHLIGHT_MUSCLE)
def face_map(
    innervation: Innervation, highlight_branch: str | None = None, highlight_muscle: str | None = None
) -> Figure:
    """Draw the schematic face with its muscles and the facial-nerve branches.

    ``innervation`` is who serves whom (:func:`hfs_edu.models.anatomy.innervation`); the
    highlights are e.g. ``"zygomatic"`` and ``"orbicularis oculi"``.

    {parameters}

    Returns
    -------
    matplotlib.figure.Figure
        With ``fig.hfs_caption`` and ``fig.hfs_face`` (the :class:`FaceArtists`).
    """
    if not isinstance(innervation, Innervation):
        raise TypeError(
            f"innervation must be an Innervation from anatomy.innervation(), got {type(innervation).__name__}"
        )
    _canon("highlight_branch", highlight_branch, innervation.branches())  # validate before drawing anything
    _canon("highlight_muscle", highlight_muscle, innervation.muscles)
    fig, art = build_face(innervation)
    style_face(art, highlight_branch, highlight_muscle)
    fig.hfs_face = art
    return fig


# -- the course of the nerve -------------------------------------------------------------

_SEGMENT_LABELS = {
    "cisternal": "cisternal\n(CP angle)",
    "meatal": "meatal\n(IAC)",
    "labyrinthine": "labyr.",
    "geniculate": "gen.",
    "tympanic": "tympanic",
    "mastoid": "mastoid",
    "extratemporal": "extratemporal\n(parotid)",
}
_REGION_COLORS = {
    "intracranial": OKABE_ITO["sky_blue"],
    "intratemporal": "#CCCCCC",
    "extracranial": OKABE_ITO["orange"],
}


def _mm(x: float) -> str:
    """A length rounded for reading: one decimal below 10 mm, whole millimetres above."""
    return f"{x:.1f}".rstrip("0").rstrip(".") if x < 10 else f"{x:.0f}"


def _fact(facts: pd.DataFrame, fact_id: str) -> tuple[float, str]:
    rows = facts[facts["fact_id"] == fact_id]
    if rows.empty:
        raise ValueError(f"facts has no row with fact_id={fact_id!r}; it is needed for the REZ inset")
    row = rows.iloc[0]
    value = row["value"] if pd.notna(row["value"]) else (row["value_low"] + row["value_high"]) / 2
    return float(value), str(row["source_key"])


def _draw_rez_inset(ax: Axes, facts: pd.DataFrame) -> None:
    """The root exit zone enlarged (schematic): exit point, attached segment, detachment point, transition zone."""
    attached, k_att = _fact(facts, "tz_start_from_rexp")
    tz, k_tz = _fact(facts, "tz_length")
    medial, k_med = _fact(facts, "medial_rez_length")
    ax.set_xlim(-1.5, attached + tz + 6)
    ax.set_ylim(-3.2, 3.4)
    ax.axis("off")
    ax.add_patch(Rectangle((-1.5, -3.2), 1.5 + attached - medial, 1.7, facecolor="#DDDDDD", edgecolor="none"))
    ax.text(0.0, -2.9, "pons (brainstem surface)", fontsize=8.5, color="#444444", va="bottom")
    rdp = attached - medial  # where the root leaves the pons surface
    ax.plot([0, rdp], [-1.2, -1.2], color=OKABE_ITO["sky_blue"], lw=9, solid_capstyle="butt")
    ax.plot([rdp, attached], [-1.2, 0.2], color=OKABE_ITO["sky_blue"], lw=9, solid_capstyle="butt")
    ax.plot([attached, attached + tz], [0.2, 0.2], color=OKABE_ITO["yellow"], lw=9, solid_capstyle="butt")
    ax.plot(
        [attached + tz, attached + tz + 5],
        [0.2, 0.2],
        color=OKABE_ITO["bluish_green"],
        lw=9,
        alpha=0.6,
        solid_capstyle="butt",
    )
    for x, y, label in ((0, -1.2, "root exit\npoint (RExP)"), (rdp, -1.2, "detachment\npoint (RDP)")):
        ax.plot(x, y, marker="o", color="black", markersize=5)
        ax.text(x, y + 0.45, label, fontsize=8.5, ha="center", va="bottom")
    ax.text(attached + tz / 2, 0.75, "transition\nzone", fontsize=8.5, ha="center", va="bottom", color="#6b5e00")
    ax.text(
        attached + tz + 2.5,
        0.75,
        "peripheral\nmyelin",
        fontsize=8.5,
        ha="center",
        va="bottom",
        color=OKABE_ITO["bluish_green"],
    )
    ax.annotate("", xy=(0, 2.3), xytext=(attached, 2.3), arrowprops=dict(arrowstyle="<->", lw=1.2))
    ax.text(
        attached / 2,
        2.45,
        f"central myelin (the whole REZ): about {_mm(attached)} mm from the RExP [{k_att}]",
        fontsize=8.5,
        ha="center",
        va="bottom",
    )
    ax.annotate("", xy=(rdp, 1.4), xytext=(attached, 1.4), arrowprops=dict(arrowstyle="<->", lw=1.0, color="#555555"))
    ax.text(
        (rdp + attached) / 2,
        1.5,
        f"medial REZ {_mm(medial)} mm [{k_med}]",
        fontsize=8,
        ha="center",
        va="bottom",
        color="#555555",
    )
    ax.text(attached + tz / 2, -0.3, f"{_mm(tz)} mm [{k_tz}]", fontsize=8, ha="center", va="top", color="#6b5e00")
    ax.set_title("The root exit zone enlarged (schematic, not to scale)", fontsize=9.5, loc="left")


@styled
def nerve_course_diagram(segments: pd.DataFrame, facts: pd.DataFrame) -> Figure:
    """Draw the facial nerve from the pons to the parotid to scale, and the root exit zone enlarged.

    Each segment is a bar whose length is the midpoint of the shortest and longest typical
    length reported by the sources (the rounded range is printed under it). The inset shows
    the root exit zone: the root exit point, the segment attached to the pons, the detachment
    point and the transition zone; only its free part is the "medial REZ".

    Parameters
    ----------
    segments : pandas.DataFrame
        :func:`hfs_edu.models.anatomy.segments` (ordered from the nucleus).
    facts : pandas.DataFrame
        :func:`hfs_edu.models.anatomy.facts` (rows ``tz_start_from_rexp``, ``tz_length``, ``medial_rez_length``).
    """
    seg = check_frame(
        "segments", segments, {"segment", "region", "length_mm_low", "length_mm_high", "in_path"}, "anatomy.segments()"
    )
    facts = check_frame(
        "facts", facts, {"fact_id", "value", "value_low", "value_high", "source_key"}, "anatomy.facts()"
    )
    path = seg[seg["in_path"].fillna(False).astype(bool)]
    low, high = float(path["length_mm_low"].sum()), float(path["length_mm_high"].sum())
    rez = seg.loc[seg.segment == "root_exit_zone"].iloc[0]
    rez_lo, rez_hi = float(rez["length_mm_low"]), float(rez["length_mm_high"])
    rez_text = _mm(rez_lo) if _mm(rez_lo) == _mm(rez_hi) else f"{_mm(rez_lo)}-{_mm(rez_hi)}"
    caption = (
        f"The nerve runs about {low:.0f}-{high:.0f} mm from the brainstem to its branches, "
        "about half of it inside bone; "
        f"HFS starts right at the beginning, in the root exit zone: central myelin for about {rez_text} mm "
        "from the root exit point, ending at the transition zone to peripheral myelin."
    )
    fig = new_figure(caption, width_in=10.0, height_in=6.2)[0]
    fig.clf()
    ax_inset, ax = fig.subplots(2, 1, height_ratios=[1.0, 1.15])
    _draw_rez_inset(ax_inset, facts)
    x, y, h = 0.0, 0.0, 1.0
    for _, row in path.iterrows():
        lo, hi = float(row.length_mm_low), float(row.length_mm_high)
        mid = (lo + hi) / 2
        ax.add_patch(Rectangle((x, y), mid, h, facecolor=_REGION_COLORS[str(row.region)], edgecolor="black", lw=1.0))
        name = str(row.segment)
        ax.text(x + mid / 2, y + h + 0.12, _SEGMENT_LABELS.get(name, name), ha="center", va="bottom", fontsize=9.5)
        rng = _mm(lo) if _mm(lo) == _mm(hi) else f"{_mm(lo)}-{_mm(hi)}"
        ax.text(x + mid / 2, y - 0.12, f"{rng}\nmm", ha="center", va="top", fontsize=9)
        x += mid
    ax.add_patch(Ellipse((-3.6, y + h / 2), 5.0, 1.2, facecolor="#DDDDDD", edgecolor="black", lw=1.0))
    ax.text(-3.6, y + h + 0.12, "nucleus\n(pons)", ha="center", va="bottom", fontsize=9.5)
    ax.add_patch(
        Rectangle(
            (0.0, y - 0.06),
            rez_hi,  # to scale: the lateral side's central myelin (student review 2, U04)
            h + 0.12,
            facecolor="none",
            edgecolor="black",
            lw=2.4,
            hatch="xxx",
            zorder=3,
        )
    )
    ax.annotate(
        "root exit zone (enlarged above) - HFS starts here",
        xy=(0.5, y - 0.05),
        xytext=(8, -1.45),
        fontsize=9.5,
        fontweight="bold",
        ha="left",
        arrowprops=dict(arrowstyle="->", color="black", lw=1.2),
    )
    handles = [Patch(facecolor=c, edgecolor="black", label=k) for k, c in _REGION_COLORS.items()]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.36), ncol=3, frameon=False, fontsize=9.5)
    ax.set_xlim(-7, x + 2)
    ax.set_ylim(-2.0, 2.4)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("distance along the nerve from the brainstem (mm; bars drawn at the midpoint of each range)")
    return fig
