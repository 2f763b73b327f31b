"""Interactive view: how many people with HFS live in a town of a given size?"""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..figures.epidemiology import count_label, prevalence_figure
from ..models.epidemiology import expected_cases, prevalence_estimates
from .base import View

__all__ = ["PrevalenceView", "POPULATION_STOPS"]

#: Population slider stops (people), roughly logarithmic: a GP practice to a large country.
POPULATION_STOPS = [1_000, 5_000, 10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000,
                    5_000_000, 10_000_000, 50_000_000, 100_000_000]


class PrevalenceView(View):
    """Expected number of people with HFS in a population, under each sourced prevalence estimate."""

    CONTROLS = {
        "population": "number of people in the practice, town, region or country",
        "share_over_70_pct": "your assumption: the percentage of those people who are over 70",
    }
    SWEEP = {"population": POPULATION_STOPS[::2], "share_over_70_pct": [5, 15, 25]}
    IMAGE_WIDTH_PX = 760

    def build_controls(self):
        return {
            "population": widgets.SelectionSlider(options=[(f"{p:,}", p) for p in POPULATION_STOPS], value=500_000,
                                                  description="population", continuous_update=False,
                                                  layout=widgets.Layout(width="360px")),
            "share_over_70_pct": widgets.IntSlider(value=12, min=0, max=40, step=1, description="% over 70",
                                                   continuous_update=False, layout=widgets.Layout(width="360px")),
        }

    def build_figure(self):
        self._all = prevalence_estimates("all ages")
        self._old = prevalence_estimates("over 70")
        self._prev_all = self._all["per_100000"].to_numpy(float)
        self._prev_old = self._old["per_100000"].to_numpy(float)
        fig = prevalence_figure(self._all, self._old, 500_000, 12)
        self._texts = fig.hfs_artists["texts"]
        return fig

    def dynamic_artists(self):
        return self._texts

    def update(self, population, share_over_70_pct):
        counts_all = expected_cases(population, self._prev_all)
        older = population * share_over_70_pct / 100
        counts_old = expected_cases(older, self._prev_old) if older >= 1 else np.zeros_like(self._prev_old)
        for text, count in zip(self._texts, np.concatenate([counts_all, counts_old])):
            text.set_text(count_label(count))
        lo, hi = counts_all.min(), counts_all.max()
        return (f"<p>Among <b>{population:,}</b> people expect about <b>{lo:,.0f}–{hi:,.0f}</b> with hemifacial "
                f"spasm, depending on which estimate you use ({self._prev_all.min():g}–{self._prev_all.max():g} "
                f"per 100,000). The {older:,.0f} people over 70 alone would account for about "
                f"<b>{counts_old.max():,.0f}</b> if the Oslo over-70 figure applies.</p>")
