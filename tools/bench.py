"""Performance benchmark: what a student waits for (``make bench``).

Prints a table and writes ``bench/results/latest.json``. Informational: the exit
code is 0 even when a target is missed (the PASS/FAIL columns say so).

1. **Every control of every interactive view** in :func:`hfs_edu.widgets.base.registry`
   (every ``hfs_edu.widgets.*`` module is imported to fill it), built with its defaults.
   The values of each control come from its declaration (``View.PARAMS``: both ends and the
   middle of a range, every option or stop) or, for a view without declarations, from the
   widget itself (slider min/middle/max, every dropdown/toggle/radio option, both checkbox
   states). Moving one control at a time from the defaults, we time per control:

   * ``set``   — ``view.set(name=value)``: validation + model + artist update + one render into
     the ipywidgets Image, i.e. one control move as the student experiences it (p50, p95);
   * ``naive`` — :func:`naive_update`: a new figure per change (the usual ``interact`` +
     ``plt.subplots`` approach we avoid), full draw with the layout engine;
   * ``floor`` — :func:`render_floor`: a full redraw of the existing figure;
   * ``build`` — constructing the view (first figure + first render, what a cell costs).

   Targets: every control's ``set`` p95 ≤ 50 ms (model + redraw) and ``naive`` p50 / ``set``
   p50 ≥ 3 per view. Timings on a loaded machine are not evidence (the load is printed).

2. **The notebook series** under strict nbval (``make test-nb``'s flags): each chapter alone
   next to the floor of one empty one-cell notebook; the cost above the floor is printed per
   chapter, and the chapters that break the ≤ 2× budget are named.
3. **``import hfs_edu``** in a fresh interpreter (median of 5), then with
   ``hfs_edu.setup()`` (the notebook helpers) and every widget module (what the
   first interactive cell pays).
4. **Environment size** (:func:`env_size_ratios`): the student install (``make lab``,
   requirements/student.txt) and the full one (``.venv`` after ``make test``) next to a
   bare venv of the five core packages (jupyterlab ipywidgets matplotlib nbval pytest,
   pinned by the lock); the bare and student venvs are built once and cached under
   ``/tmp``. Target: student ≤ 1.2× bare.

Usage: python tools/bench.py [--samples 12] [--skip-series] [--skip-env]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import json
import os
import pkgutil
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
LOCK = ROOT / "requirements" / "dev.txt"  # the full set (make test); pins the bare venv too
STUDENT_REQS = ROOT / "requirements" / "student.txt"  # what make lab installs
STUDENT_RATIO_TARGET = 1.2  # issue 8 §5: the student install is at most 1.2x the bare venv
CORE_PACKAGES = ["jupyterlab", "ipywidgets", "matplotlib", "nbval", "pytest"]
SET_P95_TARGET_MS, SPEEDUP_TARGET, SERIES_RATIO_TARGET = 50.0, 3.0, 2.0
SAMPLES_PER_CONTROL = 12
DEFAULT_NBVAL = [
    "--nbval",
    "--nbval-current-env",
    "--nbval-sanitize-with",
    "tools/nbval_sanitize.cfg",
    "--nbval-cell-timeout=120",
]


# ---------------------------------------------------------------------------------------------
def pct(samples: list[float], q: float) -> float:
    """Percentile ``q`` (0-100) with linear interpolation (numpy's default), in the samples' unit."""
    xs = sorted(samples)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def timed_ms(fn, calls) -> list[float]:
    out = []
    for args in calls:
        t0 = time.perf_counter()
        fn(**args)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def control_values(view) -> dict[str, list]:
    """The values to try for each control: from its declaration, else from the widget."""
    out = {}
    for name, w in view.controls.items():
        p = getattr(view, "PARAMS", {}).get(name)
        if p is not None:
            stops = p.extra.get("stops")
            out[name] = list(stops) if stops else p.valid_examples()
        elif hasattr(w, "options"):  # dropdowns, toggles, radio buttons, selection sliders
            out[name] = [o[1] if isinstance(o, tuple) else o for o in w.options]
        elif isinstance(getattr(w, "value", None), bool):
            out[name] = [True, False]
        elif hasattr(w, "min") and hasattr(w, "max"):
            mid = (w.min + w.max) / 2
            out[name] = [w.min, type(w.value)(mid) if isinstance(w.value, int) else mid, w.max]
        else:
            out[name] = [w.value]
    return out


def naive_update(view, **params) -> bytes:
    """The slow way, for comparison: build a new figure, update it and render it (layout engine included)."""
    import copy

    from hfs_edu.figures.style import render_png

    fresh = copy.copy(view)  # shares the controls; gets its own figure and artists
    fresh.fig = fresh.build_figure()
    fresh.update(**{**view.params(), **params})
    return render_png(fresh.fig)


def render_floor(view):
    """A callable that only re-renders the view's current figure in full (the floor blitting beats)."""
    from hfs_edu.figures.style import render_png

    return lambda: render_png(view.fig, force=True)


def load_views() -> dict[str, type]:
    import hfs_edu.widgets as pkg
    from hfs_edu.widgets.base import registry

    failed = {}
    for mod in pkgutil.iter_modules(pkg.__path__):
        try:
            importlib.import_module(f"{pkg.__name__}.{mod.name}")
        except Exception as exc:  # noqa: BLE001 - report, keep benchmarking the rest
            failed[mod.name] = f"{type(exc).__name__}: {exc}"
    for name, err in failed.items():
        print(f"! could not import hfs_edu.widgets.{name}: {err}")
    return dict(sorted(registry().items()))


def bench_view(cls: type, samples_per_control: int = SAMPLES_PER_CONTROL) -> dict:
    row: dict = {"view": cls.__name__, "module": cls.__module__, "controls": {}}
    try:
        builds = []
        for _ in range(3):
            t0 = time.perf_counter()
            view = cls()
            builds.append((time.perf_counter() - t0) * 1000)
        row["build_ms"] = statistics.median(builds)
        defaults = view.params()
        all_set = []
        for name, values in control_values(view).items():
            calls = list(
                itertools.islice(itertools.cycle([{name: v} for v in values]), max(samples_per_control, len(values)))
            )
            view.set(**calls[0])  # warm-up (background, fonts), as after the student's first move
            samples = timed_ms(view.set, calls)
            view.set(**{name: defaults[name]})
            all_set += samples
            row["controls"][name] = {
                "kind": type(view.controls[name]).__name__,
                "n": len(samples),
                "set_p50_ms": pct(samples, 50),
                "set_p95_ms": pct(samples, 95),
                "pass_p95": pct(samples, 95) <= SET_P95_TARGET_MS,
            }
        naive_ms = timed_ms(lambda: naive_update(view), [{}] * 8)
        floor = render_floor(view)
        floor_ms = timed_ms(lambda: floor(), [{}] * 8)
    except Exception as exc:  # noqa: BLE001 - report, keep benchmarking the rest
        row["error"] = f"{type(exc).__name__}: {exc}"
        return row
    row.update(
        set_p50_ms=pct(all_set, 50),
        set_p95_ms=pct(all_set, 95),
        naive_p50_ms=pct(naive_ms, 50),
        floor_p50_ms=pct(floor_ms, 50),
    )
    row["speedup"] = row["naive_p50_ms"] / row["set_p50_ms"] if row["set_p50_ms"] > 0 else float("inf")
    row["pass_p95"] = all(c["pass_p95"] for c in row["controls"].values())
    row["pass_speedup"] = row["speedup"] >= SPEEDUP_TARGET
    row["pass"] = row["pass_p95"] and row["pass_speedup"]
    return row


# ---------------------------------------------------------------------------------------------
def nbval_flags() -> list[str]:
    """The strict-nbval flags of the Makefile (``PYTEST_NBVAL``), with absolute paths."""
    flags = DEFAULT_NBVAL
    try:
        m = re.search(r"^PYTEST_NBVAL\s*:?=\s*(.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
        if m:
            flags = m.group(1).split()
    except OSError:
        pass
    return [str(ROOT / f) if (ROOT / f).is_file() else f for f in flags]


def run_pytest(paths: list[str], cwd: Path) -> dict:
    cmd = [sys.executable, "-m", "pytest", *paths, *nbval_flags(), "-q", "-p", "no:cacheprovider"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    lines = proc.stdout.strip().splitlines()
    failed = [ln.split(" - ")[0].removeprefix("FAILED ") for ln in lines if ln.startswith("FAILED ")]
    return {"wall_s": wall, "rc": proc.returncode, "summary": (lines or [""])[-1], "failed": failed}


def _empty_notebook(folder: Path) -> str:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    cell = new_code_cell(
        "1 + 1", execution_count=1, outputs=[new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    )
    nb = new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    path = folder / "00_empty.ipynb"
    nbformat.write(nb, path)
    return str(path)


def bench_series() -> dict:
    """Each chapter under strict nbval next to the floor of one empty notebook; the chapters over budget."""
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    out: dict = {"n_notebooks": len(notebooks), "chapters": {}}
    if not notebooks:
        return out
    with tempfile.TemporaryDirectory(prefix="hfs-bench-floor-") as tmp:
        out["floor"] = run_pytest([_empty_notebook(Path(tmp))], Path(tmp))
    floor = out["floor"]["wall_s"]
    for nb in notebooks:
        run = run_pytest([str(nb)], ROOT)
        run["above_floor_s"] = run["wall_s"] - floor
        run["ratio"] = run["wall_s"] / floor
        out["chapters"][nb.stem] = run
    total = sum(r["wall_s"] for r in out["chapters"].values())
    out["ratio"] = total / (floor * len(notebooks))
    out["over_budget"] = [k for k, r in out["chapters"].items() if r["ratio"] > SERIES_RATIO_TARGET]
    out["pass"] = out["ratio"] <= SERIES_RATIO_TARGET and all(r["rc"] == 0 for r in out["chapters"].values())
    return out


def bench_import(repeats: int = 5) -> dict:
    def median_of(code: str) -> float:
        times = []
        for _ in range(repeats):
            proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed")
            times.append(float(proc.stdout.strip().splitlines()[-1]))
        return statistics.median(times)

    stamp = "import time; t0 = time.perf_counter(); {body}; print(time.perf_counter() - t0)"
    widgets = (
        "import pkgutil, importlib, hfs_edu.widgets as w; "
        "[importlib.import_module('hfs_edu.widgets.' + m.name) for m in pkgutil.iter_modules(w.__path__)]"
    )
    out = {}
    for key, body in (
        ("hfs_edu_s", "import hfs_edu"),
        ("hfs_edu_setup_s", "import hfs_edu; hfs_edu.setup()"),
        ("hfs_edu_widgets_s", f"import hfs_edu; hfs_edu.setup(); {widgets}"),
    ):
        try:
            out[key] = median_of(stamp.format(body=body))
        except RuntimeError as exc:
            out[key + "_error"] = str(exc)
    return out


def du_mb(path: Path) -> float:
    proc = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True)
    return int(proc.stdout.split()[0]) / 1024 if proc.returncode == 0 and proc.stdout else float("nan")


def cached_venv(label: str, pip_args: list[str], key_files: list[Path]) -> tuple[Path | None, str]:
    """A venv built once with ``pip install <pip_args>`` and cached under /tmp (needs PyPI)."""
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in key_files) + " ".join(pip_args).encode())
    target = Path(tempfile.gettempdir()) / f"hfs-bench-{label}-venv-{digest.hexdigest()[:12]}"
    if (target / ".complete").exists():
        return target, "cached"
    shutil.rmtree(target, ignore_errors=True)
    base = getattr(sys, "_base_executable", sys.executable)
    try:
        subprocess.run([base, "-m", "venv", str(target)], check=True, capture_output=True, text=True, timeout=300)
        py = str(target / "bin" / "python")
        subprocess.run(
            [py, "-m", "pip", "install", "-q", "--upgrade", "pip"],
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        subprocess.run(
            [py, "-m", "pip", "install", "-q", *pip_args],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1200,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        lines = [ln for ln in str(detail).strip().splitlines() if ln.strip()]
        return None, f"could not build it (offline?): {lines[-1][:160] if lines else type(exc).__name__}"
    (target / ".complete").write_text("ok\n")
    return target, "built now"


def bare_venv() -> tuple[Path | None, str]:
    """A venv with only the five core packages (versions from the lock), cached under /tmp."""
    return cached_venv("bare", ["-c", str(LOCK), *CORE_PACKAGES], [LOCK])


def student_venv() -> tuple[Path | None, str]:
    """What ``make lab`` installs: requirements/student.txt plus hfs_edu itself, cached under /tmp."""
    sources = [STUDENT_REQS, ROOT / "pyproject.toml", ROOT / "setup.py"]
    return cached_venv("student", ["-r", str(STUDENT_REQS), "--no-deps", "."], sources)


def measure_env_sizes(full_venv: Path = ROOT / ".venv") -> dict:
    """Sizes (MB) of the bare, the student and the full environment, and their ratios to bare.

    bare = jupyterlab ipywidgets matplotlib nbval pytest (pinned by the lock); student =
    ``make lab`` (requirements/student.txt + hfs_edu); full = ``.venv`` after ``make test``
    (requirements/dev.txt). Target: student ≤ 1.2× bare.
    """
    out: dict = {"full_mb": du_mb(full_venv), "full_path": str(full_venv)}
    for label, build in (("bare", bare_venv), ("student", student_venv)):
        target, note = build()
        out[f"{label}_note"] = note
        if target is not None:
            out[f"{label}_mb"], out[f"{label}_path"] = du_mb(target), str(target)
    bare = out.get("bare_mb")
    for label in ("student", "full"):
        mb = out.get(f"{label}_mb")
        if bare and mb is not None and mb == mb:
            out[f"{label}_ratio"] = mb / bare
    return out


def print_env_sizes(env: dict) -> None:
    print("\nEnvironment size")
    rows = (
        ("bare", "bare: " + " ".join(CORE_PACKAGES)),
        ("student", "student: make lab (requirements/student.txt)"),
        ("full", "full: .venv after make test (requirements/dev.txt)"),
    )
    for label, title in rows:
        mb = env.get(f"{label}_mb")
        note = f"  ({env[f'{label}_note']})" if f"{label}_note" in env else ""
        if mb is None or mb != mb:
            print(f"  {title:<52}      —{note or '  (missing)'}")
            continue
        ratio = env.get(f"{label}_ratio")
        if ratio is not None:
            verdict = "PASS" if ratio <= STUDENT_RATIO_TARGET else "FAIL"
            goal = f", target ≤ {STUDENT_RATIO_TARGET}× {verdict}" if label == "student" else ""
            note = f"  {ratio:.2f}× bare, {mb - env['bare_mb']:+.0f} MB{goal}{note}"
        print(f"  {title:<52}{mb:7.0f} MB{note}")


def env_size_ratios(full_venv: Path = ROOT / ".venv") -> dict:
    """Measure the three environments and print the student's and the full one's ratio to bare."""
    env = measure_env_sizes(full_venv)
    print_env_sizes(env)
    return env


def bench_env() -> dict:
    return measure_env_sizes()


# ---------------------------------------------------------------------------------------------
def _f(x, fmt="{:.1f}") -> str:
    return "—" if x is None or (isinstance(x, float) and x != x) else fmt.format(x)


def print_views(rows: list[dict]) -> None:
    print(
        f"Interactive views — ms per control move (set = validation + model + redraw, as the student sees it); "
        f"targets: p95 ≤ {SET_P95_TARGET_MS:g} ms per control, ≥ {SPEEDUP_TARGET:g}× faster than a rebuild"
    )
    head = f"{'view / control':<34}{'widget':<18}{'n':>4}{'p50':>8}{'p95':>8}  {'p95 target':<10}"
    print(head)
    print("-" * len(head))
    ok = lambda b: "PASS" if b else "FAIL"  # noqa: E731
    for r in rows:
        if "error" in r:
            print(f"{r['view']:<34}ERROR {r['error'][:100]}")
            continue
        print(
            f"{r['view']:<34}{'':<18}{'':>4}{_f(r['set_p50_ms']):>8}{_f(r['set_p95_ms']):>8}  "
            f"naive {_f(r['naive_p50_ms'])} ms, floor {_f(r['floor_p50_ms'])} ms, "
            f"build {_f(r['build_ms'], '{:.0f}')} ms,"
            f" speed-up {_f(r['speedup'], '{:.1f}×')} {ok(r['pass_speedup'])}"
        )
        for name, c in r["controls"].items():
            print(
                f"  {name:<32}{c['kind']:<18}{c['n']:>4}{_f(c['set_p50_ms']):>8}{_f(c['set_p95_ms']):>8}  "
                f"{ok(c['pass_p95']):<10}"
            )
    if not rows:
        print("(no views registered)")
    print("  naive = a new figure per change; floor = one full redraw of the existing figure (blitting beats it).")


def print_rest(series: dict | None, imports: dict | None, env: dict | None) -> None:
    if series is not None:
        print("\nNotebook series under strict nbval (make test-nb): each chapter vs one empty notebook (the floor)")
        if not series["n_notebooks"]:
            print("  no notebooks/NN_*.ipynb yet")
        else:
            print(f"  floor   one empty notebook          {series['floor']['wall_s']:6.1f} s")
            for name, r in series["chapters"].items():
                flag = "" if r["ratio"] <= SERIES_RATIO_TARGET else f"  <- over the {SERIES_RATIO_TARGET:g}× budget"
                failed = "" if r["rc"] == 0 else "  nbval FAILED"
                print(
                    f"  {name:<34}{r['wall_s']:6.1f} s  +{r['above_floor_s']:5.1f} s above the floor "
                    f"({r['ratio']:.1f}×){flag}{failed}"
                )
            names = ", ".join(series["over_budget"]) or "none"
            print(
                f"  series  {series['ratio']:.2f}× the floor (target ≤ {SERIES_RATIO_TARGET:g}×) "
                f"{'PASS' if series['pass'] else 'FAIL'}; chapters over budget: {names}"
            )
    if imports is not None:
        print("\nImport time in a fresh interpreter (median of 5)")
        for key, label in (
            ("hfs_edu_s", "import hfs_edu"),
            ("hfs_edu_setup_s", "+ hfs_edu.setup() (notebook helpers)"),
            ("hfs_edu_widgets_s", "+ every hfs_edu.widgets module"),
        ):
            value = imports.get(key)
            shown = _f(value * 1000, "{:.0f} ms") if value is not None else "ERROR " + imports.get(key + "_error", "")
            print(f"  {label:<38}{shown:>8}")
    if env is not None:
        print_env_sizes(env)


def print_book_sizes() -> dict:
    """Issue 11 §3: each built book page and handout (HTML + the images it references) against 3 MB."""
    import re

    sizes = {}
    for site in (ROOT / "build" / "book" / "_build" / "html", ROOT / "build" / "handouts"):
        for page in sorted(site.glob("[0-9][0-9]_*.html")):
            imgs = {
                (page.parent / m).resolve() for m in re.findall(r'<img[^>]+src="([^"#:]+)"', page.read_text("utf-8"))
            }
            sizes[f"{site.parent.parent.name if site.name == 'html' else site.name}/{page.name}"] = (
                page.stat().st_size + sum(p.stat().st_size for p in imgs if p.exists())
            )
    print("\nBook and handout page sizes (limit 3 MB; `make book handouts` to build)")
    for name, size in sizes.items():
        print(f"  {name:<46}{size / 1e6:6.2f} MB{'' if size <= 3_000_000 else '  OVER'}")
    if not sizes:
        print("  not built")
    return sizes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--samples",
        type=int,
        default=SAMPLES_PER_CONTROL,
        help=f"moves timed per control (default {SAMPLES_PER_CONTROL})",
    )
    parser.add_argument("--skip-series", action="store_true", help="skip the nbval series timing")
    parser.add_argument("--skip-env", action="store_true", help="skip the environment size comparison")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    if load > (os.cpu_count() or 1):
        print(f"! load average {load:.1f} on {os.cpu_count()} CPUs: other work is running, timings are inflated\n")
    rows = [bench_view(cls, args.samples) for cls in load_views().values()]
    print_views(rows)
    series = None if args.skip_series else bench_series()
    imports = bench_import()
    env = None if args.skip_env else bench_env()
    print_rest(series, imports, env)
    book_sizes = print_book_sizes()
    views_ok = all(r.get("pass") for r in rows)
    print(
        f"\nTargets: views {'PASS' if views_ok else 'FAIL'}"
        + ("" if not series or not series.get("n_notebooks") else f", series {'PASS' if series['pass'] else 'FAIL'}")
        + f"  (informational; benchmark took {time.perf_counter() - t0:.0f} s)"
    )

    result = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_1min": load,
        },
        "targets": {
            "set_p95_ms": SET_P95_TARGET_MS,
            "speedup_vs_naive": SPEEDUP_TARGET,
            "series_vs_floor": SERIES_RATIO_TARGET,
        },
        "views": rows,
        "series": series,
        "imports": imports,
        "env": env,
        "book_page_bytes": book_sizes,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    try:
        shown = args.output.relative_to(ROOT)
    except ValueError:
        shown = args.output
    print(f"results: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
