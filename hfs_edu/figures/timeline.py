"""The treatment timeline (chapters 07-09): what was done when, and the symptom curve under it.

One figure for every treatment history built with :mod:`hfs_edu.models.timeline`:

* an upper band of **lanes**: the events as markers in the first lane (injections ▼, drug
  started ▶ / stopped ◀, operation ★) and every interval (a drug course, a side effect, a
  complication) as a bar in its own lane, labelled at the left (an open-ended interval runs
  to the end of the axis; a permanent complication is hatched);
* below it the **symptom curve**: severity 0-1 (0 = no spasm, 1 = worst), the untreated
  course dashed, the treated course solid, and the "good control" threshold as a dotted line.

:func:`build_timeline` returns the figure and a :class:`TimelineArtists` whose artists
:func:`update_timeline` changes in place (the chapter 07 planner does this on every slider
move); :func:`timeline_figure` is the one-call form; :func:`timelines_figure` stacks several
timelines on one shared time axis to compare strategies (chapter 09).

The figure runs no model: pass a :class:`~hfs_edu.models.timeline.Timeline` (from
``symptom_curve``) and, optionally, a ``note`` such as the good-control days computed by
``good_control_days``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from .._params import choice, number, text, validated
from ..models.timeline import EVENT_KINDS, GOOD_CONTROL_SEVERITY, Timeline
from .style import OKABE_ITO, new_figure, styled

__all__ = [
    "EVENT_STYLE",
    "TIMELINE_CAPTION",
    "TimelineArtists",
    "build_timeline",
    "lanes_of",
    "timeline_figure",
    "timelines_figure",
    "update_timeline",
]

_DAYS_PER_MONTH = 30.44
#: Marker, colour and legend label of each event kind.
EVENT_STYLE = {
    "injection": ("v", OKABE_ITO["blue"], "botulinum injection"),
    "drug_start": (">", OKABE_ITO["bluish_green"], "drug started"),
    "drug_stop": ("<", OKABE_ITO["bluish_green"], "drug stopped"),
    "operation": ("*", OKABE_ITO["vermillion"], "operation (MVD)"),
}
_INTERVAL_COLOUR = {
    "drug": OKABE_ITO["bluish_green"],
    "side_effect": OKABE_ITO["orange"],
    "complication": OKABE_ITO["reddish_purple"],
}
_EVENTS_LANE = ("events", "treatments")
TIMELINE_CAPTION = (
    "Top: what was done and when (markers) and what lasted (bars: drug courses, side effects, complications). "
    "Bottom: symptom severity (0 = no spasm, 1 = worst); the dashed line is the untreated course, the solid line "
    "the treated one, and time below the dotted line counts as good control [TC]."
)
_UNIT = choice(("months", "days"), doc="Unit of the time axis.")
_THRESHOLD = number(
    0,
    1,
    optional=True,
    doc="Severity drawn as the 'good control' line; None: no line (the model's default is 0.25, TC).",
)


def _label(text_: str) -> str:
    return text_.replace("_", " ")


def _check_timeline(name: str, timeline: object) -> Timeline:
    if not isinstance(timeline, Timeline):
        raise TypeError(
            f"{name} must be a Timeline (see hfs_edu.models.timeline.symptom_curve), got {type(timeline).__name__}"
        )
    return timeline


def lanes_of(timeline: Timeline) -> tuple:
    """The lanes a timeline needs: ``('events', ...)`` first, then one ``(kind, label)`` per distinct interval.

    Pass a longer tuple to :func:`build_timeline` (e.g. every possible side effect) when the
    figure will be updated with other histories (:func:`update_timeline` needs every interval's lane).

    Parameters
    ----------
    timeline : Timeline
    """
    _check_timeline("timeline", timeline)
    order = {"drug": 0, "side_effect": 1, "complication": 2}
    keys = dict.fromkeys((iv.kind, iv.label) for iv in timeline.history.intervals)
    return (_EVENTS_LANE, *sorted(keys, key=lambda k: (order.get(k[0], 9), k[1])))


@dataclass
class TimelineArtists:
    """The artists of one timeline that :func:`update_timeline` changes in place.

    Attributes
    ----------
    fig : Figure
    lanes_ax, curve_ax : Axes
        The lanes (top) and the symptom curve (bottom).
    lanes : tuple
        ``('events', 'treatments')`` and one ``(kind, label)`` per interval lane, top to bottom.
    events : dict
        Event kind -> Line2D of its markers (one point per event of that kind).
    bars : dict
        Lane ``(kind, label)`` -> PolyCollection of its bars (one rectangle per interval).
    untreated, severity : Line2D
    threshold : Line2D or None
    note : Text
        Free text at the top right of the curve (e.g. the good-control days).
    unit : str
        ``'months'`` or ``'days'``.
    """

    fig: Figure
    lanes_ax: object
    curve_ax: object
    lanes: tuple
    unit: str
    events: dict = field(default_factory=dict)
    bars: dict = field(default_factory=dict)
    untreated: object = None
    severity: object = None
    threshold: object = None
    note: object = None

    def dynamic(self) -> list:
        """Every artist that :func:`update_timeline` may change."""
        return [*self.events.values(), *self.bars.values(), self.untreated, self.severity, self.note]

    def event_counts(self) -> dict:
        """Event kind -> number of markers drawn."""
        return {k: len(line.get_xdata()) for k, line in self.events.items()}

    def bar_counts(self) -> dict:
        """Lane -> number of bars drawn."""
        return {k: len(coll.get_paths()) for k, coll in self.bars.items()}


def _scale(unit: str) -> float:
    return _DAYS_PER_MONTH if unit == "months" else 1.0


def _legend_kinds(kinds) -> tuple:
    if kinds is None:
        return tuple(EVENT_KINDS)
    if isinstance(kinds, (str, bytes)) or not hasattr(kinds, "__iter__"):
        raise TypeError(f"legend_kinds must be a sequence of event kinds or None, got {type(kinds).__name__}")
    out = tuple(kinds)
    bad = [k for k in out if k not in EVENT_KINDS]
    if bad:
        raise ValueError(f"legend_kinds has {bad!r}; allowed: event kinds among {tuple(EVENT_KINDS)}")
    return out


def _draw(
    lanes_ax, curve_ax, fig, tl: Timeline, lanes, unit, threshold, show_legend, legend_kinds=None
) -> TimelineArtists:
    art = TimelineArtists(fig, lanes_ax, curve_ax, tuple(lanes), unit)
    n = len(art.lanes)
    for kind in EVENT_KINDS:
        marker, colour, label = EVENT_STYLE[kind]
        (art.events[kind],) = lanes_ax.plot(
            [],
            [],
            linestyle="none",
            marker=marker,
            markersize=9 if kind != "operation" else 13,
            color=colour,
            markeredgecolor="black",
            markeredgewidth=0.5,
            label=label,
            zorder=4,
            clip_on=False,
        )
    for lane in art.lanes[1:]:
        kind = lane[0]
        colour = _INTERVAL_COLOUR.get(kind, OKABE_ITO["grey"])
        coll = PolyCollection([], facecolors=colour, edgecolors=colour, alpha=0.85, linewidths=0.5, zorder=3)
        if kind == "complication":
            coll.set_hatch("//")
        art.bars[lane] = lanes_ax.add_collection(coll)
    lanes_ax.set_ylim(n - 0.5, -0.5)
    lanes_ax.set_yticks(range(n), [_label(lane[1]) if j else "treatments" for j, lane in enumerate(art.lanes)])
    lanes_ax.tick_params(axis="y", length=0, labelsize=9.5)
    for j in range(n):
        lanes_ax.axhline(j, color="#EEEEEE", linewidth=0.8, zorder=0)
    lanes_ax.spines["left"].set_visible(False)
    lanes_ax.tick_params(axis="x", labelbottom=False)
    if show_legend:
        lanes_ax.legend(
            handles=[art.events[k] for k in _legend_kinds(legend_kinds)],
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=4,
            frameon=False,
            fontsize=9,
            handletextpad=0.3,
            columnspacing=1.0,
            borderaxespad=0.2,
        )
    (art.untreated,) = curve_ax.plot([], [], color=OKABE_ITO["grey"], linestyle="--", linewidth=1.6, label="untreated")
    (art.severity,) = curve_ax.plot([], [], color=OKABE_ITO["blue"], linewidth=2.0, label="with treatment")
    if threshold is not None:
        art.threshold = curve_ax.axhline(
            threshold, color="black", linestyle=":", linewidth=1.2, label=f"good control (≤ {threshold:g}) [TC]"
        )
    curve_ax.set_ylim(0.0, 1.32)  # the band above 1 holds the legend and the note
    curve_ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    curve_ax.axhline(1.0, color="#DDDDDD", linewidth=0.8, zorder=0)
    curve_ax.set_ylabel("severity (0-1)")
    curve_ax.set_xlabel(f"time since the first visit ({unit})")
    art.note = curve_ax.text(
        0.99,
        0.97,
        "",
        transform=curve_ax.transAxes,
        ha="right",
        va="top",
        fontsize=9.5,
        bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1.5),
    )
    if show_legend:
        curve_ax.legend(loc="upper left", fontsize=9, frameon=False, ncols=2, borderaxespad=0.2)
    end = tl.time_days[-1] / _scale(unit)
    for ax in (lanes_ax, curve_ax):
        ax.set_xlim(0.0, max(end, 1e-9))
    if unit == "months":
        step = 3 if end <= 36 else 12
        curve_ax.set_xticks(np.arange(0.0, end + 1e-9, step))
    return art


def _fill(art: TimelineArtists, tl: Timeline, note: str | None) -> None:
    k = _scale(art.unit)
    x = tl.time_days / k
    art.untreated.set_data(x, tl.untreated)
    art.severity.set_data(x, tl.severity)
    for kind, line in art.events.items():
        days = [e.day / k for e in tl.history.events if e.kind == kind]
        line.set_data(days, [0.0] * len(days))
    end = tl.time_days[-1] / k
    verts = {lane: [] for lane in art.bars}
    for iv in tl.history.intervals:
        lane = (iv.kind, iv.label)
        if lane not in art.bars:
            raise ValueError(
                f"timeline has an interval {lane!r} without a lane; allowed lanes: {art.lanes[1:]} "
                "(pass lanes= to build_timeline)"
            )
        x0 = iv.start_day / k
        x1 = end if (math.isnan(iv.end_day) or iv.permanent) else iv.end_day / k
        j = art.lanes.index(lane)
        verts[lane].append([(x0, j - 0.32), (x1, j - 0.32), (x1, j + 0.32), (x0, j + 0.32)])
    for lane, coll in art.bars.items():
        coll.set_verts(verts[lane])
    art.note.set_text(note or "")


def _check_lanes(lanes, tl: Timeline) -> tuple:
    if lanes is None:
        return lanes_of(tl)
    if isinstance(lanes, (str, bytes)) or not hasattr(lanes, "__iter__"):
        raise TypeError(f"lanes must be a sequence of (kind, label) pairs, got {type(lanes).__name__}")
    out = [_EVENTS_LANE]
    for lane in lanes:
        lane = tuple(lane)
        if lane == _EVENTS_LANE:
            continue
        if len(lane) != 2 or not all(isinstance(s, str) for s in lane):
            raise ValueError(f"lanes must hold (kind, label) string pairs, got {lane!r}")
        if lane not in out:
            out.append(lane)
    return tuple(out)


@validated(
    title=text(optional=True, doc="Title above the figure; None: none."),
    caption=text(optional=True, doc="What to notice (also the alt text); None: the generic TIMELINE_CAPTION."),
    unit=_UNIT,
    threshold=_THRESHOLD,
    note=text(optional=True, doc="Text at the top right of the curve (e.g. good-control days); None: none."),
    width_in=number(4, 14, unit="inches", doc="Figure width."),
)
@styled
def build_timeline(
    timeline: Timeline,
    *,
    title: str | None = None,
    caption: str | None = None,
    unit: str = "months",
    threshold: float | None = GOOD_CONTROL_SEVERITY,
    lanes: Sequence | None = None,
    note: str | None = None,
    width_in: float = 9.0,
    legend_kinds: Sequence | None = None,
) -> tuple[Figure, TimelineArtists]:
    """Build the timeline figure of one treatment history; update it with :func:`update_timeline`.

    Parameters
    ----------
    timeline : Timeline
        From :func:`hfs_edu.models.timeline.symptom_curve`.
    lanes : sequence of (kind, label) or None
        Interval lanes, top to bottom (see :func:`lanes_of`); None: those of ``timeline``.
    legend_kinds : sequence of str or None
        Event kinds listed in the legend (e.g. ``("injection",)`` when nothing else can appear);
        None: every kind in :data:`EVENT_STYLE`.
    {parameters}

    Returns
    -------
    (Figure, TimelineArtists)
        ``art.event_counts()`` has one marker per event; ``art.bar_counts()`` one bar per interval.
    """
    tl = _check_timeline("timeline", timeline)
    lanes = _check_lanes(lanes, tl)
    n = len(lanes)
    lanes_h = 0.35 + 0.24 * n
    fig, (lax, cax) = _two_rows(caption or TIMELINE_CAPTION, width_in, lanes_h, bool(title))
    art = _draw(lax, cax, fig, tl, lanes, unit, threshold, show_legend=True, legend_kinds=legend_kinds)
    if title:
        fig.suptitle(title, fontsize=12, x=0.01, y=1 - 0.08 / fig.get_size_inches()[1], ha="left", va="top")
    _fill(art, tl, note)
    return fig, art


_LEFT_IN, _RIGHT_IN, _BOTTOM_IN, _LEGEND_IN, _TITLE_IN = 1.35, 0.2, 0.6, 0.4, 0.35


def _two_rows(caption, width_in, lanes_h, titled):
    """Lanes over the curve with fixed margins (no layout engine: the layout never depends on the data)."""
    curve_h = 2.4
    top = _LEGEND_IN + (_TITLE_IN if titled else 0.0)
    height = top + lanes_h + 0.12 + curve_h + _BOTTOM_IN
    fig, _ = new_figure(caption, 1, 1, width_in=width_in, height_in=height, layout=None)
    fig.delaxes(fig.axes[0])
    gs = fig.add_gridspec(
        2,
        1,
        height_ratios=[lanes_h, curve_h],
        hspace=0.12 / ((lanes_h + curve_h) / 2),
        left=_LEFT_IN / width_in,
        right=1 - _RIGHT_IN / width_in,
        top=1 - top / height,
        bottom=_BOTTOM_IN / height,
    )
    lax = fig.add_subplot(gs[0])
    cax = fig.add_subplot(gs[1], sharex=lax)
    return fig, (lax, cax)


@validated(note=text(optional=True, doc="Text at the top right of the curve; None: none."))
def update_timeline(art: TimelineArtists, timeline: Timeline, note: str | None = None) -> None:
    """Redraw ``art`` in place for another timeline of the same horizon (markers, bars, curves, note).

    Parameters
    ----------
    art : TimelineArtists
        From :func:`build_timeline`.
    timeline : Timeline
        Every interval must have a lane in ``art.lanes``.
    {parameters}
    """
    if not isinstance(art, TimelineArtists):
        raise TypeError(f"art must be TimelineArtists (see build_timeline), got {type(art).__name__}")
    _fill(art, _check_timeline("timeline", timeline), note)


@validated(
    title=text(optional=True, doc="Title above the figure; None: none."),
    caption=text(optional=True, doc="What to notice (also the alt text); None: the generic TIMELINE_CAPTION."),
    unit=_UNIT,
    threshold=_THRESHOLD,
    note=text(optional=True, doc="Text at the top right of the curve; None: none."),
)
def timeline_figure(
    timeline: Timeline,
    *,
    title: str | None = None,
    caption: str | None = None,
    unit: str = "months",
    threshold: float | None = GOOD_CONTROL_SEVERITY,
    note: str | None = None,
) -> Figure:
    """One treatment history as a figure: lanes of events and intervals over the symptom curve.

    Parameters
    ----------
    timeline : Timeline
        From :func:`hfs_edu.models.timeline.symptom_curve`.
    {parameters}

    Returns
    -------
    Figure
        ``fig.hfs_data["artists"]`` is the :class:`TimelineArtists`.
    """
    fig, art = build_timeline(timeline, title=title, caption=caption, unit=unit, threshold=threshold, note=note)
    fig.hfs_data = {"artists": art}
    return fig


@validated(
    title=text(optional=True, doc="Title above the figure; None: none."),
    caption=text(optional=True, doc="What to notice (also the alt text); None: a generic caption."),
    unit=_UNIT,
    threshold=_THRESHOLD,
)
@styled
def timelines_figure(
    timelines: Sequence,
    *,
    title: str | None = None,
    caption: str | None = None,
    unit: str = "months",
    threshold: float | None = GOOD_CONTROL_SEVERITY,
    notes: Sequence | None = None,
    legend_kinds: Sequence | None = None,
) -> Figure:
    """Several strategies stacked on one time axis: for each, its lanes over its symptom curve.

    Parameters
    ----------
    timelines : sequence of (str, Timeline)
        ``(label, timeline)`` pairs, top to bottom (1-5); the label titles each strategy. All
        must share one horizon.
    notes : sequence of str or None
        One note per timeline (e.g. its good-control days); None: none.
    legend_kinds : sequence of str or None
        Event kinds listed in the legend; None: every kind in :data:`EVENT_STYLE`.
    {parameters}

    Returns
    -------
    Figure
        ``fig.hfs_data["artists"]`` lists one :class:`TimelineArtists` per strategy.
    """
    if isinstance(timelines, (str, bytes)) or not hasattr(timelines, "__iter__"):
        raise TypeError(f"timelines must be a sequence of (label, Timeline) pairs, got {type(timelines).__name__}")
    pairs = list(timelines)
    if not 1 <= len(pairs) <= 5:
        raise ValueError(f"timelines has {len(pairs)} entries; allowed: 1 to 5 (label, Timeline) pairs")
    for p in pairs:
        if not (isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], Timeline)):
            raise TypeError(f"timelines must hold (label, Timeline) pairs, got {p!r:.60}")
    ends = {round(float(tl.time_days[-1]), 6) for _, tl in pairs}
    if len(ends) > 1:
        raise ValueError(f"timelines have different horizons {sorted(ends)} days; allowed: one shared horizon")
    notes = [None] * len(pairs) if notes is None else list(notes)
    if len(notes) != len(pairs) or not all(n is None or isinstance(n, str) for n in notes):
        raise ValueError(f"notes must hold one str (or None) per timeline ({len(pairs)}), got {notes!r:.60}")
    lane_sets = [lanes_of(tl) for _, tl in pairs]
    lane_h = [0.25 + 0.27 * len(lanes) for lanes in lane_sets]
    block_h = [h + 1.9 for h in lane_h]
    top_in, gap_in, bottom_in = (1.05 if title else 0.75), 0.55, 0.6
    height = top_in + sum(block_h) + gap_in * (len(pairs) - 1) + bottom_in
    cap = caption or (
        "Each strategy: what was done (markers, bars) over its symptom curve on the same time axis; "
        "compare how long each curve stays below the dotted good-control line [TC]."
    )
    fig, _ = new_figure(cap, 1, 1, width_in=9.0, height_in=height, layout=None)
    fig.delaxes(fig.axes[0])
    outer = fig.add_gridspec(
        len(pairs),
        1,
        height_ratios=block_h,
        hspace=gap_in / (sum(block_h) / len(pairs)),
        left=_LEFT_IN / 9.0,
        right=1 - _RIGHT_IN / 9.0,
        top=1 - top_in / height,
        bottom=bottom_in / height,
    )
    arts = []
    first = None
    for i, ((label, tl), lanes) in enumerate(zip(pairs, lane_sets, strict=True)):
        inner = outer[i].subgridspec(2, 1, height_ratios=[lane_h[i], 1.9], hspace=0.08)
        lax = fig.add_subplot(inner[0], sharex=first)
        first = first or lax
        cax = fig.add_subplot(inner[1], sharex=first)
        art = _draw(lax, cax, fig, tl, lanes, unit, threshold, show_legend=(i == 0), legend_kinds=legend_kinds)
        lax.set_title(label, loc="left", fontsize=11, fontweight="bold", pad=24 if i == 0 else 4)
        if i < len(pairs) - 1:
            cax.set_xlabel("")
            cax.tick_params(axis="x", labelbottom=False)
        _fill(art, tl, notes[i])
        arts.append(art)
    if title:
        fig.suptitle(title, fontsize=12, x=0.02, y=1 - 0.2 / height, ha="left", va="top")
    fig.hfs_data = {"artists": arts}
    return fig
