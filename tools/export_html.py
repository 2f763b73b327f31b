"""Export notebooks to single-file HTML pages with the worked solutions collapsed (``make html``).

nbconvert's ``HTMLExporter`` with our small template ``tools/templates/hfs_lab`` (the
JupyterLab look): every code cell tagged ``solution`` — its code **and** its output — is
wrapped in a closed ``<details>`` ("Worked solution: code and output"), because nbconvert
ignores ``jupyter.source_hidden``/``outputs_hidden`` (student review B3). The export itself
needs no network. Viewing the page offline with live widget views additionally needs local
copies of require.js and the widget manager (``--HTMLExporter.widget_renderer_url`` etc., see
the delivery notes); without them the page still shows every figure, caption and answer.

Usage: python tools/export_html.py [notebooks/NN_name.ipynb ...] [--out build/html]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "hfs_lab"


def exporter() -> HTMLExporter:
    """The course's HTML exporter (JupyterLab template, solutions collapsed)."""
    return HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name=TEMPLATE)


def to_html(nb: nbformat.NotebookNode) -> str:
    """Return the HTML page for notebook ``nb``."""
    body, _resources = exporter().from_notebook_node(nb)
    return body


def export(path: Path, out_dir: Path) -> Path:
    """Write ``out_dir/<name>.html`` for the notebook at ``path``; return its path."""
    nb = nbformat.read(path, as_version=4)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{Path(path).stem}.html"
    target.write_text(to_html(nb), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "html", help="output folder (default build/html)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for p in paths:
        target = export(p, args.out)
        try:
            shown = target.relative_to(ROOT)
        except ValueError:
            shown = target
        print(f"exported {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
