"""The static HTML export hides every worked solution, code and output, in a closed <details> (B3)."""

import copy

import export_html
import nbformat
from bs4 import BeautifulSoup

from notebook_utils import NOTEBOOKS, read


def _cell_lines(c) -> list[str]:
    lines = [ln.strip() for ln in c.source.splitlines()]
    for out in c.get("outputs", []):
        text = out.get("text", "") or "".join(out.get("data", {}).get("text/plain", ""))
        lines += [ln.strip() for ln in text.splitlines()]
    return lines


def _solution_texts(nb) -> list[str]:
    """Distinctive lines a reader must not see: each solution cell's source lines and output text,
    less the lines that every reader sees anyway in the other cells (the scaffold's imports, the
    checker's title line)."""
    shared = "\n".join(ln for c in nb.cells if "solution" not in c.metadata.get("tags", []) for ln in _cell_lines(c))
    texts = []
    for c in nb.cells:
        if c.cell_type != "code" or "solution" not in c.metadata.get("tags", []):
            continue
        texts += [ln for ln in _cell_lines(c) if len(ln) > 15 and ln not in shared]
    return texts


def _visible_text(html: str) -> tuple[BeautifulSoup, str]:
    soup = BeautifulSoup(html, "html.parser")
    outside = copy.copy(soup)
    for d in outside.find_all("details"):
        d.decompose()
    for s in outside.find_all(["script", "style"]):
        s.decompose()
    return soup, " ".join(outside.get_text(" ").split())


def _check(nb, name):
    soup, visible = _visible_text(export_html.to_html(nb))
    cells = soup.select("div.celltag_solution.jp-CodeCell")
    n_solutions = sum(1 for c in nb.cells if c.cell_type == "code" and "solution" in c.metadata.get("tags", []))
    assert len(cells) == n_solutions
    for cell in cells:
        box = cell.find_parent("details")
        assert box is not None and "hfs-solution" in box.get("class", []), (
            f"{name}: a solution cell is not in <details>"
        )
        assert not box.has_attr("open"), f"{name}: the solution's <details> must start closed"
        assert "Worked solution" in box.summary.get_text()
    leaked = [t for t in _solution_texts(nb) if " ".join(t.split()) in visible]
    assert not leaked, f"{name}: solution code or output visible outside a closed <details>: {leaked[:3]}"


def test_a_solution_with_output_is_collapsed_in_the_export():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("## Exercise"),
        nbformat.v4.new_code_cell("answer = ...  # fill in the blank"),
        nbformat.v4.new_code_cell("answer = 6 * 7\nprint(f'The answer is {answer}, worked out in full')"),
    ]
    nb.cells[2].metadata = {"tags": ["solution", "hide-cell"]}
    nb.cells[2].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="The answer is 42, worked out in full\n")
    ]
    nb.cells[2].execution_count = 2
    _check(nb, "demo")
    # the test can fail: without our template the output is on the page
    from nbconvert import HTMLExporter

    plain, _ = HTMLExporter().from_notebook_node(nb)
    assert "The answer is 42, worked out in full" in _visible_text(plain)[1]


def test_a_course_notebook_exports_with_its_solution_hidden():
    path = NOTEBOOKS[0]
    nb = read(path)
    assert _solution_texts(nb), f"{path.name} has no executed solution to check"
    _check(nb, path.name)


def test_every_figure_in_the_export_has_its_caption_as_alt_text():
    """Issue 7 §6: the caption is the image's alt text in the HTML export (not nbconvert's
    "No description has been provided for this image")."""
    for path in NOTEBOOKS:
        nb = read(path)
        soup = BeautifulSoup(export_html.to_html(nb), "html.parser")
        figures = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        imgs = soup.select("img[src^='data:image/png']")
        assert len(imgs) >= len(figures), f"{path.name}: {len(figures)} figures but {len(imgs)} images in the export"
        for img in imgs:
            alt = img.get("alt", "")
            assert alt and "No description" not in alt, f"{path.name}: an image has no alt text"
            assert alt.startswith("Figure"), f"{path.name}: alt text is not the figure caption: {alt[:60]!r}"
