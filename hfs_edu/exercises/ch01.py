"""Chapter 01 exercise: which muscles contract when cross-talk links two branches?

During Mrs Ortiz's operation the surgeon stimulates the **zygomatic** branch;
cross-talk at the root exit zone links its fibres with those of the **marginal
mandibular** branch. The student names

* ``direct``: the muscles that contract because their own branch was stimulated;
* ``via_cross_talk``: the muscles that contract only through the cross-talk;
* ``record_from``: one muscle to record from to prove the cross-talk (a muscle
  supplied *only* by the linked branch).

The expected answers come from :func:`hfs_edu.models.anatomy.cross_talk_muscles`
and :func:`~hfs_edu.models.anatomy.branches_of` (the branch table).
"""

from __future__ import annotations

from ..models import anatomy
from . import Feedback, Part, blank_names

__all__ = ["LINKED", "STIMULATED", "check", "expected"]

#: The branch the surgeon stimulates.
STIMULATED = "zygomatic"
#: The branch linked to it by cross-talk.
LINKED = "marginal mandibular"

_TITLE = "Chapter 01 exercise: zygomatic branch stimulated, linked to the marginal mandibular branch"


def expected() -> dict[str, list[str]]:
    """The expected answers, computed from the branch table."""
    pred = anatomy.cross_talk_muscles(STIMULATED, LINKED)
    only_linked = [m for m in pred["via_cross_talk"] if anatomy.branches_of(m) == [LINKED]]
    return {"direct": pred["direct"], "via_cross_talk": pred["via_cross_talk"], "record_from": only_linked}


def _names(value: object) -> tuple[set[str], list[str]]:
    """Canonical muscle names in ``value`` (a name or a list of names) and the unknown ones."""
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple, set)) else [value]
    known, unknown = set(), []
    for item in items:
        try:
            known.add(anatomy.muscle_info(str(item)).name)
        except (TypeError, ValueError):
            unknown.append(repr(item))
    return known, unknown


def _list_part(name: str, answer: object, target: list[str], other: list[str]) -> Part:
    got, unknown = _names(answer)
    if unknown:
        return Part(
            name,
            False,
            f"not a muscle in the course table: {', '.join(unknown)}. Spell them as in the "
            "face map key, e.g. 'orbicularis oculi'.",
        )
    want = set(target)
    if got == want:
        return Part(name, True, "right: " + ", ".join(target) + ".")
    missing, extra = sorted(want - got), sorted(got - want)
    hints = []
    if missing:
        hints.append(f"{len(missing)} missing")
    if extra:
        wrong_list = set(extra) & set(other)
        hints.append(
            f"{len(extra)} that {'does' if len(extra) == 1 else 'do'} not belong here"
            + (" (they belong in the other list)" if wrong_list else "")
        )
    branch = STIMULATED if name == "direct" else LINKED
    tip = (
        "muscles the stimulated branch supplies itself"
        if name == "direct"
        else "muscles of the linked branch that the stimulated branch does not also supply"
    )
    return Part(name, False, f"{'; '.join(hints)}. Pick '{branch}' in the face map: you want the {tip}.")


def check(direct: object = ..., via_cross_talk: object = ..., record_from: object = ...) -> Feedback:
    """Check the chapter 01 exercise; blanks (``...``) are reported, never an error."""
    blanks = blank_names(direct=direct, via_cross_talk=via_cross_talk, record_from=record_from)
    if blanks:
        return Feedback(_TITLE, blanks=blanks)
    e = expected()
    parts = [
        _list_part("direct", direct, e["direct"], e["via_cross_talk"]),
        _list_part("via_cross_talk", via_cross_talk, e["via_cross_talk"], e["direct"]),
    ]
    got, unknown = _names(record_from)
    if unknown or len(got) != 1:
        parts.append(Part("record_from", False, "name one muscle, spelled as in the face map key."))
    else:
        muscle = next(iter(got))
        supply = anatomy.branches_of(muscle)
        if muscle in e["record_from"]:
            parts.append(
                Part(
                    "record_from",
                    True,
                    f"right: {muscle} is supplied only by the {LINKED} branch, so "
                    "a response there must have crossed between fibres.",
                )
            )
        elif STIMULATED in supply:
            parts.append(
                Part(
                    "record_from",
                    False,
                    f"{muscle} is supplied by the {STIMULATED} branch itself, so "
                    "it contracts anyway and proves nothing.",
                )
            )
        elif LINKED in supply:
            parts.append(
                Part(
                    "record_from",
                    False,
                    f"{muscle} is also supplied by the {' and '.join(supply)} "
                    "branches; choose a muscle that only the linked branch "
                    "supplies.",
                )
            )
        else:
            parts.append(
                Part(
                    "record_from",
                    False,
                    f"{muscle} is not supplied by the {LINKED} branch, so "
                    "cross-talk with it would not reach this muscle.",
                )
            )
    return Feedback(_TITLE, parts=parts)
