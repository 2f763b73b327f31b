"""Check that every notebook executes to exactly the same stored result, every time.

``make check-determinism``. Copies the notebooks to a temporary folder, executes
each one twice with ``tools/execute_notebooks.py``'s ``execute()`` (the same
executor ``make notebooks`` uses: no timing metadata, stable widget ids), and
compares the two results cell by cell — sources, outputs (text, HTML, PNG bytes,
widget views), cell metadata, execution counts — and the notebook metadata
(including the stored widget state). It then compares the first run against
the stored notebook in ``notebooks/``. Expect everything to be identical: any
difference means hidden randomness, a timing, a path or a memory address in an
output, or a stored notebook that was not re-executed after a change.

Exit code 0 when identical, 1 on any difference (with a readable summary).

Usage: python tools/check_determinism.py [notebooks/NN_name.ipynb ...]
"""

from __future__ import annotations

import difflib
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from execute_notebooks import execute  # noqa: E402

MAX_DIFFS_PER_PAIR = 12
MAX_TEXT_LINES = 8


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _short(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    if len(text) > 80 and not isinstance(value, str):
        return f"{text[:60]}… (sha256 {hashlib.sha256(text.encode()).hexdigest()[:10]})"
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text)} chars)"


def _text_diff(a: str, b: str) -> list[str]:
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0))[2:]
    lines = [ln for ln in lines if not ln.startswith("@@")]
    more = len(lines) - MAX_TEXT_LINES
    return [f"        {ln[:160]}" for ln in lines[:MAX_TEXT_LINES]] + (
        [f"        … {more} more line(s)"] if more > 0 else []
    )


def diff_values(a, b, path: str, out: list[str]) -> None:
    """Append a readable description of every difference between JSON values ``a`` and ``b``."""
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            sub = f"{path}.{key}" if path else str(key)
            if key not in a:
                out.append(f"    {sub}: only in the second ({_short(b[key])})")
            elif key not in b:
                out.append(f"    {sub}: only in the first ({_short(a[key])})")
            else:
                diff_values(a[key], b[key], sub, out)
        return
    if isinstance(a, list) and isinstance(b, list) and not all(isinstance(x, str) for x in a + b):
        if len(a) != len(b):
            out.append(f"    {path}: {len(a)} item(s) vs {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            diff_values(x, y, f"{path}[{i}]", out)
        return
    ta = "".join(a) if isinstance(a, list) else a
    tb = "".join(b) if isinstance(b, list) else b
    if isinstance(ta, str) and isinstance(tb, str):
        if path.endswith(("image/png", "image/jpeg")):
            out.append(
                f"    {path}: image bytes differ (sha256 {hashlib.sha256(ta.encode()).hexdigest()[:10]} "
                f"vs {hashlib.sha256(tb.encode()).hexdigest()[:10]})"
            )
        else:
            out.append(f"    {path}: text differs")
            out.extend(_text_diff(ta, tb))
        return
    out.append(f"    {path}: {_short(a)} vs {_short(b)}")


def compare(first: dict, second: dict) -> list[str]:
    """Return the differences between two notebooks, cell by cell (empty list if identical)."""
    out: list[str] = []
    ca, cb = first.get("cells", []), second.get("cells", [])
    if len(ca) != len(cb):
        out.append(f"  {len(ca)} cells vs {len(cb)} cells")
    for i, (x, y) in enumerate(zip(ca, cb)):
        cell_diffs: list[str] = []
        diff_values(x, y, "", cell_diffs)
        if cell_diffs:
            kind = x.get("cell_type", "?")
            out.append(f"  cell {i} ({kind}, id {x.get('id', '?')}):")
            out.extend(cell_diffs)
    rest_a = {k: v for k, v in first.items() if k != "cells"}
    rest_b = {k: v for k, v in second.items() if k != "cells"}
    meta: list[str] = []
    diff_values(rest_a, rest_b, "", meta)
    if meta:
        out.append("  notebook metadata:")
        out.extend(meta)
    return out


def _clip(lines: list[str]) -> list[str]:
    heads = [i for i, ln in enumerate(lines) if not ln.startswith("    ")]
    if len(heads) <= MAX_DIFFS_PER_PAIR:
        return lines
    cut = heads[MAX_DIFFS_PER_PAIR]
    return lines[:cut] + [f"  … and {len(heads) - MAX_DIFFS_PER_PAIR} more difference group(s)"]


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def check(paths: list[Path]) -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="hfs-determinism-") as tmp:
        runs = [Path(tmp) / "run1" / "notebooks", Path(tmp) / "run2" / "notebooks"]
        for folder in runs:
            folder.mkdir(parents=True)
        for stored in paths:
            name = stored.name
            t0 = time.perf_counter()
            results = []
            for folder in runs:
                copy = folder / name
                shutil.copy2(stored, copy)
                execute(copy)
                results.append(_load(copy))
            seconds = time.perf_counter() - t0
            twice = compare(results[0], results[1])
            vs_stored = compare(_load(stored), results[0])
            if not twice and not vs_stored:
                print(f"ok    {name}: two executions identical, and identical to the stored notebook ({seconds:.1f} s)")
                continue
            failures += 1
            print(f"FAIL  {name} ({seconds:.1f} s)")
            if twice:
                print(
                    "  executed twice, the results differ (hidden randomness, time, paths or addresses?)"
                    " — first run vs second run:"
                )
                print("\n".join("  " + ln for ln in _clip(twice)))
            if vs_stored:
                print(
                    f"  a fresh execution differs from the stored {_rel(stored)} "
                    "(run `make notebooks` or `make execute` and commit?) — stored vs fresh:"
                )
                print("\n".join("  " + ln for ln in _clip(vs_stored)))
    return failures


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        print("no notebooks/NN_*.ipynb to check")
        return 0
    failures = check(paths)
    if failures:
        print(f"\n{failures} of {len(paths)} notebook(s) are not deterministic or not up to date.")
        return 1
    print(f"\nall {len(paths)} notebook(s) deterministic and up to date.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
