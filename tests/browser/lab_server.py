"""The JupyterLab server and the browser for the browser suite (part of :mod:`labharness`).

* :class:`LabServer` starts ``.venv/bin/jupyter lab`` on 127.0.0.1 (free port,
  random token, isolated config/runtime/settings dirs) over a *copy* of the
  course (JupyterLab autosaves) and always stops it by its PID. ``windowing``
  chooses the notebook windowing mode: ``None`` leaves JupyterLab's default
  (what a student gets: ``contentVisibility`` in JupyterLab 4.6), ``"none"``
  attaches every cell to the DOM.
* :func:`launch_browser` starts Debian's headless Chromium through Playwright.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
CHROMIUM = Path(os.environ.get("HFS_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = "install with: apt-get install chromium chromium-driver"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

#: Windowing modes the suite runs in: JupyterLab's default (None) and every cell attached ("none").
WINDOWING_MODES = (None, "none")


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

    def __init__(
        self,
        root: Path,
        state_dir: Path,
        env: dict[str, str] | None = None,
        ready_timeout_s: float = 90.0,
        windowing: str | None = None,
    ):
        if windowing not in WINDOWING_MODES + ("full", "defer", "contentVisibility"):
            raise ValueError(
                f"windowing={windowing!r}; allowed: None (JupyterLab's default), 'none', 'full', "
                "'defer', 'contentVisibility'"
            )
        self.windowing = windowing
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
        """User settings for the test server: no news pop-up; the windowing mode if one was chosen.

        With ``windowing=None`` nothing about the notebook is set, so the notebook behaves as
        a student's fresh JupyterLab does (student review B4/B5 were seen there).
        """
        files = {
            "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
                "checkForUpdates": False,
                "fetchNews": "false",
            },
        }
        if self.windowing is not None:
            files["@jupyterlab/notebook-extension/tracker.jupyterlab-settings"] = {"windowingMode": self.windowing}
        for rel, content in files.items():
            path = settings / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content), encoding="utf-8")

    def start(self) -> LabServer:
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
        cmd = [
            str(jupyter),
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={workspaces}",
            "--ServerApp.open_browser=False",
        ]
        if os.geteuid() == 0:
            cmd.append("--allow-root")
        self._log = open(self.log_path, "wb")
        # own session: the server and its kernels form one process group we can clean up by its id
        self.proc = subprocess.Popen(
            cmd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=self.root,
            start_new_session=True,
        )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout_s
        request = urllib.request.Request(f"{self.base}/api/status", headers={"Authorization": f"token {self.token}"})
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
        request = urllib.request.Request(
            f"{self.base}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
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

    def __enter__(self) -> LabServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_browser(playwright):
    """Headless Debian Chromium through Playwright (its own browser download does not work here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
