"""The quiz widget: one card per question, hint first, then the answer.

Why ipywidgets rather than jupyterquiz: the checking logic is Python
(:func:`hfs_edu.quizzes.check_answer`) and so is unit-tested; there is no inline
JavaScript, no random element id (stable under strict nbval) and no CDN
MathJax load. For a static HTML page, where no kernel runs, the chapter also
prints an answer key inside a collapsed ``<details>`` element (:func:`answer_key_html`).

Layout: an option is a row of a small letter toggle (A, B, …) and the option's
text in an ``HTML`` box that wraps (``white-space: normal``), so long options
never spill over their neighbours (the old ``RadioButtons`` labels did, student
review B4). The feedback is a separate box under the buttons, in normal flow.
Options appear in the deterministic shuffled order of
:func:`hfs_edu.quizzes.option_order`.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets

from .._params import choice, validated
from .._validate import check_str
from ..quizzes import answer_text, check_answer, list_quizzes, load_quiz, load_student_quiz, option_order, reveal
from ._placeholder import RUN_THIS_CELL_QUIZ, ViewBox

__all__ = ["QuizView", "StudentQuizView", "answer_key_html"]

LETTERS = "ABCDEF"
GREEN, ORANGE, GREY = "#009E73", "#D55E00", "#555555"  # Okabe-Ito
_WRAP = "white-space:normal; overflow-wrap:anywhere; line-height:1.4; margin:2px 0"


def _text(text: str) -> str:
    return html.escape(str(text))


def _para(body: str, colour: str | None = None) -> str:
    style = _WRAP + (f"; color:{colour}" if colour else "")
    return f'<div class="hfs-quiz-text" style="{style}">{body}</div>'


def _parse_number(text) -> float | None:
    """Return the number typed in a numeric answer box, or None if it is empty or not a number.

    Accepts a decimal comma ("1,4") and surrounding spaces; refuses NaN and infinities.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    s = text.strip().replace(" ", "")
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


class QuizView:
    """Interactive self-check quiz for one chapter.

    Parameters
    ----------
    chapter : str
        Chapter name with a quiz in ``data/quizzes`` (e.g. ``"01_facial_nerve"``).
    """

    def __init__(self, chapter: str):
        check_str("chapter", chapter)
        self.chapter = chapter
        self.questions = load_quiz(chapter)
        self.cards = [self._card(i, q) for i, q in enumerate(self.questions)]
        self.score = widgets.HTML()
        self._correct: dict[str, bool] = {}
        self.widget = ViewBox(
            [c["box"] for c in self.cards] + [self.score],
            placeholder=RUN_THIS_CELL_QUIZ,
            layout=widgets.Layout(width="100%", max_width="760px"),
        )
        self.widget.add_class("hfs-quiz")
        self._update_score()

    # -- building ---------------------------------------------------------------------------------
    def _card(self, i: int, q: dict) -> dict:
        title = widgets.HTML(_para(f"<b>Q{i + 1}.</b> {_text(q['stem'])}"), layout=widgets.Layout(width="auto"))
        title.add_class("hfs-quiz-stem")
        card = {"q": q, "attempts": 0, "revealed": False, "order": option_order(q, self.chapter)}
        if q["type"] == "numeric":
            box = widgets.Text(value="", placeholder="type a number", layout=widgets.Layout(width="160px"))
            unit = widgets.HTML(_para(_text(q["unit"])))
            card["field"] = box
            field = widgets.HBox([box, unit])
        else:
            rows, toggles = [], {}
            for pos, k in enumerate(card["order"]):
                toggle = widgets.ToggleButton(
                    value=False,
                    description=LETTERS[pos],
                    tooltip=f"option {LETTERS[pos]}",
                    layout=widgets.Layout(width="2.8em", min_width="2.8em", flex="0 0 auto"),
                )
                label = widgets.HTML(
                    _para(_text(q["options"][k]["text"])),
                    layout=widgets.Layout(flex="1 1 0%", min_width="0", width="auto"),
                )
                row = widgets.HBox(
                    [toggle, label], layout=widgets.Layout(width="100%", align_items="flex-start", margin="1px 0")
                )
                row.add_class("hfs-quiz-option")
                toggles[k] = toggle
                rows.append(row)
            if q["type"] == "single":
                for k, t in toggles.items():
                    t.observe(lambda ch, k=k, c=card: self._exclusive(c, k, ch), names="value")
            card["toggles"] = toggles
            card["field"] = field = widgets.VBox(rows, layout=widgets.Layout(width="100%"))
        button = widgets.Button(description="Check", button_style="primary", layout=widgets.Layout(width="90px"))
        show = widgets.Button(description="Show answer", layout=widgets.Layout(width="120px"))
        feedback = widgets.HTML(layout=widgets.Layout(width="auto"))
        feedback.add_class("hfs-quiz-feedback")
        card.update(button=button, show=show, feedback=feedback)
        card["box"] = widgets.VBox(
            [title, field, widgets.HBox([button, show]), feedback],
            layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="4px 0", width="auto"),
        )
        card["box"].add_class("hfs-quiz-card")
        button.on_click(lambda _b, c=card: self.check(c))
        show.on_click(lambda _b, c=card: self.show_answer(c))
        return card

    @staticmethod
    def _exclusive(card: dict, k: int, change) -> None:
        if change["new"]:
            for j, t in card["toggles"].items():
                if j != k and t.value:
                    t.value = False

    # -- answering --------------------------------------------------------------------------------
    def response_of(self, card: dict):
        """Return the card's response in the form :func:`check_answer` expects, or None if there is none.

        For a numeric card whose box holds something that is not a number this returns the text itself.
        """
        kind = card["q"]["type"]
        if kind == "numeric":
            text = card["field"].value
            if not text.strip():
                return None
            x = _parse_number(text)
            return text if x is None else x
        chosen = [k for k, t in card["toggles"].items() if t.value]
        if not chosen:
            return None
        return chosen[0] if kind == "single" else sorted(chosen)

    def choose(self, card: dict, response) -> None:
        """Set a card's input to ``response`` (author's indices, or a number): for tests and demos."""
        if card["q"]["type"] == "numeric":
            card["field"].value = "" if response is None else f"{response:g}"
            return
        wanted = {response} if isinstance(response, int) else set(response or [])
        for k, t in card["toggles"].items():
            t.value = k in wanted

    def check(self, card: dict) -> None:
        """Check one card's answer and show the feedback (hint first, answer after a second wrong try)."""
        response = self.response_of(card)
        if response is None:
            ask = "Type a number first." if card["q"]["type"] == "numeric" else "Choose an answer first."
            card["feedback"].value = _para(ask, GREY)
            return
        if isinstance(response, str):
            card["feedback"].value = _para(f"“{_text(response)}” is not a number. Type a number, e.g. 1.5.", GREY)
            return
        card["attempts"] += 1
        was_revealed = card["revealed"]
        fb = check_answer(card["q"], response, attempt=card["attempts"])
        colour = GREEN if fb.correct else ORANGE
        mark = "✔" if fb.correct else "✘"
        card["feedback"].value = _para(f"<b>{mark}</b> {_text(fb.message)}", colour)
        card["revealed"] = was_revealed or fb.revealed
        qid = card["q"]["id"]
        if not self._correct.get(qid):  # credit a right answer only if it had not been shown before
            self._correct[qid] = fb.correct and not was_revealed
        self._update_score()

    def show_answer(self, card: dict) -> None:
        """Reveal the card's answer and explanation (the student gave up or wants to check)."""
        card["revealed"] = True
        card["feedback"].value = _para(_text(reveal(card["q"])), GREY)
        self._correct.setdefault(card["q"]["id"], False)
        self._update_score()

    def _update_score(self) -> None:
        n = len(self.questions)
        self.score.value = _para(
            f"<b>Score:</b> {sum(self._correct.values())} / {n} correct ({len(self._correct)} of {n} answered)"
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return RUN_THIS_CELL_QUIZ


@validated(chapter=choice(list_quizzes, doc="A chapter with a quiz file."))
def answer_key_html(chapter: str) -> str:
    """Return a collapsed ``<details>`` answer key for static pages and print.

    {parameters}
    """
    rows = []
    for q in load_quiz(chapter):
        rows.append(f"<li><b>{_text(answer_text(q))}</b> — {_text(q['explanation'])}</li>")
    return (
        "<details><summary>Answer key (for a printed or static copy; try the quiz first)</summary>"
        f"<ol>{''.join(rows)}</ol></details>"
    )


#: What the student-edition quiz says when an answer is recorded (it has no key to check against).
ASK_INSTRUCTOR = "Answer noted. This edition has no answer key: check your answer with your instructor."


class StudentQuizView:
    """The quiz of the student edition (``make student``): questions, options and hints, no key.

    It reads a key-free file written by :func:`hfs_edu.quizzes.student_quiz` (options already in
    display order). **Check** notes the chosen letter(s) and says to check the answer with the
    instructor; **Hint** shows the question's hint. Nothing in the widget, the file or the
    notebook says which option is right.

    Parameters
    ----------
    path : str or pathlib.Path
        The student quiz file, e.g. ``"quizzes/00_start_here.json"`` beside the notebook.
    """

    def __init__(self, path):
        self.doc = load_student_quiz(path)
        self.chapter = self.doc.get("chapter", "")
        self.questions = self.doc["questions"]
        self.cards = [self._card(i, q) for i, q in enumerate(self.questions)]
        self.widget = ViewBox(
            [c["box"] for c in self.cards],
            placeholder=RUN_THIS_CELL_QUIZ,
            layout=widgets.Layout(width="100%", max_width="760px"),
        )
        self.widget.add_class("hfs-quiz")

    def _card(self, i: int, q: dict) -> dict:
        title = widgets.HTML(_para(f"<b>Q{i + 1}.</b> {_text(q['stem'])}"), layout=widgets.Layout(width="auto"))
        card: dict = {"q": q}
        if q["type"] == "numeric":
            card["field"] = widgets.Text(value="", placeholder="type a number", layout=widgets.Layout(width="160px"))
            field = widgets.HBox([card["field"], widgets.HTML(_para(_text(q.get("unit", ""))))])
        else:
            toggles, rows = [], []
            for pos, option in enumerate(q["options"]):
                t = widgets.ToggleButton(value=False, description=LETTERS[pos], layout=widgets.Layout(width="2.8em"))
                label = widgets.HTML(_para(_text(option)), layout=widgets.Layout(flex="1 1 0%", width="auto"))
                toggles.append(t)
                rows.append(widgets.HBox([t, label], layout=widgets.Layout(width="100%", align_items="flex-start")))
            card["toggles"] = toggles
            field = widgets.VBox(rows, layout=widgets.Layout(width="100%"))
        button = widgets.Button(description="Check", button_style="primary", layout=widgets.Layout(width="90px"))
        hint = widgets.Button(description="Hint", layout=widgets.Layout(width="90px"))
        card["feedback"] = widgets.HTML(layout=widgets.Layout(width="auto"))
        button.on_click(lambda _b, c=card: self.check(c))
        hint.on_click(lambda _b, c=card: self.hint(c))
        card["box"] = widgets.VBox(
            [title, field, widgets.HBox([button, hint]), card["feedback"]],
            layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="4px 0", width="auto"),
        )
        return card

    def check(self, card: dict) -> None:
        """Note the card's answer; without a key it can only send the student to the instructor."""
        if card["q"]["type"] == "numeric":
            text_in = card["field"].value.strip()
            if _parse_number(text_in) is None:
                card["feedback"].value = _para("Type a number first.", GREY)
                return
            chosen = text_in
        else:
            chosen = ", ".join(LETTERS[k] for k, t in enumerate(card["toggles"]) if t.value)
            if not chosen:
                card["feedback"].value = _para("Choose an answer first.", GREY)
                return
        card["feedback"].value = _para(f"Your answer: <b>{_text(chosen)}</b>. {ASK_INSTRUCTOR}", GREY)

    def hint(self, card: dict) -> None:
        """Show the card's hint."""
        card["feedback"].value = _para(f"Hint: {_text(card['q']['hint'])}", GREY)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return RUN_THIS_CELL_QUIZ
