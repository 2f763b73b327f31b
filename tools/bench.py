"""Performance benchmark: what a student waits for (``make bench``).

Prints a table and writes ``bench/results/latest.json``. Informational: the exit
code is 0 even when a target is missed (the PASS/FAIL columns say so).

1. **Every interactive view** in :func:`hfs_edu.widgets.base.registry` (every
   ``hfs_edu.widgets.*`` module is imported to fill it), built with its defaults.
   Its ``SWEEP`` values are combined (all combinations, evenly thinned to at most
   ``--max-updates``) and for each combination we time:

   * ``set``    — ``view.set(**params)``: model + artist update + one render into
     the ipywidgets Image, i.e. one slider move as the student experiences it;
   * ``update`` — ``view.update(**params)`` alone: model + artist changes, no render;
   * ``naive``  — ``view.naive_update(**params)``: a new figure per change (the
     usual ``interact`` + ``plt.subplots`` approach we avoid);
   * ``floor``  — ``view.render_floor()()``: a full redraw of the existing figure;
   * ``model``  — ``view.bench_model(**params)`` if a view defines it (optional hook:
     the model computation alone);
   * ``build``  — constructing the view (first figure + first render, what a cell costs).

   Targets: ``set`` p95 ≤ 100 ms (goal ≤ 50 ms) and ``naive`` p50 / ``set`` p50 ≥ 2.

2. **The notebook series** under strict nbval (``make test-nb``'s flags) next to
   the floor: the same number of trivial one-cell notebooks. Target ≤ 2× floor.
3. **``import hfs_edu``** in a fresh interpreter (median of 5), then with
   ``hfs_edu.setup()`` (the notebook helpers) and every widget module (what the
   first interactive cell pays).
4. **Environment size** (:func:`env_size_ratios`): the student install (``make lab``,
   requirements/student.txt) and the full one (``.venv`` after ``make test``) next to a
   bare venv of the five core packages (jupyterlab ipywidgets matplotlib nbval pytest,
   pinned by the lock); the bare and student venvs are built once and cached under
   ``/tmp``. Target: student ≤ 1.2× bare.

Usage: python tools/bench.py [--max-updates 60] [--skip-series] [--skip-env]
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import json
import os
import platform
import pkgutil
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
SET_P95_TARGET_MS, SET_P95_GOAL_MS, SPEEDUP_TARGET, SERIES_RATIO_TARGET = 100.0, 50.0, 2.0, 2.0
DEFAULT_NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tools/nbval_sanitize.cfg",
                 "--nbval-cell-timeout=120"]


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


def sweep_combinations(sweep: dict[str, list], cap: int) -> list[dict]:
    """All combinations of the SWEEP values, evenly thinned to at most ``cap`` (deterministic)."""
    if not sweep:
        return [{}]
    names = list(sweep)
    combos = [dict(zip(names, values)) for values in itertools.product(*(sweep[n] for n in names))]
    if len(combos) > cap:
        step = len(combos) / cap
        combos = [combos[int(i * step)] for i in range(cap)]
    return combos


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


def bench_view(cls: type, max_updates: int, min_samples: int = 30) -> dict:
    row: dict = {"view": cls.__name__, "module": cls.__module__}
    try:
        builds = []
        for _ in range(3):
            t0 = time.perf_counter()
            view = cls()
            builds.append((time.perf_counter() - t0) * 1000)
        row["build_ms"] = statistics.median(builds)
        combos = sweep_combinations(getattr(cls, "SWEEP", {}) or {}, max_updates)
        calls = list(itertools.islice(itertools.cycle(combos), max(len(combos), min(min_samples, max_updates))))
        row["n_updates"] = len(calls)
        row["n_combinations"] = len(combos)
        view.set(**calls[0])  # warm-up: caches (background, fonts) as after the student's first move
        set_ms = timed_ms(view.set, calls)
        update_ms = timed_ms(lambda **p: view.update(**{**view.params(), **p}), calls)
        view.set(**calls[-1])
        floor = view.render_floor()
        floor_ms = timed_ms(lambda: floor(), [{}] * min(len(calls), 20))
        naive_calls = calls[: min(len(calls), 20)]
        naive_ms = timed_ms(view.naive_update, naive_calls)
        model = getattr(view, "bench_model", None)
        model_ms = timed_ms(model, calls) if callable(model) else []
    except Exception as exc:  # noqa: BLE001
        row["error"] = f"{type(exc).__name__}: {exc}"
        return row
    for key, samples in (("set", set_ms), ("update", update_ms), ("naive", naive_ms), ("floor", floor_ms),
                         ("model", model_ms)):
        if samples:
            row[f"{key}_p50_ms"] = pct(samples, 50)
            row[f"{key}_p95_ms"] = pct(samples, 95)
    row["speedup"] = row["naive_p50_ms"] / row["set_p50_ms"] if row["set_p50_ms"] > 0 else float("inf")
    row["pass_p95"] = row["set_p95_ms"] <= SET_P95_TARGET_MS
    row["goal_p95"] = row["set_p95_ms"] <= SET_P95_GOAL_MS
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


def bench_series() -> dict:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    out: dict = {"n_notebooks": len(notebooks)}
    if not notebooks:
        return out
    out["series"] = run_pytest([str(p) for p in notebooks], ROOT)
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    with tempfile.TemporaryDirectory(prefix="hfs-bench-floor-") as tmp:
        paths = []
        for i in range(len(notebooks)):
            cell = new_code_cell("1 + 1", execution_count=1,
                                 outputs=[new_output("execute_result", {"text/plain": "2"}, execution_count=1)])
            nb = new_notebook(cells=[cell])
            nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
            path = Path(tmp) / f"{i:02d}_empty.ipynb"
            nbformat.write(nb, path)
            paths.append(str(path))
        out["floor"] = run_pytest(paths, Path(tmp))
    out["ratio"] = out["series"]["wall_s"] / out["floor"]["wall_s"]
    out["pass"] = out["ratio"] <= SERIES_RATIO_TARGET and out["series"]["rc"] == 0
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
    widgets = ("import pkgutil, importlib, hfs_edu.widgets as w; "
               "[importlib.import_module('hfs_edu.widgets.' + m.name) for m in pkgutil.iter_modules(w.__path__)]")
    out = {}
    for key, body in (("hfs_edu_s", "import hfs_edu"), ("hfs_edu_setup_s", "import hfs_edu; hfs_edu.setup()"),
                      ("hfs_edu_widgets_s", f"import hfs_edu; hfs_edu.setup(); {widgets}")):
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
        subprocess.run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True, capture_output=True,
                       text=True, timeout=600)
        subprocess.run([py, "-m", "pip", "install", "-q", *pip_args], check=True, cwd=ROOT, capture_output=True,
                       text=True, timeout=1200)
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
    rows = (("bare", "bare: " + " ".join(CORE_PACKAGES)), ("student", "student: make lab (requirements/student.txt)"),
            ("full", "full: .venv after make test (requirements/dev.txt)"))
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
    print("Interactive views — milliseconds per control change (set = model + redraw, as the student sees it)")
    head = (f"{'view':<22}{'n':>4}{'set p50':>9}{'set p95':>9}{'update':>8}{'model':>7}{'naive p50':>10}"
            f"{'naive p95':>10}{'floor':>7}{'speed-up':>9}{'build':>7}  {'p95≤100':<8}{'goal≤50':<8}{'≥2×naive':<8}")
    print(head)
    print("-" * len(head))
    for r in rows:
        if "error" in r:
            print(f"{r['view']:<22}  ERROR {r['error'][:100]}")
            continue
        ok = lambda b: "PASS" if b else "FAIL"  # noqa: E731
        print(f"{r['view']:<22}{r['n_updates']:>4}{_f(r['set_p50_ms']):>9}{_f(r['set_p95_ms']):>9}"
              f"{_f(r.get('update_p50_ms')):>8}{_f(r.get('model_p50_ms')):>7}{_f(r['naive_p50_ms']):>10}"
              f"{_f(r['naive_p95_ms']):>10}{_f(r['floor_p50_ms']):>7}{_f(r['speedup'], '{:.1f}×'):>9}"
              f"{_f(r['build_ms'], '{:.0f}'):>7}  {ok(r['pass_p95']):<8}{('yes' if r['goal_p95'] else 'no'):<8}"
              f"{ok(r['pass_speedup']):<8}")
    if not rows:
        print("(no views registered)")
    print("  update = model + artist changes without rendering; model = the view's bench_model() hook if it has one;")
    print("  floor = one full redraw of the existing figure (blitting views beat it); build = constructing the view.")


def print_rest(series: dict | None, imports: dict | None, env: dict | None) -> None:
    if series is not None:
        print("\nNotebook series under strict nbval (make test-nb) vs the floor of as many one-cell notebooks")
        n = series["n_notebooks"]
        if not n:
            print("  no notebooks/NN_*.ipynb yet")
        else:
            s, f = series["series"], series["floor"]
            status = "PASS" if series["pass"] else "FAIL"
            print(f"  series  {n} notebook(s)        {s['wall_s']:6.1f} s   ({s['summary']})")
            print(f"  floor   {n} empty notebook(s)  {f['wall_s']:6.1f} s   ({f['summary']})")
            print(f"  ratio   {series['ratio']:.2f}× (target ≤ {SERIES_RATIO_TARGET:g}×)  {status}"
                  + ("" if s["rc"] == 0 else "  — nbval FAILED on the series:"))
            for test_id in s.get("failed", [])[:5]:
                print(f"          {test_id}")
    if imports is not None:
        print("\nImport time in a fresh interpreter (median of 5)")
        for key, label in (("hfs_edu_s", "import hfs_edu"),
                           ("hfs_edu_setup_s", "+ hfs_edu.setup() (notebook helpers)"),
                           ("hfs_edu_widgets_s", "+ every hfs_edu.widgets module")):
            value = imports.get(key)
            shown = _f(value * 1000, "{:.0f} ms") if value is not None else "ERROR " + imports.get(key + "_error", "")
            print(f"  {label:<38}{shown:>8}")
    if env is not None:
        print_env_sizes(env)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-updates", type=int, default=60, help="updates per view (default 60)")
    parser.add_argument("--skip-series", action="store_true", help="skip the nbval series timing")
    parser.add_argument("--skip-env", action="store_true", help="skip the environment size comparison")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    if load > (os.cpu_count() or 1):
        print(f"! load average {load:.1f} on {os.cpu_count()} CPUs: other work is running, timings are inflated\n")
    rows = [bench_view(cls, args.max_updates) for cls in load_views().values()]
    print_views(rows)
    series = None if args.skip_series else bench_series()
    imports = bench_import()
    env = None if args.skip_env else bench_env()
    print_rest(series, imports, env)
    views_ok = all(r.get("pass") for r in rows)
    print(f"\nTargets: views {'PASS' if views_ok else 'FAIL'}"
          + ("" if not series or not series.get("n_notebooks") else
             f", series {'PASS' if series['pass'] else 'FAIL'}")
          + f"  (informational; benchmark took {time.perf_counter() - t0:.0f} s)")

    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "load_average_1min": load},
        "targets": {"set_p95_ms": SET_P95_TARGET_MS, "set_p95_goal_ms": SET_P95_GOAL_MS,
                    "speedup_vs_naive": SPEEDUP_TARGET, "series_vs_floor": SERIES_RATIO_TARGET},
        "views": rows, "series": series, "imports": imports, "env": env,
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
