"""Stored notebooks are executed top to bottom, without errors, timings or machine paths."""

import re

import pytest

from notebook_utils import NOTEBOOKS, ids, read

PATH_RX = re.compile(r"(/work/|/home/|/tmp/|/root/|C:\\\\Users)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_executed_in_order(path):
    nb = read(path)
    counts = [
        c.execution_count
        for c in nb.cells
        if c.cell_type == "code" and "skip-execution" not in c.metadata.get("tags", [])
    ]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: not executed top to bottom ({counts}); run `make execute`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_unexpected_errors_and_no_variable_text(path):
    nb = read(path)
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        assert "execution" not in c.metadata, f"{path.name} cell {i}: timing metadata stored"
        expected_error = "raises-exception" in c.metadata.get("tags", [])
        for out in c.outputs:
            if out.output_type == "error":
                assert expected_error, f"{path.name} cell {i}: error output {out.ename}: {out.evalue}"
            if out.output_type == "stream":
                assert out.name != "stderr" or expected_error, f"{path.name} cell {i}: stderr output: {out.text[:200]}"
            text = out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
            assert not PATH_RX.search(text), f"{path.name} cell {i}: machine path in output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_streams_are_coalesced(path):
    """Stream chunking depends on timing; the executor merges it so stored outputs are stable."""
    nb = read(path)
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        for a, b in zip(c.outputs, c.outputs[1:]):
            split = a.output_type == b.output_type == "stream" and a.name == b.name
            assert not split, f"{path.name} cell {i}: consecutive '{a.name}' outputs; run `make execute`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_widget_outputs_say_run_this_cell(path):
    """Before a cell runs, JupyterLab shows a widget output's text/plain: it must be the friendly line
    of ``hfs_edu.widgets._placeholder`` (``ViewBox``), never ``VBox(children=...`` (student review B2)."""
    from hfs_edu.widgets._placeholder import RUN_THIS_CELL, RUN_THIS_CELL_QUIZ, RUN_THIS_CELL_TRAINER

    allowed = {RUN_THIS_CELL, RUN_THIS_CELL_QUIZ, RUN_THIS_CELL_TRAINER}
    nb = read(path)
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        for out in c.outputs:
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" not in data:
                continue
            text = "".join(data.get("text/plain", ""))
            assert text in allowed, (
                f"{path.name} cell {i} (`{c.source.splitlines()[-1][:60]}`): a widget shows {text[:70]!r} before it "
                f"runs; make the view's outer box a hfs_edu.widgets._placeholder.ViewBox (text {sorted(allowed)})"
            )
