"""Chapter pacing: the one formula behind every chapter's "Estimated time" (issue 7 §3).

    minutes = words / 130  +  2 x Try-it questions  +  1 x figures and tables
              +  1 x quiz questions  +  the exercise's stated minutes

computed twice per chapter: the **core path** (every cell *not* tagged ``deeper``; the quiz
and the exercise belong to it) and **going deeper** (the cells tagged ``deeper``; no quiz,
no exercise). The chapter states both as
``**Estimated time:** about N min core path (+M min going deeper)``; without optional
material the bracket may be left out (M = 0). ``tests/test_pacing.py`` holds N and M to
the formula within ±20% (at least ±1 min, for rounding).

How each term is counted, from ``chapters/NN_name.py`` (read with jupytext):

* **words**: in markdown cells, after removing fenced code blocks, inline code
  (`` `...` ``), citation brackets (``[S33:A]``), HTML tags, link targets (the link text is
  kept), and table separator rows (``|---|``); a word is a run of letters or digits (with
  inner ``'``, ``-``, ``.``, ``,``), so "9.76" and "Obersteiner-Redlich" are one word each.
  Code cells, the generated References and disclaimer (not in the chapter file) are not
  counted. 130 words a minute is a reading speed for dense medical text.
* **Try-it questions**: the numbered items (``1. ...``) of the list that follows a
  ``**Questions to explore`` line, in the same cell (a blank line between items is fine;
  the list ends at the first line that is neither an item, its indented continuation, nor
  blank).
* **figures and tables**: ``hfs.show(`` and ``show_table(`` calls in code cells, except
  cells tagged ``exercise`` or ``solution`` (views are paced by their Try-it questions).
* **quiz questions**: the number of questions in ``data/quizzes/NN_name.json``.
* **exercise minutes**: N in a markdown line ``**Time:** about N min`` in the Exercise
  section (from ``## Exercise`` to the next ``## `` heading); 0 if there is none.

Usage::

    python tools/pacing.py                      # every chapter
    python tools/pacing.py chapters/02_*.py     # some chapters
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_MIN = 130
MIN_PER_QUESTION = 2
MIN_PER_FIGURE = 1
MIN_PER_QUIZ_ITEM = 1
TOLERANCE = 0.20
MIN_SLACK_MIN = 1.0

STATED = re.compile(
    r"\*\*Estimated time:\*\*\s*about\s+(\d+)\s*min core path"
    r"(?:\s*\(\+\s*(\d+)\s*min going deeper\))?"
)
EXERCISE_TIME = re.compile(r"^\s*\*\*Time:\*\*\s*about\s+(\d+)\s*min\b", re.MULTILINE)
QUESTIONS_LEAD = re.compile(r"^\s*\*\*Questions to explore", re.MULTILINE)
ITEM = re.compile(r"^\s*\d+\.\s+\S")
FIGURE_CALL = re.compile(r"\bhfs\.show\(|\bshow_table\(")
WORD = re.compile(r"[A-Za-z0-9À-ɏ]+(?:['’.,\-–][A-Za-z0-9À-ɏ]+)*")
_CITATION = re.compile(r"\[(?:(?:S|N)\d+[a-z]?|TC)(?::[ABCT])?(?:\s*;\s*(?:(?:S|N)\d+[a-z]?|TC)(?::[ABCT])?)*\]")


def prose_words(markdown: str) -> int:
    """Words a student reads in one markdown cell (see the module docstring)."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", " ", text)
    text = _CITATION.sub(" ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = "\n".join(ln for ln in text.splitlines() if not re.fullmatch(r"\s*\|[\s:|-]+", ln))
    return len(WORD.findall(text))


def try_it_questions(markdown: str) -> int:
    """Numbered items of the list after ``**Questions to explore`` (0 if the cell has none)."""
    total = 0
    for lead in QUESTIONS_LEAD.finditer(markdown):
        rest = markdown[lead.end() :].splitlines()[1:]
        for line in rest:
            if ITEM.match(line):
                total += 1
            elif line.strip() and not line.startswith((" ", "\t")):
                break
    return total


def exercise_minutes(cells) -> int:
    """The N of ``**Time:** about N min`` in the Exercise section (0 if none)."""
    inside = False
    for c in cells:
        if c.cell_type != "markdown":
            continue
        if re.search(r"^## Exercise", c.source, re.MULTILINE):
            inside = True
        elif inside and re.search(r"^## ", c.source, re.MULTILINE):
            break
        if inside:
            m = EXERCISE_TIME.search(c.source)
            if m:
                return int(m.group(1))
    return 0


@dataclass
class Pace:
    """Counted terms and computed minutes of one chapter."""

    chapter: str
    words: int
    questions: int
    figures: int
    deeper_words: int
    deeper_questions: int
    deeper_figures: int
    quiz_items: int
    exercise_min: int
    stated_core: int | None
    stated_deeper: int | None

    @property
    def core_min(self) -> float:
        return (
            self.words / WORDS_PER_MIN
            + MIN_PER_QUESTION * self.questions
            + MIN_PER_FIGURE * self.figures
            + MIN_PER_QUIZ_ITEM * self.quiz_items
            + self.exercise_min
        )

    @property
    def deeper_min(self) -> float:
        return (
            self.deeper_words / WORDS_PER_MIN
            + MIN_PER_QUESTION * self.deeper_questions
            + MIN_PER_FIGURE * self.deeper_figures
        )

    def summary(self) -> str:
        stated = (
            "not stated in the required form"
            if self.stated_core is None
            else f"about {self.stated_core} min core path (+{self.stated_deeper or 0} min going deeper)"
        )
        return (
            f"{self.chapter}: computed {self.core_min:.0f} min core path (+{self.deeper_min:.0f} min going deeper); "
            f"stated {stated}\n"
            f"    core:   {self.words} words / {WORDS_PER_MIN} = {self.words / WORDS_PER_MIN:.1f}, "
            f"{self.questions} Try-it questions x {MIN_PER_QUESTION}, {self.figures} figures/tables, "
            f"{self.quiz_items} quiz questions, exercise {self.exercise_min} min\n"
            f"    deeper: {self.deeper_words} words / {WORDS_PER_MIN} = {self.deeper_words / WORDS_PER_MIN:.1f}, "
            f"{self.deeper_questions} Try-it questions x {MIN_PER_QUESTION}, {self.deeper_figures} figures/tables"
        )


def within(stated: int | None, computed: float) -> bool:
    """True if ``stated`` is within ±20% of ``computed`` (at least ±1 min)."""
    stated = stated or 0
    return abs(stated - computed) <= max(TOLERANCE * computed, MIN_SLACK_MIN)


def pace(chapter: Path, quiz_dir: Path | None = None) -> Pace:
    """Count the terms of the formula for ``chapter`` (a ``chapters/NN_name.py`` file)."""
    chapter = Path(chapter)
    nb = jupytext.read(chapter, fmt="py:percent")
    counts = {True: [0, 0, 0], False: [0, 0, 0]}  # deeper? -> words, questions, figures
    stated_core = stated_deeper = None
    for c in nb.cells:
        tags = c.metadata.get("tags", [])
        bucket = counts["deeper" in tags]
        if c.cell_type == "markdown":
            bucket[0] += prose_words(c.source)
            bucket[1] += try_it_questions(c.source)
            m = STATED.search(c.source)
            if m and stated_core is None:
                stated_core, stated_deeper = int(m.group(1)), int(m.group(2)) if m.group(2) else 0
        elif not {"exercise", "solution"} & set(tags):
            bucket[2] += len(FIGURE_CALL.findall(c.source))
    quiz_file = (quiz_dir or ROOT / "data" / "quizzes") / f"{chapter.stem}.json"
    quiz_items = len(json.loads(quiz_file.read_text(encoding="utf-8"))["questions"]) if quiz_file.exists() else 0
    (w, q, f), (dw, dq, df) = counts[False], counts[True]
    return Pace(chapter.stem, w, q, f, dw, dq, df, quiz_items, exercise_minutes(nb.cells), stated_core, stated_deeper)


def main(argv: list[str]) -> int:
    chapters = [Path(a) for a in argv] or sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
    for ch in chapters:
        p = pace(ch)
        ok = p.stated_core is not None and within(p.stated_core, p.core_min) and within(p.stated_deeper, p.deeper_min)
        print(("ok    " if ok else "CHECK ") + p.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
