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
import re
from pathlib import Path, PurePath
from typing import NamedTuple

from matplotlib.figure import Figure

from ._validate import check_int, check_str
from .data import load_table
from .figures.style import caption_of, render_png

__all__ = [
    "show",
    "show_table",
    "table_frame",
    "column_label",
    "quiz",
    "student_quiz",
    "DISCLAIMER",
    "setup",
    "chapter_status",
    "course_status",
    "glossary_markdown",
    "load_glossary",
]

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


NA_MARK = "\u2014"  # an em dash for a missing value (pandas NA, NaN, None)
_SHORT_LABEL = 40


def column_label(name: str, spec: dict | None = None) -> str:
    """A human column label: the manifest's ``label`` if it has one, else its column
    ``description`` when that is short (at most 40 characters, no ``:`` or ``;``), else the
    column name with underscores as spaces (a word equal to the unit dropped); the unit follows
    in brackets.

    >>> column_label("length_mm_low", {"description": "", "unit": "mm"})
    'Length low (mm)'
    """
    check_str("name", name)
    spec = spec or {}
    desc = str(spec.get("description") or "").strip()
    if spec.get("label"):
        label = str(spec["label"])
    elif desc and len(desc) <= _SHORT_LABEL and not any(ch in desc for ch in ":;"):
        label = desc[0].upper() + desc[1:]
    else:
        unit = str(spec.get("unit") or "").strip()
        words = [w for w in name.split("_") if w and w != unit] or [name]
        label = " ".join(words)
        label = label[0].upper() + label[1:]
    unit = str(spec.get("unit") or "").strip()
    return f"{label} ({unit})" if unit and f"({unit})" not in label else label


def _cell_text(value) -> str:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return NA_MARK
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 1 else f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


def _select_rows(df, rows):
    if rows is None:
        return df
    if isinstance(rows, dict):
        mask = None
        for col, want in rows.items():
            if col not in df.columns:
                raise ValueError(f"rows={rows!r}: column {col!r} is not in the table; allowed: {list(df.columns)}")
            values = list(want) if isinstance(want, (list, tuple, set)) else [want]
            m = df[col].isin(values).fillna(False).astype(bool)
            mask = m if mask is None else mask & m
        return df[mask] if mask is not None else df
    if isinstance(rows, (list, tuple)) and all(isinstance(i, int) and not isinstance(i, bool) for i in rows):
        bad = [i for i in rows if not 0 <= i < len(df)]
        if bad:
            raise ValueError(f"rows={list(rows)!r}: positions {bad} are outside 0..{len(df) - 1}")
        return df.iloc[list(rows)]
    raise TypeError(
        f"rows must be a dict {{column: value or list of values}} or a list of row positions, got {type(rows).__name__}"
    )


def _disambiguating_columns(df, columns: list[str]) -> list[str]:
    """``columns`` plus, in table order, the fewest other columns that make the shown rows distinct."""
    chosen = list(columns)
    for col in df.columns:
        if not df[chosen].astype(str).duplicated(keep=False).any():
            break
        if col in chosen:
            continue
        before = df[chosen].astype(str).duplicated(keep=False).sum()
        after = df[chosen + [col]].astype(str).duplicated(keep=False).sum()
        if after < before:
            chosen.append(col)
    return [c for c in df.columns if c in chosen]


def table_frame(name: str, columns: list[str] | None = None, rows=None, max_rows: int = 30):
    """The table ``show_table`` displays, as a DataFrame of display strings with human headers.

    Parameters are those of :func:`show_table`. Missing values are "—"; when ``columns`` would
    leave two shown rows identical, the columns that tell them apart are added back.
    """
    from .data import table_info

    check_int("max_rows", max_rows, 1, 500)
    df = load_table(name)
    if columns is not None:
        if isinstance(columns, str) or not all(isinstance(c, str) for c in columns):
            raise TypeError("columns must be a list of column names")
        unknown = [c for c in columns if c not in df.columns]
        if unknown:
            raise ValueError(f"columns={unknown!r} not in table {name!r}; allowed: {list(df.columns)}")
    df = _select_rows(df, rows).head(max_rows)
    if columns is not None:
        df = df[_disambiguating_columns(df, list(columns))]
    specs = table_info(name)["columns"]
    out = df.astype(object).apply(lambda col: col.map(_cell_text))
    out.columns = [column_label(c, specs.get(c)) for c in df.columns]
    out.attrs = dict(df.attrs)
    return out


def show_table(name: str, columns: list[str] | None = None, max_rows: int = 30, rows=None) -> None:
    """Display the course table ``name`` with its description, human column labels and sources.

    Parameters
    ----------
    name : str
        Table name (see :func:`hfs_edu.data.list_tables`).
    columns : list of str, optional
        Columns to show (default: all). Columns needed to tell the shown rows apart are
        added back (e.g. ``population`` when two rows share a study name).
    max_rows : int, default 30
        Show at most this many rows (1–500).
    rows : dict or list of int, optional
        Rows to show: ``{"column": value or [values]}`` (rows matching every entry), or
        row positions ``[0, 3, 4]``.
    """
    from IPython.display import HTML, display

    out = table_frame(name, columns, rows, max_rows)
    sources = "; ".join(out.attrs["source_keys"])
    head = (
        f"<p><b>Table <code>{html.escape(out.attrs['name'])}</code></b>: "
        f"{html.escape(out.attrs['description'])} Sources: [{html.escape(sources)}].</p>"
    )
    display(HTML(head + out.to_html(index=False, escape=True)))


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


def student_quiz(path) -> None:
    """Display the student edition's key-free quiz from ``path`` (``make student`` writes the cells).

    Parameters
    ----------
    path : str or pathlib.Path
        A student quiz file, e.g. ``"quizzes/00_start_here.json"`` (read by
        :func:`hfs_edu.quizzes.load_student_quiz`, which refuses a file with a key).
    """
    from IPython.display import display

    from .widgets.quiz import StudentQuizView

    display(StudentQuizView(path))


# ----------------------------------------------------------------------------- course status
class ChapterStatus(NamedTuple):
    """One chapter of the course: number ``"03"``, title, ``"ready"`` or ``"planned"``, notebook file."""

    number: str
    title: str
    status: str
    notebook: str | None


_NOTEBOOK_NAME = re.compile(r"^(\d\d)_[A-Za-z0-9_]+\.ipynb$")


def chapter_status(notebook_files) -> list[ChapterStatus]:
    """Each chapter 00–09 with its title, and ``"ready"`` if its notebook is among ``notebook_files``.

    A pure function: ``notebook_files`` is an iterable of file names or paths (only names like
    ``03_crosstalk.ipynb`` count). :func:`course_status` passes the notebooks on disk.
    """
    from .figures.overview import COURSE_CHAPTERS

    if isinstance(notebook_files, (str, bytes)) or not hasattr(notebook_files, "__iter__"):
        raise TypeError(f"notebook_files must be an iterable of file names, got {type(notebook_files).__name__}")
    present: dict[str, str] = {}
    for f in notebook_files:
        if not isinstance(f, (str, PurePath)):
            raise TypeError(f"notebook_files must contain file names or paths, got {f!r:.40}")
        m = _NOTEBOOK_NAME.match(PurePath(f).name)
        if m:
            present.setdefault(m.group(1), PurePath(f).name)
    return [
        ChapterStatus(num, " ".join(title.split()), "ready" if num in present else "planned", present.get(num))
        for num, title, _theme in COURSE_CHAPTERS
    ]


def notebooks_dir() -> Path:
    """The course's ``notebooks/`` folder (next to the ``hfs_edu`` package in the repository)."""
    return Path(__file__).resolve().parent.parent / "notebooks"


def course_status() -> list[ChapterStatus]:
    """:func:`chapter_status` of the notebooks present in :func:`notebooks_dir`."""
    folder = notebooks_dir()
    return chapter_status(sorted(p.name for p in folder.glob("*.ipynb")) if folder.is_dir() else [])


# ----------------------------------------------------------------------------- glossary
def load_glossary():
    """The course glossary (``data/glossary.csv``: term, anchor, definition, source_key, chapter)."""
    return load_table("glossary")


def heading_anchor(text: str) -> str:
    """The anchor JupyterLab gives a heading: its text with every space replaced by ``-``.

    JupyterLab 4 (``@jupyterlab/rendermime`` ``createHeaderId``) keeps case and punctuation;
    Jupyter Book must use the same slug (``myst_heading_slug_func``) for the links to work there.
    """
    check_str("text", text)
    return text.replace(" ", "-")


def glossary_markdown() -> str:
    """``notebooks/glossary.md``: one ``### term`` heading per entry, alphabetical, then References."""
    from .citations import reference_section

    df = load_glossary()
    rows = sorted(df.itertuples(index=False), key=lambda r: str(r.term).casefold())
    keys: list[str] = []
    lines = [
        "# Glossary",
        "",
        "The terms of the course, alphabetically. Each entry gives a short definition, its source and",
        "the chapter that first uses it. A chapter links to an entry as `[term](glossary.md#anchor)`.",
        "",
    ]
    for r in rows:
        key = str(r.source_key)
        if key not in keys:
            keys.append(key)
        tier = _tier(key)
        lines += [
            f"### {r.term}",
            "",
            f"{str(r.definition).strip()} [{key}:{tier}]",
            "",
            f"*First used in chapter {r.chapter}.*",
            "",
        ]
    lines += [reference_section(keys), "", DISCLAIMER, ""]
    return "\n".join(lines)


def _tier(key: str) -> str:
    from .citations import tier_of

    return tier_of(key)
