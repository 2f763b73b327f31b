"""pytest configuration shared by the unit tests and strict nbval.

One mechanism decides which notebook cells nbval does not compare: a cell
whose stored outputs contain a widget view. Everything such a cell shows lives
inside the widget (our views never write to cell outputs), and the widget's
text fallback (``VBox(children=...)``) is not course content. Every other
output — text, HTML tables, captions, errors — is compared strictly.
"""

import sys
from pathlib import Path

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# tools/ holds scripts, not a package; the notebook tests import the builder and the exporter.
TOOLS = str(Path(__file__).resolve().parent / "tools")
if TOOLS not in sys.path:
    sys.path.insert(0, TOOLS)


def pytest_collection_modifyitems(session, config, items):
    for item in items:
        cell = getattr(item, "cell", None)
        options = getattr(item, "options", None)
        if cell is None or options is None:
            continue
        if any(WIDGET_MIME in out.get("data", {}) for out in cell.get("outputs", [])):
            options["check"] = False
