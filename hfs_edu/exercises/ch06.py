"""Checker for the chapter 06 exercise: Mrs Ortiz's work-up.

The student names her diagnosis from her history (``data/patient.csv``), chooses the imaging, and
reads two post-test probabilities from the Bayes view at a pre-test probability of 50% (the
exercise's assumption [TC]). Every expected value is computed from :mod:`hfs_edu.models.diagnosis`
and its tables, never typed in.
"""

from __future__ import annotations

import math

from ..models import diagnosis as dx
from . import Feedback, Part, check_answers, close_enough

__all__ = ["PRETEST_PCT", "MRI_TEST", "LSR_TEST", "check", "expected"]

#: The exercise's pre-test probability [TC] and the two tests it reads (rows of diagnostic_accuracy).
PRETEST_PCT = 50.0
MRI_TEST = "MRI: thin-slice T2, HFS vs controls"
LSR_TEST = "EMG: LSR, HFS vs post-paralytic synkinesis"
#: How far a probability read from the view may be from the model's value (the view prints whole %).
TOLERANCE_PCT = 1.0

TITLE = "Exercise 06 · Mrs Ortiz's work-up"
ANSWERS = ("diagnosis", "imaging", "mri_positive_pct", "lsr_positive_pct")


def expected() -> dict:
    """The answers computed from the model (used by :func:`check` and by the tests)."""
    mri = dx.named_test_outcome(MRI_TEST, PRETEST_PCT)
    lsr = dx.named_test_outcome(LSR_TEST, PRETEST_PCT)
    return {
        "diagnosis": dx.HFS,
        "imaging": "routine MRI",
        "mri_positive_pct": mri.post_positive_pct,
        "lsr_positive_pct": lsr.post_positive_pct,
        # for the feedback messages
        "mri_negative_pct": mri.post_negative_pct,
        "mri_specificity_pct": mri.specificity_pct,
        "lsr_specificity_pct": lsr.specificity_pct,
        "lsr_likelihood_ratio": lsr.likelihood_ratio_positive,
    }


def _norm(value) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None


def _number(value):
    if isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _check_diagnosis(answer, exp) -> Part:
    name = "diagnosis"
    text = _norm(answer)
    if text == "hfs":  # the chapter's abbreviation (student review H15)
        text = dx.HFS
    options = [d.lower() for d in dx.diagnoses()]
    if text not in options:
        return Part(
            name, False, 'type one of the diagnoses of the differential table, in quotes, e.g. "blepharospasm".'
        )
    if text == exp["diagnosis"]:
        return Part(
            name,
            True,
            "right: one side, beginning at the lower eyelid, eye and mouth pulled together: the history and "
            "examination make the diagnosis (section 1).",
        )
    if text == "blepharospasm":
        return Part(name, False, "blepharospasm closes both eyes; hers is one side only and pulls the mouth too.")
    if text == "post-paralytic synkinesis":
        return Part(name, False, "that needs a facial palsy in the history, and she has never had one.")
    return Part(name, False, "compare her features (hook, patient table) with the rows of the differential table.")


def _check_imaging(answer, exp) -> Part:
    name = "imaging"
    text = _norm(answer)
    if text not in [c.lower() for c in dx.IMAGING_CHOICES]:
        return Part(name, False, 'type one of "no MRI", "routine MRI" or "prompt MRI", in quotes.')
    if text == exp["imaging"].lower():
        return Part(
            name,
            True,
            "right: no red flag (no weakness, numbness or pain), but an MRI is advised for every patient, to exclude "
            "a secondary cause and to show the vessel before any operation (section 3).",
        )
    if text == "prompt mri":
        return Part(name, False, "a prompt scan is for red flags. Does she have facial weakness, numbness or pain?")
    return Part(
        name, False, "the sources this course follows advise an MRI for every patient with HFS, even a typical one."
    )


def _check_probability(name, answer, want, test, why) -> Part:
    x = _number(answer)
    if x is None:
        return Part(name, False, "type a percentage as a number, e.g. 65 (no quotes, no % sign).")
    if 0 < x <= 1 and not close_enough(x, want, rel=0.0, abs_=TOLERANCE_PCT):
        return Part(name, False, "give it in per cent (0-100), not as a fraction.")
    if close_enough(x, want, rel=0.0, abs_=TOLERANCE_PCT):
        return Part(name, True, f"right: about {want:.0f}%. {why}")
    if close_enough(x, PRETEST_PCT, rel=0.0, abs_=TOLERANCE_PCT):
        return Part(
            name, False, "that is the pre-test probability. Read the point on the 'after a positive result' curve."
        )
    return Part(
        name,
        False,
        f'choose the test "{test}", set the pre-test probability to {PRETEST_PCT:.0f}%, and read the first '
        "percentage in the text under the figure (after a positive result).",
    )


def check(**answers) -> Feedback:
    """Check the chapter 06 exercise; never raises.

    Parameters
    ----------
    diagnosis : str
        Mrs Ortiz's diagnosis, a name of the differential table.
    imaging : str
        ``"no MRI"``, ``"routine MRI"`` or ``"prompt MRI"``.
    mri_positive_pct : float
        Post-test probability (%) after a positive thin-slice T2 MRI (HFS vs controls), pre-test 50%.
    lsr_positive_pct : float
        Post-test probability (%) after a positive LSR when the alternative is post-paralytic synkinesis,
        pre-test 50%.

    Returns
    -------
    Feedback
    """

    def parts_of(given):
        exp = expected()
        return [
            _check_diagnosis(given["diagnosis"], exp),
            _check_imaging(given["imaging"], exp),
            _check_probability(
                "mri_positive_pct",
                given["mri_positive_pct"],
                exp["mri_positive_pct"],
                MRI_TEST,
                f"A positive scan moves the probability only a little, because readers also reported compression on "
                f"many scans of people without HFS (specificity {exp['mri_specificity_pct']:g}%); a negative scan "
                f"lowers it to about {exp['mri_negative_pct']:.0f}%. The scan supports the diagnosis, it does not "
                "make it.",
            ),
            _check_probability(
                "lsr_positive_pct",
                given["lsr_positive_pct"],
                exp["lsr_positive_pct"],
                LSR_TEST,
                f"Hardly more than 50%: with a specificity of only {exp['lsr_specificity_pct']:g}% against "
                f"post-paralytic synkinesis (likelihood ratio {exp['lsr_likelihood_ratio']:.1f}), whether an LSR is "
                "present barely tells the two apart; the history of a palsy decides, and the EMG pattern (latency, "
                "amplitude, synkinesis with every voluntary movement) helps.",
            ),
        ]

    return check_answers(TITLE, ANSWERS, answers, parts_of)
