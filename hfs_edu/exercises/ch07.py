"""Checker for the chapter 07 exercise: a year of botulinum toxin for Mrs Ortiz, and the blood tests of a tablet.

The student plans Mrs Ortiz's injection days for one year (every 13 weeks from day 0), reads the
days with good control from the planner, finds how many are lost when the third injection is six
weeks late, and picks the blood tests needed before starting carbamazepine. Every expected value
is computed here from :mod:`hfs_edu.models.botulinum`, :mod:`hfs_edu.widgets.botulinum` (the
planner's own timeline) and the table ``oral_drugs``, never typed in.
"""

from __future__ import annotations

import math

import numpy as np

from ..data import load_table
from ..models import botulinum as bont
from ..models import timeline as tl
from . import Feedback, Part, check_answers, close_enough

__all__ = ["BLOOD_TESTS", "INTERVAL_WEEKS", "LATE", "LATE_BY_WEEKS", "check", "expected"]

#: The exercise's plan (a teaching case [TC]): every 13 weeks from day 0, one year, 25 U.
INTERVAL_WEEKS = 13
HORIZON_DAYS = 365.0
LATE = 3
LATE_BY_WEEKS = 6
#: The candidate blood tests the student chooses from -> the words that mark each in ``oral_drugs``.
BLOOD_TESTS = {
    "full blood count": "full blood count",
    "liver tests": "liver tests",
    "sodium": "sodium",
    "HLA-B*15:02 (at-risk Asian ancestry)": "HLA-B*15:02",
    "thyroid tests": "thyroid",
    "blood glucose": "glucose",
}
#: Short names a student may type for a test -> its name in :data:`BLOOD_TESTS` (matched ignoring case; review Z11).
ALIASES = {
    "fbc": "full blood count",
    "blood count": "full blood count",
    "liver function tests": "liver tests",
    "lft": "liver tests",
    "lfts": "liver tests",
    "hla-b*15:02": "HLA-B*15:02 (at-risk Asian ancestry)",
    "hla-b*1502": "HLA-B*15:02 (at-risk Asian ancestry)",
    "hla": "HLA-B*15:02 (at-risk Asian ancestry)",
    "thyroid": "thyroid tests",
    "glucose": "blood glucose",
}
#: Tolerance of a number read from the planner (days).
DAYS_TOLERANCE = 2.0

TITLE = "Exercise 07 · A year of injections for Mrs Ortiz"
ANSWERS = ("injection_days", "good_days", "days_lost", "blood_tests")


def _plan(late: int | None):
    days = bont.injection_schedule(
        INTERVAL_WEEKS * 7.0, HORIZON_DAYS, late=late, late_by_days=LATE_BY_WEEKS * 7.0 if late else 0.0
    )
    history = tl.treatment_history([tl.injection(d) for d in days])
    return days, tl.symptom_curve(history, horizon_days=HORIZON_DAYS)


def expected() -> dict:
    """The answers computed from the models and the table (used by :func:`check` and the tests)."""
    days, on_time = _plan(None)
    _, late = _plan(LATE)
    good = tl.good_control_days(on_time)
    good_late = tl.good_control_days(late)
    # the delayed cycle alone (review Z02): poor-control days from the 2nd injection until three weeks after the
    # late 3rd one has been given; in it every day of delay is a poor day, since the 2nd has already worn off
    lo, hi = days[LATE - 2], days[LATE - 1] + LATE_BY_WEEKS * 7 + 21
    grid = on_time.time_days
    window = (grid >= lo) & (grid < hi)
    bad = lambda t: float(np.sum(t.severity[window] > tl.GOOD_CONTROL_SEVERITY))  # noqa: E731
    drugs = load_table("oral_drugs").set_index("drug")
    baseline = str(drugs.at["carbamazepine", "monitoring_baseline"])
    tests = sorted(name for name, word in BLOOD_TESTS.items() if word.lower() in baseline.lower())
    return {
        "injection_days": [float(d) for d in days],
        "good_days": good,
        "days_lost": good - good_late,
        "blood_tests": tests,
        "good_late": good_late,
        "cycle_extra_bad": bad(late) - bad(on_time),
        "carbamazepine_why": str(drugs.at["carbamazepine", "monitoring_why"]),
    }


def _numbers(value) -> list | None:
    if isinstance(value, (str, bytes, bool)) or not hasattr(value, "__iter__"):
        return None
    out = []
    for x in value:
        if isinstance(x, bool):
            return None
        try:
            f = float(x)
        except (TypeError, ValueError):
            return None
        if not math.isfinite(f):
            return None
        out.append(f)
    return out


def _check_days(answer, exp) -> Part:
    name = "injection_days"
    want = exp["injection_days"]
    got = _numbers(answer)
    if got is None:
        return Part(name, False, "type a list of day numbers in square brackets, such as [0, 100, 200].")
    got = sorted(got)
    step = INTERVAL_WEEKS * 7
    if len(got) == len(want) and all(abs(a - b) < 0.5 for a, b in zip(got, want, strict=True)):
        return Part(
            name,
            True,
            f"right: {len(want)} injections, {step} days apart; the last one, on day {want[-1]:g}, still falls "
            f"inside the year.",
        )
    if any(d > HORIZON_DAYS for d in got):
        late = [f"{d:g}" for d in got if d > HORIZON_DAYS]
        return Part(name, False, f"day {', '.join(late)} is past day {HORIZON_DAYS:g}: list only the first year.")
    if len(got) == len(want) - 1 and all(abs(a - b) < 0.5 for a, b in zip(got, want, strict=False)):
        return Part(
            name, False, f"one is missing: {INTERVAL_WEEKS} weeks = {step} days; is day {want[-1]:g} in the year?"
        )
    return Part(name, False, f"start on day 0 and add {INTERVAL_WEEKS} weeks (7 days each) until day 365.")


def _check_good(answer, exp) -> Part:
    name = "good_days"
    want = exp["good_days"]
    if not close_enough(answer, want, rel=0.0, abs_=DAYS_TOLERANCE):
        try:
            x = float(answer)
        except (TypeError, ValueError):
            return Part(name, False, "type a number of days (no quotes), read from the planner's text.")
        if close_enough(x, HORIZON_DAYS, rel=0.0, abs_=1.0):
            return Part(name, False, "that is the whole year: the curve is above the dotted line for part of it.")
        return Part(
            name,
            False,
            "set the planner to interval 13 weeks, dose 25 U, nothing missed or late, horizon 1 year, and read the "
            "good-control days from the text under the figure.",
        )
    return Part(
        name,
        True,
        f"right: about {want:.0f} of 365 days. The rest are the first days before the toxin works and the "
        "weeks before each next injection, when its effect is wearing off.",
    )


def _check_lost(answer, exp) -> Part:
    name = "days_lost"
    want = exp["days_lost"]
    if close_enough(answer, want, rel=0.0, abs_=2 * DAYS_TOLERANCE):
        return Part(
            name,
            True,
            f"right: about {want:.0f} days fewer ({exp['good_late']:.0f} instead of {exp['good_days']:.0f}). In that "
            f"cycle the 2nd injection has already worn off, so about {exp['cycle_extra_bad']:.0f} more days are poor. "
            "The year loses fewer because every later injection shifts too, and the shifted plan ends the year "
            "still covered, without the on-time plan's last wear-off gap.",
        )
    try:
        x = float(answer)
    except (TypeError, ValueError):
        return Part(
            name, False, "type a number of days: good-control days on time minus those with the late injection."
        )
    if close_enough(x, LATE_BY_WEEKS * 7, rel=0.0, abs_=2.0):
        return Part(
            name,
            False,
            f"that is about what the delayed cycle itself loses (the {LATE_BY_WEEKS * 7} days of delay), but the "
            "question asks for the whole year: read both numbers from the planner (late no. 3, late by 6 weeks) and "
            "subtract.",
        )
    if x < 0:
        return Part(name, False, "lost = good-control days on time minus good-control days with the late injection.")
    return Part(
        name, False, "set late no. 3 and late by 6 weeks, read the good-control days, and subtract from your answer 2."
    )


def _check_tests(answer, exp) -> Part:
    name = "blood_tests"
    want = set(exp["blood_tests"])
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return Part(name, False, 'type a list of the test names in quotes, such as ["sodium"].')
    canonical = {k.lower(): k for k in BLOOD_TESTS}
    got = set()
    for a in answer:
        key = " ".join(str(a).strip().lower().split())
        got.add(canonical.get(key) or ALIASES.get(key) or str(a).strip())
    unknown = got - set(BLOOD_TESTS)
    if unknown:
        return Part(name, False, f"choose only from the list in the exercise; not recognised: {sorted(unknown)}.")
    if got == want:
        return Part(
            name,
            True,
            "right: a full blood count (rare aplastic anaemia and agranulocytosis), liver tests, sodium "
            "(hyponatraemia) [N741:B] and HLA-B*15:02 (the gene linked to severe skin reactions): the UK guide "
            "names people of Han Chinese or Thai origin [N741:B], the US label anyone with ancestry across broad "
            "areas of Asia, including South Asians [N742:B].",
        )
    missing, extra = want - got, got - want
    hint = []
    hla = "HLA-B*15:02 (at-risk Asian ancestry)"
    if hla in missing:
        hint.append(
            "HLA-B*15:02 is missing: the guides ask for it in patients of at-risk Asian ancestry, so it belongs "
            "on the list even though Mrs Ortiz would not need it"
        )
        missing = missing - {hla}
    if missing:
        hint.append(f"missing {len(missing)}: which warnings in the table would a test catch early?")
    if extra:
        hint.append(f"{', '.join(sorted(extra))} is not among the sourced checks for carbamazepine")
    return Part(name, False, "; ".join(hint) + " (section 2's table, column 'monitoring before starting').")


def check(**answers) -> Feedback:
    """Check the chapter 07 exercise; never raises.

    Parameters
    ----------
    injection_days : list of float
        Days of the injections in the first year, every 13 weeks from day 0.
    good_days : float
        Days with good control in that year (the planner's readout).
    days_lost : float
        Good-control days lost when the third injection is six weeks late.
    blood_tests : list of str
        The tests needed before starting carbamazepine, chosen from :data:`BLOOD_TESTS`.

    Returns
    -------
    Feedback
    """

    def parts_of(given):
        exp = expected()
        return [
            _check_days(given["injection_days"], exp),
            _check_good(given["good_days"], exp),
            _check_lost(given["days_lost"], exp),
            _check_tests(given["blood_tests"], exp),
        ]

    return check_answers(TITLE, ANSWERS, answers, parts_of)
