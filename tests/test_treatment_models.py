"""Treatment models (issue 10 §1): timeline, botulinum toxin, oral drugs, microvascular decompression.

The science checks compare the teaching calibrations with the sourced table rows
(``botulinum_time_ranges``, ``botulinum_side_effects``, ``botulinum_long_term``,
``oral_drugs``, ``mvd_time_to_cure``, ``mvd_outcomes``, ``mvd_recurrence``,
``mvd_complications``), never with numbers typed into the test.
"""

from __future__ import annotations

import inspect
import itertools
import math
import time

import numpy as np
import pytest

from hfs_edu._params import params_of
from hfs_edu.data import load_table
from hfs_edu.models import botulinum as bont
from hfs_edu.models import mvd
from hfs_edu.models import oral_drugs as drugs
from hfs_edu.models import timeline as tl

DAYS_PER_MONTH = 30.44


def ranges(quantity, hfs_only=True):
    df = load_table("botulinum_time_ranges")
    df = df[df["quantity"] == quantity]
    if hfs_only:
        df = df[~df["pooled"].astype(bool)]
    vals = np.concatenate([df[c].dropna().astype(float).to_numpy() for c in ("value_days", "low_days", "high_days")])
    return float(vals.min()), float(vals.max())


def peak(dose=bont.REFERENCE_DOSE_UNITS):
    t = np.arange(0.0, 200.0, 0.1)
    e = bont.relief_kernel(t, dose)
    return t, e, float(e.max())


# ------------------------------------------------------------------ botulinum: one injection
def test_effect_starts_within_days():
    _t, _e, top = peak()
    assert bont.injection_effect(0.0) == 0.0 and bont.injection_effect(-5.0) == 0.0
    # label: initial effect within three days -> a visible part of the peak by day 3
    assert bont.injection_effect(3.0) >= 0.25 * top
    _lo, hi = ranges("onset")
    assert bont.onset_days() <= hi, "half of the peak must be reached by the latest sourced mean onset"
    assert 0.0 < bont.onset_days() <= 7.0


def test_peak_within_the_labels_one_to_two_weeks():
    t, e, top = peak()
    lo, hi = ranges("peak_clinical")
    t90 = float(t[np.argmax(e >= 0.9 * top)])
    assert lo - 7.0 <= t90 <= hi, f"90% of the peak at day {t90:g}; sourced clinical peak {lo:g}-{hi:g} d"


def test_effect_wears_off_by_three_to_four_months():
    lo, hi = ranges("duration")
    for dose in (20.0, 25.0, 35.0):
        d = bont.half_effect_days(dose)
        assert lo <= d <= hi, f"{dose} U: half-effect duration {d:g} d outside the sourced {lo:g}-{hi:g} d"
        assert 2.5 * DAYS_PER_MONTH <= d <= 4.0 * DAYS_PER_MONTH
        _, _, top = peak(dose)
        assert bont.injection_effect(4.0 * DAYS_PER_MONTH, dose) < 0.1 * top


def test_peak_relief_matches_the_sourced_mean_improvement():
    series = load_table("botulinum_series")
    mean_improvement = series[series["response_definition"].str.contains("mean", na=False)]["response_pct"]
    lo, hi = float(mean_improvement.min()) / 100, float(mean_improvement.max()) / 100
    for dose in (20.0, 35.0):
        assert lo - 0.02 <= peak(dose)[2] <= hi + 0.02


def test_dose_limit_is_the_labels_maximum():
    doses = load_table("botulinum_doses")
    label_max = doses[doses["basis"].str.contains("12 weeks", na=False)]["dose_high_units"].astype(float)
    assert len(label_max) == 1 and bont.MAX_DOSE_UNITS == float(label_max.iloc[0])
    with pytest.raises(ValueError, match="dose_units"):
        bont.injection_effect(10.0, bont.MAX_DOSE_UNITS + 1)


def test_more_dose_does_not_prolong_beyond_an_effective_dose():
    doses = [0.0, 2.5, 5.0, 10.0, 20.0, 40.0, 80.0]
    peaks = [peak(d)[2] for d in doses]
    assert peaks[0] == 0.0 and all(a <= b for a, b in itertools.pairwise(peaks))
    # [S121]: once an effective dose was reached, more toxin did not prolong the effect
    assert abs(bont.half_effect_days(50.0) - bont.half_effect_days(25.0)) / bont.half_effect_days(25.0) < 0.05
    assert bont.half_effect_days(5.0) < bont.half_effect_days(25.0)
    assert math.isnan(bont.onset_days(0.0))


# ------------------------------------------------------------------ botulinum: cycles
def cycle_peaks(course, days):
    t = course.time_days
    out = []
    for a, b in zip(days, list(days[1:]) + [t[-1]]):
        sel = (t >= a) & (t < b)
        out.append(float(course.effect[sel].max()))
    return out


def test_repeated_cycles_do_not_wane():
    days = bont.injection_schedule(91.0, 8 * 91.0)
    course = bont.botulinum_course(days, 9 * 91.0)
    peaks = cycle_peaks(course, days)
    lt = load_table("botulinum_long_term")
    assert (~lt["waning"].astype(bool)).sum() > lt["waning"].astype(bool).sum(), (
        "the sourced series mostly show no waning"
    )
    stable = lt.dropna(subset=["early_value", "late_value"])
    sourced_ratio = (stable["late_value"] / stable["early_value"]).astype(float)
    ratio = peaks[-1] / peaks[1]
    assert sourced_ratio.min() - 0.05 <= ratio <= sourced_ratio.max() + 0.05
    assert max(peaks[1:]) - min(peaks[1:]) < 0.05


def test_missed_injection_lets_symptoms_return():
    base = 0.6
    regular = tl.symptom_curve(
        tl.treatment_history([tl.injection(d) for d in bont.injection_schedule(91.0, 730.0)]), base, 730.0
    )
    missed_days = bont.injection_schedule(91.0, 730.0, missed=3)
    missed = tl.symptom_curve(tl.treatment_history([tl.injection(d) for d in missed_days]), base, 730.0)
    gap = (missed.time_days > 182.0) & (missed.time_days < 273.0)
    assert missed.severity[gap].max() > 0.95 * base
    assert regular.severity[regular.time_days > 7].max() < 0.8 * base
    assert tl.good_control_days(missed) < tl.good_control_days(regular)


def test_late_injection_costs_good_control():
    on_time = bont.botulinum_course(bont.injection_schedule(91.0, 365.0), 365.0)
    late = bont.botulinum_course(bont.injection_schedule(91.0, 365.0, late=2, late_by_days=45.0), 365.0)
    window = (on_time.time_days > 100) & (on_time.time_days < 136)
    assert late.effect[window].mean() < on_time.effect[window].mean() - 0.2
    assert bont.injection_schedule(91.0, 365.0, late=2, late_by_days=45.0)[1] == 136.0


def test_sampled_responses_match_the_sourced_responder_rates():
    series = load_table("botulinum_series")
    responders = series[~series["response_definition"].str.contains("mean", na=True)]["response_pct"].dropna()
    responders = responders.astype(float) / 100
    lo, hi = float(responders[responders > 0.85].min()), float(responders.max())
    assert lo <= bont.RESPONDER_PROBABILITY <= hi
    sample = [bont.sample_response(s) for s in range(3000)]
    share = np.mean([r.responder for r in sample])
    assert lo - 0.01 <= share <= hi + 0.01
    assert sample[5] == bont.sample_response(5)
    assert all(r.relief_factor == 0.0 for r in sample if not r.responder)
    non = next(r for r in sample if not r.responder)
    curve = tl.symptom_curve(tl.treatment_history([tl.injection(0.0, relief_factor=non.relief_factor)]), 0.6, 200.0)
    assert np.all(curve.severity == 0.6)
    factors = np.array([r.duration_factor for r in sample])
    assert 0.9 < np.median(factors) < 1.1


# ------------------------------------------------------------------ botulinum: transmission factor
def test_transmission_factor_is_monotone_in_the_effect():
    e = np.linspace(0.0, 1.0, 101)
    f = bont.neuromuscular_transmission(e)
    assert np.all(np.diff(f) < 0) and f[0] == 1.0 and f[-1] == 0.0
    assert bont.neuromuscular_transmission(0.3) == pytest.approx(0.7)


def test_transmission_factor_falls_and_recovers_after_an_injection():
    days = [-1.0, 3.0, 28.0, 60.0, 150.0]
    f = [bont.transmission_factor_at(d) for d in days]
    assert f[0] == 1.0 and f[1] < 1.0 and f[2] < f[1] and f[3] > f[2] - 0.01 and f[4] > 0.95
    course = bont.botulinum_course((0.0, 91.0), 200.0)
    timeline = tl.symptom_curve(tl.treatment_history([tl.injection(0.0), tl.injection(91.0)]), 0.6, 200.0)
    assert np.allclose(course.transmission_factor, timeline.transmission_factor)
    assert np.allclose(course.transmission_factor, bont.neuromuscular_transmission(course.effect))


# ------------------------------------------------------------------ botulinum: side effects
@pytest.mark.parametrize("effect", bont.SIDE_EFFECTS)
def test_side_effect_probabilities_inside_sourced_ranges(effect):
    lo, hi = bont.sourced_side_effect_range(effect)
    assert lo <= bont.side_effect_probability(effect) <= hi


def test_sampled_side_effects_follow_the_probabilities_and_the_seed():
    days = tuple(float(d) for d in np.linspace(0.0, 3600.0, 1000))  # 1,000 injections
    sample = bont.sample_side_effects(days, seed=1)
    assert sample == bont.sample_side_effects(days, seed=1)
    assert sample != bont.sample_side_effects(days, seed=2)
    for effect in bont.SIDE_EFFECTS:
        n = sum(s.effect == effect for s in sample)
        p = bont.side_effect_probability(effect)
        assert abs(n / len(days) - p) < 4 * math.sqrt(p * (1 - p) / len(days)) + 1e-9, effect
    assert all(s.start_day > s.injection_day and s.end_day > s.start_day for s in sample)


# ------------------------------------------------------------------ oral drugs
def test_oral_drug_table_and_model_agree():
    df = load_table("oral_drugs")
    assert set(df["drug"]) == set(drugs.DRUGS)
    levels = set(df["evidence_level"])
    assert levels <= {"negative RCT", "case reports", "anecdotal", "opinion and usage only", "no HFS study found"}
    assert drugs.drug_facts("clonazepam").evidence_level == "negative RCT"


def test_oral_drug_monitoring_is_sourced_per_drug():
    cbz = drugs.drug_facts("carbamazepine")
    text = (cbz.monitoring_baseline + " " + cbz.monitoring_ongoing + " " + cbz.monitoring_why).lower()
    for word in ("blood count", "liver", "sodium", "level", "hla-b*15:02"):
        assert word in text, word
    pht = drugs.drug_facts("phenytoin")
    assert pht.therapeutic_low_mg_per_l < pht.therapeutic_high_mg_per_l
    assert "level" in pht.monitoring_ongoing.lower()
    assert math.isnan(drugs.drug_facts("baclofen").therapeutic_low_mg_per_l)
    for d in drugs.DRUGS:
        f = drugs.drug_facts(d)
        assert f.source_key and len(f.tier.split(";")) == len(f.source_key.split(";"))


def test_oral_drug_effect_is_modest_and_uncertain():
    bont_peak = peak()[2]
    for d in drugs.DRUGS:
        e = drugs.spasm_relief(d)
        assert e.low == 0.0, "no study excludes 'no effect'"
        assert e.low <= e.central <= e.high < bont_peak / 2
    neg = drugs.spasm_relief("clonazepam")
    assert neg.central <= min(drugs.spasm_relief(d).central for d in drugs.DRUGS)


def test_drug_course_rises_and_fades():
    t, e = drugs.drug_effect_curve("carbamazepine", 30.0, 120.0, 200.0)
    c = drugs.spasm_relief("carbamazepine").central
    assert np.all(e[t <= 30.0] == 0.0)
    assert 0.9 * c < e[t == 110.0][0] <= c
    assert e[t == 140.0][0] < 0.01 * c
    with pytest.raises(ValueError, match="stop_day"):
        drugs.drug_effect_curve("carbamazepine", 50.0, 10.0)


# ------------------------------------------------------------------ MVD
def test_cure_curve_within_a_few_points_of_the_time_to_cure_table():
    """The table is ``mvd_time_to_cure`` (the slow, all-cured cohort [S150]), fitted with its own parameters."""
    table = load_table("mvd_time_to_cure").dropna(subset=["interval_end_days"])
    for _, r in table.iterrows():
        model = 100 * mvd.spasm_free_share(
            float(r["interval_end_days"]), eventual_cure=1.0, immediate_share=mvd.SLOW_COHORT_IMMEDIATE_SHARE
        )
        assert abs(model - float(r["cumulative_pct"])) <= 2.5, (r["interval_label"], model, r["cumulative_pct"])
    course = mvd.cure_course(730.0)
    assert np.all(np.diff(course.cured_ever) >= 0)
    assert course.spasm_free.max() <= mvd.EVENTUAL_CURE


def test_immediate_and_eventual_cure_match_the_series():
    outcomes = load_table("mvd_outcomes")
    first = outcomes[outcomes["surgery_type"] == "first MVD"]["success_pct"].dropna().astype(float) / 100
    assert first.min() <= mvd.EVENTUAL_CURE <= first.max()
    assert abs(mvd.EVENTUAL_CURE - first.median()) < 0.05
    delayed = load_table("mvd_delayed_resolution")["early_cure_pct"].dropna().astype(float) / 100
    immediate = mvd.spasm_free_share(mvd.IMMEDIATE_WINDOW_DAYS, eventual_cure=1.0)
    assert delayed.min() - 0.05 <= immediate <= delayed.max()


def test_recurrence_follows_the_sourced_curve():
    rec = load_table("mvd_recurrence").dropna(subset=["time_after_mvd_years"])
    rec = rec[rec["basis"].str.startswith("cumulative")]
    assert len(rec) == 3
    for _, r in rec.iterrows():
        assert abs(100 * mvd.cumulative_recurrence(float(r["time_after_mvd_years"])) - float(r["recurrence_pct"])) < 0.3


@pytest.mark.parametrize("name", mvd.COMPLICATIONS)
@pytest.mark.parametrize("kind", ["any", "permanent"])
def test_complication_constants_inside_sourced_ranges(name, kind):
    lo, hi = mvd.sourced_complication_range(name, kind)
    if math.isnan(lo):
        pytest.skip(f"no sourced {kind} rate for {name}")
    assert lo <= mvd.complication_probability(name, kind) <= hi


def test_sampled_virtual_patients_have_sourced_complication_rates():
    n = 4000
    outcomes = [mvd.sample_outcome(s) for s in range(n)]
    assert outcomes[17] == mvd.sample_outcome(17)
    for name in mvd.COMPLICATIONS:
        for kind in ("any", "permanent"):
            lo, hi = mvd.sourced_complication_range(name, kind)
            if math.isnan(lo):
                continue
            k = sum(
                any(c.complication == name and (kind == "any" or c.permanent) for c in o.complications)
                for o in outcomes
            )
            p = mvd.complication_probability(name, kind)
            tol = 4 * math.sqrt(max(p, 1e-4) * (1 - p) / n)
            assert lo - tol <= k / n <= hi + tol, (name, kind, k / n, lo, hi)
    cured = sum(o.cured for o in outcomes) / n
    assert abs(cured - mvd.EVENTUAL_CURE) < 0.02
    counts = mvd.complication_counts(200_000, seed=3)
    for name in ("hearing_loss", "facial_palsy", "csf_leak"):
        lo, hi = mvd.sourced_complication_range(name, "any")
        assert lo <= counts[name][0] / 200_000 <= hi


def test_sampled_cure_times_reproduce_the_curve():
    outcomes = [mvd.sample_outcome(s, eventual_cure=1.0) for s in range(3000)]
    times = np.array([o.days_to_cure for o in outcomes])
    for day in (7.0, 30.44, 91.31, 182.62):
        assert abs(np.mean(times <= day) - mvd.spasm_free_share(day, eventual_cure=1.0)) < 0.04


# ------------------------------------------------------------------ timeline
def test_no_treatment_equals_the_untreated_course():
    t, base = tl.untreated_course(730.0, 0.6, worsening_per_year=0.05)
    for history in (None, tl.treatment_history()):
        curve = tl.symptom_curve(history, base, 730.0)
        assert np.array_equal(curve.severity, base) and np.array_equal(curve.untreated, base)
        assert np.array_equal(curve.time_days, t)
    flat = tl.symptom_curve(None, 0.4, 365.0)
    assert np.all(flat.severity == 0.4)


def test_treatment_never_makes_the_spasm_worse_and_surgery_cures_most():
    events = [tl.injection(d) for d in bont.injection_schedule(91.0, 360.0)]
    events += [tl.start_drug(10.0, "carbamazepine"), tl.stop_drug(200.0, "carbamazepine"), tl.operation(400.0)]
    curve = tl.symptom_curve(tl.treatment_history(events), 0.6, 730.0)
    assert np.all(curve.severity <= curve.untreated + 1e-12)
    late = curve.time_days > 700
    assert np.all(curve.surgery_effect[late] > 0.8 * mvd.EVENTUAL_CURE)
    assert [iv.label for iv in curve.history.intervals if iv.kind == "drug"] == ["carbamazepine"]
    assert tl.interval_days(curve, "drug") == pytest.approx(190.0)


def test_one_patients_operation_is_a_step_and_a_recurrence_brings_the_spasm_back():
    ev = tl.operation(100.0, days_to_cure=30.0, recurrence_day=300.0)
    curve = tl.symptom_curve(tl.treatment_history([ev]), 0.6, 730.0)
    t = curve.time_days
    assert np.all(curve.severity[t < 130] == 0.6)
    assert np.all(curve.severity[(t >= 130) & (t < 400)] == 0.0)
    assert np.all(curve.severity[t >= 400] == 0.6)
    never = tl.symptom_curve(tl.treatment_history([tl.operation(100.0, cured=False)]), 0.6, 730.0)
    assert np.all(never.severity == 0.6)
    o = mvd.sample_outcome(11)
    assert tl.operation_for(o, 5.0).days_to_cure == o.days_to_cure


def test_side_effect_intervals_are_deterministic_with_a_seed():
    events = [tl.injection(d) for d in bont.injection_schedule(91.0, 730.0)] + [tl.operation(730.0)]
    h = tl.treatment_history(events)
    a = tl.sample_side_effect_intervals(h, seed=4)
    assert a == tl.sample_side_effect_intervals(h, seed=4)
    h2 = tl.treatment_history(h.events, h.intervals + a)
    curve = tl.symptom_curve(h2, 0.6, 730.0)
    assert tl.interval_days(curve, "side_effect") >= 0.0
    assert all(iv.kind in ("side_effect", "complication") for iv in a)


def test_history_rejects_inconsistent_events():
    with pytest.raises(ValueError, match="drug"):
        tl.treatment_history([tl.stop_drug(5.0, "baclofen")])
    with pytest.raises(ValueError, match="drug"):
        tl.treatment_history([tl.start_drug(1.0, "baclofen"), tl.start_drug(5.0, "baclofen")])
    with pytest.raises(TypeError, match="events"):
        tl.treatment_history([1.0])
    with pytest.raises(TypeError, match="history"):
        tl.symptom_curve("not a history")
    with pytest.raises(ValueError, match="baseline"):
        tl.symptom_curve(None, np.zeros(5), 730.0)
    with pytest.raises(ValueError, match="baseline"):
        tl.symptom_curve(None, 1.5)
    late = bont.botulinum_course((0.0, 3000.0), 365.0)
    assert np.array_equal(late.effect, bont.botulinum_course((0.0,), 365.0).effect)
    with pytest.raises(TypeError, match="injection_days"):
        bont.botulinum_course("0, 91")
    with pytest.raises(ValueError, match="injection_days"):
        bont.botulinum_course((0.0, 4000.0), 365.0)
    with pytest.raises(TypeError, match="effect"):
        bont.neuromuscular_transmission(None)
    with pytest.raises(ValueError, match="effect"):
        bont.neuromuscular_transmission([0.2, 1.2])


def test_two_year_timeline_is_fast():
    events = [tl.injection(d) for d in bont.injection_schedule(91.0, 730.0)]
    events += [tl.start_drug(10.0, "clonazepam"), tl.stop_drug(100.0, "clonazepam"), tl.operation(600.0)]
    h = tl.treatment_history(events)
    best = math.inf
    for _ in range(5):
        t0 = time.perf_counter()
        tl.symptom_curve(h, 0.6, 730.0)
        best = min(best, time.perf_counter() - t0)
    assert best < 0.01, f"{best * 1e3:.1f} ms for one 2-year timeline"


# ------------------------------------------------------------------ declarations: bad input is refused by name
DECLARED = [
    f
    for m in (bont, drugs, mvd, tl)
    for name in m.__all__
    if callable(f := getattr(m, name)) and not inspect.isclass(f) and params_of(f)
]


@pytest.mark.parametrize("fn", DECLARED, ids=lambda f: f"{f.__module__.rsplit('.', 1)[-1]}.{f.__name__}")
def test_declared_parameters_refuse_bad_values_by_name(fn):
    required = {
        "history": tl.treatment_history(),
        "timeline": tl.symptom_curve(None, 0.5, 30.0),
        "outcome": mvd.sample_outcome(0),
    }
    sig = inspect.signature(fn)
    base = {n: required[n] for n in sig.parameters if n in required}
    for name, p in params_of(fn).items():
        for good in p.valid_examples()[:1]:
            fn(**{**base, name: good})
        for bad in p.invalid_examples():
            with pytest.raises((TypeError, ValueError)) as err:
                fn(**{**base, name: bad})
            assert name in str(err.value), f"{fn.__name__}({name}={bad!r}): {err.value}"
    assert "{parameters}" not in (fn.__doc__ or "")
