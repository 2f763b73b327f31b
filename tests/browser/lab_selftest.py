"""Throwaway notebooks that test the harness itself (part of :mod:`labharness`).

* ``ok.ipynb``: a working view and a quiz; the harness must find no problem;
* ``broken.ipynb``: an error, an unrun cell and a view whose controls change nothing;
* ``layout.ipynb``: a view with a clipped readout and a cut description, and a quiz built the old
  way (``RadioButtons`` with long options in a narrow box, student review B4); the layout checks
  must report both.

Imports of hfs_edu happen inside functions, so the kernel of a self-test notebook can
``from lab_selftest import demo_views`` cheaply.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent


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
            return {
                "frequency": widgets.FloatSlider(value=1.0, min=1.0, max=5.0, step=0.5, description="frequency"),
                "colour": widgets.Dropdown(options=["blue", "orange"], value="blue", description="colour"),
                "style": widgets.ToggleButtons(options=["solid", "dashed"], value="solid", description="style"),
            }

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


DEMO_QUIZ = [
    {
        "id": "q1",
        "type": "single",
        "kind": "recall",
        "stem": "Which is a cranial nerve?",
        "options": [
            {"text": "facial: " + "a long option that must wrap onto several lines " * 3, "correct": True},
            {"text": "sciatic", "correct": False, "why": "The sciatic nerve is a spinal nerve."},
        ],
        "hint": "Cranial nerves leave the brainstem.",
        "explanation": "The facial nerve is cranial nerve VII [TC:T].",
    }
]


def old_style_quiz():
    """The quiz as it was before issue 7: RadioButtons with long labels in a narrow card (B4)."""
    import ipywidgets as widgets

    long = "Myelin seals the internodes and the surrounding fluid shunts the loop current, far below threshold"
    other = "Healthy fibres of different branches run in separate fascicles at the root exit zone, below threshold"
    radio = widgets.RadioButtons(options=[long, other, "short"], value=None, layout=widgets.Layout(width="auto"))
    feedback = widgets.HTML("<p>Not quite. The answer: " + long + "</p>")
    card = widgets.VBox([widgets.HTML("<p><b>Q1.</b> Why?</p>"), radio, feedback], layout=widgets.Layout(width="300px"))
    card.add_class("hfs-quiz-card")
    box = widgets.VBox([card])
    box.add_class("hfs-quiz")
    return box


def clipped_view():
    """A view with a readout too long for its box and a description cut short (B5)."""
    import ipywidgets as widgets

    DemoView, _ = demo_views()

    class _ClippedView(DemoView):
        def build_controls(self):
            controls = super().build_controls()
            controls["frequency"] = widgets.FloatSlider(
                value=1.0,
                min=1.0,
                max=5.0,
                step=0.5,
                readout_format=".9f",
                description="frequency of the curve in cycles",
            )
            return controls

    return _ClippedView()


def write_demo_notebooks(folder: Path) -> dict[str, Path]:
    """Write ``ok.ipynb``, ``broken.ipynb`` and ``layout.ipynb`` into ``folder``; return their paths."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    folder.mkdir(parents=True, exist_ok=True)
    for module in HERE.glob("lab*.py"):  # the kernel imports lab_selftest from the notebook's folder
        shutil.copy(module, folder / module.name)
    ok = new_notebook(
        cells=[
            new_markdown_cell("# Harness self-test (ok)"),
            new_code_cell(
                "from lab_selftest import demo_views, DEMO_QUIZ\nDemoView, FrozenView = demo_views()\nDemoView()"
            ),
            new_code_cell(
                "import hfs_edu.widgets.quiz as q\nq.load_quiz = lambda chapter: DEMO_QUIZ\nq.QuizView('demo')"
            ),
            new_code_cell(""),  # an empty exercise cell: JupyterLab does not execute it
        ]
    )
    broken = new_notebook(
        cells=[
            new_code_cell("from lab_selftest import demo_views\nDemoView, FrozenView = demo_views()\nFrozenView()"),
            new_code_cell("1 / 0"),
            new_code_cell("print('never reached')"),
        ]
    )
    layout = new_notebook(
        cells=[
            new_code_cell("from lab_selftest import clipped_view, old_style_quiz\nclipped_view()"),
            new_code_cell("old_style_quiz()"),
        ]
    )
    paths = {}
    for name, nb in (("ok", ok), ("broken", broken), ("layout", layout)):
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
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
        NotebookClient(
            nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(cwd)}}
        ).execute()
    finally:
        if env_path:
            os.environ["PYTHONPATH"] = env_path
        else:
            os.environ.pop("PYTHONPATH", None)
    nbformat.write(nb, path)
