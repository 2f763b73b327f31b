"""Oral drugs tried in HFS: what they are, what to monitor, and how little they do (chapter 07).

The facts (class, mechanism, monitoring and why, side effects, evidence in HFS)
are rows of ``data/oral_drugs.csv``; :func:`drug_facts` returns one row as a
record. No oral drug has shown benefit for HFS in a controlled trial: the only
randomised trial (clonazepam) was negative [S116]; oral medication in 26
patients of one consecutive series was "consistently unsuccessful" [N721];
overall "the response rate is low and evidence is almost exclusively
anecdotal" [S99]. No response rate exists for carbamazepine, phenytoin,
baclofen or diazepam in HFS (gap G1).

The model's **effect on the spasm** is therefore a deliberately modest and
uncertain teaching scale (``TC``), not a measured effect: a central relief and a
band whose lower end is always 0 (no effect cannot be excluded for any drug).
The effect builds up over days after starting and fades over days after
stopping (time constants ``TC``); it enters the treatment timeline
(:mod:`hfs_edu.models.timeline`) as a factor on the remaining spasm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._params import choice, number, validated
from ..data import load_table

__all__ = ["DRUGS", "DrugEffect", "DrugFacts", "drug_effect_curve", "drug_facts", "spasm_relief"]

DRUGS = ("carbamazepine", "phenytoin", "baclofen", "clonazepam", "diazepam", "gabapentin", "oxcarbazepine")

# -- the teaching scale of relief (fraction of the spasm removed): central, low, high (all TC) ----
# Low is 0 for every drug: no study excludes "no effect". High is capped well below botulinum toxin.
RELIEF_TC = {
    "carbamazepine": (0.10, 0.0, 0.30),  # TC: anecdotal reports only; usage, not response, in the largest cohort
    "phenytoin": (0.05, 0.0, 0.20),  # TC: no HFS study found
    "baclofen": (0.05, 0.0, 0.20),  # TC: no HFS study found
    "clonazepam": (0.05, 0.0, 0.20),  # TC: the only RCT found no difference from placebo
    "diazepam": (0.05, 0.0, 0.20),  # TC: no HFS study found
    "gabapentin": (0.10, 0.0, 0.30),  # TC: case reports (5 + 1 patients), no controlled study
    "oxcarbazepine": (0.10, 0.0, 0.30),  # TC: opinion and usage only
}
DRUG_ONSET_TIME_CONSTANT_DAYS = 7.0  # TC: titration over one to two weeks
DRUG_OFFSET_TIME_CONSTANT_DAYS = 3.0  # TC: the effect fades within days of stopping

_MAX_DAYS = 3650.0


@dataclass(frozen=True)
class DrugFacts:
    """One drug's row of ``oral_drugs.csv`` (text fields as printed there; see ``source_key`` and ``tier``)."""

    drug: str
    drug_class: str
    mechanism: str
    monitoring_baseline: str
    monitoring_ongoing: str
    monitoring_why: str
    therapeutic_low_mg_per_l: float
    therapeutic_high_mg_per_l: float
    common_side_effects: str
    serious_side_effects: str
    hfs_evidence: str
    evidence_level: str
    hfs_largest_study_n: float
    source_key: str
    tier: str
    notes: str


@dataclass(frozen=True)
class DrugEffect:
    """The teaching scale of a drug's relief of the spasm (fractions 0-1, all ``TC``).

    Attributes
    ----------
    drug : str
    central, low, high : float
        Central relief and its band; ``low`` is 0 for every drug.
    evidence_level : str
        From the table: 'negative RCT', 'case reports', 'anecdotal', 'opinion and usage only'
        or 'no HFS study found'.
    """

    drug: str
    central: float
    low: float
    high: float
    evidence_level: str


def _row(drug: str) -> dict:
    df = load_table("oral_drugs")
    row = df.loc[df["drug"] == drug].iloc[0]
    return {k: (None if (not isinstance(v, str) and v is not None and _isna(v)) else v) for k, v in row.items()}


def _isna(v) -> bool:
    try:
        return bool(np.isnan(float(v)))
    except (TypeError, ValueError):
        return v is None or str(v) == "<NA>"


_DRUG = choice(DRUGS, doc="Generic name of the drug.")


@validated(drug=_DRUG)
def drug_facts(drug: str = "carbamazepine") -> DrugFacts:
    """The sourced facts of one drug (a row of ``data/oral_drugs.csv``).

    {parameters}

    Returns
    -------
    DrugFacts
        Missing numbers (e.g. no therapeutic range) are ``nan``.
    """
    r = _row(drug)
    num = {"therapeutic_low_mg_per_l", "therapeutic_high_mg_per_l", "hfs_largest_study_n"}
    kw = {}
    for f in DrugFacts.__dataclass_fields__:
        v = r.get(f)
        kw[f] = (math.nan if v is None else float(v)) if f in num else ("" if v is None else str(v))
    return DrugFacts(**kw)


@validated(drug=_DRUG)
def spasm_relief(drug: str = "carbamazepine") -> DrugEffect:
    """The model's modest, uncertain relief of the spasm by a drug (``TC``) with its evidence level.

    {parameters}

    Returns
    -------
    DrugEffect
    """
    central, low, high = RELIEF_TC[drug]
    return DrugEffect(drug=drug, central=central, low=low, high=high, evidence_level=drug_facts(drug).evidence_level)


def relief_curve_kernel(t, start, stop, relief):
    """Relief on the time grid ``t`` for one course of a drug from ``start`` to ``stop``.

    ``stop`` is ``math.inf`` when the drug is not stopped. Unchecked: a kernel for the validated callers.
    """
    t = np.asarray(t, float)
    on = np.clip(t - start, 0.0, None)
    rise = -np.expm1(-on / DRUG_ONSET_TIME_CONSTANT_DAYS)
    if math.isfinite(stop):
        level_at_stop = -math.expm1(-max(stop - start, 0.0) / DRUG_ONSET_TIME_CONSTANT_DAYS)
        after = t > stop
        rise = np.where(
            after, level_at_stop * np.exp(-np.maximum(t - stop, 0.0) / DRUG_OFFSET_TIME_CONSTANT_DAYS), rise
        )
    return np.where(t > start, relief * rise, 0.0)


@validated(
    drug=_DRUG,
    start_day=number(0, _MAX_DAYS, unit="days", doc="Day the drug is started."),
    stop_day=number(0, _MAX_DAYS, unit="days", optional=True, doc="Day it is stopped (None: continued)."),
    horizon_days=number(1, _MAX_DAYS, unit="days", doc="Length of the time axis."),
    level=choice(("central", "low", "high"), doc="Which end of the uncertain band."),
    step_days=number(0.25, 30, unit="days", doc="Spacing of the time axis."),
)
def drug_effect_curve(
    drug: str = "carbamazepine",
    start_day: float = 0.0,
    stop_day: float | None = None,
    horizon_days: float = 365.0,
    level: str = "central",
    step_days: float = 1.0,
):
    """Relief (0-1) over time from one course of an oral drug (the ``TC`` scale of :func:`spasm_relief`).

    {parameters}

    Returns
    -------
    (ndarray, ndarray)
        The time axis in days and the relief at each time.
    """
    if stop_day is not None and stop_day < start_day:
        raise ValueError(f"stop_day={stop_day:g} is before start_day={start_day:g}; allowed: stop_day >= start_day")
    n = round(horizon_days / step_days)
    t = np.linspace(0.0, n * step_days, n + 1)
    e = spasm_relief(drug)
    relief = {"central": e.central, "low": e.low, "high": e.high}[level]
    return t, relief_curve_kernel(t, start_day, math.inf if stop_day is None else stop_day, relief)
