"""The quiz widget: one card per question with a Check button and immediate feedback.

Why ipywidgets rather than jupyterquiz: the checking logic is Python
(:func:`hfs_edu.quiz.check_answer`) and so is unit-tested; there is no inline
JavaScript, no random element id (stable under strict nbval) and no CDN
MathJax load. For a static HTML page, where no kernel runs, the chapter also
prints an answer key inside a collapsed ``<details>`` element (:func:`answer_key_html`).
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..quiz import check_answer, load_quiz

__all__ = ["QuizView", "answer_key_html"]


def _md(text: str) -> str:
    return html.escape(text)


class QuizView:
    """Interactive self-check quiz for one chapter.

    Parameters
    ----------
    chapter : str
        Chapter name with a quiz in ``data/quizzes`` (e.g. ``"01_facial_nerve"``).
    """

    def __init__(self, chapter: str):
        self.chapter = chapter
        self.questions = load_quiz(chapter)
        self.cards = [self._card(i, q) for i, q in enumerate(self.questions)]
        self.score = widgets.HTML()
        self._correct: dict[str, bool] = {}
        self.widget = widgets.VBox([c["box"] for c in self.cards] + [self.score])
        self.widget.add_class("hfs-quiz")
        self._update_score()

    def _card(self, i: int, q: dict) -> dict:
        title = widgets.HTML(f"<p><b>Q{i + 1}.</b> {_md(q['question'])}</p>")
        if q["type"] == "single":
            field = widgets.RadioButtons(options=[(str(o), k) for k, o in enumerate(q["options"])], value=None,
                                         layout=widgets.Layout(width="auto"))
        elif q["type"] == "multiple":
            field = widgets.VBox([widgets.Checkbox(value=False, description=str(o), indent=False)
                                  for o in q["options"]])
        else:
            field = widgets.FloatText(value=0.0, description=q.get("unit", ""), layout=widgets.Layout(width="220px"))
        button = widgets.Button(description="Check", button_style="primary", layout=widgets.Layout(width="90px"))
        feedback = widgets.HTML()
        card = {"q": q, "field": field, "button": button, "feedback": feedback,
                "box": widgets.VBox([title, field, widgets.HBox([button]), feedback],
                                    layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="4px 0"))}
        button.on_click(lambda _b, c=card: self.check(c))
        return card

    def response_of(self, card: dict):
        """Return the card's current response in the form :func:`check_answer` expects."""
        kind = card["q"]["type"]
        if kind == "single":
            return card["field"].value
        if kind == "multiple":
            return [k for k, box in enumerate(card["field"].children) if box.value]
        return card["field"].value

    def check(self, card: dict) -> None:
        """Check one card's answer and show the feedback."""
        response = self.response_of(card)
        if response is None:
            card["feedback"].value = "<p>Choose an answer first.</p>"
            return
        fb = check_answer(card["q"], response)
        colour = "#009E73" if fb.correct else "#D55E00"
        mark = "✔" if fb.correct else "✘"
        card["feedback"].value = f'<p style="color:{colour}"><b>{mark}</b> {_md(fb.message)}</p>'
        self._correct[card["q"]["id"]] = fb.correct
        self._update_score()

    def _update_score(self) -> None:
        n = len(self.questions)
        self.score.value = f"<p><b>Score:</b> {sum(self._correct.values())} / {n} correct " \
                           f"({len(self._correct)} of {n} checked)</p>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def answer_key_html(chapter: str) -> str:
    """Return a collapsed ``<details>`` answer key for static pages and print."""
    rows = []
    for i, q in enumerate(load_quiz(chapter)):
        if q["type"] == "numeric":
            ans = f"{q['answer']:g} {q.get('unit', '')} (± {q['tolerance']:g})"
        else:
            ans = "; ".join(str(q["options"][k]) for k in q["answer"])
        rows.append(f"<li><b>{_md(ans)}</b> — {_md(str(q['explanation']))}</li>")
    return ("<details><summary>Answer key (for a printed or static copy; try the quiz first)</summary>"
            f"<ol>{''.join(rows)}</ol></details>")
