"""Re-run safety (issue 7 §2): a student runs cells again, or "Run All" twice, in one kernel.

For every notebook: start one kernel (cwd notebooks/, as in JupyterLab), execute every code
cell top to bottom, then execute every code cell a second time in the same kernel. Any error
output in either pass fails the test, naming the notebook, the pass, the cell and the error.
(Student review B1: a second ``hfs.quiz(...)`` call raised ``TypeError: 'module' object is not
callable``; strict nbval runs each cell once and cannot see it.)
"""

import pytest
from nbclient import NotebookClient

from notebook_utils import NOTEBOOKS, ids, read

CELL_TIMEOUT_S = 180


def _first_line(source: str) -> str:
    return next((ln.strip() for ln in source.splitlines() if ln.strip()), "")[:70]


def run_twice(path) -> list[str]:
    """Execute ``path`` twice over in one kernel; return one line per error output."""
    nb = read(path)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    problems: list[str] = []
    with client.setup_kernel():
        for run in ("first run", "second run"):
            for i, cell in enumerate(nb.cells):
                tags = cell.metadata.get("tags", [])
                if cell.cell_type != "code" or "skip-execution" in tags:
                    continue
                client.execute_cell(cell, i)
                if "raises-exception" in tags:
                    continue
                for out in cell.outputs:
                    if out.output_type == "error":
                        problems.append(
                            f"{path.name}, {run}, cell {i} (id {cell.id}, `{_first_line(cell.source)}`): "
                            f"{out.ename}: {out.evalue}"
                        )
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_cell_can_be_run_again(path):
    problems = run_twice(path)
    assert not problems, "a cell fails when the notebook is run again in the same kernel:\n  " + "\n  ".join(problems)
