"""Self-check quizzes: questions stored as data, answers checked in Python.

Each chapter's questions live in ``data/quizzes/<chapter>.json`` (found with
:func:`hfs_edu.data.data_dir`). The file keeps the **author's order** of the
options, with the correct one(s) marked; the widget shows them in a
deterministic shuffled order (:func:`option_order`).

Schema
------
::

    {"chapter": "01_facial_nerve",
     "questions": [
       {"id": "buccal_lesion",                 # unique in the file; seeds the shuffle
        "type": "single",                      # single | multiple | numeric
        "kind": "application",                 # application | recall
        "stem": "Mrs Ortiz ... Which ...?",     # the question (plain text)
        "figure": "1.2",                       # optional: the chapter figure the question reads
        "options": [                           # single/multiple: 2-6 options
          {"text": "...", "correct": true},
          {"text": "...", "correct": false,
           "why": "Why this distractor is wrong (shown when it is chosen)."}],
        "hint": "A nudge, shown after a first wrong answer.",
        "explanation": "The full answer, citing its source with tier [S33:A]."},
       {"id": "...", "type": "numeric", "kind": "application", "stem": "...",
        "answer": 1.4, "tolerance": 0.15, "unit": "ms",
        "hint": "...", "explanation": "... [N7:A]"}]}

Rules checked on load (:func:`load_quiz`; a broken file raises
:class:`hfs_edu.data.DataFileError` naming the file and the question):

* ``id`` (non-empty, unique), ``type``, ``kind``, ``stem``, ``hint`` and
  ``explanation`` are required non-empty strings; no other fields than those
  above are allowed (a typo such as ``"hnit"`` is an error, not ignored);
* ``explanation`` cites at least one key in brackets (``[S33:A]``); every key
  cited anywhere in a question (stem, hint, explanation, ``why``) resolves in
  ``data/bibliography.csv`` and every tier written matches the bibliography's;
* ``single``: 2-6 options, exactly one ``correct``; ``multiple``: 2-6 options,
  at least one ``correct``; each option is ``{"text", "correct", "why"?}`` with
  distinct, non-empty texts; ``why`` is only for wrong options;
* ``numeric``: a finite ``answer``, a ``tolerance`` > 0 and a ``unit`` string;
  no ``options``.

Feedback (:func:`check_answer`): a right answer shows the explanation; a first
wrong answer shows why the chosen distractor is wrong (its ``why``) and the
question's hint, and lets the student try again; the answer and explanation are
revealed at the second wrong try, or on request (:func:`reveal`). The widget
(:class:`hfs_edu.widgets.quiz.QuizView`) only displays this feedback, so the
logic is tested without a browser.
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
import random
from dataclasses import dataclass
from pathlib import Path

from ._params import choice, integer, text, validated
from .citations import find_citations
from .data import DataFileError, bibliography, data_dir

__all__ = [
    "KINDS",
    "QUESTION_TYPES",
    "Feedback",
    "answer_text",
    "check_answer",
    "citation_keys",
    "correct_options",
    "list_quizzes",
    "load_quiz",
    "load_student_quiz",
    "option_order",
    "reveal",
    "student_quiz",
]

QUESTION_TYPES = ("single", "multiple", "numeric")
KINDS = ("application", "recall")
#: Attempts before a wrong answer reveals the right one.
ATTEMPTS_BEFORE_REVEAL = 2
MAX_OPTIONS = 6

_REQUIRED = ("id", "type", "kind", "stem", "hint", "explanation")
_ALLOWED = {
    "single": {*_REQUIRED, "options", "figure"},
    "multiple": {*_REQUIRED, "options", "figure"},
    "numeric": {*_REQUIRED, "answer", "tolerance", "unit", "figure"},
}


@dataclass(frozen=True)
class Feedback:
    """Result of checking one answer.

    ``correct``: the answer is right. ``revealed``: the message gives the right
    answer (a right answer, or the last wrong try). ``message``: plain text to show.
    """

    correct: bool
    message: str
    revealed: bool = True


# ---------------------------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------------------------
def _nonempty_str(x) -> bool:
    return isinstance(x, str) and bool(x.strip())


def _citation_problems(field_name: str, text: str, tiers: dict) -> list[str]:
    """Keys cited in ``text`` that do not resolve, or whose tier differs from the bibliography's."""
    problems = []
    for key, tier in find_citations(text):
        if key not in tiers:
            problems.append(f"{field_name} cites {key}, which is not in data/bibliography.csv")
        elif tier is not None and tier != tiers[key]:
            problems.append(f"{field_name} gives {key} tier {tier}; the bibliography says {tiers[key]}")
    return problems


def _schema_problems(q) -> list[str]:
    """Everything wrong with one question dict (empty list: well formed)."""
    if not isinstance(q, dict):
        return [f"must be a dict, got {type(q).__name__}"]
    problems = []
    for f in _REQUIRED:
        if not _nonempty_str(q.get(f)):
            problems.append(f"needs a non-empty string '{f}'")
    kind_of_q = q.get("type")
    if kind_of_q not in QUESTION_TYPES:
        return problems + [f"has type {kind_of_q!r}; allowed: {', '.join(QUESTION_TYPES)}"]
    if q.get("kind") not in KINDS and _nonempty_str(q.get("kind")):
        problems.append(f"has kind {q.get('kind')!r}; allowed: {', '.join(KINDS)}")
    extra = sorted(set(q) - _ALLOWED[kind_of_q])
    if extra:
        problems.append(f"has unknown field(s) {extra}; allowed: {sorted(_ALLOWED[kind_of_q])}")
    if "figure" in q and not _nonempty_str(q["figure"]):
        problems.append("'figure' must be a non-empty string such as \"3.6\"")
    explanation = q.get("explanation")
    if _nonempty_str(explanation) and not find_citations(explanation):
        problems.append("'explanation' must cite at least one source key, e.g. [S33:A]")
    texts_with_keys = [(f, q.get(f)) for f in ("explanation", "hint", "stem")]
    texts_with_keys += [
        (f"option {k + 1} 'why'", o.get("why")) for k, o in enumerate(q.get("options") or []) if isinstance(o, dict)
    ]
    bib = bibliography()
    tiers = {str(k): str(t) for k, t in zip(bib.index, bib["tier"])}
    for field_name, value in texts_with_keys:
        if isinstance(value, str):
            problems += _citation_problems(field_name, value, tiers)
    if kind_of_q == "numeric":
        ans, tol = q.get("answer"), q.get("tolerance")
        if isinstance(ans, bool) or not isinstance(ans, numbers.Real) or not math.isfinite(ans):
            problems.append("a numeric question needs a finite number 'answer'")
        if isinstance(tol, bool) or not isinstance(tol, numbers.Real) or not math.isfinite(tol) or tol <= 0:
            problems.append("a numeric question needs a 'tolerance' > 0")
        if not isinstance(q.get("unit"), str):
            problems.append("a numeric question needs a 'unit' string (\"\" if it has none)")
        return problems
    opts = q.get("options")
    if not isinstance(opts, list) or not 2 <= len(opts) <= MAX_OPTIONS:
        return problems + [f"needs a list of 2-{MAX_OPTIONS} 'options'"]
    texts = []
    for k, o in enumerate(opts):
        where = f"option {k + 1}"
        if not isinstance(o, dict):
            problems.append(f'{where} must be a dict {{"text", "correct", "why"?}}')
            continue
        if set(o) - {"text", "correct", "why"}:
            problems.append(f"{where} has unknown field(s) {sorted(set(o) - {'text', 'correct', 'why'})}")
        if not _nonempty_str(o.get("text")):
            problems.append(f"{where} needs a non-empty 'text'")
        texts.append(str(o.get("text", "")).strip().casefold())
        if not isinstance(o.get("correct"), bool):
            problems.append(f"{where} needs 'correct': true or false")
        if "why" in o and (not _nonempty_str(o["why"]) or o.get("correct") is True):
            problems.append(f"{where}: 'why' is a non-empty note for a wrong option only")
    if len(set(texts)) != len(texts):
        problems.append("option texts must be distinct")
    n_right = sum(1 for o in opts if isinstance(o, dict) and o.get("correct") is True)
    if kind_of_q == "single" and n_right != 1:
        problems.append(f"a single-choice question has exactly one correct option (found {n_right})")
    if kind_of_q == "multiple" and n_right < 1:
        problems.append("a multiple-choice question needs at least one correct option")
    return problems


def _check_question(question) -> dict:
    """Validate a question passed to a public function (TypeError/ValueError naming ``question``)."""
    if not isinstance(question, dict):
        raise TypeError(f"question must be a question dict from load_quiz(), got {type(question).__name__}")
    problems = _schema_problems(question)
    if problems:
        raise ValueError(f"question={str(question.get('id', '?'))!r} is malformed: " + "; ".join(problems))
    return question


def _problem(path: Path, text: str) -> DataFileError:
    rel = f"data/quizzes/{path.name}"
    return DataFileError(f"quiz file {rel}: {text}. Restore it with `git checkout -- {rel}`.")


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------
def _quiz_dir() -> Path:
    return data_dir() / "quizzes"


def list_quizzes() -> list[str]:
    """Return the chapter names that have a quiz file, sorted."""
    return sorted(p.stem for p in _quiz_dir().glob("*.json"))


@validated(chapter=choice(lambda: list_quizzes(), doc='A chapter with a quiz file, e.g. "01_facial_nerve".'))
def load_quiz(chapter: str) -> list[dict]:
    """Return the validated list of questions of ``chapter`` (e.g. ``"01_facial_nerve"``).

    Parameters
    ----------
    chapter : str
        A chapter with a quiz file; allowed: the names :func:`list_quizzes` returns.

    Raises
    ------
    ValueError
        If no quiz exists for ``chapter`` (the message lists those that do).
    DataFileError
        If the quiz file is malformed (names the file, the question and the problem).
    """
    path = _quiz_dir() / f"{chapter}.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _problem(path, f"not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("chapter") != chapter:
        raise _problem(path, f"must be an object whose 'chapter' is {chapter!r}")
    questions = doc.get("questions")
    if not isinstance(questions, list) or not questions:
        raise _problem(path, "has no 'questions' list")
    ids = [q.get("id") if isinstance(q, dict) else None for q in questions]
    if len(set(map(str, ids))) != len(ids):
        raise _problem(path, "question ids are not unique")
    for i, q in enumerate(questions):
        problems = _schema_problems(q)
        if problems:
            qid = q.get("id", "?") if isinstance(q, dict) else "?"
            raise _problem(path, f"question {i + 1} ({qid}) " + "; ".join(problems))
    return questions


# ---------------------------------------------------------------------------------------------
# Order, answers and feedback
# ---------------------------------------------------------------------------------------------
@validated(chapter=text(doc="The chapter the question belongs to (part of the seed)."))
def option_order(question: dict, chapter: str) -> list[int]:
    """Return the author's option indices in the order the widget shows them.

    The order is a shuffle seeded by ``chapter`` and the question's ``id`` (SHA-256,
    not Python's salted ``hash``), so it is the same on every run and machine, and
    the correct option is not always where the author wrote it. Numeric questions
    have no options: ``[]``.

    Parameters
    ----------
    question : dict
        One question as returned by :func:`load_quiz`.
    chapter : str
        The chapter the question belongs to (part of the seed).
    """
    _check_question(question)
    if question["type"] == "numeric":
        return []
    seed = int.from_bytes(hashlib.sha256(f"{chapter}/{question['id']}".encode()).digest()[:8], "big")
    order = list(range(len(question["options"])))
    random.Random(seed).shuffle(order)
    return order


def correct_options(question: dict) -> list[int]:
    """Return the author's indices of the correct options (``[]`` for a numeric question)."""
    _check_question(question)
    if question["type"] == "numeric":
        return []
    return [k for k, o in enumerate(question["options"]) if o["correct"]]


def answer_text(question: dict) -> str:
    """Return the right answer in words: the correct option(s), or the number with unit and tolerance."""
    _check_question(question)
    if question["type"] == "numeric":
        unit = f" {question['unit']}" if question["unit"] else ""
        return f"{question['answer']:g}{unit} (± {question['tolerance']:g})"
    return "; ".join(question["options"][k]["text"] for k in correct_options(question))


def citation_keys(question: dict) -> list[str]:
    """Return the distinct source keys the question's explanation cites, in order."""
    _check_question(question)
    return list(dict.fromkeys(key for key, _tier in find_citations(question["explanation"])))


def reveal(question: dict) -> str:
    """Return the text shown on "Show answer": the right answer and the explanation."""
    return f"The answer: {answer_text(question)}. {question['explanation'].strip()}"


def _response(question: dict, response):
    """Validate ``response`` for ``question``; return a float (numeric) or a sorted list of indices."""
    kind = question["type"]
    if kind == "numeric":
        if isinstance(response, bool) or not isinstance(response, numbers.Real):
            raise TypeError(
                f"response must be a number for a numeric question, got {type(response).__name__} {response!r:.40}"
            )
        if not math.isfinite(response):
            raise ValueError(f"response={response!r} must be a finite number")
        return float(response)
    n = len(question["options"])
    if kind == "single":
        if isinstance(response, bool) or not isinstance(response, numbers.Integral):
            raise TypeError(
                f"response must be one option index (int) for a single-choice question, got "
                f"{type(response).__name__} {response!r:.40}"
            )
        chosen = [int(response)]
    else:
        if isinstance(response, (str, bytes, dict)) or not hasattr(response, "__iter__"):
            raise TypeError(
                f"response must be a list of option indices for a multiple-choice question, got "
                f"{type(response).__name__} {response!r:.40}"
            )
        chosen = list(response)
        if not all(isinstance(i, numbers.Integral) and not isinstance(i, bool) for i in chosen):
            raise TypeError(f"response={response!r:.60} must contain option indices (int) only")
        if not chosen:
            raise ValueError("response=[] chooses no option; choose at least one")
    if not all(0 <= i < n for i in chosen):
        raise ValueError(f"response={response!r:.60} must use option indices 0 <= i < {n} (the author's order)")
    if len(set(chosen)) != len(chosen):
        raise ValueError(f"response={response!r:.60} repeats an option")
    return sorted(int(i) for i in chosen)


@validated(attempt=integer(1, 100, doc="Which try this is."))
def check_answer(question: dict, response: list[int] | float, attempt: int = 1) -> Feedback:
    """Check a student's ``response`` to ``question`` and return :class:`Feedback`.

    Parameters
    ----------
    question : dict
        One question as returned by :func:`load_quiz` (validated again here).
    response : int, list of int, or float
        ``single``: the chosen option's index in the author's order (as in the
        JSON, not the shuffled display); ``multiple``: a non-empty list of such
        indices; ``numeric``: the number typed, in the question's unit.
    attempt : int, default 1
        Which try this is, 1-100. A wrong answer at ``attempt`` 1 gives the
        distractor's note and the hint; from attempt 2 on it reveals the answer.

    Raises
    ------
    TypeError, ValueError
        For a malformed question, a response of the wrong type (``None``, a
        string, a bool) or out of range (NaN, an unknown index), or a bad ``attempt``.
    """
    _check_question(question)
    chosen = _response(question, response)
    kind = question["type"]
    notes: list[str] = []
    if kind == "numeric":
        diff = chosen - float(question["answer"])
        correct = abs(diff) <= float(question["tolerance"])
        if not correct:
            notes.append("Your number is too high." if diff > 0 else "Your number is too low.")
    else:
        right = correct_options(question)
        correct = chosen == right
        for k in chosen:
            why = question["options"][k].get("why")
            if k not in right and why:
                notes.append(f"“{question['options'][k]['text']}”: {why.strip()}")
        if kind == "multiple" and not correct:
            missed = len(set(right) - set(chosen))
            if missed:
                notes.append(f"You left out {missed} correct option{'s' if missed > 1 else ''}.")
    if correct:
        return Feedback(True, f"Correct. {question['explanation'].strip()}", True)
    head = " ".join(["Not quite.", *notes])
    if attempt < ATTEMPTS_BEFORE_REVEAL:
        return Feedback(False, f"{head} Hint: {question['hint'].strip()} Try again.", False)
    return Feedback(False, f"{head} {reveal(question)}", True)


# ---------------------------------------------------------------------------------------------
# Student edition: the questions without their keys
# ---------------------------------------------------------------------------------------------
#: Fields a student-edition quiz file must not carry (they give the answer away).
KEY_FIELDS = ("correct", "why", "answer", "tolerance", "explanation")
_STUDENT_FIELDS = ("id", "type", "kind", "stem", "figure", "hint", "unit")


def student_quiz(chapter: str) -> dict:
    """Return ``chapter``'s quiz without its answer key, for the student edition (``make student``).

    Kept: each question's id, type, kind, stem, figure, hint and unit, and the option **texts in
    the order the quiz widget shows them** (:func:`option_order`), so the author's order (which
    might hint at the answer) is not kept either. Dropped: which option is correct, the notes on
    wrong options, the numeric answer and tolerance, and the explanation (fields
    :data:`KEY_FIELDS`). The result is what ``build/student/quizzes/<chapter>.json`` holds.
    """
    out = []
    for q in load_quiz(chapter):
        s = {k: q[k] for k in _STUDENT_FIELDS if k in q}
        if q["type"] != "numeric":
            s["options"] = [q["options"][k]["text"] for k in option_order(q, chapter)]
        out.append(s)
    return {"chapter": chapter, "edition": "student", "questions": out}


def load_student_quiz(path) -> dict:
    """Read a student-edition quiz file written by ``make student``; refuse one that carries a key.

    Parameters
    ----------
    path : str or pathlib.Path
        The ``quizzes/<chapter>.json`` file beside the student notebooks.

    Raises
    ------
    TypeError
        If ``path`` is not a str or Path.
    DataFileError
        If the file is missing, not JSON, not a student edition, or has a key field.
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path must be a str or pathlib.Path, got {type(path).__name__}")
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(f"student quiz {p}: cannot be read ({exc}). Rebuild it with `make student`.") from None
    if not isinstance(doc, dict) or doc.get("edition") != "student" or not isinstance(doc.get("questions"), list):
        raise DataFileError(f"student quiz {p}: not a student-edition quiz file. Rebuild it with `make student`.")
    for q in doc["questions"]:
        leaked = sorted(set(q) & set(KEY_FIELDS)) if isinstance(q, dict) else ["(not a dict)"]
        if leaked:
            raise DataFileError(f"student quiz {p}: question {q.get('id', '?')} carries key field(s) {leaked}")
    return doc
