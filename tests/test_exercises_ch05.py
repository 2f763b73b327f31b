"""The chapter 05 exercise checker: blanks, right answers, typical wrong answers (three parts)."""

import pytest

from hfs_edu.exercises import ch05, check
from hfs_edu.models.statistics import wilson_interval

ROWS = "design == 'case-control' and subgroup == 'all'"


def _wrong(fb):
    return {p.name: p.message for p in fb.parts if not p.ok}


@pytest.mark.parametrize(
    "answers",
    [
        {"city_expected": ..., "city_interval": (..., ...)},
        {"studies": ..., "pooled_or": ...},
        {"india_interval": ..., "china_interval": (1, 2), "differ_by_more_than_chance": ...},
    ],
)
def test_blank_cells_say_what_is_still_blank(answers):
    fb = check("05", **answers)
    assert not fb.passed and "Still blank" in repr(fb)


def test_blank_scaffold_helpers_never_raise():
    assert ch05.studies_table(..., {k: ... for k in ch05.POLISH_KEYS}) is ...
    assert ch05.pool_and_draw(...) is ...


def test_city_right_and_typical_wrong():
    e = ch05.expected()
    lo, hi = e["city_interval"]
    assert check("05", city_expected=round(e["city_expected"]), city_interval=(round(lo), round(hi))).passed
    fb = check("05", city_expected=e["city_expected"] * 100_000, city_interval=e["city_wald"])
    assert "100,000" in _wrong(fb)["city_expected"] and "one city's count" in _wrong(fb)["city_interval"]


def test_forest_right_and_typical_wrong():
    e = ch05.expected()
    table = ch05.studies_table(ROWS, e["polish_counts"])
    assert check("05", studies=table, pooled_or=e["pooled_or"]).passed
    with_meta = ch05.studies_table("subgroup == 'all'", e["polish_counts"])
    assert "meta-analysis" in _wrong(check("05", studies=with_meta, pooled_or=e["pooled_with_meta"]))["studies"]
    subgroups = ch05.studies_table("design == 'case-control'", e["polish_counts"])
    assert "subgroups" in _wrong(check("05", studies=subgroups, pooled_or=2.6))["studies"]
    swapped = dict(zip(ch05.POLISH_KEYS, (23, 37, 27, 33)))
    assert "2 x 2" in _wrong(check("05", studies=ch05.studies_table(ROWS, swapped), pooled_or=2.5))["studies"]


def test_cohorts_right_and_typical_wrong():
    india, china = wilson_interval(158, 321), wilson_interval(645, 1003)
    right = {"india_interval": india.pct[1:], "china_interval": china.pct[1:], "differ_by_more_than_chance": True}
    assert check("05", **right).passed
    fractions = {**right, "india_interval": (india.low, india.high), "differ_by_more_than_chance": False}
    wrong = _wrong(check("05", **fractions))
    assert "percent" in wrong["india_interval"] and "overlap" in wrong["differ_by_more_than_chance"]


def test_unknown_names_are_refused():
    with pytest.raises(ValueError, match="one part"):
        check("05", city_expected=98)
