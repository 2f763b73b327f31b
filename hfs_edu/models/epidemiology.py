"""How common is hemifacial spasm? Expected cases from the sourced prevalence estimates.

Prevalence is the number of people living with HFS per 100,000 people at one
time. The estimates come from ``data/epidemiology.csv`` and differ between
studies (different populations, case finding and age structure), so the model
always returns the spread of estimates, never a single "true" number.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validate import check_array, check_choice, check_number
from ..data import load_table

__all__ = ["PER_100000", "AGE_GROUPS", "prevalence_estimates", "expected_cases"]

#: Prevalence figures are expressed per this many people.
PER_100000 = 100_000
#: Age groups with a prevalence estimate.
AGE_GROUPS = ("all ages", "over 70")


def prevalence_estimates(age_group: str = "all ages") -> pd.DataFrame:
    """Return the prevalence estimates for ``age_group`` from ``data/epidemiology.csv``.

    Parameters
    ----------
    age_group : {"all ages", "over 70"}, default "all ages"
        "all ages": whole-population estimates (both sexes); "over 70": people aged over 70.

    Returns
    -------
    pandas.DataFrame
        Columns ``label`` (study and measure), ``per_100000`` (people per 100,000)
        and ``source_key``, sorted from lowest to highest; ``attrs['source_keys']``
        lists the sources.
    """
    group = check_choice("age_group", age_group, AGE_GROUPS)
    df = load_table("epidemiology")
    rows = df[(df["measure"] == "prevalence") & (df["sex"] == "all")
              & (df["age_group"] == ("all" if group == "all ages" else ">70"))]
    labels, values, keys = [], [], []
    for _, row in rows.iterrows():
        basis = "" if row["basis"] == "not stated" else f" ({row['basis']})"
        if pd.notna(row["value_per_100000"]):
            labels.append(f"{row['study']}{basis}")
            values.append(float(row["value_per_100000"]))
            keys.append(row["source_key"])
        else:  # a quoted range: show both ends
            for end in ("low", "high"):
                labels.append(f"{row['study']}: {end} end of range")
                values.append(float(row[f"range_{end}_per_100000"]))
                keys.append(row["source_key"])
    out = pd.DataFrame({"label": labels, "per_100000": values, "source_key": keys})
    out = out.sort_values("per_100000", kind="stable").reset_index(drop=True)
    out.attrs["source_keys"] = sorted(set(out["source_key"]))
    return out


def expected_cases(population: float, prevalence_per_100000: float | np.ndarray) -> float | np.ndarray:
    """Expected number of people with HFS in a population.

    Parameters
    ----------
    population : float
        Number of people (1 to 10,000,000,000).
    prevalence_per_100000 : float or array of float
        Prevalence, people with HFS per 100,000 (0 to 1,000).

    Returns
    -------
    float or numpy.ndarray
        ``population * prevalence / 100,000`` (same shape as the prevalence).
    """
    pop = check_number("population", population, 1, 1e10)
    if np.ndim(prevalence_per_100000) == 0:
        prev = check_number("prevalence_per_100000", prevalence_per_100000, 0, 1000)
        return pop * prev / PER_100000
    prev_arr = check_array("prevalence_per_100000", prevalence_per_100000, 0, 1000, ndim=1)
    return pop * prev_arr / PER_100000
