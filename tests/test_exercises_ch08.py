"""Chapter 08 exercise checker: blanks, right answers and the typical wrong ones, from the model and tables."""

import pytest

from hfs_edu.data import load_table
from hfs_edu.exercises import ch08, check
from hfs_edu.models import mvd

BLANK = {name: ... for name in ch08.ANSWERS}


@pytest.fixture(scope="module")
def exp():
    return ch08.expected()


@pytest.fixture(scope="module")
def right(exp):
    return {name: exp[name] for name in ch08.ANSWERS}


def test_expected_values_come_from_the_model_and_the_science_holds(exp):
    assert exp["at_1_month_pct"] == pytest.approx(100 * mvd.cure_course(400.0).spasm_free[30], abs=0.5)
    # delayed cure: clearly fewer spasm-free at one month than at twelve; most cured by a year
    assert exp["at_1_month_pct"] + 15 < exp["at_12_months_pct"] <= 100 * mvd.EVENTUAL_CURE
    # the one-month value lies inside the sourced first-days-to-one-month range across series
    early = load_table("mvd_delayed_resolution")["early_cure_pct"].dropna().astype(float)
    assert early.min() <= exp["at_1_month_pct"] <= early.max()
    lo, hi = exp["large_series_range_pct"]
    assert 85 <= lo < hi <= 97  # the large series sit in the 'about 90%' band
    assert exp["all_series_range_pct"][0] < lo  # the outliers are small series
    a, b = exp["hearing_range_in_200"]
    assert a <= exp["hearing_losses_in_200"] <= b
    assert exp["unnecessary_at_1_month_pct"] > 50 > exp["unnecessary_at_1_year_pct"]


def test_unchanged_cell_says_still_blank_and_never_raises():
    for answers in (BLANK, {}, dict(BLANK, at_1_month_pct=45)):
        fb = check("08", **answers)
        assert not fb.passed and "Still blank" in repr(fb)


def test_right_answers_pass(right, exp):
    assert check("08", **right).passed
    typed = dict(
        right,
        at_1_month_pct=round(exp["at_1_month_pct"]),
        at_12_months_pct=round(exp["at_12_months_pct"]),
        large_series_range_pct=list(reversed(exp["large_series_range_pct"])),
        decision_at_1_month=" Wait ",
    )
    assert check("08", **typed).passed, repr(check("08", **typed))


def test_typical_wrong_answers_get_their_hint(right, exp):
    fitted = 100 * mvd.spasm_free_share(
        ch08.MONTH_DAYS, eventual_cure=1.0, immediate_share=mvd.SLOW_COHORT_IMMEDIATE_SHARE
    )
    fb = check("08", **dict(right, at_1_month_pct=fitted))
    assert "blue curve" in repr(fb) and not fb.passed
    fb = check("08", **dict(right, at_1_month_pct=exp["at_1_month_pct"] / 100))
    assert "fraction" in repr(fb)
    fb = check("08", **dict(right, large_series_range_pct=exp["all_series_range_pct"]))
    assert "smaller series" in repr(fb)
    fb = check("08", **dict(right, hearing_losses_in_200=100 * exp["hearing_losses_in_200"] / 200))
    assert "per 100" in repr(fb)
    fb = check("08", **dict(right, decision_at_1_month="reoperate"))
    assert "delayed cures" in repr(fb)
    fb = check("08", **dict(right, decision_at_1_month=3))
    assert "in quotes" in repr(fb)
