"""Every quiz question is well formed and its feedback logic is right."""
import pytest

from hfs_edu.citations import find_citations, tier_of
from hfs_edu.quiz import check_answer, list_quizzes, load_quiz
from hfs_edu.widgets.quiz import QuizView, answer_key_html


@pytest.mark.parametrize("chapter", list_quizzes())
def test_every_question_has_answer_explanation_and_resolving_sources(chapter):
    questions = load_quiz(chapter)
    assert len(questions) >= 4, "a self-check quiz needs at least four questions"
    for q in questions:
        for key in q["sources"]:
            tier_of(key)  # raises if the key does not resolve
        for key, tier in find_citations(q["explanation"]):
            assert tier is None or tier == tier_of(key), f"{chapter}/{q['id']}: {key} is tier {tier_of(key)}"
        # the right answer is accepted, a wrong one rejected
        if q["type"] == "numeric":
            assert check_answer(q, q["answer"]).correct
            assert not check_answer(q, q["answer"] + 10 * q["tolerance"] + 1).correct
        elif q["type"] == "single":
            assert check_answer(q, q["answer"][0]).correct
            wrong = next(i for i in range(len(q["options"])) if i not in q["answer"])
            assert not check_answer(q, wrong).correct
        else:
            assert check_answer(q, list(q["answer"])).correct
            assert not check_answer(q, list(q["answer"])[:-1] or [0]).correct or len(q["answer"]) == 1


def test_feedback_explains_and_cites():
    q = {"id": "x", "type": "single", "question": "?", "options": ["a", "b"], "answer": [1],
         "explanation": "Because b [S13:A].", "sources": ["S13"]}
    fb = check_answer(q, 0)
    assert not fb.correct and "The answer: b" in fb.message and "[S13:A]" in fb.message
    assert check_answer(q, 1).message.startswith("Correct.")


def test_numeric_tolerance_and_bad_responses():
    q = {"id": "n", "type": "numeric", "question": "?", "answer": 10.0, "tolerance": 2.0, "unit": "ms",
         "explanation": "LSR latency [S59:A].", "sources": ["S59"]}
    assert check_answer(q, 11.9).correct and not check_answer(q, 12.1).correct
    with pytest.raises(ValueError, match="response"):
        check_answer(q, float("nan"))
    with pytest.raises(ValueError, match="response"):
        check_answer(q, "ten")


def test_quiz_widget_checks_answers_like_the_logic():
    chapter = list_quizzes()[0]
    view = QuizView(chapter)
    card = next(c for c in view.cards if c["q"]["type"] == "single")
    card["field"].value = card["q"]["answer"][0]
    view.check(card)
    assert "✔" in card["feedback"].value and "1 / " in view.score.value
    assert "<details>" in answer_key_html(chapter)


def test_unknown_quiz_lists_available():
    with pytest.raises(ValueError, match="allowed"):
        load_quiz("99_nothing")
