#!/usr/bin/env python3
"""Refresh the checksums in data/manifest.json and check every table's columns.

For every table listed in ``data/manifest.json`` this script

1. reads the CSV file named in the entry's ``file`` field,
2. checks that the file's header row is exactly the entry's ``columns``
   (same names, same order) and that every column's ``dtype`` is one of
   ``str``, ``int``, ``float``, ``bool``,
3. recomputes ``sha256`` from the file's bytes,

and then rewrites the manifest with ``indent=2``: tables sorted by name, the
keys of each entry in a fixed order, columns kept in file order.

If any table fails a check, nothing is written: every problem is printed and
the script exits with status 1. ``--check`` only verifies (exit 1 if a
checksum is stale or a header is wrong) and never writes.

Standard library only. Usage (from the repository root)::

    python tools/update_manifest.py            # after editing any data/*.csv
    python tools/update_manifest.py --check    # in CI: is the manifest up to date?
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from pathlib import Path

DTYPES = ("str", "int", "float", "bool")
ENTRY_KEYS = ("file", "description", "source_keys", "sha256", "columns")
COLUMN_KEYS = ("description", "unit", "dtype")


def default_data_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data"


def read_header(raw: bytes, rel: str) -> list[str]:
    """Return the header row of a UTF-8 CSV file given as bytes."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{rel}: not UTF-8 text ({exc})") from None
    if text.startswith("\ufeff"):
        raise ValueError(f"{rel}: starts with a byte-order mark; save it as UTF-8 without BOM")
    header = next(csv.reader(io.StringIO(text)), None)
    if not header:
        raise ValueError(f"{rel}: file is empty (no header row)")
    return header


def ordered(mapping: dict, first: tuple) -> dict:
    """Copy ``mapping`` with the keys in ``first`` first (in that order), then the rest sorted."""
    out = {k: mapping[k] for k in first if k in mapping}
    out.update({k: mapping[k] for k in sorted(mapping) if k not in out})
    return out


def source_keys_used(raw: bytes, header: list[str]) -> list[str]:
    """The citation keys in a table's ``source_key`` column, in order of first use ("S1; S2" splits)."""
    if "source_key" not in header:
        return []
    keys: list[str] = []
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))):
        for k in re.split(r"[;,]", row.get("source_key") or ""):
            k = k.strip()
            if k and k not in keys:
                keys.append(k)
    return keys


def refresh(manifest: dict, data_dir: Path) -> tuple[dict, list[str], list[str]]:
    """Return (new manifest, problems, tables whose checksum changed)."""
    problems: list[str] = []
    changed: list[str] = []
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        return manifest, ["manifest has no 'tables' mapping"], changed
    new_tables = {}
    for name in sorted(tables):
        entry = dict(tables[name])
        rel = f"data/{entry.get('file', '?')}"
        if "file" not in entry or not isinstance(entry.get("columns"), dict):
            problems.append(f"table '{name}': entry needs a 'file' and a 'columns' mapping")
            new_tables[name] = entry
            continue
        path = data_dir / entry["file"]
        if not path.is_file():
            problems.append(f"table '{name}': file {rel} does not exist")
            new_tables[name] = entry
            continue
        raw = path.read_bytes()
        try:
            header = read_header(raw, rel)
        except ValueError as exc:
            problems.append(f"table '{name}': {exc}")
            new_tables[name] = entry
            continue
        expected = list(entry["columns"])
        if header != expected:
            missing = [c for c in expected if c not in header]
            extra = [c for c in header if c not in expected]
            detail = f"missing from the file {missing}, not in the manifest {extra}"
            if not missing and not extra:
                detail = "same names but a different order"
            problems.append(
                f"table '{name}': the header of {rel} does not match the manifest's columns ({detail}).\n"
                f"    file:     {header}\n    manifest: {expected}"
            )
        for col, spec in entry["columns"].items():
            dtype = spec.get("dtype") if isinstance(spec, dict) else None
            if dtype not in DTYPES:
                problems.append(f"table '{name}', column '{col}': dtype {dtype!r} is not one of {list(DTYPES)}")
        used = source_keys_used(raw, header)
        listed = list(entry.get("source_keys") or [])
        entry["source_keys"] = listed + [k for k in used if k not in listed]
        digest = hashlib.sha256(raw).hexdigest()
        if entry.get("sha256") != digest:
            changed.append(name)
        entry["sha256"] = digest
        entry["columns"] = {
            col: ordered(spec, COLUMN_KEYS) if isinstance(spec, dict) else spec
            for col, spec in entry["columns"].items()  # file order, never sorted
        }
        new_tables[name] = ordered(entry, ENTRY_KEYS)
    out = {"version": manifest.get("version", 1), "tables": new_tables}
    out.update({k: manifest[k] for k in sorted(manifest) if k not in out})
    return out, problems, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default_data_dir(),
        help="folder holding manifest.json and the tables (default: data/ next to tools/)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only verify; exit 1 if a checksum is stale or a header is wrong"
    )
    args = parser.parse_args(argv)

    path = args.data_dir / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"error: {path} not found", file=sys.stderr)
        return 1
    except json.JSONDecodeError as exc:
        print(f"error: {path} is not valid JSON: {exc}", file=sys.stderr)
        return 1

    new, problems, changed = refresh(manifest, args.data_dir)
    if problems:
        print(f"error: {len(problems)} problem(s) in {path}; nothing was written:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    if args.check:
        if changed:
            print(
                "error: stale sha256 for " + ", ".join(changed) + "; run python tools/update_manifest.py",
                file=sys.stderr,
            )
            return 1
        print(f"ok: {len(new['tables'])} tables match {path.name}")
        return 0
    text = json.dumps(new, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(
        f"updated {path.name}: {len(new['tables'])} tables"
        + (f"; new checksums for {', '.join(changed)}" if changed else "; checksums unchanged")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
