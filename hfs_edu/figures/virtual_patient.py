"""The capstone's figures (chapter 09): one possible future on the timeline, and strategies side by side.

Figures take results of :mod:`hfs_edu.models.virtual_patient` (a :class:`VirtualCourse`, the
DataFrame of :func:`compare_strategies`); they never run the model. The timeline itself is the
course's one timeline figure (:mod:`hfs_edu.figures.timeline`, chapters 07-09); this module only
groups a course's intervals into a few lanes (:func:`grouped_timeline`: every side effect in one
lane, every complication in one, so that one figure fits every possible future) and adds the
decision point.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .._params import number, validated
from ..models.timeline import Interval, Timeline
from ..models.virtual_patient import DAYS_PER_MONTH, DAYS_PER_YEAR, MAX_YEARS, VirtualCourse
from .style import OKABE_ITO, check_frame, new_figure, settle_layout, styled
from .timeline import TimelineArtists, build_timeline, timeline_figure, timelines_figure, update_timeline

__all__ = [
    "COMPARISON_CAPTION",
    "COURSE_CAPTION",
    "VIEW_LANES",
    "build_course_view",
    "update_course_view",
    "course_note",
    "course_timeline_figure",
    "courses_figure",
    "grouped_timeline",
    "strategy_comparison_figure",
]

COURSE_CAPTION = (
    "One possible future: the dashed line is the spasm untreated, the solid line with the plan; the "
    "lanes above show what was done and what it cost (side effects, complications: hatched). Another "
    "seed gives another future (teaching model [TC], not a prediction)."
)
COMPARISON_CAPTION = (
    "Strategies side by side for the same patient and the same possible futures: months with good "
    "control (bars, with the mean and, in brackets and as whiskers, the lowest and highest future), "
    "months with side effects (whiskers: lowest and highest) and with a complication of the operation "
    "(hatched; the drug's side effects last all or nothing, hence its whisker from 0 to the whole "
    "horizon), the number of injections, and the risk of permanent harm taken with the choice; the "
    "drug's rare serious risks have no number in the model and are named instead (teaching model [TC])."
)
#: The grouped lanes (kind, label) of every virtual course, top to bottom.
VIEW_LANES = (
    ("drug", "oral drug"),
    ("side_effect", "side effects"),
    ("complication", "complication"),
    ("complication", "permanent harm"),
)


def _group(iv: Interval) -> Interval:
    if iv.kind == "drug":
        label = "oral drug"
    elif iv.kind == "side_effect":
        label = "side effects"
    else:
        label = "permanent harm" if iv.permanent else "complication"
    return dataclasses.replace(iv, label=label)


def grouped_timeline(timeline: Timeline) -> Timeline:
    """The same timeline with its intervals relabelled into the :data:`VIEW_LANES` (for drawing only).

    Parameters
    ----------
    timeline : Timeline
        From a :class:`VirtualCourse` (or :func:`hfs_edu.models.timeline.symptom_curve`).
    """
    if not isinstance(timeline, Timeline):
        raise TypeError(f"timeline must be a Timeline (see symptom_curve), got {type(timeline).__name__}")
    h = timeline.history
    return dataclasses.replace(timeline, history=dataclasses.replace(h, intervals=tuple(map(_group, h.intervals))))


def _check_course(course: object) -> VirtualCourse:
    if not isinstance(course, VirtualCourse):
        raise TypeError(f"course must be a VirtualCourse from simulate(), got {type(course).__name__}")
    return course


def course_note(course: VirtualCourse) -> str:
    """The short note drawn on the curve: months with good control (of the horizon).

    Parameters
    ----------
    course : VirtualCourse
    """
    c = _check_course(course)
    return f"good control {c.good_control_months:.0f} of {c.months:.0f} months"


def _decision_line(ax, course: VirtualCourse):
    lo, hi = ax.get_ylim()
    ax.set_ylim(min(lo, -0.04), hi)  # a spasm at 0 (cured) is drawn just above the axis, not on it
    (line,) = ax.plot([], [], color="black", lw=1.0, ls="-.", zorder=2)
    _set_decision(line, course)
    return line


def _set_decision(line, course: VirtualCourse) -> None:
    phases = course.strategy.phases
    x = phases[1][1] * DAYS_PER_YEAR / DAYS_PER_MONTH if len(phases) > 1 else math.nan
    if math.isfinite(x) and x < course.months:
        line.set_data([x, x], [0.0, 1.0])
    else:
        line.set_data([], [])


@styled
def build_course_view(course: VirtualCourse):
    """The view's figure: :func:`~hfs_edu.figures.timeline.build_timeline` with the grouped lanes and a
    decision-point line. Returns ``(fig, timeline_artists, decision_line)``.

    Parameters
    ----------
    course : VirtualCourse
    """
    c = _check_course(course)
    fig, art = build_timeline(
        grouped_timeline(c.timeline), caption=COURSE_CAPTION, lanes=VIEW_LANES, note=course_note(c), width_in=8.6
    )
    return fig, art, _decision_line(art.curve_ax, c)


def update_course_view(art: TimelineArtists, line: Line2D, course: VirtualCourse) -> None:
    """Move the artists of :func:`build_course_view` to another course of the same horizon.

    Parameters
    ----------
    art : TimelineArtists
    line : Line2D
        The decision-point line.
    course : VirtualCourse
    """
    c = _check_course(course)
    if not isinstance(line, Line2D):
        raise TypeError(f"line must be the decision Line2D from build_course_view(), got {type(line).__name__}")
    update_timeline(art, grouped_timeline(c.timeline), note=course_note(c))
    _set_decision(line, c)


def course_timeline_figure(course: VirtualCourse) -> Figure:
    """One possible future of one virtual patient (from :func:`hfs_edu.models.virtual_patient.simulate`).

    Parameters
    ----------
    course : VirtualCourse
    """
    c = _check_course(course)
    fig = timeline_figure(
        grouped_timeline(c.timeline),
        title=f"{c.patient.name}: {c.strategy.label} (possible future {c.seed})",
        caption=COURSE_CAPTION,
        note=course_note(c),
    )
    _decision_line(fig.hfs_data["artists"].curve_ax, c)
    return fig


def courses_figure(courses: Sequence[VirtualCourse]) -> Figure:
    """Several strategies for one patient stacked on one time axis (the same possible future).

    Parameters
    ----------
    courses : sequence of VirtualCourse
        1-5 courses of the same horizon, top to bottom.
    """
    if isinstance(courses, (str, bytes, VirtualCourse)) or not hasattr(courses, "__iter__"):
        raise TypeError(f"courses must be a sequence of VirtualCourse, got {type(courses).__name__}")
    cs = [_check_course(c) for c in courses]
    if not cs:
        raise ValueError("courses is empty; allowed: 1 to 5 VirtualCourse records")
    fig = timelines_figure(
        [(c.strategy.label, grouped_timeline(c.timeline)) for c in cs],
        title=f"{cs[0].patient.name}: the same possible future (seed {cs[0].seed}) under {len(cs)} plans",
        notes=[course_note(c) for c in cs],
    )
    for art, c in zip(fig.hfs_data["artists"], cs):
        _decision_line(art.curve_ax, c)
    return fig


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
    fig, axes = new_figure(COMPARISON_CAPTION, 1, 3, width_in=10.0, height_in=0.55 * len(df) + 1.9)
    if "patient" in df:
        fig.suptitle(f"{df['patient'].iloc[0]}: {len(df)} plans over the same possible futures", fontsize=11)
    y = np.arange(len(df))
    months = years * DAYS_PER_YEAR / DAYS_PER_MONTH
    good = df["good_control_months"].to_numpy(float)
    lo, hi = df["good_control_months_min"].to_numpy(float), df["good_control_months_max"].to_numpy(float)
    ax = axes[0]
    ax.barh(
        y,
        good,
        color=OKABE_ITO["bluish_green"],
        xerr=np.vstack([good - lo, hi - good]),
        capsize=3,
        error_kw={"lw": 1, "clip_on": False, "zorder": 3},
    )
    for yi, g, a, b in zip(y, good, lo, hi):
        ax.text(months * 1.03, yi, f"{g:.1f} ({a:.0f}-{b:.0f})", va="center", fontsize=8)
    ax.set_yticks(y, df["strategy"], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(-0.6, months * 1.45)
    ax.set_xticks([t for t in (0, 12, 24, 36, 48, 60, 72, 84, 96) if t <= months + 0.5])
    ax.set_xlabel(f"months with good control\n(of {months:.0f}; mean, lowest-highest)")
    ax = axes[1]
    side = df["side_effect_months"].to_numpy(float)
    kw = {}
    if {"side_effect_months_min", "side_effect_months_max"} <= set(df.columns):
        s_lo, s_hi = df["side_effect_months_min"].to_numpy(float), df["side_effect_months_max"].to_numpy(float)
        kw = {"xerr": np.vstack([side - s_lo, s_hi - side]), "capsize": 3, "error_kw": {"lw": 1, "clip_on": False}}
    ax.barh(y, side, color=OKABE_ITO["reddish_purple"], label="side effects", **kw)
    comp = df["complication_months"].to_numpy(float) if "complication_months" in df else np.zeros(len(df))
    ax.barh(y, comp, left=side, color=OKABE_ITO["orange"], hatch="//", edgecolor="white", label="complication")
    top = max(1.0, float(np.nanmax(kw["xerr"][1] + side)) if kw else float(np.nanmax(side + comp)))
    if "injections" in df:
        for yi, n in zip(y, df["injections"].to_numpy(float)):
            if n > 0:
                ax.text(top * 1.04, yi, f"{n:.0f} injections", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.55)
    ax.set_yticks(y, [""] * len(df))
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="upper right", frameon=False)
    ax.set_xlabel("months with side effects or a\nsurgical complication (mean)")
    ax = axes[2]
    risk = 100 * df["risk_permanent_harm"].to_numpy(float)
    drug = (
        df["serious_risks_not_modelled"].astype(bool).to_numpy()
        if "serious_risks_not_modelled" in df
        else [False] * len(df)
    )
    ax.barh(y, risk, color=OKABE_ITO["vermillion"], hatch="xx", edgecolor="white")
    for yi, r, d in zip(y, risk, drug):
        ax.text(
            r, yi, f" {r:.1f}%" if r > 0 or not d else " rare, serious\n (drug; not modelled)", va="center", fontsize=8
        )
    ax.set_yticks(y, [""] * len(df))
    ax.invert_yaxis()
    ax.set_xlim(0, max(6.0, risk.max() * 1.8))
    ax.set_xlabel("risk of permanent harm\ntaken (%, model)")
    return settle_layout(fig)
