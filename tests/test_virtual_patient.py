"""The capstone's virtual patients (issue 10 §4): population rates, determinism, the untreated course.

The population tests simulate many virtual patients per strategy through the same draws as
``simulate`` and compare their rates with the sourced tables (``mvd_outcomes``,
``mvd_complications``, ``botulinum_series``, ``botulinum_side_effects``). The tolerance of each
comparison is derived from ``n``: three binomial standard errors of the model's own probability
(floored at p = 1/n so that a rare event is not asked for more precision than n can give).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from hfs_edu.data import load_table
from hfs_edu.models import botulinum as bont
from hfs_edu.models import mvd
from hfs_edu.models import progression as prog
from hfs_edu.models import timeline as tl
from hfs_edu.models import virtual_patient as vp

N = 3000


def tol(p, n):
    p = max(p, 1.0 / n)
    return 3.0 * math.sqrt(p * (1.0 - p) / n)


@pytest.fixture(scope="module")
def mvd_rates():
    return vp.population_rates("MVD", N, seed=11)


@pytest.fixture(scope="module")
def bont_rates():
    return vp.population_rates("botulinum", N // 3, seed=5, years=1.0)


def test_population_cure_after_mvd_matches_the_sourced_series(mvd_rates):
    first = load_table("mvd_outcomes")
    first = first[first["surgery_type"] == "first MVD"]["success_pct"].dropna().astype(float) / 100
    t = tol(mvd.EVENTUAL_CURE, mvd_rates.operated)
    assert mvd_rates.operated == N
    assert abs(mvd_rates.mvd_cured - mvd.EVENTUAL_CURE) <= t
    assert first.min() - t <= mvd_rates.mvd_cured <= first.max() + t
    # near the middle of the series, not at an outlier end (63-97%)
    assert abs(mvd_rates.mvd_cured - first.median()) <= 0.05 + t


@pytest.mark.parametrize("kind", ["any", "permanent"])
@pytest.mark.parametrize("name", mvd.COMPLICATIONS)
def test_population_complication_rates_match_the_sourced_table(mvd_rates, name, kind):
    rate = (mvd_rates.complication_any if kind == "any" else mvd_rates.complication_permanent)[name]
    p = mvd.complication_probability(name, kind)
    t = tol(p, mvd_rates.operated)
    assert abs(rate - p) <= t
    lo, hi = mvd.sourced_complication_range(name, kind)
    if not math.isnan(lo):
        assert lo - t <= rate <= hi + t


def test_population_share_with_any_and_permanent_complications_matches_the_series(mvd_rates):
    rows = load_table("mvd_complications")
    rows = rows[(rows["surgery_type"] == "first MVD") & (rows["complication"] == "any_complication")]
    for col, rate, p in (
        ("any_pct", mvd_rates.any_complication, vp.MVD_ANY_RISK),
        ("permanent_pct", mvd_rates.permanent_harm, vp.MVD_PERMANENT_RISK),
    ):
        sourced = rows[col].dropna().astype(float) / 100
        t = tol(p, mvd_rates.operated)
        assert abs(rate - p) <= t  # the chain reproduces the model's own risk
        assert sourced.min() - t <= rate <= sourced.max() + t  # inside the series' range


def test_population_botulinum_response_matches_the_sourced_series(bont_rates):
    series = load_table("botulinum_series")
    rates = series[~series["response_definition"].str.contains("mean", na=True)]["response_pct"].dropna()
    rates = rates.astype(float) / 100
    lo, hi = float(rates[rates > 0.85].min()), float(rates.max())
    t = tol(bont.RESPONDER_PROBABILITY, bont_rates.botulinum_patients)
    assert bont_rates.botulinum_patients == N // 3
    assert lo - t <= bont_rates.botulinum_response <= hi + t
    assert abs(bont_rates.botulinum_response - bont.RESPONDER_PROBABILITY) <= t


def _sourced(effect, denominators, min_patients=0, pooled=False):
    """Sourced HFS rates of ``effect`` (fractions) with one of ``denominators`` (data/botulinum_side_effects.csv)."""
    rows = load_table("botulinum_side_effects")
    rows = rows[(rows["effect"] == effect) & rows["denominator"].isin(denominators)]
    if not pooled:
        rows = rows[rows["pooled"].astype(str).str.lower() == "false"]
    if min_patients:
        rows = rows[pd.to_numeric(rows["n_patients"], errors="coerce") >= min_patients]
    return rows["pct"].astype(float) / 100.0


@pytest.fixture(scope="module")
def bont_rates_3y():
    return vp.population_rates("botulinum", 1500, seed=11, years=3.0)


@pytest.mark.parametrize("effect", ["ptosis", "facial_weakness", "tearing", "diplopia"])
def test_toxin_side_effects_per_patient_match_the_large_hfs_series(bont_rates_3y, effect):
    # per-patient rates ("at least once over years") of HFS series with >= 100 patients [S110; N715]:
    # the simulated share of patients over 3 years (13 injections) falls inside them, not far above
    r = bont_rates_3y
    assert r.injections >= 12 * r.botulinum_patients
    share = r.side_effect_per_patient[effect]
    src = _sourced(effect, ["patients"], min_patients=100)
    t = tol(float(src.mean()), r.botulinum_patients)
    assert src.min() - t <= share <= src.max() + t, (effect, share, tuple(src))


def test_toxin_any_side_effect_per_injection_and_per_patient_match_the_hfs_rows(bont_rates_3y):
    r = bont_rates_3y
    per_inj = _sourced("any", ["treatments", "sessions", "injections"], pooled=True)  # 5.4-20.3%
    assert per_inj.min() <= r.any_side_effect_per_injection <= per_inj.max()
    per_pat = _sourced("any", ["patients"])  # 37% at least once over years [N716]
    assert r.any_side_effect_per_patient <= per_pat.max()  # no longer 99% of patients
    assert r.any_side_effect_per_patient > r.any_side_effect_per_injection  # more injections, more patients


def test_dry_eye_is_not_charged_to_the_toxin(bont_rates_3y):
    # HFS-only data show no change in dry eye after injection [N713]; the model does not add one
    assert bont_rates_3y.side_effect_per_patient["dry_eye"] == 0


def test_toxin_dose_is_titrated_so_good_control_is_not_eroded():
    # S119: benefit unchanged over 10 years (doses adjusted in practice [S110]): as the untreated spasm
    # grows, a responder's good-control months per year do not fall
    for seed in range(6):
        c = vp.simulate("ortiz", "botulinum", years=6.0, seed=seed)
        if not c.botulinum_responder or math.isfinite(c.remission_day):
            continue
        t = c.timeline.time_days
        good = c.timeline.severity <= vp._tl.GOOD_CONTROL_SEVERITY
        y1 = good[(t >= 0) & (t < 365)].mean()
        y6 = good[(t >= 5 * 365) & (t < 6 * 365)].mean()
        assert y6 >= y1 - 0.05, (seed, y1, y6)
    # a non-responder is not helped by titration; watchful waiting stays the untreated course (tested above)
    for seed in range(40):
        c = vp.simulate("ortiz", "botulinum", years=3.0, seed=seed)
        if c.botulinum_responder is False:
            assert np.allclose(c.timeline.severity, c.timeline.untreated)
            break
    else:
        pytest.fail("no non-responder in 40 futures")


def test_no_treatment_after_a_cure():
    # a cured patient is not given injections at the decision point (review X11)
    s = vp.strategy("MVD", "botulinum", 1.0)
    for seed in range(10):
        c = vp.simulate("novak", s, years=3.0, seed=seed)
        if c.mvd_cured and c.timeline.severity[365:].max() <= vp._tl.GOOD_CONTROL_SEVERITY:
            assert c.injections == 0


def test_oral_drug_population_rate_is_the_teaching_calibration():
    r = vp.population_rates("oral drug", 800, seed=3)
    assert r.drug_patients == 800 and r.operated == 0 and r.injections == 0
    assert abs(r.drug_side_effect - vp.DRUG_SIDE_EFFECT_PROBABILITY) <= tol(vp.DRUG_SIDE_EFFECT_PROBABILITY, 800)


def test_watchful_waiting_equals_the_untreated_course():
    for pid in vp.patient_ids():
        for seed in (0, 1, 7):
            c = vp.simulate(pid, "watchful waiting", years=4.0, seed=seed)
            assert np.array_equal(c.timeline.severity, c.timeline.untreated)
            assert c.timeline.history.events == () and c.timeline.history.intervals == ()
            assert c.side_effect_months == 0 and c.complication_months == 0 and c.risk_permanent_harm == 0


def test_untreated_baseline_is_the_progression_model_from_the_patients_present():
    p = vp.virtual_patient("ortiz")
    c = vp.simulate("ortiz", "watchful waiting", years=3.0, seed=2)
    course = prog.simulate_course(
        p.years_since_onset + 4.0,
        p.onset,
        severity=p.contact_severity,
        pulsation=p.pulsation,
        systolic_bp_mmhg=p.systolic_bp_mmhg,
        age_at_contact_years=p.age_at_contact_years,
        seed=vp._seeds(2, "ortiz")[0],
    )
    months = np.arange(0, 36)
    days = months * vp.DAYS_PER_MONTH
    idx = np.searchsorted(c.timeline.time_days, days)
    expected = np.interp(
        p.years_since_onset * 12 + c.timeline.time_days[idx] / vp.DAYS_PER_MONTH, course.time_months, course.intensity
    )
    np.testing.assert_allclose(c.timeline.untreated[idx], expected, atol=1e-12)
    # untreated, the spasm does not improve over the horizon unless it remits
    if math.isnan(c.remission_day):
        assert np.all(np.diff(c.timeline.untreated) >= -1e-12)


@pytest.mark.parametrize("pid", ["ortiz", "novak", "berg"])
def test_patients_model_onset_matches_their_history(pid):
    p = vp.virtual_patient(pid)
    course = prog.simulate_course(
        p.years_since_onset + 1,
        p.onset,
        severity=p.contact_severity,
        pulsation=p.pulsation,
        systolic_bp_mmhg=p.systolic_bp_mmhg,
        age_at_contact_years=p.age_at_contact_years,
    )
    assert course.symptomatic
    assert abs(course.onset_age_years - (p.age_years - p.years_since_onset)) <= 1.0
    # at the first decision the spasm is not already under good control without treatment
    c = vp.simulate(pid, "watchful waiting", years=1.0, seed=0)
    assert c.timeline.untreated[0] > tl.GOOD_CONTROL_SEVERITY


def test_ortiz_is_the_courses_recurring_patient():
    facts = load_table("patient")
    p = vp.virtual_patient("ortiz")
    assert p.name == facts.loc[facts["fact"] == "name", "value"].iloc[0]
    assert f"{p.age_years:g} years" == facts.loc[facts["fact"] == "age", "value"].iloc[0]
    assert p.side == facts.loc[facts["fact"] == "side", "value"].iloc[0]
    assert p.onset == "typical"  # first site the lower eyelid
    assert "two years" in facts.loc[facts["fact"] == "time course", "value"].iloc[0] and p.years_since_onset == 2
    assert "blood pressure" in p.other_illnesses
    assert set(vp.patient_ids()) >= {"ortiz", "novak", "berg"} and vp.patient_ids()[0] == "ortiz"
    assert (load_table("virtual_patients")["source_key"] == "TC").all()


@pytest.mark.parametrize("strategy", vp.DEFAULT_STRATEGIES, ids=lambda s: s.label)
def test_simulation_is_deterministic_and_never_worse_than_untreated(strategy):
    a = vp.simulate("novak", strategy, years=3.0, seed=42)
    b = vp.simulate("novak", strategy, years=3.0, seed=42)
    assert np.array_equal(a.timeline.severity, b.timeline.severity)
    assert a.summary() == b.summary() and a.timeline.history == b.timeline.history
    assert np.all(a.timeline.severity <= a.timeline.untreated + 1e-12)
    assert 0 <= a.good_control_months <= a.months + 1e-9
    assert 0 <= a.side_effect_months <= a.months + 1e-9


def test_seeds_give_different_possible_futures():
    runs = [vp.simulate("ortiz", "MVD", years=2.0, seed=s) for s in range(40)]
    assert len({r.good_control_months for r in runs}) > 3
    assert any(not r.mvd_cured for r in runs) and any(r.mvd_cured for r in runs)


def test_a_treatment_that_works_gives_more_good_control_than_waiting():
    table = vp.compare_strategies("ortiz", futures=10, seed=0)
    by = table.set_index("strategy")
    assert by.loc["botulinum", "good_control_months"] > by.loc["watchful waiting", "good_control_months"] + 12
    assert by.loc["MVD", "good_control_months"] > by.loc["oral drug", "good_control_months"] + 12
    # the oral drug's modest TC relief cannot reach good control when the spasm is moderate
    assert by.loc["oral drug", "good_control_months"] <= by.loc["watchful waiting", "good_control_months"] + 3
    # only strategies with an operation take a risk of permanent harm; it is the model's (TC) value
    assert by.loc["MVD", "risk_permanent_harm"] == pytest.approx(vp.MVD_PERMANENT_RISK)
    assert by.loc["botulinum", "risk_permanent_harm"] == 0 and by.loc["botulinum", "side_effect_months"] > 0
    assert (table["good_control_months_min"] <= table["good_control_months"]).all()
    assert (table["good_control_months"] <= table["good_control_months_max"]).all()


def test_switching_at_the_decision_point():
    s = vp.strategy("botulinum", "MVD", switch_year=1.0)
    c = vp.simulate("ortiz", s, years=3.0, seed=4)
    switch = 1.0 * vp.DAYS_PER_YEAR
    inj = [e.day for e in c.timeline.history.events if e.kind == "injection"]
    ops = [e.day for e in c.timeline.history.events if e.kind == "operation"]
    assert inj and max(inj) < switch and ops == [switch]
    assert c.operated and c.botulinum_responder is not None
    d = vp.simulate("ortiz", vp.strategy("oral drug", "botulinum", 0.5), years=2.0, seed=4)
    drug = [iv for iv in d.timeline.history.intervals if iv.kind == "drug"]
    assert len(drug) == 1 and drug[0].end_day == pytest.approx(0.5 * vp.DAYS_PER_YEAR)
    assert min(e.day for e in d.timeline.history.events if e.kind == "injection") == drug[0].end_day
    assert vp.strategy("MVD", "same").phases == (("MVD", 0.0),)
    assert vp.strategy("botulinum", "botulinum").label == "botulinum"


def test_the_same_virtual_patient_keeps_cure_and_complications_together():
    for seed in range(30):
        c = vp.simulate("berg", "MVD", years=2.0, seed=seed)
        s_side = vp._seeds(seed, "berg")[2]
        o = mvd.sample_outcome((s_side + 7919) % 2**32)
        comps = {iv.label for iv in c.timeline.history.intervals if iv.kind == "complication"}
        assert comps == {x.complication for x in o.complications}
        assert c.mvd_cured == o.cured


def test_invalid_inputs_name_the_parameter():
    with pytest.raises(ValueError, match="then"):
        vp.strategy("MVD", "MVD")
    with pytest.raises(ValueError, match="strategy"):
        vp.simulate("ortiz", "surgery")
    with pytest.raises(TypeError, match="strategy"):
        vp.simulate("ortiz", 3)
    with pytest.raises(ValueError, match="patient"):
        vp.simulate("nobody", "MVD")
    with pytest.raises(TypeError, match="strategies"):
        vp.compare_strategies("ortiz", "MVD")


# -- figures and view -------------------------------------------------------------------------------
def test_grouped_timeline_keeps_every_interval_in_the_view_lanes():
    from hfs_edu.figures import virtual_patient as fig_vp

    for seed in range(12):
        c = vp.simulate("berg", vp.strategy("oral drug", "MVD", 0.5), years=2.0, seed=seed)
        g = fig_vp.grouped_timeline(c.timeline)
        assert len(g.history.intervals) == len(c.timeline.history.intervals)
        assert {(iv.kind, iv.label) for iv in g.history.intervals} <= set(fig_vp.VIEW_LANES)
        assert np.array_equal(g.severity, c.timeline.severity)


def test_figures_show_the_decision_point_and_the_strategies():
    from hfs_edu.figures import virtual_patient as fig_vp
    from hfs_edu.figures.style import caption_of

    c = vp.simulate("ortiz", vp.strategy("botulinum", "MVD", 1.0), years=3.0, seed=1)
    fig = fig_vp.course_timeline_figure(c)
    assert "possible future" in caption_of(fig)
    art = fig.hfs_data["artists"]
    xs = [line.get_xdata() for line in art.curve_ax.lines if line.get_linestyle() == "-."]
    assert len(xs) == 1 and xs[0][0] == pytest.approx(vp.DAYS_PER_YEAR / vp.DAYS_PER_MONTH)
    table = vp.compare_strategies("ortiz", futures=3)
    cmp_fig = fig_vp.strategy_comparison_figure(table)
    assert len(cmp_fig.axes[0].patches) == len(table)
    with pytest.raises(TypeError, match="course"):
        fig_vp.course_timeline_figure(c.timeline)


def test_view_plays_another_future_with_another_seed():
    from hfs_edu.widgets.virtual_patient import VirtualPatientView

    v = VirtualPatientView()
    v.set(patient="novak", first="botulinum", then="MVD", switch_year="1", seed=0)
    first = v.course
    v.set(seed=5)
    assert v.course.seed == 5 and v.course.strategy == first.strategy
    v.set(seed=0)
    assert v.course is first  # cached: the same future again
    assert "months good control" in v.readout.value and "Lena Novak" in v.readout.value


def test_chapter_try_it_answers_match_the_model():
    # the numbers the chapter's "What you should see" quotes (chapters/09_virtual_patient.py, Try it)
    plan = vp.strategy("oral drug", "botulinum", 1.0)
    q2 = [vp.simulate("ortiz", plan, years=3.0, seed=s) for s in range(11)]
    t = q2[0].timeline.time_days
    assert not (q2[0].timeline.severity[t < 365] <= vp._tl.GOOD_CONTROL_SEVERITY).any()  # answer 1
    months = [c.good_control_months for c in q2]
    assert min(months) == 0 and 23 <= max(months) <= 25  # answer 2: "from 0 to about 24"
    assert [s for s, c in enumerate(q2) if c.botulinum_responder is False] == [1, 4]
    q3 = [vp.simulate("novak", "MVD", years=3.0, seed=s) for s in range(11)]
    assert all(c.mvd_cured for c in q3) and not any(c.permanent_complications for c in q3)
    comp = {s: [iv.label for iv in c.timeline.history.intervals if iv.kind == "complication"] for s, c in enumerate(q3)}
    assert {s: v for s, v in comp.items() if v} == {2: ["facial_palsy"], 6: ["lower_cranial_nerve_palsy"]}
    assert round(100 * q3[0].risk_permanent_harm, 1) == 3.4
    mvd_b = [vp.simulate("berg", "MVD", years=3.0, seed=s).good_control_months for s in range(6)]
    bot_b = [vp.simulate("berg", "botulinum", years=3.0, seed=s) for s in range(6)]
    assert 32.5 <= min(mvd_b) and max(mvd_b) <= 36.1  # answer 4: "33-36 months"
    assert min(c.good_control_months for c in bot_b) < 1 and max(c.good_control_months for c in bot_b) > 35
    assert bot_b[4].botulinum_responder and bot_b[4].good_control_months < 1  # future 4: a partial response
