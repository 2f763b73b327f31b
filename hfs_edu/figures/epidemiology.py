"""Figures for how common HFS is: expected people with HFS in a population, per sourced estimate.

The bars are *people* (the expected count in the chosen population), so they move when the
population changes. Original measurements are filled bars; secondary quotations (reviews,
introductions, patient pages that repeat a figure) are outlined and hatched, so the apparent
agreement of many bars is not mistaken for many studies. A service-based count (treated
patients only) is marked as a minimum.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

from .._params import array, number, validated
from .style import OKABE_ITO, check_frame, new_figure, settle_layout, styled

__all__ = [
    "AXIS_PEOPLE",
    "PREVALENCE_CAPTION",
    "PrevalenceArtists",
    "build_prevalence",
    "count_label",
    "prevalence_figure",
    "update_prevalence",
]

PREVALENCE_CAPTION = (
    "Two original studies and several re-quotations of them: the expected number of people with "
    "HFS is a range, not one number, and the over-70s are about four times as likely to have it."
)
_COLUMNS = {"label", "per_100000", "source_key", "primary", "service_based"}
#: The people axis is logarithmic and fixed, from a tenth of a person to a million, so a bar grows
#: visibly when the population grows (student review 2, U08: a rescaling axis made every population
#: look the same). The largest count the view can make (40% over 70 of 100,000,000 at 39.7 per
#: 100,000) is about 16,000 people; the decade above leaves room for the labels.
AXIS_PEOPLE = (0.1, 1_000_000.0)
_TICKS = (0.1, 1, 10, 100, 1_000, 10_000, 100_000)
_COLOURS = (OKABE_ITO["blue"], OKABE_ITO["vermillion"])


def _round2(x: float) -> float:
    """Round to two significant figures (the estimates differ by more than that)."""
    if x == 0:
        return 0.0
    digits = 1 - int(math.floor(math.log10(abs(x))))
    return round(x, digits)


@validated(count=number(0, 1e10, unit="people", doc="Expected number of people."))
def count_label(count: float) -> str:
    """Text at the end of a bar: the expected number of people, rounded to two significant figures.

    {parameters}
    """
    if count < 1:
        return " fewer than 1 person"
    r = _round2(count) if count >= 10 else round(count)
    return f" ≈ {r:,.0f} people" if r >= 2 else " ≈ 1 person"


@dataclass
class PrevalenceArtists:
    """The artists that change with the population: bars, count labels and the two panel titles."""

    ax_all: Axes
    ax_old: Axes
    bars_all: BarContainer
    bars_old: BarContainer
    texts_all: list[Text]
    texts_old: list[Text]
    title_all: Text
    title_old: Text

    def limits(self) -> tuple:
        return self.ax_all.get_xlim(), self.ax_old.get_xlim()

    def dynamic(self) -> list:
        return [*self.bars_all, *self.bars_old, *self.texts_all, *self.texts_old, self.title_all, self.title_old]


def _labels(frame: pd.DataFrame) -> list[str]:
    out = []
    for row in frame.itertuples(index=False):
        text = f"{row.label} [{row.source_key}]" + (" (service-based: a minimum)" if row.service_based else "")
        out.append(textwrap.fill(text, 46))
    return out


def _panel(ax: Axes, frame: pd.DataFrame, colour: str) -> tuple[BarContainer, list[Text]]:
    y = np.arange(len(frame))
    primary = frame["primary"].to_numpy(bool)
    bars = ax.barh(y, np.zeros(len(frame)), height=0.7, left=AXIS_PEOPLE[0])
    for bar, is_primary in zip(bars, primary):
        if is_primary:
            bar.set(facecolor=colour, edgecolor=colour)
        else:
            bar.set(facecolor="white", edgecolor=colour, hatch="///", linewidth=1.2)
    ax.set_yticks(y, _labels(frame), fontsize=8.5)
    ax.invert_yaxis()
    texts = [ax.text(AXIS_PEOPLE[0], yi, "", va="center", fontsize=9) for yi in y]
    ax.set_xscale("log")
    ax.set_xlim(*AXIS_PEOPLE)
    ax.set_xticks(_TICKS, [f"{t:,.0f}" if t >= 1 else f"{t:g}" for t in _TICKS])
    ax.minorticks_off()
    ax.set_xlabel("people with HFS expected in this group (logarithmic scale)")
    return bars, texts


@styled
def build_prevalence(estimates: pd.DataFrame, older: pd.DataFrame) -> tuple[Figure, PrevalenceArtists]:
    """Build the two-panel figure (all ages; over 70) with empty bars; fill it with :func:`update_prevalence`.

    ``estimates`` and ``older`` come from :func:`hfs_edu.models.epidemiology.prevalence_estimates`
    (``"all ages"`` and ``"over 70"``).
    """
    check_frame("estimates", estimates, _COLUMNS, 'prevalence_estimates("all ages")')
    check_frame("older", older, _COLUMNS, 'prevalence_estimates("over 70")')
    n_all, n_old = len(estimates), len(older)
    fig, (ax_all, ax_old) = _two_panels(n_all, n_old)
    bars_all, texts_all = _panel(ax_all, estimates, _COLOURS[0])
    bars_old, texts_old = _panel(ax_old, older, _COLOURS[1])
    # titles sized for the longest text they will show, so the settled layout leaves room for them
    title_all = ax_all.set_title("Everyone: 100,000,000 people", fontsize=10, loc="left")
    title_old = ax_old.set_title("Over-70s: 100,000,000 (your assumption)", fontsize=10, loc="left")
    ax_all.set_xlabel("")
    fig.legend(
        [Patch(facecolor="#555555"), Patch(facecolor="white", edgecolor="#555555", hatch="///")],
        ["original measurement", "secondary quotation (repeats a figure)"],
        loc="outside lower center",
        ncols=2,
        fontsize=9,
        frameon=False,
    )
    art = PrevalenceArtists(ax_all, ax_old, bars_all, bars_old, texts_all, texts_old, title_all, title_old)
    return fig, art


def _two_panels(n_all: int, n_old: int):
    fig, axes = new_figure(PREVALENCE_CAPTION, 2, 1, width_in=8.6, height_in=2.4 + 0.42 * (n_all + n_old))
    axes[0].get_gridspec().set_height_ratios([n_all, max(n_old, 1) + 0.6])
    return fig, axes


def _set_panel(bars, texts, counts) -> None:
    floor = AXIS_PEOPLE[0]
    for bar, text, c in zip(bars, texts, counts):
        bar.set_width(max(float(c) - floor, 0.0))
        text.set_position((max(float(c), floor), bar.get_y() + bar.get_height() / 2))
        text.set_text(count_label(c))


_COUNTS = dict(
    counts_all=array(0, 1e10, ndim=1, unit="people", doc="Expected people per all-ages estimate."),
    counts_old=array(0, 1e10, ndim=1, unit="people", doc="Expected people over 70 per over-70 estimate."),
    population=number(1, 1e10, unit="people", doc="Everyone in the group."),
    population_over_70=number(0, 1e10, unit="people", doc="The people over 70 in that group."),
)


@validated(**_COUNTS)
def update_prevalence(
    art: PrevalenceArtists, counts_all, counts_old, population: float, population_over_70: float
) -> None:
    """Show the expected counts (from :func:`hfs_edu.models.epidemiology.expected_cases`) on the bars.

    ``art`` comes from :func:`build_prevalence`; the axes are fixed (:data:`AXIS_PEOPLE`), so only the
    bars, their labels and the titles change.

    {parameters}
    """
    if not isinstance(art, PrevalenceArtists):
        raise TypeError(f"art must be PrevalenceArtists from build_prevalence(), got {type(art).__name__}")
    _set_panel(art.bars_all, art.texts_all, counts_all)
    _set_panel(art.bars_old, art.texts_old, counts_old)
    art.title_all.set_text(f"Everyone: {population:,.0f} people")
    art.title_old.set_text(f"Over-70s: {population_over_70:,.0f} (your assumption)")


@validated(**_COUNTS)
@styled
def prevalence_figure(
    estimates: pd.DataFrame, older: pd.DataFrame, counts_all, counts_old, population: float, population_over_70: float
) -> Figure:
    """The static figure: :func:`build_prevalence` filled by :func:`update_prevalence`.

    {parameters}
    """
    fig, art = build_prevalence(estimates, older)
    update_prevalence(art, counts_all, counts_old, population, population_over_70)
    return settle_layout(fig)
