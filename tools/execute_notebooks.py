"""Execute notebooks in place so their stored outputs are the nbval reference.

* a timeout per cell, and one retry if a run hangs or fails (nbclient can hang
  intermittently on widget cells: jupyter/nbclient#312);
* consecutive stream outputs merged (their chunking depends on timing);
* no timing metadata (``record_timing=False``), and widget model ids replaced by
  ids derived from the notebook name and their order, so re-executing an
  unchanged notebook leaves git clean;
* the widget state is kept, so a static HTML export still shows the widgets.

Usage: python tools/execute_notebooks.py [notebooks/NN_name.ipynb ...]
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT_S = 120
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
HEX32 = re.compile(r"\b[0-9a-f]{32}\b")


def stable_widget_ids(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Replace random widget model ids by deterministic ones (order of first appearance)."""
    text = json.dumps(nb, sort_keys=True)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    ids: list[str] = []
    # order: model ids as they appear in cell outputs, then the remaining state keys in order
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view and view["model_id"] not in ids:
                ids.append(view["model_id"])
    for key in state:
        if key not in ids:
            ids.append(key)
    mapping = {old: hashlib.sha256(f"{name}:{i}".encode()).hexdigest()[:32] for i, old in enumerate(ids)}
    if not mapping:
        return nb
    pattern = re.compile("|".join(re.escape(k) for k in mapping))
    text = pattern.sub(lambda m: mapping[m.group(0)], text)
    return nbformat.reads(text, as_version=4)


def coalesce_streams(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Merge consecutive stream outputs of the same name (stdout/stderr) in every cell.

    How a kernel chunks printed text into stream messages depends on timing (two prints
    far apart in a slow cell may arrive as two messages, or as one), so the stored
    notebook must not depend on it.
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.outputs:
            if (
                out.output_type == "stream"
                and merged
                and merged[-1].output_type == "stream"
                and merged[-1].name == out.name
            ):
                merged[-1].text += out.text
            else:
                merged.append(out)
        cell.outputs = merged
    return nb


def execute(path: Path, retries: int = 1) -> None:
    """Execute ``path`` in place (kernel cwd = notebooks/)."""
    for attempt in range(retries + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=CELL_TIMEOUT_S,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
            break
        except Exception as exc:  # retry once: nbclient hangs/timeouts are intermittent
            if attempt == retries:
                raise
            print(f"  retrying {path.name} after {type(exc).__name__}: {str(exc)[:200]}")
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb = coalesce_streams(nb)
    nb = stable_widget_ids(nb, path.stem)
    nbformat.validate(nb)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for p in paths:
        t0 = time.perf_counter()
        execute(p)
        print(f"executed {p.relative_to(ROOT)} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
