"""Freeze the constrained layout of every static course figure and every view's first figure (issue 8 §6).

Constrained layout costs about as much as drawing a figure. A figure built from the same tables
always gets the same layout, so we compute it once here and store the positions in
``hfs_edu/figures/frozen_layouts.py``, keyed by :func:`hfs_edu.figures.style.layout_fingerprint`.
At run time a figure whose fingerprint is stored skips the engine (one draw instead of a layout
pass plus a draw); any other figure (a changed table, caption or code) is laid out by the engine
as before. Run this after changing a figure, its table or the course style:

    PYTHONPATH=$PWD python tools/freeze_layouts.py          # rewrite the file
    PYTHONPATH=$PWD python tools/freeze_layouts.py --check  # exit 1 if a figure's layout is not frozen

What is frozen: every code cell of every built chapter notebook (``notebooks/NN_*.ipynb``) is executed
in recording mode, so exactly the figures the chapters show (with their arguments) are covered.
"""

from __future__ import annotations

import argparse
import json
import os
import pprint
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hfs_edu" / "figures" / "frozen_layouts.py"
HEADER = '''"""Frozen constrained layouts, keyed by :func:`hfs_edu.figures.style.layout_fingerprint` (generated).

Written by ``tools/freeze_layouts.py``; do not edit by hand. A figure whose fingerprint is not
here is laid out by matplotlib's constrained layout engine as usual (correct, only slower).
"""
'''
RUNNER = r"""
import contextlib, io, sys, nbformat
from IPython.core.interactiveshell import InteractiveShell
sh = InteractiveShell.instance()
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    sh.reset(new_session=True)
    for cell in nb.cells:
        if cell.cell_type == "code":
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                sh.run_cell(cell.source)
"""


def record(notebooks: list[Path]) -> dict:
    with tempfile.TemporaryDirectory(prefix="hfs-layouts-") as tmp:
        rec = Path(tmp) / "layouts.jsonl"
        env = {**os.environ, "HFS_EDU_RECORD_LAYOUTS": str(rec), "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
        subprocess.run(
            [sys.executable, "-c", RUNNER, *(str(p.resolve()) for p in notebooks)],
            cwd=ROOT / "notebooks",
            env=env,
            check=True,
        )
        rows = [json.loads(line) for line in rec.read_text(encoding="utf-8").splitlines()] if rec.exists() else []
    out = {}
    for row in rows:
        fp = row.pop("fingerprint")
        row.pop("caption", None)
        out[fp] = row  # the same figure built twice records the same layout
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report figures whose layout is not frozen")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/[0-9]*.ipynb (build them first)")
    args = parser.parse_args()
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    layouts = record(notebooks)
    if args.check:
        from hfs_edu.figures.frozen_layouts import LAYOUTS

        missing = sorted(set(layouts) - set(LAYOUTS))
        print(f"{len(layouts)} figure layouts, {len(missing)} not frozen")
        return 1 if missing else 0
    OUT.write_text(
        HEADER + "LAYOUTS: dict = " + pprint.pformat(layouts, width=100, compact=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(layouts)} layouts to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
