"""Ready-made figures for the chapters: load the table or run the model, then call the figure.

The figure modules (:mod:`hfs_edu.figures`) take DataFrames and model results and never load
tables or run models; this module composes them so that a chapter's code cell stays one line::

    from hfs_edu import course_figures as figs
    hfs.show(figs.offending_vessels_figure(), "2.2")

It sits beside the layers (it imports data, models and figures), not inside any of them.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ._params import number, validated
from .data import bibliography, load_table
from .figures import anatomy as anatomy_figures
from .figures import myelin_wear, risk, vessels
from .figures.vessels import conflict_schematic
from .models import anatomy, compression

__all__ = [
    "aetiology_figure",
    "conflict_schematic",
    "contact_figure",
    "face_map",
    "hypertension_forest_plot",
    "nerve_course_diagram",
    "odds_ratio_summary",
    "offending_vessels_figure",
    "study_labels",
    "wear_by_severity_figure",
]


def study_labels() -> dict[str, str]:
    """Return source key -> "First author year" from the bibliography (journal and year when no author is listed)."""
    out = {}
    for row in bibliography().itertuples(index=False):
        authors = "" if pd.isna(row.authors) else str(row.authors)
        year = "" if pd.isna(row.year) else str(int(float(row.year)))
        names = [a.strip().split(" ")[0] for a in authors.split(",") if a.strip()]
        if len(names) > 2:
            who = f"{names[0]} et al."
        elif names:
            who = " & ".join(names)
        else:
            who = "" if pd.isna(row.journal) else str(row.journal)
        if who:
            out[str(row.key)] = f"{who} {year}".strip()
    return out


def offending_vessels_figure() -> Figure:
    """Fig 2.2 from table ``offending_vessels``."""
    return vessels.offending_vessels_figure(load_table("offending_vessels"), study_labels())


def contact_figure() -> Figure:
    """Fig 2.4 from table ``compression_site``."""
    return vessels.contact_figure(load_table("compression_site"), study_labels())


def hypertension_forest_plot() -> Figure:
    """Fig 2.5 from table ``hypertension_odds_ratios``."""
    return risk.hypertension_forest_plot(load_table("hypertension_odds_ratios"), study_labels())


def aetiology_figure() -> Figure:
    """Fig 2.6 from table ``aetiology``."""
    return risk.aetiology_figure(load_table("aetiology"), study_labels())


@validated(
    systolic_bp_mmhg=compression.SBP, age_years=number(0.0, 70.0, unit="years", doc="Age when the contact began.")
)
def wear_by_severity_figure(systolic_bp_mmhg: float = 120.0, age_years: float = 45.0) -> Figure:
    """Fig 2.3: the compression model run for each contact grade, then drawn.

    {parameters}
    """
    courses = compression.severity_courses(systolic_bp_mmhg, age_years, horizon_years=myelin_wear.HORIZON_YEARS)
    return myelin_wear.wear_by_severity_figure(courses, systolic_bp_mmhg, age_years)


def nerve_course_diagram() -> Figure:
    """Fig 1.1 from tables ``facial_nerve_segments`` and ``facial_nerve_facts``."""
    return anatomy_figures.nerve_course_diagram(anatomy.segments(), anatomy.facts())


@validated(highlight_branch=anatomy.OPTIONAL_BRANCH, highlight_muscle=anatomy.OPTIONAL_MUSCLE)
def face_map(highlight_branch: str | None = None, highlight_muscle: str | None = None) -> Figure:
    """Fig 1.2: the face map drawn from the innervation table.

    {parameters}
    """
    return anatomy_figures.face_map(anatomy.innervation(), highlight_branch, highlight_muscle)


def odds_ratio_summary() -> str:
    """One line with the overall sourced odds ratios for hypertension, read from ``hypertension_odds_ratios``."""
    df = load_table("hypertension_odds_ratios")
    rows = df[df["subgroup"] == "all"]
    parts = [
        f"{'pooled ' if r.design == 'meta-analysis' else ''}{r.odds_ratio:g} ({r.ci_low:g}-{r.ci_high:g}) "
        f"[{r.source_key}]"
        for r in rows.itertuples(index=False)
    ]
    return "Sourced: " + "; ".join(parts)


# -- chapter 04: the course of the disease ----------------------------------------------------------------
from ._params import params_of  # noqa: E402
from .figures import progression as progression_figures  # noqa: E402
from .models import progression as _progression_model  # noqa: E402

__all__ += ["onset_comparison_figure", "progression_figure"]


@validated(
    month=number(0, 120, unit="months", doc="Months since the first spasm shown on the face."),
    onset=params_of(_progression_model.simulate_course)["onset"],
)
def progression_figure(month: float = 24.0, onset: str = "typical") -> Figure:
    """Fig 4.1/4.2: ten years of the progression model (default contact, no remission), the face at ``month``.

    {parameters}
    """
    course = _progression_model.simulate_course(10, onset, remission=False, triggers="stress")
    return progression_figures.progression_figure(course, anatomy.innervation(), month)


def onset_comparison_figure() -> Figure:
    """Fig 4.3: the month each muscle joins the spasm, typical against atypical onset."""
    typical = _progression_model.simulate_course(10, "typical", remission=False)
    atypical = _progression_model.simulate_course(10, "atypical", remission=False)
    return progression_figures.onset_comparison_figure(typical, atypical)
