"""Write the student edition of every chapter (``make student``) and execute it (``make test-student``).

The authoring notebooks in ``notebooks/`` are the **instructor edition**. The student edition in
``build/student/`` (gitignored) is derived from them, chapter by chapter as found by the glob
``notebooks/[0-9][0-9]_*.ipynb`` (never a list):

* removed: every cell tagged ``solution`` (the "Worked solution" lead-in, the solution code and its
  output, the "Why these answers" note) and every cell tagged ``answer`` (the "What you should see"
  answers of the Try-its); their outputs go with them, and the stored widget state keeps only the
  models that the remaining outputs display;
* kept: the exercise scaffolds (``exercise``), the ``deeper`` sections, every other cell and output;
* the quiz: the instructor cell ``hfs.quiz("NN_name")`` shows the quiz *and* a collapsed answer key,
  and checks answers against the key in ``data/quizzes``. The student cell instead calls
  ``student_quiz("quizzes/NN_name.json")``, a key-free copy written beside the notebooks
  (:func:`hfs_edu.quizzes.student_quiz`: stems, options in display order, hints; no ``correct``,
  ``why``, ``answer``, ``explanation``). The widget notes the answer and says to check it with the
  instructor. Honest limit: the course package that the kernel imports still ships
  ``data/quizzes`` with its keys (the instructor edition and the tests need it), so a student who
  opens those files can read them: the edition keeps answers off the page, it is not an exam lock;
* added: a short note under the title saying what this edition leaves out, and one above the quiz.

``--execute`` runs every student notebook (kernel cwd = ``build/student``) and fails unless the only
errors are at most one ``NotImplementedError`` per ``exercise`` cell; ``--check`` also verifies that
every exercise of the student edition has its worked solution in the instructor edition (the
solution cell that follows the same exercise calls the same checker with the same names and its
stored output shows every part right).

Usage: python tools/student_edition.py [--out build/student] [--execute] [notebooks/NN_x.ipynb ...]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
REMOVED_TAGS = ("solution", "answer")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
QUIZ_CALL = re.compile(r"""hfs\.quiz\(\s*["'](?P<chapter>[0-9]{2}_\w+)["']\s*\)""")
CHECK_CALL = re.compile(r"check\(\s*[\"'](?P<ch>\w+)[\"'](?P<args>[^)]*)\)")
ALLOWED_ERROR = "NotImplementedError"
EDITION_NOTE = (
    "> **Student edition.** This copy leaves out the worked solutions, the *What you should see* "
    "answers of the Try-its and the quiz's answer key. Try everything yourself first; your instructor "
    "has the answers (the instructor edition)."
)
QUIZ_NOTE = (
    "*Student edition:* this quiz has no answer key. Choose your answers and press **Check** to note "
    "them (**Hint** gives a nudge); then check them with your instructor."
)


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _md(text: str, cell_id: str):
    cell = nbformat.v4.new_markdown_cell(text)
    cell.id = cell_id
    cell.metadata = {"slideshow": {"slide_type": "-"}, "tags": ["student-edition"]}
    return cell


def _reachable_models(nb) -> set[str]:
    """Widget model ids displayed by the notebook's outputs, and every model they reference."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    todo = [
        out["data"][WIDGET_VIEW]["model_id"]
        for c in nb.cells
        for out in c.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    ]
    seen: set[str] = set()
    while todo:
        mid = todo.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        todo += re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(state[mid]))
    return seen


def student_notebook(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Return the student edition of the instructor notebook ``nb`` (named ``stem``)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))  # a deep copy
    prefix = stem[:2]
    cells = []
    for i, cell in enumerate(nb.cells):
        if set(REMOVED_TAGS) & set(tags(cell)):
            continue
        m = QUIZ_CALL.search(cell.source) if cell.cell_type == "code" else None
        if m:
            cells.append(_md(QUIZ_NOTE, f"{prefix}-student-quiz-note"))
            cell.source = QUIZ_CALL.sub(lambda mm: f'student_quiz("quizzes/{mm.group("chapter")}.json")', cell.source)
            cell.source = "from hfs_edu.notebook import student_quiz\n\n" + cell.source
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
        if i == 0:
            cells.append(_md(EDITION_NOTE, f"{prefix}-student-note"))
    nb.cells = cells
    widgets = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    if widgets is not None:
        keep = _reachable_models(nb)
        widgets["state"] = {k: v for k, v in widgets.get("state", {}).items() if k in keep}
    nb.metadata["hfs_edition"] = "student"
    nbformat.validate(nb)
    return nb


def quiz_chapters(nb) -> list[str]:
    """The chapters whose quiz the instructor notebook ``nb`` shows."""
    return [m.group("chapter") for c in nb.cells if c.cell_type == "code" for m in QUIZ_CALL.finditer(c.source)]


def build(paths: list[Path], out: Path) -> list[Path]:
    """Write the student edition of ``paths`` into ``out`` (notebooks, key-free quizzes, glossary)."""
    from hfs_edu.quizzes import student_quiz

    out.mkdir(parents=True, exist_ok=True)
    (out / "quizzes").mkdir(exist_ok=True)
    written = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for chapter in quiz_chapters(nb):
            doc = student_quiz(chapter)
            (out / "quizzes" / f"{chapter}.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        target = out / path.name
        nbformat.write(student_notebook(nb, path.stem), target)
        written.append(target)
    glossary = ROOT / "notebooks" / "glossary.md"
    if glossary.exists():
        shutil.copyfile(glossary, out / "glossary.md")
    return written


def error_problems(nb) -> list[str]:
    """Errors an executed student notebook may not have: anything but one NotImplementedError per
    ``exercise`` cell."""
    problems = []
    for i, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors:
            continue
        ok = "exercise" in tags(cell) and len(errors) == 1 and errors[0].get("ename") == ALLOWED_ERROR
        if not ok:
            names = ", ".join(f"{e.get('ename')}: {str(e.get('evalue'))[:120]}" for e in errors)
            problems.append(f"cell {i} ({cell.get('id')}, tags {tags(cell)}) raised {names}")
    return problems


def execute(path: Path) -> nbformat.NotebookNode:
    """Execute the student notebook at ``path`` in place; return it (errors kept in the outputs)."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nbformat.write(nb, path)
    return nb


def _check_names(source: str) -> tuple[str, set[str]] | None:
    m = CHECK_CALL.search(source)
    if not m:
        return None
    return m.group("ch"), set(re.findall(r"(\w+)\s*=", m.group("args"))) - {"collapsed"}


def solution_problems(student: nbformat.NotebookNode, instructor: nbformat.NotebookNode) -> list[str]:
    """Exercises of ``student`` without a passing worked solution in ``instructor`` (empty: all have one)."""
    problems = []
    by_id = {c.get("id"): i for i, c in enumerate(instructor.cells)}
    for cell in student.cells:
        if "exercise" not in tags(cell):
            continue
        where = f"exercise {cell.get('id')}"
        i = by_id.get(cell.get("id"))
        if i is None:
            problems.append(f"{where} is not in the instructor edition")
            continue
        following = instructor.cells[i + 1 :]
        solution = next(
            (c for c in following if c.cell_type == "code" and "solution" in tags(c)),
            None,
        )
        nxt_ex = next((j for j, c in enumerate(following) if "exercise" in tags(c)), len(following))
        if solution is None or following.index(solution) > nxt_ex:
            problems.append(f"{where} has no solution code cell after it in the instructor edition")
            continue
        ex_call, sol_call = _check_names(cell.source), _check_names(solution.source)
        if ex_call is None or sol_call is None or ex_call[0] != sol_call[0] or not ex_call[1] <= sol_call[1]:
            problems.append(f"{where}: the solution does not call the same check({ex_call}) as the scaffold")
            continue
        text = "".join(
            "".join(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in solution.get("outputs", [])
        )
        if "✓" not in text or "✗" in text or "Still blank" in text or not solution.get("outputs"):
            problems.append(f"{where}: the stored output of its solution does not show every part right")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "student")
    parser.add_argument("--execute", action="store_true", help="execute the student edition and check its errors")
    parser.add_argument("--check", action="store_true", help="check every exercise has its solution (instructor)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob(NOTEBOOK_GLOB))
    failures = []
    for target in build(paths, args.out):
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    for path in paths:
        target = args.out / path.name
        if args.check:
            problems = solution_problems(nbformat.read(target, 4), nbformat.read(path, 4))
            failures += [f"{path.name}: {p}" for p in problems]
        if args.execute:
            t0 = time.perf_counter()
            nb = execute(target)
            failures += [f"{path.name}: {p}" for p in error_problems(nb)]
            print(f"executed {target.name} in {time.perf_counter() - t0:.1f} s")
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
