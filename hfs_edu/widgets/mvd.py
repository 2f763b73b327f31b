"""Interactive views of chapter 08: intraoperative lateral spread monitoring, and the cure curve.

:class:`CureCurveView` - set a cohort's immediate cure, eventual cure and delay, and compare the
model's curve with the sourced cohorts.

:class:`MonitoringView` - move the offending vessel off the nerve and watch chapter 03's LSR
vanish on the monitor; set *second vessel* to *missed* to see a response that persists, then to
*found and moved* to finish the operation, and read what the meta-analysis says each outcome
predicts. The rules (how far the vessel is moved ->
compression, which prognosis applies) live in :func:`hfs_edu.models.mvd.intraoperative_lsr`;
the figure is built once (:func:`hfs_edu.figures.mvd.build_monitoring`) and updated in place.
"""

from __future__ import annotations

from .._params import choice, number
from ..figures.mvd import build_cure_explorer, build_monitoring, update_cure_explorer, update_monitoring
from ..models import mvd
from .base import View, control

__all__ = ["CureCurveView", "MonitoringView", "readout_monitoring"]


SECOND_VESSEL = ("none", "missed", "found and moved")


def readout_monitoring(result: mvd.MonitoringResult) -> str:
    """The view's readout in plain words, with the sourced prognosis [S63]."""
    p = result.prognosis_pct
    o = result.other_pct
    times = list(p)
    fmt = ", ".join(f"{p[t]:g}% at {t}" for t in times)
    other = ", ".join(f"{o[t]:g}%" for t in times)
    if result.persists and result.missed_vessel and result.offending_compression <= 1e-9:
        lsr = result.recording.lsr
        return (
            f"<p><b>The lateral spread response persists</b> ({lsr.n_units} motor unit(s), onset "
            f"{lsr.latency_ms:.1f} ms [TC]), and here you know why: a second vessel still presses on the nerve.</p>"
            "<p>Do not close yet: look for the second vessel and move it too (set <i>second vessel</i> to "
            "<i>found and moved</i>). A response that persists means a worse outlook "
            f"(spasm persisted in {fmt} against {other} when it resolved [S63:A]), and with a vessel left "
            "pressing that outlook is worse still: a missed vessel is the commonest finding at a second "
            "operation [S154:A; S156:A].</p>"
        )
    if result.persists:
        lsr = result.recording.lsr
        head = (
            f"<p><b>The lateral spread response persists</b> ({lsr.n_units} motor unit(s), onset "
            f"{lsr.latency_ms:.1f} ms [TC]).</p>"
        )
        body = (
            f"<p>In a meta-analysis of 26 studies, when the response persisted at the end of surgery the spasm "
            f"persisted in {fmt} (against {other} when it resolved) [S63:A]. Most of these patients are still "
            "cured in the end: a persisting response is a reason to look again for a missed vessel, not a verdict.</p>"
        )
    else:
        head = (
            "<p><b>The lateral spread response has disappeared</b>: the crowding has gone, "
            "the damaged myelin has not [TC].</p>"
        )
        body = (
            f"<p>When the response resolved, the spasm persisted in {fmt} (against {other} when it persisted) "
            "[S63:A]. Its disappearance predicts the short-term outcome better than the long-term one [S66:A].</p>"
        )
        if result.second_vessel_moved:
            head = (
                "<p><b>The lateral spread response has disappeared</b>: both vessels are off the nerve; "
                "the crowding has gone, the damaged myelin has not [TC].</p>"
            )
    return head + body


class MonitoringView(View):
    """Intraoperative LSR monitoring: move the vessel, watch the response, read what it predicts.

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    vessel_moved : float
        How far the surgeon has moved the offending vessel off the nerve, 0-1.
    second_vessel : str
        ``"none"``, ``"missed"`` (a second vessel still presses on the root exit zone) or
        ``"found and moved"``.
    """

    PARAMS = {
        "vessel_moved": control(
            number(0, 1, doc="how far the surgeon has moved the vessel off the nerve (0 = pressing, 1 = away)"),
            label="vessel moved",
            step=0.05,
            readout_format=".0%",
        ),
        "second_vessel": control(
            choice(SECOND_VESSEL, doc="a second vessel: none, missed (still pressing) or found and moved"),
            label="second vessel",
        ),
    }
    IMAGE_WIDTH_PX = 820

    def build_figure(self):
        fig, self.art = build_monitoring(mvd.lsr_prognosis())
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, vessel_moved=0.0, second_vessel="none") -> str:
        v = self.validate(vessel_moved=vessel_moved, second_vessel=second_vessel)
        moved = v["second_vessel"] == "found and moved"
        self.result = mvd.intraoperative_lsr(
            v["vessel_moved"], v["second_vessel"] == "missed", second_vessel_moved=moved
        )
        update_monitoring(self.art, self.result)
        return readout_monitoring(self.result)


class CureCurveView(View):
    """The cure curve after MVD for a cohort you choose, against the sourced cohorts.

    It starts at the slow, all-cured cohort of ``mvd_time_to_cure`` [S150] (not at the course's
    default model, so that it does not print the exercise's answers).

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    immediate_share : float
        Share of the eventual cures that are spasm-free within the first week.
    eventual_cure : float
        Share of patients eventually cured.
    time_constant_days : float
        Time constant of the delayed cures (chapter 02's repair time: about 100 days at 50).
    """

    PARAMS = {
        "immediate_share": control(
            number(0, 1, doc="share of the eventual cures spasm-free within the first week"),
            label="cured at once",
            step=0.05,
            readout_format=".0%",
        ),
        "eventual_cure": control(
            number(0.6, 1, doc="share of patients eventually cured (series: about 60% to 97%)"),
            label="eventually cured",
            step=0.01,
            readout_format=".0%",
        ),
        "time_constant_days": control(
            number(20, 300, unit="days", doc="time constant of the delayed cures, in days"),
            label="delay (days)",
            step=1,
            readout_format=".0f",
        ),
    }
    IMAGE_WIDTH_PX = 720

    def build_figure(self):
        from ..course_figures import study_labels
        from ..data import load_table

        fig, self.art = build_cure_explorer(
            load_table("mvd_time_to_cure"), load_table("mvd_delayed_resolution"), study_labels()
        )
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(
        self,
        immediate_share=mvd.SLOW_COHORT_IMMEDIATE_SHARE,
        eventual_cure=1.0,
        time_constant_days=mvd.DELAYED_CURE_TIME_CONSTANT_DAYS,
    ) -> str:
        v = self.validate(
            immediate_share=immediate_share, eventual_cure=eventual_cure, time_constant_days=time_constant_days
        )
        self.course = mvd.cure_course(
            730.0, v["eventual_cure"], v["immediate_share"], v["time_constant_days"], step_days=2.0
        )
        update_cure_explorer(self.art, self.course)
        week = mvd.spasm_free_share(7.0, v["eventual_cure"], v["immediate_share"], v["time_constant_days"])
        reop = mvd.reoperation_outlook(30.44, v["eventual_cure"], v["immediate_share"], v["time_constant_days"])
        return (
            f"<p>In this cohort {week:.0%} are spasm-free after a week. Of those still twitching at one month, "
            f"{reop.unnecessary_share:.0%} would still clear without a second operation [TC].</p>"
        )
