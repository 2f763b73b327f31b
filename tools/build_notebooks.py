"""Build notebooks/NN_name.ipynb from chapters/NN_name.py (percent format).

Cell markers in a chapter file::

    # %% [markdown]              markdown cell; every line starts with "# " (or is "#")
    # %%                         code cell
    # %% tags=["solution"]       worked solution: collapsed (jupyter.source_hidden) and tagged
    # %% tags=["exercise"]       the student's empty cell

The builder appends two generated markdown cells: "References" (every citation
key the chapter uses, in first-use order, as full references) and the medical
disclaimer. Cell ids are deterministic, so rebuilding an unchanged chapter
changes nothing. Outputs of code cells whose source did not change are kept, so
run ``tools/execute_notebooks.py`` afterwards (``make notebooks`` does both).

Usage: python tools/build_notebooks.py [chapters/NN_name.py ...]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hfs_edu.citations import find_citations, reference_list  # noqa: E402
from hfs_edu.notebook import DISCLAIMER  # noqa: E402

MARKER = re.compile(r"^# %%(?P<md> \[markdown\])?(?:\s+tags=(?P<tags>\[.*\]))?\s*$")
REFERENCES_HEADING = "## References"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def parse_chapter(text: str) -> list[dict]:
    """Split percent-format ``text`` into ``[{'type', 'source', 'tags'}]``."""
    cells: list[dict] = []
    current = None
    for lineno, line in enumerate(text.splitlines(), 1):
        m = MARKER.match(line)
        if m:
            current = {"type": "markdown" if m.group("md") else "code", "lines": [],
                       "tags": json.loads(m.group("tags")) if m.group("tags") else [], "line": lineno}
            cells.append(current)
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"line {lineno}: text before the first '# %%' marker")
            continue
        if current["type"] == "markdown":
            if line.startswith("# "):
                line = line[2:]
            elif line.strip() == "#":
                line = ""
            elif line.strip():
                raise ValueError(f"line {lineno}: markdown lines must start with '# ': {line!r}")
        current["lines"].append(line)
    out = []
    for c in cells:
        lines = c["lines"]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if c["type"] == "markdown" and not lines:
            raise ValueError(f"line {c['line']}: empty markdown cell")
        out.append({"type": c["type"], "source": "\n".join(lines), "tags": c["tags"]})
    return out


def chapter_citations(cells: list[dict]) -> list[str]:
    """Return the citation keys used in markdown and code cells, in first-use order."""
    keys: list[str] = []
    for c in cells:
        for key, _tier in find_citations(c["source"]):
            if key not in keys:
                keys.append(key)
    return keys


def build(chapter: Path) -> Path:
    """Build one notebook; return its path."""
    stem = chapter.stem
    cells = parse_chapter(chapter.read_text(encoding="utf-8"))
    keys = chapter_citations(cells)
    target = ROOT / "notebooks" / f"{stem}.ipynb"
    old_outputs: dict[str, tuple] = {}
    if target.exists():
        old = nbformat.read(target, as_version=4)
        for cell in old.cells:
            if cell.cell_type == "code":
                old_outputs[cell.source] = (cell.outputs, cell.execution_count)

    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for i, c in enumerate(cells):
        if c["type"] == "markdown":
            cell = nbformat.v4.new_markdown_cell(c["source"])
        else:
            cell = nbformat.v4.new_code_cell(c["source"])
            if c["source"] in old_outputs:
                cell.outputs, cell.execution_count = old_outputs[c["source"]]
        cell.id = f"{stem[:2]}-{i:03d}"
        meta: dict = {}
        if c["tags"]:
            meta["tags"] = list(c["tags"])
        if "solution" in c["tags"]:
            meta["jupyter"] = {"source_hidden": True}
        cell.metadata = meta
        nb.cells.append(cell)
    refs = reference_list(keys) if keys else "_This chapter cites no sources._"
    tail = [
        (f"{REFERENCES_HEADING}\n\nEvidence tiers: **A** primary study or meta-analysis; **B** review, "
         f"chapter or abstract; **C** tertiary web page; **T** teaching calibration.\n\n{refs}", "references"),
        (DISCLAIMER, "disclaimer"),
    ]
    for j, (text, tag) in enumerate(tail, len(nb.cells)):
        cell = nbformat.v4.new_markdown_cell(text)
        cell.id = f"{stem[:2]}-{tag}"
        cell.metadata = {"tags": [f"generated-{tag}"]}
        nb.cells.append(cell)
    nbformat.validate(nb)
    target.parent.mkdir(exist_ok=True)
    nbformat.write(nb, target)
    return target


def main(argv: list[str]) -> int:
    chapters = [Path(a) for a in argv] or sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
    for ch in chapters:
        path = build(ch.resolve())
        print(f"built {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
