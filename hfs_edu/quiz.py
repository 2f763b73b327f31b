"""Self-check quizzes: questions stored as data, answers checked in Python.

Each chapter's questions live in ``data/quizzes/<chapter>.json``::

    {"chapter": "01_facial_nerve",
     "questions": [
       {"id": "q1", "type": "single",            # single | multiple | numeric
        "question": "Which branch ...?",
        "options": ["temporal", "zygomatic", ...],   # single/multiple only
        "answer": [1],                          # option indices (single: exactly one)
        "explanation": "Why, with the source cited [S33:A].",
        "sources": ["S33"]},
       {"id": "q2", "type": "numeric", "question": "...", "answer": 10.0,
        "tolerance": 2.0, "unit": "ms", "explanation": "...", "sources": ["S59"]}]}

:func:`check_answer` returns the feedback a student sees; the widget
(:class:`hfs_edu.widgets.quiz.QuizView`) only displays it, so the feedback
logic is tested without a browser.
"""
from __future__ import annotations

import json
import math
import numbers
from dataclasses import dataclass
from pathlib import Path

from ._validate import check_str
from .citations import find_citations
from .data import DataFileError, data_dir

__all__ = ["Feedback", "load_quiz", "check_answer", "list_quizzes", "QUESTION_TYPES"]

QUESTION_TYPES = ("single", "multiple", "numeric")


@dataclass(frozen=True)
class Feedback:
    """Result of checking one answer: ``correct`` and the message to show."""

    correct: bool
    message: str


def list_quizzes() -> list[str]:
    """Return the chapter names that have a quiz file, sorted."""
    return sorted(p.stem for p in (data_dir() / "quizzes").glob("*.json"))


def _problem(path: Path, text: str) -> DataFileError:
    rel = f"data/quizzes/{path.name}"
    return DataFileError(f"quiz file {rel}: {text}. Restore it with `git checkout -- {rel}`.")


def _validate_question(q: dict, path: Path, index: int) -> None:
    where = f"question {index + 1} ({q.get('id', '?')})"
    for field in ("id", "type", "question", "answer", "explanation", "sources"):
        if field not in q:
            raise _problem(path, f"{where} has no '{field}'")
    if q["type"] not in QUESTION_TYPES:
        raise _problem(path, f"{where} has type {q['type']!r}; allowed: {QUESTION_TYPES}")
    if not q["sources"] or not all(isinstance(s, str) and s for s in q["sources"]):
        raise _problem(path, f"{where} must cite at least one source key")
    if not str(q["explanation"]).strip():
        raise _problem(path, f"{where} has an empty explanation")
    if q["type"] == "numeric":
        ok = isinstance(q["answer"], numbers.Real) and isinstance(q.get("tolerance"), numbers.Real) and q["tolerance"] >= 0
        if not ok:
            raise _problem(path, f"{where}: a numeric question needs a number 'answer' and a 'tolerance' >= 0")
    else:
        opts = q.get("options")
        ans = q["answer"]
        if not isinstance(opts, list) or len(opts) < 2:
            raise _problem(path, f"{where} needs at least two options")
        if (not isinstance(ans, list) or not ans or not all(isinstance(i, int) and 0 <= i < len(opts) for i in ans)
                or len(set(ans)) != len(ans)):
            raise _problem(path, f"{where}: 'answer' must be a list of distinct option indices")
        if q["type"] == "single" and len(ans) != 1:
            raise _problem(path, f"{where}: a single-choice question has exactly one correct option")


def load_quiz(chapter: str) -> list[dict]:
    """Return the validated list of questions of ``chapter`` (e.g. ``"01_facial_nerve"``).

    Raises
    ------
    ValueError
        If no quiz exists for ``chapter`` (the message lists those that do).
    DataFileError
        If the quiz file is malformed (names the file and the question).
    """
    check_str("chapter", chapter)
    available = list_quizzes()
    if chapter not in available:
        raise ValueError(f"chapter={chapter!r} has no quiz; allowed: {', '.join(available) or '(none)'}")
    path = data_dir() / "quizzes" / f"{chapter}.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _problem(path, f"not valid JSON ({exc})") from None
    questions = doc.get("questions") if isinstance(doc, dict) else None
    if not isinstance(questions, list) or not questions:
        raise _problem(path, "has no 'questions' list")
    ids = [q.get("id") for q in questions]
    if len(set(ids)) != len(ids):
        raise _problem(path, "question ids are not unique")
    for i, q in enumerate(questions):
        _validate_question(q, path, i)
    return questions


def _explain(q: dict) -> str:
    text = str(q["explanation"]).strip()
    if not find_citations(text):
        text += " [" + "; ".join(q["sources"]) + "]"
    return text


def check_answer(question: dict, response) -> Feedback:
    """Check a student's ``response`` to ``question`` and return :class:`Feedback`.

    Parameters
    ----------
    question : dict
        One question as returned by :func:`load_quiz`.
    response : int, list of int, or float
        ``single``: the chosen option index; ``multiple``: the chosen indices;
        ``numeric``: the number typed (in the question's unit).
    """
    if not isinstance(question, dict) or question.get("type") not in QUESTION_TYPES:
        raise TypeError(f"question must be a question dict from load_quiz(), got {type(question).__name__} "
                        f"{question!r:.40}")
    kind = question["type"]
    if kind == "numeric":
        if isinstance(response, bool) or not isinstance(response, numbers.Real) or not math.isfinite(response):
            raise ValueError(f"response={response!r} must be a finite number")
        correct = abs(float(response) - float(question["answer"])) <= float(question["tolerance"])
    else:
        n = len(question["options"])
        chosen = [response] if kind == "single" else response
        if isinstance(chosen, (str, bytes)) or not hasattr(chosen, "__iter__"):
            raise TypeError(f"response={response!r} must be an option index (single) or a list of indices (multiple)")
        chosen = list(chosen)
        if not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < n for i in chosen):
            raise ValueError(f"response={response!r} must use option indices 0 <= i < {n}")
        correct = sorted(set(chosen)) == sorted(question["answer"])
    verdict = "Correct." if correct else "Not quite."
    if not correct and kind == "numeric":
        unit = question.get("unit", "")
        verdict += f" The expected answer is {question['answer']:g} {unit} (± {question['tolerance']:g})."
    elif not correct:
        right = "; ".join(str(question["options"][i]) for i in question["answer"])
        verdict += f" The answer: {right}."
    return Feedback(correct, f"{verdict} {_explain(question)}")
