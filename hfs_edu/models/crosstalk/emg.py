"""Motor units and EMG of the cross-talk model (chapter 03), and the analysis of EMG traces.

Each impulse that reaches a muscle adds one motor-unit action potential (MUAP, a biphasic
Hermite-Rodriguez waveform) placed with sub-sample precision; the sum over units is
computed by FFT convolution. The public helpers analyse traces (onset latency, envelope,
synkinesis index, burst overlap).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..._params import array, integer, number, validated
from ..._validate import check_array
from .core import Fibres

__all__ = [
    "CMAP_AMPLITUDE_MV",
    "unit_amplitudes_mv",
    "muap_kernel",
    "synthesize_emg",
    "emg_envelope",
    "onset_latency_ms",
    "synkinesis_index",
    "burst_overlap_fraction",
]

# -- motor units and EMG ---------------------------------------------------------------------------
CMAP_AMPLITUDE_MV = 1.0  # TC: all units of a muscle together (frontalis normal > 0.4 mV [N56])
MUAP_AMPLITUDE_SPREAD = 0.2  # TC: +-20% unit-to-unit amplitude spread
MUAP_SIGMA_MS = 0.8  # TC: width of the biphasic MUAP (about 5 ms long)
ONSET_FRACTION = 0.05  # TC: onset = first crossing of 5% of the response's peak
ENVELOPE_WINDOW_MS = 20.0  # TC: moving-average window of the rectified EMG envelope

DT_MS = number(0.001, 1.0, unit="ms", doc="Sampling step of the traces.")
WINDOW_MS = number(0.1, 1000.0, unit="ms", doc="Moving-average window of the envelope.")
TRACE_MV = array(ndim=1, unit="mV", doc="An EMG trace (1-D, finite).")


def unit_amplitudes_mv(fib: Fibres) -> np.ndarray:
    """Peak MUAP amplitude (mV) of each fibre's motor unit for a :class:`~.core.Fibres` bundle."""
    per_branch = fib.n // 4
    return CMAP_AMPLITUDE_MV / per_branch * (1.0 + MUAP_AMPLITUDE_SPREAD * fib.unit_size)


@lru_cache(maxsize=32)
def muap_kernel(dt_ms: float) -> np.ndarray:
    """Unit-peak biphasic MUAP sampled at ``dt_ms``; take-off (5% of peak) at lag 0."""
    n = int(np.ceil(6.0 * MUAP_SIGMA_MS / dt_ms)) + 1
    x = np.arange(n) * dt_ms / MUAP_SIGMA_MS - 3.0
    k = -x * np.exp(-0.5 * x * x)
    k /= np.abs(k).max()
    k.setflags(write=False)
    return k


@lru_cache(maxsize=16)
def _kernel_fft(dt_ms: float, n_fft: int) -> np.ndarray:
    out = np.fft.rfft(muap_kernel(dt_ms), n_fft)
    out.setflags(write=False)
    return out


@validated(n_samples=integer(1, 10_000_000, doc="Samples of the trace."), dt_ms=DT_MS)
def synthesize_emg(times_ms: np.ndarray, weights_mv: np.ndarray, n_samples: int, dt_ms: float) -> np.ndarray:
    """Sum of MUAPs: one per arrival time in ``times_ms`` (ndarray, ms), scaled by its unit's amplitude in
    ``weights_mv`` (ndarray, mV, same shape).

    {parameters}
    """
    if times_ms.size == 0:
        return np.zeros(n_samples)
    pos = times_ms / dt_ms
    i0 = np.floor(pos).astype(int)
    frac = pos - i0
    train = np.bincount(np.clip(i0, 0, n_samples + 1), weights_mv * (1.0 - frac), minlength=n_samples + 2)
    train += np.bincount(np.clip(i0 + 1, 0, n_samples + 1), weights_mv * frac, minlength=n_samples + 2)
    train = train[:n_samples]
    kernel_len = muap_kernel(dt_ms).size
    n_fft = 1 << int(np.ceil(np.log2(n_samples + kernel_len)))
    out = np.fft.irfft(np.fft.rfft(train, n_fft) * _kernel_fft(dt_ms, n_fft), n_fft)
    return out[:n_samples]


# -- analysis helpers (public) --------------------------------------------------------------------


@validated(
    time_ms=array(ndim=1, unit="ms", doc="Sample times, increasing (at least 2)."),
    trace_mv=array(ndim=1, unit="mV", doc="The EMG trace at those times."),
    fraction=number(
        0.0, 1.0, lo_inclusive=False, hi_inclusive=False, doc="Detection level relative to the peak of |trace|."
    ),
)
def onset_latency_ms(time_ms, trace_mv, fraction: float = ONSET_FRACTION) -> float:
    """Return the first time |trace| reaches ``fraction`` of its peak (linear interpolation).

    ``time_ms`` and ``trace_mv`` have the same length (at least 2 samples).

    {parameters}

    Returns
    -------
    float
        Onset time in ms; ``nan`` for a flat (all-zero) trace.
    """
    t = check_array("time_ms", time_ms, ndim=1, min_size=2)
    y = np.abs(check_array("trace_mv", trace_mv, ndim=1, min_size=2))
    if t.size != y.size:
        raise ValueError(f"time_ms and trace_mv must have the same length, got {t.size} and {y.size}")
    peak = y.max()
    if peak <= 0.0:
        return float("nan")
    level = fraction * peak
    i = int(np.argmax(y >= level))
    if i == 0:
        return float(t[0])
    return float(t[i - 1] + (level - y[i - 1]) / (y[i] - y[i - 1]) * (t[i] - t[i - 1]))


def _envelope(y: np.ndarray, dt: float, window_ms: float) -> np.ndarray:
    n = max(1, int(round(window_ms / dt)))
    return np.convolve(np.abs(y), np.ones(n) / n, mode="same")


@validated(trace_mv=TRACE_MV, dt_ms=DT_MS, window_ms=WINDOW_MS)
def emg_envelope(trace_mv, dt_ms: float, window_ms: float = ENVELOPE_WINDOW_MS) -> np.ndarray:
    """Return the rectified EMG ``trace_mv`` smoothed by a moving average (mV; same length as
    the trace, or as the window if that is longer).

    {parameters}
    """
    return _envelope(check_array("trace_mv", trace_mv, ndim=1), dt_ms, window_ms)


def _two_traces(trace_a_mv, trace_b_mv, dt_ms, window_ms):
    a = check_array("trace_a_mv", trace_a_mv, ndim=1)
    b = check_array("trace_b_mv", trace_b_mv, ndim=1)
    if a.size != b.size:
        raise ValueError(f"trace_a_mv and trace_b_mv must have the same length, got {a.size} and {b.size}")
    return _envelope(a, dt_ms, window_ms), _envelope(b, dt_ms, window_ms)


@validated(trace_a_mv=TRACE_MV, trace_b_mv=TRACE_MV, dt_ms=DT_MS, window_ms=WINDOW_MS)
def synkinesis_index(trace_a_mv, trace_b_mv, dt_ms: float, window_ms: float = ENVELOPE_WINDOW_MS) -> float:
    """Correlation (-1..1) of two muscles' EMG envelopes: near 1 when they contract together.

    ``trace_a_mv``, ``trace_b_mv``: EMG traces of the two muscles, same length and step.

    {parameters}

    Returns 0 if either muscle is silent (constant envelope).
    """
    a, b = _two_traces(trace_a_mv, trace_b_mv, dt_ms, window_ms)
    if a.std() == 0.0 or b.std() == 0.0:
        return 0.0
    return float(np.clip(np.corrcoef(a, b)[0, 1], -1.0, 1.0))


def _bursts(envelope: np.ndarray, level: float) -> list[tuple[int, int]]:
    on = np.concatenate([[False], envelope > level, [False]])
    edges = np.flatnonzero(np.diff(on.astype(int)))
    return list(zip(edges[::2], edges[1::2]))


@validated(
    trace_a_mv=TRACE_MV,
    trace_b_mv=TRACE_MV,
    dt_ms=DT_MS,
    level_mv=number(0.0, 10.0, lo_inclusive=False, unit="mV", doc="Envelope level of a burst."),
    window_ms=WINDOW_MS,
)
def burst_overlap_fraction(
    trace_a_mv, trace_b_mv, dt_ms: float, level_mv: float = 0.02, window_ms: float = ENVELOPE_WINDOW_MS
) -> float:
    """Fraction of EMG bursts in muscle A that overlap in time with a burst in muscle B.

    A burst is a stretch where the envelope (:func:`emg_envelope`) exceeds ``level_mv``.
    Traces as in :func:`synkinesis_index`.

    {parameters}

    Returns ``nan`` if muscle A has no burst.
    """
    env_a, env_b = _two_traces(trace_a_mv, trace_b_mv, dt_ms, window_ms)
    a, b = _bursts(env_a, level_mv), _bursts(env_b, level_mv)
    if not a:
        return float("nan")
    hits = sum(any(s < be and bs < e for bs, be in b) for s, e in a)
    return hits / len(a)
