"""The capstone's figures (chapter 09): one possible future on a timeline, and strategies side by side.

Figures take results of :mod:`hfs_edu.models.virtual_patient` (a :class:`VirtualCourse`, the
DataFrame of :func:`compare_strategies`); they never run the model.
:func:`build_course_timeline` returns the figure and its dynamic artists, used both by the static
:func:`course_timeline_figure` and by :class:`hfs_edu.widgets.virtual_patient.VirtualPatientView`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from .._params import number, validated
from ..models.timeline import GOOD_CONTROL_SEVERITY
from ..models.virtual_patient import DAYS_PER_MONTH, DAYS_PER_YEAR, MAX_YEARS, VirtualCourse
from .style import OKABE_ITO, check_frame, new_figure, settle_layout, styled

__all__ = [
    "COMPARISON_CAPTION",
    "TIMELINE_CAPTION",
    "CourseArtists",
    "build_course_timeline",
    "course_timeline_figure",
    "strategy_comparison_figure",
    "update_course_timeline",
]

TIMELINE_CAPTION = (
    "One possible future: the dashed line is the spasm untreated, the solid line with the plan; "
    "below it, what was done and what it cost (side effects, complications). Another seed gives "
    "another future (teaching model [TC], not a prediction)."
)
COMPARISON_CAPTION = (
    "Strategies side by side for the same patient and the same possible futures: months with good "
    "control (bars; whiskers the lowest and highest future), months with side effects, and the risk "
    "of permanent harm taken with the choice (teaching model [TC])."
)
_LANES = ("botulinum", "oral drug", "side effects", "operation")
_LANE_COLOUR = {
    "botulinum": OKABE_ITO["bluish_green"],
    "oral drug": OKABE_ITO["orange"],
    "side effects": OKABE_ITO["reddish_purple"],
    "operation": OKABE_ITO["vermillion"],
}


@dataclass
class CourseArtists:
    """The artists of the timeline figure that change with the course (for blitting)."""

    untreated: Line2D
    severity: Line2D
    decision: Line2D
    injections: Line2D
    operation: Line2D
    bars: LineCollection
    title: Text

    def dynamic(self) -> list:
        return [self.untreated, self.severity, self.decision, self.injections, self.operation, self.bars]


@validated(years=number(0.5, MAX_YEARS, unit="years", doc="Length of the time axis."))
@styled
def build_course_timeline(years: float = 3.0) -> tuple[Figure, CourseArtists]:
    """Build the two-row timeline figure (severity over months; treatments and harms) with empty artists.

    {parameters}
    """
    fig, (ax, lanes) = new_figure(TIMELINE_CAPTION, 2, 1, width_in=8.0, height_in=4.3)
    ax.get_gridspec().set_height_ratios([2.3, 1.0])
    months = years * DAYS_PER_YEAR / DAYS_PER_MONTH
    for a in (ax, lanes):
        a.set_xlim(0, months)
    ax.sharex(lanes)
    ax.axhspan(0, GOOD_CONTROL_SEVERITY, color=OKABE_ITO["bluish_green"], alpha=0.12, lw=0)
    ax.axhline(GOOD_CONTROL_SEVERITY, color=OKABE_ITO["bluish_green"], lw=1, ls=":")
    ax.text(
        0.995,
        GOOD_CONTROL_SEVERITY / 2,
        "good control [TC]",
        transform=ax.get_yaxis_transform(),
        ha="right",
        va="center",
        fontsize=9,
        color="#1b5e4a",
    )
    ax.set_ylim(0, 1.02)
    ax.set_ylabel("spasm severity\n(0 none, 1 worst; model)")
    ax.tick_params(labelbottom=False)
    (untreated,) = ax.plot([], [], color=OKABE_ITO["grey"], lw=1.8, ls="--", label="untreated")
    (severity,) = ax.plot([], [], color=OKABE_ITO["blue"], lw=2.2, label="with the plan")
    (decision,) = ax.plot([], [], color="black", lw=1, ls="-.", label="decision point")
    ax.legend(loc="upper left", fontsize=9, frameon=False, ncols=3)
    title = ax.set_title("One possible future (months from the first decision)", fontsize=10, loc="left")
    lanes.set_ylim(-0.6, len(_LANES) - 0.4)
    lanes.set_yticks(range(len(_LANES)), _LANES, fontsize=9)
    lanes.invert_yaxis()
    lanes.set_xlabel("months from the first decision")
    for i in range(len(_LANES)):
        lanes.axhline(i, color="#dddddd", lw=0.8, zorder=0)
    (injections,) = lanes.plot(
        [], [], ls="none", marker="v", markersize=7, color=_LANE_COLOUR["botulinum"], mec="white"
    )
    (operation,) = lanes.plot([], [], ls="none", marker="D", markersize=8, color=_LANE_COLOUR["operation"], mec="white")
    bars = LineCollection([], linewidths=7, capstyle="butt")
    lanes.add_collection(bars)
    proxies = [
        Line2D([], [], ls="none", marker="v", color=_LANE_COLOUR["botulinum"], markersize=7),
        Line2D([], [], ls="none", marker="D", color=_LANE_COLOUR["operation"], markersize=7),
        Line2D([], [], color=_LANE_COLOUR["side effects"], lw=6),
        Line2D([], [], color=_LANE_COLOUR["operation"], lw=6),
        Line2D([], [], color="black", lw=6),
    ]
    fig.legend(
        proxies,
        ["injection", "operation", "side effect", "complication (transient)", "permanent"],
        loc="outside lower center",
        ncols=5,
        fontsize=9,
        frameon=False,
        handlelength=1.6,
    )
    return fig, CourseArtists(untreated, severity, decision, injections, operation, bars, title)


def update_course_timeline(art: CourseArtists, course: VirtualCourse) -> None:
    """Set the dynamic artists of ``art`` (from :func:`build_course_timeline`) to ``course``."""
    if not isinstance(art, CourseArtists):
        raise TypeError(f"art must be CourseArtists from build_course_timeline(), got {type(art).__name__}")
    if not isinstance(course, VirtualCourse):
        raise TypeError(f"course must be a VirtualCourse from simulate(), got {type(course).__name__}")
    tl = course.timeline
    m = tl.time_months
    k = max(1, m.size // 400)  # ~400 points are plenty for the figure's width (keeps the last point)
    sel = np.r_[np.arange(0, m.size - 1, k), m.size - 1]
    art.untreated.set_data(m[sel], tl.untreated[sel])
    art.severity.set_data(m[sel], tl.severity[sel])
    phases = course.strategy.phases
    if len(phases) > 1:
        x = phases[1][1] * DAYS_PER_YEAR / DAYS_PER_MONTH
        art.decision.set_data([x, x], [0, 1.02])
    else:
        art.decision.set_data([], [])
    events = tl.history.events
    inj = [e.day / DAYS_PER_MONTH for e in events if e.kind == "injection"]
    ops = [e.day / DAYS_PER_MONTH for e in events if e.kind == "operation"]
    art.injections.set_data(inj, [0] * len(inj))
    art.operation.set_data(ops, [3] * len(ops))
    end = m[-1]
    segs, cols = [], []
    for iv in tl.history.intervals:
        lane = {"drug": 1, "side_effect": 2, "complication": 3}[iv.kind]
        a = iv.start_day / DAYS_PER_MONTH
        b = end if math.isnan(iv.end_day) else min(iv.end_day / DAYS_PER_MONTH, end)
        if b <= a:
            b = a + 0.3  # a death or a one-day event stays visible
        y = lane + (0.18 if iv.kind == "complication" else 0.0)
        segs.append([(a, y), (b, y)])
        colour = _LANE_COLOUR[_LANES[lane]]
        cols.append("black" if (iv.kind == "complication" and iv.permanent) else colour)
    art.bars.set_segments(segs)
    art.bars.set_color(cols if cols else ["none"])


@styled
def course_timeline_figure(course: VirtualCourse) -> Figure:
    """One possible future of one virtual patient (from :func:`hfs_edu.models.virtual_patient.simulate`)."""
    if not isinstance(course, VirtualCourse):
        raise TypeError(f"course must be a VirtualCourse from simulate(), got {type(course).__name__}")
    fig, art = build_course_timeline(course.years)
    update_course_timeline(art, course)
    art.title.set_text(f"{course.patient.name}: {course.strategy.label} (possible future {course.seed})")
    return settle_layout(fig)


_COMPARISON_COLUMNS = {
    "strategy",
    "good_control_months",
    "good_control_months_min",
    "good_control_months_max",
    "side_effect_months",
    "risk_permanent_harm",
}


@validated(years=number(0.5, MAX_YEARS, unit="years", doc="The horizon the table was computed for."))
@styled
def strategy_comparison_figure(table: pd.DataFrame, years: float = 3.0) -> Figure:
    """Strategies side by side: good-control months, side-effect months, risk of permanent harm.

    ``table`` comes from :func:`hfs_edu.models.virtual_patient.compare_strategies`.

    {parameters}
    """
    df = check_frame("table", table, _COMPARISON_COLUMNS, "compare_strategies()")
    fig, axes = new_figure(COMPARISON_CAPTION, 1, 3, width_in=10.0, height_in=0.55 * len(df) + 1.6)
    y = np.arange(len(df))
    months = years * DAYS_PER_YEAR / DAYS_PER_MONTH
    good = df["good_control_months"].to_numpy(float)
    err = np.vstack([good - df["good_control_months_min"], df["good_control_months_max"] - good])
    ax = axes[0]
    ax.barh(y, good, color=OKABE_ITO["bluish_green"], xerr=err, capsize=3, error_kw={"lw": 1})
    ax.set_yticks(y, df["strategy"], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, months * 1.02)
    ax.set_xlabel(f"months with good control\n(of {months:.0f})")
    ax = axes[1]
    ax.barh(y, df["side_effect_months"], color=OKABE_ITO["reddish_purple"], hatch="//", edgecolor="white")
    ax.set_yticks(y, [""] * len(df))
    ax.invert_yaxis()
    ax.set_xlabel("months with side effects\n(mean over the futures)")
    ax = axes[2]
    risk = 100 * df["risk_permanent_harm"].to_numpy(float)
    ax.barh(y, risk, color=OKABE_ITO["vermillion"], hatch="xx", edgecolor="white")
    for yi, r in zip(y, risk):
        ax.text(r, yi, f" {r:.1f}%", va="center", fontsize=9)
    ax.set_yticks(y, [""] * len(df))
    ax.invert_yaxis()
    ax.set_xlim(0, max(5.0, risk.max() * 1.5))
    ax.set_xlabel("risk of permanent harm\ntaken (%, model)")
    return settle_layout(fig)
