"""``make slides`` (tools/slides.py) without a browser: each deck loads nothing from outside, and every
widget view of the stored notebook becomes its stored image (the browser check that the decks render
offline is tests/browser/test_slides_offline.py)."""

import re

import pytest
import slides

from hfs_edu.quizzes import load_quiz
from notebook_utils import NOTEBOOKS, ids, read

OUTSIDE = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=ids(NOTEBOOKS))
def deck(request):
    nb = read(request.param)
    snb = slides.slides_notebook(nb)
    html, _ = slides.exporter().from_notebook_node(snb)
    return nb, snb, html


def test_widget_views_become_their_stored_images(deck):
    nb, snb, _ = deck
    views = [o for c in nb.cells for o in c.get("outputs", []) if slides.WIDGET_VIEW in o.get("data", {})]
    assert views, "a chapter without any view or quiz"
    assert not [o for c in snb.cells for o in c.get("outputs", []) if slides.WIDGET_VIEW in o.get("data", {})]
    assert "widgets" not in snb.metadata
    state = slides._state(nb)
    with_image = [v for v in views if slides.stored_images(state, v["data"][slides.WIDGET_VIEW]["model_id"])]
    pngs_before = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    pngs_after = sum("image/png" in o.get("data", {}) for c in snb.cells for o in c.get("outputs", []))
    assert pngs_after >= pngs_before + len(with_image)


def test_deck_requests_nothing_from_outside(deck):
    _, _, html = deck
    assert not OUTSIDE.findall(html), OUTSIDE.findall(html)[:3]
    for needle in ("mermaid", "require.js", "MathJax.js", "embed-amd", "fonts.googleapis"):
        assert needle not in html, needle
    assert f'src="{slides.REVEAL_DIR}/dist/reveal.js"' in html


def test_quiz_slide_shows_questions_without_the_key(deck):
    nb, snb, _ = deck
    quiz_cells = [c for c in snb.cells if c.cell_type == "code" and slides.QUIZ_CALL.search(c.source)]
    assert quiz_cells, "no quiz cell"
    for cell in quiz_cells:
        chapter = slides.QUIZ_CALL.search(cell.source)["chapter"]
        htmls = [o.get("data", {}).get("text/html", "") for o in cell.outputs]
        shown = [h for h in htmls if "hfs-slide-quiz" in h]
        assert shown == [slides.quiz_html(chapter)]
        assert not re.search(r"class=['\"][^'\"]*correct|data-correct|\u2713", shown[0]), "the slide marks the key"
        for q in load_quiz(chapter):
            assert q["explanation"][:60] not in shown[0], f"{q['id']}: the slide shows the explanation"
