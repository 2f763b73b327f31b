"""Chapter 05 exercise, three checked parts (each its own cell and its own ``check("05", ...)``).

1. **City**: ``city_expected`` people with HFS in a city of 1,000,000 at the Oslo prevalence, and
   ``city_interval`` (low, high) from the exact Poisson interval of Oslo's 50 counted patients.
2. **Forest plot**: ``polish_counts`` (the 2 x 2 table of Rudzinska 2016, from
   ``data/hypertension_counts.csv``) and ``rows_to_pool`` (a pandas query selecting the two
   whole-study case-control rows of ``data/hypertension_odds_ratios.csv``);
   :func:`studies_table` builds the student's table and :func:`pool_and_draw` pools and draws it.
   The checker checks the table and the pooled odds ratio.
3. **Cohorts**: ``india_interval`` (95% Wilson interval of the female share of the Indian clinic, in
   percent), ``others_interval`` (the same for the other cohorts of
   :func:`hfs_edu.models.cohorts.cohort_shares` added together) and ``differ_by_more_than_chance``.

Every expected value is computed here from the tables and :mod:`hfs_edu.models.statistics`.
"""

from __future__ import annotations

import math

import pandas as pd

from ..data import load_table
from ..models import cohorts
from ..models.epidemiology import expected_cases
from ..models.statistics import (
    PooledEstimate,
    odds_ratio_from_counts,
    poisson_interval,
    pooled_odds_ratio,
    wilson_interval,
    z_value,
)
from . import Feedback, Part, blank_names, close_enough, is_blank

__all__ = ["CITY_POPULATION", "POLISH_KEYS", "check", "expected", "pool_and_draw", "studies_table"]

#: The exercise's city (a teaching scenario, not data).
CITY_POPULATION = 1_000_000
#: The four cells of a 2 x 2 table, in the order of :func:`odds_ratio_from_counts`.
POLISH_KEYS = ("cases_exposed", "cases_unexposed", "controls_exposed", "controls_unexposed")
_PARTS = {
    "city": ("city_expected", "city_interval"),
    "forest": ("polish_counts", "rows_to_pool", "studies", "pooled_or"),
    "cohorts": ("india_interval", "others_interval", "differ_by_more_than_chance"),
}
_TITLE = "Chapter 05 exercise"


def _oslo() -> tuple[float, int]:
    df = load_table("epidemiology")
    row = df[(df["source_key"] == "S4") & (df["age_group"] == "all")].iloc[0]
    return float(row["value_per_100000"]), int(row["n_cases"])


def _polish_row() -> pd.Series:
    return load_table("hypertension_counts").iloc[0]


def _polish_counts() -> dict[str, int]:
    r = _polish_row()
    a, c = int(r["n_cases_hypertension"]), int(r["n_controls_hypertension"])
    return dict(zip(POLISH_KEYS, (a, int(r["n_cases"]) - a, c, int(r["n_controls"]) - c)))


def _share(label_start: str) -> pd.Series:
    df = cohorts.cohort_shares("women")
    return df[df["source_key"] == label_start].iloc[0]


def expected() -> dict:
    """The expected answers, computed from the tables and the statistics model."""
    rate, cases = _oslo()
    ci = poisson_interval(cases)
    city = float(expected_cases(CITY_POPULATION, rate))
    two = load_table("hypertension_odds_ratios").query("design == 'case-control' and subgroup == 'all'")
    table = studies_table("design == 'case-control' and subgroup == 'all'", _polish_counts())
    india = _share("S21")
    women = cohorts.cohort_shares("women")
    others = women[women["source_key"] != "S21"]
    k_others, n_others = int(others["count"].sum()), int(others["n"].sum())
    o = wilson_interval(k_others, n_others)
    return {
        "city_expected": city,
        "city_interval": (city * ci.low / cases, city * ci.high / cases),
        "city_wald": (city - z_value() * math.sqrt(city), city + z_value() * math.sqrt(city)),
        "oslo_cases": cases,
        "polish_counts": _polish_counts(),
        "two_studies": two,
        "studies": table,
        "pooled_or": pooled_odds_ratio(table).odds_ratio,
        "meta_or": float(
            load_table("hypertension_odds_ratios").query("design == 'meta-analysis'")["odds_ratio"].iloc[0]
        ),
        "oslo_rate": rate,
        "pooled_with_meta": pooled_odds_ratio(
            pd.concat([table, load_table("hypertension_odds_ratios").query("design == 'meta-analysis'")])
        ).odds_ratio,
        "india_interval": (float(india["low_pct"]), float(india["high_pct"])),
        "others_interval": (100 * o.low, 100 * o.high),
        "others_counts": (k_others, n_others),
        "india": india,
    }


def studies_table(rows_to_pool: object, polish_counts: object) -> pd.DataFrame | type(Ellipsis):
    """Your table of studies: the rows of ``hypertension_odds_ratios`` selected by the query
    ``rows_to_pool``, plus the crude odds ratio of ``polish_counts`` (a dict of the four cells).

    Returns ``...`` (still blank) while either argument has a blank, so the cell never fails, and
    also when pandas cannot read the query (it prints one line naming ``rows_to_pool``), so that
    :func:`check` is reached and gives its hint.
    """
    if is_blank(rows_to_pool) or is_blank(polish_counts):
        return ...
    if not isinstance(rows_to_pool, str):
        raise TypeError(f"rows_to_pool must be a query string such as \"design == 'x'\", got {rows_to_pool!r:.40}")
    if not isinstance(polish_counts, dict) or set(polish_counts) != set(POLISH_KEYS):
        raise TypeError(f"polish_counts must be a dict with the keys {', '.join(POLISH_KEYS)}")
    try:
        picked = load_table("hypertension_odds_ratios").query(rows_to_pool)
    except Exception:  # noqa: BLE001 - any pandas error in the student's query becomes one readable line
        print(
            f"rows_to_pool could not be read as a query: {rows_to_pool!r}. Text goes in single quotes and == "
            "means equals, e.g. \"design == 'case-control'\". The checker below gives a hint."
        )
        return ...
    # a subgroup row is labelled with its subgroup, so a plot of duplicated patients shows it
    sub = picked["subgroup"].astype(str)
    label = picked["study"].where(sub == "all", picked["study"] + ", " + sub)
    table = picked.assign(label=label)[["label", "odds_ratio", "ci_low", "ci_high"]]
    polish = odds_ratio_from_counts(**polish_counts)
    extra = pd.DataFrame(
        {
            "label": ["Rudzinska et al. 2016 (crude, from counts)"],
            "odds_ratio": [polish.estimate],
            "ci_low": [polish.low],
            "ci_high": [polish.high],
        }
    )
    return pd.concat([table, extra], ignore_index=True)


def pool_and_draw(studies: object, draw: bool = True) -> float | type(Ellipsis):
    """Pool ``studies`` (from :func:`studies_table`), draw the forest plot (Figure 5.4) and return the
    pooled OR; ``draw=False`` (the worked solution) only pools, so that Run All shows no answer."""
    if is_blank(studies):
        return ...
    if not isinstance(draw, bool):
        raise TypeError(f"draw must be True or False, got {draw!r}")
    from ..figures.statistics import forest_plot
    from ..notebook import show

    pooled: PooledEstimate = pooled_odds_ratio(studies)
    if draw:
        show(forest_plot(studies, pooled), "5.4")
    return pooled.odds_ratio


def _interval(answer: object) -> tuple[float, float] | None:
    try:
        lo, hi = (float(x) for x in answer)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else None


def _close_pair(answer, target, rel=0.03, abs_=0.0) -> bool:
    got = _interval(answer)
    return got is not None and all(close_enough(g, t, rel=rel, abs_=abs_) for g, t in zip(got, target))


def _city(e, city_expected, city_interval) -> list[Part]:
    parts = []
    if close_enough(city_expected, e["city_expected"], rel=0.02):
        parts.append(Part("city_expected", True, f"right: about {e['city_expected']:.0f} people."))
    elif close_enough(city_expected, e["city_expected"] * 100_000, rel=0.02):
        parts.append(Part("city_expected", False, "the rate is per 100,000 people: divide by 100,000."))
    else:
        parts.append(
            Part(
                "city_expected",
                False,
                f"people x rate / 100,000, with the Oslo rate of {e['oslo_rate']:g} per 100,000.",
            )
        )
    if _close_pair(city_interval, e["city_interval"]):
        lo, hi = e["city_interval"]
        parts.append(Part("city_interval", True, f"right: about {lo:.0f} to {hi:.0f} people."))
    elif _close_pair(city_interval, e["city_wald"], rel=0.02):
        parts.append(
            Part(
                "city_interval",
                False,
                "that is the chance scatter of one city's count if the rate were known exactly. The question is "
                f"how uncertain the Oslo rate is: it rests on {e['oslo_cases']} patients, so scale "
                "poisson_interval(50) by city_expected / 50.",
            )
        )
    else:
        parts.append(
            Part(
                "city_interval",
                False,
                f"give (low, high): ci = poisson_interval({e['oslo_cases']}), then city_expected x ci.low / "
                f"{e['oslo_cases']} and city_expected x ci.high / {e['oslo_cases']}.",
            )
        )
    return parts


def _forest(e, polish_counts, rows_to_pool, studies, pooled_or) -> list[Part]:
    parts = []
    c = e["polish_counts"]
    if polish_counts == c:
        parts.append(Part("polish_counts", True, "right: the 2 x 2 table of the Polish study."))
    else:
        parts.append(
            Part(
                "polish_counts",
                False,
                f"{c['cases_exposed']} of {c['cases_exposed'] + c['cases_unexposed']} cases and "
                f"{c['controls_exposed']} of {c['controls_exposed'] + c['controls_unexposed']} controls had "
                "hypertension: 'exposed' is with hypertension, 'unexposed' the rest of each group.",
            )
        )
    table = load_table("hypertension_odds_ratios")
    want = set(e["two_studies"].index)
    try:
        got = set(table.query(rows_to_pool).index) if isinstance(rows_to_pool, str) else None
    except Exception:  # noqa: BLE001 - any pandas error in the student's query becomes a hint
        got = None
    if got == want:
        parts.append(Part("rows_to_pool", True, "right: one whole-study row per case-control study."))
    elif got is None:
        parts.append(
            Part(
                "rows_to_pool",
                False,
                "write a query string that pandas can read: text in single quotes, == for equals, and to "
                "combine, e.g. \"design == 'case-control' and subgroup == 'x'\".",
            )
        )
    elif set(table.index[table["design"] == "meta-analysis"]) & got:
        parts.append(
            Part(
                "rows_to_pool",
                False,
                "leave the meta-analysis out: it already pools studies (probably including these), so adding it "
                "counts the same patients twice.",
            )
        )
    elif len(got) > len(want):
        parts.append(
            Part(
                "rows_to_pool",
                False,
                "keep one row per study: subgroups (left, right, age) share patients and controls with the "
                "overall row (subgroup == 'all').",
            )
        )
    else:
        parts.append(Part("rows_to_pool", False, "keep the case-control rows whose subgroup is 'all'."))
    if isinstance(studies, pd.DataFrame) and close_enough(pooled_or, e["pooled_or"], rel=0.01):
        parts.append(Part("pooled_or", True, f"right: a pooled odds ratio of about {e['pooled_or']:.2f}."))
    else:
        parts.append(
            Part("pooled_or", False, "it follows from the two parts above: pool_and_draw(studies) returns it.")
        )
    return parts


def _cohorts(e, india_interval, others_interval, differ) -> list[Part]:
    parts = []
    k_o, n_o = e["others_counts"]
    where = {
        "india_interval": (f"wilson_interval({int(e['india']['count'])}, {int(e['india']['n'])}).pct", 1),
        "others_interval": (f'wilson_interval(others["count"].sum(), others["n"].sum()): {k_o} of {n_o}', 1),
    }
    for name, answer in (("india_interval", india_interval), ("others_interval", others_interval)):
        target = e[name]
        if _close_pair(answer, target, abs_=0.6):
            parts.append(Part(name, True, f"right: {target[0]:.1f}% to {target[1]:.1f}%."))
        elif _close_pair(answer, (target[0] / 100, target[1] / 100), abs_=0.006):
            parts.append(Part(name, False, "give it in percent: multiply .low and .high by 100 (or use .pct)."))
        else:
            parts.append(
                Part(name, False, f"{where[name][0]} gives (estimate, low, high) in percent; keep low and high.")
            )
    truth = e["india_interval"][1] < e["others_interval"][0] or e["others_interval"][1] < e["india_interval"][0]
    if differ is truth:
        parts.append(
            Part(
                "differ_by_more_than_chance",
                True,
                "right: the intervals do not overlap, so chance alone is an unlikely explanation; the clinics differ "
                "(referral, population, how patients were found)."
                if truth
                else "right: the intervals overlap.",
            )
        )
    elif isinstance(differ, bool):
        parts.append(
            Part(
                "differ_by_more_than_chance",
                False,
                "compare the two intervals: they do NOT overlap when India's high end is below the others' low end "
                "(or the other way round). No overlap means True (more than chance); overlap means False.",
            )
        )
    else:
        parts.append(Part("differ_by_more_than_chance", False, "answer True or False."))
    return parts


def check(**answers: object) -> Feedback:
    """Check one part of the chapter 05 exercise (the part is chosen by the names you pass)."""
    names = set(answers)
    part = next((p for p, keys in _PARTS.items() if names == set(keys)), None)
    if part is None:
        allowed = "; ".join(", ".join(keys) for keys in _PARTS.values())
        raise ValueError(f"check('05', ...) takes the names of one part: {allowed}; got {sorted(names)}")
    title = f"{_TITLE}, part {list(_PARTS).index(part) + 1}"
    blanks = blank_names(**answers)
    if part == "forest":  # the inputs only: studies and pooled_or stay blank while they are (or the query is bad)
        blanks = blank_names(polish_counts=answers["polish_counts"], rows_to_pool=answers["rows_to_pool"])
    if blanks:
        return Feedback(title, blanks=blanks)
    e = expected()
    if part == "city":
        return Feedback(title, parts=_city(e, **answers))
    if part == "forest":
        return Feedback(title, parts=_forest(e, **answers))
    return Feedback(
        title,
        parts=_cohorts(e, answers["india_interval"], answers["others_interval"], answers["differ_by_more_than_chance"]),
    )
