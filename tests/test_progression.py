"""Sourced properties of the progression model (hfs_edu.models.progression, chapter 04)."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from hfs_edu._params import params_of
from hfs_edu.data import load_table
from hfs_edu.models import anatomy
from hfs_edu.models import progression as pr

UPPER_TO_LOWER_BELOW_EYE = ("orbicularis oculi", "zygomaticus major", "orbicularis oris", "mentalis", "platysma")
LOWER_TO_UPPER_ABOVE_MOUTH = ("orbicularis oris", "zygomaticus major", "orbicularis oculi", "frontalis")
N_PATIENTS = 1000


@pytest.fixture(scope="module")
def typical():
    return pr.simulate_course(10, "typical", remission=False)


@pytest.fixture(scope="module")
def atypical():
    return pr.simulate_course(10, "atypical", remission=False)


@pytest.fixture(scope="module")
def cohort():
    """N_PATIENTS seeded patients followed 20 years (longer than the longest sourced bilateral delay, 15 y)."""
    return [pr.simulate_course(20, seed=s) for s in range(N_PATIENTS)]


def _recruited(course, muscle):
    return course.recruitment_months[course.muscles.index(muscle)]


# -- onset and direction of spread ------------------------------------------------------------------------


def test_muscles_follow_the_face_map_from_forehead_to_neck(typical):
    face = anatomy.muscles()
    assert list(typical.muscles) == sorted(typical.muscles, key=face.index)
    for m in typical.muscles:
        assert anatomy.branches_of(m), m


def test_typical_onset_is_in_orbicularis_oculi_and_spreads_downward(typical):
    first = typical.muscles[int(np.nanargmin(typical.recruitment_months))]
    assert first == "orbicularis oculi"
    times = [_recruited(typical, m) for m in UPPER_TO_LOWER_BELOW_EYE]
    assert all(np.isfinite(times)), times
    assert times == sorted(times) and len(set(times)) == len(times), times


def test_atypical_onset_is_in_the_lower_face_and_spreads_upward(atypical):
    first = atypical.muscles[int(np.nanargmin(atypical.recruitment_months))]
    assert first in anatomy.muscles(face_region="lower") and first in ("orbicularis oris", "buccinator")
    times = [_recruited(atypical, m) for m in LOWER_TO_UPPER_ABOVE_MOUTH]
    assert all(np.isfinite(times)), times
    assert times == sorted(times) and len(set(times)) == len(times), times


def test_spread_follows_the_branches_of_the_face_map(typical, atypical):
    """First month each terminal branch has a recruited muscle: typical zygomatic -> buccal ->
    marginal mandibular -> cervical; atypical buccal before zygomatic before temporal."""

    def by_branch(course):
        out = {}
        for m, t in zip(course.muscles, course.recruitment_months):
            for b in anatomy.branches_of(m):
                out[b] = min(out.get(b, math.inf), t)
        return out

    t = by_branch(typical)
    assert t["zygomatic"] < t["buccal"] < t["marginal mandibular"] < t["cervical"]
    a = by_branch(atypical)
    assert a["buccal"] < a["zygomatic"] < a["temporal"]


def test_spread_order_comes_from_the_table():
    df = load_table("hfs_spread_order")
    for onset in pr.ONSET_TYPES:
        rows = df[df["onset_type"] == onset].sort_values("spread_rank")
        assert pr.spread_order(onset) == tuple(rows["muscle"])
    assert pr.spread_order("typical")[0] == "orbicularis oculi"
    assert pr.spread_order("atypical")[0] == "orbicularis oris"


def test_atypical_share_range_is_the_primary_series():
    low, high = pr.sourced_range("atypical onset")
    assert (low, high) == (8.0, 8.8)  # Barker 8% [S12], Soriano-Baron 8.8% [S36]
    df = load_table("hfs_onset_pattern")
    tertiary = df[df["tier"] == "C"]
    assert not tertiary["counts_for_range"].any()  # the encyclopaedia's 2-3% is shown, not used


# -- the spread is driven by the damage model ---------------------------------------------------------------


def _months_to_recruit(course, k):
    """Month by which k muscles are recruited."""
    t = np.sort(course.recruitment_months)
    return t[k - 1]


def test_higher_blood_pressure_recruits_branches_sooner():
    normal = pr.simulate_course(10, systolic_bp_mmhg=120.0, remission=False)
    high = pr.simulate_course(10, systolic_bp_mmhg=160.0, remission=False)
    assert high.contact_years_to_onset < normal.contact_years_to_onset
    for k in (2, 4, 6):
        assert _months_to_recruit(high, k) < _months_to_recruit(normal, k)


def test_harder_contact_recruits_branches_sooner_and_mild_contact_never_starts():
    firm = pr.simulate_course(10, severity=0.75, remission=False)
    severe = pr.simulate_course(10, severity=0.9, remission=False)
    for k in (2, 4, 6):
        assert _months_to_recruit(severe, k) < _months_to_recruit(firm, k)
    mild = pr.simulate_course(10, severity=0.25)
    assert not mild.symptomatic and np.all(mild.spasm_rate_per_hour == 0) and np.all(mild.involvement == 0)


def test_rate_follows_the_cross_talk_model():
    low = pr.activity_at(0.6, 0.9)
    high = pr.activity_at(0.9, 0.9)
    assert high["bursts_per_s"] > low["bursts_per_s"] > 0
    assert high["coupled_fraction"] > low["coupled_fraction"]
    assert pr.activity_at(0.9, 0.0)["bursts_per_s"] == 0.0  # no compression, no cross-talk
    grid = [pr.activity_at(float(d), 0.8)["spasm_rate_per_hour"] for d in np.linspace(0, 1, 21)]
    assert np.all(np.diff(grid) >= 0)


# -- frequency, intensity, clonic -> tonic, sleep ---------------------------------------------------------------


@pytest.mark.parametrize("severity", [0.7, 0.75, 0.9])
@pytest.mark.parametrize("onset", pr.ONSET_TYPES)
def test_frequency_and_intensity_never_fall_without_treatment(severity, onset):
    c = pr.simulate_course(30, onset, severity=severity, remission=False)
    for series in (c.spasm_rate_per_hour, c.extent, c.intensity, c.tonic_fraction, c.demyelination):
        assert np.all(np.diff(series) >= -1e-12)
    assert np.all(np.diff(c.involvement, axis=1) >= -1e-12)
    assert c.spasm_rate_per_hour[-1] > c.spasm_rate_per_hour[1] > 0
    assert c.intensity[-1] > c.intensity[1]


def test_clonic_twitches_become_tonic(typical):
    assert typical.tonic_fraction[1] < 0.1  # early: brief clonic twitches
    assert typical.tonic_fraction[-1] > 0.5  # late: mostly sustained
    assert np.all((typical.tonic_fraction >= 0) & (typical.tonic_fraction <= 1))
    sources = set(load_table("hfs_course_events").query("event == 'course'")["source_key"])
    assert {"N100", "N604"} <= sources  # qualitative only: no series measured the change


def test_spasms_persist_in_sleep_but_fewer(typical):
    active = typical.spasm_rate_per_hour > 0
    assert active.sum() > 100
    assert np.all(typical.sleep_rate_per_hour[active] > 0)  # 12/12 in sleep [S108]
    assert np.all(typical.sleep_rate_per_hour[active] < typical.spasm_rate_per_hour[active])
    row = load_table("hfs_course_events").query("event == 'sleep persistence'").iloc[0]
    assert row["pct"] == 100.0 and 0 < typical.sleep_persistence < 1


# -- triggers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", pr.TRIGGERS)
def test_triggers_never_lower_the_rate(trigger):
    c = pr.simulate_course(10, triggers=trigger, remission=False)
    assert np.all(c.triggered_rate_per_hour >= c.spasm_rate_per_hour)
    assert pr.trigger_multiplier(trigger) >= 1.0


def test_sourced_triggers_raise_the_rate_and_unsourced_ones_do_not():
    df = load_table("hfs_triggers")
    aggravating = df[df["effect"] == "aggravates"]
    named = set(aggravating.loc[aggravating["verified"].astype(bool), "trigger"])
    in_series = set(aggravating.loc[aggravating["tier"].isin(["A", "B"]), "trigger"])
    assert named == {"stress", "fatigue", "reading", "voluntary movement", "bright light"}
    assert in_series == {"stress"}  # only stress/anxiety was counted in clinic series [S10; S21; S22]
    light = aggravating[aggravating["trigger"] == "bright light"]
    assert set(light["source_key"]) == {"N805"} and set(light["tier"]) == {"C"}  # one patient page only
    unsourced = {"bright light"}  # listed, never measured: no effect in the model
    sourced = named - unsourced
    base = pr.simulate_course(10, remission=False)
    for t in sourced:
        c = pr.simulate_course(10, triggers=t, remission=False)
        active = base.spasm_rate_per_hour > 0
        assert np.all(c.triggered_rate_per_hour[active] > base.spasm_rate_per_hour[active]), t
    for t in unsourced:
        assert pr.trigger_multiplier(t) == 1.0
    both = pr.trigger_multiplier("stress, fatigue")
    assert both == pytest.approx(pr.trigger_multiplier("stress") * pr.trigger_multiplier("fatigue"))
    assert pr.trigger_multiplier(None) == 1.0


# -- bilateral spread and remission over many seeded patients ------------------------------------------------


def test_bilateral_cases_are_rare_and_within_the_sourced_range(cohort):
    low, high = pr.sourced_range("bilateral")
    assert (low, high) == (0.4, 3.2)
    share = 100 * np.mean([np.isfinite(c.bilateral_onset_months) for c in cohort])
    assert low <= share <= high, share


def test_bilateral_cases_are_never_synchronous(cohort):
    row = load_table("hfs_course_events").query("event == 'bilateral' and quantity != 'share of patients'").iloc[0]
    delays = np.array([c.bilateral_onset_months for c in cohort])
    delays = delays[np.isfinite(delays)] / 12.0
    assert delays.size >= 5
    assert np.all(delays >= row["years_low"]) and np.all(delays <= row["years_high"])  # 0.2-15 y [S25]
    assert delays.min() > 0  # never the same time
    assert 1.0 < np.median(delays)  # years later, typically


def test_bilateral_delay_distribution_has_the_sourced_mean():
    u = (np.arange(2000) + 0.5) / 2000
    d = [
        pr._triangular_inverse(
            x, pr.BILATERAL_DELAY_MIN_YEARS, pr.BILATERAL_DELAY_MODE_YEARS, pr.BILATERAL_DELAY_MAX_YEARS
        )
        for x in u
    ]
    assert np.mean(d) == pytest.approx(8.4, abs=0.05)  # mean 8.4 y [S25]


def test_remission_share_within_the_sourced_range(cohort):
    low, high = pr.sourced_range("remission")
    assert (low, high) == (5.7, 41.3)
    share = 100 * np.mean([np.isfinite(c.remission_months) for c in cohort])
    assert low <= share <= high, share


def test_remission_timing_and_the_41_percent_correction():
    u = (np.arange(4000) + 0.5) / 4000
    d = np.array(
        [
            pr._truncated_exponential_inverse(
                x, pr.REMISSION_DELAY_MIN_YEARS, pr.REMISSION_DELAY_MAX_YEARS, pr.REMISSION_DELAY_SCALE_YEARS
            )
            for x in u
        ]
    )
    assert d.min() >= 2 / 12 - 1e-9 and d.max() <= 23.0
    assert d.mean() == pytest.approx(6.4, abs=0.1)  # mean 6.4 y, 2 months to 23 y [S97]
    row = (
        load_table("hfs_course_events")
        .query("event == 'remission' and series == 'Lee 2017' and quantity == 'share of patients'")
        .iloc[0]
    )
    assert (row["n_events"], row["n_patients"], row["pct"]) == (43, 104, 41.3)
    assert "2155" in row["notes"] and "not a natural history" in row["notes"]


def test_remission_stops_the_spasm(cohort):
    remitted = [c for c in cohort if np.isfinite(c.remission_months)]
    assert remitted
    for c in remitted[:20]:
        after = c.time_months >= c.remission_months
        assert np.all(c.spasm_rate_per_hour[after] == 0) and np.all(c.involvement[:, after] == 0)
        before = c.time_months < c.remission_months
        assert np.all(np.diff(c.spasm_rate_per_hour[before]) >= -1e-12)


# -- determinism, speed, validation -----------------------------------------------------------------------------


def test_same_seed_same_course_and_seed_only_moves_events():
    a, b = pr.simulate_course(12, seed=7), pr.simulate_course(12, seed=7)
    for name in ("involvement", "spasm_rate_per_hour", "tonic_fraction", "demyelination"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert (a.bilateral_onset_months, a.remission_months) == (b.bilateral_onset_months, b.remission_months) or (
        math.isnan(a.remission_months) and math.isnan(b.remission_months)
    )
    c, d = pr.simulate_course(12, seed=1, remission=False), pr.simulate_course(12, seed=2, remission=False)
    np.testing.assert_array_equal(c.involvement, d.involvement)


def test_result_is_frozen(typical):
    with pytest.raises(AttributeError):
        typical.onset = "atypical"


def test_ten_years_is_fast_enough_for_a_slider():
    pr.simulate_course(10)  # warm the cached cross-talk lookup
    times = []
    for s in range(15):
        t0 = time.perf_counter()
        pr.simulate_course(10, seed=s, triggers="stress")
        times.append(time.perf_counter() - t0)
    assert min(times) < 0.010, times


@pytest.mark.parametrize(
    "fn", [pr.simulate_course, pr.spread_order, pr.trigger_multiplier, pr.sourced_range, pr.activity_at]
)
def test_every_public_function_declares_its_parameters(fn):
    assert params_of(fn), fn.__name__
    assert "Parameters\n" in fn.__doc__ and "{parameters}" not in fn.__doc__


@pytest.mark.parametrize("name", list(params_of(pr.simulate_course)))
def test_bad_input_names_the_parameter(name):
    for bad in params_of(pr.simulate_course)[name].invalid_examples():
        with pytest.raises((TypeError, ValueError)) as err:
            pr.simulate_course(**{name: bad})
        assert name in str(err.value)


@pytest.mark.parametrize("bad", ["stress, sunshine", "nothing", ",", "stress,,reading"])
def test_unknown_trigger_is_a_value_error_naming_triggers(bad):
    with pytest.raises(ValueError, match="triggers"):
        pr.simulate_course(5, triggers=bad)
    with pytest.raises(ValueError, match="triggers"):
        pr.trigger_multiplier(bad)


def test_valid_extremes_give_well_formed_courses():
    for kwargs in (
        {"years": 1},
        {"years": 40, "age_at_contact_years": 90},
        {"severity": 0.0},
        {"severity": 1.0, "systolic_bp_mmhg": 250, "pulsation": 1.0},
        {"age_at_contact_years": 0},
    ):
        c = pr.simulate_course(**kwargs)
        n = c.time_months.size
        assert c.involvement.shape == (len(c.muscles), n)
        for arr in (c.spasm_rate_per_hour, c.extent, c.intensity, c.tonic_fraction):
            assert arr.shape == (n,) and np.all(np.isfinite(arr)) and np.all(arr >= 0)
        assert np.all((c.involvement >= 0) & (c.involvement <= 1))


def test_month_zero_is_the_first_spasm():
    """Month 0 = the first spasm: the onset muscle is in it and the rate is not zero [TC]."""
    for onset in pr.ONSET_TYPES:
        c = pr.simulate_course(10, onset, remission=False)
        first = c.spread_order[0]
        assert c.recruitment_months[c.muscles.index(first)] == 0
        assert c.involvement_of(first)[0] >= pr.RECRUITED_INVOLVEMENT
        assert c.spasm_rate_per_hour[0] >= pr.ONSET_RATE_PER_HOUR > 0
        others = [m for m in c.muscles if m != first]
        assert all(c.involvement_of(m)[0] == 0 for m in others)
