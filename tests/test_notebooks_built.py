"""Notebooks are built from chapters/*.py and have not drifted from them."""
import sys

import pytest

from notebook_utils import CHAPTERS, NOTEBOOKS, ROOT, ids, read

sys.path.insert(0, str(ROOT / "tools"))
import build_notebooks  # noqa: E402


def test_every_chapter_has_a_notebook_and_vice_versa():
    assert ids(CHAPTERS) == ids(NOTEBOOKS)
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_notebook_sources_match_chapter(chapter):
    cells = build_notebooks.parse_chapter(chapter.read_text(encoding="utf-8"))
    nb = read(ROOT / "notebooks" / f"{chapter.stem}.ipynb")
    body = nb.cells[: len(cells)]
    assert len(nb.cells) == len(cells) + 2, "run `make notebooks`: cell count differs from the chapter file"
    for i, (want, got) in enumerate(zip(cells, body)):
        assert got.cell_type == want["type"], f"cell {i}: run `make notebooks`"
        assert got.source == want["source"], f"cell {i} differs from {chapter.name}: run `make notebooks`"
        assert got.metadata.get("tags", []) == want["tags"]
    refs = nb.cells[-2].source
    keys = build_notebooks.chapter_citations(cells)
    for key in keys:
        assert f"**[{key}]**" in refs, f"{key} is cited but not in the References cell: run `make notebooks`"
