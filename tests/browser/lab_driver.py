"""Drive one notebook in JupyterLab the way a student does, and check it (part of :mod:`labharness`).

:func:`drive_notebook` opens the notebook, waits for the kernel properly, clears and runs all
cells, then checks outputs, the layout of every view and of the quiz (:mod:`lab_layout`), moves
every control and answers one quiz question, returning a :class:`Report` whose ``problems``
list is empty when everything passed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lab_expectations import Expectations, ViewExpectation
from lab_layout import quiz_layout_problems, view_layout_problems
from lab_server import LabServer

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# tooling.md §4: the execution indicator alone reports 'idle' while the kernel is still starting.
KERNEL_READY_JS = """() => {
  const k = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelName')
         || document.querySelector('.jp-Toolbar-kernelName');
  const i = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return !!(k && !k.innerText.includes('No Kernel') && !k.innerText.includes('Initializing')
            && i && i.dataset.status === 'idle');
}"""
KERNEL_IDLE_JS = """() => {
  const i = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return !!(i && i.dataset.status === 'idle');
}"""


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    console: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def summary(self) -> str:
        t = ", ".join(f"{k} {v:.1f} s" for k, v in self.timings.items())
        c = ", ".join(f"{v} {k}" for k, v in self.counts.items() if v)
        return f"{t}; checked: {c or 'nothing interactive'}"


CELL_STATE_JS = """(runCells) => {
  const cells = Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell'));
  const prompts = runCells.map(i => {
    const c = cells[i];
    const p = c && c.querySelector('.jp-InputPrompt');
    return p ? p.textContent.trim() : '?';
  });
  return {n: cells.length, prompts};
}"""

ERRORS_JS = """(cellIndex) => {
  const cells = Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell'));
  const c = cells[cellIndex];
  if (!c) return [];
  const found = [];
  c.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').forEach(e => {
    const t = e.textContent || '';
    if (/Traceback|\\w*Error\\b/.test(t)) found.push('error output: ' + t.trim().slice(0, 600));
  });
  c.querySelectorAll('.jp-RenderedText').forEach(e => {
    if (e.closest('[data-mime-type="application/vnd.jupyter.stderr"]')) return;
    const t = e.textContent || '';
    if (/Traceback|\\b\\w+Error: /.test(t)) found.push('text output with an error: ' + t.trim().slice(0, 600));
  });
  const text = c.textContent || '';
  if (text.includes('Error displaying widget')) found.push('"Error displaying widget" shown');
  c.querySelectorAll('.hfs-view').forEach((v, k) => {
    if ((v.textContent || '').includes('Cannot update:'))
      found.push('view #' + (k + 1) + ' shows "' + v.textContent.match(/Cannot update:[^\\n]*/)[0].slice(0, 300) + '"');
  });
  return found;
}"""


def _cell(page, index: int):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").nth(index)


def _menu(page, menu: str, item: str) -> None:
    page.click(f".lm-MenuBar-item:has-text('{menu}')")
    page.click(f".lm-Menu-item:has-text('{item}')")


def _label_of(control) -> str:
    try:
        text = control.locator(".widget-label").first.inner_text(timeout=500).strip()
    except Exception:  # noqa: BLE001 - a control without a label
        text = ""
    return text or "(no label)"


def _wait_src_change(page, img, old: str | None, timeout_ms: int) -> bool:
    try:
        page.wait_for_function(
            "([el, old]) => el.getAttribute('src') !== old", arg=[img.element_handle(), old], timeout=timeout_ms
        )
        return True
    except Exception:  # noqa: BLE001 - playwright TimeoutError
        return False


def _wait_idle(page, timeout_ms: int = 30_000) -> None:
    page.wait_for_function(KERNEL_IDLE_JS, timeout=timeout_ms)


def drive_notebook(
    page,
    server: LabServer,
    rel_path: str,
    exp: Expectations,
    *,
    run_timeout_s: float = 300.0,
    change_timeout_s: float = 10.0,
    check_layout: bool = True,
) -> Report:
    """Open ``rel_path`` in JupyterLab, Run All, check outputs and layout, move every control, answer the quiz."""
    rep = Report()
    t0 = time.perf_counter()
    page.on("console", lambda m: rep.console.append(f"[{m.type}] {m.text}"))
    page.on("pageerror", lambda e: rep.console.append(f"[pageerror] {e}"))

    def on_request(route):
        url = route.request.url
        host = re.match(r"^[a-z]+://([^/:]+)", url)
        if url.startswith(("data:", "blob:", "about:")) or (host and host.group(1) in ("127.0.0.1", "localhost")):
            route.continue_()
        else:
            rep.external_requests.append(url)
            route.abort()

    page.route("**/*", on_request)
    page.goto(server.url(f"/lab/tree/{rel_path}", reset=""), wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_function(KERNEL_READY_JS, timeout=90_000)
    rep.timings["open"] = time.perf_counter() - t0

    # -- run everything, the way a student does ----------------------------------------------
    t1 = time.perf_counter()
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length === 0", timeout=10_000
    )
    # collapsed solution cells show no prompt; expand them so their execution counts are visible
    _menu(page, "View", "Expand All Code")
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-Notebook .jp-InputPlaceholder').length === 0", timeout=10_000
    )
    _menu(page, "Run", "Run All Cells")
    deadline = time.monotonic() + run_timeout_s
    state: dict[str, Any] = {}
    stopped_early = False
    while time.monotonic() < deadline:
        state = page.evaluate(CELL_STATE_JS, exp.run_cells)
        done = [bool(re.fullmatch(r"\[\d+\]:", p)) for p in state["prompts"]]
        busy = any(p == "[*]:" for p in state["prompts"])
        if all(done) and page.evaluate(KERNEL_IDLE_JS):
            break
        if not busy and page.evaluate(KERNEL_IDLE_JS) and any(done) and time.perf_counter() - t1 > 2:
            # idle and nothing queued, yet cells left unrun (Run All stops after an error)
            time.sleep(1.0)
            state = page.evaluate(CELL_STATE_JS, exp.run_cells)
            if not any(p == "[*]:" for p in state["prompts"]) and page.evaluate(KERNEL_IDLE_JS):
                stopped_early = True
                break
        time.sleep(0.2)
    else:
        rep.problems.append(f"Run All did not finish within {run_timeout_s:.0f} s (prompts: {state.get('prompts')})")
    if state.get("n") != exp.n_cells:
        rep.problems.append(f"JupyterLab shows {state.get('n')} cells, the notebook has {exp.n_cells}")
    unrun = [i for i, p in zip(exp.run_cells, state.get("prompts", [])) if not re.fullmatch(r"\[\d+\]:", p)]
    if unrun:
        errored = (
            stopped_early
            and page.locator(
                '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
            ).count()
            > 0
        )
        why = " (Run All stopped after an error)" if errored else ""
        rep.problems.append(f"cells {unrun} have no execution count after Run All{why}")
    rep.timings["run all"] = time.perf_counter() - t1

    # -- widgets rendered, no errors ------------------------------------------------------------
    t2 = time.perf_counter()
    n_views = len(exp.views)
    try:
        page.wait_for_function("(n) => document.querySelectorAll('.hfs-view').length >= n", arg=n_views, timeout=20_000)
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.hfs-view img')).every("
            "i => (i.getAttribute('src') || '').length > 0)",
            timeout=20_000,
        )
    except Exception:  # noqa: BLE001 - reported below per cell
        pass
    for i in exp.widget_cells:
        cell = _cell(page, i)
        cell.scroll_into_view_if_needed()  # windowed notebooks lay out only what is near the viewport
        if cell.locator(".jupyter-widgets").count() == 0:
            rep.problems.append(f"cell {i}: the stored notebook shows a widget here, JupyterLab rendered none")
    for i in range(exp.n_cells):
        for text in page.evaluate(ERRORS_JS, i):
            if i in exp.raises_cells and text.startswith(("error output", "text output")):
                continue
            rep.problems.append(f"cell {i}: {text}")

    # -- every control of every view changes the figure, and the layout holds --------------------
    rep.counts = {"views": 0, "sliders": 0, "dropdowns": 0, "toggles": 0, "quiz checks": 0, "layouts": 0}
    cells_with_views = sorted({v.cell for v in exp.views})
    for i in cells_with_views:
        expected = [v for v in exp.views if v.cell == i]
        views = _cell(page, i).locator(".hfs-view")
        if views.count() != len(expected):
            rep.problems.append(f"cell {i}: expected {len(expected)} hfs-view widget(s), found {views.count()}")
        for k in range(min(views.count(), len(expected))):
            where = f"cell {i} view #{k + 1}"
            if check_layout:
                rep.problems += [f"{where}: layout: {p}" for p in view_layout_problems(views.nth(k))]
                rep.counts["layouts"] += 1
            _check_view(page, views.nth(k), expected[k], where, rep, change_timeout_s)
    rep.timings["controls"] = time.perf_counter() - t2

    # -- the quiz gives feedback -------------------------------------------------------------------
    if exp.quiz_cells:
        _check_quiz(
            page, _cell(page, exp.quiz_cells[0]), f"cell {exp.quiz_cells[0]}", rep, change_timeout_s, check_layout
        )
    if rep.external_requests:
        rep.problems.append(f"the page requested non-local URLs (offline course): {rep.external_requests[:5]}")
    rep.timings["total"] = time.perf_counter() - t0
    return rep


# -- moving the controls of a view: one small action per kind of control ------------------------
def _readout(slider) -> str:
    r = slider.locator(".widget-readout")
    return r.first.inner_text().strip() if r.count() else "?"


def _move_slider(page, slider) -> str:
    handle = slider.locator(".noUi-handle").first
    now, top = handle.get_attribute("aria-valuenow"), handle.get_attribute("aria-valuemax")
    key = "ArrowLeft" if now is not None and top is not None and float(now) >= float(top) else "ArrowRight"
    before = _readout(slider)
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(3):
        page.keyboard.press(key)
    page.wait_for_timeout(50)
    return f"moved with {key}×3 ({before} → {_readout(slider)})"


def _pick_dropdown(page, box) -> str:
    select = box.locator("select").first
    values = select.evaluate("s => Array.from(s.options).map(o => o.value)")
    current = select.input_value()
    others = [v for v in values if v != current]
    if not others:
        return "has a single option"
    select.select_option(others[0])
    return f"changed ({current} → {others[0]})"


def _click_other_toggle(page, group) -> str:
    option = group.locator("button:not(.mod-active)").first
    text = option.inner_text()
    option.click()
    return f"set to {text.strip()!r}"


def _click_other_radio(page, group) -> str:
    option = group.locator("input[type=radio]:not(:checked)").first
    text = option.get_attribute("value")
    option.click()
    return f"set to {str(text).strip()!r}"


def _click(page, item) -> str:
    target = item.locator("input[type=checkbox]").first if item.locator("input[type=checkbox]").count() else item
    target.click()
    return "clicked"


#: control kind -> (CSS selector inside an hfs-view, action, what the report calls it, count key)
CONTROL_KINDS = {
    "slider": (".widget-slider", _move_slider, "slider", "sliders"),
    "dropdown": (".widget-dropdown", _pick_dropdown, "dropdown", "dropdowns"),
    "toggle_buttons": (".widget-toggle-buttons", _click_other_toggle, "toggle buttons", "toggles"),
    "radio": (".widget-radio", _click_other_radio, "radio", "toggles"),
    "toggle_button": (
        ".widget-toggle-button:not(.widget-toggle-buttons .widget-toggle-button)",
        _click,
        "toggle button",
        "toggles",
    ),
    "checkbox": (".widget-checkbox", _click, "checkbox", "toggles"),
}


def _check_view(page, view, expected: ViewExpectation, where: str, rep: Report, timeout_s: float) -> None:
    """The view shows the controls its stored state promises, and every one of them changes the figure."""
    rep.counts["views"] += 1
    view.scroll_into_view_if_needed()
    img = view.locator("img.widget-image")
    img = img if img.count() else view.locator("img")
    if img.count() == 0:
        rep.problems.append(f"{where}: no figure image inside the view")
        return
    img = img.first
    for kind, (selector, action, what, counter) in CONTROL_KINDS.items():
        controls = view.locator(selector)
        want = expected.controls.get(kind, 0)
        if controls.count() != want:
            rep.problems.append(
                f"{where}: the stored widget state has {want} {kind} control(s), JupyterLab shows {controls.count()}"
            )
        for n in range(controls.count()):
            control = controls.nth(n)
            label = _label_of(control) if kind != "toggle_button" else (control.inner_text().strip() or "(no label)")
            _wait_idle(page)
            old = img.get_attribute("src")
            readout = view.locator(".hfs-readout")
            old_text = readout.first.inner_text() if readout.count() else None
            detail = action(page, control)
            if not _wait_src_change(page, img, old, int(timeout_s * 1000)):
                # A control may be inert at the others' settings (e.g. "late by" while no injection is
                # late); then the view's readout must say so, or the student sees nothing happen.
                now_text = readout.first.inner_text() if readout.count() else None
                if old_text is None or now_text == old_text:
                    rep.problems.append(
                        f"{where}: {what} '{label}' {detail}, but the figure did not change (nor the readout)"
                    )
            _wait_idle(page)
            err = view.locator("text=Cannot update:")
            if err.count():
                rep.problems.append(f"{where}: after {what} '{label}' {detail}: {err.first.inner_text()[:300]}")
            rep.counts[counter] += 1


# -- the quiz -------------------------------------------------------------------------------------
def _check_quiz(page, cell, where: str, rep: Report, timeout_s: float, check_layout: bool = True) -> None:
    """The quiz renders without overlaps, and answering its first question gives feedback (then still no overlap)."""
    quiz = cell.locator(".hfs-quiz").first
    if quiz.count() == 0:
        rep.problems.append(f"{where}: the stored notebook has a quiz here, JupyterLab shows none")
        return
    quiz.scroll_into_view_if_needed()
    if check_layout:
        rep.problems += [f"{where}: quiz layout: {p}" for p in quiz_layout_problems(quiz)]
        rep.counts["layouts"] += 1
    button = quiz.locator("button:has-text('Check')").first
    if button.count() == 0:
        rep.problems.append(f"{where}: the quiz has no 'Check' button")
        return
    card = quiz.locator(".hfs-quiz-card").first
    if card.count() == 0:
        card = button.locator("xpath=../..")  # Check button -> its HBox -> the question card
    feedback = card.locator(".hfs-quiz-feedback")
    feedback = feedback if feedback.count() else card.locator(":scope > .widget-html")
    feedback = feedback.last
    option = card.locator(".hfs-quiz-option button")
    radio = card.locator("input[type=radio]")
    checkbox = card.locator("input[type=checkbox]")
    number = card.locator("input[type=number], input[type=text]")
    if option.count():
        option.first.click()
    elif radio.count():
        radio.first.check()
    elif checkbox.count():
        checkbox.first.check()
    elif number.count():
        number.first.fill("1")
        number.first.press("Tab")
    else:
        rep.problems.append(f"{where}: the first quiz question has no option to choose")
        return
    _wait_idle(page)
    button.click()
    try:
        page.wait_for_function(
            "(el) => { const t = (el.textContent || '').trim(); "
            "return t.length > 0 && !t.includes('Choose an answer'); }",
            arg=feedback.element_handle(),
            timeout=int(timeout_s * 1000),
        )
        rep.counts["quiz checks"] += 1
    except Exception:  # noqa: BLE001
        text = feedback.inner_text().strip() if feedback.count() else "(no feedback element)"
        rep.problems.append(f"{where}: clicking 'Check' after choosing an option showed no feedback ({text!r})")
        return
    if check_layout:
        rep.problems += [f"{where}: quiz layout after feedback: {p}" for p in quiz_layout_problems(quiz)]


def save_artifacts(page, name: str, rep: Report | None, server: LabServer | None, error: str = "") -> Path:
    """Screenshot, console log and server log tail for a failed notebook; return the folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = Path(name).stem
    try:
        page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
    except Exception as exc:  # noqa: BLE001
        (ARTIFACTS / f"{stem}.screenshot-failed.txt").write_text(str(exc), encoding="utf-8")
    lines = [
        f"# {name}",
        "",
        "## problems",
        *(rep.problems if rep else []),
        error,
        "",
        "## browser console",
        *(rep.console if rep else []),
        "",
        "## jupyter server log (tail)",
        server.log_tail(80) if server else "",
    ]
    (ARTIFACTS / f"{stem}.log").write_text("\n".join(lines), encoding="utf-8")
    return ARTIFACTS
