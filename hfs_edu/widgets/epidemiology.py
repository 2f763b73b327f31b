"""Interactive view: how many people with HFS live in a group of a given size?"""

from __future__ import annotations

from .._params import integer
from ..figures.epidemiology import build_prevalence, count_label, update_prevalence
from ..models.epidemiology import expected_cases, prevalence_estimates
from .base import View, control

__all__ = ["POPULATION_STOPS", "PrevalenceView"]

#: Population slider stops (people), roughly logarithmic: a GP practice to a large country.
POPULATION_STOPS = (
    1_000,
    5_000,
    10_000,
    50_000,
    100_000,
    250_000,
    500_000,
    1_000_000,
    2_000_000,
    5_000_000,
    10_000_000,
    50_000_000,
    100_000_000,
)


def _range(counts) -> str:
    """ "about 35 to 75 people", "fewer than 1 person", "fewer than 1 to about 2 people" (rounded as on the bars)."""
    lo, hi = (count_label(float(c)).strip() for c in (counts.min(), counts.max()))
    if lo == hi:
        return lo.replace("≈", "about")
    if lo.startswith("fewer"):
        return f"fewer than 1 to {hi.replace('≈', 'about')}"
    return f"about {lo.removeprefix('≈ ').split(' ')[0]} to {hi.removeprefix('≈ ')}"


class PrevalenceView(View):
    """Expected number of people with HFS in a population, under each sourced prevalence estimate."""

    PARAMS = {
        "population": control(
            integer(
                POPULATION_STOPS[0],
                POPULATION_STOPS[-1],
                unit="people",
                doc="number of people in the practice, town, region or country",
            ),
            label="population",
            widget="selection",
            stops=POPULATION_STOPS,
        ),
        "share_over_70_pct": control(
            integer(0, 40, unit="%", doc="your assumption: the percentage of those people who are over 70"),
            label="% over 70",
        ),
    }
    IMAGE_WIDTH_PX = 760

    def build_figure(self):
        self._all = prevalence_estimates("all ages")
        self._old = prevalence_estimates("over 70")
        fig, self.art = build_prevalence(self._all, self._old)
        return fig

    def dynamic_artists(self):
        return self.art.dynamic()

    def update(self, population=500_000, share_over_70_pct=12):
        older = population * share_over_70_pct / 100
        counts_all = expected_cases(population, self._all["per_100000"].to_numpy(float))
        counts_old = expected_cases(older, self._old["per_100000"].to_numpy(float))
        update_prevalence(self.art, counts_all, counts_old, population, older)  # fixed axes: blitting suffices
        return (
            f"<p>Among <b>{population:,}</b> people expect <b>{_range(counts_all)}</b> with hemifacial "
            f"spasm, depending on which estimate you use. Of the <b>{older:,.0f}</b> people over 70 "
            f"(your assumption), expect <b>{_range(counts_old)}</b> with HFS if the Oslo over-70 figure "
            "applies; they are part of the first number, not extra. Oslo counted treated patients only "
            "(service-based), so its figures are minimums.</p>"
        )
