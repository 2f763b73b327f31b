"""``make figures`` (tools/export_figures.py): a figure a chapter shows with ``hfs.show`` is exported as
SVG and 300-dpi PNG, with its caption as alt text and file metadata, and listed in the index page.

The full export of every chapter is the CI step ``make figures``; here a two-cell chapter runs
through the same hook, and the discovery of figure numbers is checked on the stored notebooks.
"""

import html
import json

import export_figures as ef
import nbformat
from PIL import Image

from hfs_edu import course_figures
from hfs_edu.figures.style import caption_of
from notebook_utils import NOTEBOOKS, read


def test_every_stored_chapter_shows_numbered_figures():
    for path in NOTEBOOKS:
        numbers = ef.stored_figure_numbers(read(path))
        assert numbers, f"{path.name} shows no numbered figure"
        assert all(n.startswith(str(int(path.name[:2]))) for n in numbers), (path.name, numbers)
        assert len(numbers) == len(set(numbers)), f"{path.name} repeats a figure number"


def test_a_shown_figure_is_exported_with_caption_and_alt_text(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import hfs_edu as hfs\nfrom hfs_edu import course_figures"),
        nbformat.v4.new_code_cell('hfs.show(course_figures.nerve_course_diagram(), "9.1")'),
    ]
    chapter = tmp_path / "99_demo.ipynb"
    nbformat.write(nb, chapter)
    out = tmp_path / "figures"
    rows, errors = ef.export([chapter], out)
    assert errors == []
    caption = caption_of(course_figures.nerve_course_diagram())
    assert rows == [
        {"chapter": "99_demo", "number": "9.1", "caption": caption, "svg": "fig-9.1.svg", "png": "fig-9.1.png"}
    ]
    png = Image.open(out / "fig-9.1.png")
    assert round(png.info["dpi"][0]) == ef.PNG_DPI and png.info["Description"] == caption
    assert png.size[0] >= 6 * ef.PNG_DPI  # a course figure is at least 6 inches wide
    svg = (out / "fig-9.1.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<title>Figure 9.1</title>" in svg
    page = (out / "index.html").read_text(encoding="utf-8")
    assert f"alt='{html.escape(caption)}'" in page and "href='fig-9.1.svg'" in page
    assert json.loads((out / "figures.json").read_text(encoding="utf-8")) == rows
