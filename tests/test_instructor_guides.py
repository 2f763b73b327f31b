"""Every chapter present has an instructor guide, ``docs/instructors/NN_name.md`` (same stem as the
notebook), with the hand-written sections (45- and 90-minute plans, views and what to ask, common
misconceptions) written, and the generated part (objectives, Try-it answers, exercise solution,
quiz answers) up to date with the notebook and quiz: ``make guides`` regenerates it."""

import re

import instructor_guides as ig
import pytest

from hfs_edu.citations import find_citations
from hfs_edu.data import bibliography
from hfs_edu.quizzes import answer_text, list_quizzes, load_quiz
from notebook_utils import NOTEBOOKS, ids, read


def _sections(text: str) -> dict[str, str]:
    """``{heading: body}`` for every ``##`` heading of the hand-written part."""
    hand = text.split(ig.BEGIN, 1)[0]
    parts = re.split(r"^## (.+)$", hand, flags=re.M)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


@pytest.fixture(params=NOTEBOOKS, ids=ids(NOTEBOOKS))
def guide(request):
    path = ig.guide_path(request.param)
    assert path.exists(), f"no instructor guide {path.name} for {request.param.name}: run `make guides`, then write it"
    return request.param, path.read_text(encoding="utf-8")


def test_every_chapter_has_a_guide():
    assert NOTEBOOKS
    present = {p.stem for p in NOTEBOOKS}
    guides = {p.stem for p in ig.GUIDES.glob("[0-9][0-9]_*.md")}
    assert present <= guides, f"chapters without an instructor guide: {sorted(present - guides)}"


def test_hand_written_sections_are_written(guide):
    path, text = guide
    sections = _sections(text)
    for what, pattern in ig.HAND_SECTIONS:
        found = [body for head, body in sections.items() if re.search(pattern, head, re.I)]
        assert found, f"{path.stem} guide lacks {what} (a ## heading matching {pattern!r})"
        assert len(found[0]) > 100 and "TODO" not in found[0], f"{path.stem} guide: {what} is not written yet"


def test_generated_part_is_up_to_date(guide):
    path, text = guide
    assert ig.BEGIN in text, f"{path.stem} guide has no generated part: run `make guides`"
    assert text == ig.updated(path), f"{path.stem} guide's generated part is stale: run `make guides`"
    for _what, heading in ig.GENERATED_SECTIONS:
        assert heading in text


def test_every_quiz_answer_and_try_it_answer_is_in_the_guide(guide):
    path, text = guide
    questions = load_quiz(path.stem) if path.stem in list_quizzes() else []
    for q in questions:
        assert q["stem"] in text and answer_text(q) in text and q["explanation"] in text, q["id"]
    answers = [c.source for c in read(path).cells if "answer" in c.metadata.get("tags", [])]
    for a in answers:
        assert ig._strip_details(a) in text


def test_guide_citations_resolve(guide):
    path, text = guide
    bib = bibliography()
    tiers = {str(k): str(t) for k, t in zip(bib.index, bib["tier"])}
    cited = find_citations(text)
    unknown = {k for k, _tier in cited} - set(tiers)
    assert not unknown, f"{path.stem} guide cites unknown keys {sorted(unknown)}"
    wrong = {(k, t) for k, t in cited if t is not None and t != tiers[k]}
    assert not wrong, f"{path.stem} guide gives the wrong tier for {sorted(wrong)}"
