"""``make flashcards`` (tools/flashcards.py): the Anki packages hold one card per quiz question and
per glossary term of every chapter present, with answer, explanation and source, under stable ids.

The packages are opened as what they are, a zip with a SQLite collection (``collection.anki2``), and
the cards are compared with the quiz data. Needs genanki (the ``teach`` set: ``make flashcards``
runs this file after installing it); without it the tests skip.
"""

import json
import sqlite3
import zipfile

import pytest

from hfs_edu.notebook import load_glossary
from hfs_edu.quizzes import answer_text, citation_keys, list_quizzes, load_quiz
from notebook_utils import NOTEBOOKS

genanki = pytest.importorskip("genanki")
import flashcards as fc  # noqa: E402  (after the skip: it needs genanki at build time)


def _open(path, tmp_path):
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", tmp_path / path.stem)
    con = sqlite3.connect(tmp_path / path.stem / "collection.anki2")
    notes = {g: dict(zip(fc.FIELDS, flds.split("\x1f"))) for g, flds in con.execute("select guid, flds from notes")}
    decks = json.loads(con.execute("select decks from col").fetchone()[0])
    card_decks = {
        g: decks[str(did)]["name"]
        for g, did in con.execute("select n.guid, c.did from cards c join notes n on c.nid = n.id")
    }
    models = json.loads(con.execute("select models from col").fetchone()[0])
    con.close()
    return notes, card_decks, models


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    out = tmp_path_factory.mktemp("flashcards")
    return {p.name: p for p in fc.build(NOTEBOOKS, out)}


def test_one_package_per_chapter_and_one_for_the_course(packages):
    assert set(packages) == {f"{p.stem}.apkg" for p in NOTEBOOKS} | {fc.COURSE_PACKAGE}


def test_chapter_cards_match_the_quiz_and_glossary(packages, tmp_path):
    glossary = load_glossary()
    for path in NOTEBOOKS:
        notes, card_decks, models = _open(packages[f"{path.stem}.apkg"], tmp_path)
        assert set(card_decks.values()) == {fc.deck_name(path)}
        assert [int(k) for k in models] == [fc.MODEL_ID]
        questions = load_quiz(path.stem) if path.stem in list_quizzes() else []
        terms = glossary[glossary["chapter"].astype(str).str.zfill(2) == path.stem[:2]]
        assert len(notes) == len(questions) + len(terms), path.name
        for q in questions:
            note = notes[fc.guid("quiz", path.stem, q["id"])]
            assert note["Back"] == fc.html.escape(answer_text(q))
            assert note["Explanation"] == fc.html.escape(q["explanation"])
            assert fc.html.escape(q["stem"]) in note["Front"]
            for key in citation_keys(q):
                assert f"[{key}]" in note["Source"], (q["id"], key)
            for option in q.get("options", []):
                assert fc.html.escape(option["text"]) in note["Front"]
        for row in terms.itertuples():
            note = notes[fc.guid("glossary", row.anchor)]
            assert note["Front"] == fc.html.escape(row.term) and note["Back"] == fc.html.escape(row.definition)
            assert note["Source"], f"glossary term {row.term} has no source on its card"


def test_course_package_holds_every_chapter_card_once(packages, tmp_path):
    course, course_decks, _ = _open(packages[fc.COURSE_PACKAGE], tmp_path)
    seen = {}
    for path in NOTEBOOKS:
        notes, card_decks, _ = _open(packages[f"{path.stem}.apkg"], tmp_path)
        for g, fields in notes.items():
            assert course[g] == fields and course_decks[g] == card_decks[g]
            assert g not in seen, f"card {g} is in {seen.get(g)} and {path.name}"
            seen[g] = path.name
    assert set(course) == set(seen)


def test_ids_are_stable_across_builds(packages, tmp_path):
    again = {p.name: p for p in fc.build(NOTEBOOKS, tmp_path / "again")}
    first, _, m1 = _open(packages[fc.COURSE_PACKAGE], tmp_path / "a")
    second, _, m2 = _open(again[fc.COURSE_PACKAGE], tmp_path / "b")
    assert set(first) == set(second) and set(m1) == set(m2)
    assert fc.stable_id("hfs-edu::00 x") == fc.stable_id("hfs-edu::00 x") != fc.stable_id("hfs-edu::01 x")
