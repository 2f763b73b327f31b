"""The LSR as a clinical test and what patients show (chapter 03): measured latencies, meta-analyses,
natural frequencies, and the signs that disappear after decompression.

The numbers live in sourced tables (``data/lsr_latencies.csv``, ``data/lsr_meta_analyses.csv``,
``data/decompression_signs.csv``); this module reads and arranges them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..._params import integer, number, validated
from ...data import bibliography, load_table
from . import core

__all__ = [
    "LSR_WINDOW_LOW_MS",
    "LSR_WINDOW_HIGH_MS",
    "in_window",
    "lsr_latencies",
    "patient_latency",
    "PatientLatency",
    "decompression_signs",
    "aligned_meta_analyses",
    "NaturalFrequencies",
    "natural_frequencies",
]

#: Course window for a typical LSR onset: about the mean +- 2 SD of 9.76 +- 1.1 ms [N50] (7.6-12.0 ms).
LSR_WINDOW_LOW_MS = 8.0  # TC: lower edge of the course's typical LSR window
LSR_WINDOW_HIGH_MS = 12.0  # TC: upper edge of the course's typical LSR window


@validated(latency_ms=number(doc="An onset latency."))
def in_window(latency_ms: float) -> bool:
    """True if an onset latency lies in the course's typical LSR window (8-12 ms).

    {parameters}
    """
    return bool(LSR_WINDOW_LOW_MS <= latency_ms <= LSR_WINDOW_HIGH_MS)


def lsr_latencies() -> pd.DataFrame:
    """The table ``lsr_latencies``: LSR onsets per montage and the legs measured during surgery."""
    return load_table("lsr_latencies")


@dataclass(frozen=True)
class PatientLatency:
    """An LSR onset measured in patients (one row of ``lsr_latencies``)."""

    stimulate_branch: str
    record_muscle: str
    setting: str
    mean_ms: float
    sd_ms: float
    n_patients: float
    source_key: str

    def label(self) -> str:
        sd = "" if math.isnan(self.sd_ms) else f" ± {self.sd_ms:g}"
        return f"{self.mean_ms:g}{sd} ms [{self.source_key}]"


def _rows(df: pd.DataFrame) -> list[PatientLatency]:
    def num(x):
        return float("nan") if pd.isna(x) else float(x)

    return [
        PatientLatency(
            r.stimulate_branch,
            r.record_muscle,
            r.setting,
            num(r.mean_ms),
            num(r.sd_ms),
            num(r.n_patients),
            r.source_key,
        )
        for r in df.itertuples()
    ]


@validated(stimulate_branch=core.BRANCH, record_muscle=core.MUSCLE)
def patient_latency(stimulate_branch: str = "zygomatic", record_muscle: str = "mentalis") -> list[PatientLatency]:
    """LSR onsets measured in patients for this montage (awake first, then during surgery); may be empty.

    {parameters}
    """
    df = lsr_latencies()
    df = df[
        (df["measure"] == "lsr_onset")
        & (df["stimulate_branch"] == stimulate_branch)
        & (df["record_muscle"] == record_muscle)
    ]
    return _rows(df)


def decompression_signs() -> pd.DataFrame:
    """The table ``decompression_signs``: % of Nielsen's patients in whom each sign had gone after
    decompression, with the number examined at each time point [S50]."""
    return load_table("decompression_signs")


def aligned_meta_analyses() -> pd.DataFrame:
    """Meta-analyses with sensitivity and specificity, aligned to one framing ('positive' = the LSR persists,
    predicting that the spasm persists).

    ``study`` is "First author year" from the bibliography (the journal where the authors are not shown).
    Rows whose ``positive_means`` is 'LSR disappears' are mirrored: their sensitivity and
    specificity swap. Columns: study, source_key, timepoint, sensitivity_pct, specificity_pct
    (as reported), aligned_sensitivity_pct, aligned_specificity_pct, mirrored.
    """
    df = load_table("lsr_meta_analyses")
    df = df[df["sensitivity_pct"].notna() & df["specificity_pct"].notna()].copy()
    mirrored = df["positive_means"] == "LSR disappears"
    bib = bibliography().set_index("key")
    out = pd.DataFrame(
        {
            "study": [_study(bib.loc[k]) for k in df["source_key"]],
            "source_key": df["source_key"],
            "timepoint": df["timepoint"],
            "sensitivity_pct": df["sensitivity_pct"],
            "specificity_pct": df["specificity_pct"],
            "mirrored": mirrored,
        }
    )
    out["aligned_sensitivity_pct"] = df["specificity_pct"].where(mirrored, df["sensitivity_pct"])
    out["aligned_specificity_pct"] = df["sensitivity_pct"].where(mirrored, df["specificity_pct"])
    return out.reset_index(drop=True)


def _study(row) -> str:
    authors = "" if pd.isna(row["authors"]) else str(row["authors"]).strip()
    year = "" if pd.isna(row["year"]) else str(row["year"]).split(".")[0]
    if authors and "not shown" not in authors:
        return f"{authors.split(',')[0].split()[0]} {year}".strip()
    return f"{row['journal']} {year}".strip()


@dataclass(frozen=True)
class NaturalFrequencies:
    """A 2x2 table for ``n`` operated patients (test 'positive' = LSR persists; disease = spasm persists).

    Attributes
    ----------
    n : int
        Patients.
    lsr_persists_and_spasm, lsr_persists_cured, lsr_gone_and_spasm, lsr_gone_cured : float
        Expected counts in the four cells.
    """

    n: int
    lsr_persists_and_spasm: float
    lsr_persists_cured: float
    lsr_gone_and_spasm: float
    lsr_gone_cured: float

    @property
    def persist(self) -> float:
        """Patients whose spasm persists."""
        return self.lsr_persists_and_spasm + self.lsr_gone_and_spasm

    @property
    def cured(self) -> float:
        """Patients who are spasm-free."""
        return self.lsr_persists_cured + self.lsr_gone_cured

    @property
    def ppv_pct(self) -> float:
        """Of those who leave theatre with an LSR, % who keep the spasm (0 for an empty group)."""
        k = self.lsr_persists_and_spasm + self.lsr_persists_cured
        return 100.0 * self.lsr_persists_and_spasm / k if k else 0.0

    @property
    def spasm_if_lsr_gone_pct(self) -> float:
        """Of those whose LSR disappeared, % who keep the spasm (0 for an empty group)."""
        k = self.lsr_gone_and_spasm + self.lsr_gone_cured
        return 100.0 * self.lsr_gone_and_spasm / k if k else 0.0


_PCT = dict(lo=0.0, hi=100.0, unit="%")


@validated(
    sensitivity_pct=number(**_PCT, doc="Sensitivity of a persisting LSR for a persisting spasm."),
    specificity_pct=number(**_PCT, doc="Specificity of a persisting LSR for a persisting spasm."),
    persist_pct=number(**_PCT, doc="Patients whose spasm persists."),
    n=integer(10, 1_000_000, unit="patients", doc="Operated patients."),
)
def natural_frequencies(
    sensitivity_pct: float, specificity_pct: float, persist_pct: float, n: int = 1000
) -> NaturalFrequencies:
    """Expected counts of a 2x2 table for ``n`` operated patients.

    {parameters}

    Returns
    -------
    NaturalFrequencies
    """
    se, sp, p = sensitivity_pct / 100, specificity_pct / 100, persist_pct / 100
    persist = n * p
    cured = n - persist
    return NaturalFrequencies(n, persist * se, cured * (1 - sp), persist * (1 - se), cured * sp)
