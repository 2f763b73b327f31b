"""Chapter 00's course map and the README's chapter table show which chapters exist (student review B7)."""

import re

import pytest
from matplotlib.patches import FancyBboxPatch

from hfs_edu.figures import overview
from hfs_edu.notebook import chapter_status, course_status
from notebook_utils import NOTEBOOKS, ROOT


def test_chapter_status_is_derived_from_the_files_given():
    status = chapter_status(["notebooks/00_start_here.ipynb", "03_crosstalk.ipynb", "glossary.md", "04_draft.py"])
    assert [c.number for c in status] == [f"{i:02d}" for i in range(10)]
    assert {c.number for c in status if c.status == "ready"} == {"00", "03"}
    assert status[3].notebook == "03_crosstalk.ipynb" and status[4].notebook is None
    assert status[1].title == "The facial nerve"  # map titles without their line breaks
    assert all(c.status == "planned" for c in chapter_status([]))


@pytest.mark.parametrize("bad, exc", [("00_start_here.ipynb", TypeError), (3, TypeError), ([3], TypeError)])
def test_chapter_status_rejects_bad_input(bad, exc):
    with pytest.raises(exc, match="notebook_files"):
        chapter_status(bad)


def test_course_status_matches_the_notebooks_folder():
    ready = {c.number for c in course_status() if c.status == "ready"}
    assert ready == {p.stem[:2] for p in NOTEBOOKS}


def _dashed_boxes(fig) -> dict[str, bool]:
    ax = fig.axes[0]
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    out = {}
    for num, (x, y) in overview._POSITIONS.items():
        box = next(
            b
            for b in boxes
            if abs(b.get_x() + b.get_width() / 2 - x) < 1e-6 and abs(b.get_y() + b.get_height() / 2 - y) < 1e-6
        )
        out[num] = box.get_linestyle() not in ("-", "solid")
    return out


def test_course_map_draws_planned_chapters_dashed_and_coming():
    fig = overview.course_map(highlight="00")
    planned = {c.number for c in course_status() if c.status == "planned"}
    dashed = _dashed_boxes(fig)
    assert {n for n, d in dashed.items() if d} == planned
    coming = [t for t in fig.axes[0].texts if t.get_text() == "(coming)"]
    assert len(coming) == len(planned)
    fig2 = overview.course_map(ready=["00", "01"])
    assert {n for n, d in _dashed_boxes(fig2).items() if d} == {f"{i:02d}" for i in range(2, 10)}
    assert "(coming)" in fig2.hfs_caption


@pytest.mark.parametrize("bad, exc", [("00", TypeError), (["12"], ValueError), (5, TypeError)])
def test_course_map_rejects_a_bad_ready_list(bad, exc):
    with pytest.raises(exc, match="ready"):
        overview.course_map(ready=bad)


def test_readme_chapter_table_agrees_with_the_notebooks_present():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d\d) \|.*\| (ready|planned) \|\s*$", text, re.MULTILINE))
    status = {c.number: c.status for c in course_status()}
    assert rows == status, (
        "README.md's chapter table (| NN | … | ready/planned |) must list every chapter 00-09 "
        f"with the status of its notebook: README {rows}, notebooks {status}"
    )
    for c in course_status():
        if c.status == "ready":
            assert f"](notebooks/{c.notebook})" in text, f"README.md: link chapter {c.number} to notebooks/{c.notebook}"
