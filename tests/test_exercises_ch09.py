"""Chapter 09 exercise checker: blanks, right answers and the typical wrong ones, from the model."""

import pytest

from hfs_edu.exercises import ch09, check
from hfs_edu.models import virtual_patient as vp

BLANK = dict.fromkeys(ch09.ANSWERS, ...)


@pytest.fixture(scope="module")
def exp():
    return ch09.expected()


@pytest.fixture(scope="module")
def right(exp):
    return {name: exp[name] for name in ch09.ANSWERS}


def test_expected_values_come_from_the_model(exp):
    table = vp.compare_strategies(ch09.PATIENT, years=ch09.YEARS, seed=ch09.SEED, futures=ch09.FUTURES)
    by = table.set_index("strategy")["good_control_months"]
    assert exp["best_plan"] == by.idxmax() and exp["best_months"] == pytest.approx(by.max())
    assert exp["gap_vs_botulinum"] == pytest.approx(by.max() - by["botulinum"])


def test_science_the_exercise_teaches(exp):
    # the plan with most good-control months includes the operation, and so takes the risk of permanent harm
    assert "MVD" in exp["best_plan"]
    assert exp["risk_pct"] == pytest.approx(100 * vp.MVD_PERMANENT_RISK)
    assert exp["risk_by_plan"]["botulinum"] == 0 and exp["risk_by_plan"]["watchful waiting"] == 0
    assert exp["gap_vs_botulinum"] > 0
    # the futures spread far more than the best plans differ
    lo, hi = exp["best_range"]
    assert hi - lo > 5 * exp["runner_up_gap"]


def test_unchanged_cell_says_still_blank_and_never_raises():
    for answers in (BLANK, {}, dict(BLANK, best_plan="MVD")):
        fb = check("09", **answers)
        assert not fb.passed and "Still blank" in repr(fb)


def test_right_answers_pass(right, exp):
    assert check("09", **right).passed
    typed = dict(
        right,
        best_plan=f"  {exp['best_plan'].upper()} ",
        best_months=round(exp["best_months"]),
        gap_vs_botulinum=round(exp["gap_vs_botulinum"], 1),
        risk_pct=round(exp["risk_pct"], 1),
    )
    assert check("09", **typed).passed, repr(check("09", **typed))


def test_typical_wrong_answers_get_their_hint(right, exp):
    fb = check("09", **dict(right, best_plan="botulinum"))
    assert not fb.passed and "mean" in repr(fb)
    fb = check("09", **dict(right, risk_pct=exp["risk_pct"] / 100))
    assert "percent" in repr(fb)
    fb = check("09", **dict(right, risk_pct=0.0))
    assert "20 futures are too few" in repr(fb)
    fb = check("09", **dict(right, gap_vs_botulinum=-exp["gap_vs_botulinum"]))
    assert "subtract" in repr(fb)
    fb = check("09", **dict(right, best_plan="surgery please"))
    assert "exactly as the table names it" in repr(fb)
