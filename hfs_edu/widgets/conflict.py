"""Interactive view: how hard, how long and at what blood pressure a vessel wears the nerve's myelin.

:class:`MyelinWearView` builds the two-panel wear figure once
(:func:`hfs_edu.figures.myelin_wear.build_myelin_wear`); each update runs the
compression model (:func:`hfs_edu.models.compression.wear_scenario`), moves the
existing lines and markers (:func:`hfs_edu.figures.myelin_wear.update_myelin_wear`)
and blits them over the cached background.
"""

from __future__ import annotations

import math

from .._params import integer
from ..figures.myelin_wear import HORIZON_YEARS, build_myelin_wear, update_myelin_wear
from ..models.compression import (
    REFERENCE_SBP_MMHG,
    SEVERITY,
    VESSEL,
    WearScenario,
    severity_words,
    wear_scenario,
)
from .base import View, control

__all__ = ["MyelinWearView", "readout_html"]


def _years(x: float) -> str:
    return f"{x:.1f} years" if x < 10 else f"{x:.0f} years"


def _integrity(value: float, threshold: float) -> str:
    """Two decimals, or three near the threshold, so "0.50, above the threshold of 0.5" never shows."""
    for digits in (2, 3, 4):
        text = f"{value:.{digits}f}"
        if float(text) != threshold or value == threshold:
            break
    return text


def readout_html(s: WearScenario) -> str:
    """Explain scenario ``s`` (from :func:`wear_scenario`) in words (HTML).

    The words follow the model: the grade is that of the effective load at this blood pressure
    (``s.category``), and the explanation of "no symptoms" differs for a touching vessel
    (repair keeps pace) and an indenting one (repair is slowed, wear is still too slow).
    """
    if not isinstance(s, WearScenario):
        raise TypeError(f"s must be a WearScenario from wear_scenario(), got {type(s).__name__}")
    vessel = "pulsating artery" if s.vessel == "artery" else "non-pulsating vein"
    below = s.integrity_now < s.threshold
    verdict = (
        "<b style='color:#D55E00'>below</b> the symptomatic threshold"
        if below
        else "<b>above</b> the symptomatic threshold"
    )
    contact = "no vessel touching the nerve" if s.category == "none" else f"{severity_words(s.category)}"
    parts = [
        f"<p>After <b>{s.years:g} years</b> of contact (severity {s.severity:.2f}, a {vessel}, beginning at "
        f"age {s.age_years:g}): at <b>{s.systolic_bp_mmhg:g} mmHg</b> this acts as {contact}. "
        f"Myelin integrity is <b>{_integrity(s.integrity_now, s.threshold)}</b>, {verdict} of {s.threshold:g}.</p>"
    ]
    if math.isfinite(s.onset_years):
        began = s.onset_years <= s.years
        parts.append(
            f"<p>In the model, symptoms {'began' if began else 'would begin'} after "
            f"<b>{_years(s.onset_years)}</b> of contact (age {s.age_years + s.onset_years:.0f})"
            f"{'' if began else ', if the contact continues'}."
        )
        if s.systolic_bp_mmhg != REFERENCE_SBP_MMHG:
            ref = (
                f"would cause them after {_years(s.reference_onset_years)}"
                if math.isfinite(s.reference_onset_years)
                else f"would cause none within {s.horizon_years:g} years"
            )
            parts.append(f" At {REFERENCE_SBP_MMHG:g} mmHg the same contact {ref}.")
        parts.append("</p>")
    elif s.category in ("none", "mild"):
        parts.append(
            f"<p>Integrity stays above the threshold for all {s.horizon_years:g} years shown: repair keeps "
            "pace with wear, like the many people whose scans show a vessel touching the facial nerve "
            "without any spasm.</p>"
        )
    else:
        parts.append(
            f"<p>Integrity stays above the threshold for all {s.horizon_years:g} years shown: the "
            "indentation slows repair, but at this pressure and age the wear is still too slow to "
            "cross the threshold.</p>"
        )
    parts.append(
        "<p style='color:#666;font-size:90%'>Every constant of this model is a teaching calibration "
        "[TC:T]: it shows directions and rough sizes, not any patient's future.</p>"
    )
    return "".join(parts)


class MyelinWearView(View):
    """Severity, years of contact, systolic pressure, age and vessel type -> myelin integrity."""

    PARAMS = {
        "severity": control(SEVERITY, label="severity (0-1)", step=0.05, readout_format=".2f"),
        "years": control(
            integer(0, int(HORIZON_YEARS), unit="years", doc="how long the vessel has been pressing (years)"),
            label="years of contact",
        ),
        "systolic_bp_mmhg": control(
            integer(
                90, 200, multiple_of=5, unit="mmHg", doc="systolic blood pressure (mmHg), held constant over the years"
            ),
            label="systolic BP (mmHg)",
            step=5,
        ),
        "age_years": control(
            integer(
                20, 70, multiple_of=5, unit="years", doc="age when the contact began; older nerves repair more slowly"
            ),
            label="age at start",
            step=5,
        ),
        "vessel": control(VESSEL, label="vessel", widget="toggle"),
    }
    IMAGE_WIDTH_PX = 860

    def build_figure(self):
        fig, self.art = build_myelin_wear()
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, severity=0.45, years=15, systolic_bp_mmhg=140, age_years=45, vessel="artery") -> str:
        scenario = wear_scenario(severity, years, systolic_bp_mmhg, age_years, vessel, horizon_years=HORIZON_YEARS)
        update_myelin_wear(self.art, scenario)
        self.scenario = scenario
        return readout_html(scenario)
