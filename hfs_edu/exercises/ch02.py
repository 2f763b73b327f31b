"""Checker for the chapter 02 exercise: what can the compression model say about Mrs Ortiz?

The student (or the worked solution) gives

* ``years_indenting``: years of contact until symptoms for an indenting artery
  (severity 0.6, contact from age 45) at 120, 140 and 160 mmHg, as three numbers;
* ``touching_gives_symptoms``: ``True``/``False``, whether a merely touching artery
  (severity 0.25) brings symptoms within 40 years at any of those pressures;
* ``bp_role``: ``"cause"`` or ``"accelerator"``;
* ``cannot_tell``: a sentence or two on what the model cannot say about her.

Every expected value is computed here from :mod:`hfs_edu.models.compression` with the
view's settings (an artery pulsates at the model's 40 mmHg pulse pressure; the view looks
40 years ahead), never typed in. The free-text part is not marked right or wrong beyond
"is it a real answer": the worked solution gives a model answer to compare with.
"""

from __future__ import annotations

import math

from ..models import compression
from . import Feedback, Part, blank_names, close_enough

__all__ = [
    "check",
    "expected",
    "PRESSURES_MMHG",
    "SEVERITY_INDENTING",
    "SEVERITY_TOUCHING",
    "AGE_AT_START_YEARS",
    "HORIZON_YEARS",
]

TITLE = "Exercise 02 · Mrs Ortiz's MRI and the compression model"

PRESSURES_MMHG = (120.0, 140.0, 160.0)  # the three systolic pressures the exercise asks about
SEVERITY_INDENTING = compression.SEVERITY_BY_CATEGORY["moderate"]  # 0.6, indentation [S33]
SEVERITY_TOUCHING = compression.SEVERITY_BY_CATEGORY["mild"]  # 0.25, contact without indentation [S33]
AGE_AT_START_YEARS = 45.0  # the exercise's assumption: the contact began at 45
HORIZON_YEARS = 40.0  # the view's time axis
ARTERY_PULSATION = compression.pulsation_from_pulse_pressure(40.0)  # the view's "artery"
YEARS_ABS_TOLERANCE = 0.15  # the view prints one decimal below 10 years
MIN_DISCUSSION_WORDS = 8


def _years(severity: float, sbp: float, age: float = AGE_AT_START_YEARS) -> float:
    return compression.years_to_symptoms(
        severity, pulsation=ARTERY_PULSATION, systolic_bp_mmhg=sbp, age_years=age, horizon_years=HORIZON_YEARS
    )


def expected() -> dict:
    """The answers computed from the model: years (3 floats), touching (bool) and the role of pressure."""
    years = tuple(_years(SEVERITY_INDENTING, bp) for bp in PRESSURES_MMHG)
    touching = any(math.isfinite(_years(SEVERITY_TOUCHING, bp)) for bp in PRESSURES_MMHG)
    shortens = all(b < a for a, b in zip(years, years[1:]))
    role = "accelerator" if shortens and not touching else "cause"
    return {"years_indenting": years, "touching_gives_symptoms": touching, "bp_role": role}


def _as_numbers(value: object) -> list[float] | None:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != len(PRESSURES_MMHG):
        return None
    out = []
    for v in value:
        if isinstance(v, bool):
            return None
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            return None
    return out


def _check_years(answer: object, want: tuple) -> Part:
    name = "1. years to symptoms (indenting artery)"
    got = _as_numbers(answer)
    if got is None:
        return Part(name, False, "give three numbers in brackets, one per pressure: (years at 120, at 140, at 160).")
    ok = [close_enough(g, w, rel=0.03, abs_=YEARS_ABS_TOLERANCE) for g, w in zip(got, want)]
    if all(ok):
        return Part(name, True, "right: the higher the pressure, the sooner the indenting artery wears the nerve out.")
    if all(0.0 <= g <= 1.0 for g in got):
        hint = (
            "these look like myelin integrities (0 to 1); the question asks for years of contact, "
            "the number after 'symptoms began after' in the text under the view."
        )
    elif all(close_enough(g, w, rel=0.03, abs_=YEARS_ABS_TOLERANCE) for g, w in zip(got, reversed(want))):
        hint = "the order is reversed: give the years at 120 mmHg first, then 140, then 160."
    elif all(
        close_enough(g, _years(SEVERITY_INDENTING, bp, 40.0), rel=0.03, abs_=YEARS_ABS_TOLERANCE)
        for g, bp in zip(got, PRESSURES_MMHG)
    ):
        hint = "did you leave the age at 40 (the function's default)? The contact began at 45: age_years=45."
    elif all(
        close_enough(g, _years(0.45, bp), rel=0.03, abs_=YEARS_ABS_TOLERANCE) or not math.isfinite(g)
        for g, bp in zip(got, PRESSURES_MMHG)
    ):
        hint = "these fit severity 0.45, the view's starting value; set severity to 0.6 (indenting)."
    else:
        wrong = ", ".join(f"{bp:g} mmHg" for bp, good in zip(PRESSURES_MMHG, ok) if not good)
        hint = (
            f"check the value at {wrong}: in the view set severity 0.6, age at start 45, artery, move "
            "systolic BP and read 'symptoms began after ... years'."
        )
    return Part(name, False, hint)


def _check_touching(answer: object, want: bool) -> Part:
    name = "2. touching artery"
    if not isinstance(answer, bool):
        return Part(name, False, "answer True or False (without quotes).")
    if answer == want:
        return Part(name, True, "right: between 120 and 160 mmHg repair keeps pace with a vessel that only touches.")
    return Part(
        name,
        False,
        "set severity 0.25 in the view and move systolic BP from 120 to 160 mmHg: does the "
        "text under the figure ever say that symptoms begin within the 40 years shown?",
    )


def _check_role(answer: object, want: str) -> Part:
    name = "3. role of blood pressure"
    if not isinstance(answer, str) or answer.strip().lower() not in ("cause", "accelerator"):
        return Part(name, False, 'answer "cause" or "accelerator" (in quotes).')
    if answer.strip().lower() == want:
        return Part(
            name,
            True,
            "right: pressure shortens the time for an indenting vessel but does not make a "
            "touching one harmful in this range.",
        )
    return Part(
        name,
        False,
        "compare your answers to parts 1 and 2: does high pressure turn a touching vessel "
        "into a harmful one, or does it speed up the damage an indenting vessel already does?",
    )


def _check_discussion(answer: object) -> Part:
    name = "4. what the model cannot tell"
    if not isinstance(answer, str) or len(answer.split()) < MIN_DISCUSSION_WORDS:
        return Part(
            name,
            False,
            "write a sentence or two (in quotes). Think of what the model's numbers are "
            "(measured or chosen?) and of what an MRI cannot show about cause.",
        )
    return Part(name, True, "thank you; compare it with the model answer in the worked solution.")


def check(
    years_indenting: object = ...,
    touching_gives_symptoms: object = ...,
    bp_role: object = ...,
    cannot_tell: object = ...,
) -> Feedback:
    """Check the chapter 02 exercise; blanks (``...``) are reported, never an error."""
    answers = {
        "years_indenting": years_indenting,
        "touching_gives_symptoms": touching_gives_symptoms,
        "bp_role": bp_role,
        "cannot_tell": cannot_tell,
    }
    blanks = blank_names(**answers)
    if blanks:
        return Feedback(TITLE, blanks=blanks)
    want = expected()
    parts = [
        _check_years(years_indenting, want["years_indenting"]),
        _check_touching(touching_gives_symptoms, want["touching_gives_symptoms"]),
        _check_role(bp_role, want["bp_role"]),
        _check_discussion(cannot_tell),
    ]
    return Feedback(TITLE, parts=parts)
