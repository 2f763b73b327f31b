"""Interactive view: scrub through the course of hemifacial spasm on a face (chapter 04).

:class:`ProgressionView` builds the progression figure once
(:func:`hfs_edu.figures.progression.build_progression`); moving the time slider only moves
the cursor and restyles the face (:func:`hfs_edu.figures.progression.update_progression`);
the other controls rerun :func:`hfs_edu.models.progression.simulate_course` (a few ms once
its cross-talk lookup is cached). The lookups for every severity the view offers are filled
when the view is built, never on a slider move.
"""

from __future__ import annotations

import math

from .._params import choice, integer, number, validated
from ..figures.progression import build_progression, update_progression
from ..models import anatomy
from ..models import progression as pr
from .base import View, control

__all__ = ["ProgressionView", "readout_html"]

YEARS_SHOWN = 10  # the view's time axis
SEVERITY_STOPS = (0.7, 0.75, 0.8, 0.9)  # contact severities offered (compression model, chapter 02)
SEVERITY_LABELS = ("0.70 firm", "0.75 firmer", "0.80 hard", "0.90 deviating")
NO_TRIGGER = "none"
#: The slider's top: in the chapter 02 model the vessel's load is capped once it presses fully, at about
#: 150 mmHg for the default contact (0.75), so higher pressures change nothing there [TC].
BP_MAX_MMHG = 150
_TRIGGER_OPTIONS = (NO_TRIGGER, *pr.TRIGGERS)


def _rate_axis_top() -> float:
    """Top of the rate axis: the fastest course the controls can give, with the strongest trigger."""
    strongest = max(pr.trigger_multiplier(t) for t in pr.TRIGGERS)
    fastest = pr.simulate_course(
        YEARS_SHOWN, severity=max(SEVERITY_STOPS), systolic_bp_mmhg=float(BP_MAX_MMHG), remission=False
    )
    return 50 * math.ceil(1.05 * strongest * float(fastest.spasm_rate_per_hour.max()) / 50)


def _rate(x: float) -> str:
    """A spasm rate for the readout: whole numbers, one decimal below 1 (so a low rate never reads 0)."""
    return f"{x:.0f}" if x >= 1 or x == 0 else f"{x:.1f}"


@validated(month=integer(0, 480, unit="months", doc="Months since the first spasm."))
def readout_html(course: pr.ProgressionCourse, month: int = 0) -> str:
    """Explain the course at ``month`` in words (HTML).

    {parameters}
    """
    if not isinstance(course, pr.ProgressionCourse):
        raise TypeError(f"course must be a ProgressionCourse from simulate_course(), got {type(course).__name__}")
    if not course.symptomatic:
        return "<p>This contact never makes the fibres fire in the model: no spasm.</p>"
    i = int(min(month, course.time_months.size - 1))
    recruited = [m for m, t in zip(course.muscles, course.recruitment_months) if math.isfinite(t) and t <= i]
    order = [m for m in course.spread_order if m in recruited]
    joining = [m for m, level in zip(course.muscles, course.involvement[:, i]) if 0 < level and m not in recruited]
    parts = [
        f"<p>In the model the first spasm (month 0) comes after {course.contact_years_to_onset:.1f} years of "
        f"vessel contact. At <b>month {i}</b>: "
        f"{len(order)} of {len(course.muscles)} muscles recruited (hatched, &#9654;)"
        + (f", in the order they joined: {', '.join(order)}" if order else "")
        + (f"; {', '.join(joining)} shaded, starting to join" if joining else "")
        + ".</p>",
        f"<p>About <b>{_rate(course.spasm_rate_per_hour[i])}</b> spasms an hour at rest, "
        f"<b>{_rate(course.sleep_rate_per_hour[i])}</b> asleep (fewer, not none), "
        f"<b>{100 * course.tonic_fraction[i]:.0f}%</b> of them sustained (tonic).</p>",
    ]
    if course.triggers:
        names = ", ".join(course.triggers)
        if course.trigger_multiplier > 1.0:
            parts.append(
                f"<p>With <b>{names}</b>: {course.triggered_rate_per_hour[i]:.0f} an hour "
                f"(&times;{course.trigger_multiplier:g}, a teaching calibration).</p>"
            )
        else:
            parts.append(
                f"<p><b>{names}</b>: only a patient-organisation page lists it and no HFS series measured it "
                "(it is a classic aggravator of blepharospasm), so the model gives it no effect (&times;1): the "
                "dashed line stays hidden under the solid one.</p>"
            )
    parts.append(
        "<p style='color:#666;font-size:90%'>The order of spread comes from clinical series; its timing, the "
        "rates and the trigger factors are teaching calibrations [TC:T], not a forecast for any patient.</p>"
    )
    return "".join(parts)


class ProgressionView(View):
    """Months since onset, onset pattern, contact severity, blood pressure and a trigger -> the face over time."""

    PARAMS = {
        "month": control(
            integer(0, 12 * YEARS_SHOWN, unit="months", doc="time since the first spasm, in months (12 = one year)"),
            label="months since onset",
            step=1,
        ),
        "onset": control(
            choice(pr.ONSET_TYPES, doc="typical: eye first, spreading down; atypical: mouth first, spreading up"),
            label="onset",
            widget="toggle",
        ),
        "severity": control(
            number(
                min(SEVERITY_STOPS),
                max(SEVERITY_STOPS),
                doc="how hard the vessel presses (chapter 02's severity; 0.6 indents, 0.9 deviates the nerve)",
            ),
            label="contact severity",
            widget="selection",
            stops=SEVERITY_STOPS,
            stop_labels=SEVERITY_LABELS,
        ),
        "systolic_bp_mmhg": control(
            integer(
                100,
                BP_MAX_MMHG,
                multiple_of=10,
                unit="mmHg",
                doc="systolic blood pressure, held constant (above 150 mmHg the model's effect no longer grows)",
            ),
            label="systolic BP (mmHg)",
            step=10,
        ),
        "trigger": control(
            choice(_TRIGGER_OPTIONS, doc="one trigger acting on the awake rate (dashed line); 'none' for rest"),
            label="trigger",
        ),
    }
    IMAGE_WIDTH_PX = 900

    def build_figure(self):
        for s in SEVERITY_STOPS:  # fill the cross-talk lookups now, not on a slider move
            pr.simulate_course(YEARS_SHOWN, severity=s, remission=False)
        self._course_key = None
        self.course = None
        fig, self.art = build_progression(
            anatomy.innervation(),
            pr.simulate_course(YEARS_SHOWN, remission=False).muscles,
            years=YEARS_SHOWN,
            rate_max_per_hour=_rate_axis_top(),
        )
        self.art.status.set_visible(False)  # said in the readout instead (text is slow to redraw)
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic(status=False)

    def update(self, month=24, onset="typical", severity=0.75, systolic_bp_mmhg=120, trigger=NO_TRIGGER) -> str:
        key = (onset, severity, systolic_bp_mmhg, trigger)
        if key != self._course_key:
            self.course = pr.simulate_course(
                YEARS_SHOWN,
                onset,
                severity=float(severity),
                systolic_bp_mmhg=float(systolic_bp_mmhg),
                triggers=None if trigger == NO_TRIGGER else trigger,
                remission=False,
            )
            self._course_key = key
        update_progression(self.art, self.course, month)
        return readout_html(self.course, month)
