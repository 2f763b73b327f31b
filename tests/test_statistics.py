"""Chapter 05 statistics: textbook values, checked by an independent computation, not a typed copy."""

import math

import numpy as np
import pandas as pd
import pytest

from hfs_edu.data import load_table
from hfs_edu.models import cohorts
from hfs_edu.models import statistics as st


def _poisson_cdf_direct(k, mu):
    return sum(math.exp(i * math.log(mu) - mu - math.lgamma(i + 1)) for i in range(k + 1)) if mu > 0 else 1.0


@pytest.mark.parametrize("k, n", [(5, 100), (0, 20), (20, 20), (158, 321), (1, 7)])
def test_wilson_bounds_solve_the_score_equation(k, n):
    """At each bound p, |k/n - p| / sqrt(p(1-p)/n) = z: the definition, solved independently here."""
    ci = st.wilson_interval(k, n)
    z = 1.959963984540054
    for p in (ci.low, ci.high):
        if 1e-6 < p < 1 - 1e-6:
            assert abs(k / n - p) / math.sqrt(p * (1 - p) / n) == pytest.approx(z, rel=1e-9)
    assert ci.low <= k / n <= ci.high and 0 <= ci.low and ci.high <= 1


def test_wilson_for_5_of_100_is_the_textbook_2_2_to_11_2_percent():
    ci = st.wilson_interval(5, 100)
    assert round(100 * ci.low, 1) == 2.2 and round(100 * ci.high, 1) == 11.2
    assert ci.pct == (5.0, 2.15, 11.18)  # the rounded percent form the chapter prints


def test_wilson_is_narrower_for_bigger_series_and_refuses_k_above_n():
    assert st.wilson_interval(50, 100).width > st.wilson_interval(500, 1000).width
    with pytest.raises(ValueError, match="successes"):
        st.wilson_interval(11, 10)


@pytest.mark.parametrize("k", [1, 5, 50, 279])
def test_exact_poisson_bounds_leave_2_5_percent_in_each_tail(k):
    ci = st.poisson_interval(k)
    assert 1 - _poisson_cdf_direct(k - 1, ci.low) == pytest.approx(0.025, abs=1e-6)  # P(X >= k) at the lower bound
    assert _poisson_cdf_direct(k, ci.high) == pytest.approx(0.025, abs=1e-6)  # P(X <= k) at the upper bound


def test_exact_poisson_for_zero_and_for_50():
    assert st.poisson_interval(0).low == 0 and st.poisson_interval(0).high == pytest.approx(-math.log(0.025))
    ci = st.poisson_interval(50)  # textbook tables: 37.11-65.92
    assert round(ci.low, 1) == 37.1 and round(ci.high, 1) == 65.9


def test_poisson_range_holds_about_95_percent_of_counts():
    lo, hi = st.poisson_range(98.0)
    inside = sum(_poisson_cdf_direct(k, 98.0) - _poisson_cdf_direct(k - 1, 98.0) for k in range(lo, hi + 1))
    assert 0.95 <= inside < 0.97 and lo < 98 < hi


def test_z_value_and_chi2_sf_match_the_tables():
    assert st.z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert st.chi2_sf(3.841459, 1) == pytest.approx(0.05, abs=1e-6)
    assert st.chi2_sf(5.991465, 2) == pytest.approx(0.05, abs=1e-6)
    assert st.chi2_sf(7.814728, 3) == pytest.approx(0.05, abs=1e-6)


def test_woolf_odds_ratio_from_counts_of_the_polish_study():
    r = load_table("hypertension_counts").iloc[0]
    a, c = int(r.n_cases_hypertension), int(r.n_controls_hypertension)
    b, d = int(r.n_cases) - a, int(r.n_controls) - c
    ci = st.odds_ratio_from_counts(a, b, c, d)
    assert ci.estimate == pytest.approx((a * d) / (b * c))
    se = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    assert math.log(ci.high / ci.estimate) == pytest.approx(1.959964 * se, rel=1e-5)
    assert ci.low < 1 < ci.high  # "not significant", as the authors say [N154]
    # the derived counts reproduce the printed percentages (61.6% is 37/60 truncated)
    assert abs(100 * a / int(r.n_cases) - r.hypertension_cases_pct) < 0.1
    assert 100 * c / int(r.n_controls) == pytest.approx(r.hypertension_controls_pct)


def _table(*rows):
    return pd.DataFrame(rows, columns=["odds_ratio", "ci_low", "ci_high"])


def test_pooling_agrees_with_weighted_least_squares():
    ors = load_table("hypertension_odds_ratios").query("design == 'case-control' and subgroup == 'all'")
    pooled = st.pooled_odds_ratio(ors)
    y = np.log(ors.odds_ratio.to_numpy())
    se = (np.log(ors.ci_high) - np.log(ors.ci_low)).to_numpy() / (2 * 1.959964)
    coef = np.polyfit(np.zeros_like(y), y, 0, w=1 / se)  # intercept-only WLS = the weighted mean
    assert math.log(pooled.odds_ratio) == pytest.approx(coef[0], rel=1e-6)
    assert pooled.low > 1  # both studies lie right of 1; so does their pool
    assert pooled.high - pooled.low < min(ors.ci_high - ors.ci_low)  # narrower than either study
    assert sum(pooled.weights_pct) == pytest.approx(100)


def test_identical_studies_have_no_heterogeneity_and_opposite_ones_a_lot():
    same = st.pooled_odds_ratio(_table((2.0, 1.0, 4.0), (2.0, 1.0, 4.0), (2.0, 1.0, 4.0)))
    assert same.q == pytest.approx(0) and same.i2_pct == 0 and same.p_heterogeneity == pytest.approx(1)
    apart = st.pooled_odds_ratio(_table((4.0, 2.0, 8.0), (0.5, 0.25, 1.0)))
    assert apart.i2_pct > 75 and apart.p_heterogeneity < 0.01
    assert apart.i2_pct == pytest.approx(100 * (apart.q - apart.df) / apart.q)


def test_pooling_refuses_bad_tables():
    with pytest.raises(ValueError, match="at least 2"):
        st.pooled_odds_ratio(_table((2.0, 1.0, 4.0)))
    with pytest.raises(ValueError, match="ci_low < odds_ratio < ci_high"):
        st.pooled_odds_ratio(_table((2.0, 3.0, 4.0), (2.0, 1.0, 4.0)))
    with pytest.raises(TypeError, match="studies"):
        st.pooled_odds_ratio([1, 2])


def test_simulated_series_are_seeded_nested_and_cover_about_95_percent():
    a, b = st.simulate_series(60.0, 50, 20, seed=3), st.simulate_series(60.0, 50, 20, seed=3)
    assert np.array_equal(a.successes, b.successes)
    small, big = st.simulate_series(60.0, 20, 20), st.simulate_series(60.0, 1000, 20)
    assert np.ptp(small.estimate_pct) > np.ptp(big.estimate_pct)  # small series scatter more
    many = st.simulate_series(30.0, 100, 100, seed=11)
    assert 88 <= many.n_covering <= 100  # about 95 of 100 Wilson intervals contain the truth


def test_cohort_shares_use_printed_counts_and_flag_derived_ones():
    women = cohorts.cohort_shares("women")
    singapore = women[women.source_key == "S10"].iloc[0]
    assert singapore["count"] == 91 and not singapore["count_derived"]
    china = women[women.source_key == "S22"].iloc[0]
    assert china["count_derived"] and abs(china["estimate_pct"] - 64.3) < 0.1
    assert not set(women.source_key) & set(cohorts.UNVERIFIED_KEYS)
    india = women[women.source_key == "S21"].iloc[0]
    assert india["high_pct"] < china["low_pct"]  # India's 'no female preponderance' is more than chance
    left = cohorts.cohort_shares("left side")
    assert "S5" not in set(left.source_key)  # the ambiguous Finnish sentence is left out
    assert (left["estimate_pct"] > 50).all()


def test_onset_ages_have_intervals_around_the_printed_means():
    ages = cohorts.onset_ages()
    assert (ages.low_years < ages.mean_years).all() and (ages.mean_years < ages.high_years).all()
    assert ages.mean_years.min() == pytest.approx(43.9) and ages.mean_years.max() == pytest.approx(57.0)


def test_forest_caption_claims_heterogeneity_only_when_q_test_says_so():
    from hfs_edu.course_figures import side_subgroups_forest

    rows = load_table("hypertension_odds_ratios").query("source_key == 'S45' and subgroup != 'all'")
    pooled = st.pooled_odds_ratio(rows)
    assert pooled.i2_pct > 50 and pooled.p_heterogeneity > 0.05  # left/right of [S45]: high I², Q p about 0.08
    caption = side_subgroups_forest().hfs_caption
    assert f"p = {pooled.p_heterogeneity:.2f}" in caption
    assert "more than chance allows" not in caption and "uncertain" in caption
