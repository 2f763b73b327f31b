"""Checker for the chapter 09 exercise: Mrs Ortiz's plans compared over the same possible futures.

The student reads the five plans of :func:`hfs_edu.models.virtual_patient.compare_strategies`
for Mrs Ortiz over the same 20 possible futures (3 years): the plan with most good-control months
on average, how many months that is, botulinum toxin against the operation (botulinum minus MVD,
in months) and the risk of permanent harm (in %) taken with MVD. Every expected value is computed
here from the model, never typed in.
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
MONTHS_TOLERANCE = 0.3  # months: the table shows one decimal; tighter than the gap between plans
RISK_TOLERANCE_PCT = 0.2

TITLE = "Exercise 09 · Mrs Ortiz: toxin or operation, over the same possible futures"
ANSWERS = ("best_plan", "best_months", "botulinum_minus_mvd", "mvd_risk_pct")


@lru_cache(maxsize=1)
def _table():
    return compare_strategies(PATIENT, years=YEARS, seed=SEED, futures=FUTURES)


def expected() -> dict:
    """The answers computed from the model (used by :func:`check` and by the tests)."""
    t = _table().set_index("strategy")
    g = t["good_control_months"]
    best = str(g.idxmax())
    ranked = g.sort_values(ascending=False)
    return {
        "best_plan": best,
        "best_months": float(g[best]),
        "botulinum_minus_mvd": float(g["botulinum"] - g["MVD"]),
        "mvd_risk_pct": float(100 * t.loc["MVD", "risk_permanent_harm"]),
        # for the feedback messages
        "plans": tuple(t.index),
        "months_by_plan": {k: float(v) for k, v in g.items()},
        "runner_up": str(ranked.index[1]),
        "runner_up_gap": float(ranked.iloc[0] - ranked.iloc[1]),
        "best_range": (float(t.loc[best, "good_control_months_min"]), float(t.loc[best, "good_control_months_max"])),
        "risk_by_plan": {k: float(100 * v) for k, v in t["risk_permanent_harm"].items()},
        "injections_by_plan": {k: float(v) for k, v in t["injections"].items()},
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
        inj = exp["injections_by_plan"][got]
        return Part(
            "best_plan",
            True,
            f"right. The runner-up, {exp['runner_up']}, is {exp['runner_up_gap']:.1f} months behind on average, "
            f"while one future differs from another by up to {exp['best_range'][1] - exp['best_range'][0]:.0f} months"
            + (f"; the best plan needs about {inj:.0f} injections." if inj else "."),
        )
    return Part(
        "best_plan",
        False,
        "read the column of mean good-control months (not the best single future, and not the fewest "
        "side effects); which row has the largest mean?",
    )


def _other_row(answer, exp, exclude) -> str | None:
    for plan, months in exp["months_by_plan"].items():
        if plan != exclude and close_enough(answer, months, rel=0.0, abs_=MONTHS_TOLERANCE):
            return plan
    return None


def check(**answers: object) -> Feedback:
    """Check the chapter 09 exercise (answers as in the exercise cell)."""
    answers = {k: answers.get(k, ...) for k in ANSWERS}
    blanks = blank_names(**answers)
    if blanks:
        return Feedback(TITLE, blanks=blanks)
    exp = expected()
    parts = [_check_plan(answers["best_plan"], exp)]
    got = answers["best_months"]
    if close_enough(got, exp["best_months"], rel=0.0, abs_=MONTHS_TOLERANCE):
        parts.append(Part("best_months", True, f"right: about {exp['best_months']:.1f} of 36 months."))
    else:
        other = _other_row(got, exp, exp["best_plan"])
        hint = (
            f"that is the {other} row's mean; the answer is the mean of the plan with the largest mean "
            "(check part 1 first)."
            if other
            else "the mean over the 20 futures of the plan with the largest mean (check part 1 first), in "
            "the good-control column (months, out of 36)."
        )
        parts.append(Part("best_months", False, hint))
    diff, want = answers["botulinum_minus_mvd"], exp["botulinum_minus_mvd"]
    if close_enough(diff, want, rel=0.0, abs_=MONTHS_TOLERANCE):
        parts.append(
            Part(
                "botulinum_minus_mvd",
                True,
                f"right: {want:+.1f} months. On average the two differ by less than the spread between one "
                "possible future and another; what happens to her varies far more than that.",
            )
        )
    elif close_enough(diff, -want, rel=0.0, abs_=MONTHS_TOLERANCE):
        parts.append(Part("botulinum_minus_mvd", False, "the sign: botulinum minus MVD, not MVD minus botulinum."))
    else:
        parts.append(
            Part(
                "botulinum_minus_mvd",
                False,
                "subtract the MVD row's mean good-control months from the botulinum row's (botulinum minus MVD).",
            )
        )
    risk = answers["mvd_risk_pct"]
    if close_enough(risk, exp["mvd_risk_pct"], rel=0.0, abs_=RISK_TOLERANCE_PCT):
        parts.append(
            Part(
                "mvd_risk_pct",
                True,
                f"right: {exp['mvd_risk_pct']:.1f}% is the model's chance of a permanent complication of one "
                "operation, taken on the day of the choice whatever the future brings.",
            )
        )
    elif close_enough(risk, exp["mvd_risk_pct"] / 100, rel=0.0, abs_=RISK_TOLERANCE_PCT / 100):
        parts.append(Part("mvd_risk_pct", False, "give it in percent (3 rather than 0.03)."))
    else:
        parts.append(
            Part(
                "mvd_risk_pct",
                False,
                "use the column 'risk of permanent harm taken (%)' of the MVD row, not the share of the 20 "
                "futures in which harm happened: 20 futures are too few to measure a risk of a few percent.",
            )
        )
    return Feedback(TITLE, parts=parts)
