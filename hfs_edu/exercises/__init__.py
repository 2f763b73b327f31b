"""Exercise checkers: one module per chapter, one ``check(...)`` per exercise.

A chapter's exercise cell has the imports done and blanks (``...``) to fill;
it ends with ``check(...)``, which

* says which blanks are still empty when the student runs it unchanged (no
  error, no answer given away);
* otherwise compares each answer with the value **computed** from the course
  models and tables (never a typed-in number) and gives feedback per part:
  ✓ right, or ✗ with a hint that points back to the text or the view.

The worked solution calls the same checker, so CI proves that the solution passes.
Chapter modules live beside this file (``ch00.py`` …) and expose ``check``.
"""

from __future__ import annotations

import html
import importlib
import math
from dataclasses import dataclass, field

__all__ = ["Feedback", "Part", "is_blank", "blank_names", "check", "check_answers", "close_enough"]


def is_blank(value: object) -> bool:
    """True if ``value`` is the blank ``...`` (or a list/tuple/dict containing one)."""
    if value is Ellipsis:
        return True
    if isinstance(value, (list, tuple)):
        return any(is_blank(v) for v in value)
    if isinstance(value, dict):
        return any(is_blank(v) for v in value.values())
    return False


def blank_names(**answers: object) -> list[str]:
    """Names of the answers that are still blank."""
    return [name for name, value in answers.items() if is_blank(value)]


def close_enough(answer: object, expected: float, *, rel: float = 0.05, abs_: float = 0.0) -> bool:
    """True if ``answer`` is a finite number within ``rel`` (relative) or ``abs_`` of ``expected``."""
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        try:
            answer = float(answer)  # numpy scalars
        except (TypeError, ValueError):
            return False
    if not math.isfinite(float(answer)):
        return False
    return abs(float(answer) - expected) <= max(abs_, rel * abs(expected))


@dataclass(frozen=True)
class Part:
    """One checked part of an exercise."""

    name: str
    ok: bool
    message: str


@dataclass
class Feedback:
    """What a checker returns; shown as a short list (HTML in Lab, text elsewhere)."""

    title: str
    parts: list[Part] = field(default_factory=list)
    blanks: list[str] = field(default_factory=list)
    collapsed: bool = False

    @property
    def passed(self) -> bool:
        return not self.blanks and bool(self.parts) and all(p.ok for p in self.parts)

    def _lines(self) -> list[str]:
        if self.blanks:
            return [
                f"Still blank: {', '.join(self.blanks)}. Replace each ... with your answer, then run the cell again."
            ]
        lines = [f"{'✓' if p.ok else '✗'} {p.name}: {p.message}" for p in self.parts]
        lines.append(
            "All parts right. Compare your reasoning with the worked solution below."
            if self.passed
            else "Not all parts are right yet: use the hints and try again."
        )
        return lines

    def __repr__(self) -> str:
        return "\n".join([self.title, *self._lines()])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self._lines())
        body = f"<div class='hfs-feedback'><b>{html.escape(self.title)}</b><ul>{items}</ul></div>"
        if not self.collapsed:
            return body
        # The worked solution's result stays folded even after "Run All" (student review 2, U01):
        # JupyterLab shows a re-run cell's output, so the output itself must not give the answer away.
        return (
            "<details class='hfs-solution-result'><summary><b>Result of the worked solution</b> "
            f"(open it after you have tried)</summary>{body}</details>"
        )


def check_answers(title: str, names, answers: dict, parts_of) -> Feedback:
    """The frame of a chapter checker: "Still blank" if any of ``names`` is blank or missing; else the
    parts ``parts_of(given)`` returns, plus one wrong part naming answers the exercise does not ask for.

    ``names`` are the exercise's answer names in order; ``answers`` the student's keyword answers;
    ``parts_of`` maps ``{name: answer}`` to a list of :class:`Part`.
    """
    unknown = sorted(set(answers) - set(names))
    given = {name: answers.get(name, ...) for name in names}
    blanks = blank_names(**given)
    if blanks:
        return Feedback(title, blanks=blanks)
    parts = list(parts_of(given))
    if unknown:
        which = "these" if len(unknown) > 1 else "this"
        parts.append(
            Part(
                ", ".join(unknown),
                False,
                f"this exercise does not ask for {which}; the answers are " + ", ".join(names) + ".",
            )
        )
    return Feedback(title, parts)


def check(chapter: str, *, collapsed: bool = False, **answers: object) -> Feedback:
    """Check the exercise of ``chapter`` (e.g. ``"00"``), dispatching to ``hfs_edu.exercises.chNN``.

    ``collapsed=True`` (used by the worked solutions) folds the feedback into a closed
    ``<details>`` so that running the solution cell does not show its answers.
    """
    if not isinstance(collapsed, bool):
        raise TypeError(f"collapsed must be True or False, got {type(collapsed).__name__} {collapsed!r}")
    if not isinstance(chapter, str):
        raise TypeError(f"chapter must be a string such as '03', got {type(chapter).__name__} {chapter!r}")
    code = chapter[:2]
    if not (len(code) == 2 and code.isdigit()):
        raise ValueError(f"chapter={chapter!r} is not a chapter id; allowed: two digits such as '03'")
    try:
        module = importlib.import_module(f"{__name__}.ch{code}")
    except ModuleNotFoundError:
        raise ValueError(f"chapter={chapter!r} has no exercise checker") from None
    feedback = module.check(**answers)
    feedback.collapsed = collapsed
    return feedback
