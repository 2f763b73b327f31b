"""Chapter 00 figures: hemifacial spasm at a glance, and the map of the course."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Ellipse, FancyArrowPatch, FancyBboxPatch, PathPatch, Polygon
from matplotlib.path import Path as MplPath

from .._params import choice, flag, validated
from .style import OKABE_ITO, new_figure, styled

__all__ = ["hfs_at_a_glance", "course_map", "COURSE_CHAPTERS", "COURSE_LINKS"]

#: The ten chapters: (number, short title, theme). Themes colour the course map.
COURSE_CHAPTERS = [
    ("00", "Start here", "orientation"),
    ("01", "The facial\nnerve", "anatomy"),
    ("02", "Neurovascular\nconflict", "mechanism"),
    ("03", "Cross-talk\nmodel", "mechanism"),
    ("04", "Clinical\npicture", "clinic"),
    ("05", "Epidemiology\n& risk", "clinic"),
    ("06", "Diagnosis", "clinic"),
    ("07", "Drugs &\nbotulinum toxin", "treatment"),
    ("08", "Microvascular\ndecompression", "treatment"),
    ("09", "Virtual\npatient", "synthesis"),
]
#: "a builds on b" links drawn as arrows b → a.
COURSE_LINKS = [
    ("00", "01"),
    ("01", "02"),
    ("02", "03"),
    ("03", "04"),
    ("02", "05"),
    ("04", "05"),
    ("04", "06"),
    ("04", "07"),
    ("06", "08"),
    ("07", "08"),
    ("07", "09"),
    ("08", "09"),
    ("05", "09"),
]
_THEME_COLOURS = {
    "orientation": OKABE_ITO["grey"],
    "anatomy": OKABE_ITO["sky_blue"],
    "mechanism": OKABE_ITO["blue"],
    "clinic": OKABE_ITO["orange"],
    "treatment": OKABE_ITO["bluish_green"],
    "synthesis": OKABE_ITO["reddish_purple"],
}
_POSITIONS = {  # (x, y) of each chapter box on the map
    "00": (0.0, 1.0),
    "01": (1.0, 1.0),
    "02": (2.0, 1.0),
    "03": (3.0, 1.0),
    "04": (4.0, 1.0),
    "05": (4.0, -0.1),
    "06": (5.0, 1.0),
    "07": (5.0, -0.1),
    "08": (6.0, 1.0),
    "09": (7.0, 0.45),
}


_BOX_PAD = 0.02  # the chapter boxes' padding (data units)


def _box_exit(centre: tuple[float, float], towards: tuple[float, float], half_w: float, half_h: float):
    """Where the straight line from a box's centre towards another point leaves the box (its edge)."""
    dx, dy = towards[0] - centre[0], towards[1] - centre[1]
    t = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    return centre[0] + t * dx, centre[1] + t * dy


@styled
@validated(
    highlight=choice(
        tuple(c[0] for c in COURSE_CHAPTERS),
        optional=True,
        doc='Chapter number to outline (e.g. ``"00"``), such as the current chapter.',
    )
)
def course_map(highlight: str | None = None, ready: Iterable[str] | None = None) -> Figure:
    """Draw the course as a map of chapters and how they build on each other.

    Chapters that exist are solid boxes; planned ones have a dashed outline, a pale fill and
    "(coming)" under their title. ``ready`` (iterable of str, optional) lists the numbers of the
    chapters that exist (e.g. ``["00", "01"]``); by default the chapters whose notebook is in
    the course's ``notebooks/`` folder (:func:`hfs_edu.notebook.course_status`).

    {parameters}

    Returns
    -------
    matplotlib.figure.Figure
    """
    numbers = [c[0] for c in COURSE_CHAPTERS]
    if ready is None:
        from ..notebook import course_status  # the notebooks on disk (a thin wrapper; pure logic lives there)

        ready = [c.number for c in course_status() if c.status == "ready"]
    if isinstance(ready, str) or not hasattr(ready, "__iter__"):
        raise TypeError(f"ready must be an iterable of chapter numbers like ['00', '01'], got {type(ready).__name__}")
    ready = list(ready)
    unknown = [r for r in ready if r not in numbers]
    if unknown:
        raise ValueError(f"ready={unknown!r} are not chapter numbers; allowed: {', '.join(numbers)}")
    caption = (
        "Each chapter builds on the ones with arrows into it: anatomy and mechanism first, then the clinic, "
        "then treatment, all combined in the virtual patient."
    )
    if len(ready) < len(numbers):
        caption += " Dashed boxes marked (coming) are chapters still being written."
    fig, ax = new_figure(caption, width_in=10.0, height_in=3.6)
    w, h = 0.82, 0.6
    boxes = {}
    for num, title, theme in COURSE_CHAPTERS:
        x, y = _POSITIONS[num]
        exists = num in ready
        lw = 3.0 if num == highlight else 1.0
        box = FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle=f"round,pad={_BOX_PAD},rounding_size=0.08",
            facecolor=to_rgba(_THEME_COLOURS[theme], 0.35 if exists else 0.15),
            edgecolor="black" if exists else "#555555",
            linewidth=lw,
            linestyle="-" if exists else (0, (4, 3)),
        )
        ax.add_patch(box)
        boxes[num] = box
        colour = "black" if exists else "#444444"
        ax.text(x, y + 0.17, num, ha="center", va="center", fontsize=11, fontweight="bold", color=colour)
        ax.text(x, y - 0.06, title, ha="center", va="center", fontsize=8.5, linespacing=1.1, color=colour)
        if not exists:
            ax.text(x, y - 0.245, "(coming)", ha="center", va="center", fontsize=7.5, style="italic", color=colour)
    for src, dst in COURSE_LINKS:
        rad = 0.55 if (src, dst) == ("05", "09") else 0.0  # curve below chapter 07, not through it
        style = dict(
            arrowstyle="-|>",
            mutation_scale=12,
            color="#444444",
            linewidth=1.1,
            shrinkA=2,
            shrinkB=2,
            linestyle="-" if src in ready and dst in ready else (0, (3, 2)),
        )
        if rad:  # a curve: matplotlib clips it to the boxes (a bisection against each box at every draw)
            ax.add_patch(
                FancyArrowPatch(
                    _POSITIONS[src],
                    _POSITIONS[dst],
                    patchA=boxes[src],
                    patchB=boxes[dst],
                    connectionstyle=f"arc3,rad={rad}",
                    **style,
                )
            )
        else:  # a straight arrow starts and ends where it leaves the boxes (computed once, not at every draw)
            a, b = _POSITIONS[src], _POSITIONS[dst]
            ax.add_patch(
                FancyArrowPatch(
                    _box_exit(a, b, w / 2 + _BOX_PAD, h / 2 + _BOX_PAD),
                    _box_exit(b, a, w / 2 + _BOX_PAD, h / 2 + _BOX_PAD),
                    **style,
                )
            )
    handles = [Ellipse((0, 0), 1, 1, facecolor=to_rgba(c, 0.35), edgecolor="black") for c in _THEME_COLOURS.values()]
    labels = list(_THEME_COLOURS)
    if len(ready) < len(numbers):
        handles.append(FancyBboxPatch((0, 0), 1, 1, facecolor="white", edgecolor="#555555", linestyle=(0, (4, 3))))
        labels.append("coming")
    ax.legend(handles, labels, loc="lower left", ncols=2, frameon=False, fontsize=9, bbox_to_anchor=(0.0, 0.0))
    ax.set_xlim(-0.6, 7.6)
    ax.set_ylim(-1.1, 1.45)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


def _face_outline(ax, cx: float) -> None:
    ax.add_patch(Ellipse((cx, 0.0), 2.0, 2.6, facecolor="#F3E3D3", edgecolor="black", linewidth=1.2))


@styled
@validated(show_labels=flag(doc="Label the structures."))
def hfs_at_a_glance(show_labels: bool = True) -> Figure:
    """Two-panel overview: the cause at the brainstem, and the result on the face.

    Left: an artery loop pressing on the facial nerve where it leaves the
    brainstem (root exit zone). Right: a face with spasm on one side (eye
    narrowed, brow raised, mouth corner pulled).

    {parameters}
    """
    fig, (left, right) = new_figure(
        "The cause sits deep in the skull (an artery pressing on the facial nerve where it leaves the "
        "brainstem); the result is on the face (one side twitches: the eye closes, the brow and mouth pull).",
        1,
        2,
        width_in=10.0,
        height_in=4.4,
    )
    # --- left: brainstem, nerve, artery ---------------------------------------------
    left.add_patch(
        FancyBboxPatch(
            (-1.6, -1.6), 1.2, 3.2, boxstyle="round,pad=0.05,rounding_size=0.5", facecolor="#DDDDDD", edgecolor="black"
        )
    )
    nerve_x = np.linspace(-0.4, 2.2, 50)
    nerve_y = 0.15 * np.sin(nerve_x * 1.3)
    left.plot(nerve_x, nerve_y, color=OKABE_ITO["orange"], linewidth=7, solid_capstyle="round")
    left.add_patch(
        Ellipse((-0.25, 0.0), 0.45, 0.42, facecolor="none", edgecolor=OKABE_ITO["black"], linestyle="--", linewidth=1.5)
    )
    t = np.linspace(0, 2 * np.pi, 200)
    loop_x = -0.1 + 0.55 * np.cos(t) * (1 + 0.2 * np.sin(t))
    loop_y = 0.62 + 0.5 * np.sin(t)
    left.plot(loop_x[:150], loop_y[:150], color=OKABE_ITO["vermillion"], linewidth=5)
    left.plot([-0.55, -1.0], [1.05, 1.7], color=OKABE_ITO["vermillion"], linewidth=5)
    for r in (0.18, 0.3):  # pulsation marks
        left.add_patch(
            Circle((-0.2, 0.22), r, facecolor="none", edgecolor=OKABE_ITO["vermillion"], linewidth=1, alpha=0.6)
        )
    if show_labels:
        left.text(-1.0, -1.85, "brainstem (pons)", ha="center", fontsize=9)
        left.annotate(
            "root exit zone:\nmyelin changes type here",
            xy=(-0.25, -0.2),
            xytext=(0.3, -1.3),
            fontsize=9,
            arrowprops=dict(arrowstyle="->"),
        )
        left.text(1.15, 1.35, "artery loop\n(most often AICA)", fontsize=9, color=OKABE_ITO["vermillion"])
        left.text(2.2, -0.45, "facial nerve (VII)\n→ to the face", fontsize=9, ha="right", color="#8a5a00")
    left.set_xlim(-2.0, 2.6)
    left.set_ylim(-2.1, 2.0)
    left.set_aspect("equal")
    left.axis("off")
    left.set_title("Cause: neurovascular conflict", fontsize=11)

    # --- right: face with left-sided spasm (viewer's right) ----------------------------
    _face_outline(right, 0.0)
    # normal side (viewer's left = patient's right)
    right.add_patch(Ellipse((-0.45, 0.3), 0.42, 0.2, facecolor="white", edgecolor="black"))
    right.add_patch(Circle((-0.45, 0.3), 0.07, color="black"))
    right.plot([-0.7, -0.2], [0.6, 0.6], color="black", linewidth=2.5)
    # affected side: eye narrowed, brow raised, mouth corner pulled up-out
    right.add_patch(Ellipse((0.45, 0.3), 0.42, 0.05, facecolor="white", edgecolor="black"))
    right.plot([0.2, 0.72], [0.72, 0.8], color="black", linewidth=2.5)
    mouth = MplPath([(-0.4, -0.6), (0.0, -0.7), (0.42, -0.45)], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
    right.add_patch(PathPatch(mouth, facecolor="none", edgecolor="black", linewidth=2))
    right.add_patch(
        Polygon([(-0.05, 0.15), (0.08, -0.25), (-0.12, -0.25)], closed=True, facecolor="none", edgecolor="black")
    )
    for y0 in (0.3, -0.45, 0.75):  # twitch marks on the affected side
        for dx in (0.0, 0.08):
            right.plot([0.85 + dx, 0.95 + dx], [y0 - 0.05, y0 + 0.05], color=OKABE_ITO["vermillion"], linewidth=1.5)
    if show_labels:
        right.text(0.0, -1.55, "patient's right   |   patient's left (affected)", ha="center", fontsize=9)
        right.annotate(
            "eye squeezes shut", xy=(0.55, 0.3), xytext=(1.2, 0.25), fontsize=9, arrowprops=dict(arrowstyle="->")
        )
        right.annotate(
            "brow may rise at the\nsame time",
            xy=(0.6, 0.8),
            xytext=(1.2, 0.95),
            fontsize=9,
            arrowprops=dict(arrowstyle="->"),
        )
        right.annotate(
            "mouth corner pulled", xy=(0.42, -0.45), xytext=(1.2, -0.6), fontsize=9, arrowprops=dict(arrowstyle="->")
        )
    right.axvline(0.0, ymin=0.15, ymax=0.85, color="#888888", linestyle=":", linewidth=1)
    right.set_xlim(-1.3, 2.4)
    right.set_ylim(-1.8, 1.6)
    right.set_aspect("equal")
    right.axis("off")
    right.set_title("Result: one-sided facial spasm", fontsize=11)
    return fig
