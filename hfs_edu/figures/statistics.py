"""Figures for chapter 05: a forest plot the student builds, intervals across cohorts, small series.

* :func:`forest_plot` draws any table of odds ratios with 95% intervals (a column ``label`` names
  each row) and, if given, the pooled estimate of :func:`hfs_edu.models.statistics.pooled_odds_ratio`
  as a diamond; squares are sized by the pooling weight.
* :func:`proportion_plot` draws shares with their intervals, one row per cohort (female share,
  left side), on a 0-100% axis.
* :func:`build_series` / :func:`update_series` draw the simulated series of
  :func:`hfs_edu.models.statistics.simulate_series`: one interval per clinic around the true share;
  the view moves the existing artists.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from .._params import integer, text, validated
from ..models.statistics import PooledEstimate, SeriesSimulation
from .style import OKABE_ITO, check_frame, new_figure, settle_layout, styled

__all__ = [
    "SERIES_CAPTION",
    "SeriesArtists",
    "build_series",
    "forest_plot",
    "proportion_plot",
    "series_figure",
    "update_series",
]

_BLUE, _RED, _GREY = OKABE_ITO["blue"], OKABE_ITO["vermillion"], "#444444"


def _fmt(x: float) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


@styled
def forest_plot(studies: pd.DataFrame, pooled: PooledEstimate | None = None) -> Figure:
    """Forest plot of odds ratios (log axis, reference line at 1), with an optional pooled diamond.

    Parameters
    ----------
    studies : pandas.DataFrame
        Columns ``label`` ("First author year"), ``odds_ratio``, ``ci_low``, ``ci_high``.
    pooled : PooledEstimate, optional
        From :func:`hfs_edu.models.statistics.pooled_odds_ratio` on the same rows; squares are then
        sized by each study's weight and the caption gives the pooled value and I².

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["rows"]`` is the table as drawn.
    """
    df = check_frame("studies", studies, {"label", "odds_ratio", "ci_low", "ci_high"}, "your table of studies")
    if pooled is not None and not isinstance(pooled, PooledEstimate):
        raise TypeError(f"pooled must be a PooledEstimate from pooled_odds_ratio(), got {type(pooled).__name__}")
    if pooled is not None and pooled.n_studies != len(df):
        raise ValueError(f"pooled has {pooled.n_studies} studies but studies has {len(df)} rows")
    if pooled is None:
        caption = (
            "Each square is one study's odds ratio and each line its 95% interval; a line that crosses "
            "the dashed line at 1 is compatible with no association."
        )
    else:
        caption = (
            f"The diamond pools the {pooled.n_studies} rows: odds ratio {_fmt(pooled.odds_ratio)} "
            f"({_fmt(pooled.low)}–{_fmt(pooled.high)}), narrower than any single row; I² = "
            f"{pooled.i2_pct:.0f}% estimates how much of the scatter between rows is more than chance "
            f"(Cochran's Q = {pooled.q:.2f} on {pooled.df} df, p = {pooled.p_heterogeneity:.2f})."
        )
        if pooled.p_heterogeneity < 0.05:
            caption += " Here the rows disagree more than chance allows, so one pooled number hides the disagreement."
        elif pooled.i2_pct >= 50:
            caption += (
                " I² is high, but Q's p-value does not exclude chance, and with so few rows I² is very uncertain."
            )
    n = len(df) + (1 if pooled is not None else 0)
    fig, (ax, tx) = new_figure(caption, 1, 2, width_in=8.6, height_in=1.6 + 0.45 * n)
    ax.get_gridspec().set_width_ratios([3.0, 1.2])
    weights = pooled.weights_pct if pooled is not None else (None,) * len(df)
    labels = []
    for i, (row, w) in enumerate(zip(df.itertuples(index=False), weights)):
        ax.plot([row.ci_low, row.ci_high], [i, i], color=_BLUE, lw=1.8)
        size = 5 + (9 * (w / 100) ** 0.5 if w is not None else 2)
        ax.plot(row.odds_ratio, i, marker="s", color=_BLUE, markersize=size)
        tx.text(0, i, f"{_fmt(row.odds_ratio)} ({_fmt(row.ci_low)}–{_fmt(row.ci_high)})", va="center", fontsize=9)
        if w is not None:
            tx.text(0.72, i, f"{w:.0f}%", va="center", fontsize=9, color=_GREY)
        labels.append(textwrap.fill(str(row.label), 34))
    if pooled is not None:
        y = len(df)
        xs = [pooled.low, pooled.odds_ratio, pooled.high, pooled.odds_ratio]
        ax.fill(xs, [y, y - 0.3, y, y + 0.3], color=_RED, zorder=3)
        tx.text(
            0,
            y,
            f"{_fmt(pooled.odds_ratio)} ({_fmt(pooled.low)}–{_fmt(pooled.high)})",
            va="center",
            fontsize=9,
            color=_RED,
            fontweight="bold",
        )
        labels.append(f"pooled (I² = {pooled.i2_pct:.0f}%)")
        tx.text(0.72, -0.9, "weight", fontsize=9, fontweight="bold", va="center")
    tx.text(0, -0.9, "OR (95% CI)", fontsize=9, fontweight="bold", va="center")
    ax.set_yticks(range(n), labels, fontsize=9)
    ax.set_xscale("log")
    ticks = [0.25, 0.5, 1, 2, 4, 8, 16]
    ax.set_xlim(0.25, 16)
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.axvline(1.0, color="black", lw=1, ls="--", zorder=1)
    ax.set_xlabel("odds ratio (log scale; 1 = no association)")
    for a in (ax, tx):
        a.set_ylim(n - 0.4, -1.4)
    tx.set_xlim(0, 1)
    tx.axis("off")
    fig.hfs_data = {"rows": df}
    return settle_layout(fig)


@validated(
    xlabel=text(doc="The axis label, e.g. 'women among the patients (%)'."),
)
@styled
def proportion_plot(cohorts: pd.DataFrame, xlabel: str = "share of the patients (%)") -> Figure:
    """Shares with their 95% intervals, one row per cohort, on a 0-100% axis with a line at 50%.

    Parameters
    ----------
    cohorts : pandas.DataFrame
        Columns ``label``, ``estimate_pct``, ``low_pct``, ``high_pct``, ``n`` (patients).
    {parameters}
    """
    df = check_frame(
        "cohorts", cohorts, {"label", "estimate_pct", "low_pct", "high_pct", "n"}, "a table of shares with intervals"
    )
    fig, ax = new_figure(
        "Each dot is one cohort's share and each line its 95% interval: small cohorts have long lines, "
        "and cohorts whose intervals do not overlap differ by more than chance.",
        width_in=8.6,
        height_in=1.4 + 0.5 * len(df),
    )
    for i, row in enumerate(df.itertuples(index=False)):
        ax.plot([row.low_pct, row.high_pct], [i, i], color=_BLUE, lw=1.8)
        ax.plot(row.estimate_pct, i, "o", color=_BLUE, markersize=6)
    labels = [textwrap.fill(f"{lab} (n\u00a0=\u00a0{int(k):,})", 42) for lab, k in zip(df["label"], df["n"])]
    ax.set_yticks(range(len(df)), labels, fontsize=9)
    ax.axvline(50, color="black", lw=1, ls="--", zorder=1)
    ax.set_xlim(0, 100)
    ax.set_ylim(len(df) - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    fig.hfs_data = {"rows": df}
    return settle_layout(fig)


SERIES_CAPTION = (
    "Each line is one simulated clinic's estimate with its 95% interval; the dashed line is the true "
    "share. Small series scatter widely and a few intervals miss the truth by chance."
)


@dataclass
class SeriesArtists:
    """The artists the view moves: interval segments, estimate dots, the truth line, a title."""

    ax: Axes
    segments: LineCollection
    dots: Line2D
    missed: Line2D
    truth: Line2D
    title: Text

    def dynamic(self) -> list:
        return [self.segments, self.dots, self.missed, self.truth, self.title]


@validated(n_series=integer(2, 100, unit="series", doc="How many simulated series (rows)."))
@styled
def build_series(n_series: int = 20) -> tuple[Figure, SeriesArtists]:
    """Build the empty small-series figure; fill it with :func:`update_series`.

    {parameters}
    """
    fig, ax = new_figure(SERIES_CAPTION, width_in=8.0, height_in=4.6)
    y = np.arange(n_series)
    segments = LineCollection([[(0, yy), (0, yy)] for yy in y], colors=_BLUE, linewidths=2)
    ax.add_collection(segments)
    (dots,) = ax.plot(np.zeros(n_series), y, "o", color=_BLUE, markersize=5)
    (missed,) = ax.plot([], [], "X", color=_RED, markersize=8, label="interval misses the true share")
    (truth,) = ax.plot([50, 50], [-1, n_series], color="black", ls="--", lw=1.2, label="true share")
    ax.set_xlim(-2, 100)  # a clinic at 0% stays clear of the axis line
    ax.set_ylim(n_series, -1)
    ax.set_yticks([0, n_series - 1], ["clinic 1", f"clinic {n_series}"])
    ax.set_xlabel("share of the clinic's patients with the feature (%)")
    title = ax.set_title("20 clinics of 1,000 patients each: 20 of 20 intervals contain the truth", fontsize=10)
    fig.legend(handles=[truth, missed], loc="outside lower center", ncols=2, fontsize=8.5, frameon=False)
    return fig, SeriesArtists(ax, segments, dots, missed, truth, title)


def update_series(art: SeriesArtists, sim: SeriesSimulation) -> None:
    """Move the artists of :func:`build_series` to simulation ``sim`` (fixed axes: blitting suffices)."""
    if not isinstance(art, SeriesArtists):
        raise TypeError(f"art must be SeriesArtists from build_series(), got {type(art).__name__}")
    if not isinstance(sim, SeriesSimulation):
        raise TypeError(f"sim must be a SeriesSimulation from simulate_series(), got {type(sim).__name__}")
    y = np.arange(len(sim.estimate_pct))
    art.segments.set_segments(np.stack([np.c_[sim.low_pct, y], np.c_[sim.high_pct, y]], axis=1))
    colours = np.where(sim.covers, _BLUE, _RED)
    art.segments.set_color(list(colours))
    art.dots.set_data(sim.estimate_pct, y)
    miss = ~sim.covers
    art.missed.set_data(sim.estimate_pct[miss], y[miss])
    art.truth.set_xdata([sim.true_pct, sim.true_pct])
    art.title.set_text(
        f"{len(y)} clinics of {sim.n_patients:,} patients each: {sim.n_covering} of {len(y)} intervals "
        "contain the truth"
    )


@styled
def series_figure(sim: SeriesSimulation) -> Figure:
    """The static small-series figure: :func:`build_series` filled by :func:`update_series`.

    Parameters
    ----------
    sim : SeriesSimulation
        From :func:`hfs_edu.models.statistics.simulate_series`.
    """
    if not isinstance(sim, SeriesSimulation):
        raise TypeError(f"sim must be a SeriesSimulation from simulate_series(), got {type(sim).__name__}")
    fig, art = build_series(len(sim.estimate_pct))
    update_series(art, sim)
    return settle_layout(fig)
