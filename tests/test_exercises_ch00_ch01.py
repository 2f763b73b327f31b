"""The chapter 00 and 01 exercise checkers: blanks, right answers, typical wrong answers."""

import pytest

from hfs_edu.data import load_table
from hfs_edu.exercises import ch00, ch01, check
from hfs_edu.models import anatomy

# -- chapter 00 ------------------------------------------------------------------------------


def test_ch00_blank_cell_says_what_is_still_blank():
    fb = check("00", whole_low=..., whole_high=..., over_70=..., over_70_share_pct=...)
    assert not fb.passed and "Still blank" in repr(fb)
    assert {"whole_low", "whole_high", "over_70", "over_70_share_pct"} <= set(fb.blanks)


def test_ch00_expected_values_come_from_the_two_primary_studies():
    e = ch00.expected()
    df = load_table("epidemiology")
    primary = df[
        (df.measure == "prevalence")
        & (df.sex == "all")
        & (df.age_group == "all")
        & (df.data_origin == "original study")
    ]
    assert set(primary.source_key) == {"S4", "S5"}  # Oslo and Finland, not the re-quotations
    # 250,000 people at 9.8 and 10.62 per 100,000; 30,000 over-70s at 39.7 per 100,000
    assert e["whole_low"] == pytest.approx(24.5) and e["whole_high"] == pytest.approx(26.55)
    assert e["over_70"] == pytest.approx(11.91)
    # nearly half of the district's patients would be over 70, though they are 12% of its people
    assert 40 < e["over_70_share_pct"] < 50


def test_ch00_rounded_right_answers_pass():
    fb = check("00", whole_low=24.5, whole_high=27, over_70=12, over_70_share_pct=45)
    assert fb.passed, repr(fb)


@pytest.mark.parametrize(
    "answers, part, words",
    [
        ({"whole_low": 2_450_000, "whole_high": 26.6, "over_70": 12, "over_70_share_pct": 45}, "whole_low", "100,000"),
        ({"whole_low": 24.5, "whole_high": 26.6, "over_70": 99.25, "over_70_share_pct": 45}, "over_70", "30,000"),
        (
            {"whole_low": 24.5, "whole_high": 26.6, "over_70": 12, "over_70_share_pct": 0.45},
            "over_70_share_pct",
            "percentage",
        ),
    ],
)
def test_ch00_typical_mistakes_get_their_hint(answers, part, words):
    fb = check("00", **answers)
    assert not fb.passed
    wrong = {p.name: p for p in fb.parts if not p.ok}
    assert set(wrong) == {part} and words in wrong[part].message


# -- chapter 01 ------------------------------------------------------------------------------

RIGHT_01 = {
    "direct": ["orbicularis oculi", "zygomaticus major", "zygomaticus minor"],
    "via_cross_talk": ["orbicularis oris", "depressor anguli oris", "depressor labii inferioris", "mentalis"],
    "record_from": "mentalis",
}


def test_ch01_blank_cell_says_what_is_still_blank():
    fb = check("01", direct=[...], via_cross_talk=..., record_from=...)
    assert not fb.passed and fb.blanks == ["direct", "via_cross_talk", "record_from"]


def test_ch01_right_answers_pass_in_any_order_and_case():
    assert check("01", **RIGHT_01).passed
    shuffled = {
        "direct": ["Zygomaticus Minor", "orbicularis oculi", "zygomaticus major"],
        "via_cross_talk": list(reversed(RIGHT_01["via_cross_talk"])),
        "record_from": "depressor labii inferioris",
    }
    assert check("01", **shuffled).passed


def test_ch01_expected_muscles_follow_the_branch_table():
    e = ch01.expected()
    assert set(e["direct"]) == set(anatomy.muscles_of("zygomatic"))
    # muscles shared with the buccal branch (orbicularis oris, depressor anguli oris) prove nothing
    assert set(e["record_from"]) == {"mentalis", "depressor labii inferioris"}
    assert not set(e["direct"]) & set(e["via_cross_talk"])


@pytest.mark.parametrize(
    "change, part, words",
    [
        ({"record_from": "orbicularis oris"}, "record_from", "buccal"),
        ({"record_from": "zygomaticus major"}, "record_from", "zygomatic branch itself"),
        (
            {"direct": ["orbicularis oculi", "zygomaticus major", "zygomaticus minor", "mentalis"]},
            "direct",
            "not belong",
        ),
        ({"via_cross_talk": ["mentalis", "masseter"]}, "via_cross_talk", "not a muscle"),
    ],
)
def test_ch01_typical_mistakes_get_their_hint(change, part, words):
    fb = check("01", **{**RIGHT_01, **change})
    assert not fb.passed
    wrong = {p.name: p for p in fb.parts if not p.ok}
    assert set(wrong) == {part} and words in wrong[part].message


def test_a_worked_solution_result_is_folded_until_opened():
    """Student review 2, U01: after Run All the solution's output must not show its answers."""
    from hfs_edu.exercises import check

    open_fb = check("01", direct=..., via_cross_talk=..., record_from=...)
    folded = check("01", direct=..., via_cross_talk=..., record_from=..., collapsed=True)
    assert "<details" not in open_fb._repr_html_()
    html_text = folded._repr_html_()
    assert html_text.startswith("<details") and " open" not in html_text.split(">")[0]
    assert repr(folded) == repr(open_fb)  # the text form is the same
    import pytest

    with pytest.raises(TypeError, match="collapsed"):
        check("01", collapsed="yes")
