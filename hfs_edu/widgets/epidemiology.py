"""Interactive view: how many people with HFS live in a town of a given size?"""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..figures.epidemiology import expected_cases_figure
from ..models.epidemiology import AGE_GROUPS, expected_cases, prevalence_estimates
from .base import View

__all__ = ["PrevalenceView"]

#: Population slider stops (people), roughly logarithmic: a village to a large country.
POPULATION_STOPS = [1_000, 5_000, 10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000,
                    5_000_000, 10_000_000, 50_000_000, 100_000_000]


class PrevalenceView(View):
    """Expected number of people with HFS in a population, under each sourced prevalence estimate."""

    CONTROLS = {
        "population": "number of people in the town, region or country",
        "age_group": "everyone, or only people over 70 (one study)",
    }
    SWEEP = {"population": POPULATION_STOPS[::2], "age_group": list(AGE_GROUPS)}
    IMAGE_WIDTH_PX = 760

    def build_controls(self):
        return {
            "population": widgets.SelectionSlider(options=[(f"{p:,}", p) for p in POPULATION_STOPS], value=500_000,
                                                  description="population", continuous_update=False,
                                                  layout=widgets.Layout(width="330px")),
            "age_group": widgets.ToggleButtons(options=list(AGE_GROUPS), value="all ages", description="ages"),
        }

    def build_figure(self):
        # one bar per estimate; the 'over 70' group reuses the first bars and hides the rest
        self._estimates = {g: prevalence_estimates(g) for g in AGE_GROUPS}
        base = self._estimates["all ages"]
        fig = expected_cases_figure(base, 500_000)
        self._art = fig.hfs_artists
        self._labels = {g: [f"{lab} [{key}]" for lab, key in zip(e["label"], e["source_key"])]
                        for g, e in self._estimates.items()}
        return fig

    def update(self, population, age_group):
        est = self._estimates[age_group]
        counts = expected_cases(population, est["per_100000"].to_numpy(float))
        ax = self._art["ax"]
        n = len(counts)
        for i, (bar, text) in enumerate(zip(self._art["bars"], self._art["texts"])):
            visible = i < n
            bar.set_visible(visible)
            text.set_visible(visible)
            if visible:
                bar.set_width(counts[i])
                text.set_x(counts[i])
                text.set_text(f" {counts[i]:,.0f}")
        labels = self._labels[age_group] + [""] * (len(self._art["bars"]) - n)
        ax.set_yticks(range(len(labels)), labels, fontsize=8)
        ax.set_xlim(0, max(counts.max(), 1) * 1.25)
        lo, hi = counts.min(), counts.max()
        return (f"<p>In <b>{population:,}</b> people ({age_group}) expect about <b>{lo:,.0f}–{hi:,.0f}</b> "
                f"people with hemifacial spasm, depending on which study you trust "
                f"(prevalence {est['per_100000'].min():g}–{est['per_100000'].max():g} per 100,000).</p>")
