"""Chapter 00 exercise: how many people with HFS does a district hospital serve?

The student estimates, for a district of 250,000 people (30,000 of them over 70),

* ``whole_low`` / ``whole_high``: expected people with HFS in the whole district
  under the lower and the higher of the two **primary** all-ages prevalence
  studies in ``data/epidemiology.csv`` (Oslo, Finland);
* ``over_70``: expected people with HFS among the 30,000 over-70s, using the
  only over-70 estimate (Oslo);
* ``over_70_share_pct``: that number as a percentage of ``whole_high``.

Every expected value is computed here from the table and
:func:`hfs_edu.models.epidemiology.expected_cases`; nothing is typed in.
"""

from __future__ import annotations

from ..data import load_table
from ..models.epidemiology import PER_100000, expected_cases
from . import Feedback, Part, blank_names, close_enough

__all__ = ["DISTRICT_OVER_70", "DISTRICT_POPULATION", "check", "expected"]

#: The exercise's district (a teaching scenario, not data).
DISTRICT_POPULATION = 250_000
#: People over 70 in the district (the exercise's assumption).
DISTRICT_OVER_70 = 30_000

_TITLE = "Chapter 00 exercise: expected cases in a district of 250,000"


def _primary_prevalence(age_group: str) -> list[float]:
    df = load_table("epidemiology")
    rows = df[
        (df["measure"] == "prevalence")
        & (df["sex"] == "all")
        & (df["age_group"] == age_group)
        & (df["data_origin"] == "original study")
    ]
    return sorted(float(v) for v in rows["value_per_100000"].dropna())


def expected() -> dict[str, float]:
    """The expected answers, computed from ``data/epidemiology.csv``."""
    all_ages = _primary_prevalence("all")
    over_70 = _primary_prevalence(">70")
    whole_low = float(expected_cases(DISTRICT_POPULATION, all_ages[0]))
    whole_high = float(expected_cases(DISTRICT_POPULATION, all_ages[-1]))
    old = float(expected_cases(DISTRICT_OVER_70, over_70[0]))
    return {
        "whole_low": whole_low,
        "whole_high": whole_high,
        "over_70": old,
        "over_70_share_pct": 100 * old / whole_high,
        "prevalence_low": all_ages[0],
        "prevalence_high": all_ages[-1],
        "prevalence_over_70": over_70[0],
    }


def _count_part(name: str, answer: object, target: float, population: int, prevalence: float) -> Part:
    if close_enough(answer, target, rel=0.03, abs_=0.6):
        return Part(name, True, f"right: about {target:.1f} people.")
    if close_enough(answer, population * prevalence, rel=0.03):
        return Part(
            name,
            False,
            f"you multiplied but did not divide: the prevalence is per {PER_100000:,} people, so divide by 100,000.",
        )
    if name == "over_70" and close_enough(answer, expected_cases(DISTRICT_POPULATION, prevalence), rel=0.03):
        return Part(
            name,
            False,
            f"the over-70 figure applies only to the {DISTRICT_OVER_70:,} people over 70, not to the whole district.",
        )
    return Part(
        name,
        False,
        f"population x prevalence / 100,000, with population {population:,} and prevalence {prevalence:g} per 100,000.",
    )


def check(
    whole_low: object = ..., whole_high: object = ..., over_70: object = ..., over_70_share_pct: object = ...
) -> Feedback:
    """Check the chapter 00 exercise; blanks (``...``) are reported, never an error."""
    answers = {
        "whole_low": whole_low,
        "whole_high": whole_high,
        "over_70": over_70,
        "over_70_share_pct": over_70_share_pct,
    }
    blanks = blank_names(**answers)
    if blanks:
        return Feedback(_TITLE, blanks=blanks)
    e = expected()
    parts = [
        _count_part("whole_low", whole_low, e["whole_low"], DISTRICT_POPULATION, e["prevalence_low"]),
        _count_part("whole_high", whole_high, e["whole_high"], DISTRICT_POPULATION, e["prevalence_high"]),
        _count_part("over_70", over_70, e["over_70"], DISTRICT_OVER_70, e["prevalence_over_70"]),
    ]
    share = e["over_70_share_pct"]
    if close_enough(over_70_share_pct, share, abs_=3.0):
        parts.append(
            Part(
                "over_70_share_pct",
                True,
                f"right: about {share:.0f}% of the district's patients "
                "would be over 70 (two different studies combined).",
            )
        )
    elif close_enough(over_70_share_pct, share / 100, abs_=0.03):
        parts.append(Part("over_70_share_pct", False, "give it as a percentage (multiply the fraction by 100)."))
    else:
        parts.append(
            Part(
                "over_70_share_pct", False, "divide your over_70 count by your whole_high count, then multiply by 100."
            )
        )
    return Feedback(_TITLE, parts=parts)
