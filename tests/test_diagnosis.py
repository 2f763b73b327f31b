"""Chapter 06: Bayes maths, the differential and vignette tables, the vignette trainer and the Bayes view."""

import html
import re

import numpy as np
import pytest

from hfs_edu.citations import find_citations, tier_of
from hfs_edu.data import load_table
from hfs_edu.models import diagnosis as dx
from hfs_edu.widgets.diagnosis import CHOOSE, RUN_THIS_CELL_TRAINER, BayesView, VignetteTrainer

VIGNETTES = dx.vignettes()
DIFF = dx.differential()


# -- Bayes ----------------------------------------------------------------------------------------------------


def _by_counting(pretest_pct, se_pct, sp_pct, n=200_000):
    """Independent computation: build a population of n people and count (odds form as a cross-check)."""
    ill = np.zeros(n, bool)
    ill[: round(n * pretest_pct / 100)] = True
    rng = np.random.default_rng(1)
    u = rng.random(n)
    positive = np.where(ill, u < se_pct / 100, u >= sp_pct / 100)
    return 100 * ill[positive].mean(), 100 * ill[~positive].mean()


@pytest.mark.parametrize("pre, se, sp", [(50, 95, 77), (10, 95, 77), (30, 95.8, 20.5), (80, 56.2, 50), (5, 40, 89)])
def test_post_test_probability_matches_counting_and_odds(pre, se, sp):
    pos = dx.post_test_probability(pre, se, sp, "positive")
    neg = dx.post_test_probability(pre, se, sp, "negative")
    counted_pos, counted_neg = _by_counting(pre, se, sp)
    assert pos == pytest.approx(counted_pos, abs=1.0)
    assert neg == pytest.approx(counted_neg, abs=1.0)
    odds = pre / (100 - pre) * (se / (100 - sp))  # post-test odds = pre-test odds x LR+
    assert pos == pytest.approx(100 * odds / (1 + odds), rel=1e-9)


def test_outcome_counts_add_up_and_agree_with_the_formula():
    r = dx.outcome(30, 95, 77, n=1000)
    assert r.true_positive + r.false_positive + r.false_negative + r.true_negative == pytest.approx(1000)
    assert r.true_positive + r.false_negative == pytest.approx(300)
    assert 100 * r.true_positive / r.positives == pytest.approx(r.post_positive_pct)
    assert 100 * r.false_negative / r.negatives == pytest.approx(r.post_negative_pct)


def test_directions_a_test_moves_probability_the_right_way():
    for test in dx.available_tests():
        for pre in (5, 30, 70, 95):
            r = dx.named_test_outcome(test, pre)
            assert r.post_negative_pct <= pre <= r.post_positive_pct, test
    # higher pre-test probability, higher post-test probability
    curve = dx.post_test_curve(95, 77)
    assert np.all(np.diff(curve.positive_pct) >= 0) and np.all(np.diff(curve.negative_pct) >= 0)
    single = [dx.post_test_probability(p, 95, 77) for p in curve.pretest_pct]
    assert np.allclose(single, curve.positive_pct)


def test_the_teaching_point_specificity_depends_on_the_comparison_group():
    vs_pps = dx.named_test_outcome("EMG: LSR, HFS vs post-paralytic synkinesis", 50)
    vs_healthy = dx.named_test_outcome("EMG: LSR, HFS vs healthy people", 50)
    assert vs_pps.sensitivity_pct == vs_healthy.sensitivity_pct  # same patients with HFS
    assert vs_pps.post_positive_pct < 60 < 95 < vs_healthy.post_positive_pct
    assert vs_pps.likelihood_ratio_positive < 1.5


def test_accuracy_table_is_derived_from_its_sources_counts():
    acc = dx.diagnostic_tests().set_index("test")
    # S61: LSR absent in 13 of 306 candidates; S62: LSR present in 79.5% of 78 with post-paralytic synkinesis
    assert acc.loc["EMG: LSR, HFS vs post-paralytic synkinesis", "sensitivity_pct"] == pytest.approx(
        100 * (306 - 13) / 306, abs=0.05
    )
    assert acc.loc["EMG: LSR, HFS vs post-paralytic synkinesis", "specificity_pct"] == pytest.approx(100 - 79.5)
    mri = load_table("mri_accuracy")
    tof = mri[mri["sequence"] == "3D TOF MRA source images"].set_index("measure")["value_pct"]
    side = acc.loc["MRI: 3D TOF, symptomatic vs other side"]
    assert side["sensitivity_pct"] == tof["sensitivity"] and side["specificity_pct"] == tof["specificity"]
    # neurology review D03: against people without HFS, contact on up to 53% of sides (S43) -> specificity ~47%
    without = mri[(mri["measure"] == "contact without HFS") & (mri["source_key"] == "S43")]["value_pct"]
    assert side["specificity_low_pct"] == pytest.approx(100 - without.max())
    # student review H01: 0 of 20 controls; by the rule of three (N893) specificity could be 100 - 300/20 = 85%
    healthy = acc.loc["EMG: LSR, HFS vs healthy people"]
    assert healthy["specificity_low_pct"] == pytest.approx(100 - 300 / healthy["n_non_cases"])


def test_lower_specificity_lowers_every_positive_post_test_probability():
    acc = dx.diagnostic_tests()
    rows = acc.dropna(subset=["specificity_low_pct"])
    assert len(rows) >= 3
    for r in rows.itertuples():
        assert r.specificity_low_pct < r.specificity_pct
        for pre in (10, 50, 90):
            hi = dx.outcome(pre, r.sensitivity_pct, r.specificity_pct).post_positive_pct
            lo = dx.outcome(pre, r.sensitivity_pct, r.specificity_low_pct).post_positive_pct
            assert lo < hi, (r.test, pre)


def test_case_control_mri_says_less_than_the_side_level_figures():
    # the same question asked of people (N895) rather than of the sides of operated patients (S102)
    side = dx.named_test_outcome("MRI: 3D TOF, symptomatic vs other side", 50)
    people = dx.named_test_outcome("MRI: thin-slice T2, HFS vs controls", 50)
    assert people.likelihood_ratio_positive < 2 < side.likelihood_ratio_positive
    assert people.post_positive_pct < 65 < side.post_positive_pct


def test_mri_counts_match_percentages():
    mri = load_table("mri_accuracy").dropna(subset=["numerator", "denominator"])
    for r in mri.itertuples():
        assert r.value_pct == pytest.approx(100 * r.numerator / r.denominator, abs=0.1), r


def test_contact_without_hfs_is_common_and_rarer_than_with_hfs():
    mri = load_table("mri_accuracy")
    without = mri[mri["measure"] == "contact without HFS"]
    with_hfs = mri[mri["measure"] == "contact with HFS"]
    assert without["value_pct"].max() > 40  # modern thin-slice series: about half of nerves
    for key in set(with_hfs["source_key"]) & set(without["source_key"]):
        w = with_hfs[with_hfs["source_key"] == key]["value_pct"].iloc[0]
        wo = without[without["source_key"] == key]["value_pct"].iloc[0]
        assert w > wo, key


def test_icon_counts_are_whole_and_add_up():
    for pre in (1, 12.5, 50, 99):
        r = dx.outcome(pre, 95.8, 20.5)
        icons = dx.icon_counts(r, 100)
        assert sum(icons.values()) == 100
        exact = {k: getattr(r, k) / 10 for k in icons}
        assert all(abs(icons[k] - exact[k]) < 1 for k in icons)


# -- differential and vignettes ------------------------------------------------------------------------------


def test_differential_covers_the_issue_list_and_codes_are_known():
    wanted = {
        "hemifacial spasm",
        "blepharospasm",
        "facial myokymia",
        "facial tics",
        "focal motor seizure",
        "functional facial spasm",
        "post-paralytic synkinesis",
        "hemimasticatory spasm",
        "oromandibular dystonia",
    }
    assert set(DIFF["diagnosis"]) == wanted
    for r in DIFF.itertuples():
        codes = set(r.feature_codes.split(";"))
        assert codes <= set(dx.FEATURES), (r.diagnosis, codes - set(dx.FEATURES))
    # every pair of diagnoses differs in at least one feature
    sets = {r.diagnosis: set(r.feature_codes.split(";")) for r in DIFF.itertuples()}
    for a in sets:
        for b in sets:
            if a < b:
                assert sets[a] != sets[b], (a, b)


def test_at_least_ten_vignettes_covering_every_diagnosis():
    assert len(VIGNETTES) >= 10
    assert VIGNETTES["vignette_id"].is_unique
    assert set(VIGNETTES["diagnosis"]) == set(DIFF["diagnosis"])
    assert set(VIGNETTES["imaging"]) <= {*dx.IMAGING_CHOICES, dx.NOT_ASKED}
    hfs = VIGNETTES[VIGNETTES["diagnosis"] == dx.HFS]
    assert set(hfs["imaging"]) == {"routine MRI", "prompt MRI"}  # a typical case and one with red flags
    assert (VIGNETTES[VIGNETTES["diagnosis"] != dx.HFS]["imaging"] == dx.NOT_ASKED).all()


@pytest.mark.parametrize("row", list(VIGNETTES.itertuples()), ids=list(VIGNETTES["vignette_id"]))
def test_each_vignette_has_exactly_one_defensible_answer(row):
    compatible = dx.compatible_diagnoses(row.clue_codes)
    assert compatible == (row.diagnosis,), (
        f"{row.vignette_id}: its clues {row.clue_codes} fit {compatible}, not only {row.diagnosis!r}"
    )


@pytest.mark.parametrize("row", list(VIGNETTES.itertuples()), ids=list(VIGNETTES["vignette_id"]))
def test_each_vignette_feedback_cites_resolving_keys_of_its_row(row):
    cited = find_citations(row.feedback)
    assert cited, f"{row.vignette_id}: feedback cites nothing"
    listed = set(row.source_key.split(";"))
    for key, tier in cited:
        assert tier == tier_of(key), f"{row.vignette_id}: [{key}:{tier}]"
        assert key in listed, f"{row.vignette_id}: cites {key} but source_key lists {listed}"
    assert {k for k, _ in cited} == listed
    # the feedback names the diagnosis, and red-flag vignettes name a red flag
    assert row.diagnosis.split()[-1].lower() in row.feedback.lower()
    red = {"facial_numbness", "facial_weakness", "facial_pain"} & set(row.clue_codes.split(";"))
    if row.diagnosis == dx.HFS:
        assert (row.imaging == "prompt MRI") == bool(red), row.vignette_id


def test_the_answer_is_not_in_the_vignette_text():
    for r in VIGNETTES.itertuples():
        assert r.diagnosis.lower() not in r.text.lower(), r.vignette_id
        assert "hemifacial" not in r.text.lower(), r.vignette_id


def test_compatible_diagnoses_rejects_unknown_codes():
    with pytest.raises(ValueError, match="clue_codes"):
        dx.compatible_diagnoses("one_side;purple")


# -- scoring ------------------------------------------------------------------------------------------------


def test_score_answer_marks_diagnosis_and_imaging():
    right = dx.score_answer("V02", dx.HFS, "prompt MRI")
    assert (right.points, right.possible, right.imaging_correct) == (2, 2, True)
    wrong_img = dx.score_answer("V02", dx.HFS, "routine MRI")
    assert (wrong_img.points, wrong_img.possible) == (1, 2)
    wrong = dx.score_answer("V03", dx.HFS, "routine MRI")
    assert (wrong.points, wrong.possible, wrong.imaging_correct) == (0, 1, None)
    assert wrong.feedback.startswith("Not hemifacial spasm: the answer is blepharospasm.")
    assert "both eyelids squeezing shut" in wrong.feedback  # names the deciding features
    assert find_citations(wrong.feedback)


@pytest.mark.parametrize("row", list(VIGNETTES.itertuples()), ids=list(VIGNETTES["vignette_id"]))
def test_wrong_answer_feedback_names_what_rules_out_the_chosen_diagnosis(row):
    features = {r.diagnosis: set(r.feature_codes.split(";")) for r in dx.differential().itertuples()}
    clues = row.clue_codes.split(";")
    for chosen in dx.diagnoses():
        if chosen == row.diagnosis:
            continue
        result = dx.score_answer(row.vignette_id, chosen, "routine MRI")
        against = next(line for line in result.lines if line.startswith(f"Against {chosen}:"))
        missing = [c for c in clues if c not in features[chosen]]
        assert missing and all(dx.FEATURES[c] in against for c in missing)
        # a wrong diagnosis earns nothing, and the substituted imaging choice is never reported
        assert result.points == 0 and "Imaging: " not in result.feedback
        assert result.possible == (1 if row.imaging == dx.NOT_ASKED else 2)


def test_right_diagnosis_wrong_imaging_is_a_partial_mark():
    r = dx.score_answer("V02", dx.HFS, "routine MRI")
    assert r.lines[0] == "Diagnosis right: hemifacial spasm." and r.lines[0] != "Right: hemifacial spasm."
    assert any(line.startswith("Imaging: not routine MRI") for line in r.lines)


def test_trainer_scores_in_the_kernel_and_hides_the_answer():
    tr = VignetteTrainer()
    assert repr(tr) == RUN_THIS_CELL_TRAINER == repr(tr.widget)
    assert tr.diagnosis.value == CHOOSE and tr.feedback.value == ""
    first = VIGNETTES.iloc[0]
    assert first["diagnosis"] not in tr.case.value and first["feedback"][:40] not in tr.case.value
    assert tr.check() is None and "Choose a diagnosis" in tr.feedback.value
    tr.choose(dx.HFS)
    assert tr.check() is None and "imaging" in tr.feedback.value  # HFS without an imaging choice
    tr.choose(first["diagnosis"], first["imaging"] if first["imaging"] != dx.NOT_ASKED else CHOOSE)
    result = tr.check()
    assert result.points == result.possible and (tr.points, tr.possible) == (result.points, result.possible)
    tr.choose("blepharospasm", "no MRI")
    tr.check()  # a second answer to the same case does not change the score
    assert tr.points == result.points and "already marked" in tr.feedback.value
    tr.next_case()
    assert tr.diagnosis.value == CHOOSE and tr.feedback.value == "" and tr.index == 1
    tr.choose("facial tics", "no MRI")
    tr.check()
    assert len(tr.results) == 2 and "2 of" in tr.score.value
    for _ in range(len(VIGNETTES) - 1):
        tr.next_case()
    assert tr.index == 0  # wraps round
    assert VignetteTrainer().points == 0  # a new trainer (re-running the cell) starts again


def test_every_vignette_can_be_answered_right_in_the_trainer():
    tr = VignetteTrainer()
    for r in VIGNETTES.itertuples():
        tr.choose(r.diagnosis, r.imaging if r.imaging != dx.NOT_ASKED else CHOOSE)
        tr.check()
        tr.next_case()
    assert tr.points == tr.possible == sum(2 if r.imaging != dx.NOT_ASKED else 1 for r in VIGNETTES.itertuples())


# -- the Bayes view -------------------------------------------------------------------------------------------


def test_bayes_view_readout_follows_the_model():
    v = BayesView()
    for test in dx.available_tests():
        v.set(test=test, pretest_pct=20)
        r = dx.named_test_outcome(test, 20)
        numbers = re.findall(r"<b>(\d+)%</b>", v.readout.value)
        assert numbers[:3] == ["20", f"{r.post_positive_pct:.0f}", f"{r.post_negative_pct:.0f}"]
        row = dx.diagnostic_tests().set_index("test").loc[test]
        assert str(row["note"]) in html.unescape(v.readout.value)  # student review H01: the note is shown
        low = row["specificity_low_pct"]
        if low == low:  # the post-test probability at the lower specificity is shown too
            alt = dx.outcome(20, r.sensitivity_pct, low)
            assert numbers[3:] == [f"{alt.post_positive_pct:.0f}"] and "Uncertainty" in v.readout.value
        else:
            assert len(numbers) == 3
    with pytest.raises(ValueError, match="pretest_pct"):
        v.set(pretest_pct=100)


def test_trainer_can_start_at_a_chosen_case():
    tr = VignetteTrainer(start=7)
    assert tr.index == 6 and "Case 7 of" in tr.case.value
    with pytest.raises(ValueError, match="start"):
        VignetteTrainer(start=0)
    with pytest.raises(TypeError, match="start"):
        VignetteTrainer(start="7")
