"""Load the course's curated tables, each with its provenance.

Every table in ``data/`` is described in ``data/manifest.json`` (description,
columns with units, source keys and the file's sha256). :func:`load_table`
checks the file against the manifest before returning it, so a missing,
edited or truncated file fails loudly with the file's name and how to restore
it, instead of silently teaching a wrong number.

Examples
--------
>>> from hfs_edu.data import load_table
>>> df = load_table("hypertension_odds_ratios")     # doctest: +SKIP
>>> df.attrs["source_keys"]                          # doctest: +SKIP
['S44', 'S45', 'S46']
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ._validate import check_choice, check_str

__all__ = [
    "DataFileError",
    "data_dir",
    "manifest",
    "list_tables",
    "load_table",
    "table_info",
    "bibliography",
]

#: Environment variable that points the package at another data folder.
DATA_DIR_ENV = "HFS_EDU_DATA_DIR"
MANIFEST_FILE = "manifest.json"
#: Where ``pip install .`` puts the repository's ``data/`` folder inside the package.
DATA_PACKAGE_DIR = "_data"
BIBLIOGRAPHY_FILE = "bibliography.csv"
BIBLIOGRAPHY_COLUMNS = (
    "key",
    "authors",
    "year",
    "title",
    "journal",
    "volume_pages",
    "pmid",
    "doi",
    "url",
    "tier",
    "notes",
)
_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean"}
_RESTORE = (
    "Restore it from the repository with `git checkout -- {rel}` (or download the course again). "
    "If you changed it on purpose, run `python tools/update_manifest.py` to record the new checksum."
)


class DataFileError(ValueError):
    """A course data file is missing, corrupted or does not match the manifest."""


def _installed_data() -> Path | None:
    """The tables shipped inside the package (``hfs_edu/_data`` in a wheel), if present.

    ``pip install .`` copies the repository's ``data/`` folder into the package as
    ``hfs_edu._data`` (see ``setup.py``). Looked up next to the imported ``hfs_edu``
    package, so a checkout on ``PYTHONPATH`` never picks up another checkout's tables.
    """
    root = resources.files(__package__) / DATA_PACKAGE_DIR
    return root if isinstance(root, Path) and (root / MANIFEST_FILE).is_file() else None


def data_dir() -> Path:
    """Return the folder holding the course tables; the one place that decides it.

    In order: ``$HFS_EDU_DATA_DIR`` if set; the tables installed with the package
    (``pip install .``); the ``data/`` folder of the source checkout next to the
    ``hfs_edu`` package (``pip install -e .``, or the repository on ``sys.path``).
    Independent of the working directory, so it works from any folder and on Binder.
    """
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        path = Path(env)
        if not path.is_dir():
            raise DataFileError(f"course data folder not found: {path} (set by {DATA_DIR_ENV}).")
        return path
    installed = _installed_data()
    if installed is not None:
        return installed
    checkout = Path(__file__).resolve().parent.parent / "data"
    if not checkout.is_dir():
        raise DataFileError(
            f"course data folder not found: neither the installed package data nor {checkout}. "
            f"Reinstall hfs-edu (pip install .), or set {DATA_DIR_ENV} to the repository's data/ folder."
        )
    return checkout


def _rel(path: Path) -> str:
    """``data/<file>`` as in the repository, wherever the tables were found."""
    try:
        return "data/" + path.relative_to(data_dir()).as_posix()
    except (ValueError, DataFileError):
        return str(path)


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise DataFileError(f"data file {_rel(path)} is missing. " + _RESTORE.format(rel=_rel(path)))
    return path.read_bytes()


@lru_cache(maxsize=4)
def _manifest_cached(path: str, mtime_ns: int) -> dict:
    raw = _read_bytes(Path(path))
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        rel = _rel(Path(path))
        raise DataFileError(f"data file {rel} is not valid JSON ({exc}). " + _RESTORE.format(rel=rel)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("tables"), dict):
        rel = _rel(Path(path))
        raise DataFileError(f"data file {rel} has no 'tables' mapping. " + _RESTORE.format(rel=rel))
    return doc


def manifest() -> dict:
    """Return the parsed ``data/manifest.json`` (cached until the file changes)."""
    path = data_dir() / MANIFEST_FILE
    mtime = path.stat().st_mtime_ns if path.exists() else -1
    return _manifest_cached(str(path), mtime)


def list_tables() -> list[str]:
    """Return the names of all tables described in the manifest, sorted."""
    return sorted(manifest()["tables"])


def table_info(name: str) -> dict:
    """Return the manifest entry (description, columns, source keys) of table ``name``.

    Parameters
    ----------
    name : str
        Table name, e.g. ``"mvd_outcomes"``; see :func:`list_tables`.
    """
    check_str("name", name)
    canonical = check_choice("name", name, list_tables())
    return manifest()["tables"][canonical]


def _parse(raw: bytes, path: Path, columns: dict) -> pd.DataFrame:
    rel = _rel(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(f"data file {rel} is not UTF-8 text. " + _RESTORE.format(rel=rel)) from None
    header = next(csv.reader(io.StringIO(text)), [])
    expected = list(columns)
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        raise DataFileError(
            f"data file {rel} has the wrong columns (missing {missing}, unexpected {extra}). "
            + _RESTORE.format(rel=rel)
        )
    dtypes = {c: _DTYPES.get(spec.get("dtype", "str"), "string") for c, spec in columns.items()}
    try:
        df = pd.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values={c: [""] for c in columns})
    except (ValueError, TypeError) as exc:
        raise DataFileError(f"data file {rel} could not be parsed ({exc}). " + _RESTORE.format(rel=rel)) from None
    return df


@lru_cache(maxsize=64)
def _load_cached(name: str, path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    entry = manifest()["tables"][name]
    file = Path(path)
    raw = _read_bytes(file)
    digest = hashlib.sha256(raw).hexdigest()
    if entry.get("sha256") and digest != entry["sha256"]:
        rel = _rel(file)
        raise DataFileError(
            f"data file {rel} does not match its checksum in data/manifest.json "
            f"(expected sha256 {entry['sha256'][:12]}…, found {digest[:12]}…): it was edited or corrupted. "
            + _RESTORE.format(rel=rel)
        )
    df = _parse(raw, file, entry["columns"])
    df.attrs.update(
        name=name,
        file=f"data/{entry['file']}",
        description=entry.get("description", ""),
        source_keys=list(entry.get("source_keys", [])),
        units={c: spec.get("unit", "") for c, spec in entry["columns"].items()},
        column_descriptions={c: spec.get("description", "") for c, spec in entry["columns"].items()},
    )
    return df


def load_table(name: str) -> pd.DataFrame:
    """Load a course table as a pandas DataFrame that carries its provenance.

    Parameters
    ----------
    name : str
        Table name (case-insensitive), e.g. ``"offending_vessels"``. See :func:`list_tables`.

    Returns
    -------
    pandas.DataFrame
        A fresh copy (safe to modify). ``df.attrs`` holds ``name``, ``file``,
        ``description``, ``source_keys`` (bibliography keys), ``units``
        (column → unit) and ``column_descriptions``.

    Raises
    ------
    TypeError, ValueError
        If ``name`` is not a string or not a known table.
    DataFileError
        If the file is missing, fails its checksum, or has the wrong columns;
        the message names the file and how to restore it.
    """
    check_str("name", name)
    canonical = check_choice("name", name, list_tables())
    path = data_dir() / manifest()["tables"][canonical]["file"]
    stat = path.stat() if path.exists() else None
    df = _load_cached(canonical, str(path), stat.st_mtime_ns if stat else -1, stat.st_size if stat else -1)
    out = df.copy(deep=True)
    out.attrs = {k: (v.copy() if isinstance(v, (dict, list)) else v) for k, v in df.attrs.items()}
    return out


@lru_cache(maxsize=4)
def _bibliography_cached(path: str, mtime_ns: int) -> pd.DataFrame:
    file = Path(path)
    raw = _read_bytes(file)
    columns = {c: {"dtype": "str"} for c in BIBLIOGRAPHY_COLUMNS}
    df = _parse(raw, file, columns)
    rel = _rel(file)
    if df["key"].isna().any() or df["key"].duplicated().any():
        dup = sorted(set(df.loc[df["key"].duplicated(), "key"].dropna()))
        raise DataFileError(f"data file {rel} has empty or duplicated keys {dup}. " + _RESTORE.format(rel=rel))
    bad_tier = sorted(set(df["tier"].dropna()) - {"A", "B", "C", "T"})
    if bad_tier or df["tier"].isna().any():
        raise DataFileError(f"data file {rel} has invalid evidence tiers {bad_tier}. " + _RESTORE.format(rel=rel))
    return df.set_index("key", drop=False)


def bibliography() -> pd.DataFrame:
    """Return the course bibliography, indexed by citation key (a copy).

    Columns: key, authors, year, title, journal, volume_pages, pmid, doi, url,
    tier (A primary study or meta-analysis; B review, chapter or abstract;
    C tertiary web page; T teaching calibration), notes.
    """
    path = data_dir() / BIBLIOGRAPHY_FILE
    mtime = path.stat().st_mtime_ns if path.exists() else -1
    return _bibliography_cached(str(path), mtime).copy()
