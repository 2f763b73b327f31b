"""Figures for how common HFS is."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._validate import check_number
from .style import OKABE_ITO, new_figure, styled

__all__ = ["expected_cases_figure"]


@styled
def expected_cases_figure(estimates: pd.DataFrame, population: float) -> Figure:
    """Horizontal bars: people with HFS expected in ``population`` under each prevalence estimate.

    Parameters
    ----------
    estimates : pandas.DataFrame
        From :func:`hfs_edu.models.epidemiology.prevalence_estimates`
        (columns ``label``, ``per_100000``, ``source_key``).
    population : float
        Number of people (1 to 1e10).

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_artists`` holds the bars and value labels, for views that update them.
    """
    if not isinstance(estimates, pd.DataFrame) or not {"label", "per_100000", "source_key"} <= set(estimates.columns):
        raise TypeError("estimates must be a DataFrame from prevalence_estimates()")
    pop = check_number("population", population, 1, 1e10)
    fig, ax = new_figure(
        "Different studies give different prevalence figures, so the expected number of people with HFS is "
        "a range, not one number; the range scales with the size of the population.",
        width_in=7.5, height_in=3.2,
    )
    counts = pop * estimates["per_100000"].to_numpy(float) / 1e5
    y = np.arange(len(estimates))
    bars = ax.barh(y, counts, color=OKABE_ITO["blue"], alpha=0.8)
    labels = [f"{lab} [{key}]" for lab, key in zip(estimates["label"], estimates["source_key"])]
    ax.set_yticks(y, labels, fontsize=8)
    texts = [ax.text(c, yi, f" {c:,.0f}", va="center", fontsize=9) for c, yi in zip(counts, y)]
    ax.set_xlabel("expected people with HFS (count)")
    ax.set_xlim(0, max(counts.max(), 1) * 1.25)
    fig.hfs_artists = {"bars": bars, "texts": texts, "ax": ax}
    return fig
