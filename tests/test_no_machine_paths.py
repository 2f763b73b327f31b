"""No tracked text file names a folder of one particular machine (code review N5).

A path such as ``/work/<folder>/…`` or ``/home/<user>/…`` means nothing in another clone: cite
files inside the repository relatively, and material outside it by name ("the project's
reference notes").
"""

import re
import subprocess

import pytest

from notebook_utils import ROOT

#: An absolute path into a machine's work, home or root folder, followed by a name; written so
#: that this file does not match itself. A regex alternation such as ``(/work/|/home/)`` does not
#: match either: nothing that names a folder follows the slash there.
MACHINE_PATH = re.compile(r"(?<![\w.~-])" + "/" + r"(?:work|home|root)/(?=[\w.-])")
S = "/"  # the examples below are built with it, so that this file passes its own test
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".pdf", ".woff", ".woff2", ".ttf", ".whl", ".zip"}


def _tracked_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"not a git checkout ({exc})")
    return [name for name in out.decode().split("\0") if name]


def test_no_tracked_file_contains_an_absolute_machine_path():
    hits = []
    for name in _tracked_files():
        path = ROOT / name
        if path.suffix.lower() in BINARY_SUFFIXES or not path.is_file():
            continue
        raw = path.read_bytes()
        if b"\0" in raw[:8192]:
            continue  # binary
        text = raw.decode("utf-8", "replace")
        if not MACHINE_PATH.search(text):
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line):
                hits.append(f"{name}:{lineno}: {line.strip()[:160]}")
    assert not hits, "absolute machine paths (cite relatively instead):\n" + "\n".join(hits)


@pytest.mark.parametrize(
    "line, bad",
    [
        (f"see {S}work/shared/reference/tooling.md", True),
        (f"cd {S}home/alice/hfs-edu && make", True),
        (f"{S}root/.cache/pip", True),
        ('PATH_RX = re.compile(r"(/work/|/home/|/tmp/|/root/)")', False),
        ("see ../shared/reference/tooling.md (the project's reference notes)", False),
        ("src/hfs_edu/framework/x.py", False),
        ("a relative tests/root/x.txt", False),
        (f"file://{S}home/bob/x.ipynb", True),
    ],
)
def test_pattern(line, bad):
    assert bool(MACHINE_PATH.search(line)) is bad
