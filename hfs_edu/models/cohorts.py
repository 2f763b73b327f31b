"""Who gets HFS, cohort by cohort (chapter 05): shares with their intervals, onset ages, causes.

The cohort tables (``data/cohort_demographics.csv``, ``data/aetiology.csv``) print some shares as
counts and some only as percentages. To put an interval on a share we need the count: where only a
percentage is printed, the count is *derived* as ``round(pct x n / 100)`` and flagged, never stored
as if it were printed. Rows the fact check could not verify (the Springer chapter [S20], the
congress abstract [S111]), selected subgroups (young onset, familial) and Finland's left-side figure
(an ambiguous sentence [S5]) are left out of the comparisons.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._params import choice, validated
from ..data import load_table
from .statistics import wilson_limits, z_value

__all__ = ["FEATURES", "UNVERIFIED_KEYS", "cohort_shares", "onset_ages"]

#: Shares the comparison offers: women among the patients, or left-sided spasm.
FEATURES = ("women", "left side")
#: Cohort rows the second fact check could not verify (kept in the table, left out here).
UNVERIFIED_KEYS = ("S20", "S111")
_WHOLE = ("all", "no prior surgery", "primary HFS", "secondary HFS")


def _usable(df: pd.DataFrame) -> pd.DataFrame:
    return df[~df["source_key"].isin(UNVERIFIED_KEYS) & df["subgroup"].isin(_WHOLE)]


@validated(feature=choice(FEATURES, doc='"women": female share; "left side": left-sided spasm.'))
def cohort_shares(feature: str = "women") -> pd.DataFrame:
    """The share of each cohort with ``feature``, its count (printed or derived) and 95% Wilson interval.

    {parameters}

    Returns
    -------
    pandas.DataFrame
        ``label`` (cohort and subgroup), ``n``, ``count``, ``count_derived`` (True where the count was
        computed from a printed percentage), ``estimate_pct``, ``low_pct``, ``high_pct``, ``setting``,
        ``source_key``; sorted by estimate.
    """
    df = _usable(load_table("cohort_demographics"))
    count_col, pct_col = ("n_female", "female_pct") if feature == "women" else ("n_left", "left_pct")
    if feature == "left side":
        df = df[df["source_key"] != "S5"]  # "62% were women and had left-sided spasm": ambiguous
    rows = []
    for _, r in df.iterrows():
        n = r["n_patients"]
        if pd.isna(n) or (pd.isna(r[count_col]) and pd.isna(r[pct_col])):
            continue
        derived = pd.isna(r[count_col])
        count = round(float(r[pct_col]) * int(n) / 100) if derived else int(r[count_col])
        sub = "" if r["subgroup"] in ("all", "no prior surgery") else f", {r['subgroup']}"
        rows.append((f"{r['cohort']}{sub}", int(n), int(count), bool(derived), r["setting"], r["source_key"]))
    out = pd.DataFrame(rows, columns=["label", "n", "count", "count_derived", "setting", "source_key"])
    lows, highs = [], []
    for k, n in zip(out["count"], out["n"]):
        lo, hi = wilson_limits(np.array([float(k)]), int(n))
        lows.append(100 * float(lo[0]))
        highs.append(100 * float(hi[0]))
    out["estimate_pct"] = 100 * out["count"] / out["n"]
    out["low_pct"], out["high_pct"] = lows, highs
    return out.sort_values("estimate_pct", kind="stable").reset_index(drop=True)


def onset_ages() -> pd.DataFrame:
    """Mean age at onset per cohort with a 95% interval for the mean (mean ± 1.96 SD / sqrt(n)).

    Returns
    -------
    pandas.DataFrame
        ``label``, ``setting``, ``n``, ``mean_years``, ``sd_years``, ``low_years``, ``high_years``,
        ``source_key``, for the verified cohorts that print a mean and an SD; sorted by mean.
    """
    df = _usable(load_table("cohort_demographics")).dropna(subset=["mean_onset_age_years", "sd_onset_age_years"])
    sub = df["subgroup"].where(~df["subgroup"].isin(["all", "no prior surgery"]), "")
    out = pd.DataFrame(
        {
            "label": df["cohort"] + np.where(sub != "", ", " + sub, ""),
            "setting": df["setting"],
            "n": df["n_patients"].astype(int),
            "mean_years": df["mean_onset_age_years"].astype(float),
            "sd_years": df["sd_onset_age_years"].astype(float),
            "source_key": df["source_key"],
        }
    )
    half = z_value(0.95) * out["sd_years"] / np.sqrt(out["n"])
    out["low_years"], out["high_years"] = out["mean_years"] - half, out["mean_years"] + half
    return out.sort_values("mean_years", kind="stable").reset_index(drop=True)
