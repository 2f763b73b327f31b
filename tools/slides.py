"""Every chapter as reveal.js lecture slides that work offline (``make slides``).

For each ``notebooks/[0-9][0-9]_*.ipynb`` (found by the glob, never listed) this writes
``build/slides/NN_name.slides.html`` and an ``index.html`` linking them:

* slide breaks are the ``slideshow.slide_type`` the builder sets from the chapter source
  (``##`` → slide, ``###`` and figure/view cells → subslide, Try-it answers → fragment, exercise,
  solution and Going-deeper cells → skip; a ``slideshow=`` in the chapter's cell header wins), so a
  lecture follows the chapter's core path;
* stored figures appear as their stored PNGs; a widget view appears as the image its stored state
  holds (the figure as it was drawn when the notebook was executed), with a note that it is live in
  the notebook; the quiz appears as its questions and lettered options, for asking the room (the
  collapsed answer key the chapter prints stays under it, for the instructor);
* nothing is fetched when the slides are viewed: reveal.js 4.6.1 (npm, pinned in
  ``tools/slides/package-lock.json``) is installed with ``npm ci`` at build time and copied to
  ``build/slides/reveal.js``; the template ``tools/templates/hfs_reveal`` drops the stock
  template's CDN require.js, jQuery, MathJax, widget manager and mermaid imports (delivery notes §2);
  the theme ``white`` has no web-font import.

Open ``build/slides/index.html`` from a local web server (``python -m http.server -d build/slides``)
or straight from disk. Usage: python tools/slides.py [notebooks/NN_x.ipynb ...] [--out build/slides]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
REVEAL_DIR = "reveal.js"
QUIZ_CALL = re.compile(r"""hfs\.quiz\(\s*["'](?P<chapter>[0-9]{2}_\w+)["']\s*\)""")
LIVE_NOTE = "Interactive in the notebook: move the controls there (stored view shown)."


def vendor_reveal(out: Path) -> Path:
    """Copy reveal.js (``dist/``, ``plugin/``) into ``out/reveal.js``, installing it with npm ci if needed."""
    target = out / REVEAL_DIR
    if (target / "dist" / "reveal.js").exists():
        return target
    npm_dir = ROOT / "build" / "npm"
    package = npm_dir / "node_modules" / "reveal.js"
    if not (package / "dist" / "reveal.js").exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("make slides needs npm (Debian: apt-get install npm) to install reveal.js once")
        npm_dir.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(TOOLS / "slides" / name, npm_dir / name)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=npm_dir, check=True)
    for part in ("dist", "plugin"):
        shutil.copytree(package / part, target / part, dirs_exist_ok=True)
    return target


def _state(nb) -> dict:
    return nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def stored_images(state: dict, model_id: str) -> list[str]:
    """Base64 PNGs of every ``ImageModel`` under widget ``model_id``, in display (depth-first) order."""
    out, seen = [], set()

    def walk(mid: str) -> None:
        if mid in seen or mid not in state:
            return
        seen.add(mid)
        model = state[mid]
        if model.get("model_name") == "ImageModel":
            out.extend(b["data"] for b in model.get("buffers", []) if b.get("path") == ["value"])
        for child in re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(model.get("state", {}))):
            walk(child)

    walk(model_id)
    return out


_SLIDERS = ("FloatSliderModel", "IntSliderModel", "FloatLogSliderModel", "CheckboxModel")
_CHOICES = ("ToggleButtonsModel", "DropdownModel", "RadioButtonsModel", "SelectionSliderModel")


def stored_settings(state: dict, model_id: str) -> list[str]:
    """``"description: value"`` of every control under widget ``model_id`` (the stored view's settings)."""
    out, seen = [], set()

    def walk(mid: str) -> None:
        if mid in seen or mid not in state:
            return
        seen.add(mid)
        name, st = state[mid].get("model_name"), state[mid].get("state", {})
        label = str(st.get("description") or "").strip()
        if name in _SLIDERS and label:
            value = st.get("value")
            fmt = st.get("readout_format") or ""
            if isinstance(value, bool):
                shown = "on" if value else "off"
            else:
                shown = format(value, fmt) if fmt and isinstance(value, (int, float)) else str(value)
            out.append(f"{label}: {shown}")
        elif name in _CHOICES and label and st.get("index") is not None:
            out.append(f"{label}: {st.get('_options_labels', [])[st['index']]}")
        for child in re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(st)):
            walk(child)

    walk(model_id)
    return out


def quiz_html(chapter: str) -> str:
    """The chapter's quiz questions with lettered options (the order the widget shows), no key."""
    from hfs_edu.quizzes import student_quiz

    items = []
    for i, q in enumerate(student_quiz(chapter)["questions"], 1):
        opts = "".join(f"<li>{html.escape(o)}</li>" for o in q.get("options", []))
        unit = f" <i>(a number, in {html.escape(q['unit'])})</i>" if q["type"] == "numeric" and q.get("unit") else ""
        items.append(f"<li><b>Q{i}.</b> {html.escape(q['stem'])}{unit}<ol type='A'>{opts}</ol></li>")
    return f"<ol class='hfs-slide-quiz'>{''.join(items)}</ol>"


def slides_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose widget outputs are their stored images (or the quiz's questions)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    state = _state(nb)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        quiz = QUIZ_CALL.search(cell.source)
        outputs = []
        for out in cell.outputs:
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                outputs.append(out)
                continue
            if quiz:
                outputs.append(nbformat.v4.new_output("display_data", data={"text/html": quiz_html(quiz["chapter"])}))
                continue
            for png in stored_images(state, view["model_id"]):
                outputs.append(nbformat.v4.new_output("display_data", data={"image/png": png}))
            settings = "; ".join(html.escape(x) for x in stored_settings(state, view["model_id"]))
            note = f"<p class='hfs-slide-note'>{LIVE_NOTE}" + (f" Shown at {settings}." if settings else "") + "</p>"
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": note}))
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return nb


def exporter():
    from nbconvert import SlidesExporter

    return SlidesExporter(
        extra_template_basedirs=[str(TOOLS / "templates")],
        template_name="hfs_reveal",
        reveal_url_prefix=REVEAL_DIR,
        reveal_theme="white",
        reveal_scroll=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def export(path: Path, out: Path) -> Path:
    """Write ``out/<name>.slides.html`` for the notebook at ``path``; return its path."""
    body, _ = exporter().from_notebook_node(slides_notebook(nbformat.read(path, as_version=4)))
    target = out / f"{path.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def write_index(decks: list[Path], out: Path) -> Path:
    rows = "".join(f"<li><a href='{d.name}'>{html.escape(d.name.split('.')[0])}</a></li>" for d in decks)
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>hfs-edu lecture slides</title></head>"
        f"<body><h1>hfs-edu lecture slides</h1><p>Arrow keys move; <kbd>S</kbd> opens the speaker view."
        f"</p><ul>{rows}</ul></body></html>"
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    return out / "index.html"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob(NOTEBOOK_GLOB))
    args.out.mkdir(parents=True, exist_ok=True)
    vendor_reveal(args.out)
    decks = [export(p, args.out) for p in paths]
    for d in decks:
        print(f"wrote {d}")
    print(f"wrote {write_index(decks, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
