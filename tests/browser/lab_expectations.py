"""What a stored (executed) notebook promises, read from its outputs (part of :mod:`labharness`).

:func:`expectations` reads which code cells must run, which cells show widget views, how many
sliders/dropdowns/toggles each ``hfs-view`` holds (from the stored widget state) and where the
quiz is, so a changed JupyterLab DOM cannot make the checks pass vacuously.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
SLIDER_MODELS = {
    "IntSliderModel",
    "FloatSliderModel",
    "FloatLogSliderModel",
    "IntRangeSliderModel",
    "FloatRangeSliderModel",
    "SelectionSliderModel",
    "SelectionRangeSliderModel",
}
CHOICE_MODELS = {
    "DropdownModel": "dropdown",
    "ToggleButtonsModel": "toggle_buttons",
    "ToggleButtonModel": "toggle_button",
    "CheckboxModel": "checkbox",
    "RadioButtonsModel": "radio",
}


@dataclass
class ViewExpectation:
    cell: int  # notebook cell index
    controls: dict[str, int]  # kind -> count (slider, dropdown, toggle_buttons, ...)


@dataclass
class Expectations:
    name: str
    n_cells: int
    run_cells: list[int]  # code cells with source (JupyterLab skips empty cells)
    raises_cells: set[int]  # tagged raises-exception: errors expected there
    widget_cells: list[int]  # cells whose stored outputs hold a widget view
    views: list[ViewExpectation] = field(default_factory=list)  # every hfs-view, in output order
    quiz_cells: list[int] = field(default_factory=list)


def _children(model: dict) -> list[str]:
    out = []
    for value in model.get("state", {}).values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str) and item.startswith("IPY_MODEL_"):
                out.append(item[len("IPY_MODEL_") :])
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
    exp = Expectations(
        name=Path(path).name, n_cells=len(nb["cells"]), run_cells=[], raises_cells=set(), widget_cells=[]
    )
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        tags = cell.get("metadata", {}).get("tags", [])
        if source.strip():
            exp.run_cells.append(i)
        if "raises-exception" in tags:
            exp.raises_cells.add(i)
        ids = [o["data"][WIDGET_VIEW]["model_id"] for o in cell.get("outputs", []) if WIDGET_VIEW in o.get("data", {})]
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
