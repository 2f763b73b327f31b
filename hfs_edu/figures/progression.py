"""Figures of the course of hemifacial spasm over months and years (chapter 04).

* :func:`build_progression` / :func:`update_progression` — the chapter's face scrubbed through
  time: the face map of chapter 01 (:func:`hfs_edu.figures.anatomy.draw_face`, reused, not
  redrawn) with each modelled muscle shaded by how much it takes part in the spasms at the
  chosen month (colour **and** hatch, so it reads without colour vision), and beside it the
  spasm rate (awake, with a trigger, asleep) and the tonic share over the course, with a
  cursor at the chosen month. Built once; a view moves the cursor and restyles the patches.
* :func:`progression_figure` — the same figure for one course and one month (static).
* :func:`onset_comparison_figure` — the month each muscle is recruited, typical against
  atypical onset: the typical spasm spreads down the face, the atypical one up.

Figures take :class:`hfs_edu.models.progression.ProgressionCourse` results and an
:class:`hfs_edu.models.anatomy.Innervation`; they never run the model or load a table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from .._params import number, validated
from ..models.anatomy import Innervation
from ..models.progression import ProgressionCourse
from .anatomy import MUSCLE_SHAPES, FaceArtists, draw_face
from .style import OKABE_ITO, new_figure, styled

__all__ = [
    "PROGRESSION_CAPTION",
    "ONSET_COMPARISON_CAPTION",
    "ProgressionArtists",
    "build_progression",
    "involvement_color",
    "onset_comparison_figure",
    "progression_figure",
    "update_progression",
]

PROGRESSION_CAPTION = (
    "The face at the chosen month of the course (the title gives it): shaded muscles are starting to "
    "take part in the spasms, hatched ones (▶) are recruited; cross-hatching and a thick outline mean "
    "that most spasms are now sustained (tonic). The face shows which muscles; panel A how often "
    "(solid: awake at rest; dashed: with a trigger; dotted: asleep, fewer but not none); panel B how "
    "sustained and how much of the hemiface is involved. The spasm spreads muscle by muscle from its "
    "onset site (star); grey muscles are not in the model. A teaching model [TC], not a patient's "
    "forecast."
)
ONSET_COMPARISON_CAPTION = (
    "When each muscle joins the spasm in the model (years after the first spasm): with typical onset "
    "the eye goes first and the spasm spreads down the face to the neck; with atypical onset the mouth "
    "goes first and the spasm spreads up to the eye. Order from the clinical sources where they give "
    "one, otherwise by position on the face [TC]; timing a teaching calibration [TC]."
)

_QUIET = np.array(to_rgb("#F4ECE6"))  # a muscle not (yet) involved
_FULL = np.array(to_rgb(OKABE_ITO["vermillion"]))  # a fully involved muscle
_NOT_MODELLED = "#EEEEEE"
_RECRUITED = 0.5  # hatch from this involvement on (the model's RECRUITED_INVOLVEMENT, restated for drawing)
_MOSTLY_TONIC = 0.5  # cross-hatch recruited muscles once this share of spasms is sustained (a drawing choice)


@validated(level=number(0, 1, doc="How much of the muscle takes part in the spasms (0 quiet ... 1 fully)."))
def involvement_color(level: float = 0.0) -> tuple:
    """RGB colour of a muscle at ``level`` involvement (0 quiet ... 1 fully involved).

    {parameters}
    """
    return tuple(float(x) for x in _QUIET + (_FULL - _QUIET) * float(level))


@dataclass
class ProgressionArtists:
    """The artists :func:`update_progression` changes (everything else is drawn once)."""

    face: FaceArtists
    modelled: tuple
    ax_rate: Axes
    ax_tonic: Axes
    rate: Line2D
    triggered: Line2D
    sleep: Line2D
    tonic: Line2D
    extent: Line2D
    cursors: list = field(default_factory=list)
    dots: list = field(default_factory=list)
    remission: Line2D | None = None
    onset_marker: Line2D | None = None
    status: Text | None = None
    years: float = 10.0

    def dynamic(self, status: bool = True) -> list:
        """Every artist that changes on update, in drawing order (for blitting).

        A view passes ``status=False`` and shows the status line in its readout instead (text is
        the slowest artist to draw); the modelled muscles are redrawn with the numbers over them.
        """
        return [
            *(self.face.muscles[m] for m in self.modelled),
            self.face.badges,
            self.face.digits,
            self.face.key_marker,
            self.onset_marker,
            self.rate,
            self.triggered,
            self.sleep,
            self.tonic,
            self.extent,
            self.remission,
            *self.cursors,
            *self.dots,
            *([self.status] if status else []),
        ]


@styled
@validated(
    years=number(1, 40, unit="years", doc="Length of the time axis."),
    rate_max_per_hour=number(1, 5000, unit="spasms/hour", doc="Top of the spasm-rate axis."),
)
def build_progression(
    innervation: Innervation, modelled: tuple, years: float = 10.0, rate_max_per_hour: float = 500.0
) -> tuple[Figure, ProgressionArtists]:
    """Build the progression figure once: face (left), spasm rate and tonic share (right).

    ``modelled`` is the course's muscles (``ProgressionCourse.muscles``); the other muscles of
    the face map are drawn pale (not in the model).

    {parameters}
    """
    if not isinstance(innervation, Innervation):
        raise TypeError(
            f"innervation must be an Innervation from anatomy.innervation(), got {type(innervation).__name__}"
        )
    modelled = tuple(modelled)
    unknown = [m for m in modelled if m not in innervation.muscles]
    if not modelled or unknown:
        raise ValueError(f"modelled={modelled!r}: every muscle must be one of the face map's {innervation.muscles}")
    fig, face_ax = new_figure(PROGRESSION_CAPTION, width_in=10.0, height_in=5.3, layout=None)
    face_ax.set_position([0.205, 0.0, 0.40, 0.90])
    key_ax = fig.add_axes([0.01, 0.02, 0.19, 0.84])
    face = draw_face(face_ax, key_ax, innervation)
    for name, patch in face.muscles.items():
        if name not in modelled:
            patch.set(facecolor=_NOT_MODELLED, edgecolor="#BBBBBB", linewidth=0.6, hatch=None, alpha=0.8)
            face.keys[name].set_color("#999999")
    for line in face.branches.values():
        line.set(alpha=0.35, linewidth=1.6)
    ax_rate = fig.add_axes([0.665, 0.56, 0.32, 0.33])
    ax_tonic = fig.add_axes([0.665, 0.11, 0.32, 0.33], sharex=ax_rate)
    (triggered,) = ax_rate.plot([], [], color=OKABE_ITO["vermillion"], ls="--", lw=2.0, label="awake, with trigger")
    (rate,) = ax_rate.plot([], [], color="black", lw=2.2, label="awake, at rest")
    (sleep,) = ax_rate.plot([], [], color=OKABE_ITO["blue"], ls=":", lw=2.4, label="asleep")
    (remission,) = ax_rate.plot([], [], color=OKABE_ITO["bluish_green"], lw=1.5, ls=(0, (1, 1)))
    ax_rate.set(xlim=(0, years), ylim=(0, rate_max_per_hour), ylabel="spasms per hour")
    ax_rate.set_title("A  How often", loc="left", fontsize=11)
    ax_rate.legend(loc="upper left", fontsize=8.5, frameon=False)
    ax_rate.tick_params(labelbottom=False)
    (tonic,) = ax_tonic.plot([], [], color=OKABE_ITO["reddish_purple"], lw=2.2, label="tonic share of spasms")
    (extent,) = ax_tonic.plot([], [], color=OKABE_ITO["bluish_green"], lw=2.0, ls="-.", label="hemiface involved")
    ax_tonic.set(xlim=(0, years), ylim=(0, 100), ylabel="%", xlabel="years since the first spasm")
    ax_tonic.set_title("B  How widely and how sustained", loc="left", fontsize=11)
    ax_tonic.legend(loc="upper left", fontsize=8.5, frameon=False)
    cursors = [ax.axvline(0, color="#555555", lw=1.2) for ax in (ax_rate, ax_tonic)]
    dots = [
        ax_rate.plot([], [], "o", color="black", ms=6)[0],
        ax_tonic.plot([], [], "s", color=OKABE_ITO["reddish_purple"], ms=6)[0],
    ]
    status = fig.text(0.01, 0.965, "", fontsize=11, fontweight="bold", va="top")
    face.title.set_text("Muscles (▶ = in the spasm)")
    (onset_marker,) = face_ax.plot(
        [], [], marker="*", ms=17, ls="none", color=OKABE_ITO["yellow"], markeredgecolor="black", zorder=10
    )
    face_ax.plot([-1.17], [-1.95], marker="*", ms=13, ls="none", color=OKABE_ITO["yellow"], markeredgecolor="black")
    face_ax.text(-1.10, -1.95, "where the\nspasm began", fontsize=8, va="center")
    art = ProgressionArtists(
        face=face,
        modelled=modelled,
        ax_rate=ax_rate,
        ax_tonic=ax_tonic,
        rate=rate,
        triggered=triggered,
        sleep=sleep,
        tonic=tonic,
        extent=extent,
        cursors=cursors,
        dots=dots,
        remission=remission,
        onset_marker=onset_marker,
        status=status,
        years=float(years),
    )
    return fig, art


def _when(month: int) -> str:
    if month < 24:
        return f"month {month}"
    return f"month {month} ({month / 12:.1f} years)"


@validated(month=number(0, 480, unit="months", doc="Months since the first spasm (the cursor)."))
def update_progression(art: ProgressionArtists, course: ProgressionCourse, month: float = 0.0) -> None:
    """Show ``course`` with the cursor at ``month`` (restyles existing artists; draws nothing new).

    {parameters}
    """
    if not isinstance(art, ProgressionArtists):
        raise TypeError(f"art must be the ProgressionArtists of build_progression, got {type(art).__name__}")
    if not isinstance(course, ProgressionCourse):
        raise TypeError(f"course must be a ProgressionCourse from simulate_course(), got {type(course).__name__}")
    i = int(min(round(month), course.time_months.size - 1))
    years = course.time_months / 12.0
    art.rate.set_data(years, course.spasm_rate_per_hour)
    art.triggered.set_data(years, course.triggered_rate_per_hour)
    art.triggered.set_visible(course.trigger_multiplier > 1.0)
    art.sleep.set_data(years, course.sleep_rate_per_hour)
    art.tonic.set_data(years, 100 * course.tonic_fraction)
    art.extent.set_data(years, 100 * course.extent)
    rem = course.remission_months
    art.remission.set_data(([rem / 12] * 2, [0, art.ax_rate.get_ylim()[1]]) if math.isfinite(rem) else ([], []))
    t = years[i]
    for c in art.cursors:
        c.set_xdata([t, t])
    art.dots[0].set_data([t], [course.spasm_rate_per_hour[i]])
    art.dots[1].set_data([t], [100 * course.tonic_fraction[i]])
    recruited = []
    tonic_now = float(course.tonic_fraction[i])
    for name, level in zip(course.muscles, course.involvement[:, i]):
        patch = art.face.muscles[name]
        deep = MUSCLE_SHAPES[name].get("deep", False)
        on = level >= _RECRUITED
        patch.set(
            facecolor=involvement_color(float(min(max(level, 0.0), 1.0))),
            edgecolor="black" if on else "#8C6D5A",
            linewidth=(1.8 + 2.4 * tonic_now) if on else 0.9,  # thicker as more spasms are sustained
            hatch=("xx" if tonic_now >= _MOSTLY_TONIC else "//") if on else None,
            alpha=0.95,
            linestyle=(0, (3, 2)) if deep else "solid",
        )
        if on:
            recruited.append(name)
    art.face.key_marker.set_data([0.02] * len(recruited), [art.face.key_y[m] for m in recruited])
    x, y = MUSCLE_SHAPES[course.spread_order[0]]["label_xy"]
    art.onset_marker.set_data([x - 0.13], [y + 0.1])
    if not course.symptomatic:
        status = "No spasm: this contact never makes the fibres fire (in the model)"
    elif math.isfinite(rem) and course.time_months[i] >= rem:
        status = f"{_when(i)}: in remission (the spasm stopped at month {rem:.0f})"
    else:
        status = (
            f"{_when(i)}: {len(recruited)} of {len(course.muscles)} muscles, "
            f"{course.spasm_rate_per_hour[i]:.0f} spasms/h at rest, {100 * course.tonic_fraction[i]:.0f}% tonic"
        )
    art.status.set_text(f"{status} ({course.onset} onset)" if course.symptomatic else status)


@validated(month=number(0, 480, unit="months", doc="Months since the first spasm shown on the face."))
def progression_figure(course: ProgressionCourse, innervation: Innervation, month: float = 24.0) -> Figure:
    """The course of one patient, with the face at ``month`` (static version of the view).

    {parameters}
    """
    if not isinstance(course, ProgressionCourse):
        raise TypeError(f"course must be a ProgressionCourse from simulate_course(), got {type(course).__name__}")
    top = float(max(course.triggered_rate_per_hour.max(), course.spasm_rate_per_hour.max(), 1.0))
    rate_max = float(min(5000.0, 50 * math.ceil(1.1 * top / 50)))
    years = float(max(1.0, course.time_months[-1] / 12.0))
    fig, art = build_progression(innervation, course.muscles, years=years, rate_max_per_hour=rate_max)
    update_progression(art, course, min(month, float(course.time_months[-1])))
    fig.hfs_progression = art
    return fig


@styled
def onset_comparison_figure(typical: ProgressionCourse, atypical: ProgressionCourse) -> Figure:
    """Month of recruitment of each muscle (forehead at the top, neck at the bottom) for both onsets."""
    for name, c in (("typical", typical), ("atypical", atypical)):
        if not isinstance(c, ProgressionCourse):
            raise TypeError(f"{name} must be a ProgressionCourse from simulate_course(), got {type(c).__name__}")
    if typical.muscles != atypical.muscles:
        raise ValueError("typical and atypical must model the same muscles")
    fig, ax = new_figure(ONSET_COMPARISON_CAPTION, width_in=8.0, height_in=4.4)
    y = np.arange(len(typical.muscles))[::-1]
    styles = (
        (typical, "typical onset (eye first)", "o", OKABE_ITO["blue"], "-"),
        (atypical, "atypical onset (mouth first)", "s", OKABE_ITO["vermillion"], "--"),
    )
    for course, label, marker, color, ls in styles:
        months = course.recruitment_months
        order = np.argsort(np.where(np.isfinite(months), months, np.inf))
        ok = [k for k in order if np.isfinite(months[k])]
        ax.plot(months[ok] / 12, y[ok], ls=ls, color=color, lw=1.4, alpha=0.6)
        ax.plot(months[ok] / 12, y[ok], marker, color=color, ms=8, ls="none", label=label)
        first = ok[0]
        ax.annotate(
            "onset",
            (months[first] / 12, y[first]),
            xytext=(6, 6),
            textcoords="offset points",
            fontsize=9,
            color=color,
        )
    ax.set_yticks(y, [f"{m} ({_region(m)})" for m in typical.muscles])
    last = np.nanmax(np.concatenate([typical.recruitment_months, atypical.recruitment_months])) / 12
    ax.set_xlim(-0.2, max(1.0, last * 1.08))
    ax.set_xlabel("years since the first spasm when the muscle joins the spasm (model [TC])")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9, frameon=False)
    ax.grid(axis="x", color="#DDDDDD", lw=0.6)
    return fig


_REGIONS = {
    "frontalis": "forehead",
    "orbicularis oculi": "eye",
    "zygomaticus major": "cheek",
    "buccinator": "cheek",
    "orbicularis oris": "mouth",
    "mentalis": "chin",
    "platysma": "neck",
}


def _region(muscle: str) -> str:
    return _REGIONS.get(muscle, "face")
