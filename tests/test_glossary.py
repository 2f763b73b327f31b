"""The course glossary (data/glossary.csv → notebooks/glossary.md) and the chapters' links into it."""

import re

import pytest

from hfs_edu.citations import tier_of
from hfs_edu.notebook import glossary_markdown, heading_anchor, load_glossary
from notebook_utils import CHAPTERS, ids

LINK = re.compile(r"\]\(glossary\.md#([^)\s]+)\)")
GLOSSARY = load_glossary()


def test_rows_are_complete_and_unique():
    assert len(GLOSSARY) >= 25
    for col in ("term", "anchor", "definition", "source_key", "chapter"):
        assert GLOSSARY[col].notna().all(), f"data/glossary.csv: empty {col!r} in some row"
    assert not GLOSSARY["term"].duplicated().any(), "data/glossary.csv: a term appears twice"
    assert not GLOSSARY["anchor"].duplicated().any(), "data/glossary.csv: an anchor appears twice"
    bad = [c for c in GLOSSARY["chapter"] if not re.fullmatch(r"0\d", str(c))]
    assert not bad, f"data/glossary.csv: chapter must be a two-digit number 00-09, got {bad}"


def test_anchor_is_the_id_jupyterlab_gives_the_heading():
    """JupyterLab 4 (rendermime createHeaderId) replaces each space of the heading text by '-'."""
    for term, anchor in zip(GLOSSARY["term"], GLOSSARY["anchor"]):
        assert anchor == heading_anchor(term), f"glossary term {term!r}: anchor must be {heading_anchor(term)!r}"
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9'_.-]*", anchor), (
            f"glossary term {term!r}: use letters, digits, spaces and '-' only, "
            f"so the link {anchor!r} is a plain URL fragment"
        )


def test_every_source_key_resolves():
    for _term, key in zip(GLOSSARY["term"], GLOSSARY["source_key"]):
        tier_of(key)  # ValueError naming the key if it is not in data/bibliography.csv


def test_glossary_page_has_one_heading_per_term():
    page = glossary_markdown()
    headings = re.findall(r"^### (.+)$", page, re.MULTILINE)
    assert sorted(headings) == sorted(GLOSSARY["term"])
    assert headings == sorted(headings, key=str.casefold), "entries are alphabetical"
    assert "## References" in page and ("[A]" in page or "[B]" in page)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_every_glossary_link_in_a_chapter_resolves(chapter):
    anchors = set(GLOSSARY["anchor"])
    links = LINK.findall(chapter.read_text(encoding="utf-8"))
    missing = sorted(set(links) - anchors)
    assert not missing, (
        f"{chapter.name}: links to glossary.md#{missing} have no row in data/glossary.csv "
        "(add the term; its anchor is the term with spaces replaced by '-')"
    )


def test_glossary_page_on_disk_is_current_and_every_notebook_link_finds_its_heading():
    """Review X01 (chapter 09): notebooks/glossary.md must be rebuilt from data/glossary.csv
    (``tools/build_notebooks.py``), or a link opens the page at the top without its term."""
    from pathlib import Path

    page_file = Path(__file__).resolve().parent.parent / "notebooks" / "glossary.md"
    if not page_file.exists():
        pytest.skip("notebooks/glossary.md not built yet (tools/build_notebooks.py)")
    page = page_file.read_text(encoding="utf-8")
    assert page == glossary_markdown(), "notebooks/glossary.md is stale: run tools/build_notebooks.py and commit it"
    headings = {heading_anchor(h) for h in re.findall(r"^### (.+)$", page, re.MULTILINE)}
    for chapter in CHAPTERS:
        missing = sorted(set(LINK.findall(chapter.read_text(encoding="utf-8"))) - headings)
        assert not missing, f"{chapter.name}: glossary.md#{missing} has no heading in notebooks/glossary.md"
