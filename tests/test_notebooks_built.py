"""Notebooks are built from chapters/*.py (jupytext percent format) and have not drifted from them.

The stored notebook must be exactly what ``tools/build_notebooks.py`` builds from the chapter
now (cell ids, types, sources, all cell metadata: tags, hidden solutions, slide types, the
generated References and disclaimer cells); only outputs and execution counts come from the
executor. Any difference means: run ``make notebooks``.
"""

import json

import build_notebooks
import jupytext
import pytest

from notebook_utils import CHAPTERS, NOTEBOOKS, ROOT, ids, read


def test_every_chapter_has_a_notebook_and_vice_versa():
    assert ids(CHAPTERS) == ids(NOTEBOOKS)
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_notebook_is_what_the_builder_makes_of_the_chapter(chapter):
    stored = read(ROOT / "notebooks" / f"{chapter.stem}.ipynb")
    built = build_notebooks.build_notebook(chapter, stored)
    fix = f"{chapter.name} and notebooks/{chapter.stem}.ipynb differ: run `make notebooks`"
    assert [c.id for c in stored.cells] == [c.id for c in built.cells], f"cell ids/count: {fix}"
    for i, (got, want) in enumerate(zip(stored.cells, built.cells)):
        assert got.cell_type == want.cell_type, f"cell {i} ({got.id}) type: {fix}"
        assert got.source == want.source, f"cell {i} ({got.id}) source: {fix}"
        assert dict(got.metadata) == dict(want.metadata), (
            f"cell {i} ({got.id}) metadata {json.dumps(got.metadata)} != {json.dumps(want.metadata)}: {fix}"
        )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_the_builder_takes_cells_from_jupytext(chapter):
    """Body cells are jupytext's cells; the two generated cells close the notebook."""
    src = jupytext.read(chapter, fmt="py:percent")
    built = build_notebooks.build_notebook(chapter)
    assert len(built.cells) == len(src.cells) + 2
    for want, got in zip(src.cells, built.cells):
        assert (got.cell_type, got.source) == (want.cell_type, want.source)
        extra = {"hide-cell"} if got.cell_type == "code" and "solution" in want.metadata.get("tags", []) else set()
        assert set(got.metadata.get("tags", [])) == set(want.metadata.get("tags", [])) | extra
    assert built.cells[-2].metadata["tags"] == ["generated-references"]
    assert built.cells[-1].metadata["tags"] == ["generated-disclaimer"]
    keys = build_notebooks.chapter_citations(src.cells)
    for key in keys:
        assert f"**[{key}]**" in built.cells[-2].source, f"{key} is cited but not in the References cell"


def test_rebuilding_is_deterministic_and_keeps_outputs(tmp_path):
    chapter = CHAPTERS[0]
    stored = read(ROOT / "notebooks" / f"{chapter.stem}.ipynb")
    first = build_notebooks.build_notebook(chapter, stored)
    second = build_notebooks.build_notebook(chapter, first)
    assert first == second
    kept = {c.source: c.outputs for c in stored.cells if c.cell_type == "code"}
    for c in first.cells:
        if c.cell_type == "code" and c.source in kept:
            assert c.outputs == kept[c.source]
    fresh = build_notebooks.build_notebook(chapter)
    assert [c.id for c in fresh.cells] == [c.id for c in first.cells], "ids must not depend on a stored notebook"
    assert all(not c.outputs for c in fresh.cells if c.cell_type == "code")


def test_solution_code_and_output_are_hidden_and_the_lead_in_stays_visible(tmp_path):
    chapter = tmp_path / "42_demo.py"
    chapter.write_text(
        "# %% [markdown]\n# # 42 · Demo\n\n# %% [markdown]\n# ## Exercise\n\n"
        '# %% tags=["exercise"]\nx = ...\n\n'
        '# %% [markdown] tags=["solution"]\n# **Worked solution**\n\n'
        '# %% tags=["solution"]\nx = 1\nprint(x)\n',
        encoding="utf-8",
    )
    nb = build_notebooks.build_notebook(chapter)
    lead, sol = nb.cells[3], nb.cells[4]
    assert sol.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert sol.metadata["tags"] == ["solution", "hide-cell"]
    assert "jupyter" not in lead.metadata and lead.metadata["tags"] == ["solution"]
    assert [c.metadata["slideshow"]["slide_type"] for c in nb.cells] == [
        "slide",
        "slide",
        "skip",
        "skip",
        "skip",
        "skip",
        "-",
    ]


def test_slide_types_follow_the_headings(tmp_path):
    chapter = tmp_path / "42_demo.py"
    chapter.write_text(
        "# %% [markdown]\n# # 42 · Demo\n\n# %%\nimport hfs_edu as hfs\n\nhfs.setup()\n\n"
        "# %% [markdown]\n# ## 1. One\n\n# %% [markdown]\n# Some text.\n\n"
        '# %%\nhfs.show(fig, "42.1")\n\n# %% [markdown]\n# ### Try it: x\n\n'
        '# %% [markdown] tags=["answer"]\n# <details>\n\n'
        '# %% [markdown] tags=["deeper"]\n# ### Going deeper: y\n\n'
        '# %% [markdown] slideshow={"slide_type": "notes"}\n# Say this aloud.\n',
        encoding="utf-8",
    )
    nb = build_notebooks.build_notebook(chapter)
    types = [c.metadata["slideshow"]["slide_type"] for c in nb.cells]
    assert types == ["slide", "skip", "slide", "-", "subslide", "subslide", "fragment", "skip", "notes", "skip", "-"]


def test_a_chapter_without_markers_or_with_an_empty_markdown_cell_is_rejected(tmp_path):
    chapter = tmp_path / "42_demo.py"
    chapter.write_text("# %% [markdown]\n\n# %%\nx = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty markdown cell"):
        build_notebooks.build_notebook(chapter)


def test_glossary_page_is_up_to_date():
    page = ROOT / "notebooks" / "glossary.md"
    from hfs_edu.notebook import glossary_markdown

    assert page.exists() and page.read_text(encoding="utf-8") == glossary_markdown(), (
        "notebooks/glossary.md is not what data/glossary.csv renders to: run `make notebooks`"
    )
