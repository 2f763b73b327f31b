"""Interactive view of chapter 08: intraoperative lateral spread monitoring during MVD.

:class:`MonitoringView` - move the offending vessel off the nerve and watch chapter 03's LSR
vanish on the monitor; tick *second vessel missed* to see a response that persists, and read
what the meta-analysis says each outcome predicts. The rules (how far the vessel is moved ->
compression, which prognosis applies) live in :func:`hfs_edu.models.mvd.intraoperative_lsr`;
the figure is built once (:func:`hfs_edu.figures.mvd.build_monitoring`) and updated in place.
"""

from __future__ import annotations

from .._params import flag, number
from ..figures.mvd import build_monitoring, update_monitoring
from ..models import mvd
from .base import View, control

__all__ = ["MonitoringView", "readout_monitoring"]


def readout_monitoring(result: mvd.MonitoringResult) -> str:
    """The view's readout in plain words, with the sourced prognosis [S63]."""
    p = result.prognosis_pct
    o = result.other_pct
    times = list(p)
    fmt = ", ".join(f"{p[t]:g}% at {t}" for t in times)
    other = ", ".join(f"{o[t]:g}%" for t in times)
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
    return head + body


class MonitoringView(View):
    """Intraoperative LSR monitoring: move the vessel, watch the response, read what it predicts.

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    vessel_moved : float
        How far the surgeon has moved the offending vessel off the nerve, 0-1.
    missed_vessel : bool
        A second vessel still presses on the root exit zone.
    """

    PARAMS = {
        "vessel_moved": control(
            number(0, 1, doc="how far the surgeon has moved the vessel off the nerve (0 = pressing, 1 = away)"),
            label="vessel moved",
            step=0.05,
            readout_format=".0%",
        ),
        "missed_vessel": control(
            flag(doc="a second vessel, not yet found, still presses on the nerve"),
            label="second vessel missed",
        ),
    }
    IMAGE_WIDTH_PX = 820

    def build_figure(self):
        fig, self.art = build_monitoring(mvd.lsr_prognosis())
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, vessel_moved=0.0, missed_vessel=False) -> str:
        v = self.validate(vessel_moved=vessel_moved, missed_vessel=missed_vessel)
        self.result = mvd.intraoperative_lsr(v["vessel_moved"], v["missed_vessel"])
        update_monitoring(self.art, self.result)
        return readout_monitoring(self.result)
