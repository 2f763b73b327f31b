"""Shared helpers for the notebook tests."""

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))


def read(path: Path):
    return nbformat.read(path, as_version=4)


def ids(paths):
    return [p.stem for p in paths]
