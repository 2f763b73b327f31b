"""Interactive views of chapter 07: plan botulinum injections, and watch the toxin in chapter 03's model.

* :class:`BotulinumPlannerView` - choose the interval between injections, the dose, one missed or
  late injection and the horizon (1 or 2 years): the treatment timeline
  (:func:`hfs_edu.figures.timeline.build_timeline`) shows the injections, sampled side effects and
  the symptom curve, and the readout counts the days with good control.
* :class:`ToxinLSRView` - days since an injection and its dose: chapter 03's lateral spread response
  recorded from the injected eyelid muscle shrinks in the model while the cross-talk persists
  (:func:`hfs_edu.models.botulinum.lsr_under_toxin`).

Both build their figure once and update artists in place (blitting). Every number is a teaching
calibration of a toy model [TC]; the sourced ranges are in chapter 07.
"""

from __future__ import annotations

import html

import numpy as np
from matplotlib.transforms import blended_transform_factory

from .._params import choice, integer, number, validated
from ..figures.botulinum import build_toxin_lsr, update_toxin_lsr
from ..figures.timeline import build_timeline, update_timeline
from ..models import botulinum as bont
from ..models import timeline as tl
from .base import View, control

__all__ = [
    "BotulinumPlannerView",
    "ToxinLSRView",
    "HORIZONS",
    "PLANNER_SEED",
    "plan_timeline",
    "plan_warnings",
    "planned_days",
    "readout_plan",
]

#: Horizon choices of the planner -> days.
HORIZONS = {"1 year": 365.0, "2 years": 730.0}
#: Seed of the side effects the planner samples (one virtual patient; change it with the 'patient' control).
PLANNER_SEED = 7
_LANES = tuple(("side_effect", e) for e in bont.SIDE_EFFECTS)
_WEEK = 7.0
#: The planner's shortest interval: the label's "no additional benefit from treating more often than every three
#: months" and its blepharospasm maximum of 100 U per 12 weeks [N723]; with this floor a session's dose of at most
#: ``bont.MAX_DOSE_UNITS`` never exceeds the label's dose per 12 weeks (review Z03).
_MIN_INTERVAL_WEEKS = 12


_PLANNER = {
    "interval_weeks": control(
        integer(
            _MIN_INTERVAL_WEEKS,
            26,
            unit="weeks",
            doc="weeks between injections (from 12: the label reports no extra benefit from treating more often "
            "than every three months [N723])",
        ),
        label="interval (weeks)",
    ),
    "dose": control(
        number(0, bont.MAX_DOSE_UNITS, unit="U", doc="units of onabotulinumtoxinA per session (0 = saline)"),
        label="dose (U)",
        step=2.5,
        readout_format=".1f",
    ),
    "missed": control(integer(0, 8, doc="which injection is missed (1 = the first; 0 = none)"), label="missed no."),
    "late": control(integer(0, 8, doc="which injection is late (1 = the first; 0 = none)"), label="late no."),
    "late_by_weeks": control(
        integer(0, 12, unit="weeks", doc="how many weeks late it is (later injections follow it)"),
        label="late by (weeks)",
    ),
    "horizon": control(choice(tuple(HORIZONS), doc="how long the plan runs"), label="horizon"),
    "patient": control(integer(0, 9, doc="another draw of the random side effects"), label="side-effect draw"),
}


@validated(**_PLANNER)
def plan_timeline(
    interval_weeks: int = 13,
    dose: float = bont.REFERENCE_DOSE_UNITS,
    missed: int = 0,
    late: int = 0,
    late_by_weeks: int = 0,
    horizon: str = "1 year",
    patient: int = 0,
):
    """The planner's timeline: injections every ``interval_weeks`` (one missed, one late), side effects sampled.

    ``missed`` and ``late`` = 0 mean none.

    {parameters}

    Returns
    -------
    Timeline
        From :func:`hfs_edu.models.timeline.symptom_curve`, with the sampled side effects in its history.
    """
    horizon_days = HORIZONS[horizon]
    days = bont.injection_schedule(
        interval_days=interval_weeks * _WEEK,
        horizon_days=horizon_days,
        missed=missed or None,
        late=late or None,
        late_by_days=late_by_weeks * _WEEK,
    )
    history = tl.treatment_history([tl.injection(d, dose) for d in days])
    return tl.symptom_curve(
        tl.treatment_history(
            history.events, _side_effects(interval_weeks, dose, missed, late, late_by_weeks, horizon_days, patient)
        ),
        horizon_days=horizon_days,
    )


def _side_effects(interval_weeks, dose, missed, late, late_by_weeks, horizon_days, patient) -> tuple:
    """Side effects drawn per *planned* injection slot, then moved with it (review Z05).

    The draw is made on the on-time plan, so missing or delaying one injection neither moves another
    injection's side effect nor changes it: a late injection carries its own draw along, a missed
    one takes its draw away. Same draws as :func:`hfs_edu.models.timeline.sample_side_effect_intervals`
    for a plan with nothing missed or late.
    """
    if dose <= 0:
        return ()
    planned = bont.injection_schedule(interval_days=interval_weeks * _WEEK, horizon_days=horizon_days)
    actual = {}
    for k, d in enumerate(planned, start=1):
        a = d + (late_by_weeks * _WEEK if late and k >= late else 0.0)
        if k != missed and a <= horizon_days:
            actual[d] = a
    out = []
    for s in bont.sample_side_effects(planned, PLANNER_SEED + patient):
        if s.injection_day in actual:
            shift = actual[s.injection_day] - s.injection_day
            out.append(tl.Interval("side_effect", s.effect, s.start_day + shift, s.end_day + shift))
    return tuple(sorted(out, key=lambda i: (i.start_day, i.label)))


@validated(**{k: _PLANNER[k] for k in ("interval_weeks", "missed", "late", "horizon")})
def planned_days(interval_weeks: int = 13, missed: int = 0, late: int = 0, horizon: str = "1 year") -> dict:
    """Where the missed and the late injection were due (review Z05): ``{"missed": day, "late": day}``.

    Only the injections that exist in the plan and fall inside the horizon are listed; a late
    injection is listed at its planned day (the planner draws a hollow marker there).

    {parameters}
    """
    days = bont.injection_schedule(interval_days=interval_weeks * _WEEK, horizon_days=HORIZONS[horizon])
    out = {}
    for name, k in (("missed", missed), ("late", late)):
        if 1 <= k <= len(days):
            out[name] = float(days[k - 1])
    return out


@validated(**{k: _PLANNER[k] for k in ("interval_weeks", "missed", "late", "late_by_weeks", "horizon")})
def plan_warnings(
    interval_weeks: int = 13, missed: int = 0, late: int = 0, late_by_weeks: int = 0, horizon: str = "1 year"
) -> list:
    """Plain-language notes on planner settings that have no effect (review Z07); empty if every setting acts.

    {parameters}
    """
    days = bont.injection_schedule(interval_days=interval_weeks * _WEEK, horizon_days=HORIZONS[horizon])
    n = len(days)
    out = []
    for name, k in (("missed", missed), ("late", late)):
        if k > n:
            out.append(f"there is no injection no. {k} in this plan (it has {n}): '{name} no.' has no effect")
    if late and late_by_weeks == 0:
        out.append("'late by' is 0 weeks, so the late injection is on time")
    if late_by_weeks and not late:
        out.append("'late by' has no effect while 'late no.' is 0")
    if missed and missed == late:
        out.append(
            f"injection no. {missed} is both missed and late: it is left out, and the later injections are still "
            "shifted by the delay"
        )
    return out


def readout_plan(timeline: tl.Timeline) -> str:
    """The planner's readout: injections, days with good control, days with a side effect.

    Parameters
    ----------
    timeline : Timeline
        From :func:`plan_timeline` (or any :func:`~hfs_edu.models.timeline.symptom_curve`).
    """
    total = float(timeline.time_days[-1])
    good = tl.good_control_days(timeline)
    side = tl.interval_days(timeline, "side_effect")
    n_inj = sum(1 for e in timeline.history.events if e.kind == "injection")
    effects = sorted({iv.label.replace("_", " ") for iv in timeline.history.intervals if iv.kind == "side_effect"})
    which = f" ({html.escape(', '.join(effects))})" if effects else ""
    return (
        f"<p><b>{n_inj} injection{'s' if n_inj != 1 else ''}</b> in {total:.0f} days. "
        f"Good control (severity ≤ {tl.GOOD_CONTROL_SEVERITY:g}) on <b>{good:.0f} days</b> "
        f"({100 * good / total:.0f}% of the time). Days with a side effect: {side:.0f}{which}. "
        "<i>Teaching model [TC]: the curve is calibrated to onset within days and wearing off after about "
        "three months; the side effects are drawn at random with the model's per-injection probabilities, the "
        f"same at every dose, and each lasts {bont.SIDE_EFFECT_DURATION_DAYS:g} days.</i></p>"
    )


class BotulinumPlannerView(View):
    """Plan a year or two of botulinum injections and see the symptom curve and the side effects.

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    interval_weeks : int
        Weeks between injections (12-26: the label's minimum interval [N723]).
    dose : float
        Units of onabotulinumtoxinA per session (0-100).
    missed, late : int
        Number of an injection that is skipped / given late (0 = none).
    late_by_weeks : int
        How many weeks late that injection is (later ones follow it).
    horizon : str
        '1 year' or '2 years'.
    patient : int
        Another draw of the random side effects (0-9).
    """

    PARAMS = _PLANNER
    IMAGE_WIDTH_PX = 800

    def build_figure(self):
        fig, self.art = build_timeline(
            tl.symptom_curve(None, horizon_days=max(HORIZONS.values())),
            lanes=_LANES,
            width_in=8.0,
            caption="Each injection (triangle) brings the curve below the dotted good-control line within days; it "
            "rises again about three months later. Stretch the interval, miss or delay an injection and watch the "
            "gaps open; side effects appear as bars [TC]. A hollow triangle marks where a missed or late injection "
            "was due.",
            legend_kinds=("injection",),
        )
        lax = self.art.lanes_ax
        (self._planned,) = lax.plot(
            [],
            [],
            linestyle="none",
            marker="v",
            markersize=9,
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=0.8,
            label="planned date (missed or late)",
            zorder=5,
            clip_on=False,
        )
        lax.legend(
            handles=[self.art.events["injection"], self._planned],
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=2,
            frameon=False,
            fontsize=9,
            handletextpad=0.3,
            columnspacing=1.0,
            borderaxespad=0.2,
        )
        lax.text(  # the group label of the side-effect lanes (review Z04), rotated in the left margin
            -0.195,
            (1 + len(_LANES)) / 2,
            "side effects",
            transform=blended_transform_factory(lax.transAxes, lax.transData),
            rotation=90,
            ha="center",
            va="center",
            fontsize=8.5,
            style="italic",
        )
        self._horizon = None
        self._backgrounds = {}
        return fig

    def dynamic_artists(self) -> list:
        return [*self.art.dynamic(), self._planned]

    def render(self) -> bytes:
        """Blit over one cached background per horizon (the axis differs), so no control needs a full redraw
        after each horizon has been drawn once."""
        bg = self._backgrounds.get(self._horizon)
        if bg is None:
            self._draw_background()
            self._backgrounds[self._horizon] = self._background
        else:
            self._background = bg
        return super().render()

    def invalidate_background(self) -> None:
        self._backgrounds = {}
        super().invalidate_background()

    def update(
        self, interval_weeks=13, dose=25.0, missed=0, late=0, late_by_weeks=0, horizon="1 year", patient=0
    ) -> str:
        v = self.validate(
            interval_weeks=interval_weeks,
            dose=dose,
            missed=missed,
            late=late,
            late_by_weeks=late_by_weeks,
            horizon=horizon,
            patient=patient,
        )
        timeline = plan_timeline(**v)
        self.timeline = timeline
        end = float(np.ceil(HORIZONS[v["horizon"]] / 30.44))  # 12 or 24 months: the last tick is drawn (Z06)
        if self._horizon != v["horizon"]:
            self._horizon = v["horizon"]
            for ax in (self.art.lanes_ax, self.art.curve_ax):
                ax.set_xlim(0.0, end)
            self.art.curve_ax.set_xticks(np.arange(0.0, end + 1e-9, 1 if end <= 13 else 3))
            self._background = None  # render() takes this horizon's cached background or draws it once
        good = tl.good_control_days(timeline)
        update_timeline(self.art, timeline, note=f"good control: {good:.0f} of {timeline.time_days[-1]:.0f} days [TC]")
        due = planned_days(v["interval_weeks"], v["missed"], v["late"], v["horizon"])
        if v["late"] and not v["late_by_weeks"]:
            due.pop("late", None)
        x = sorted(d / 30.44 for d in due.values())
        self._planned.set_data(x, [0.0] * len(x))
        warn = plan_warnings(v["interval_weeks"], v["missed"], v["late"], v["late_by_weeks"], v["horizon"])
        note = "".join(f"<br>⚠ {html.escape(w, quote=False)}." for w in warn)
        return readout_plan(timeline).replace("</p>", f"{note}</p>", 1) if note else readout_plan(timeline)


class ToxinLSRView(View):
    """Chapter 03's lateral spread response, recorded from the eyelid muscle, days after an injection.

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    day : int
        Days since the injection into the eyelid muscle (0-180).
    dose : float
        Units injected (0-100).
    """

    PARAMS = {
        "day": control(integer(0, 180, unit="days", doc="days since the injection around the eye"), label="day"),
        "dose": control(
            number(0, bont.MAX_DOSE_UNITS, unit="U", doc="units of onabotulinumtoxinA injected (0 = saline)"),
            label="dose (U)",
            step=2.5,
            readout_format=".1f",
        ),
    }
    IMAGE_WIDTH_PX = 760

    def build_figure(self):
        fig, self.art = build_toxin_lsr()
        update_toxin_lsr(self.art, bont.lsr_under_toxin(0.0))  # the nerve-only artists, drawn in the background
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, day=28, dose=25.0) -> str:
        v = self.validate(day=day, dose=dose)
        r = bont.lsr_under_toxin(float(v["day"]), v["dose"])
        self.result = r
        update_toxin_lsr(self.art, r)
        return (
            f"<p>Day <b>{r.days_since_injection:g}</b> after {r.dose_units:g} U: neuromuscular transmission "
            f"×<b>{r.transmission_factor:.2f}</b>. The eyelid's lateral spread response is "
            f"<b>{100 * r.amplitude_ratio:.0f}%</b> of its size before the toxin in the model: the same "
            f"{r.untreated.n_units} motor units still cross between the branches. The toxin weakens the muscle, not "
            "the nerve's cross-talk, so the spasm returns when the muscle recovers. "
            "<i>Toy model [TC]: in patients the response from the injected muscle is often not recordable at all "
            "weeks after the injection, while an uninjected muscle's is unchanged [N923:A; N924:A]; the latency "
            "stays the same here only because the amplitude is scaled; in patients the injected muscle's "
            "motor-response and blink-reflex latencies were prolonged [N924:A] (no study read measured its LSR "
            "latency).</i></p>"
        )
