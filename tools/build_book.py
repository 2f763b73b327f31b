"""The course as a book that reads anywhere (``make book``, ``make handouts``; issue 11 §3).

* ``book``: a Jupyter Book 1.x site of every chapter (``notebooks/[0-9][0-9]_*.ipynb``,
  discovered, never listed) from the **stored outputs**, plus the glossary, in
  ``build/book/_build/html``;
* ``handouts``: one self-contained nbconvert HTML file per chapter (and the glossary) in
  ``build/handouts``.

Both are built offline and make **no outside request** when read: every notebook is first
prepared (:func:`prepare`):

* each view cell's widget output becomes a kernel-free view (:mod:`static_views`): its
  controls still work, along each control with the others at their defaults, from frames
  rendered now; each quiz cell's widget becomes an HTML quiz with the widget's behaviour; each
  trainer (a widget class with ``static_payload()``, e.g. the case-vignette trainer) becomes an
  HTML trainer whose feedback the widget itself computed now.
  So no ipywidgets state is left and no widget JavaScript (require.js, html-manager) is needed;
* worked solutions are collapsed (book: the ``hide-cell`` tag; handouts: the ``hfs_lab``
  template's closed ``<details>``);
* glossary links ``[term](glossary.md#anchor)`` point to ``glossary.html#anchor`` and every
  citation ``[S33:A]`` links to its entry in the chapter's References;
* every figure's caption is its image's alt text (``hfs_handout`` template; the book: see
  :func:`_alt_from_caption`).

Usage: python tools/build_book.py {book,handouts,all} [--out DIR] [--quiet]
Prints each page's size (the limit is 3 MB per chapter page) and the build time.
"""

from __future__ import annotations

import argparse
import copy
import html
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import static_views  # noqa: E402

TEMPLATES = TOOLS / "templates"
BOOK_STATIC = TEMPLATES / "hfs_book_static"
ACCESS_CSS = TEMPLATES / "hfs_handout" / "hfs-access.css"
PAGE_LIMIT_BYTES = 3_000_000
#: What a handout adds to its notebook's text and images (the lab template's CSS, ~0.3 MB), plus margin.
PAGE_OVERHEAD_BYTES = 450_000
FRAME_CACHE = ROOT / "build" / "static-frames"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TITLE = "Hemifacial spasm: an interactive course"


def chapters() -> list[Path]:
    """Every chapter notebook, in order (discovered by name, never listed)."""
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


# -- links ---------------------------------------------------------------------------------------
_GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(glossary\.md#([^)\s]+)\)")
_REF_ITEM = re.compile(r"^(\d+\.\s+)\*\*\[([A-Za-z0-9]+)\]\*\*", re.MULTILINE)


def _ref_id(key: str) -> str:
    return f"ref-{key}"


def link_markdown(source: str) -> str:
    """Glossary links to ``glossary.html#anchor``; citations to the page's References entries."""
    from hfs_edu.citations import CITATION_RE

    source = _GLOSSARY_LINK.sub(lambda m: f'<a href="glossary.html#{m.group(2)}">{m.group(1)}</a>', source)

    def cite(m: re.Match) -> str:
        if m.string[m.end() : m.end() + 1] == "(" or m.string[max(0, m.start() - 2) : m.start()] == "**":
            return m.group(0)  # already a link's text, or a References entry's own key
        parts = []
        for part in m.group(1).split(";"):
            part = part.strip()
            parts.append(f'<a href="#{_ref_id(part.split(":")[0])}">{part}</a>')
        return "[" + "; ".join(parts) + "]"

    source = CITATION_RE.sub(cite, source)
    return _REF_ITEM.sub(_ref_anchor, source)


def _ref_anchor(m: re.Match) -> str:
    return f'{m.group(1)}<span id="{_ref_id(m.group(2))}"></span>**[{m.group(2)}]**'


# -- preparing a notebook ------------------------------------------------------------------------
def _html_output(body: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data={"text/html": body, "text/plain": "[interactive figure]"})


def view_budget(nb, views, extra_bytes: int = 0) -> int:
    """Bytes of frames each view of ``nb`` may use so that the page stays under 3 MB: what the page
    weighs without its widgets (text, stored figures, ``extra_bytes`` of trainers) leaves the rest to
    the views, shared equally (at most :data:`static_views.VIEW_BUDGET_BYTES` each). Book and
    handouts use the same frames."""
    widget_cells = [
        c
        for c in nb.cells
        if c.cell_type == "code" and any(WIDGET_VIEW in o.get("data", {}) for o in c.get("outputs", []))
    ]
    n_views = sum(1 for c in widget_cells if static_views.find_view_calls(c.source, views))
    if not n_views:
        return static_views.VIEW_BUDGET_BYTES
    base = len(nbformat.writes(nb).encode()) + PAGE_OVERHEAD_BYTES + 80_000 + extra_bytes  # + the quiz's messages
    room = (PAGE_LIMIT_BYTES - base) // n_views
    return int(max(150_000, min(static_views.VIEW_BUDGET_BYTES, room)))


def prepare(nb: nbformat.NotebookNode, stem: str, *, book: bool, report: list | None = None):
    """Return a copy of ``nb`` that reads without a kernel (see the module docstring)."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    views = static_views.view_registry()
    trainers = {}  # cell index -> the kernel-free trainer (built first: its bytes count against the views' budget)
    for k, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(WIDGET_VIEW in o.get("data", {}) for o in cell.get("outputs", [])):
            found = static_views.find_view_calls(cell.source, static_views.trainer_registry())
            if found and not static_views.find_view_calls(cell.source, views):
                t0 = time.perf_counter()
                cls = static_views.trainer_registry()[found[-1].name]
                payload = static_views.cached_payload(cls, found[-1].kwargs, FRAME_CACHE)
                trainers[k] = static_views.trainer_html(
                    payload, f"hfs-trainer-{stem[:2]}-{len(trainers) + 1}", cls.__name__
                )
                if report is not None:
                    report.append(
                        f"  {stem}: {cls.__name__}: {len(payload['cases'])} cases, {len(payload['messages'])} "
                        f"messages, {len(trainers[k]) / 1e3:.0f} kB, {time.perf_counter() - t0:.1f} s"
                    )
    budget = view_budget(nb, views, sum(len(t) for t in trainers.values()))
    n_view = 0
    for k, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.source = link_markdown(cell.source)
            continue
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        if book and "solution" in tags and "hide-cell" not in tags:
            cell.metadata["tags"] = [*tags, "hide-cell"]
        has_widget = any(WIDGET_VIEW in o.get("data", {}) for o in cell.get("outputs", []))
        if not has_widget:
            continue
        calls = static_views.find_view_calls(cell.source, views)
        quiz = static_views.find_quiz_chapter(cell.source)
        replacement = None
        if calls:
            n_view += 1
            t0 = time.perf_counter()
            frames = static_views.cached_frames(views[calls[-1].name], calls[-1].kwargs, FRAME_CACHE, budget)
            replacement = static_views.view_html(frames, f"hfs-view-{stem[:2]}-{n_view}")
            if report is not None:
                report.append(
                    f"  {stem}: {frames['view']}: {len(frames['images'])} frames, "
                    f"{frames['bytes'] / 1e3:.0f} kB, {time.perf_counter() - t0:.1f} s"
                )
        elif k in trainers:
            replacement = trainers[k]
        elif quiz:
            replacement = static_views.quiz_html(quiz, f"hfs-quiz-{stem[:2]}")
        outputs = []
        for o in cell.outputs:
            if WIDGET_VIEW in o.get("data", {}):
                if replacement is not None:
                    outputs.append(_html_output(replacement))
                    replacement = None
                else:  # a widget the page cannot show: keep its text form
                    o = copy.deepcopy(o)
                    o.data.pop(WIDGET_VIEW)
                    outputs.append(o)
            else:
                outputs.append(o)
        cell.outputs = outputs
    return nb


def glossary_markdown(*, book: bool) -> str:
    """The glossary page: terms with explicit ``id``s equal to the chapters' link anchors."""
    from hfs_edu.notebook import glossary_markdown as source
    from hfs_edu.notebook import heading_anchor

    lines = []
    for line in source().splitlines():
        m = re.match(r"^### (.+)$", line)
        anchor = heading_anchor(m.group(1)) if m else ""
        if m and book and anchor != _sphinx_id(m.group(1)):  # the chapters link the JupyterLab id
            lines += [f'<span id="{html.escape(anchor)}"></span>', ""]
        lines.append(f"## {m.group(1)}" if m else line)  # under the page's H1 (no skipped level)
    text = "\n".join(lines) + "\n"
    text = text.replace("A chapter links to an entry as `[term](glossary.md#anchor)`.", "")
    return _REF_ITEM.sub(_ref_anchor, text)


def _sphinx_id(text: str) -> str:
    """The id Sphinx gives a heading (docutils ``make_id``: lower case, runs of other characters as '-')."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _size_report(label: str, page: Path, extra: list[Path]) -> tuple[str, int]:
    size = page.stat().st_size + sum(p.stat().st_size for p in extra)
    flag = "" if size <= PAGE_LIMIT_BYTES else "  OVER THE 3 MB LIMIT"
    return (
        f"  {label:<34} {size / 1e6:5.2f} MB (page {page.stat().st_size / 1e6:.2f} MB + {len(extra)} images){flag}",
        size,
    )


# -- the book ------------------------------------------------------------------------------------
def _book_config() -> str:
    return f"""# Generated by tools/build_book.py (make book): do not edit.
title: "{TITLE}"
author: hfs-edu contributors
copyright: "2026"
only_build_toc_files: true
exclude_patterns: [_build]
execute:
  execute_notebooks: "off"
parse:
  myst_enable_extensions: [colon_fence]
html:
  use_repository_button: false
  use_issues_button: false
  use_edit_page_button: false
  use_download_button: false
  home_page_in_navbar: true
  extra_footer: ""
launch_buttons:
  notebook_interface: ""
  binderhub_url: ""
  jupyterhub_url: ""
  thebe: false
  colab_url: ""
sphinx:
  config:
    language: en
    nb_ipywidgets_js: {{}}
    html_static_path: ["_hfs_static"]
    html_css_files: ["hfs-book.css"]
    html_js_files: ["hfs-book.js"]
    html_copy_source: false
    html_show_sourcelink: false
    html_theme_options:
      use_download_button: false
      use_fullscreen_button: false
      use_repository_button: false
      show_prev_next: true
    html_context:
      default_mode: light
"""


def figure_captions(nb) -> dict[str, str]:
    """``{sha256 of the PNG: caption}`` for every figure output (its text form is ``[Figure N: caption]``).

    myst-nb names a figure ``_images/<sha256 of the PNG>.png`` and gives it that file name as alt
    text; :func:`_postprocess_book` puts the caption there instead."""
    import base64
    import hashlib

    out = {}
    for c in nb.cells:
        for o in c.get("outputs", []):
            data = o.get("data", {})
            if "image/png" in data:
                alt = str(data.get("text/plain", "")).strip()
                if alt.startswith("[") and alt.endswith("]"):
                    alt = alt[1:-1]
                out[hashlib.sha256(base64.b64decode(data["image/png"])).hexdigest()] = alt
    return out


def build_book(out: Path, quiet: bool = False) -> list[str]:
    src = out
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    report = [f"make book: {src.relative_to(ROOT) if src.is_relative_to(ROOT) else src}"]
    t0 = time.perf_counter()
    stems, captions = [], {}
    for path in chapters():
        nb = nbformat.read(path, as_version=4)
        captions.update(figure_captions(nb))
        nb = prepare(nb, path.stem, book=True, report=report)
        nbformat.write(nb, src / path.name)
        stems.append(path.stem)
    (src / "glossary.md").write_text(glossary_markdown(book=True), encoding="utf-8")
    titles = []
    for path in chapters():
        nb = nbformat.read(src / path.name, as_version=4)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), path.stem)
        titles.append((path.stem, first.splitlines()[0].lstrip("# ").strip()))
    items = "\n".join(f"- [{html.escape(t)}]({s}.ipynb)" for s, t in titles)
    (src / "intro.md").write_text(
        f"# {TITLE}\n\nAn interactive course on hemifacial spasm for medical students, read here without "
        "a kernel: every figure, interactive view and self-check quiz works in this page. For every "
        "combination of a view's controls, open the notebooks in JupyterLab (`make lab`).\n\n"
        f"## Chapters\n\n{items}\n- [Glossary](glossary.md)\n",
        encoding="utf-8",
    )
    toc = "format: jb-book\nroot: intro\nchapters:\n" + "".join(f"- file: {s}\n" for s in stems) + "- file: glossary\n"
    (src / "_toc.yml").write_text(toc, encoding="utf-8")
    (src / "_config.yml").write_text(_book_config(), encoding="utf-8")
    shutil.copytree(BOOK_STATIC, src / "_hfs_static")
    # one stylesheet for book and handouts (the handout template includes the same file inline)
    shutil.copyfile(ACCESS_CSS, src / "_hfs_static" / "hfs-book.css")
    prep = time.perf_counter() - t0
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = (
        [str(jb), "build", str(src), "--quiet"]
        if jb.exists()
        else [sys.executable, "-m", "jupyter_book", "build", str(src)]
    )
    t1 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL if quiet else None)
    html_dir = src / "_build" / "html"
    _postprocess_book(html_dir, captions)
    report.append(
        f"  prepared {len(stems)} chapters in {prep:.1f} s, jupyter-book build {time.perf_counter() - t1:.1f} s"
    )
    report.append("  page sizes (HTML + the images it references; the theme's shared assets not counted):")
    for s in [*stems, "glossary", "intro"]:
        page = html_dir / f"{s}.html"
        imgs = sorted(
            {(page.parent / m).resolve() for m in re.findall(r'<img[^>]+src="([^"#:]+)"', page.read_text("utf-8"))}
        )
        line, _ = _size_report(s, page, [p for p in imgs if p.exists()])
        report.append(line)
    static = sum(p.stat().st_size for p in (html_dir / "_static").rglob("*") if p.is_file())
    report.append(f"  shared theme assets (_static): {static / 1e6:.1f} MB, loaded once for the whole site")
    return report


_EXTERNAL = re.compile(r"""(?:src|href)=["'](https?:)?//""")


def _postprocess_book(html_dir: Path, captions: dict[str, str]) -> None:
    """Captions as alt text; the theme's accessible-name mismatches fixed (WCAG 2.5.3); and no
    page loads anything from the web (the theme links nothing remote, but be sure)."""

    def alt(m: re.Match) -> str:
        caption = captions.get(m.group(2))
        return f'<img alt="{html.escape(caption)}" ' if caption else m.group(0)

    for page in html_dir.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r'<img alt="(_images/([0-9a-f]{64})\.png)" ', alt, text)
        # a control's accessible name must contain its visible text: let the text be the name
        text = text.replace('<summary aria-label="Toggle hidden content">', "<summary>")
        text = re.sub(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="Search"', r"\1", text)
        text = re.sub(r'(<i class="theme-switch[^"]*" data-mode="\w+") +title="[^"]*"', r'\1 aria-hidden="true"', text)
        # thebe/launch machinery is off; drop any leftover script tag that loads from the web
        text = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", text)
        text = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*rel="(?:stylesheet|preload)"[^>]*/?>', "", text)
        page.write_text(text, encoding="utf-8")


# -- the handouts --------------------------------------------------------------------------------
def _handout_exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)], extra_template_paths=[str(TEMPLATES)], template_name="hfs_handout"
    )


def build_handouts(out: Path) -> list[str]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    report = [f"make handouts: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}"]
    exporter = _handout_exporter()
    t0 = time.perf_counter()
    for path in chapters():
        nb = prepare(nbformat.read(path, as_version=4), path.stem, book=False, report=report)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": _title(nb, path.stem)}})
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
    gloss = nbformat.v4.new_notebook()
    gloss.cells = [nbformat.v4.new_markdown_cell(glossary_markdown(book=False))]
    body, _ = exporter.from_notebook_node(gloss, resources={"metadata": {"name": "Glossary"}})
    (out / "glossary.html").write_text(body, encoding="utf-8")
    report.append(f"  exported {len(chapters())} chapters + glossary in {time.perf_counter() - t0:.1f} s")
    for page in sorted(out.glob("*.html")):
        report.append(_size_report(page.stem, page, [])[0])
    return report


def _title(nb, stem: str) -> str:
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), stem)
    return first.splitlines()[0].lstrip("# ").strip() or stem


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("book", "handouts", "all"))
    parser.add_argument("--out", type=Path, help="output folder (default build/book or build/handouts)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    lines = []
    if args.what in ("book", "all"):
        lines += build_book(args.out or ROOT / "build" / "book", args.quiet)
    if args.what in ("handouts", "all"):
        lines += build_handouts((args.out if args.what == "handouts" else None) or ROOT / "build" / "handouts")
    print("\n".join(lines))
    over = [ln for ln in lines if "OVER THE 3 MB LIMIT" in ln]
    if over:
        print(f"{len(over)} page(s) over the 3 MB limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
