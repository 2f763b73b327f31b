"""Chapter 06 exercise checker: blanks, right answers and the typical wrong ones, from the model."""

import pytest

from hfs_edu.exercises import ch06, check
from hfs_edu.models import diagnosis as dx

BLANK = dict.fromkeys(ch06.ANSWERS, ...)


@pytest.fixture(scope="module")
def exp():
    return ch06.expected()


@pytest.fixture(scope="module")
def right(exp):
    return {name: exp[name] for name in ch06.ANSWERS}


def test_expected_values_come_from_the_model(exp):
    acc = dx.diagnostic_tests().set_index("test")
    mri = acc.loc[ch06.MRI_TEST]  # the case-control row (N895): people with HFS against controls
    assert exp["mri_positive_pct"] == pytest.approx(
        dx.post_test_probability(ch06.PRETEST_PCT, mri["sensitivity_pct"], mri["specificity_pct"])
    )
    row = acc.loc[ch06.LSR_TEST]
    assert exp["lsr_positive_pct"] == pytest.approx(
        dx.post_test_probability(ch06.PRETEST_PCT, row["sensitivity_pct"], row["specificity_pct"])
    )


def test_science_the_exercise_teaches(exp):
    # against people without HFS a positive scan moves a 50% probability only a little (the scan is
    # "supportive rather than diagnostic", N895), far less than the side-level TOF figures suggest (S102);
    # an LSR against post-paralytic synkinesis barely moves it either
    side_level = dx.named_test_outcome("MRI: 3D TOF, symptomatic vs other side", ch06.PRETEST_PCT)
    assert 50 < exp["mri_positive_pct"] < 65 < 75 < side_level.post_positive_pct
    assert 50 < exp["lsr_positive_pct"] < 60
    assert exp["mri_negative_pct"] < 50


def test_blank_says_still_blank():
    fb = check("06", **BLANK)
    assert not fb.passed and fb.blanks == list(ch06.ANSWERS)
    assert "Still blank" in fb._lines()[0]


def test_right_answers_pass(right):
    fb = check("06", **right)
    assert fb.passed, [p.message for p in fb.parts]
    rounded = {**right, "mri_positive_pct": round(right["mri_positive_pct"]), "lsr_positive_pct": 55}
    assert check("06", **rounded).passed


@pytest.mark.parametrize(
    "name, value, hint",
    [
        ("diagnosis", "blepharospasm", "both eyes"),
        ("diagnosis", "post-paralytic synkinesis", "facial palsy"),
        ("diagnosis", "twitch", "differential table"),
        ("imaging", "prompt MRI", "red flags"),
        ("imaging", "no MRI", "every patient"),
        ("mri_positive_pct", 50, "pre-test probability"),
        ("mri_positive_pct", 0.8, "per cent"),
        ("mri_positive_pct", "80%", "as a number"),
        ("lsr_positive_pct", 96, "choose the test"),
    ],
)
def test_typical_wrong_answers_get_their_hint(right, name, value, hint):
    fb = check("06", **{**right, name: value})
    part = next(p for p in fb.parts if p.name == name)
    assert not part.ok and hint in part.message
    assert all(p.ok for p in fb.parts if p.name != name)


def test_unknown_answer_is_reported(right):
    fb = check("06", **right, extra=1)
    assert not fb.passed and any("does not ask" in p.message for p in fb.parts)


def test_hfs_abbreviation_is_accepted(right):
    assert check("06", **{**right, "diagnosis": "HFS"}).passed
