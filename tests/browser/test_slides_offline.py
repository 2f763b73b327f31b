"""The lecture slides (``make slides``) open and render in headless Chromium with every outside request
blocked, and make none: reveal.js initialises, every slide section is there, the arrow keys move,
and the stored figure and view images are drawn. One deck per notebook, discovered by the glob.

Part of ``make test-browser`` (``-m browser``); without Chromium it skips, unless HFS_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading

import labharness as lh
import pytest
import slides

pytestmark = pytest.mark.browser
NOTEBOOKS = lh.notebooks_in(lh.ROOT / "notebooks")


@pytest.fixture(scope="module")
def deck_server(tmp_path_factory, pytestconfig):
    selected = "browser" in (pytestconfig.getoption("markexpr") or "").replace("not browser", "")
    if not selected and os.environ.get("HFS_REQUIRE_BROWSER") != "1":
        pytest.skip("browser suite: run it with `make test-browser`")
    reason = None if lh.CHROMIUM.exists() else f"{lh.CHROMIUM} not found; apt-get install chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed; run `make dev`"
    if reason:
        if os.environ.get("HFS_REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("slides")
    assert slides.main([str(p) for p in NOTEBOOKS] + ["--out", str(out)]) == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(deck_server, playwright_driver):
    chromium = lh.launch_browser(playwright_driver)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.mark.parametrize("name", [p.stem for p in NOTEBOOKS])
def test_slides_render_offline(name, deck_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    outside, failed, errors = [], [], []

    def on_request(route):
        url = route.request.url
        host = re.match(r"^[a-z]+://([^/:]+)", url)
        if url.startswith(("data:", "blob:", "about:")) or (host and host.group(1) == "127.0.0.1"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", on_request)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{deck_server}/{name}.slides.html", wait_until="load")
        page.wait_for_selector(".reveal.ready", timeout=30_000)
        n_slides = page.locator(".reveal .slides > section").count()
        assert n_slides >= 4, f"{name}: only {n_slides} top-level slides"
        first = page.evaluate("Reveal.getIndices().h")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"Reveal.getIndices().h > {first} || Reveal.getIndices().v > 0", timeout=5_000)
        drawn = page.evaluate(
            "Array.from(document.querySelectorAll('.reveal .slides img'))"
            ".filter(i => i.complete && i.naturalWidth > 100).length"
        )
        assert drawn >= 1, f"{name}: no stored figure or view image was drawn"
        page.wait_for_timeout(500)
    finally:
        context.close()
    assert outside == [], f"{name}: outside requests {outside}"
    assert failed == [], f"{name}: failed requests {failed}"
    assert errors == [], f"{name}: page errors {errors}"
