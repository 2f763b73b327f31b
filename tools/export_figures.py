"""Every figure of every chapter as SVG and 300-dpi PNG, with caption and alt text (``make figures``).

A figure is whatever a chapter shows with ``hfs.show(fig, "N.M")``. The chapters are discovered
(``notebooks/[0-9][0-9]_*.ipynb``, never listed) and each is **run** in a kernel (kernel cwd =
``notebooks/``, the notebook itself is not written) with ``hfs.show`` wrapped so that, besides
displaying as usual, it saves the very figure object the chapter built: ``fig-N.M.svg`` and
``fig-N.M.png`` (300 dpi), the caption (which is the alt text, see ``caption_of``) written into
the files' metadata too. Running the chapter rather than re-deriving its calls means the figures
are the chapter's own, with the chapter's arguments and earlier results.

Output in ``build/figures/``: the files, ``figures.json`` (chapter, number, caption, files) and
``index.html`` (one entry per figure: the image with its alt text, the caption, links to both
files), ready to project or print.

Usage: python tools/export_figures.py [notebooks/NN_x.ipynb ...] [--out build/figures]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
PNG_DPI = 300
RECORD = "figures.jsonl"


# ------------------------------------------------------------------------------ in the kernel
def install(out: str, chapter: str) -> None:
    """Wrap ``hfs.show`` in this kernel so every shown figure is also exported into ``out``."""
    import hfs_edu
    import hfs_edu.notebook as nbm
    from hfs_edu.figures.style import caption_of

    original = nbm.show
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    seen: dict[str, int] = {}

    def show(fig, number=None):
        label = number if number is not None else f"{chapter[:2]}-unnumbered"
        seen[label] = seen.get(label, 0) + 1
        stem = f"fig-{label}" + (f"-{seen[label]}" if seen[label] > 1 or number is None else "")
        caption = caption_of(fig)
        meta = {"Title": f"Figure {number}" if number else "Figure", "Description": caption}
        fig.savefig(out_dir / f"{stem}.svg", format="svg", metadata={"Title": meta["Title"], "Description": caption})
        fig.savefig(out_dir / f"{stem}.png", format="png", dpi=PNG_DPI, metadata=meta)
        row = {"chapter": chapter, "number": number, "caption": caption, "svg": f"{stem}.svg", "png": f"{stem}.png"}
        with open(out_dir / RECORD, "a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        return original(fig, number)

    hfs_edu.show = nbm.show = show


# ------------------------------------------------------------------------------ the driver
def run_chapter(path: Path, out: Path) -> list[str]:
    """Run the notebook at ``path`` with the export hook; return the error messages (none expected)."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    hook = nbformat.v4.new_code_cell(
        f"import sys; sys.path.insert(0, {str(TOOLS)!r})\n"
        f"import export_figures; export_figures.install({str(out)!r}, {path.stem!r})"
    )
    nb.cells.insert(0, hook)
    nb.metadata.pop("widgets", None)
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return [
        f"{path.name} cell {c.get('id')}: {o.get('ename')}: {o.get('evalue')}"
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]


def stored_figure_numbers(nb) -> list[str]:
    """Figure numbers the stored (executed) notebook ``nb`` shows: its ``*Figure N.M.*`` captions."""
    found = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            text = "".join(o.get("data", {}).get("text/markdown", ""))
            found += re.findall(r"^\*Figure ([0-9][0-9.]*[0-9])\.\*", text)
    return found


def _sort_key(row: dict):
    number = row["number"] or ""
    parts = [int(p) if p.isdigit() else p for p in number.replace("-", ".").split(".")]
    return (row["chapter"], [(0, p) if isinstance(p, int) else (1, p) for p in parts], row["svg"])


def write_index(rows: list[dict], out: Path) -> Path:
    """Write ``index.html``: every figure with its alt text, caption and both files."""
    items = []
    chapter = None
    for r in rows:
        if r["chapter"] != chapter:
            chapter = r["chapter"]
            items.append(f"<h2 id='{chapter}'>{html.escape(chapter)}</h2>")
        cap = html.escape(r["caption"])
        label = f"Figure {html.escape(r['number'])}." if r["number"] else "Figure."
        items.append(
            f"<figure id='{html.escape(r['svg'][:-4])}'><img src='{r['png']}' alt='{cap}' style='max-width:100%'>"
            f"<figcaption><b>{label}</b> {cap}<br><small>Alt text: {cap}<br>"
            f"<a href='{r['svg']}'>SVG</a> · <a href='{r['png']}'>PNG, {PNG_DPI} dpi</a></small></figcaption></figure>"
        )
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>hfs-edu figures</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}figure{margin:2em 0;"
        "page-break-inside:avoid}</style></head><body><h1>hfs-edu: every figure of every chapter</h1>"
        f"<p>{len(rows)} figures, each as SVG and {PNG_DPI}-dpi PNG. The caption says what to notice; it is also "
        "the image's alt text.</p>" + "".join(items) + "</body></html>"
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    return out / "index.html"


def export(paths: list[Path], out: Path) -> tuple[list[dict], list[str]]:
    """Export the figures of ``paths`` into ``out``; return (figure rows, errors)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("fig-*.svg"), *out.glob("fig-*.png"), out / RECORD]:
        old.unlink(missing_ok=True)
    errors = []
    for p in paths:
        t0 = time.perf_counter()
        errors += run_chapter(p, out)
        print(f"ran {p.name} in {time.perf_counter() - t0:.1f} s")
    record = out / RECORD
    rows = [json.loads(ln) for ln in record.read_text(encoding="utf-8").splitlines()] if record.exists() else []
    rows.sort(key=_sort_key)
    (out / "figures.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    record.unlink(missing_ok=True)
    write_index(rows, out)
    return rows, errors


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "figures")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob(NOTEBOOK_GLOB))
    rows, errors = export(paths, args.out.resolve())
    for p in paths:  # every figure the stored chapter shows was exported
        missing = set(stored_figure_numbers(nbformat.read(p, as_version=4))) - {
            r["number"] for r in rows if r["chapter"] == p.stem
        }
        errors += [f"{p.name}: figure {n} is in the stored notebook but was not exported" for n in sorted(missing)]
    print(f"exported {len(rows)} figures to {args.out}/ (index.html)")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors or not rows else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
