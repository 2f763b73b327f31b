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

from ._params import choice, number, validated
from .data import bibliography, load_table
from .figures import anatomy as anatomy_figures
from .figures import diagnosis as diagnosis_figures
from .figures import myelin_wear, risk, vessels
from .figures.vessels import conflict_schematic
from .models import anatomy, compression
from .models import diagnosis as diagnosis_model

__all__ = [
    "aetiology_figure",
    "bayes_figure",
    "conflict_schematic",
    "contact_figure",
    "face_map",
    "hypertension_forest_plot",
    "nerve_course_diagram",
    "odds_ratio_summary",
    "offending_vessels_figure",
    "study_labels",
    "vessel_contact_figure",
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


# -- chapter 07: oral drugs and botulinum toxin ------------------------------------------------------------
# (imports kept local to this block so the merge with the other chapters' blocks stays additive)
from .figures import botulinum as _bont_figures  # noqa: E402
from .figures import timeline as _timeline_figures  # noqa: E402
from .models import botulinum as _bont  # noqa: E402
from .models import timeline as _timeline  # noqa: E402

__all__ += [
    "botulinum_plans_figure",
    "injection_effect_figure",
    "toxin_lsr_figure",
    "treatment_evidence_figure",
]


def injection_effect_figure() -> Figure:
    """Fig 7.2: one injection's relief against the sourced onset, peak and duration (``botulinum_time_ranges``)."""
    course = _bont.botulinum_course([0.0], horizon_days=182.0)
    return _bont_figures.injection_effect_figure(course, load_table("botulinum_time_ranges"))


def treatment_evidence_figure() -> Figure:
    """Fig 7.1: the largest HFS study behind each oral drug and the toxin (``oral_drugs``, ``botulinum_series``)."""
    return _bont_figures.evidence_figure(load_table("oral_drugs"), load_table("botulinum_series"), study_labels())


@validated(
    days_since_injection=number(0, 365, unit="days", doc="Days after the injection into the eyelid muscle."),
)
def toxin_lsr_figure(days_since_injection: float = 28.0) -> Figure:
    """Fig 7.4: chapter 03's lateral spread response recorded from the injected eyelid muscle.

    {parameters}
    """
    return _bont_figures.toxin_lsr_figure(_bont.lsr_under_toxin(days_since_injection))


def _plan(days, horizon):
    history = _timeline.treatment_history([_timeline.injection(d) for d in days])
    return _timeline.symptom_curve(history, horizon_days=horizon)


def botulinum_plans_figure() -> Figure:
    """Fig 7.3: three one-year plans (every 13 weeks; every 17 weeks; the 4th injection 4 weeks late).

    The panels carry no good-control counts and differ from the Try-it and exercise settings, so the figure
    gives away no answer (review Z01): the student reads the days from the planner.
    """
    horizon = 365.0
    plans = [
        ("every 13 weeks", _bont.injection_schedule(91.0, horizon)),
        ("every 17 weeks", _bont.injection_schedule(119.0, horizon)),
        ("every 13 weeks, the 4th four weeks late", _bont.injection_schedule(91.0, horizon, late=4, late_by_days=28.0)),
    ]
    timelines = [(label, _plan(days, horizon)) for label, days in plans]
    return _timeline_figures.timelines_figure(
        timelines,
        legend_kinds=("injection",),
        caption="The same dose, three calendars: stretching the interval or delaying one injection opens gaps in "
        "which the spasm returns above the good-control line before the next injection works [TC].",
    )


# -- chapter 09: the virtual patient (appended by ch09) -------------------------------------------
from ._params import integer  # noqa: E402
from .figures import virtual_patient as _vp_figures  # noqa: E402
from .models import virtual_patient as _vp  # noqa: E402

__all__ += ["strategy_comparison_figure", "virtual_course_figure", "virtual_courses_figure"]


@validated(
    patient=_vp.PATIENT,
    first=_vp.FIRST,
    then=_vp.THEN,
    switch_year=_vp.SWITCH_YEAR,
    years=_vp.YEARS,
    seed=_vp.SEED,
)
def virtual_course_figure(
    patient: str = "ortiz",
    first: str = "botulinum",
    then: str = "same",
    switch_year: float = 1.0,
    years: float = 3.0,
    seed: int = 0,
) -> Figure:
    """Fig 9.x: one possible future of a virtual patient under a plan (chapter 09).

    {parameters}
    """
    s = _vp.strategy(first, then, switch_year)
    return _vp_figures.course_timeline_figure(_vp.simulate(patient, s, years=years, seed=seed))


@validated(
    patient=_vp.PATIENT,
    years=_vp.YEARS,
    seed=_vp.SEED,
    futures=integer(1, 50, doc="Possible futures per strategy."),
)
def strategy_comparison_figure(patient: str = "ortiz", years: float = 3.0, seed: int = 0, futures: int = 20) -> Figure:
    """Fig 9.x: the strategies side by side for one patient over the same possible futures (chapter 09).

    {parameters}
    """
    table = _vp.compare_strategies(patient, years=years, seed=seed, futures=futures)
    return _vp_figures.strategy_comparison_figure(table, years)


@validated(patient=_vp.PATIENT, years=_vp.YEARS, seed=_vp.SEED)
def virtual_courses_figure(patient: str = "ortiz", years: float = 3.0, seed: int = 0) -> Figure:
    """Fig 9.x: the same possible future of one patient under the four single-choice plans, stacked.

    {parameters}
    """
    courses = [_vp.simulate(patient, s, years=years, seed=seed) for s in _vp.CHOICES]
    return _vp_figures.courses_figure(courses)


# -- chapter 05: epidemiology and risk ------------------------------------------------------------------------------

from .figures import statistics as statistics_figures  # noqa: E402
from .models import cohorts as cohort_models  # noqa: E402
from .models.statistics import pooled_odds_ratio  # noqa: E402

__all__ += ["cohort_shares_figure", "side_subgroups_forest"]


@validated(feature=choice(cohort_models.FEATURES, doc='"women": female share; "left side": left-sided spasm.'))
def cohort_shares_figure(feature: str = "women") -> Figure:
    """Figs 5.1 and 5.2: the share of women, or of left-sided spasm, per cohort with 95% Wilson intervals.

    {parameters}
    """
    shares = cohort_models.cohort_shares(feature)
    labels = study_labels()
    names = []
    for key, lab, setting in zip(shares["source_key"], shares["label"], shares["setting"]):
        who = labels.get(key, lab.split(", ")[0])
        sub = f", {lab.split(', ', 1)[1]}" if ", " in lab else ""
        where = "" if str(setting).startswith("not stated") else f", {setting}"
        names.append(f"{who} [{key}]{sub}{where}")
    xlabel = "women among the patients (%)" if feature == "women" else "patients with left-sided spasm (%)"
    return statistics_figures.proportion_plot(shares.assign(label=names), xlabel=xlabel)


def side_subgroups_forest() -> Figure:
    """Fig 5.3: left- and right-sided HFS in one case-control study [S45], pooled to show heterogeneity."""
    rows = load_table("hypertension_odds_ratios").query("source_key == 'S45' and subgroup != 'all'")
    labels = study_labels()
    studies = rows.assign(label=[f"{labels.get('S45', 'Neurology 2000')}, {s}" for s in rows["subgroup"]])
    return statistics_figures.forest_plot(studies, pooled_odds_ratio(studies))


# -- chapter 06: diagnosis ------------------------------------------------------------------------------


def vessel_contact_figure() -> Figure:
    """Fig 6.1 from table ``mri_accuracy``: vessel contact with and without HFS."""
    labels = study_labels()
    abstracts = bibliography().set_index("key")["title"].str.contains("abstract", case=False, na=False)
    labels = {k: f"{v} (abstract)" if abstracts.get(k, False) else v for k, v in labels.items()}
    return diagnosis_figures.vessel_contact_figure(load_table("mri_accuracy"), labels)


@validated(
    test=choice(diagnosis_model.available_tests, doc="A test of the table diagnostic_accuracy."),
    pretest_pct=number(1, 99, unit="%", doc="Pre-test probability."),
)
def bayes_figure(test: str = "MRI: 3D TOF, symptomatic vs other side", pretest_pct: float = 50.0) -> Figure:
    """Fig 6.2: icon array and post-test curves for a test of ``diagnostic_accuracy``.

    {parameters}
    """
    result = diagnosis_model.named_test_outcome(test, pretest_pct)
    curve = diagnosis_model.post_test_curve(result.sensitivity_pct, result.specificity_pct)
    icons = diagnosis_model.icon_counts(result, diagnosis_figures.N_ICONS)
    return diagnosis_figures.bayes_figure(result, icons, curve)


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
    """Fig 8.2 from table ``mvd_outcomes``; a series without a printed CI gets a Wilson 95% interval."""
    from .figures import mvd as mvd_fig
    from .models.statistics import wilson_interval

    df = load_table("mvd_outcomes").copy()
    for col in ("success_ci_low_pct", "success_ci_high_pct"):
        df[col] = df[col].astype(float) if col in df else float("nan")
    for i, r in df.iterrows():
        n, pct = r["n_patients"], r["success_pct"]
        if pd.isna(r["success_ci_low_pct"]) and not pd.isna(n) and not pd.isna(pct) and int(n) > 0:
            ci = wilson_interval(round(float(pct) / 100 * int(n)), int(n))
            df.loc[i, ["success_ci_low_pct", "success_ci_high_pct"]] = (100 * ci.low, 100 * ci.high)
    return mvd_fig.outcomes_figure(df, study_labels())


def mvd_complications_figure() -> Figure:
    """Fig 8.3 from table ``mvd_complications``, with the course model's probabilities [TC]."""
    from .figures import mvd as mvd_fig
    from .models import mvd

    return mvd_fig.complications_figure(load_table("mvd_complications"), mvd.COMPLICATION_PROBABILITY)


def mvd_cure_curve_figure() -> Figure:
    """Fig 8.4: the cure model (fitted; with failures) vs ``mvd_time_to_cure`` and ``mvd_delayed_resolution``."""
    from .figures import mvd as mvd_fig
    from .models import mvd

    fitted = mvd.cure_course(730.0, eventual_cure=1.0, immediate_share=mvd.SLOW_COHORT_IMMEDIATE_SHARE)
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
