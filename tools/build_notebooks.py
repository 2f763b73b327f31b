"""Build notebooks/NN_name.ipynb from chapters/NN_name.py (jupytext percent format).

The chapter is read with ``jupytext.read(path, fmt="py:percent")``; cell markers::

    # %% [markdown]                      markdown cell; every line starts with "# " (or is "#")
    # %%                                 code cell
    # %% tags=["solution"]               worked solution (see below)
    # %% tags=["exercise"]               the student's cell with blanks ``...``
    # %% [markdown] slideshow={"slide_type": "fragment"}   any jupytext cell metadata is kept

A small step after jupytext then

* gives every cell a deterministic id (``NN-iii``; generated cells ``NN-references``,
  ``NN-disclaimer``), so rebuilding an unchanged chapter changes nothing;
* hides worked solutions: a **code** cell tagged ``solution`` gets
  ``jupyter.source_hidden`` and ``jupyter.outputs_hidden`` (JupyterLab collapses code and
  output) and the Jupyter Book tag ``hide-cell``; the ``solution``-tagged markdown lead-in
  stays visible (it says the solution follows); ``tools/export_html.py`` wraps solution
  code cells in a collapsed ``<details>``;
* adds slide metadata (``slideshow.slide_type``, see :func:`slide_type`) unless the chapter
  sets it itself;
* keeps the stored outputs and execution counts of code cells whose source did not change,
  and the stored widget state when every code cell kept its outputs (so an unchanged chapter
  rebuilds to the same file); run ``tools/execute_notebooks.py`` afterwards
  (``make notebooks`` does both);
* appends two generated markdown cells: "References" (every citation key the chapter uses,
  in first-use order, see :func:`hfs_edu.citations.reference_section`) and the medical
  disclaimer;
* renders ``data/glossary.csv`` to ``notebooks/glossary.md`` (:func:`render_glossary`).

Usage: python tools/build_notebooks.py [chapters/NN_name.py ...]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jupytext
import nbformat

from hfs_edu.citations import find_citations, reference_section
from hfs_edu.notebook import DISCLAIMER, glossary_markdown

ROOT = Path(__file__).resolve().parent.parent
REFERENCES_HEADING = "## References"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: Cell metadata jupytext adds for its own round trip; not wanted in the built notebook.
JUPYTEXT_ONLY = ("lines_to_next_cell",)
HIDE_TAG = "hide-cell"  # Jupyter Book: collapse the whole cell (code and output)
#: A code cell is "set-up only" (skipped in slides) if every line is one of these.
_SETUP_LINE = re.compile(r"^\s*(#.*|import \S.*|from \S+ import .*|hfs\.setup\(\)|\w+ = \w+(\.\w+)*|)\s*$")
_DISPLAYS = re.compile(r"hfs\.show\(|show_table\(|hfs\.quiz\(|View\(")


def read_chapter(path: Path) -> nbformat.NotebookNode:
    """Read a percent-format chapter with jupytext; reject an empty markdown cell."""
    nb = jupytext.read(path, fmt="py:percent")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and not cell.source.strip():
            raise ValueError(f"{path.name}: cell {i} is an empty markdown cell")
    return nb


def chapter_citations(cells) -> list[str]:
    """Return the citation keys used in markdown and code cells, in first-use order."""
    keys: list[str] = []
    for c in cells:
        for key, _tier in find_citations(c.source if hasattr(c, "source") else c["source"]):
            if key not in keys:
                keys.append(key)
    return keys


def _first_line(source: str) -> str:
    return next((ln for ln in source.splitlines() if ln.strip()), "")


def slide_type(cell, tags: list[str]) -> str:
    """The ``slideshow.slide_type`` for a built cell, so a lecture can follow the chapter.

    * ``slide`` for the title (``# ``) and every ``## `` heading cell;
    * ``subslide`` for a ``### `` heading cell (Try it, Going deeper, …) and for a code
      cell that displays a figure, table, view or the quiz (so it fits the screen);
    * ``fragment`` for an ``answer`` cell (revealed after the questions);
    * ``skip`` for exercise and solution cells, ``deeper`` cells (the lecture follows the
      core path), the generated References, and code cells that only set up (imports,
      ``hfs.setup()``, simple assignments);
    * ``-`` (continue the current slide) otherwise.
    """
    if {"exercise", "solution", "deeper", "generated-references"} & set(tags):
        return "skip"
    if "answer" in tags:
        return "fragment"
    first = _first_line(cell.source)
    if cell.cell_type == "markdown":
        if first.startswith(("# ", "## ")):
            return "slide"
        if first.startswith("### "):
            return "subslide"
        return "-"
    if all(_SETUP_LINE.match(ln) for ln in cell.source.splitlines()):
        return "skip"
    return "subslide" if _DISPLAYS.search(cell.source) else "-"


def _metadata(cell, tags: list[str]) -> dict:
    meta = {k: v for k, v in cell.metadata.items() if k not in JUPYTEXT_ONLY and k != "tags"}
    if cell.cell_type == "code" and "solution" in tags:
        tags = tags + [HIDE_TAG] if HIDE_TAG not in tags else tags
        meta.setdefault("jupyter", {}).update({"source_hidden": True, "outputs_hidden": True})
    if tags:
        meta["tags"] = list(tags)
    meta.setdefault("slideshow", {"slide_type": slide_type(cell, tags)})
    return dict(sorted(meta.items()))


def build_notebook(chapter: Path, old: nbformat.NotebookNode | None = None) -> nbformat.NotebookNode:
    """Return the notebook built from ``chapter``, keeping outputs from ``old`` where sources match."""
    stem = chapter.stem
    src = read_chapter(chapter)
    keys = chapter_citations(src.cells)
    old_outputs: dict[str, tuple] = {}
    if old is not None:
        for cell in old.cells:
            if cell.cell_type == "code":
                old_outputs[cell.source] = (cell.outputs, cell.execution_count)

    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    all_kept = True
    for i, c in enumerate(src.cells):
        tags = list(c.metadata.get("tags", []))
        if c.cell_type == "markdown":
            cell = nbformat.v4.new_markdown_cell(c.source)
        else:
            cell = nbformat.v4.new_code_cell(c.source)
            if c.source in old_outputs:
                cell.outputs, cell.execution_count = old_outputs[c.source]
            else:
                all_kept = False
        cell.id = f"{stem[:2]}-{i:03d}"
        cell.metadata = _metadata(c, tags)
        nb.cells.append(cell)
    tail = [(reference_section(keys), "references"), (DISCLAIMER, "disclaimer")]
    for text, name in tail:
        cell = nbformat.v4.new_markdown_cell(text)
        cell.id = f"{stem[:2]}-{name}"
        tags = [f"generated-{name}"]
        cell.metadata = {"slideshow": {"slide_type": slide_type(cell, tags)}, "tags": tags}
        nb.cells.append(cell)
    if old is not None and all_kept and "widgets" in old.metadata:
        nb.metadata["widgets"] = old.metadata["widgets"]
    nbformat.validate(nb)
    return nb


def build(chapter: Path) -> Path:
    """Build one notebook into notebooks/; return its path."""
    target = ROOT / "notebooks" / f"{chapter.stem}.ipynb"
    old = nbformat.read(target, as_version=4) if target.exists() else None
    nb = build_notebook(chapter, old)
    target.parent.mkdir(exist_ok=True)
    nbformat.write(nb, target)
    return target


def render_glossary() -> Path:
    """Write notebooks/glossary.md from data/glossary.csv; return its path."""
    target = ROOT / "notebooks" / "glossary.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(glossary_markdown(), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    chapters = [Path(a) for a in argv] or sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
    for ch in chapters:
        path = build(ch.resolve())
        print(f"built {path.relative_to(ROOT)}")
    print(f"built {render_glossary().relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
