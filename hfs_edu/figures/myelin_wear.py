"""The compression model's figures (chapter 02): myelin wear for one patient, and by contact grade.

Figures take model results (:class:`~hfs_edu.models.compression.WearScenario`, the courses of
:func:`~hfs_edu.models.compression.severity_courses`); they never run the model.
:func:`build_myelin_wear` returns the figure and its dynamic artists, used both by the static
:func:`myelin_wear_figure` and by :class:`hfs_edu.widgets.conflict.MyelinWearView`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from .._params import number, validated
from ..models.compression import (
    BP_GRID_MMHG,
    REFERENCE_SBP_MMHG,
    SBP,
    SYMPTOMATIC_INTEGRITY,
    CompressionCourse,
    WearScenario,
)
from .style import OKABE_ITO, new_figure, panels, settle_layout, styled

__all__ = [
    "HORIZON_YEARS",
    "MYELIN_WEAR_CAPTION",
    "WearArtists",
    "build_myelin_wear",
    "draw_myelin_wear",
    "myelin_wear_figure",
    "update_myelin_wear",
    "wear_by_severity_figure",
]

_GREY = OKABE_ITO["grey"]
HORIZON_YEARS = 40.0  # the time axis of the wear figures (years of contact); pass it to the model as horizon_years
MYELIN_WEAR_CAPTION = (
    "Harder pressing, more years and higher blood pressure all lower myelin integrity; a vessel "
    "that only touches lets repair keep up (teaching model, not a prediction)."
)


@dataclass
class WearArtists:
    """The artists of the wear figure that change with the inputs (for blitting)."""

    past: Line2D
    future: Line2D
    reference: Line2D
    now: Line2D
    onset: Line2D
    bp_curve: Line2D
    bp_now: Line2D
    bp_title: Text

    def dynamic(self) -> list:
        return [self.reference, self.future, self.past, self.onset, self.now, self.bp_curve, self.bp_now, self.bp_title]


@styled
def draw_myelin_wear(ax_time: Axes, ax_bp: Axes) -> WearArtists:
    """Draw the static parts of the wear figure into two axes and return its (still empty) dynamic artists.

    Parameters
    ----------
    ax_time, ax_bp : matplotlib.axes.Axes
        Axes for integrity over years and for integrity against systolic blood pressure.
    """
    for name, ax in (("ax_time", ax_time), ("ax_bp", ax_bp)):
        if not isinstance(ax, Axes):
            raise TypeError(f"{name} must be a matplotlib Axes, got {type(ax).__name__} {ax!r}")
    threshold = SYMPTOMATIC_INTEGRITY
    for ax in (ax_time, ax_bp):
        ax.axhspan(0, threshold, color=OKABE_ITO["vermillion"], alpha=0.08, lw=0)
        ax.axhline(threshold, color=OKABE_ITO["vermillion"], lw=1, ls=":")
        ax.set_ylim(-0.03, 1.05)
    ax_time.set_xlim(0, HORIZON_YEARS)
    ax_time.set_xlabel("years since the vessel began to press")
    ax_time.set_ylabel("myelin integrity (model; 1 = healthy)")
    blue = OKABE_ITO["blue"]
    (reference,) = ax_time.plot(
        [], [], color=_GREY, lw=1.6, ls="--", label=f"same contact at {REFERENCE_SBP_MMHG:g} mmHg"
    )
    (future,) = ax_time.plot([], [], color=blue, lw=1.2, ls=(0, (2, 2)), alpha=0.8, label="if the contact continues")
    (past,) = ax_time.plot([], [], color=blue, lw=2.6, label="your settings, so far")
    (onset,) = ax_time.plot(
        [], [], ls="none", marker="v", color=OKABE_ITO["vermillion"], markersize=9, label="symptoms begin (model)"
    )
    (now,) = ax_time.plot([], [], ls="none", marker="o", color=blue, markersize=8, mec="white")
    shade = Rectangle((0, 0), 1, 1, color=OKABE_ITO["vermillion"], alpha=0.15, lw=0)
    ax_time.figure.legend(
        [past, future, reference, onset, shade],
        [
            "your settings, so far",
            "if the contact continues",
            reference.get_label(),
            "symptoms begin",
            "below the symptom threshold [TC]",
        ],
        loc="outside lower center",
        ncols=3,
        fontsize=9,
        frameon=False,
        handlelength=2.2,
        columnspacing=1.2,
    )
    ax_bp.set_xlim(BP_GRID_MMHG[0], BP_GRID_MMHG[-1])
    ax_bp.set_xlabel("systolic blood pressure (mmHg)")
    ax_bp.set_ylabel("myelin integrity (model)", fontsize=9)
    ax_bp.axvline(REFERENCE_SBP_MMHG, color=_GREY, lw=1, ls="--")
    (bp_curve,) = ax_bp.plot([], [], color=OKABE_ITO["bluish_green"], lw=2.4)
    (bp_now,) = ax_bp.plot([], [], ls="none", marker="o", color=OKABE_ITO["bluish_green"], markersize=8, mec="white")
    bp_title = ax_bp.text(0.0, 1.03, "", transform=ax_bp.transAxes, fontsize=9, va="bottom")
    ax_time.set_title("Myelin integrity over years of contact", fontsize=10, loc="left")
    return WearArtists(past, future, reference, now, onset, bp_curve, bp_now, bp_title)


def update_myelin_wear(art: WearArtists, scen: WearScenario) -> None:
    """Set the dynamic artists of ``art`` (from :func:`draw_myelin_wear`) to show ``scen`` (from
    :func:`hfs_edu.models.compression.wear_scenario`); no new artists are created."""
    if not isinstance(art, WearArtists):
        raise TypeError(f"art must be WearArtists from draw_myelin_wear(), got {type(art).__name__} {art!r}")
    if not isinstance(scen, WearScenario):
        raise TypeError(f"scen must be a WearScenario from wear_scenario(), got {type(scen).__name__} {scen!r}")
    t, y = scen.time_years, scen.integrity
    i = int(np.searchsorted(t, scen.years + 1e-9))  # points t[:i] lie at or before ``years``
    art.past.set_data(t[:i], y[:i])
    art.future.set_data(t[max(i - 1, 0) :], y[max(i - 1, 0) :])
    art.reference.set_data(t, scen.reference_integrity)
    art.now.set_data([scen.years], [scen.integrity_now])
    onset = scen.onset_years
    art.onset.set_data(([onset], [scen.threshold]) if math.isfinite(onset) else ([], []))
    art.bp_curve.set_data(BP_GRID_MMHG, scen.bp_integrity)
    art.bp_now.set_data([scen.systolic_bp_mmhg], [scen.integrity_now])
    art.bp_title.set_text(f"Integrity after {scen.years:g} years, by blood pressure")


@styled
def build_myelin_wear() -> tuple[Figure, WearArtists]:
    """Build the two-panel wear figure (integrity over years, and against blood pressure) with empty curves.

    Returns the figure (layout not yet settled) and its :class:`WearArtists`; fill them with
    :func:`update_myelin_wear`.
    """
    fig, (ax_time, ax_bp) = panels(MYELIN_WEAR_CAPTION, (1.7, 1.0), 9.4, 4.4)
    return fig, draw_myelin_wear(ax_time, ax_bp)


@styled
def myelin_wear_figure(scenario: WearScenario) -> Figure:
    """The compression model for one patient: integrity over years (left) and against blood pressure (right).

    ``scenario`` comes from :func:`hfs_edu.models.compression.wear_scenario`.
    """
    if not isinstance(scenario, WearScenario):
        raise TypeError(f"scenario must be a WearScenario from wear_scenario(), got {type(scenario).__name__}")
    fig, art = build_myelin_wear()
    update_myelin_wear(art, scenario)
    return settle_layout(fig)


_CURVE_STYLE = {  # label -> (colour, line style); labels are those of compression.SEVERITY_CURVES
    "touching (mild), artery": (OKABE_ITO["sky_blue"], "-"),
    "indenting (moderate), vein": (OKABE_ITO["bluish_green"], "--"),
    "indenting (moderate), artery": (OKABE_ITO["blue"], "-"),
    "displacing (severe), artery": (OKABE_ITO["reddish_purple"], "-"),
}


@validated(systolic_bp_mmhg=SBP, age_years=number(0, 100, unit="years", doc="Age when the contact began."))
@styled
def wear_by_severity_figure(courses: dict, systolic_bp_mmhg: float, age_years: float) -> Figure:
    """Integrity over the horizon for the contact grades of [S33], by an artery, and for an indenting vein.

    ``courses`` maps each label to its :class:`CompressionCourse`, from
    :func:`hfs_edu.models.compression.severity_courses`; the pressure and start age are those
    the courses were computed for (shown in the title and caption).

    {parameters}

    ``fig.hfs_data["onset_years"]`` maps each curve label to its years until symptoms (nan: none).
    """
    if (
        not isinstance(courses, dict)
        or not courses
        or not all(isinstance(c, CompressionCourse) for c in courses.values())
    ):
        raise TypeError(
            f"courses must be a dict label -> CompressionCourse from severity_courses(), got {type(courses).__name__}"
        )
    fig, ax = new_figure("(caption set below)", width_in=9.2, height_in=3.8)
    draw = {}
    threshold = SYMPTOMATIC_INTEGRITY
    ax.axhspan(0, threshold, color=OKABE_ITO["vermillion"], alpha=0.08, lw=0)
    ax.axhline(threshold, color=OKABE_ITO["vermillion"], lw=1, ls=":")
    for label, c in courses.items():
        colour, ls = _CURVE_STYLE.get(label, (_GREY, "-"))
        ax.plot(c.time_years, c.integrity, color=colour, ls=ls, lw=2.2, label=label)
        if math.isfinite(c.onset_years):
            ax.plot(c.onset_years, threshold, marker="v", color=colour, markersize=8)
        draw[label] = c.onset_years
    ax.text(
        HORIZON_YEARS - 0.5,
        threshold + 0.02,
        "symptom threshold (model [TC])",
        fontsize=9,
        ha="right",
        va="bottom",
        color=OKABE_ITO["vermillion"],
    )
    ax.set_xlim(0, HORIZON_YEARS)
    ax.set_ylim(-0.03, 1.05)
    ax.set_xlabel("years since the vessel began to press")
    ax.set_ylabel("myelin integrity (model; 1 = healthy)")
    ax.set_title(
        f"Systolic pressure {systolic_bp_mmhg:g} mmHg, contact from age {age_years:g}", fontsize=10, loc="left"
    )
    mild = min((v for k, v in draw.items() if "mild" in k), default=math.nan)
    fig.hfs_caption = (
        f"At {systolic_bp_mmhg:g} mmHg, "
        + (
            f"a vessel that only touches the nerve does not wear it out in {HORIZON_YEARS:g} years of the model; "
            if not math.isfinite(mild)
            else "even a touching vessel wears the nerve out here; "
        )
        + "once it indents the nerve, integrity falls within years, faster for an artery than a vein."
    )
    fig.legend(loc="outside right upper", fontsize=9, frameon=False, title="contact (grade of [S33])", title_fontsize=9)
    fig.hfs_data = {"onset_years": draw}
    return settle_layout(fig)
