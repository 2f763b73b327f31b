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


# -- chapter 08: microvascular decompression (imports local to keep this block self-contained) ----------

__all__ += [
    "mvd_complications_figure",
    "mvd_cure_curve_figure",
    "mvd_monitoring_figure",
    "mvd_operation_figure",
    "mvd_outcomes_figure",
    "mvd_reoperation_figure",
]


def mvd_outcomes_figure() -> Figure:
    """Fig 8.2 from table ``mvd_outcomes``."""
    from .figures import mvd as mvd_fig

    return mvd_fig.outcomes_figure(load_table("mvd_outcomes"), study_labels())


def mvd_complications_figure() -> Figure:
    """Fig 8.3 from table ``mvd_complications``, with the course model's probabilities [TC]."""
    from .figures import mvd as mvd_fig
    from .models import mvd

    return mvd_fig.complications_figure(load_table("mvd_complications"), mvd.COMPLICATION_PROBABILITY)


def mvd_cure_curve_figure() -> Figure:
    """Fig 8.4: the cure model (fitted; with failures) vs ``mvd_time_to_cure`` and ``mvd_delayed_resolution``."""
    from .figures import mvd as mvd_fig
    from .models import mvd

    fitted = mvd.cure_course(730.0, eventual_cure=1.0)
    with_failures = mvd.cure_course(730.0)
    return mvd_fig.cure_curve_figure(
        fitted, with_failures, load_table("mvd_time_to_cure"), load_table("mvd_delayed_resolution"), study_labels()
    )


def mvd_reoperation_figure() -> Figure:
    """Fig 8.5: :func:`hfs_edu.models.mvd.reoperation_outlook` for waits of 1 week to 2 years (``mvd_reoperation``)."""
    from .figures import mvd as mvd_fig
    from .models import mvd

    waits = [7.0 + k * 7.0 for k in range(105)]
    return mvd_fig.reoperation_figure([mvd.reoperation_outlook(w) for w in waits], load_table("mvd_reoperation"))


def mvd_operation_figure() -> Figure:
    """Fig 8.1: the operation, schematic."""
    from .figures import mvd as mvd_fig

    return mvd_fig.operation_figure()


@validated(
    vessel_moved=number(0, 1, doc="How far the vessel has been moved off the nerve."),
)
def mvd_monitoring_figure(vessel_moved: float = 0.0) -> Figure:
    """The intraoperative LSR figure (chapter 03's model) with the vessel moved ``vessel_moved`` of the way.

    {parameters}
    """
    from .figures import mvd as mvd_fig
    from .models import mvd

    return mvd_fig.monitoring_figure(mvd.intraoperative_lsr(vessel_moved), mvd.lsr_prognosis())


__all__ += ["mvd_patient_course_figure"]

#: The virtual patient drawn for Mrs Ortiz in chapter 08 (a delayed cure and a transient facial weakness) [TC]
MVD_PATIENT_SEED = 5


@validated(
    seed=number(0, 2**31 - 1, doc="Seed of the sampled operation outcome (chapter 08 uses 5)."),
    surgery_day=number(0, 700, unit="days", doc="Day of the operation after the first injection."),
)
def mvd_patient_course_figure(seed: float = MVD_PATIENT_SEED, surgery_day: float = 273.0) -> Figure:
    """Fig 8.6: three botulinum injections, then MVD with one sampled outcome, on the course timeline.

    The outcome (cure day, recurrence, complications) is :func:`hfs_edu.models.mvd.sample_outcome`;
    the timeline and its figure are those of chapter 07 (:mod:`hfs_edu.models.timeline`).

    {parameters}
    """
    from .figures.timeline import timeline_figure
    from .models import mvd
    from .models import timeline as tl

    outcome = mvd.sample_outcome(int(seed))
    events = [tl.injection(0.0), tl.injection(91.0), tl.injection(182.0), tl.operation_for(outcome, surgery_day)]
    intervals = [
        tl.Interval(
            "complication",
            c.complication.replace("_", " "),
            surgery_day + c.start_day,
            surgery_day + c.end_day,
            c.permanent,
        )
        for c in outcome.complications
    ]
    history = tl.treatment_history(events, intervals)
    cure = "never cured" if not outcome.cured else f"spasm-free {outcome.days_to_cure:.0f} days after surgery"
    return timeline_figure(
        tl.symptom_curve(history, horizon_days=surgery_day + 730.0),
        title=f"One virtual patient: injections, then MVD ({cure}) [TC]",
    )
