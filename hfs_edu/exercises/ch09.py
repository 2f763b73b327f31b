"""Checker for the chapter 09 exercise: which plan gives Mrs Ortiz most months of good control, at what risk.

The student compares the five plans of :func:`hfs_edu.models.virtual_patient.compare_strategies`
for Mrs Ortiz over the same 20 possible futures (3 years): the plan with most good-control months
on average, how many months that is, how many more than botulinum toxin alone, and the risk of
permanent harm (in %) taken with it. Every expected value is computed here from the model, never
typed in.
"""

from __future__ import annotations

from functools import lru_cache

from ..models.virtual_patient import compare_strategies
from . import Feedback, Part, blank_names, close_enough

__all__ = ["FUTURES", "PATIENT", "SEED", "YEARS", "check", "expected"]

#: The exercise's comparison (the chapter's Figure 9.3 and its table).
PATIENT = "ortiz"
YEARS = 3.0
FUTURES = 20
SEED = 0
MONTHS_TOLERANCE = 1.0  # months: the figure is read to about a month
RISK_TOLERANCE_PCT = 0.2

TITLE = "Exercise 09 · Mrs Ortiz: most months of good control, and the risk it takes"
ANSWERS = ("best_plan", "best_months", "gap_vs_botulinum", "risk_pct")


@lru_cache(maxsize=1)
def _table():
    return compare_strategies(PATIENT, years=YEARS, seed=SEED, futures=FUTURES)


def expected() -> dict:
    """The answers computed from the model (used by :func:`check` and by the tests)."""
    t = _table().set_index("strategy")
    best = str(t["good_control_months"].idxmax())
    ranked = t["good_control_months"].sort_values(ascending=False)
    return {
        "best_plan": best,
        "best_months": float(t.loc[best, "good_control_months"]),
        "gap_vs_botulinum": float(t.loc[best, "good_control_months"] - t.loc["botulinum", "good_control_months"]),
        "risk_pct": float(100 * t.loc[best, "risk_permanent_harm"]),
        # for the feedback messages
        "plans": tuple(t.index),
        "runner_up": str(ranked.index[1]),
        "runner_up_gap": float(ranked.iloc[0] - ranked.iloc[1]),
        "best_range": (float(t.loc[best, "good_control_months_min"]), float(t.loc[best, "good_control_months_max"])),
        "risk_by_plan": {k: float(100 * v) for k, v in t["risk_permanent_harm"].items()},
    }


def _norm(text) -> str | None:
    if not isinstance(text, str):
        return None
    return " ".join(text.strip().lower().replace("→", "->").split())


def _check_plan(answer, exp) -> Part:
    plans = {_norm(p): p for p in exp["plans"]}
    got = plans.get(_norm(answer))
    if got is None:
        return Part("best_plan", False, 'type one plan exactly as the table names it, e.g. "botulinum", in quotes.')
    if got == exp["best_plan"]:
        return Part(
            "best_plan",
            True,
            f"right. The runner-up, {exp['runner_up']}, is only {exp['runner_up_gap']:.1f} months behind: "
            "a smaller difference than the spread between possible futures.",
        )
    return Part(
        "best_plan",
        False,
        "read the column of mean good-control months (not the best single future, and not the fewest "
        "side effects); which row has the largest mean?",
    )


def _check_months(name, answer, want, hint) -> Part:
    if close_enough(answer, want, rel=0.0, abs_=MONTHS_TOLERANCE):
        return Part(name, True, f"right: about {want:.1f} months.")
    return Part(name, False, hint)


def check(**answers: object) -> Feedback:
    """Check the chapter 09 exercise (answers as in the exercise cell)."""
    answers = {k: answers.get(k, ...) for k in ANSWERS}
    blanks = blank_names(**answers)
    if blanks:
        return Feedback(TITLE, blanks=blanks)
    exp = expected()
    parts = [
        _check_plan(answers["best_plan"], exp),
        _check_months(
            "best_months",
            answers["best_months"],
            exp["best_months"],
            "the mean over the 20 futures of the plan you chose, in the table's good-control column "
            "(months, out of 36).",
        ),
        _check_months(
            "gap_vs_botulinum",
            answers["gap_vs_botulinum"],
            exp["gap_vs_botulinum"],
            "subtract the botulinum row's mean good-control months from the best plan's (best minus botulinum).",
        ),
    ]
    risk = answers["risk_pct"]
    if close_enough(risk, exp["risk_pct"], rel=0.0, abs_=RISK_TOLERANCE_PCT):
        parts.append(
            Part(
                "risk_pct",
                True,
                f"right: {exp['risk_pct']:.1f}% is the model's chance of a permanent complication of one "
                "operation, taken on the day of the choice whatever the future brings.",
            )
        )
    elif close_enough(risk, exp["risk_pct"] / 100, rel=0.0, abs_=RISK_TOLERANCE_PCT / 100):
        parts.append(Part("risk_pct", False, "give it in percent (3 rather than 0.03)."))
    else:
        parts.append(
            Part(
                "risk_pct",
                False,
                "use the column risk_permanent_harm_pct (the risk taken), not the share of the 20 futures in "
                "which harm happened: 20 futures are too few to measure a risk of a few percent.",
            )
        )
    return Feedback(TITLE, parts=parts)
