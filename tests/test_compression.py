"""Compression -> demyelination over years (chapter 02): physiology, calibration and bad input.

These check what the model claims about the nerve, not merely that it runs:
monotone damage, the "second factor" (contact without indentation is harmless),
the direction and rough size of the hypertension and age effects, and partial
recovery after decompression.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from hfs_edu.models import compression as cm

YEARS = (1.0, 5.0, 10.0, 20.0, 40.0)
SEV = cm.SEVERITY_BY_CATEGORY


# -- basic behaviour ----------------------------------------------------------------------------


def test_no_contact_means_no_loss():
    for years in (0.0, 10.0, 60.0):
        course = cm.myelin_integrity(years, SEV["none"], pulsation=1.0, systolic_bp_mmhg=200.0, age_years=30.0)
        assert np.all(course.integrity == 1.0)
        assert math.isnan(course.onset_years)
    assert cm.wear_rate_per_year(0.0, 1.0, 200.0, 90.0) == 0.0


def test_integrity_starts_healthy_and_never_recovers_while_compressed():
    course = cm.myelin_integrity(40.0, SEV["moderate"], age_years=30.0)
    assert course.integrity[0] == 1.0
    assert np.all(np.diff(course.integrity) <= 1e-12)
    assert course.time_years[-1] == pytest.approx(40.0)
    assert course.age_years[-1] == pytest.approx(70.0)
    np.testing.assert_allclose(course.integrity + course.demyelination, 1.0)


@pytest.mark.parametrize("years", YEARS)
def test_monotone_in_severity(years):
    values = [cm.integrity_after(years, s) for s in np.linspace(0.0, 1.0, 21)]
    assert np.all(np.diff(values) <= 1e-12), values


@pytest.mark.parametrize("years", YEARS)
def test_monotone_in_blood_pressure_pulsation_and_age(years):
    for sev in (0.3, 0.5, 0.6, 0.9):
        bp = [cm.integrity_after(years, sev, systolic_bp_mmhg=x) for x in np.linspace(90.0, 200.0, 12)]
        puls = [cm.integrity_after(years, sev, pulsation=x) for x in np.linspace(0.0, 1.0, 11)]
        age = [cm.integrity_after(years, sev, age_years=x) for x in np.linspace(15.0, 65.0, 11)]
        for name, values in (("bp", bp), ("pulsation", puls), ("age", age)):
            assert np.all(np.diff(values) <= 1e-12), (name, sev, values)


def test_categories_match_their_numbers_and_order():
    assert cm.severity_from_category("Moderate ") == cm.SEVERITY_MODERATE
    assert cm.integrity_after(15, cm.severity_from_category("moderate")) == cm.integrity_after(15, cm.SEVERITY_MODERATE)
    ranked = [cm.integrity_after(15, SEV[c]) for c in ("none", "mild", "moderate", "severe")]
    assert ranked == sorted(ranked, reverse=True)


# -- the second factor and calibration ----------------------------------------------------------


def test_contact_without_indentation_stays_above_the_symptomatic_threshold():
    """About half of people without HFS have a vessel touching the nerve [S43; S50a]."""
    worst = cm.integrity_after(50.0, SEV["mild"], pulsation=0.5, systolic_bp_mmhg=120.0, age_years=30.0)
    assert worst > cm.SYMPTOMATIC_INTEGRITY + 0.3
    grid = [
        cm.integrity_after(40.0, SEV["mild"], pulsation=p, systolic_bp_mmhg=bp, age_years=a)
        for p in (0.0, 0.5, 1.0)
        for bp in (100.0, 130.0, 160.0, 180.0)
        for a in (20.0, 40.0, 60.0)
    ]
    above = np.mean(np.array(grid) > cm.SYMPTOMATIC_INTEGRITY)
    assert above >= 0.95, f"only {above:.0%} of mild contacts stay asymptomatic"


def test_indentation_causes_symptoms_within_years():
    years = cm.years_to_symptoms(SEV["moderate"], age_years=40.0)
    assert 2.0 <= years <= 20.0
    assert cm.years_to_symptoms(SEV["severe"], age_years=40.0) < years
    assert math.isnan(cm.years_to_symptoms(SEV["mild"], age_years=40.0))


def test_hypertension_raises_risk_by_about_the_sourced_odds_ratio():
    """Adjusted OR 2.76 [S44]; pooled OR 1.72 [S46]: the model should land in the same range."""
    odds_ratio = cm.hypertension_odds_ratio(150.0, 120.0, by_age_years=65.0)
    assert 1.5 <= odds_ratio <= 3.5
    assert cm.years_to_symptoms(SEV["moderate"], systolic_bp_mmhg=160.0) < cm.years_to_symptoms(SEV["moderate"])


def test_onset_ages_cluster_in_middle_age():
    """Mean onset 44-55 y in the cohorts of the fact sheet (e.g. 48.5 +- 14.1 y [S11])."""
    ages = cm.cohort_onset_ages(120.0)
    assert ages.size > 50
    q25, q50, q75 = np.percentile(ages, [25, 50, 75])
    assert 40.0 <= q50 <= 60.0
    assert q25 >= 33.0 and q75 <= 65.0
    assert np.median(cm.cohort_onset_ages(160.0)) < q50  # hypertension brings onset forward


# -- decompression ----------------------------------------------------------------------------------


def test_decompression_gives_partial_recovery_over_months():
    rec = cm.decompression_recovery(0.3, days=730.0, age_years=50.0)
    assert rec.integrity[0] == pytest.approx(0.3)
    assert np.all(np.diff(rec.integrity) >= 0.0)
    assert 0.3 < rec.final_integrity < 1.0
    assert rec.integrity[-1] == pytest.approx(rec.final_integrity, abs=0.01)
    assert 30.0 <= rec.time_constant_days <= 365.0
    month = np.searchsorted(rec.time_days, 30.0)
    assert rec.integrity[month] < rec.final_integrity - 0.1  # not instantaneous


def test_older_nerves_recover_more_slowly():
    """Late responders after MVD were older [S146]."""
    young = cm.decompression_recovery(0.3, age_years=40.0)
    old = cm.decompression_recovery(0.3, age_years=70.0)
    assert old.time_constant_days > young.time_constant_days
    assert old.final_integrity == pytest.approx(young.final_integrity)


def test_healthy_nerve_stays_healthy_after_decompression():
    rec = cm.decompression_recovery(1.0)
    assert np.all(rec.integrity == 1.0)


# -- cross-parameter rules (single-parameter ranges are covered by tests/test_properties.py) -------------------


def test_cross_parameter_rules_name_both_parameters():
    with pytest.raises(ValueError, match=r"age_years \+ years"):
        cm.myelin_integrity(40.0, SEV["moderate"], age_years=90.0)
    with pytest.raises(ValueError, match="sbp_high_mmhg.*sbp_normal_mmhg"):
        cm.hypertension_odds_ratio(120.0, 150.0)
    with pytest.raises(TypeError, match="severity"):  # one type per parameter: categories go through their helper
        cm.myelin_integrity(10.0, "moderate")


def test_pulse_pressure_mapping():
    assert cm.pulsation_from_pulse_pressure(40.0) == pytest.approx(0.5)
    assert cm.pulsation_from_pulse_pressure(120.0) == 1.0
