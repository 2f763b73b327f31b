"""Chapter 07: the toxin in the cross-talk model, the planner and toxin views, the figures, the exercise."""

from __future__ import annotations

import numpy as np
import pytest

from hfs_edu import course_figures as figs
from hfs_edu.data import load_table
from hfs_edu.exercises import ch07, check
from hfs_edu.figures.style import caption_of
from hfs_edu.models import botulinum as bont
from hfs_edu.models import timeline as tl
from hfs_edu.widgets.botulinum import (
    PLANNER_SEED,
    BotulinumPlannerView,
    ToxinLSRView,
    plan_timeline,
    plan_warnings,
    planned_days,
    readout_plan,
)


# -- the toxin in chapter 03's model: the muscle response falls, the lateral spread persists -----------------
def test_toxin_shrinks_the_response_but_the_cross_talk_persists():
    before = bont.lsr_under_toxin(-1.0)
    peak = bont.lsr_under_toxin(28.0)
    assert before.transmission_factor == 1.0 and before.amplitude_ratio == pytest.approx(1.0)
    assert peak.untreated.present and peak.treated.present  # the LSR is still there [S131]
    assert peak.treated.n_units == peak.untreated.n_units  # the same units cross the lesion
    assert peak.amplitude_ratio < 0.5  # but the injected muscle answers far less
    assert np.allclose(peak.treated.trace_mv, peak.untreated.trace_mv * peak.transmission_factor)
    assert peak.direct.muscle == "mentalis"  # the stimulated branch's own (not injected) muscle is unchanged


def test_toxin_effect_on_the_response_comes_within_days_and_is_gone_by_four_months():
    days = [0.0, 3.0, 7.0, 28.0, 60.0, 90.0, 120.0]
    ratio = [bont.lsr_under_toxin(d).amplitude_ratio for d in days]
    assert ratio[0] == pytest.approx(1.0)
    assert ratio[1] < 0.8 and ratio[2] < ratio[1]  # within days
    assert min(ratio) == ratio[3]  # strongest on the plateau
    assert ratio[-1] > 0.9  # wearing off by about four months


def test_more_dose_never_less_effect_on_the_response():
    r = [bont.lsr_under_toxin(28.0, dose).amplitude_ratio for dose in (0.0, 5.0, 10.0, 25.0, 50.0)]
    assert r[0] == pytest.approx(1.0)
    assert all(a >= b for a, b in zip(r, r[1:]))


# -- the planner ----------------------------------------------------------------------------------------
def test_planner_markers_follow_the_schedule_missed_and_late():
    v = BotulinumPlannerView()
    v.set(interval_weeks=13, horizon="1 year")
    on_time = sorted(np.asarray(v.art.events["injection"].get_xdata()) * 30.44)
    assert np.allclose(on_time, bont.injection_schedule(91.0, 365.0), atol=1e-6)
    v.set(missed=2)
    assert v.art.event_counts()["injection"] == len(on_time) - 1
    v.set(missed=0, late=3, late_by_weeks=6)
    days = sorted(np.asarray(v.art.events["injection"].get_xdata()) * 30.44)
    assert days[2] == pytest.approx(182.0 + 42.0)
    assert sum(v.art.bar_counts().values()) == len([i for i in v.timeline.history.intervals if i.kind == "side_effect"])
    v.set(late=0, horizon="2 years")
    assert v.art.curve_ax.get_xlim()[1] == pytest.approx(24.0)  # whole months: the last tick is drawn (Z06)
    assert 24.0 in v.art.curve_ax.get_xticks()


def test_planner_stays_within_the_label_interval_and_dose():
    # the label: no extra benefit from treating more often than every three months; <= 100 U per 12 weeks [N723]
    lo = BotulinumPlannerView.PARAMS["interval_weeks"].lo
    assert lo == 12
    with pytest.raises(ValueError, match="interval_weeks"):
        plan_timeline(10, 25.0, 0, 0, 0, "1 year", 0)
    assert BotulinumPlannerView.PARAMS["dose"].hi * 12 / lo <= bont.MAX_DOSE_UNITS


def test_planner_marks_the_planned_date_and_warns_about_settings_without_effect():
    v = BotulinumPlannerView()
    v.set(interval_weeks=13, missed=2)
    assert np.allclose(np.asarray(v._planned.get_xdata()) * 30.44, [91.0])  # a hollow marker where no. 2 was due
    assert planned_days(13, 0, 3, "1 year") == {"late": 182.0}
    assert plan_warnings(13, 0, 0, 0, "1 year") == []
    assert any("no injection no. 6" in w for w in plan_warnings(13, 6, 0, 0, "1 year"))  # a 1-year plan has 5
    assert plan_warnings(13, 0, 0, 6, "1 year")  # 'late by' without 'late no.'
    assert plan_warnings(13, 3, 3, 6, "1 year")  # the same injection missed and late
    html_out = v.update(interval_weeks=13, missed=8)
    assert "no injection no. 8" in html_out


def test_planner_good_control_falls_with_a_longer_interval_or_a_late_injection():
    good = {w: tl.good_control_days(plan_timeline(w, 25.0, 0, 0, 0, "1 year", 0)) for w in (12, 13, 16, 20, 26)}
    assert good[12] >= good[13] > good[16] > good[20] > good[26]
    late = tl.good_control_days(plan_timeline(13, 25.0, 0, 3, 6, "1 year", 0))
    missed = tl.good_control_days(plan_timeline(13, 25.0, 2, 0, 0, "1 year", 0))
    assert late < good[13] and missed < good[13]
    saline = plan_timeline(13, 0.0, 0, 0, 0, "1 year", 0)
    assert np.array_equal(saline.severity, saline.untreated)  # no toxin, no relief


def test_planner_side_effects_are_seeded_and_counted_in_the_readout():
    a = plan_timeline(13, 25.0, 0, 0, 0, "2 years", 3)
    b = plan_timeline(13, 25.0, 0, 0, 0, "2 years", 3)
    assert a.history == b.history
    text = readout_plan(a)
    assert f"{tl.good_control_days(a):.0f} days" in text and "[TC]" in text


def test_toxin_view_readout_and_artists():
    v = ToxinLSRView()
    v.set(day=28, dose=25.0)
    r = bont.lsr_under_toxin(28.0, 25.0)
    assert np.allclose(v.art.lsr.lsr.get_ydata(), np.clip(r.treated.trace_mv, -1.6, 1.6))
    assert (
        f"{100 * r.amplitude_ratio:.0f}%" in v.readout.value
        and "prolonged" in v.readout.value
        and "not recordable" in v.readout.value
    )


# -- figures --------------------------------------------------------------------------------------------
def test_course_figures_have_captions():
    for fn in (
        figs.injection_effect_figure,
        figs.treatment_evidence_figure,
        figs.toxin_lsr_figure,
        figs.botulinum_plans_figure,
    ):
        assert caption_of(fn())


def test_injection_figure_bands_are_the_sourced_hfs_ranges():
    fig = figs.injection_effect_figure()
    df = load_table("botulinum_time_ranges")
    onset = df[(df["quantity"] == "onset") & ~df["pooled"].astype(bool)]
    lo, hi = fig.hfs_data["bands"]["onset"]
    vals = onset[["value_days", "high_days"]].stack().astype(float)
    assert (lo, hi) == (vals.min(), vals.max())
    course = bont.botulinum_course([0.0], horizon_days=182.0)
    assert course.effect[int(hi)] > 0.5 * course.effect.max()  # the model has begun within the onset range


def test_evidence_figure_shows_every_oral_drug_and_no_oral_drug_reaches_the_toxin_series():
    fig = figs.treatment_evidence_figure()
    rows = fig.hfs_data["rows"]
    drugs = load_table("oral_drugs")["drug"]
    assert all(any(lab.startswith(d) for lab, _, _ in rows) for d in drugs)
    oral = [n for lab, n, _ in rows if not lab.startswith("botulinum") and n == n]
    toxin = [n for lab, n, _ in rows if lab.startswith("botulinum")]
    assert max(oral) < max(toxin)


def test_plans_figure_orders_the_calendars_by_good_control_without_printing_answers():
    arts = figs.botulinum_plans_figure().hfs_data["artists"]
    # nothing shows an answer before it is asked for (review Z01): no good-control counts on the figure
    assert all(a.note.get_text() == "" for a in arts)
    good = [np.sum(np.asarray(a.severity.get_data()[1]) <= tl.GOOD_CONTROL_SEVERITY) for a in arts]
    assert good[0] > good[2] > good[1]  # on time > one 4 weeks late > every 17 weeks
    legend = arts[0].lanes_ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["botulinum injection"]  # only markers in use (Z04)


# -- the exercise -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def exp():
    return ch07.expected()


def test_exercise_blank_right_and_wrong(exp):
    blank = check("07", injection_days=..., good_days=..., days_lost=..., blood_tests=...)
    assert blank.blanks == list(ch07.ANSWERS) and not blank.passed
    right = {k: exp[k] for k in ch07.ANSWERS}
    assert check("07", **right).passed
    wrong = check(
        "07",
        **{
            **right,
            "injection_days": exp["injection_days"][:-1],
            "days_lost": 42,
            "blood_tests": ["sodium", "thyroid tests"],
        },
    )
    msgs = {p.name: p for p in wrong.parts}
    assert not msgs["injection_days"].ok and "missing" in msgs["injection_days"].message
    assert not msgs["days_lost"].ok and "whole year" in msgs["days_lost"].message
    assert not msgs["blood_tests"].ok and "thyroid" in msgs["blood_tests"].message


def test_exercise_expected_values_agree_with_the_planner_and_the_table(exp):
    assert exp["good_days"] == tl.good_control_days(plan_timeline(13, 25.0, 0, 0, 0, "1 year", 0))
    assert exp["days_lost"] == exp["good_days"] - tl.good_control_days(plan_timeline(13, 25.0, 0, 3, 6, "1 year", 0))
    assert 0 < exp["days_lost"] < ch07.LATE_BY_WEEKS * 7  # the year loses less than the delay ...
    # ... although the delayed cycle itself loses at least the delay: the 2nd injection has worn off before the
    # 3rd was due, so the fewer days come from the shifted end of the year, not from a bridging injection (Z02)
    assert exp["cycle_extra_bad"] >= ch07.LATE_BY_WEEKS * 7


def test_exercise_accepts_short_test_names_and_explains_a_missing_hla():
    exp = ch07.expected()
    f = check(
        "07",
        injection_days=exp["injection_days"],
        good_days=exp["good_days"],
        days_lost=exp["days_lost"],
        blood_tests=["Full blood count", "LFTs", "Sodium", "HLA-B*15:02"],
    )
    assert all(p.ok for p in f.parts)
    f = check(
        "07",
        injection_days=exp["injection_days"],
        good_days=exp["good_days"],
        days_lost=-exp["days_lost"],
        blood_tests=["full blood count", "liver tests", "sodium"],
    )
    msgs = {p.name: p for p in f.parts}
    assert "Asian ancestry" in msgs["blood_tests"].message and "minus" in msgs["days_lost"].message
    assert {"full blood count", "sodium", "liver tests"} <= set(exp["blood_tests"])
    assert "thyroid tests" not in exp["blood_tests"]


def test_planner_side_effects_stay_with_their_planned_injection():
    # review Z05: missing or delaying one injection must not move another injection's side effect
    def effects(t):
        return {(i.label, i.start_day) for i in t.history.intervals}

    on_time = plan_timeline(13, 25.0, 0, 0, 0, "2 years", 4)
    ref = tl.sample_side_effect_intervals(tl.treatment_history(on_time.history.events), seed=PLANNER_SEED + 4)
    assert on_time.history.intervals == ref  # same draws as the model's sampler when nothing is missed or late
    slot = 91.0  # the 2nd injection
    start = bont.SIDE_EFFECT_START_DAYS
    mine = {(lab, d) for lab, d in effects(on_time) if d == slot + start}
    others = effects(on_time) - mine
    assert mine and others  # draw 4: the 2nd injection and others have side effects
    missed = effects(plan_timeline(13, 25.0, 2, 0, 0, "2 years", 4))
    assert missed == others
    late = effects(plan_timeline(13, 25.0, 0, 2, 6, "2 years", 4))
    assert {(lab, d + 42.0) for lab, d in mine} <= late
