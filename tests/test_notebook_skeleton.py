"""Every chapter follows the course skeleton and the conventions for a student working alone.

See CONTRIBUTING.md ("Skeleton" and "Chapter conventions for a student working alone"). The
tests read what ``tools/build_notebooks.py`` builds from ``chapters/NN_name.py`` *now* (no need
to rebuild first), so an author sees exactly what is missing. Each message names the chapter,
the cell (number as in the built notebook, and its first line) and the expected markup.
"""

import ast
import re

import build_notebooks
import pytest
from pacing import ITEM, try_it_questions

from notebook_utils import CHAPTERS, ids

OPTIONAL_LINE = "*Optional: skip it on the core path.*"
ANSWER_TEMPLATE = (
    '# %% [markdown] tags=["answer"]\n# <details><summary><b>What you should see</b> '
    "(open after you have tried)</summary>\n#\n# 1. …\n# </details>"
)


def _built(chapter):
    return build_notebooks.build_notebook(chapter)


def _tags(cell):
    return cell.metadata.get("tags", [])


def _first(cell) -> str:
    return next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")[:70]


def _where(chapter, i, cell) -> str:
    return f"{chapter.name}, cell {i} (`{_first(cell)}`)"


def _heading_level(cell) -> int | None:
    """Level of the heading that opens a markdown cell (``### x`` -> 3), else None."""
    if cell.cell_type != "markdown":
        return None
    m = re.match(r"^(#{1,6}) \S", _first(cell))
    return len(m.group(1)) if m else None


def _find(nb, pattern, start=0):
    rx = re.compile(pattern, re.MULTILINE)
    for i, c in enumerate(nb.cells):
        if i >= start and c.cell_type == "markdown" and rx.search(c.source):
            return i
    return None


def _check_calls(source: str, number: str) -> list[set[str]]:
    """Keyword names of every ``check("NN", ...)`` call in ``source``."""
    calls = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "check"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == number
        ):
            calls.append({k.arg for k in node.keywords} - {"collapsed"})
    return calls


def check_skeleton_in_order(chapter):
    nb = _built(chapter)
    num = chapter.stem[:2]
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
        assert found is not None, (
            f"{chapter.name}: missing '{name}' (pattern {pattern!r}), or out of order after cell {pos}"
        )
        pos = found
    assert nb.cells[0].source.startswith(f"# {num} · "), (
        f"{chapter.name}: the title `# {num} · …` must be the first cell"
    )


def check_try_it_has_controls_numbered_questions_view_and_answers(chapter):
    nb = _built(chapter)
    found = 0
    for i, c in enumerate(nb.cells):
        if c.cell_type != "markdown" or not re.search(r"^### Try it", c.source, re.MULTILINE):
            continue
        found += 1
        where = _where(chapter, i, c)
        assert "**Controls.**" in c.source, f"{where}: a Try it needs a `**Controls.**` legend (what each control does)"
        assert re.search(r"^\s*\*\*Questions to explore", c.source, re.MULTILINE), (
            f"{where}: a Try it needs a `**Questions to explore**` line followed by numbered questions"
        )
        n_q = try_it_questions(c.source)
        assert n_q, (
            f"{where}: the questions under `**Questions to explore**` must be a numbered list "
            "(`1. …`, `2. …`), not bullets, so the answers can follow the same numbers"
        )
        assert i + 2 < len(nb.cells), f"{where}: a Try it needs its view cell and an answer cell after it"
        view, answer = nb.cells[i + 1], nb.cells[i + 2]
        assert view.cell_type == "code", f"{where}: the cell right after a Try it must be the view (code) cell"
        where_a = _where(chapter, i + 2, answer)
        assert answer.cell_type == "markdown" and "answer" in _tags(answer), (
            f"{where_a}: after the view cell comes the answer cell, a markdown cell tagged 'answer':\n{ANSWER_TEMPLATE}"
        )
        assert (
            "<details>" in answer.source and "What you should see" in answer.source and "</details>" in answer.source
        ), (
            f"{where_a}: the answer cell must be a collapsed `<details>` with the summary "
            f"'What you should see':\n{ANSWER_TEMPLATE}"
        )
        inside = answer.source.split("<details>", 1)[1].split("</details>", 1)[0]
        n_a = sum(1 for ln in inside.splitlines() if ITEM.match(ln))
        assert n_a == n_q, (
            f"{where_a}: {n_q} numbered question(s) in the Try it but {n_a} numbered answer(s) "
            "inside <details>; give one answer per question, same numbering"
        )
    assert found, f"{chapter.name}: at least one `### Try it: …` section is required"


def check_going_deeper_sections_are_optional_and_tagged(chapter):
    nb = _built(chapter)
    in_section = set()
    i = 0
    while i < len(nb.cells):
        c = nb.cells[i]
        if c.cell_type == "markdown" and re.match(r"^### Going deeper: \S", _first(c)):
            lines = [ln.strip() for ln in c.source.splitlines() if ln.strip()]
            assert len(lines) > 1 and lines[1] == OPTIONAL_LINE, (
                f"{_where(chapter, i, c)}: the first line after `### Going deeper: …` must be `{OPTIONAL_LINE}`"
            )
            j = i
            while j < len(nb.cells):
                cell = nb.cells[j]
                level = _heading_level(cell)
                if j > i and level is not None and level <= 3:
                    break
                if any(t.startswith("generated-") for t in _tags(cell)):
                    break
                assert "deeper" in _tags(cell), (
                    f"{_where(chapter, j, cell)}: every cell of a Going deeper section (up to the next heading "
                    "of level 1-3) must carry the tag 'deeper': `# %% [markdown] tags=[\"deeper\"]` or "
                    '`# %% tags=["deeper"]`'
                )
                in_section.add(j)
                j += 1
            i = j
            continue
        i += 1
    stray = [k for k, c in enumerate(nb.cells) if "deeper" in _tags(c) and k not in in_section]
    assert not stray, (
        f"{chapter.name}: cells {stray} are tagged 'deeper' outside a `### Going deeper: …` section; "
        "start the section with that heading, or drop the tag"
    )


def check_exercise_has_blanks_a_checker_and_a_hidden_worked_solution(chapter):
    nb = _built(chapter)
    num = chapter.stem[:2]
    start = _find(nb, r"^## Exercise")
    assert start is not None, f"{chapter.name}: missing `## Exercise`"
    end = next((k for k in range(start + 1, len(nb.cells)) if _heading_level(nb.cells[k]) in (1, 2)), len(nb.cells))
    section = list(range(start, end))
    intro = "\n".join(
        nb.cells[k].source
        for k in section
        if nb.cells[k].cell_type == "markdown" and "solution" not in _tags(nb.cells[k])
    )
    assert re.search(r"^\s*\*\*Time:\*\*\s*about\s+\d+\s*min\b", intro, re.MULTILINE), (
        f"{chapter.name}: the Exercise text must say how long it takes, as a line `**Time:** about N min` "
        "(tools/pacing.py reads it)"
    )
    exercise = [k for k in section if "exercise" in _tags(nb.cells[k])]
    assert exercise, (
        f"{chapter.name}: the Exercise needs a code cell tagged 'exercise' (`# %% tags=[\"exercise\"]`) "
        f'with the imports done, blanks `...` and a final `check("{num}", name=value, ...)`'
    )
    ex = nb.cells[exercise[0]]
    where = _where(chapter, exercise[0], ex)
    assert ex.cell_type == "code", f"{where}: the 'exercise' cell must be a code cell"
    assert "..." in ex.source, f"{where}: the exercise cell must contain blanks `...` for the student to fill"
    ex_calls = _check_calls(ex.source, num)
    assert ex_calls, (
        f'{where}: the exercise cell must call `check("{num}", name=value, ...)` (from hfs_edu.exercises import check)'
    )
    lead = [
        k
        for k in section
        if k > exercise[0] and nb.cells[k].cell_type == "markdown" and "solution" in _tags(nb.cells[k])
    ]
    assert lead and "Worked solution" in nb.cells[lead[0]].source, (
        f"{chapter.name}: after the exercise cell comes a markdown lead-in tagged 'solution': "
        '`# %% [markdown] tags=["solution"]` + `# **Worked solution** — open it after you have tried`'
    )
    sol = [k for k in section if k > lead[0] and nb.cells[k].cell_type == "code" and "solution" in _tags(nb.cells[k])]
    assert sol, f"{chapter.name}: after the lead-in comes the worked solution, a code cell tagged 'solution'"
    s = nb.cells[sol[0]]
    where_s = _where(chapter, sol[0], s)
    sol_calls = _check_calls(s.source, num)
    assert sol_calls and sol_calls[-1] == ex_calls[-1], (
        f"{where_s}: the worked solution must fill the same blanks and call the same checker: "
        f'`check("{num}", {", ".join(sorted(ex_calls[-1]))}=...)`; found {[sorted(c) for c in sol_calls]}'
    )
    assert not re.search(r"(?<![.\w])\.\.\.(?![.\w])", s.source), (
        f"{where_s}: the worked solution still has a blank `...`"
    )
    assert re.search(r"collapsed\s*=\s*True", s.source), (
        f"{where_s}: the worked solution calls the checker with `collapsed=True`, "
        "so its result stays folded after Run All"
    )
    assert "print(" not in s.source, (
        f"{where_s}: no print() in a worked solution: a printed answer shows as soon as the cell runs (Run All)"
    )
    assert s.metadata.get("jupyter") == {"source_hidden": True, "outputs_hidden": True}, (
        f"{where_s}: not hidden by the builder"
    )
    assert "hide-cell" in _tags(s), f"{where_s}: the builder adds the Jupyter Book tag 'hide-cell'"


def check_chapter_links_the_glossary(chapter):
    nb = _built(chapter)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"\]\(glossary\.md#[^)\s]+\)", prose), (
        f"{chapter.name}: define terms at first use and link them to the glossary, e.g. "
        "`[ephaptic](glossary.md#ephaptic)` (anchors: data/glossary.csv, column 'anchor')"
    )


def check_quiz_cell_shows_this_chapters_quiz(chapter):
    nb = _built(chapter)
    start = _find(nb, r"^## Self-check quiz")
    assert start is not None, f"{chapter.name}: missing `## Self-check quiz`"
    code = next((c for c in nb.cells[start:] if c.cell_type == "code"), None)
    assert code is not None and f'hfs.quiz("{chapter.stem}")' in code.source, (
        f'{chapter.name}: the first code cell after `## Self-check quiz` must be `hfs.quiz("{chapter.stem}")`'
    )


def check_code_cells_a_student_reads_are_short(chapter):
    nb = _built(chapter)
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code" and "solution" not in _tags(c):
            n = len([ln for ln in c.source.splitlines() if ln.strip()])
            assert n <= 12, f"{_where(chapter, i, c)} has {n} lines (at most 12); move logic into hfs_edu"


CHECKS = [
    check_skeleton_in_order,
    check_try_it_has_controls_numbered_questions_view_and_answers,
    check_going_deeper_sections_are_optional_and_tagged,
    check_exercise_has_blanks_a_checker_and_a_hidden_worked_solution,
    check_chapter_links_the_glossary,
    check_quiz_cell_shows_this_chapters_quiz,
    check_code_cells_a_student_reads_are_short,
]


@pytest.mark.parametrize("check", CHECKS, ids=[c.__name__.removeprefix("check_") for c in CHECKS])
@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_chapter_conventions(chapter, check):
    check(chapter)
