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
        {"polish_counts": {"cases_exposed": ...}, "rows_to_pool": ..., "studies": ..., "pooled_or": ...},
        {"india_interval": ..., "others_interval": (1, 2), "differ_by_more_than_chance": ...},
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


def _forest(counts, rows):
    studies = ch05.studies_table(rows, counts)
    return check(
        "05", polish_counts=counts, rows_to_pool=rows, studies=studies, pooled_or=ch05.pool_and_draw(studies, False)
    )


def test_forest_blank_inputs_are_named_not_the_outputs():
    fb = check("05", polish_counts=dict.fromkeys(ch05.POLISH_KEYS, ...), rows_to_pool=..., studies=..., pooled_or=...)
    assert fb.blanks == ["polish_counts", "rows_to_pool"]


def test_forest_right_and_typical_wrong():
    e = ch05.expected()
    assert _forest(e["polish_counts"], ROWS).passed
    assert e["pooled_or"] == pytest.approx(ch05.pool_and_draw(ch05.studies_table(ROWS, e["polish_counts"]), False))
    assert "meta-analysis" in _wrong(_forest(e["polish_counts"], "subgroup == 'all'"))["rows_to_pool"]
    assert "subgroups" in _wrong(_forest(e["polish_counts"], "design == 'case-control'"))["rows_to_pool"]
    swapped = dict(zip(ch05.POLISH_KEYS, (23, 37, 27, 33)))
    wrong = _wrong(_forest(swapped, ROWS))
    assert "exposed" in wrong["polish_counts"] and "pooled_or" in wrong and "rows_to_pool" not in wrong
    table = ch05.studies_table(ROWS, e["polish_counts"])
    fb = check("05", polish_counts=e["polish_counts"], rows_to_pool=3, studies=table, pooled_or=e["pooled_or"])
    assert "query" in _wrong(fb)["rows_to_pool"]


def test_cohorts_right_and_typical_wrong():
    from hfs_edu.models import cohorts

    women = cohorts.cohort_shares("women")
    others = women.query("source_key != 'S21'")
    india = wilson_interval(158, 321)  # printed counts [S21]
    pooled = wilson_interval(int(others["count"].sum()), int(others["n"].sum()))
    assert india.high < pooled.low  # India differs from the other cohorts added together
    right = {"india_interval": india.pct[1:], "others_interval": pooled.pct[1:], "differ_by_more_than_chance": True}
    assert check("05", **right).passed
    fractions = {**right, "india_interval": (india.low, india.high), "differ_by_more_than_chance": False}
    wrong = _wrong(check("05", **fractions))
    assert "percent" in wrong["india_interval"] and "overlap" in wrong["differ_by_more_than_chance"]
    mean_of_shares = {**right, "others_interval": (60.0, 68.0)}  # averaging percentages, not adding counts
    assert "sum()" in _wrong(check("05", **mean_of_shares))["others_interval"]


def test_unknown_names_are_refused():
    with pytest.raises(ValueError, match="one part"):
        check("05", city_expected=98)


@pytest.mark.parametrize("bad", ["design = 'case-control'", "design == case-control and subgroup == all"])
def test_unreadable_query_reaches_the_checkers_hint(bad, capsys):
    e = ch05.expected()
    studies = ch05.studies_table(bad, e["polish_counts"])  # a beginner's typo must not raise a pandas traceback
    assert studies is ...
    assert "rows_to_pool" in capsys.readouterr().out
    pooled = ch05.pool_and_draw(studies)
    fb = check("05", polish_counts=e["polish_counts"], rows_to_pool=bad, studies=studies, pooled_or=pooled)
    wrong = _wrong(fb)
    assert "single quotes" in wrong["rows_to_pool"] and "polish_counts" not in wrong


def test_subgroup_rows_are_labelled_so_duplicates_show_in_the_plot():
    e = ch05.expected()
    table = ch05.studies_table("design == 'case-control'", e["polish_counts"])
    assert table["label"].is_unique  # each subgroup of one study gets its own label
    whole = ch05.studies_table(ROWS, e["polish_counts"])
    assert not whole["label"].str.contains(", left|, right").any()


def test_overlap_hint_says_which_way_true_goes():
    e = ch05.expected()
    fb = check(
        "05", india_interval=e["india_interval"], others_interval=e["others_interval"], differ_by_more_than_chance=False
    )
    assert "No overlap means True" in _wrong(fb)["differ_by_more_than_chance"]
