"""Uncertainty in the numbers of epidemiology (chapter 05): intervals, expected counts, pooling.

Every function here is a textbook formula, written out so that a student can read it:

* **Wilson score interval** for a proportion ``k / n`` (Wilson 1927): the values ``p`` for which
  ``|k/n - p| / sqrt(p (1 - p) / n) <= z``. Unlike the "Wald" interval ``p ± z·SE`` it stays inside
  0-100% and behaves in small series.
* **Exact (Garwood) Poisson interval** for a count ``k``: the means ``mu`` for which observing ``k``
  is not in either 2.5% tail. A rate's interval is the count's interval scaled by ``rate / k``.
* **Poisson range**: the central range of counts that one city with a known expected number would
  see by chance.
* **Odds ratio from a 2 x 2 table** with Woolf's (log) interval, and the **standard error of a log
  odds ratio read back from its published 95% interval**: ``(ln high - ln low) / (2 z)``.
* **Inverse-variance (fixed-effect) pooling** of log odds ratios, with **Cochran's Q** and
  **I² = max(0, (Q - df) / Q)**: the share of the spread between studies that is more than chance.
* **Simulated small series** (seeded) for the "why small series scatter" view: the same patients
  in every series, a larger series only adds patients.

No number here is a source's number: the sourced inputs live in ``data/`` and the chapter passes
them in. Pure numpy and the standard library (no scipy).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._params import array, integer, number, seed, validated

__all__ = [
    "LEVEL",
    "MAX_SERIES_PATIENTS",
    "Interval",
    "PooledEstimate",
    "SeriesSimulation",
    "chi2_sf",
    "log_se_from_ci",
    "odds_ratio_from_counts",
    "poisson_interval",
    "poisson_range",
    "pooled_odds_ratio",
    "simulate_series",
    "wilson_interval",
    "wilson_limits",
    "z_value",
]

#: Confidence level declaration shared by every interval (95% unless asked otherwise).
LEVEL = number(0.5, 0.999, unit="probability", doc="Confidence level, e.g. 0.95 for a 95% interval.")
#: The largest simulated series (patients) the view offers.
MAX_SERIES_PATIENTS = 1000


@dataclass(frozen=True)
class Interval:
    """An estimate with its confidence interval (proportions as fractions 0-1)."""

    estimate: float
    low: float
    high: float
    level: float
    method: str

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """True if ``value`` lies inside the interval (ends included)."""
        return self.low <= value <= self.high

    @property
    def pct(self) -> tuple[float, float, float]:
        """``(estimate, low, high)`` x 100, rounded to 2 decimals: a proportion's interval in percent."""
        return tuple(round(100 * x, 2) for x in (self.estimate, self.low, self.high))


@dataclass(frozen=True)
class PooledEstimate:
    """An inverse-variance pooled odds ratio with its heterogeneity statistics."""

    odds_ratio: float
    low: float
    high: float
    level: float
    q: float
    df: int
    p_heterogeneity: float
    i2_pct: float
    weights_pct: tuple[float, ...]
    n_studies: int


@dataclass(frozen=True)
class SeriesSimulation:
    """Simulated case series: how many of ``n_patients`` have a feature whose true share is known."""

    true_pct: float
    n_patients: int
    successes: np.ndarray
    estimate_pct: np.ndarray
    low_pct: np.ndarray
    high_pct: np.ndarray

    @property
    def covers(self) -> np.ndarray:
        """True for each series whose interval contains the true share."""
        return (self.low_pct <= self.true_pct) & (self.true_pct <= self.high_pct)

    @property
    def n_covering(self) -> int:
        return int(self.covers.sum())

    @property
    def spread_pct(self) -> tuple[float, float]:
        """Lowest and highest estimate among the series (percent)."""
        return float(self.estimate_pct.min()), float(self.estimate_pct.max())


@validated(level=LEVEL)
def z_value(level: float = 0.95) -> float:
    """Two-sided standard-normal quantile: 1.96 for 0.95 (found by bisection on ``math.erf``).

    {parameters}
    """
    target = 1 - (1 - level) / 2
    lo, hi = 0.0, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _wilson(k, n, z):
    p = k / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    low = np.where(k == 0, 0.0, np.clip(centre - half, 0.0, 1.0))  # exact ends, no rounding residue
    high = np.where(k == n, 1.0, np.clip(centre + half, 0.0, 1.0))
    return low, high


@validated(
    successes=integer(0, 10_000_000, unit="people", doc="How many have the feature (k)."),
    n=integer(1, 10_000_000, unit="people", doc="How many were counted (n); successes <= n."),
    level=LEVEL,
)
def wilson_interval(successes: int, n: int, level: float = 0.95) -> Interval:
    """Wilson score interval for the proportion ``successes / n``.

    {parameters}

    Returns
    -------
    Interval
        Fractions (0-1); ``.pct`` gives percent. Wilson for 5 of 100 is about 2.2-11.2%.
    """
    if successes > n:
        raise ValueError(f"successes={successes} is more than n={n}; allowed: 0 <= successes <= n")
    low, high = _wilson(float(successes), float(n), z_value(level))
    return Interval(successes / n, float(low), float(high), level, "Wilson score")


@validated(
    successes=array(0, 10_000_000, ndim=1, unit="people", doc="Counts with the feature, one per series."),
    n=integer(1, 10_000_000, unit="people", doc="Size of every series."),
    level=LEVEL,
)
def wilson_limits(successes, n: int, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised :func:`wilson_interval`: ``(low, high)`` fractions for many series of size ``n``.

    {parameters}
    """
    if np.any(successes > n):
        raise ValueError(f"successes has a value above n={n}; allowed: every element of successes <= n")
    return _wilson(successes, float(n), z_value(level))


def _poisson_cdf(k: int, mu: float) -> float:
    """P(X <= k) for X ~ Poisson(mu), summed in log space."""
    if k < 0:
        return 0.0
    if mu <= 0:
        return 1.0
    i = np.arange(k + 1, dtype=float)
    terms = i * math.log(mu) - mu - np.cumsum(np.log(np.maximum(i, 1.0)))  # log of mu^i e^-mu / i!
    top = terms.max()
    return float(min(1.0, math.exp(top) * np.exp(terms - top).sum()))


def _bisect(f, lo: float, hi: float) -> float:
    """Root of a decreasing function ``f`` on [lo, hi]."""
    for _ in range(100):
        mid = (lo + hi) / 2
        if f(mid) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@validated(
    count=integer(0, 100_000, unit="cases", doc="The observed count (cases in a study)."),
    level=LEVEL,
)
def poisson_interval(count: int, level: float = 0.95) -> Interval:
    """Exact (Garwood) confidence interval for the mean of a Poisson count.

    The lower limit is the mean for which P(X >= count) = (1 - level)/2, the upper the mean for
    which P(X <= count) = (1 - level)/2. For 50 cases: about 37.1-65.9.

    {parameters}
    """
    tail = (1 - level) / 2
    top = count + 20 * math.sqrt(count + 1) + 20
    low = 0.0
    if count:  # P(X >= count; mu) rises with mu: the lower limit is where it equals the tail
        low = _bisect(lambda mu: tail - (1 - _poisson_cdf(count - 1, mu)), 0.0, top)
    high = _bisect(lambda mu: _poisson_cdf(count, mu) - tail, 0.0, top)
    return Interval(float(count), float(low), float(high), level, "exact Poisson (Garwood)")


@validated(
    mean=number(0, 100_000, unit="cases", doc="The expected count (e.g. people x rate)."),
    level=LEVEL,
)
def poisson_range(mean: float, level: float = 0.95) -> tuple[int, int]:
    """Central range of counts that a population with this expected count sees by chance alone.

    Returns the smallest ``lo`` with P(X <= lo) > (1 - level)/2 and the smallest ``hi`` with
    P(X <= hi) >= 1 - (1 - level)/2, for X ~ Poisson(mean).

    {parameters}
    """
    tail = (1 - level) / 2
    if mean == 0:
        return 0, 0
    n = int(mean + 20 * math.sqrt(mean) + 20)
    i = np.arange(n + 1, dtype=float)
    logpmf = i * math.log(mean) - mean - np.cumsum(np.log(np.maximum(i, 1.0)))
    cdf = np.cumsum(np.exp(logpmf))
    lo = int(np.searchsorted(cdf, tail, side="right"))
    hi = int(np.searchsorted(cdf, 1 - tail, side="left"))
    return lo, min(hi, n)


@validated(
    low=number(1e-6, 1e6, lo_inclusive=False, unit="ratio", doc="Lower end of the published interval."),
    high=number(1e-6, 1e6, lo_inclusive=False, unit="ratio", doc="Upper end of the published interval."),
    level=LEVEL,
)
def log_se_from_ci(low: float, high: float, level: float = 0.95) -> float:
    """Standard error of a log odds ratio read back from its interval: ``(ln high - ln low) / (2 z)``.

    {parameters}
    """
    if not high > low:
        raise ValueError(f"high={high} must be above low={low}")
    return (math.log(high) - math.log(low)) / (2 * z_value(level))


@validated(
    cases_exposed=integer(0, 10_000_000, unit="people", doc="Cases with the exposure (a)."),
    cases_unexposed=integer(0, 10_000_000, unit="people", doc="Cases without it (b)."),
    controls_exposed=integer(0, 10_000_000, unit="people", doc="Controls with the exposure (c)."),
    controls_unexposed=integer(0, 10_000_000, unit="people", doc="Controls without it (d)."),
    level=LEVEL,
)
def odds_ratio_from_counts(
    cases_exposed: int, cases_unexposed: int, controls_exposed: int, controls_unexposed: int, level: float = 0.95
) -> Interval:
    """Crude odds ratio ``(a/b) / (c/d)`` of a 2 x 2 table with Woolf's interval on the log scale.

    A table with an empty cell gets 0.5 added to every cell (the usual continuity correction).

    {parameters}
    """
    cells = np.array([cases_exposed, cases_unexposed, controls_exposed, controls_unexposed], float)
    if cells[:2].sum() == 0 or cells[2:].sum() == 0:
        raise ValueError(
            "cases_exposed + cases_unexposed and controls_exposed + controls_unexposed must both be at least 1"
        )
    if (cells == 0).any():
        cells = cells + 0.5
    a, b, c, d = cells
    log_or = math.log(a * d / (b * c))
    se = math.sqrt((1 / cells).sum())
    z = z_value(level)
    return Interval(math.exp(log_or), math.exp(log_or - z * se), math.exp(log_or + z * se), level, "Woolf (log)")


@validated(
    q=number(0, 1e6, doc="The statistic (e.g. Cochran's Q)."),
    df=integer(1, 1000, doc="Degrees of freedom."),
)
def chi2_sf(q: float, df: int) -> float:
    """P(chi-square with ``df`` degrees of freedom > ``q``), closed form for integer ``df``.

    {parameters}
    """
    x = q / 2
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for i in range(1, df // 2):
            term *= x / i
            total += term
        return min(1.0, math.exp(-x) * total)
    total = math.erfc(math.sqrt(x))
    term = math.sqrt(x) / math.gamma(1.5) if df > 1 else 0.0
    for i in range(1, (df - 1) // 2 + 1):
        if i > 1:
            term *= x / (i - 0.5)
        total += math.exp(-x) * term
    return min(1.0, total)


@validated(level=LEVEL)
def pooled_odds_ratio(studies: pd.DataFrame, level: float = 0.95) -> PooledEstimate:
    """Inverse-variance (fixed-effect) pooled odds ratio with Cochran's Q and I².

    Each study's standard error is read back from its published 95% interval
    (:func:`log_se_from_ci`), so ``studies`` needs only what papers print.

    Parameters
    ----------
    studies : pandas.DataFrame
        One row per study with columns ``odds_ratio``, ``ci_low``, ``ci_high`` (95% intervals);
        at least two rows.
    {parameters}
    """
    if not isinstance(studies, pd.DataFrame) or not {"odds_ratio", "ci_low", "ci_high"} <= set(studies.columns):
        raise TypeError(
            "studies must be a DataFrame with columns odds_ratio, ci_low, ci_high, "
            f"got {type(studies).__name__} {studies!r:.60}"
        )
    values = studies[["odds_ratio", "ci_low", "ci_high"]].to_numpy(float)
    if len(values) < 2:
        raise ValueError(f"studies has {len(values)} row(s); pooling needs at least 2")
    if not np.isfinite(values).all() or (values <= 0).any():
        raise ValueError("studies: every odds_ratio, ci_low and ci_high must be a positive number")
    if not ((values[:, 1] < values[:, 0]) & (values[:, 0] < values[:, 2])).all():
        raise ValueError("studies: each row needs ci_low < odds_ratio < ci_high")
    log_or = np.log(values[:, 0])
    se = np.array([log_se_from_ci(lo, hi) for lo, hi in values[:, 1:]])  # published 95% intervals
    w = 1 / se**2
    pooled = float((w * log_or).sum() / w.sum())
    se_pooled = math.sqrt(1 / w.sum())
    q = float((w * (log_or - pooled) ** 2).sum())
    df = len(values) - 1
    i2 = 0.0 if q <= 0 else max(0.0, (q - df) / q) * 100
    z = z_value(level)
    return PooledEstimate(
        odds_ratio=math.exp(pooled),
        low=math.exp(pooled - z * se_pooled),
        high=math.exp(pooled + z * se_pooled),
        level=level,
        q=q,
        df=df,
        p_heterogeneity=chi2_sf(q, df),
        i2_pct=i2,
        weights_pct=tuple(float(x) for x in 100 * w / w.sum()),
        n_studies=len(values),
    )


@validated(
    true_pct=number(1, 99, unit="%", doc="The true share of patients with the feature."),
    n_patients=integer(5, MAX_SERIES_PATIENTS, unit="patients", doc="Patients in each series."),
    n_series=integer(2, 100, unit="series", doc="How many series (clinics) to simulate."),
    seed=seed(),
)
def simulate_series(
    true_pct: float = 60.0, n_patients: int = 50, n_series: int = 20, seed: int = 5
) -> SeriesSimulation:
    """Simulate ``n_series`` clinics, each counting ``n_patients`` patients, and their Wilson intervals.

    The same random patients are used for every ``n_patients`` and ``true_pct`` (one uniform number
    per patient): a larger series only adds patients, so the picture changes smoothly.

    {parameters}
    """
    rng = np.random.default_rng(seed)
    u = rng.random((n_series, MAX_SERIES_PATIENTS))[:, :n_patients]
    k = (u < true_pct / 100).sum(axis=1)
    low, high = wilson_limits(k.astype(float), n_patients)
    return SeriesSimulation(
        true_pct=true_pct,
        n_patients=n_patients,
        successes=k,
        estimate_pct=100 * k / n_patients,
        low_pct=100 * low,
        high_pct=100 * high,
    )
