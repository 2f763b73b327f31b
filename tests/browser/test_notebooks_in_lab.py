"""Every notebook, run the way a student meets it: JupyterLab in headless Chromium.

``make test-browser`` (``pytest tests/browser -m browser -p no:nbval``). For every
``notebooks/NN_*.ipynb`` — discovered, never listed — this opens the notebook in
a real JupyterLab served from a temporary copy of the course, waits for the
kernel, clears and runs all cells, and checks:

* every code cell got an execution count and the kernel is idle;
* no error output, no traceback, no "Error displaying widget", no view showing
  "Cannot update:" (cells tagged ``raises-exception`` may show errors);
* a widget rendered wherever the stored notebook has a widget output, and each
  ``hfs-view`` shows the controls its stored widget state says it has;
* every slider (keyboard: ArrowRight ×3, ArrowLeft at the maximum), dropdown,
  toggle button, checkbox and radio group inside an ``hfs-view`` changes the
  view's figure (the ``<img>`` ``src``);
* one quiz "Check" button, after choosing an option, shows feedback;
* the layout holds (:mod:`lab_layout`, student review B4/B5): quiz stems, option rows and
  feedback boxes do not overlap and no option text spills out of its box; slider readouts are
  visible and show their whole text, no control description is cut short, dropdowns are wide
  enough, and no control overlaps the legend or the figure;
* the page requests nothing outside 127.0.0.1.

Every check runs twice: with JupyterLab's **default** settings, as a student gets them
(windowing mode ``contentVisibility`` in JupyterLab 4.6: off-screen cells are not laid out, so
the harness scrolls to each cell before measuring it), and with windowing off (``none``, every
cell attached to the DOM).

The tests run only when selected with ``-m browser`` (or HFS_REQUIRE_BROWSER=1),
so a plain ``pytest tests`` stays fast.

On failure a screenshot and the browser console log are written to
``tests/browser/artifacts/``. Without ``/usr/bin/chromium`` the tests skip
(install with: apt-get install chromium chromium-driver), unless
``HFS_REQUIRE_BROWSER=1`` (CI), which turns the skip into a failure.

Three self-tests run the harness on throwaway notebooks (a working view + quiz, a broken one,
and one with the layout faults of B4/B5) so a JupyterLab upgrade cannot make the checks pass
vacuously.
"""

from __future__ import annotations

import os
from pathlib import Path

import labharness as lh
import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = lh.notebooks_in(lh.ROOT / "notebooks")
PARAMS = [pytest.param(p.name, id=p.stem) for p in NOTEBOOKS] or [
    pytest.param(None, id="no-notebooks", marks=pytest.mark.skip(reason="no notebooks/NN_*.ipynb yet"))
]


def _selected(config) -> bool:
    """Run only when asked for: ``-m browser`` (``make test-browser``) or HFS_REQUIRE_BROWSER=1.

    A plain ``pytest tests`` would otherwise spend minutes driving a browser.
    """
    return (
        "browser" in (config.getoption("markexpr") or "").replace("not browser", "")
        or os.environ.get("HFS_REQUIRE_BROWSER") == "1"
    )


def _require_browser(config) -> None:
    if not _selected(config):
        pytest.skip("browser suite: run it with `make test-browser` (pytest tests/browser -m browser)")
    reason = lh.browser_unavailable_reason()
    if reason is None:
        return
    if os.environ.get("HFS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"HFS_REQUIRE_BROWSER=1 but the browser suite cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def course(tmp_path_factory, pytestconfig) -> Path:
    """A copy of notebooks/ and data/ (JupyterLab autosaves: never serve the checkout), plus self-test notebooks."""
    _require_browser(pytestconfig)
    root = lh.copy_course(tmp_path_factory.mktemp("course"))
    for path in lh.write_demo_notebooks(root / "_harness").values():
        lh.execute_in_place(path, path.parent)
    return root


@pytest.fixture(
    scope="session", params=lh.WINDOWING_MODES, ids=lambda mode: "lab-default" if mode is None else f"windowing-{mode}"
)
def lab(course, tmp_path_factory, request):
    """A JupyterLab server per windowing mode: the default a student gets, and every cell attached."""
    server = lh.LabServer(
        course,
        tmp_path_factory.mktemp("lab-state"),
        env={"HFS_EDU_DATA_DIR": str(course / "data")},
        windowing=request.param,
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(lab, playwright_driver):
    chromium = lh.launch_browser(playwright_driver)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        yield context.new_page()
    finally:
        context.close()
        lab.shutdown_kernels()


def _say(request, text: str) -> None:
    """Print a timing line now, past pytest's output capture."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capman = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capman is None:
        return
    with capman.global_and_fixture_disabled():
        reporter.write_line(text)


def _drive(request, page, lab, rel_path: str, exp: lh.Expectations, **kw) -> lh.Report:
    rep = None
    try:
        rep = lh.drive_notebook(page, lab, rel_path, exp, **kw)
    except Exception as exc:
        folder = lh.save_artifacts(page, exp.name, rep, lab, error=f"{type(exc).__name__}: {exc}")
        raise AssertionError(
            f"{exp.name}: the browser run failed ({type(exc).__name__}: {exc}); screenshot and console log in {folder}"
        ) from exc
    mode = lab.windowing or "default"
    _say(request, f"  {exp.name} (windowing {mode}): {rep.summary()}")
    return rep


@pytest.mark.parametrize("name", PARAMS)
def test_notebook_runs_and_responds_in_jupyterlab(name, course, lab, page, request):
    exp = lh.expectations(course / "notebooks" / name)
    rep = _drive(request, page, lab, f"notebooks/{name}", exp)
    if rep.problems:
        folder = lh.save_artifacts(page, name, rep, lab)
        pytest.fail(
            f"{name}: {len(rep.problems)} problem(s) in JupyterLab "
            f"(screenshot and console log in {folder}):\n  - " + "\n  - ".join(rep.problems),
            pytrace=False,
        )


def test_harness_selftest_working_notebook_passes(course, lab, page, request):
    exp = lh.expectations(course / "_harness" / "ok.ipynb")
    assert len(exp.views) == 1 and exp.views[0].controls == {"slider": 1, "dropdown": 1, "toggle_buttons": 1}
    assert exp.quiz_cells == [2]
    rep = _drive(request, page, lab, "_harness/ok.ipynb", exp)
    assert rep.problems == []
    assert rep.counts == {"views": 1, "sliders": 1, "dropdowns": 1, "toggles": 1, "quiz checks": 1, "layouts": 2}


def test_harness_selftest_broken_notebook_is_caught(course, lab, page, request):
    exp = lh.expectations(course / "_harness" / "broken.ipynb")
    rep = _drive(request, page, lab, "_harness/broken.ipynb", exp, change_timeout_s=2.0, check_layout=False)
    text = "\n".join(rep.problems)
    assert "ZeroDivisionError" in text
    assert "cells [2] have no execution count" in text
    for what in ("slider 'frequency'", "dropdown 'colour'", "toggle buttons 'style'"):
        assert f"{what}" in text and "the figure did not change" in text, (what, text)
    assert len(rep.problems) == 5, text


def test_harness_selftest_layout_faults_are_caught(course, lab, page, request):
    """The B4/B5 faults: a clipped readout, a cut description, overlapping radio options (old quiz)."""
    exp = lh.expectations(course / "_harness" / "layout.ipynb")
    assert exp.quiz_cells == [1] and len(exp.views) == 1
    rep = _drive(request, page, lab, "_harness/layout.ipynb", exp)
    text = "\n".join(rep.problems)
    assert "readout of" in text and "clipped" in text, text
    assert "description" in text and "cut short" in text, text
    assert "quiz layout" in text and ("overlaps" in text or "spills" in text), text
