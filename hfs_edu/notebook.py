"""Small helpers called from notebook cells.

* :func:`show` displays a figure once, as a PNG, with its caption underneath
  (the caption is the figure's alt text and says what to notice);
* :func:`show_table` displays a course table with its units and sources;
* :func:`quiz` displays a chapter's self-check quiz.

Everything these helpers put in a cell's output is deterministic, so strict
nbval can compare it (nbval skips PNG bytes, and widget views).
"""
from __future__ import annotations

import html

from matplotlib.figure import Figure

from ._validate import check_int, check_str
from .data import load_table
from .figures.style import caption_of, render_png

__all__ = ["show", "show_table", "quiz", "DISCLAIMER", "setup"]

DISCLAIMER = (
    "**Medical disclaimer.** This course is for education only. It is not medical advice and does "
    "not replace diagnosis or treatment by a qualified clinician. Numbers come from published "
    "studies with different populations and methods; models are simplified teaching tools, not "
    "predictions for any individual patient. If you have symptoms, see a doctor."
)


class _FigurePNG:
    """A rendered figure: PNG for display, the caption as its text form (alt text)."""

    def __init__(self, png: bytes, caption: str, number: str | None):
        self._png = png
        self._caption = caption
        self._number = number

    def _repr_png_(self) -> bytes:
        return self._png

    def __repr__(self) -> str:
        label = f"Figure {self._number}" if self._number else "Figure"
        return f"[{label}: {self._caption}]"


class _Caption:
    def __init__(self, text: str):
        self._text = text

    def _repr_markdown_(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return self._text


def setup() -> None:
    """Prepare a notebook session: readable, stable number printing. Prints nothing."""
    import numpy as np
    import pandas as pd

    np.set_printoptions(precision=3, suppress=True)
    pd.set_option("display.precision", 2)
    pd.set_option("display.max_columns", 20)


def show(fig: Figure, number: str | None = None) -> None:
    """Display ``fig`` once as a PNG, followed by its numbered caption.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A course figure (it must have a caption, see ``new_figure``).
    number : str, optional
        Figure number shown before the caption, e.g. ``"1.2"``.
    """
    from IPython.display import display

    caption = caption_of(fig)
    if number is not None:
        check_str("number", number)
    display(_FigurePNG(render_png(fig), caption, number))
    label = f"Figure {number}." if number else "Figure."
    display(_Caption(f"*{label}* {caption}"))


def show_table(name: str, columns: list[str] | None = None, max_rows: int = 30) -> None:
    """Display the course table ``name`` with its description, units and sources.

    Parameters
    ----------
    name : str
        Table name (see :func:`hfs_edu.data.list_tables`).
    columns : list of str, optional
        Subset of columns to show (default: all).
    max_rows : int, default 30
        Show at most this many rows (1–500).
    """
    from IPython.display import HTML, display

    check_int("max_rows", max_rows, 1, 500)
    df = load_table(name)
    if columns is not None:
        if isinstance(columns, str) or not all(isinstance(c, str) for c in columns):
            raise TypeError("columns must be a list of column names")
        unknown = [c for c in columns if c not in df.columns]
        if unknown:
            raise ValueError(f"columns={unknown!r} not in table {name!r}; allowed: {list(df.columns)}")
        df = df[list(columns)]
    units = df.attrs["units"]
    renamed = df.rename(columns={c: (f"{c} ({units[c]})" if units.get(c) else c) for c in df.columns})
    sources = "; ".join(df.attrs["source_keys"])
    head = (f"<p><b>Table <code>{html.escape(df.attrs['name'])}</code></b>: "
            f"{html.escape(df.attrs['description'])} Sources: [{html.escape(sources)}].</p>")
    display(HTML(head + renamed.head(max_rows).to_html(index=False, na_rep="—", escape=True)))


def quiz(chapter: str) -> None:
    """Display the self-check quiz of ``chapter`` and, under it, a collapsed answer key.

    Works on every call (re-running the cell gives a fresh quiz); the quiz logic is
    :mod:`hfs_edu.quizzes`, the widget :class:`hfs_edu.widgets.quiz.QuizView`.

    Parameters
    ----------
    chapter : str
        A chapter with a quiz file, e.g. ``"01_facial_nerve"``; allowed: the names
        :func:`hfs_edu.quizzes.list_quizzes` returns.
    """
    from IPython.display import HTML, display

    from .quizzes import load_quiz
    from .widgets.quiz import QuizView, answer_key_html

    check_str("chapter", chapter)
    load_quiz(chapter)  # ValueError naming the chapter (and listing the quizzes) before anything is shown
    view = QuizView(chapter)
    display(view)
    display(HTML(answer_key_html(chapter)))
