"""Anki flashcard decks from the quizzes and the glossary (``make flashcards``; needs genanki).

For every chapter present (``notebooks/[0-9][0-9]_*.ipynb``, discovered, never listed) this writes
``build/flashcards/NN_name.apkg`` with one deck ``hfs-edu::NN Title``, and ``hfs-edu_course.apkg``
with all of them. A chapter's deck holds

* one card per quiz question (``data/quizzes/NN_name.json``): the stem (and the options, lettered
  in the order the quiz shows them) on the front; on the back the answer, the explanation and the
  sources it cites, written out in full with their PubMed/doi link;
* one card per glossary term the chapter introduces (``data/glossary.csv``): the term on the front,
  the definition and its source on the back.

Stable ids, so that importing a newer package **updates** the cards instead of duplicating them:
the note type's id is fixed (:data:`MODEL_ID`), each deck's id is derived from its name, and each
note's GUID from what it is (``quiz/<chapter>/<question id>`` or ``glossary/<anchor>``), never from
its text. A chapter package and the course package share decks and GUIDs, so importing both keeps
one copy of each card. Anki updates an imported note when it is newer than the one in the
collection (the package's modification time is the build time).

Usage: python tools/flashcards.py [notebooks/NN_x.ipynb ...] [--out build/flashcards]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
COURSE = "hfs-edu"
#: The note type's id: fixed forever (changing it makes Anki treat every card as new).
MODEL_ID = 1_607_392_319
FIELDS = ("Front", "Back", "Explanation", "Source", "Chapter")
COURSE_PACKAGE = "hfs-edu_course.apkg"
CSS = ".card { font-family: sans-serif; font-size: 18px; text-align: left; max-width: 40em; margin: auto; }"


def stable_id(*parts: str) -> int:
    """A deck id from its name: the same on every build and machine, in genanki's id range."""
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def guid(*parts: str) -> str:
    """A note's GUID from what it is (chapter and question id, or glossary anchor)."""
    import genanki

    return genanki.guid_for(COURSE, *parts)


def chapter_title(path: Path) -> str:
    """``"00 Start here"`` from the notebook's title cell ``# 00 · Start here``."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    first = next((ln for ln in nb.cells[0].source.splitlines() if ln.startswith("# ")), f"# {path.stem}")
    title = re.sub(r"^#\s*\d\d\s*[·:.\-–]?\s*", "", first).strip()
    return f"{path.stem[:2]} {title}"


def deck_name(path: Path) -> str:
    return f"{COURSE}::{chapter_title(path)}"


def _sources(keys: list[str]) -> str:
    from hfs_edu.citations import cite, link_of

    items = []
    for key in keys:
        link = link_of(key)
        ref = html.escape(cite(key))
        items.append(f"<li>{ref}" + (f" <a href='{html.escape(link[1])}'>{html.escape(link[0])}</a>" if link else ""))
    return f"<ul>{''.join(items)}</ul>" if items else ""


def quiz_cards(chapter: str) -> list[dict]:
    """One card (fields and GUID) per question of ``chapter``'s quiz."""
    from hfs_edu.quizzes import answer_text, citation_keys, load_quiz, option_order

    cards = []
    for q in load_quiz(chapter):
        front = html.escape(q["stem"])
        if q["type"] != "numeric":
            opts = "".join(f"<li>{html.escape(q['options'][k]['text'])}</li>" for k in option_order(q, chapter))
            front += f"<ol type='A'>{opts}</ol>"
        elif q.get("unit"):
            front += f"<br><i>(a number, in {html.escape(q['unit'])})</i>"
        cards.append(
            {
                "guid": guid("quiz", chapter, q["id"]),
                "fields": [
                    front,
                    html.escape(answer_text(q)),
                    html.escape(q["explanation"]),
                    _sources(citation_keys(q)),
                    chapter,
                ],
                "tags": [f"{COURSE}::{chapter}", "quiz", q["kind"]],
            }
        )
    return cards


def glossary_cards(chapter_number: str, chapter: str) -> list[dict]:
    """One card per glossary term whose ``chapter`` column is ``chapter_number``."""
    from hfs_edu.notebook import load_glossary

    cards = []
    for row in load_glossary().itertuples():
        if str(row.chapter).zfill(2) != chapter_number:
            continue
        keys = [k.strip() for k in re.split(r"[;,]", str(row.source_key)) if k.strip()]
        cards.append(
            {
                "guid": guid("glossary", str(row.anchor)),
                "fields": [
                    html.escape(str(row.term)),
                    html.escape(str(row.definition)),
                    "",
                    _sources(keys),
                    chapter,
                ],
                "tags": [f"{COURSE}::{chapter}", "glossary"],
            }
        )
    return cards


def model():
    import genanki

    return genanki.Model(
        MODEL_ID,
        "hfs-edu card",
        fields=[{"name": f} for f in FIELDS],
        templates=[
            {
                "name": "Card",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id='answer'><b>{{Back}}</b>"
                "{{#Explanation}}<p>{{Explanation}}</p>{{/Explanation}}"
                "{{#Source}}<div class='source'><small>Source:{{Source}}</small></div>{{/Source}}"
                "<small>hfs-edu, chapter {{Chapter}}</small>",
            }
        ],
        css=CSS,
    )


def chapter_deck(path: Path):
    import genanki

    name = deck_name(path)
    deck = genanki.Deck(stable_id(name), name, description=f"hfs-edu chapter {chapter_title(path)}: quiz and glossary")
    m = model()
    from hfs_edu.quizzes import list_quizzes

    cards = quiz_cards(path.stem) if path.stem in list_quizzes() else []
    for card in cards + glossary_cards(path.stem[:2], path.stem):
        deck.add_note(genanki.Note(model=m, fields=card["fields"], guid=card["guid"], tags=card["tags"]))
    return deck


def build(paths: list[Path], out: Path) -> list[Path]:
    """Write one package per chapter and the course package into ``out``; return their paths."""
    import genanki

    out.mkdir(parents=True, exist_ok=True)
    decks, written = [], []
    for path in paths:
        deck = chapter_deck(path)
        decks.append(deck)
        target = out / f"{path.stem}.apkg"
        genanki.Package(deck).write_to_file(target)
        written.append(target)
    target = out / COURSE_PACKAGE
    genanki.Package(decks).write_to_file(target)
    written.append(target)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "flashcards")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob(NOTEBOOK_GLOB))
    for target in build(paths, args.out):
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
