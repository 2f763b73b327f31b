"""The student edition (``make student``): no worked solution, Try-it answer or quiz key on the page;
every exercise scaffold kept, and every exercise has its worked solution in the instructor edition.

Executing the student edition is ``make test-student`` (tools/student_edition.py --execute --check),
a CI step of its own; these tests build it in memory from the stored instructor notebooks.
"""

import json

import nbformat
import pytest
import student_edition as se

from hfs_edu.data import DataFileError
from hfs_edu.quizzes import KEY_FIELDS, answer_text, load_quiz, load_student_quiz, student_quiz
from hfs_edu.widgets.quiz import ASK_INSTRUCTOR, StudentQuizView
from notebook_utils import NOTEBOOKS, ids, read


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=ids(NOTEBOOKS))
def editions(request):
    instructor = read(request.param)
    return request.param.stem, instructor, se.student_notebook(instructor, request.param.stem)


def test_every_chapter_present_is_found():
    assert NOTEBOOKS, "no notebooks/NN_*.ipynb found"


def test_solutions_and_answers_removed(editions):
    _stem, instructor, student = editions
    assert not [c.id for c in student.cells if {"solution", "answer"} & set(se.tags(c))]
    removed = [c for c in instructor.cells if {"solution", "answer"} & set(se.tags(c))]
    assert removed, "an instructor notebook without any solution or answer cell"
    kept_ids = {c.id for c in student.cells}
    assert not kept_ids & {c.id for c in removed}
    text = json.dumps(student)  # everything: sources, outputs, widget state
    for c in removed:
        distinctive = [ln.strip() for ln in c.source.splitlines() if len(ln.strip()) > 40]
        for line in distinctive:
            if not any(line in k.source for k in student.cells):  # a line the student sees elsewhere anyway
                assert json.dumps(line)[1:-1] not in text, f"removed text survives: {line[:60]}"


def test_exercise_scaffolds_kept_unchanged(editions):
    _stem, instructor, student = editions
    ex_i = [(c.id, c.source) for c in instructor.cells if "exercise" in se.tags(c)]
    ex_s = [(c.id, c.source) for c in student.cells if "exercise" in se.tags(c)]
    assert ex_i and ex_s == ex_i


def test_quiz_keys_not_in_the_student_edition(editions):
    stem, instructor, student = editions
    chapters = se.quiz_chapters(instructor)
    assert chapters, f"{stem} shows no quiz"
    assert not se.quiz_chapters(student)
    text = json.dumps(student)
    assert "Answer key" not in text
    for chapter in chapters:
        assert any(f'student_quiz("quizzes/{chapter}.json")' in c.source for c in student.cells)
        for q in load_quiz(chapter):
            assert json.dumps(q["explanation"].strip())[1:-1] not in text
            assert json.dumps(answer_text(q))[1:-1] not in text or q["type"] != "numeric"


def test_widget_state_keeps_only_displayed_models(editions):
    _stem, _instructor, student = editions
    state = student.metadata.get("widgets", {}).get(se.WIDGET_STATE, {}).get("state", {})
    assert set(state) == se._reachable_models(student)


def test_every_exercise_has_a_passing_solution_in_the_instructor_edition(editions):
    _stem, instructor, student = editions
    assert se.solution_problems(student, instructor) == []


def test_solution_check_catches_a_missing_solution(editions):
    _stem, instructor, student = editions
    stripped = nbformat.from_dict(json.loads(json.dumps(instructor)))
    stripped.cells = [c for c in stripped.cells if not ("solution" in se.tags(c) and c.cell_type == "code")]
    assert se.solution_problems(student, stripped)


@pytest.mark.parametrize("chapter", sorted({ch for p in NOTEBOOKS for ch in se.quiz_chapters(read(p))}))
def test_student_quiz_has_no_key_and_every_question(chapter):
    doc = student_quiz(chapter)
    full = load_quiz(chapter)
    assert [q["id"] for q in doc["questions"]] == [q["id"] for q in full]
    for s, q in zip(doc["questions"], full):
        assert not set(s) & set(KEY_FIELDS)
        if q["type"] != "numeric":
            assert sorted(s["options"]) == sorted(o["text"] for o in q["options"])
    assert '"correct"' not in json.dumps(doc)


def test_student_quiz_widget_sends_to_instructor(tmp_path):
    chapter = se.quiz_chapters(read(NOTEBOOKS[0]))[0]
    path = tmp_path / "q.json"
    path.write_text(json.dumps(student_quiz(chapter)))
    view = StudentQuizView(path)
    card = next(c for c in view.cards if c["q"]["type"] != "numeric")
    view.check(card)
    assert "Choose an answer first" in card["feedback"].value
    card["toggles"][1].value = True
    view.check(card)
    assert "Your answer: <b>B</b>" in card["feedback"].value and ASK_INSTRUCTOR in card["feedback"].value
    assert not any(q["explanation"][:40] in card["feedback"].value for q in load_quiz(chapter))
    view.hint(card)
    assert "Hint:" in card["feedback"].value


def test_student_quiz_file_with_a_key_is_refused(tmp_path):
    chapter = se.quiz_chapters(read(NOTEBOOKS[0]))[0]
    doc = student_quiz(chapter)
    doc["questions"][0]["correct"] = 0
    path = tmp_path / "q.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(DataFileError, match="key field"):
        load_student_quiz(path)
    with pytest.raises(TypeError, match="path"):
        load_student_quiz(3)


def _nb_with_errors(*cells):
    nb = nbformat.v4.new_notebook()
    for tag, errors in cells:
        c = nbformat.v4.new_code_cell("x")
        c.metadata["tags"] = [tag] if tag else []
        c.outputs = [nbformat.v4.new_output("error", ename=e, evalue="v", traceback=[]) for e in errors]
        nb.cells.append(c)
    return nb


def test_only_one_not_implemented_error_in_an_exercise_cell_is_allowed():
    assert se.error_problems(_nb_with_errors(("exercise", ["NotImplementedError"]), (None, []))) == []
    assert se.error_problems(_nb_with_errors(("exercise", ["ValueError"])))
    assert se.error_problems(_nb_with_errors((None, ["NotImplementedError"])))
    assert se.error_problems(_nb_with_errors(("exercise", ["NotImplementedError", "NotImplementedError"])))
