"""The chapter 02 exercise checker: blanks, right answers, typical wrong answers and their hints."""

import math

import pytest

from hfs_edu.exercises import ch02, check
from hfs_edu.models import compression

DISCUSSION = (
    "Whether this loop caused her spasm, because such contacts are common without HFS, and when "
    "it began: every constant is a teaching calibration."
)


def right_answers(**override):
    want = ch02.expected()
    answers = {
        "years_indenting": tuple(round(y, 1) for y in want["years_indenting"]),
        "touching_gives_symptoms": want["touching_gives_symptoms"],
        "bp_role": want["bp_role"],
        "cannot_tell": DISCUSSION,
    }
    answers.update(override)
    return answers


def part(feedback, number):
    return next(p for p in feedback.parts if p.name.startswith(f"{number}."))


def test_unchanged_exercise_cell_says_which_blanks_are_empty():
    fb = check("02", years_indenting=(..., ..., ...), touching_gives_symptoms=..., bp_role=..., cannot_tell=...)
    assert not fb.passed and fb.parts == []
    assert fb.blanks == ["years_indenting", "touching_gives_symptoms", "bp_role", "cannot_tell"]
    assert "Still blank" in repr(fb) and "Still blank" in fb._repr_html_()


def test_one_blank_among_answers_is_still_reported():
    fb = check("02", **right_answers(years_indenting=(6.0, ..., 2.1)))
    assert fb.blanks == ["years_indenting"] and "Still blank: years_indenting" in repr(fb)


def test_right_answers_pass_and_match_the_model():
    fb = check("02", **right_answers())
    assert fb.passed, repr(fb)
    assert "All parts right" in repr(fb)


def test_expected_values_are_the_model_science():
    want = ch02.expected()
    years = want["years_indenting"]
    # higher systolic pressure shortens the time to symptoms of an indenting artery [TC]
    assert years[0] > years[1] > years[2] > 0
    assert years[0] == pytest.approx(compression.years_to_symptoms(0.6, systolic_bp_mmhg=120, age_years=45))
    # a merely touching artery stays harmless at 120-160 mmHg (contact without symptoms [S43])
    assert want["touching_gives_symptoms"] is False
    assert all(
        math.isnan(compression.years_to_symptoms(0.25, systolic_bp_mmhg=bp, age_years=45, horizon_years=40))
        for bp in (120, 140, 160)
    )
    assert want["bp_role"] == "accelerator"


def test_values_read_from_the_view_to_one_decimal_pass():
    years = tuple(float(f"{y:.1f}") for y in ch02.expected()["years_indenting"])
    assert part(check("02", **right_answers(years_indenting=years)), 1).ok


@pytest.mark.parametrize(
    "wrong,clue",
    [
        ("default_age", "age"),
        ("integrity", "integrit"),
        ("reversed", "reversed"),
        ("severity_045", "0.6"),
    ],
)
def test_typical_wrong_years_get_a_specific_hint(wrong, clue):
    want = ch02.expected()["years_indenting"]
    if wrong == "default_age":
        years = tuple(
            compression.years_to_symptoms(0.6, systolic_bp_mmhg=bp, age_years=40, horizon_years=40)
            for bp in (120, 140, 160)
        )
    elif wrong == "integrity":
        years = tuple(compression.integrity_after(15, 0.6, 0.5, bp, 45) for bp in (120, 140, 160))
    elif wrong == "reversed":
        years = tuple(reversed(want))
    else:
        years = tuple(
            compression.years_to_symptoms(0.45, systolic_bp_mmhg=bp, age_years=45, horizon_years=40)
            for bp in (120, 140, 160)
        )
    fb = check("02", **right_answers(years_indenting=years))
    p1 = part(fb, 1)
    assert not fb.passed and not p1.ok
    assert clue in p1.message


def test_wrong_type_for_years_gets_a_format_hint():
    p1 = part(check("02", **right_answers(years_indenting=6.0)), 1)
    assert not p1.ok and "three numbers" in p1.message


def test_touching_wrong_or_not_a_bool():
    p2 = part(check("02", **right_answers(touching_gives_symptoms=True)), 2)
    assert not p2.ok and "severity 0.25" in p2.message
    p2 = part(check("02", **right_answers(touching_gives_symptoms="no")), 2)
    assert not p2.ok and "True or False" in p2.message


def test_cause_instead_of_accelerator_gets_a_hint():
    p3 = part(check("02", **right_answers(bp_role="cause")), 3)
    assert not p3.ok and "touching" in p3.message
    assert part(check("02", **right_answers(bp_role=" Accelerator ")), 3).ok
    p3 = part(check("02", **right_answers(bp_role="both")), 3)
    assert not p3.ok and '"cause" or "accelerator"' in p3.message


def test_discussion_needs_a_real_sentence():
    p4 = part(check("02", **right_answers(cannot_tell="nothing")), 4)
    assert not p4.ok and "sentence" in p4.message
    assert part(check("02", **right_answers()), 4).ok
