"""Every chapter follows the course skeleton (see CONTRIBUTING.md)."""
import re

import pytest

from notebook_utils import NOTEBOOKS, ids, read


def _md(nb):
    return [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]


def _find(nb, pattern, start=0):
    rx = re.compile(pattern, re.MULTILINE)
    for i, src in _md(nb):
        if i >= start and rx.search(src):
            return i
    return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_skeleton_in_order(path):
    nb = read(path)
    num = path.stem[:2]
    steps = [
        ("title", rf"^# {num} · \S"),
        ("learning objectives", r"^## Learning objectives"),
        ("estimated time", r"\*\*Estimated time:\*\*"),
        ("prerequisites", r"\*\*Prerequisites:\*\*"),
        ("first numbered section", r"^## 1\. \S"),
        ("try it", r"^### Try it"),
        ("exercise", r"^## Exercise"),
        ("self-check quiz", r"^## Self-check quiz"),
        ("key takeaways", r"^## Key takeaways"),
        ("references", r"^## References"),
        ("disclaimer", r"\*\*Medical disclaimer\.\*\*"),
    ]
    pos = 0
    for name, pattern in steps:
        found = _find(nb, pattern, pos)
        assert found is not None, f"{path.name}: missing '{name}' (or out of order after cell {pos})"
        pos = found
    assert nb.cells[0].source.startswith(f"# {num} · "), "the title must be the first cell"
    assert "Medical disclaimer" in nb.cells[-1].source, "the disclaimer must be the last cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_try_it_has_controls_legend_questions_and_a_widget(path):
    nb = read(path)
    for i, src in _md(nb):
        if re.search(r"^### Try it", src, re.MULTILINE):
            assert "**Controls.**" in src, f"{path.name} cell {i}: a Try it needs a controls legend"
            assert re.search(r"\*\*Questions", src), f"{path.name} cell {i}: a Try it needs guiding questions"
            nxt = nb.cells[i + 1]
            assert nxt.cell_type == "code", f"{path.name} cell {i}: a Try it is followed by its widget cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_exercise_has_student_cell_and_hidden_tagged_solution(path):
    nb = read(path)
    start = _find(nb, r"^## Exercise")
    tags = [(i, c.metadata.get("tags", [])) for i, c in enumerate(nb.cells)]
    exercise = [i for i, t in tags if "exercise" in t and i > start]
    solution = [i for i, t in tags if "solution" in t and i > start]
    assert exercise and solution, f"{path.name}: an exercise needs a cell tagged 'exercise' and one tagged 'solution'"
    assert exercise[0] < solution[0]
    for i in solution:
        cell = nb.cells[i]
        assert cell.cell_type == "code"
        assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, f"{path.name}: solution not collapsed"
    for i in exercise:
        code = [ln for ln in nb.cells[i].source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        assert not code, f"{path.name}: the student's exercise cell must be empty (comments only)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_quiz_cell_shows_this_chapters_quiz(path):
    nb = read(path)
    start = _find(nb, r"^## Self-check quiz")
    code = next(c for c in nb.cells[start:] if c.cell_type == "code")
    assert f'hfs.quiz("{path.stem}")' in code.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_code_cells_a_student_reads_are_short(path):
    nb = read(path)
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code" and "solution" not in c.metadata.get("tags", []):
            n = len([ln for ln in c.source.splitlines() if ln.strip()])
            assert n <= 12, f"{path.name} cell {i} has {n} lines; move logic into hfs_edu"
