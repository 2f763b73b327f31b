"""Interactive view: how hard, how long and at what blood pressure a vessel wears the nerve's myelin.

:class:`MyelinWearView` draws the two-panel wear figure once
(:func:`hfs_edu.figures.conflict.draw_myelin_wear`); each update recomputes the
compression model (:func:`hfs_edu.figures.conflict.wear_scenario`), moves the
existing lines and markers (:func:`hfs_edu.figures.conflict.update_myelin_wear`)
and blits them over the cached background.
"""
from __future__ import annotations

import math

import ipywidgets as widgets

from ..figures.conflict import (HORIZON_YEARS, REFERENCE_SBP_MMHG, VESSELS, WearScenario, draw_myelin_wear,
                                update_myelin_wear, wear_scenario)
from ..figures.style import new_figure
from .base import View

__all__ = ["MyelinWearView", "severity_words", "readout_html"]

CAPTION = ("Harder pressing, more years and higher blood pressure all lower myelin integrity; a vessel that only "
           "touches lets repair keep up (teaching model, not a prediction).")


def severity_words(severity: float) -> str:
    """Describe a contact severity (0-1) in the words of the surgical grades of [S33]."""
    if severity == 0:
        return "no contact"
    if severity < 0.4:
        return "a vessel that only touches the nerve (mild)"
    if severity < 0.75:
        return "a vessel that indents the nerve (moderate)"
    return "a vessel that pushes the nerve aside (severe)"


def _years(x: float) -> str:
    return f"{x:.1f} years" if x < 10 else f"{x:.0f} years"


def readout_html(s: WearScenario) -> str:
    """Explain the result of scenario ``s`` (from :func:`wear_scenario`) in words (HTML)."""
    if not isinstance(s, WearScenario):
        raise TypeError(f"s must be a WearScenario from wear_scenario(), got {type(s).__name__}")
    vessel = "pulsating artery" if s.vessel == "artery" else "non-pulsating vein"
    below = s.integrity_now < s.threshold
    verdict = ("<b style='color:#D55E00'>below</b> the symptomatic threshold" if below
               else "<b>above</b> the symptomatic threshold")
    parts = [f"<p>After <b>{s.years:g} years</b> of {severity_words(s.severity)} by a {vessel} "
             f"(severity {s.severity:.2f}), beginning at age {s.age_years:g}, at <b>{s.systolic_bp_mmhg:g} mmHg</b>: "
             f"myelin integrity is <b>{s.integrity_now:.2f}</b>, {verdict} of {s.threshold:g}.</p>"]
    if math.isfinite(s.onset_years):
        began = s.onset_years <= s.years
        parts.append(f"<p>In the model, symptoms {'began' if began else 'would begin'} after "
                     f"<b>{_years(s.onset_years)}</b> of contact (age {s.age_years + s.onset_years:.0f})"
                     f"{'' if began else ', if the contact continues'}.")
        if s.systolic_bp_mmhg != REFERENCE_SBP_MMHG:
            ref = (f"after {_years(s.reference_onset_years)}" if math.isfinite(s.reference_onset_years)
                   else f"not within {HORIZON_YEARS:g} years")
            parts.append(f" At {REFERENCE_SBP_MMHG:g} mmHg the same contact would cause them {ref}.")
        parts.append("</p>")
    else:
        parts.append(f"<p>Integrity stays above the threshold for all {HORIZON_YEARS:g} years shown: repair keeps "
                     "pace with wear, like the many people whose scans show a vessel touching the facial nerve "
                     "without any spasm.</p>")
    parts.append("<p style='color:#666;font-size:90%'>Every constant of this model is a teaching calibration "
                 "[TC:T]: it shows directions and rough sizes, not any patient's future.</p>")
    return "".join(parts)


class MyelinWearView(View):
    """Severity, years of contact, systolic pressure, age and vessel type -> myelin integrity."""

    CONTROLS = {
        "severity": "how hard the vessel presses: 0 none, about 0.25 touching, 0.6 indenting, 0.9 pushing aside",
        "years": "how long the vessel has been pressing (years)",
        "systolic_bp_mmhg": "systolic blood pressure (mmHg), held constant over the years",
        "age_years": "age when the contact began; older nerves repair more slowly",
        "vessel": "a pulsating artery or a non-pulsating vein",
    }
    SWEEP = {
        "severity": [0.25, 0.45, 0.6, 0.9],
        "years": [5, 15, 30],
        "systolic_bp_mmhg": [110, 140, 170],
        "age_years": [30, 60],
        "vessel": ["artery", "vein"],
    }
    IMAGE_WIDTH_PX = 860

    def build_controls(self):
        style = {"description_width": "120px"}
        layout = widgets.Layout(width="400px")
        return {
            "severity": widgets.FloatSlider(value=0.45, min=0.0, max=1.0, step=0.05, description="severity (0-1)",
                                            readout_format=".2f", continuous_update=False, style=style,
                                            layout=layout),
            "years": widgets.IntSlider(value=15, min=0, max=int(HORIZON_YEARS), step=1,
                                       description="years of contact", continuous_update=False, style=style,
                                       layout=layout),
            "systolic_bp_mmhg": widgets.IntSlider(value=140, min=90, max=200, step=5,
                                                  description="systolic BP (mmHg)", continuous_update=False,
                                                  style=style, layout=layout),
            "age_years": widgets.IntSlider(value=45, min=20, max=70, step=5, description="age at start",
                                           continuous_update=False, style=style, layout=layout),
            "vessel": widgets.ToggleButtons(options=list(VESSELS), value="artery", description="vessel",
                                            style={**style, "button_width": "90px"}),
        }

    def build_figure(self):
        fig, (ax_time, ax_bp) = new_figure(CAPTION, 1, 2, width_in=9.4, height_in=4.2)
        ax_time.get_gridspec().set_width_ratios([1.7, 1.0])
        self.art = draw_myelin_wear(ax_time, ax_bp)
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def bench_model(self, **params) -> WearScenario:
        """The model computation alone (``make bench`` hook)."""
        return wear_scenario(**{**self.params(), **params})

    def update(self, severity=0.45, years=15, systolic_bp_mmhg=140, age_years=45, vessel="artery") -> str:
        scenario = wear_scenario(severity, years, systolic_bp_mmhg, age_years, vessel)  # validates everything
        update_myelin_wear(self.art, scenario)
        self.scenario = scenario
        return readout_html(scenario)
