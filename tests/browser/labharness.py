"""Drive a notebook in real JupyterLab + headless Chromium the way a student meets it.

Used by ``tests/browser/test_notebooks_in_lab.py`` (``make test-browser``):

* :class:`LabServer` starts ``.venv/bin/jupyter lab`` on 127.0.0.1 (free port,
  random token, isolated config/runtime/settings dirs) over a *copy* of the
  course (JupyterLab autosaves) and always stops it by its PID;
* :func:`expectations` reads the stored notebook: which code cells must run,
  which cells show widget views, and how many sliders/dropdowns/toggles each
  ``hfs-view`` holds (from the stored widget state), so a changed JupyterLab
  DOM cannot make the checks pass vacuously;
* :func:`drive_notebook` opens the notebook, waits for the kernel properly,
  clears and runs all cells, then checks outputs and moves every control,
  returning a list of human-readable problems (empty = pass).

Imports of Playwright and hfs_edu happen inside functions, so the kernel of a
self-test notebook can ``from labharness import demo_views`` cheaply.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
CHROMIUM = Path(os.environ.get("HFS_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = "install with: apt-get install chromium chromium-driver"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
SLIDER_MODELS = {"IntSliderModel", "FloatSliderModel", "FloatLogSliderModel", "IntRangeSliderModel",
                 "FloatRangeSliderModel", "SelectionSliderModel", "SelectionRangeSliderModel"}
CHOICE_MODELS = {"DropdownModel": "dropdown", "ToggleButtonsModel": "toggle_buttons",
                 "ToggleButtonModel": "toggle_button", "CheckboxModel": "checkbox", "RadioButtonsModel": "radio"}

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]

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


def browser_unavailable_reason() -> str | None:
    """Why the browser suite cannot run here (None if it can)."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found; {INSTALL_HINT}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed in this environment; run `make venv`"
    if not (VENV_BIN / "jupyter-lab").exists() and not (VENV_BIN / "jupyter").exists():
        return f"{VENV_BIN}/jupyter not found; run `make venv`"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_course(target: Path, parts=("notebooks", "data")) -> Path:
    """Copy the parts of the checkout a student opens into ``target`` (the checkout is only read)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return target


# ---------------------------------------------------------------------------------------------
# The JupyterLab server
# ---------------------------------------------------------------------------------------------
class LabServer:
    """``jupyter lab`` over ``root`` on 127.0.0.1; use as a context manager (always stopped)."""

    def __init__(self, root: Path, state_dir: Path, env: dict[str, str] | None = None,
                 ready_timeout_s: float = 90.0):
        self.root = Path(root)
        self.state = Path(state_dir)
        self.extra_env = dict(env or {})
        self.ready_timeout_s = ready_timeout_s
        self.port = free_port()
        self.token = os.urandom(16).hex()
        self.proc: subprocess.Popen | None = None
        self.log_path = self.state / "jupyter-server.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, **query: str) -> str:
        q = "&".join([*(f"{k}={v}" if v else k for k, v in query.items()), f"token={self.token}"])
        return f"{self.base}{path}?{q}"

    def _write_settings(self, settings: Path) -> None:
        """User settings for the test server: no news pop-up; every cell in the DOM (no windowing)."""
        files = {
            "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
                {"checkForUpdates": False, "fetchNews": "false"},
            "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        }
        for rel, content in files.items():
            path = settings / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content), encoding="utf-8")

    def start(self) -> "LabServer":
        self.state.mkdir(parents=True, exist_ok=True)
        settings, workspaces = self.state / "user-settings", self.state / "workspaces"
        self._write_settings(settings)
        workspaces.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MPLBACKEND"))}
        env.update(
            JUPYTER_CONFIG_DIR=str(self.state / "config"),
            JUPYTER_RUNTIME_DIR=str(self.state / "runtime"),
            JUPYTER_DATA_DIR=str(self.state / "data"),  # no user kernelspecs shadowing 'python3'
            IPYTHONDIR=str(self.state / "ipython"),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.update(self.extra_env)
        jupyter = VENV_BIN / "jupyter"
        cmd = [str(jupyter), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={workspaces}",
               "--ServerApp.open_browser=False"]
        if os.geteuid() == 0:
            cmd.append("--allow-root")
        self._log = open(self.log_path, "wb")
        # own session: the server and its kernels form one process group we can clean up by its id
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env=env, cwd=self.root, start_new_session=True)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout_s
        request = urllib.request.Request(f"{self.base}/api/status",
                                         headers={"Authorization": f"token {self.token}"})
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with code {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(request, timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"jupyter lab not ready after {self.ready_timeout_s:.0f} s:\n{self.log_tail()}")

    def _api(self, method: str, path: str):
        request = urllib.request.Request(f"{self.base}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every kernel of this server (between notebooks: 2-core machines, ~100 MB each)."""
        try:
            for kernel in self._api("GET", "/api/kernels") or []:
                self._api("DELETE", f"/api/kernels/{kernel['id']}")
        except (urllib.error.URLError, OSError, ValueError):
            pass

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
        except OSError:
            return "(no server log)"

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL) and anything left in its process group."""
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # the server shuts its kernels down on SIGTERM
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        try:  # leftover kernels of *this* server: its own process group (pgid == its pid)
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc = None
        self._log.close()

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_browser(playwright):
    """Headless Debian Chromium through Playwright (its own browser download does not work here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


# ---------------------------------------------------------------------------------------------
# What the stored notebook says must happen
# ---------------------------------------------------------------------------------------------
@dataclass
class ViewExpectation:
    cell: int                 # notebook cell index
    controls: dict[str, int]  # kind -> count (slider, dropdown, toggle_buttons, ...)


@dataclass
class Expectations:
    name: str
    n_cells: int
    run_cells: list[int]                  # code cells with source (JupyterLab skips empty cells)
    raises_cells: set[int]                # tagged raises-exception: errors expected there
    widget_cells: list[int]               # cells whose stored outputs hold a widget view
    views: list[ViewExpectation] = field(default_factory=list)  # every hfs-view, in output order
    quiz_cells: list[int] = field(default_factory=list)


def _children(model: dict) -> list[str]:
    out = []
    for value in model.get("state", {}).values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str) and item.startswith("IPY_MODEL_"):
                out.append(item[len("IPY_MODEL_"):])
    return out


def _descendants(state: dict, model_id: str) -> list[str]:
    seen, stack = [], [model_id]
    while stack:
        mid = stack.pop(0)
        if mid in seen or mid not in state:
            continue
        seen.append(mid)
        stack.extend(_children(state[mid]))
    return seen


def _classes(model: dict) -> list[str]:
    return list(model.get("state", {}).get("_dom_classes", []) or [])


def expectations(path: Path) -> Expectations:
    """Read what a stored (executed) notebook promises: cells to run, widget views and their controls."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    exp = Expectations(name=Path(path).name, n_cells=len(nb["cells"]), run_cells=[], raises_cells=set(),
                       widget_cells=[])
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        tags = cell.get("metadata", {}).get("tags", [])
        if source.strip():
            exp.run_cells.append(i)
        if "raises-exception" in tags:
            exp.raises_cells.add(i)
        ids = [o["data"][WIDGET_VIEW]["model_id"] for o in cell.get("outputs", [])
               if WIDGET_VIEW in o.get("data", {})]
        if ids:
            exp.widget_cells.append(i)
        for mid in ids:
            for sub in _descendants(state, mid):
                model = state[sub]
                if "hfs-quiz" in _classes(model) and i not in exp.quiz_cells:
                    exp.quiz_cells.append(i)
                if "hfs-view" not in _classes(model):
                    continue
                counts: dict[str, int] = {}
                for ctl in _descendants(state, sub):
                    name = state[ctl].get("model_name", "")
                    kind = "slider" if name in SLIDER_MODELS else CHOICE_MODELS.get(name)
                    if kind:
                        counts[kind] = counts.get(kind, 0) + 1
                exp.views.append(ViewExpectation(cell=i, controls=counts))
    return exp


def notebooks_in(folder: Path) -> list[Path]:
    """The course notebooks: ``NN_name.ipynb``, sorted."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


# ---------------------------------------------------------------------------------------------
# Driving one notebook
# ---------------------------------------------------------------------------------------------
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
        page.wait_for_function("([el, old]) => el.getAttribute('src') !== old", arg=[img.element_handle(), old],
                               timeout=timeout_ms)
        return True
    except Exception:  # noqa: BLE001 - playwright TimeoutError
        return False


def _wait_idle(page, timeout_ms: int = 30_000) -> None:
    page.wait_for_function(KERNEL_IDLE_JS, timeout=timeout_ms)


def drive_notebook(page, server: LabServer, rel_path: str, exp: Expectations, *,
                   run_timeout_s: float = 300.0, change_timeout_s: float = 10.0) -> Report:
    """Open ``rel_path`` in JupyterLab, Run All, check outputs and move every control."""
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
        "() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length === 0", timeout=10_000)
    # collapsed solution cells show no prompt; expand them so their execution counts are visible
    _menu(page, "View", "Expand All Code")
    page.wait_for_function("() => document.querySelectorAll('.jp-Notebook .jp-InputPlaceholder').length === 0",
                           timeout=10_000)
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
        errored = stopped_early and page.locator(
            '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count() > 0
        why = " (Run All stopped after an error)" if errored else ""
        rep.problems.append(f"cells {unrun} have no execution count after Run All{why}")
    rep.timings["run all"] = time.perf_counter() - t1

    # -- widgets rendered, no errors ------------------------------------------------------------
    t2 = time.perf_counter()
    n_views = len(exp.views)
    try:
        page.wait_for_function("(n) => document.querySelectorAll('.hfs-view').length >= n", arg=n_views,
                               timeout=20_000)
        page.wait_for_function("() => Array.from(document.querySelectorAll('.hfs-view img')).every("
                               "i => (i.getAttribute('src') || '').length > 0)", timeout=20_000)
    except Exception:  # noqa: BLE001 - reported below per cell
        pass
    for i in exp.widget_cells:
        cell = _cell(page, i)
        if cell.locator(".jupyter-widgets").count() == 0:
            rep.problems.append(f"cell {i}: the stored notebook shows a widget here, JupyterLab rendered none")
    for i in range(exp.n_cells):
        for text in page.evaluate(ERRORS_JS, i):
            if i in exp.raises_cells and text.startswith(("error output", "text output")):
                continue
            rep.problems.append(f"cell {i}: {text}")

    # -- every control of every view changes the figure -------------------------------------------
    rep.counts = {"views": 0, "sliders": 0, "dropdowns": 0, "toggles": 0, "quiz checks": 0}
    cells_with_views = sorted({v.cell for v in exp.views})
    for i in cells_with_views:
        expected = [v for v in exp.views if v.cell == i]
        views = _cell(page, i).locator(".hfs-view")
        if views.count() != len(expected):
            rep.problems.append(f"cell {i}: expected {len(expected)} hfs-view widget(s), found {views.count()}")
        for k in range(min(views.count(), len(expected))):
            _check_view(page, views.nth(k), expected[k], f"cell {i} view #{k + 1}", rep, change_timeout_s)
    rep.timings["controls"] = time.perf_counter() - t2

    # -- the quiz gives feedback -------------------------------------------------------------------
    if exp.quiz_cells:
        _check_quiz(page, _cell(page, exp.quiz_cells[0]), f"cell {exp.quiz_cells[0]}", rep, change_timeout_s)
    if rep.external_requests:
        rep.problems.append(f"the page requested non-local URLs (offline course): {rep.external_requests[:5]}")
    rep.timings["total"] = time.perf_counter() - t0
    return rep


def _check_view(page, view, expected: ViewExpectation, where: str, rep: Report, timeout_s: float) -> None:
    rep.counts["views"] += 1
    view.scroll_into_view_if_needed()
    img = view.locator("img.widget-image")
    if img.count() == 0:
        img = view.locator("img")
    if img.count() == 0:
        rep.problems.append(f"{where}: no figure image inside the view")
        return
    img = img.first
    found = {
        "slider": view.locator(".widget-slider"),
        "dropdown": view.locator(".widget-dropdown"),
        "toggle_buttons": view.locator(".widget-toggle-buttons"),
        "toggle_button": view.locator(".widget-toggle-button:not(.widget-toggle-buttons .widget-toggle-button)"),
        "checkbox": view.locator(".widget-checkbox"),
        "radio": view.locator(".widget-radio"),
    }
    for kind, loc in found.items():
        want = expected.controls.get(kind, 0)
        if loc.count() != want:
            rep.problems.append(f"{where}: the stored widget state has {want} {kind} control(s), "
                                f"JupyterLab shows {loc.count()}")

    def changed(action, label: str, what: str) -> None:
        _wait_idle(page)
        old = img.get_attribute("src")
        detail = action()
        if not _wait_src_change(page, img, old, int(timeout_s * 1000)):
            rep.problems.append(f"{where}: {what} '{label}' {detail}, but the figure did not change")
        _wait_idle(page)
        err = view.locator("text=Cannot update:")
        if err.count():
            rep.problems.append(f"{where}: after {what} '{label}' {detail}: {err.first.inner_text()[:300]}")

    sliders = found["slider"]
    for s in range(sliders.count()):
        slider = sliders.nth(s)
        handle = slider.locator(".noUi-handle").first
        label = _label_of(slider)

        def move(handle=handle, slider=slider):
            now, top = handle.get_attribute("aria-valuenow"), handle.get_attribute("aria-valuemax")
            at_max = now is not None and top is not None and float(now) >= float(top)
            key = "ArrowLeft" if at_max else "ArrowRight"
            before = slider.locator(".widget-readout").first.inner_text() if slider.locator(".widget-readout").count() else "?"
            handle.scroll_into_view_if_needed()
            handle.focus()
            for _ in range(3):
                page.keyboard.press(key)
            page.wait_for_timeout(50)
            after = slider.locator(".widget-readout").first.inner_text() if slider.locator(".widget-readout").count() else "?"
            return f"moved with {key}×3 ({before.strip()} → {after.strip()})"

        changed(move, label, "slider")
        rep.counts["sliders"] += 1

    dropdowns = found["dropdown"]
    for d in range(dropdowns.count()):
        box = dropdowns.nth(d)
        select = box.locator("select").first

        def pick(select=select):
            values = select.evaluate("s => Array.from(s.options).map(o => o.value)")
            current = select.input_value()
            others = [v for v in values if v != current]
            if not others:
                return "has a single option"
            select.select_option(others[0])
            return f"changed ({current} → {others[0]})"

        changed(pick, _label_of(box), "dropdown")
        rep.counts["dropdowns"] += 1

    for kind in ("toggle_buttons", "radio"):
        groups = found[kind]
        for g in range(groups.count()):
            group = groups.nth(g)
            selector = "button:not(.mod-active)" if kind == "toggle_buttons" else "input[type=radio]:not(:checked)"

            def click(group=group, selector=selector):
                option = group.locator(selector).first
                text = option.inner_text() if kind == "toggle_buttons" else option.get_attribute("value")
                option.click()
                return f"set to {str(text).strip()!r}"

            changed(click, _label_of(group), kind.replace("_", " "))
            rep.counts["toggles"] += 1

    for kind, inner in (("toggle_button", None), ("checkbox", "input[type=checkbox]")):
        items = found[kind]
        for t in range(items.count()):
            item = items.nth(t)
            target = item.locator(inner).first if inner else item

            def flip(target=target):
                target.click()
                return "clicked"

            changed(flip, _label_of(item) if inner else (item.inner_text().strip() or "(no label)"), kind.replace("_", " "))
            rep.counts["toggles"] += 1


def _check_quiz(page, cell, where: str, rep: Report, timeout_s: float) -> None:
    quiz = cell.locator(".hfs-quiz").first
    if quiz.count() == 0:
        rep.problems.append(f"{where}: the stored notebook has a quiz here, JupyterLab shows none")
        return
    quiz.scroll_into_view_if_needed()
    button = quiz.locator("button:has-text('Check')").first
    if button.count() == 0:
        rep.problems.append(f"{where}: the quiz has no 'Check' button")
        return
    card = button.locator("xpath=../..")  # Check button -> its HBox -> the question card
    feedback = card.locator(":scope > .widget-html").last
    radio = card.locator("input[type=radio]")
    checkbox = card.locator("input[type=checkbox]")
    number = card.locator("input[type=number]")
    if radio.count():
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
            "(el) => { const t = (el.textContent || '').trim(); return t.length > 0 && !t.includes('Choose an answer'); }",
            arg=feedback.element_handle(), timeout=int(timeout_s * 1000))
        rep.counts["quiz checks"] += 1
    except Exception:  # noqa: BLE001
        text = feedback.inner_text().strip() if feedback.count() else "(no feedback element)"
        rep.problems.append(f"{where}: clicking 'Check' after choosing an option showed no feedback ({text!r})")


def save_artifacts(page, name: str, rep: Report | None, server: LabServer | None, error: str = "") -> Path:
    """Screenshot, console log and server log tail for a failed notebook; return the folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = Path(name).stem
    try:
        page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
    except Exception as exc:  # noqa: BLE001
        (ARTIFACTS / f"{stem}.screenshot-failed.txt").write_text(str(exc), encoding="utf-8")
    lines = [f"# {name}", "", "## problems", *(rep.problems if rep else []), error, "",
             "## browser console", *(rep.console if rep else []), "",
             "## jupyter server log (tail)", server.log_tail(80) if server else ""]
    (ARTIFACTS / f"{stem}.log").write_text("\n".join(lines), encoding="utf-8")
    return ARTIFACTS


# ---------------------------------------------------------------------------------------------
# Throwaway notebooks that test the harness itself
# ---------------------------------------------------------------------------------------------
def demo_views():
    """Return ``(DemoView, FrozenView)``: a working view and one whose slider changes nothing.

    Names start with '_' so they stay out of :func:`hfs_edu.widgets.base.registry`.
    """
    import ipywidgets as widgets
    import numpy as np

    from hfs_edu.figures.style import new_figure
    from hfs_edu.widgets.base import View

    x = np.linspace(0, 2 * np.pi, 200)

    class _DemoView(View):
        CONTROLS = {"frequency": "cycles per 2π", "colour": "line colour", "style": "line style"}

        def build_controls(self):
            return {"frequency": widgets.FloatSlider(value=1.0, min=1.0, max=5.0, step=0.5, description="frequency"),
                    "colour": widgets.Dropdown(options=["blue", "orange"], value="blue", description="colour"),
                    "style": widgets.ToggleButtons(options=["solid", "dashed"], value="solid", description="style")}

        def build_figure(self):
            fig, ax = new_figure("The curve follows the controls.", width_in=4, height_in=2.5)
            (self.line,) = ax.plot(x, np.sin(x))
            ax.set_ylim(-1.1, 1.1)
            return fig

        def dynamic_artists(self):
            return [self.line]

        def update(self, frequency, colour, style):
            self.line.set_ydata(np.sin(frequency * x))
            self.line.set_color({"blue": "#0072B2", "orange": "#E69F00"}[colour])
            self.line.set_linestyle("-" if style == "solid" else "--")
            return f"<p>frequency {frequency:g}</p>"

    class _FrozenView(_DemoView):
        def update(self, frequency, colour, style):  # ignores its controls: the harness must notice
            return ""

    return _DemoView, _FrozenView


DEMO_QUIZ = [{"id": "q1", "type": "single", "question": "Which is a cranial nerve?", "options": ["facial", "sciatic"],
              "answer": [0], "explanation": "The facial nerve is cranial nerve VII [TC:T].", "sources": ["TC"]}]


def write_demo_notebooks(folder: Path) -> dict[str, Path]:
    """Write ``ok.ipynb`` (a working view + quiz) and ``broken.ipynb`` into ``folder``; return them."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(__file__), folder / "labharness.py")
    ok = new_notebook(cells=[
        new_markdown_cell("# Harness self-test (ok)"),
        new_code_cell("from labharness import demo_views, DEMO_QUIZ\nDemoView, FrozenView = demo_views()\nDemoView()"),
        new_code_cell("import hfs_edu.widgets.quiz as q\nq.load_quiz = lambda chapter: DEMO_QUIZ\nq.QuizView('demo')"),
        new_code_cell(""),  # an empty exercise cell: JupyterLab does not execute it
    ])
    broken = new_notebook(cells=[
        new_code_cell("from labharness import demo_views\nDemoView, FrozenView = demo_views()\nFrozenView()"),
        new_code_cell("1 / 0"),
        new_code_cell("print('never reached')"),
    ])
    paths = {}
    for name, nb in (("ok", ok), ("broken", broken)):
        nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}}
        paths[name] = folder / f"{name}.ipynb"
        nbformat.write(nb, paths[name])
    return paths


def execute_in_place(path: Path, cwd: Path) -> None:
    """Execute a self-test notebook so it has stored outputs and widget state (errors allowed)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = f"{cwd}{os.pathsep}{env_path}" if env_path else str(cwd)
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(cwd)}}).execute()
    finally:
        if env_path:
            os.environ["PYTHONPATH"] = env_path
        else:
            os.environ.pop("PYTHONPATH", None)
    nbformat.write(nb, path)


if __name__ == "__main__":  # pragma: no cover - manual use: python tests/browser/labharness.py NB.ipynb
    import dataclasses
    print(json.dumps(dataclasses.asdict(expectations(Path(sys.argv[1]))), indent=1, default=sorted))
