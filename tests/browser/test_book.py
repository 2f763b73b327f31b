"""The book and the handouts read anywhere (issue 11 §3): ``make test-book``.

Every chapter page of the Jupyter Book site (``make book``) and every handout (``make handouts``),
served from 127.0.0.1 and opened in headless Chromium with **every other request aborted**:

* makes 0 outside requests and 0 failed local ones;
* shows each of the chapter's views (one per view cell), trainers (a widget with
  ``static_payload()``, e.g. chapter 06's case vignettes) and its quiz; moving any control of a
  view changes the figure; a quiz answers "Check" and "Show answer"; a trainer marks a choice
  (feedback appears, the score changes) and moves to the next case;
* has 0 axe-core violations of the WCAG 2.1 A/AA rules (axe from npm, ``build/book-assets``);
* weighs at most 3 MB (the HTML and the images it references; the theme's shared files aside);
* gives every image an alt text (the figure's caption, never a file name or nbconvert's
  "No description has been provided").

The pages are discovered from ``notebooks/[0-9][0-9]_*.ipynb``. Without a built site or without
Chromium the tests skip, unless HFS_REQUIRE_BOOK=1 (``make test-book``, CI) makes that a failure.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from pathlib import Path

import labharness as lh
import pytest

pytestmark = pytest.mark.browser

ROOT = lh.ROOT
BOOK = ROOT / "build" / "book" / "_build" / "html"
HANDOUTS = ROOT / "build" / "handouts"
AXE = ROOT / "build" / "book-assets" / "node_modules" / "axe-core" / "axe.min.js"
LIMIT = 3_000_000
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDGET = "application/vnd.jupyter.widget-view+json"
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

PAGES = [pytest.param("book", f"{p.stem}.html", id=f"book-{p.stem}") for p in CHAPTERS]
PAGES += [pytest.param("book", name, id=f"book-{Path(name).stem}") for name in ("intro.html", "glossary.html")]
PAGES += [pytest.param("handouts", f"{p.stem}.html", id=f"handout-{p.stem}") for p in CHAPTERS]
PAGES += [pytest.param("handouts", "glossary.html", id="handout-glossary")]


def _required() -> bool:
    return os.environ.get("HFS_REQUIRE_BOOK") == "1"


def _skip_or_fail(reason: str) -> None:
    if _required():
        pytest.fail(f"HFS_REQUIRE_BOOK=1 but: {reason}", pytrace=False)
    pytest.skip(reason)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server():
    """One static server over build/ on 127.0.0.1 (stopped at the end of the session)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(ROOT / "build")))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def browser(request):
    if not lh.CHROMIUM.exists():
        _skip_or_fail(f"{lh.CHROMIUM} not found; {lh.INSTALL_HINT}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail("playwright is not installed: run `make dev`")

    chromium = lh.launch_browser(request.getfixturevalue("playwright_driver"))
    try:
        yield chromium
    finally:
        chromium.close()


def _site(kind: str) -> Path:
    folder = BOOK if kind == "book" else HANDOUTS
    if not folder.is_dir():
        _skip_or_fail(f"{folder.relative_to(ROOT)} not built: run `make {kind}`")
    return folder


def _expected(stem: str) -> tuple[int, int, int]:
    """(views, quiz questions, trainers) the stored notebook shows."""
    import nbformat
    import static_views as sv

    from hfs_edu.quizzes import load_quiz

    nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    names, trainers = sv.view_registry(), sv.trainer_registry()
    views = questions = n_trainers = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or not any(WIDGET in o.get("data", {}) for o in cell.get("outputs", [])):
            continue
        if sv.find_view_calls(cell.source, names):
            views += 1
        elif sv.find_view_calls(cell.source, trainers):
            n_trainers += 1
        chapter = sv.find_quiz_chapter(cell.source)
        if chapter:
            questions += len(load_quiz(chapter))
    return views, questions, n_trainers


def _open(browser, url: str, host: str):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    outside, failed = [], []

    def route(r):
        if r.request.url.startswith(host + "/") or r.request.url.startswith("data:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return context, page, outside, failed


def _page_bytes(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    images = {(path.parent / m).resolve() for m in re.findall(r'<img[^>]+src="([^"#:]+)"', text)}
    return path.stat().st_size + sum(p.stat().st_size for p in images if p.exists())


@pytest.mark.parametrize(("kind", "name"), PAGES)
def test_page_reads_offline_with_its_views_and_quiz_and_no_accessibility_violation(browser, server, kind, name):
    folder = _site(kind)
    path = folder / name
    assert path.exists(), f"{path.relative_to(ROOT)} missing: a chapter was not built"
    size = _page_bytes(path)
    print(f"{kind}/{name}: {size / 1e6:.2f} MB")
    assert size <= LIMIT, f"{kind}/{name} weighs {size / 1e6:.2f} MB (limit 3 MB)"

    rel = path.relative_to(ROOT / "build").as_posix()
    context, page, outside, failed = _open(browser, f"{server}/{rel}", server)
    try:
        stem = Path(name).stem
        if re.match(r"\d\d_", stem):
            n_views, n_questions, n_trainers = _expected(stem)
            views = page.locator(".hfs-static-view")
            assert views.count() == n_views, f"{views.count()} views on the page, {n_views} in the notebook"
            for i in range(n_views):
                _check_view(page, views.nth(i))
            trainers = page.locator(".hfs-static-trainer")
            assert trainers.count() == n_trainers, (
                f"{trainers.count()} trainers on the page, {n_trainers} in the notebook"
            )
            for i in range(n_trainers):
                _check_trainer(trainers.nth(i))
            quiz = page.locator(".hfs-static-quiz .hfs-question")
            assert quiz.count() == n_questions, f"{quiz.count()} quiz questions shown, {n_questions} in the quiz"
            if n_questions:
                _check_quiz(page)
            assert (
                page.locator(".jupyter-widgets, script[type='application/vnd.jupyter.widget-state+json']").count() == 0
            )
        for img in page.locator("img").all():
            alt = img.get_attribute("alt")
            assert alt and "No description" not in alt and not alt.startswith("_images/"), (
                f"an image without its caption as alt text: {alt!r:.80}"
            )
        if kind == "book" and re.match(r"\d\d_", stem):
            solutions = page.locator(".tag_solution")
            for i in range(solutions.count()):
                assert solutions.nth(i).locator("details.hide").count() >= 1 or "hide" in (
                    solutions.nth(i).get_attribute("class") or ""
                ), "a worked solution is not collapsed"
        violations = _axe(page)
        assert not violations, (
            f"{kind}/{name}: axe-core WCAG 2.1 AA violations:\n" + json.dumps(violations, indent=1)[:4000]
        )
        page.wait_for_timeout(200)
        assert not outside, f"{kind}/{name} made {len(outside)} outside request(s): {outside[:5]}"
        assert not failed, f"{kind}/{name}: failed local requests {failed[:5]}"
    finally:
        context.close()


def _check_view(page, view) -> None:
    img = view.locator("img.hfs-frame")
    controls = view.locator("[data-control]")
    assert controls.count() >= 1, "a view without controls"
    for i in range(controls.count()):
        c = controls.nth(i)
        cid = c.get_attribute("id")
        assert view.locator(f'label[for="{cid}"]').count() == 1, f"control {cid} has no label"
        before = img.get_attribute("src")
        told = view.locator(".hfs-readout").inner_html()
        kind = c.evaluate("e => e.type")
        if kind == "range":
            c.focus()
            start = c.input_value()
            page.keyboard.press("End" if start != c.get_attribute("max") else "Home")
        elif kind == "checkbox":
            c.click()
        else:
            options = c.locator("option")
            current = c.input_value()
            other = next(o.get_attribute("value") for o in options.all() if o.get_attribute("value") != current)
            c.select_option(other)
        after = img.get_attribute("src")
        # A control may be inert at the others' defaults (e.g. "late by" when no injection is late), as
        # in the kernel; then the readout must say what changed or why nothing did.
        assert after != before or view.locator(".hfs-readout").inner_html() != told, (
            f"moving {cid} changed neither the figure nor the readout"
        )
        assert view.locator(".hfs-shown").inner_text().startswith("Shown:")


def _check_trainer(trainer) -> None:
    """Nothing before Check; Check with nothing chosen asks for a choice; a choice is marked (feedback,
    score); Next case shows another case with the choices and the feedback cleared."""
    feedback, score, case = (
        trainer.locator(".hfs-feedback"),
        trainer.locator(".hfs-score"),
        trainer.locator(".hfs-case"),
    )
    selects = trainer.locator("select")
    assert selects.count() == 2
    for i in range(2):
        sid = selects.nth(i).get_attribute("id")
        assert trainer.locator(f'label[for="{sid}"]').count() == 1, f"select {sid} has no label"
    assert not feedback.inner_text().strip(), "feedback shown before Check"
    start = score.inner_text()
    assert re.match(r"Score: 0 / 0 points \(0 of \d+ cases marked", start), start
    trainer.locator(".hfs-check").click()
    asked = feedback.inner_text().strip()
    assert asked and score.inner_text() == start, "Check with nothing chosen must ask, not mark"
    selects.nth(0).select_option(index=2)  # a diagnosis, and an imaging choice
    selects.nth(1).select_option(index=1)
    trainer.locator(".hfs-check").click()
    marked = feedback.inner_text().strip()
    assert marked and marked != asked and len(marked) > 80, f"no feedback for a marked choice: {marked!r:.120}"
    after = score.inner_text()
    assert after != start and re.match(r"Score: \d+ / [1-9]\d* points \(1 of \d+ cases marked", after), after
    first_case = case.inner_text()
    trainer.locator(".hfs-next").click()
    assert case.inner_text() != first_case, "Next case did not change the case"
    assert not feedback.inner_text().strip() and selects.nth(0).input_value() == "0"
    assert score.inner_text() == after


def _check_quiz(page) -> None:
    q = page.locator(".hfs-static-quiz .hfs-question").first
    feedback = q.locator(".hfs-feedback")
    q.locator(".hfs-check").click()
    assert feedback.inner_text().strip(), "Check with no answer says nothing"
    field = q.locator("input").first
    if field.evaluate("e => e.type") == "text":
        field.fill("0")
    else:
        field.check()
    q.locator(".hfs-check").click()
    assert feedback.inner_text().strip()[0] in "✔✘", "Check gives no verdict"
    q.locator(".hfs-show").click()
    assert feedback.inner_text().startswith("The answer:")
    score = page.locator(".hfs-static-quiz .hfs-score").first.inner_text()
    assert re.match(r"Score: \d+ / \d+ correct \(1 of \d+ answered\)", score), score


def _axe(page) -> list[dict]:
    if not AXE.exists():
        _skip_or_fail(f"{AXE.relative_to(ROOT)} missing: run `make test-book` (npm install axe-core)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                                  why: n.failureSummary.slice(0, 240)}))}));
        }""",
        WCAG_TAGS,
    )


def test_the_checks_can_fail(browser, server):
    """Self-test: a page that loads a CDN script and shows an image without alt text is caught."""
    folder = ROOT / "build" / "book-selftest"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad.html").write_text(
        '<!DOCTYPE html><html><head><title>bad</title><script src="https://cdn.example.org/x.js"></script></head>'
        '<body><main><p style="color:#bbb">faint text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "</main></body></html>",
        encoding="utf-8",
    )
    context, page, outside, _failed = _open(browser, f"{server}/book-selftest/bad.html", server)
    try:
        assert outside == ["https://cdn.example.org/x.js"]
        ids = {v["id"] for v in _axe(page)}
        assert {"image-alt", "color-contrast", "html-has-lang"} <= ids, ids
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["book", "handouts"])
def test_glossary_and_reference_links_resolve(kind):
    """Every glossary link lands on its term and every citation on its References entry."""
    from html import unescape
    from urllib.parse import unquote

    folder = _site(kind)
    ids = {
        p.name: {unescape(i) for i in re.findall(r'\sid="([^"]+)"', p.read_text("utf-8"))}
        for p in folder.glob("*.html")
    }
    assert "glossary.html" in ids
    broken, n_links = [], 0
    for name in [f"{p.stem}.html" for p in CHAPTERS]:
        text = (folder / name).read_text("utf-8")
        for target, anchor in re.findall(r'href="(glossary\.html|)#([^"]+)"', text):
            if not anchor.startswith(("ref-",)) and not target:
                continue  # the theme's own in-page links
            n_links += 1
            if unescape(unquote(anchor)) not in ids[target or name]:
                broken.append(f"{name} -> {target}#{anchor}")
    assert n_links, "no glossary or citation links found"
    assert not broken, f"{len(broken)} broken links: {broken[:10]}"
