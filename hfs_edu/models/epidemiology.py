"""How common is hemifacial spasm? Expected cases from the sourced prevalence estimates.

Prevalence is the number of people living with HFS per 100,000 people at one
time. The estimates come from ``data/epidemiology.csv`` and differ between
studies (different populations, case finding and age structure), so the model
always returns the spread of estimates, never a single "true" number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._params import array, choice, number, validated
from ..data import load_table

__all__ = ["AGE_GROUPS", "PER_100000", "expected_cases", "prevalence_estimates"]

#: Prevalence figures are expressed per this many people.
PER_100000 = 100_000
#: Age groups with a prevalence estimate.
AGE_GROUPS = ("all ages", "over 70")


@validated(
    age_group=choice(
        AGE_GROUPS, doc='"all ages": whole-population estimates (both sexes); "over 70": people aged over 70.'
    )
)
def prevalence_estimates(age_group: str = "all ages") -> pd.DataFrame:
    """Return the prevalence estimates for ``age_group`` from ``data/epidemiology.csv``.

    {parameters}

    Returns
    -------
    pandas.DataFrame
        Columns ``label`` (study and measure), ``per_100000`` (people per 100,000),
        ``primary`` (True for an original measurement, False for a secondary quotation),
        ``service_based`` (True where only treated patients were counted: a minimum) and
        ``source_key``, sorted from lowest to highest; ``attrs['source_keys']`` lists the sources.
    """
    group = age_group
    df = load_table("epidemiology")
    rows = df[
        (df["measure"] == "prevalence")
        & (df["sex"] == "all")
        & (df["age_group"] == ("all" if group == "all ages" else ">70"))
    ]
    service_studies = set(df.loc[df["notes"].astype(str).str.contains("service-based"), "study"])
    records = []
    for _, row in rows.iterrows():
        basis = "" if row["basis"] == "not stated" else f" ({row['basis']})"
        primary = str(row["data_origin"]) == "original study"
        service = row["study"] in service_studies
        if pd.notna(row["value_per_100000"]):
            records.append(
                (f"{row['study']}{basis}", float(row["value_per_100000"]), primary, service, row["source_key"])
            )
        else:  # a quoted range: show both ends
            for end in ("low", "high"):
                records.append(
                    (
                        f"{row['study']}: {end} end of range",
                        float(row[f"range_{end}_per_100000"]),
                        primary,
                        service,
                        row["source_key"],
                    )
                )
    out = pd.DataFrame(records, columns=["label", "per_100000", "primary", "service_based", "source_key"])
    out = out.sort_values("per_100000", kind="stable").reset_index(drop=True)
    out.attrs["source_keys"] = sorted(set(out["source_key"]))
    return out


@validated(
    population=number(0, 1e10, unit="people", doc="Number of people (0 allowed: an empty group)."),
    prevalence_per_100000=array(0, 1000, unit="per 100,000", doc="Prevalence, people with HFS per 100,000."),
)
def expected_cases(population: float, prevalence_per_100000: float | np.ndarray) -> float | np.ndarray:
    """Expected number of people with HFS in a population.

    {parameters}

    Returns
    -------
    float or numpy.ndarray
        ``population * prevalence / 100,000`` (same shape as the prevalence).
    """
    return population * prevalence_per_100000 / PER_100000
