"""Checker for the chapter 03 exercise: Mrs Ortiz's lateral spread response.

The student (in the model, Mrs Ortiz's nerve has demyelination 0.80 [TC]) predicts the
latency range of her LSR, reads its onset at compression 0.70, finds the lowest compression
that still gives a response, and says what happens when the vessel is moved away. Every
expected value is computed here from :mod:`hfs_edu.models.crosstalk`, never typed in, so the
checker follows the model if its calibration changes.
"""

from __future__ import annotations

import math

from ..models.crosstalk import lateral_spread_response
from . import Feedback, Part, check_answers, close_enough

__all__ = ["COMPRESSION", "COMPRESSION_STEP", "DEMYELINATION", "RANGES_MS", "check", "expected"]

#: The exercise's lesion (Mrs Ortiz in the model [TC]) and montage.
DEMYELINATION = 0.8
COMPRESSION = 0.7
COMPRESSION_STEP = 0.05
STIMULATE = "zygomatic"
RECORD = "mentalis"
#: The three latency ranges the student chooses from (labels of the exercise, not data).
RANGES_MS = {"1-2 ms": (1.0, 2.0), "8-12 ms": (8.0, 12.0), "30-50 ms": (30.0, 50.0)}
#: How far a latency read from the view may be from the model's onset (the view prints 0.1 ms).
LATENCY_TOLERANCE_MS = 0.3

TITLE = "Exercise 03 · Mrs Ortiz's lateral spread response"
ANSWERS = ("predicted_range", "latency_ms", "lowest_compression", "after_decompression")


def _lsr(compression: float):
    return lateral_spread_response(DEMYELINATION, compression, STIMULATE, RECORD)


def _steps() -> list[float]:
    n = round(1.0 / COMPRESSION_STEP)
    return [round(k * COMPRESSION_STEP, 2) for k in range(n + 1)]


def _range_of(latency_ms: float) -> str:
    """The answer range that contains ``latency_ms`` (the nearest one if none does)."""

    def distance(bounds):
        lo, hi = bounds
        return 0.0 if lo <= latency_ms <= hi else min(abs(latency_ms - lo), abs(latency_ms - hi))

    return min(RANGES_MS, key=lambda label: distance(RANGES_MS[label]))


def expected() -> dict:
    """The answers computed from the model (used by :func:`check` and by the tests)."""
    at_default = _lsr(COMPRESSION)
    present = [c for c in _steps() if _lsr(c).present]
    lowest = min(present) if present else math.nan
    at_lowest = _lsr(lowest) if present else None
    return {
        "predicted_range": _range_of(at_default.latency_ms),
        "latency_ms": float(at_default.latency_ms),
        "lowest_compression": lowest,
        "after_decompression": "present" if _lsr(0.0).present else "absent",
        # for the feedback messages
        "direct_latency_ms": float(at_default.direct_latency_ms),
        "units_at_default": int(at_default.n_units),
        "units_at_lowest": int(at_lowest.n_units) if at_lowest else 0,
        "latency_at_lowest_ms": float(at_lowest.latency_ms) if at_lowest else math.nan,
    }


def _number(value):
    """``value`` as a float, or None if it is not a finite number."""
    if isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _norm_text(value) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().lower().replace("–", "-").replace("—", "-").replace(" ", "")
    return text.removesuffix("ms")


def _check_range(answer, exp) -> Part:
    name = "predicted_range"
    want = exp["predicted_range"]
    text = _norm_text(answer)
    labels = {_norm_text(k): k for k in RANGES_MS}
    if text not in labels:
        return Part(name, False, 'type one of "1-2 ms", "8-12 ms" or "30-50 ms", in quotes.')
    got = labels[text]
    if got == want:
        return Part(
            name,
            True,
            "right: the response needs a round trip towards the brainstem, up the "
            "stimulated fibres and down another branch's fibres. The switch between "
            "branches is either a ~1 ms crossing at the root exit zone (peripheral "
            "reading) or a relay through the facial nucleus (central reading); both "
            "give 8-12 ms. The model has only the peripheral route (section 8).",
        )
    if RANGES_MS[got][1] < RANGES_MS[want][0]:
        return Part(
            name,
            False,
            f"{got} is about the direct response of the stimulated branch's own "
            "muscle, which is close to the stimulus. Think of the detour: where must the impulse go to "
            "reach another branch's fibres, at the root exit zone or in the nucleus? (Sections 6 and 8.)",
        )
    return Part(
        name,
        False,
        "too long for a round trip of nerve conduction, whether the switch happens at "
        "the root exit zone or in the nucleus: it would need a much slower route. Add "
        "up the legs in Figure 3.7.",
    )


def _check_latency(answer, exp) -> Part:
    name = "latency_ms"
    want = exp["latency_ms"]
    x = _number(answer)
    if x is None:
        return Part(name, False, "type a number of milliseconds, such as 7.5 (no quotes, no unit).")
    if close_enough(x, want, rel=0.0, abs_=LATENCY_TOLERANCE_MS):
        return Part(
            name,
            True,
            f"right: the model answers at {want:.1f} ms, with "
            f"{exp['units_at_default']} motor units. Compare it with the patients' "
            "values in section 6.",
        )
    if x <= exp["direct_latency_ms"] + 1.0:
        return Part(
            name,
            False,
            "that is the direct response in the upper trace. The lateral spread is "
            "the response in the lower trace (mentalis).",
        )
    low, high = RANGES_MS["8-12 ms"]
    if low <= x <= high:
        return Part(
            name,
            False,
            "a good guess, inside the typical window, but read the value: set "
            "demyelination 0.80 and compression 0.70, and take the onset from the "
            "text under the figure.",
        )
    return Part(
        name,
        False,
        "not what the view shows at demyelination 0.80 and compression 0.70 "
        "(zygomatic → mentalis). Check the three settings and read the onset again.",
    )


def _check_lowest(answer, exp) -> Part:
    name = "lowest_compression"
    want = exp["lowest_compression"]
    x = _number(answer)
    if x is None:
        return Part(name, False, "type a number between 0 and 1, such as 0.55.")
    if not 0.0 <= x <= 1.0:
        return Part(name, False, "compression runs from 0 (no pressure) to 1 (as hard as the model allows).")
    if close_enough(x, want, rel=0.0, abs_=1e-6):
        units = exp["units_at_lowest"]
        return Part(
            name,
            True,
            f"right: at {want:.2f} only {units} motor unit{'s' if units != 1 else ''} "
            f"answer{'' if units != 1 else 's'}, "
            f"and later ({exp['latency_at_lowest_ms']:.1f} ms): a barely sufficient drive "
            "charges the neighbour's membrane slowly.",
        )
    if x < want:
        return Part(
            name,
            False,
            f"at {x:.2f} the lower trace is flat: no response. Move up in steps of 0.05 until the response comes back.",
        )
    return Part(
        name,
        False,
        f"there is still a response below {x:.2f}. Keep lowering the compression in "
        "steps of 0.05 until the lower trace goes flat; the answer is the last value "
        "with a response.",
    )


def _check_after(answer, exp) -> Part:
    name = "after_decompression"
    want = exp["after_decompression"]
    text = _norm_text(answer)
    if text not in ("present", "absent"):
        return Part(name, False, 'type the word "present" or "absent", in quotes.')
    if text == want:
        if want == "absent":
            return Part(
                name,
                True,
                "right: moving the vessel removes the crowding at once, so the bare "
                "membranes no longer drive each other to threshold, although the myelin "
                "is as damaged as before.",
            )
        return Part(
            name, True, "right: at this damage the axons are bare enough to cross-talk even without compression."
        )
    return Part(
        name,
        False,
        "press *decompressed* (compression becomes 0) and look at the lower trace "
        "again; section 9 explains what the surgeon sees.",
    )


def check(**answers) -> Feedback:
    """Check the chapter 03 exercise; never raises.

    Parameters
    ----------
    predicted_range : str
        One of ``"1-2 ms"``, ``"8-12 ms"``, ``"30-50 ms"``.
    latency_ms : float
        LSR onset (ms) at demyelination 0.80, compression 0.70, zygomatic -> mentalis.
    lowest_compression : float
        Lowest compression (steps of 0.05) that still gives a response at demyelination 0.80.
    after_decompression : str
        ``"present"`` or ``"absent"``.

    Returns
    -------
    Feedback
        "Still blank" for answers left as ``...`` (or not given); otherwise one part per answer.
    """

    def parts_of(given):
        exp = expected()
        return [
            _check_range(given["predicted_range"], exp),
            _check_latency(given["latency_ms"], exp),
            _check_lowest(given["lowest_compression"], exp),
            _check_after(given["after_decompression"], exp),
        ]

    return check_answers(TITLE, ANSWERS, answers, parts_of)
