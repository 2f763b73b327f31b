"""Interactive view: why small series scatter (chapter 05).

:class:`SmallSeriesView` builds the series figure once
(:func:`hfs_edu.figures.statistics.build_series`); each update draws the same simulated patients
(:func:`hfs_edu.models.statistics.simulate_series`, seeded) for the chosen series size and true
share, and moves the existing interval segments and dots.
"""

from __future__ import annotations

from .._params import integer
from ..figures.statistics import build_series, update_series
from ..models.statistics import MAX_SERIES_PATIENTS, SeriesSimulation, simulate_series
from .base import View, control

__all__ = ["SERIES_STOPS", "SmallSeriesView", "readout_html"]

#: Series sizes offered by the slider (patients per clinic).
SERIES_STOPS = (10, 20, 30, 50, 100, 200, 500, MAX_SERIES_PATIENTS)
#: Simulated clinics in the view.
N_SERIES = 20


def readout_html(sim: SeriesSimulation) -> str:
    """The simulation in words (HTML)."""
    if not isinstance(sim, SeriesSimulation):
        raise TypeError(f"sim must be a SeriesSimulation from simulate_series(), got {type(sim).__name__}")
    lo, hi = sim.spread_pct
    width = float((sim.high_pct - sim.low_pct).mean())
    return (
        f"<p>Each of {len(sim.estimate_pct)} clinics counts <b>{sim.n_patients:,}</b> patients, and the true share "
        f"is <b>{sim.true_pct:g}%</b> in all of them. Their estimates run from <b>{lo:.0f}%</b> to "
        f"<b>{hi:.0f}%</b>; an interval is on average <b>{width:.0f} percentage points</b> wide, and "
        f"<b>{sim.n_covering} of {len(sim.estimate_pct)}</b> intervals contain the true share. "
        "The clinics differ only by chance: nothing about their patients is different.</p>"
    )


class SmallSeriesView(View):
    """Series size and true share -> 20 simulated clinics' estimates with their Wilson intervals."""

    PARAMS = {
        "n_patients": control(
            integer(SERIES_STOPS[0], SERIES_STOPS[-1], unit="patients", doc="patients counted by each clinic"),
            label="patients per clinic",
            widget="selection",
            stops=SERIES_STOPS,
        ),
        "true_pct": control(
            integer(5, 95, multiple_of=5, unit="%", doc="the true share of patients with the feature (e.g. women)"),
            label="true share (%)",
            step=5,
        ),
    }
    IMAGE_WIDTH_PX = 760

    def build_figure(self):
        fig, self.art = build_series(N_SERIES)
        return fig

    def dynamic_artists(self):
        return self.art.dynamic()

    def update(self, n_patients=20, true_pct=60) -> str:
        sim = simulate_series(float(true_pct), n_patients, N_SERIES)
        update_series(self.art, sim)
        self.sim = sim
        return readout_html(sim)
