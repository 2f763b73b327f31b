"""Interactive view: choose a patient and a plan, and play one possible future (chapter 09).

:class:`VirtualPatientView` builds the timeline figure once
(:func:`hfs_edu.figures.virtual_patient.build_course_timeline`); each update runs
:func:`hfs_edu.models.virtual_patient.simulate` (cached per patient, plan and seed), moves
the existing lines, markers and bars, and writes a side-by-side table: this plan against
the single-choice plans for the same patient and the same possible future.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from functools import lru_cache

from .._params import choice, integer
from ..figures.virtual_patient import build_course_view, update_course_view
from ..models.virtual_patient import (
    CHOICES,
    DAYS_PER_MONTH,
    DRUG_RISK_TEXT,
    THEN_CHOICES,
    VirtualCourse,
    simulate,
    strategy,
    virtual_patient,
)
from ..models.virtual_patient import patient_ids as _patient_ids
from .base import View, control

__all__ = ["VirtualPatientView", "summary_table_html"]

YEARS = 3.0  # the view's horizon: two decision points within three years
SWITCH_YEARS = (0.5, 1.0, 1.5, 2.0)


@lru_cache(maxsize=512)
def _course(patient, first, then, switch_year, seed):
    if first == "MVD" and then == "MVD":
        then = "same"  # the view offers no second operation: keep the first choice
    return simulate(patient, strategy(first, then, switch_year), years=YEARS, seed=seed)


def _risk_text(c) -> str:
    drug = any(what == "oral drug" for what, _ in c.strategy.phases)
    if c.risk_permanent_harm > 0:
        return f"{100 * c.risk_permanent_harm:.1f}%" + (f" + drug: {DRUG_RISK_TEXT}" if drug else "")
    return DRUG_RISK_TEXT if drug else "0%"


def _row(c, current=False) -> str:
    perm = ", ".join(p.replace("_", " ") for p in c.permanent_complications) or "none"
    name = f"<b>{html.escape(c.strategy.label)}</b>" if current else html.escape(c.strategy.label)
    return (
        f"<tr><td>{name}</td><td>{c.good_control_months:.0f}</td><td>{c.side_effect_months:.1f}</td>"
        f"<td>{c.complication_months:.1f}</td><td>{c.injections}</td><td>{html.escape(perm)}</td>"
        f"<td>{html.escape(_risk_text(c))}</td></tr>"
    )


def summary_table_html(current: VirtualCourse, others: Sequence[VirtualCourse] = ()) -> str:
    """An HTML table: the chosen plan (bold) and the single-choice plans for the same future."""
    for x in (current, *others):
        if not isinstance(x, VirtualCourse):
            raise TypeError(f"current and others must be VirtualCourse records from simulate(), got {type(x).__name__}")
    head = (
        "<tr><th>plan</th><th>months good control</th><th>months side effects</th>"
        "<th>months complication</th><th>injections</th><th>permanent harm (this future)</th>"
        "<th>risk taken (model)</th></tr>"
    )
    rows = _row(current, True) + "".join(_row(o) for o in others if o.strategy.label != current.strategy.label)
    return f'<table style="font-size:90%;border-collapse:collapse" cellpadding="3">{head}{rows}</table>'


def _years(x: float) -> str:
    return f"{x:g} year" + ("" if x == 1 else "s")


def _complications(c) -> list:
    out = []
    for iv in c.timeline.history.intervals:
        if iv.kind != "complication" or iv.label == "death":
            continue
        what = html.escape(iv.label.replace("_", " "))
        if iv.permanent:
            out.append(f"<b>a permanent {what}</b>")
        else:
            out.append(f"a transient {what} ({(iv.end_day - iv.start_day) / DAYS_PER_MONTH:.0f} months)")
    return out


def _words(c) -> str:
    p = c.patient
    bits = [
        f"<p><b>{html.escape(p.name)}</b>, {p.age_years:g}, {html.escape(p.job)}; "
        f"{html.escape(p.onset)} onset {_years(p.years_since_onset)} ago; other illnesses: "
        f"{html.escape(p.other_illnesses)}; medicines: {html.escape(p.medicines)}. "
        f"<i>Wants:</i> {html.escape(p.preferences)}.</p>"
    ]
    facts = []
    if c.botulinum_responder is not None:
        if not c.botulinum_responder:
            facts.append("the patient <b>does not respond</b> to the toxin (the injections stop after a second try)")
        elif c.good_control_months < 1 and not c.mvd_cured:
            facts.append("the patient responds only partly to the toxin: the spasm stays above the good-control line")
        else:
            facts.append("the patient responds to the toxin")
    if c.mvd_cured is not None:
        facts.append("the operation cures the spasm" if c.mvd_cured else "<b>the operation does not cure</b> the spasm")
        comps = _complications(c)
        facts.append("it causes " + " and ".join(comps) if comps else "it causes no complication")
    if c.died:
        facts.append("<b>the patient dies after the operation</b> (a rare complication)")
    if not math.isnan(c.remission_day):
        facts.append(f"the spasm would have remitted by itself in month {c.remission_day / DAYS_PER_MONTH:.0f}")
    phases = c.strategy.phases
    if len(phases) > 1 and phases[0][0] == "MVD" and c.mvd_cured and c.injections == 0 and phases[1][0] == "botulinum":
        facts.append("the second choice is not carried out: nobody treats a cured spasm")
    if facts:
        bits.append("<p>In this possible future, " + "; ".join(facts) + ".</p>")
    bits.append(
        "<p style='color:#666;font-size:90%'>A teaching model [TC]: the rates are the course's "
        "sourced ones, the same for every patient; the plan is fixed in advance (to decide <i>at</i> the "
        "decision point, play <i>same</i>, look, then choose: the luck stays the same); it cannot tell "
        "what this person values.</p>"
    )
    return "".join(bits)


class VirtualPatientView(View):
    """Patient, choice at year 0, choice at the decision point, its time, the seed -> one possible future."""

    PARAMS = {
        "patient": control(
            choice(_patient_ids, doc="which virtual patient (teaching cases)"),
            label="patient",
            widget="dropdown",
            legend="which virtual patient (teaching cases: Mrs Ortiz, Ms Novak, Mr Berg)",
            stop_labels=tuple(f"{virtual_patient(i).name} ({virtual_patient(i).age_years:g})" for i in _patient_ids()),
        ),
        "first": control(choice(CHOICES, doc="what to do at the first visit (year 0)"), label="year 0"),
        "then": control(
            choice(THEN_CHOICES, doc="what to do at the decision point ('same' keeps the first choice)"),
            label="decision point",
        ),
        "switch_year": control(
            choice(
                tuple(f"{y:g}" for y in SWITCH_YEARS),
                doc="when the second decision is made (years; used only when the decision point is not 'same')",
            ),
            label="decision at year",
            widget="toggle",
        ),
        "seed": control(
            integer(0, 30, doc="another draw of chance for the same plan (0-19 are the futures of section 3)"),
            label="possible future",
        ),
    }
    IMAGE_WIDTH_PX = 860

    def build_figure(self):
        for pid in _patient_ids():  # the untreated-course model of each patient, computed once (cached)
            _course(pid, "watchful waiting", "same", 1.0, 0)
        fig, self.art, self.decision = build_course_view(_course(*self._initial()))
        return fig

    def _initial(self):
        v = {**self.defaults(), **self.params()}
        return v["patient"], v["first"], v["then"], float(v["switch_year"]), v["seed"]

    def dynamic_artists(self) -> list:
        return [*self.art.dynamic(), self.decision]

    def update(self, patient="ortiz", first="oral drug", then="botulinum", switch_year="1", seed=0) -> str:
        sw = float(switch_year)
        c = _course(patient, first, then, sw, seed)
        update_course_view(self.art, self.decision, c)
        self.course = c
        others = [_course(patient, s, "same", sw, seed) for s in CHOICES]
        if then in ("same", first):
            plan = f"{html.escape(first)} throughout (the decision at year {sw:g} keeps it)"
        else:
            plan = f"{html.escape(first)} from year 0, then {html.escape(then)} from year {sw:g}"
        return f"<p><b>Plan:</b> {plan}.</p>" + _words(c) + summary_table_html(c, others)
