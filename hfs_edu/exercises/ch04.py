"""Checker for the chapter 04 exercise: Mrs Ortiz's course in the progression model.

The student (or the worked solution) gives, for the view's settings of her case (typical
onset, contact severity 0.75, systolic 140 mmHg, month 24):

* ``first_muscle``: the muscle the spasm starts in;
* ``muscles_at_24``: how many of the model's muscles are recruited (hatched, ▶) at month 24;
* ``stress_rate_per_hour``: spasms an hour at month 24 while she is stressed;
* ``spasms_in_sleep``: ``True``/``False``, whether the spasms go on in sleep;
* ``bright_light_in_series``: ``True``/``False``, whether a clinical series of HFS patients
  supports bright light as a trigger (a tier-C patient page lists it; no series measured it).

Every expected value is computed here from :mod:`hfs_edu.models.progression` and the trigger
table (``data/hfs_triggers.csv``), never typed in.
"""

from __future__ import annotations

import math

from ..data import load_table
from ..models import progression as pr
from . import Feedback, Part, blank_names, close_enough

__all__ = ["check", "expected", "MONTH", "SEVERITY", "SYSTOLIC_BP_MMHG", "ONSET", "YEARS"]

TITLE = "Exercise 04 · Mrs Ortiz's course in the progression model"

MONTH = 24  # two years after her first spasm (data/patient.csv, chapter 00)
SEVERITY = 0.75  # the view's default contact ("0.75 firmer" in the view) [TC]
SYSTOLIC_BP_MMHG = 140.0  # the exercise's assumption for her treated hypertension [TC]
ONSET = "typical"  # her spasm began at the left lower eyelid
YEARS = 10  # the view's time axis
RATE_REL_TOLERANCE = 0.05  # the view prints whole spasms per hour


def _course(triggers: str | None = None) -> pr.ProgressionCourse:
    return pr.simulate_course(
        YEARS, ONSET, severity=SEVERITY, systolic_bp_mmhg=SYSTOLIC_BP_MMHG, triggers=triggers, remission=False
    )


def expected() -> dict:
    """The answers computed from the model and the trigger table."""
    c = _course("stress")
    first = c.muscles[min(range(len(c.muscles)), key=lambda k: c.recruitment_months[k])]
    n = sum(1 for t in c.recruitment_months if math.isfinite(t) and t <= MONTH)
    triggers = load_table("hfs_triggers")
    light = triggers[(triggers["trigger"] == "bright light") & triggers["tier"].isin(["A", "B"])]
    return {
        "first_muscle": first,
        "muscles_at_24": n,
        "stress_rate_per_hour": float(c.triggered_rate_per_hour[MONTH]),
        "rest_rate_per_hour": float(c.spasm_rate_per_hour[MONTH]),
        "spasms_in_sleep": bool(c.sleep_rate_per_hour[MONTH] > 0),
        "bright_light_in_series": bool(light["verified"].astype(bool).any()),
    }


def _check_first(answer: object, want: str) -> Part:
    name = "1. first muscle"
    if not isinstance(answer, str) or not answer.strip():
        return Part(name, False, 'give the muscle\'s name in quotes, e.g. "frontalis".')
    if answer.strip().lower() == want:
        return Part(name, True, "right: typical HFS starts around the eye, in orbicularis oculi.")
    if answer.strip().lower() in ("orbicularis oris", "buccinator"):
        return Part(name, False, "that is where the atypical form starts; her spasm began at the lower eyelid.")
    return Part(name, False, "set the time slider to month 0: which muscle is hatched?")


def _check_count(answer: object, want: int, c: pr.ProgressionCourse) -> Part:
    name = "2. muscles recruited at month 24"
    if isinstance(answer, bool) or not isinstance(answer, int):
        return Part(name, False, "give a whole number (without quotes).")
    if answer == want:
        return Part(name, True, f"right: {want} of the model's {len(c.muscles)} muscles by month {MONTH}.")
    at_120 = pr.simulate_course(YEARS, ONSET, severity=SEVERITY, remission=False)
    if answer == sum(1 for t in at_120.recruitment_months if t <= MONTH):
        return Part(name, False, "that is the count at 120 mmHg; set systolic BP to 140 mmHg.")
    shaded = [m for m, level in zip(c.muscles, c.involvement[:, MONTH]) if level > 0]
    if answer == len(shaded) and len(shaded) != want:
        joining = [m for m in shaded if not c.recruitment_months[c.muscles.index(m)] <= MONTH]
        return Part(
            name,
            False,
            f"that counts every shaded muscle; {', '.join(joining)} is shaded but not yet recruited "
            "(no hatching, no ▶ in the key).",
        )
    return Part(name, False, "set month 24, severity 0.75, 140 mmHg and count the hatched muscles (▶ in the key).")


def _check_rate(answer: object, want: float, rest: float) -> Part:
    name = "3. spasms an hour when stressed"
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return Part(name, False, "give a number (spasms per hour).")
    if close_enough(answer, want, rel=RATE_REL_TOLERANCE):
        return Part(name, True, "right: a trigger multiplies the awake rate; it never lowers it.")
    if close_enough(answer, rest, rel=RATE_REL_TOLERANCE):
        return Part(name, False, "that is the rate at rest; choose the trigger 'stress' and read the dashed line.")
    return Part(name, False, "with the trigger 'stress' the text under the view gives the rate 'With stress'.")


def _check_bool(name: str, answer: object, want: bool, hint: str, right: str) -> Part:
    if not isinstance(answer, bool):
        return Part(name, False, "answer True or False (without quotes).")
    return Part(name, True, right) if answer == want else Part(name, False, hint)


def check(
    first_muscle: object = ...,
    muscles_at_24: object = ...,
    stress_rate_per_hour: object = ...,
    spasms_in_sleep: object = ...,
    bright_light_in_series: object = ...,
) -> Feedback:
    """Check the chapter 04 exercise; blanks (``...``) are reported, never an error."""
    answers = {
        "first_muscle": first_muscle,
        "muscles_at_24": muscles_at_24,
        "stress_rate_per_hour": stress_rate_per_hour,
        "spasms_in_sleep": spasms_in_sleep,
        "bright_light_in_series": bright_light_in_series,
    }
    blanks = blank_names(**answers)
    if blanks:
        return Feedback(TITLE, blanks=blanks)
    want = expected()
    parts = [
        _check_first(first_muscle, want["first_muscle"]),
        _check_count(muscles_at_24, want["muscles_at_24"], _course()),
        _check_rate(stress_rate_per_hour, want["stress_rate_per_hour"], want["rest_rate_per_hour"]),
        _check_bool(
            "4. spasms in sleep",
            spasms_in_sleep,
            want["spasms_in_sleep"],
            "look at the dotted line 'asleep': is it ever zero once the spasm has begun? (section 3)",
            "right: fewer, but not none; in a sleep study spasms continued in all 12 patients [S108].",
        ),
        _check_bool(
            "5. bright light",
            bright_light_in_series,
            want["bright_light_in_series"],
            "look at the tier of the 'bright light' row in the trigger table (section 4): a series or a web page?",
            "right: only a patient-organisation page lists it [N805]; no HFS series measured it, so the model "
            "gives it no effect.",
        ),
    ]
    return Feedback(TITLE, parts=parts)
