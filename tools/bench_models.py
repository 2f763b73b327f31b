#!/usr/bin/env python3
"""Time the model part of one slider update of the chapter 02-03 physiology models.

For every case below, the model is called once per point of a
demyelination x compression sweep (or severity x blood pressure for the
compression model). Each new slider value is a *cold* call for the caches
that depend on the sliders (the per-(demyelination, compression) cascade
table); caches that never change with the sliders (fibre properties,
healthy delay lines, MUAP kernels, random draws of a seed) are warmed once,
as they are in a running notebook. A second pass over the same values gives
the *repeat* cost (a slider moved back to a value it had).

Target: p95 <= 20 ms per update, numpy single thread. Informational only:
the exit code is 0 either way (tests never assert timings).

Usage (from the repository root)::

    python tools/bench_models.py             # 11 x 11 sweep
    python tools/bench_models.py --grid 21   # finer sweep
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from hfs_edu.models import compression, crosstalk  # noqa: E402
from hfs_edu.models import crosstalk_lesion  # noqa: E402

TARGET_MS = 20.0


def _lsr_view(d, c):
    """LSR sweep plus the stimulated muscle's direct response (what an LSR view redraws)."""
    crosstalk.lateral_spread_response(d, c, "zygomatic", "mentalis")
    crosstalk.simulate(d, c, stimulate="zygomatic", spontaneous=False, duration_ms=40.0, dt_ms=0.05)


def _spasm_view(d, c):
    """Two seconds of spontaneous activity in four muscles at 10 kHz."""
    crosstalk.simulate(d, c, duration_ms=2000.0, dt_ms=0.1, seed=0)


def _decompression(d, c):
    """LSR over a year after decompression (100 time points)."""
    crosstalk.decompress(d, c, days=365.0)


def _compression_view(severity, sbp):
    """Integrity over 40 years plus a blood-pressure comparison (13 curves' end points)."""
    compression.myelin_integrity(40.0, severity, 0.5, sbp, 40.0)
    for bp in np.linspace(100.0, 180.0, 12):
        compression.integrity_after(20.0, severity, 0.5, float(bp), 40.0)


CASES = [
    ("crosstalk: LSR view", _lsr_view, "demyelination x compression"),
    ("crosstalk: spontaneous 2 s", _spasm_view, "demyelination x compression"),
    ("crosstalk: decompress 1 y", _decompression, "demyelination x compression"),
    ("compression: 40-y course", _compression_view, "severity x systolic BP"),
]


def _percentiles(samples_ms):
    s = sorted(samples_ms)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return statistics.median(s), p95, s[-1]


def _grid(case_axes, n):
    if case_axes.startswith("severity"):
        return [(float(a), float(b)) for a in np.linspace(0.0, 1.0, n) for b in np.linspace(90.0, 200.0, n)]
    return [(float(a), float(b)) for a in np.linspace(0.0, 1.0, n) for b in np.linspace(0.0, 1.0, n)]


def _time(func, points):
    out = []
    for a, b in points:
        t0 = time.perf_counter()
        func(a, b)
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=int, default=11, help="points per slider (default 11)")
    args = parser.parse_args(argv)

    # warm what never depends on the sliders (import, fibre table, delay lines, kernels, seed draws)
    _lsr_view(0.5, 0.5)
    _spasm_view(0.5, 0.5)
    _decompression(0.5, 0.5)
    _compression_view(0.5, 120.0)

    print(f"numpy {np.__version__}, single thread; {args.grid} x {args.grid} sweep; target p95 <= {TARGET_MS:g} ms")
    print(f"{'case':30s} {'sweep':30s} {'cold p50':>9s} {'cold p95':>9s} {'max':>8s} "
          f"{'repeat p50':>11s} {'repeat p95':>11s}  ok")
    worst = 0.0
    for name, func, axes in CASES:
        points = _grid(axes, args.grid)
        crosstalk_lesion._seed_offsets.cache_clear()
        cold = _time(func, points)
        repeat = _time(func, points) if len(points) <= 64 else _time(func, points[-64:])
        c50, c95, cmax = _percentiles(cold)
        r50, r95, _ = _percentiles(repeat)
        worst = max(worst, c95)
        print(f"{name:30s} {axes:30s} {c50:8.2f}  {c95:8.2f}  {cmax:7.2f}  {r50:10.2f}  {r95:10.2f}  "
              f"{'yes' if c95 <= TARGET_MS else 'NO'}")
    print(f"worst cold p95: {worst:.2f} ms ({'within' if worst <= TARGET_MS else 'above'} the {TARGET_MS:g} ms target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
