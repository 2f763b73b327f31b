"""Figures for how common HFS is."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._validate import check_number
from .style import OKABE_ITO, new_figure, styled

__all__ = ["prevalence_figure", "count_label"]

_MAX_LABEL = 44


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"


def count_label(count: float) -> str:
    """Text shown at the end of a bar: the expected number of people (``count`` 0 to 1e10)."""
    count = check_number("count", count, 0, 1e10)
    return f" ≈ {count:,.0f} people" if count >= 10 else f" ≈ {count:,.1f} people"


@styled
def prevalence_figure(estimates: pd.DataFrame, older: pd.DataFrame, population: float,
                      share_over_70_pct: float) -> Figure:
    """Bars: each sourced prevalence estimate; labels: people with HFS expected in ``population``.

    Parameters
    ----------
    estimates : pandas.DataFrame
        All-ages estimates from :func:`hfs_edu.models.epidemiology.prevalence_estimates`.
    older : pandas.DataFrame
        Over-70 estimates (``prevalence_estimates("over 70")``), drawn in a second colour.
    population : float
        Number of people (1 to 1e10).
    share_over_70_pct : float
        Percentage of that population aged over 70 (0–100), used for the over-70 bars.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_artists["texts"]`` are the count labels (all-ages bars first), for views.
    """
    for name, frame in (("estimates", estimates), ("older", older)):
        if not isinstance(frame, pd.DataFrame) or not {"label", "per_100000", "source_key"} <= set(frame.columns):
            raise TypeError(f"{name} must be a DataFrame from prevalence_estimates(), "
                            f"got {type(frame).__name__} {frame!r:.40}")
    pop = check_number("population", population, 1, 1e10)
    share = check_number("share_over_70_pct", share_over_70_pct, 0, 100)
    fig, ax = new_figure(
        "Studies disagree by about a factor of two, so the expected number of people with HFS is a range; "
        "prevalence is about four times higher over 70.",
        width_in=7.6, height_in=3.6,
    )
    n_all, n_old = len(estimates), len(older)
    y_all = np.arange(n_all)
    y_old = np.arange(n_all, n_all + n_old) + 0.5
    ax.barh(y_all, estimates["per_100000"], color=OKABE_ITO["blue"], alpha=0.85, label="all ages")
    ax.barh(y_old, older["per_100000"], color=OKABE_ITO["vermillion"], alpha=0.85, hatch="//",
            label="people over 70")
    labels = [f"{_short(l)} [{k}]" for l, k in zip(estimates["label"], estimates["source_key"])]
    labels += [f"{_short(l)}, over 70 [{k}]" for l, k in zip(older["label"], older["source_key"])]
    ax.set_yticks(np.concatenate([y_all, y_old]), labels, fontsize=8)
    counts = np.concatenate([pop * estimates["per_100000"].to_numpy(float) / 1e5,
                             pop * share / 100 * older["per_100000"].to_numpy(float) / 1e5])
    values = np.concatenate([estimates["per_100000"].to_numpy(float), older["per_100000"].to_numpy(float)])
    ys = np.concatenate([y_all, y_old])
    texts = [ax.text(v, yi, count_label(c), va="center", fontsize=8.5) for v, yi, c in zip(values, ys, counts)]
    ax.set_xlabel("prevalence (people with HFS per 100,000)")
    ax.set_xlim(0, values.max() * 1.6)
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    fig.hfs_artists = {"texts": texts, "ax": ax}
    return fig
