"""The chapter 04 exercise checker: blanks, right answers, typical wrong answers and their hints."""

import pytest

from hfs_edu.exercises import ch04, check
from hfs_edu.models import progression as pr


def right_answers(**override):
    want = ch04.expected()
    answers = {
        "first_muscle": want["first_muscle"],
        "muscles_at_24": want["muscles_at_24"],
        "stress_rate_per_hour": round(want["stress_rate_per_hour"]),
        "spasms_in_sleep": want["spasms_in_sleep"],
        "bright_light_in_series": want["bright_light_in_series"],
    }
    answers.update(override)
    return answers


def part(feedback, number):
    return next(p for p in feedback.parts if p.name.startswith(f"{number}."))


def test_unchanged_exercise_cell_says_which_blanks_are_empty():
    fb = check(
        "04",
        first_muscle=...,
        muscles_at_24=...,
        stress_rate_per_hour=...,
        spasms_in_sleep=...,
        bright_light_in_series=...,
    )
    assert not fb.passed and fb.parts == [] and len(fb.blanks) == 5
    assert "Still blank" in repr(fb)


def test_right_answers_pass():
    fb = check("04", **right_answers())
    assert fb.passed, repr(fb)


def test_expected_values_are_the_sourced_science():
    want = ch04.expected()
    assert want["first_muscle"] == "orbicularis oculi"  # typical onset at the eye [S10; S11]
    assert want["stress_rate_per_hour"] > want["rest_rate_per_hour"] > 0  # triggers raise the rate
    assert want["spasms_in_sleep"] is True  # 12/12 in sleep [S108]
    assert (
        want["bright_light_in_series"] is False
    )  # one patient page lists it, no series measured it (hfs_triggers.csv)
    c = pr.simulate_course(10, severity=0.75, systolic_bp_mmhg=140, remission=False)
    assert 1 < want["muscles_at_24"] < len(c.muscles)  # spreading, not yet the whole hemiface


def test_typical_wrong_answers_get_specific_hints():
    assert "atypical" in part(check("04", **right_answers(first_muscle="orbicularis oris")), 1).message
    at_120 = pr.simulate_course(10, severity=0.75, remission=False)
    n120 = int(sum(t <= 24 for t in at_120.recruitment_months))
    if n120 != ch04.expected()["muscles_at_24"]:
        assert "120" in part(check("04", **right_answers(muscles_at_24=n120)), 2).message
    rest = ch04.expected()["rest_rate_per_hour"]
    assert "at rest" in part(check("04", **right_answers(stress_rate_per_hour=rest)), 3).message
    assert not part(check("04", **right_answers(spasms_in_sleep=False)), 4).ok
    c140 = pr.simulate_course(10, severity=0.75, systolic_bp_mmhg=140, remission=False)
    shaded = int((c140.involvement[:, 24] > 0).sum())
    if shaded != ch04.expected()["muscles_at_24"]:
        assert "shaded but not yet recruited" in part(check("04", **right_answers(muscles_at_24=shaded)), 2).message
    p5 = part(check("04", **right_answers(bright_light_in_series=True)), 5)
    assert not p5.ok and "bright light" in p5.message


@pytest.mark.parametrize(
    "field,bad",
    [("muscles_at_24", "3"), ("spasms_in_sleep", "yes"), ("stress_rate_per_hour", "many"), ("first_muscle", 3)],
)
def test_wrong_types_get_a_format_hint(field, bad):
    fb = check("04", **right_answers(**{field: bad}))
    assert not fb.passed
