"""Drive a notebook in real JupyterLab + headless Chromium the way a student meets it.

Used by ``tests/browser/test_notebooks_in_lab.py`` (``make test-browser``). The harness is split
by job (code review T6/S7); this module re-exports the parts so tests write ``lh.<name>``:

* :mod:`lab_server`: :class:`LabServer` (``jupyter lab`` over a *copy* of the course, in a chosen
  windowing mode, always stopped by its PID) and :func:`launch_browser`;
* :mod:`lab_expectations`: :func:`expectations`, what a stored notebook promises (cells to run,
  views and their controls, the quiz);
* :mod:`lab_driver`: :func:`drive_notebook`, which opens the notebook, waits for the kernel,
  clears and runs all cells, checks outputs and layout, moves every control and answers the quiz;
* :mod:`lab_layout`: the layout checks (overlapping quiz boxes, clipped readouts and labels);
* :mod:`lab_selftest`: throwaway notebooks that test the harness itself.

Imports of Playwright and hfs_edu happen inside functions, so a self-test kernel can import
:mod:`lab_selftest` cheaply.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from lab_driver import ARTIFACTS, Report, drive_notebook, save_artifacts
from lab_expectations import Expectations, ViewExpectation, expectations, notebooks_in
from lab_layout import quiz_layout_problems, view_layout_problems
from lab_selftest import DEMO_QUIZ, demo_views, execute_in_place, write_demo_notebooks
from lab_server import (
    CHROMIUM,
    INSTALL_HINT,
    ROOT,
    VENV_BIN,
    WINDOWING_MODES,
    LabServer,
    browser_unavailable_reason,
    copy_course,
    free_port,
    launch_browser,
)

__all__ = [
    "ARTIFACTS",
    "CHROMIUM",
    "DEMO_QUIZ",
    "INSTALL_HINT",
    "ROOT",
    "VENV_BIN",
    "WINDOWING_MODES",
    "Expectations",
    "LabServer",
    "Report",
    "ViewExpectation",
    "browser_unavailable_reason",
    "copy_course",
    "demo_views",
    "drive_notebook",
    "execute_in_place",
    "expectations",
    "free_port",
    "launch_browser",
    "notebooks_in",
    "quiz_layout_problems",
    "save_artifacts",
    "view_layout_problems",
    "write_demo_notebooks",
]

if __name__ == "__main__":  # pragma: no cover - manual use: python tests/browser/labharness.py NB.ipynb
    print(json.dumps(dataclasses.asdict(expectations(Path(sys.argv[1]))), indent=1, default=sorted))
