"""Checker for the chapter 08 exercise: Mrs Ortiz's operation.

The student reads (or computes) her expected chance of being spasm-free one month and twelve
months after MVD from the course model, the spread of long-term success across the large
series, the expected number of permanent hearing losses in 200 operations, and decides
whether to reoperate when the spasm is still there after one month. Every expected value is
computed here from :mod:`hfs_edu.models.mvd` and the tables, never typed in.
"""

from __future__ import annotations

import math

from ..data import load_table
from ..models import mvd
from . import Feedback, Part, blank_names, close_enough

__all__ = ["ANSWERS", "LARGE_SERIES_N", "N_OPERATIONS", "check", "expected"]

TITLE = "Exercise 08 · Mrs Ortiz's operation"
ANSWERS = (
    "at_1_month_pct",
    "at_12_months_pct",
    "large_series_range_pct",
    "hearing_losses_in_200",
    "decision_at_1_month",
)
#: The exercise's choices (labels of the exercise, not data).
MONTH_DAYS = 30.44
N_OPERATIONS = 200
LARGE_SERIES_N = 1000  # "a large series": at least this many patients
#: How far a share read from Figure 8.4 may be from the model (percentage points).
READ_TOLERANCE_PCT = 2.5


def expected() -> dict:
    """The answers computed from the model and the tables (used by :func:`check` and by the tests)."""
    course = mvd.cure_course(400.0)
    at = {m: 100 * float(course.spasm_free[round(m * MONTH_DAYS)]) for m in (1, 12)}
    out = load_table("mvd_outcomes")
    first = out[out["surgery_type"] == "first MVD"]
    big = first[first["n_patients"].fillna(0) >= LARGE_SERIES_N]["success_pct"].dropna().astype(float)
    every = first["success_pct"].dropna().astype(float)
    p_perm = mvd.complication_probability("hearing_loss", "permanent")
    lo, hi = mvd.sourced_complication_range("hearing_loss", "permanent")
    reop = mvd.reoperation_outlook(MONTH_DAYS)
    return {
        "at_1_month_pct": at[1],
        "at_12_months_pct": at[12],
        "large_series_range_pct": (float(big.min()), float(big.max())),
        "hearing_losses_in_200": mvd.expected_events(N_OPERATIONS, p_perm),
        "decision_at_1_month": "wait",
        # for the feedback messages
        "n_large_series": int(big.size),
        "all_series_range_pct": (float(every.min()), float(every.max())),
        "hearing_range_in_200": (N_OPERATIONS * lo, N_OPERATIONS * hi),
        "unnecessary_at_1_month_pct": 100 * reop.unnecessary_share,
        "unnecessary_at_1_year_pct": 100 * mvd.reoperation_outlook(365.25).unnecessary_share,
    }


def _number(value):
    if isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _pct_part(name, answer, want, when, exp) -> Part:
    x = _number(answer)
    if x is None:
        return Part(name, False, "type a percentage as a number, such as 50 (not 0.5 and not in quotes).")
    if 0 < x <= 1 and want > 5:
        return Part(name, False, f"{x:g} looks like a fraction; the answer is a percentage (multiply by 100).")
    if close_enough(x, want, rel=0.0, abs_=READ_TOLERANCE_PCT):
        return Part(
            name,
            True,
            f"right: about {want:.0f}% are spasm-free {when} in the model (green dashed curve), calibrated to "
            "the middle of the series [TC]: a typical cohort, not her personal chance.",
        )
    fitted = 100 * mvd.spasm_free_share(
        MONTH_DAYS * (1 if "1 month" in when else 12),
        eventual_cure=1.0,
        immediate_share=mvd.SLOW_COHORT_IMMEDIATE_SHARE,
    )
    if close_enough(x, fitted, rel=0.0, abs_=READ_TOLERANCE_PCT):
        return Part(
            name,
            False,
            "that is the blue curve, fitted to the slowest cohort, in which everybody was eventually cured. "
            "Read the green dashed curve (the course model, with failures and recurrences).",
        )
    side = "too high" if x > want else "too low"
    return Part(
        name,
        False,
        f"{side}: read the green dashed curve of Figure 8.4 at its open circle {when} (or call mvd.cure_course()).",
    )


def _check_range(answer, exp) -> Part:
    name = "large_series_range_pct"
    lo, hi = exp["large_series_range_pct"]
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return Part(name, False, "give two numbers in brackets, lowest first, such as (80, 90).")
    a, b = (_number(v) for v in answer)
    if a is None or b is None:
        return Part(name, False, "both values must be numbers (percentages).")
    if a > b:
        a, b = b, a
    if close_enough(a, lo, abs_=0.6, rel=0.0) and close_enough(b, hi, abs_=0.6, rel=0.0):
        return Part(
            name,
            True,
            f"right: the {exp['n_large_series']} sources (series and a review) of at least {LARGE_SERIES_N:,} "
            f"patients report "
            f"{lo:g}-{hi:g}%. All series together spread much more ({exp['all_series_range_pct'][0]:g}-"
            f"{exp['all_series_range_pct'][1]:g}%), through stricter definitions, fixed or very long time "
            "points and small numbers.",
        )
    if a < lo - 0.6:
        return Part(
            name,
            False,
            f"your lowest value comes from a smaller series. Keep only the dots with n ≥ {LARGE_SERIES_N:,} in "
            "Figure 8.2.",
        )
    return Part(name, False, f"look again at the dots with n ≥ {LARGE_SERIES_N:,} in Figure 8.2: lowest and highest.")


def _check_hearing(answer, exp) -> Part:
    name = "hearing_losses_in_200"
    want = exp["hearing_losses_in_200"]
    lo, hi = exp["hearing_range_in_200"]
    x = _number(answer)
    if x is None:
        return Part(name, False, "type a number of patients, such as 3.")
    if close_enough(x, want, rel=0.0, abs_=0.5):
        return Part(
            name,
            True,
            f"right: 200 x {want / N_OPERATIONS:.1%} = {want:g} patients with the model's rate [TC]. Across series "
            f"the rate would give {lo:.0f} to {hi:.0f}: the model sits near the large modern series.",
        )
    if close_enough(x, 100 * want / N_OPERATIONS, rel=0.0, abs_=0.01):
        return Part(name, False, "that is the rate per 100. Multiply the rate by 200 operations.")
    if x > 4 * want:
        return Part(
            name,
            False,
            "that counts transient hearing loss too, or uses an outlying series. Use the model's permanent rate.",
        )
    return Part(name, False, "multiply the model's permanent hearing-loss rate (mvd.complication_probability) by 200.")


def _check_decision(answer, exp) -> Part:
    name = "decision_at_1_month"
    text = answer.strip().lower() if isinstance(answer, str) else None
    if text not in ("wait", "reoperate"):
        return Part(name, False, 'type "wait" or "reoperate", in quotes.')
    if text == "wait":
        return Part(
            name,
            True,
            f"right: in the model about {exp['unnecessary_at_1_month_pct']:.0f}% of those still twitching after a "
            f"month would clear on their own, against {exp['unnecessary_at_1_year_pct']:.0f}% after a year. Surgeons "
            "differ on when to reoperate (a week [S36:A], 30 days [S12:A], many months [S151:A]); an LSR that "
            "persists after surgery points to a missed vessel [S81:A].",
        )
    return Part(
        name,
        False,
        "most patients still twitching after a month are delayed cures, not failures (Figure 8.5), and a second "
        "operation carries more permanent complications than the first. What do the series advise?",
    )


def check(**answers) -> Feedback:
    """Check the chapter 08 exercise; never raises.

    Parameters
    ----------
    at_1_month_pct, at_12_months_pct : float
        Expected share (%) spasm-free 1 and 12 months after MVD (model with failures and recurrences).
    large_series_range_pct : (float, float)
        Lowest and highest long-term success (%) among first-MVD series of at least 1,000 patients.
    hearing_losses_in_200 : float
        Expected number of permanent hearing losses in 200 operations (model rate).
    decision_at_1_month : str
        ``"wait"`` or ``"reoperate"``.

    Returns
    -------
    Feedback
    """
    given = {name: answers.get(name, ...) for name in ANSWERS}
    blanks = blank_names(**given)
    if blanks:
        return Feedback(TITLE, blanks=blanks)
    exp = expected()
    parts = [
        _pct_part("at_1_month_pct", given["at_1_month_pct"], exp["at_1_month_pct"], "1 month after surgery", exp),
        _pct_part(
            "at_12_months_pct", given["at_12_months_pct"], exp["at_12_months_pct"], "12 months after surgery", exp
        ),
        _check_range(given["large_series_range_pct"], exp),
        _check_hearing(given["hearing_losses_in_200"], exp),
        _check_decision(given["decision_at_1_month"], exp),
    ]
    return Feedback(TITLE, parts)
