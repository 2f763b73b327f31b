"""Event and EMG layer of the cross-talk model (chapter 03): ectopic bursts, MUAPs, EMG analysis.

Used by :mod:`hfs_edu.models.crosstalk`; the public helpers here analyse its EMG traces.

* **Ectopic generator.** At the compression site each fibre has an ectopic
  "hazard" (events per ms) that rises above a threshold with
  ``demyelination x compression``, modulated by the arterial pulse. An event starts
  an after-discharge train at 250-350 Hz [S49]. Event times come from the
  *time-rescaling* construction: pre-drawn unit exponential variates are compared
  with the integrated hazard, so with a fixed seed a stronger drive can only bring
  events earlier and add events (never remove one). Hazards are integrated on a
  fixed internal grid (``HAZARD_STEP_MS``), so event times do not depend on the EMG
  sampling step.
* **EMG.** Each impulse that reaches a muscle adds one motor-unit action potential
  (MUAP, a biphasic Hermite-Rodriguez waveform) placed with sub-sample precision;
  the sum over units is computed by FFT convolution.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .._validate import check_array, check_number

__all__ = [
    "AFTERDISCHARGE_ISI_MIN_MS",
    "AFTERDISCHARGE_ISI_MAX_MS",
    "emg_envelope",
    "onset_latency_ms",
    "synkinesis_index",
    "burst_overlap_fraction",
]

# -- after-discharge trains ----------------------------------------------------------------------
AFTERDISCHARGE_ISI_MIN_MS = 2.9  # [S49:A] interspike frequency up to 350 Hz
AFTERDISCHARGE_ISI_MAX_MS = 4.0  # [S49:A] interspike frequency down to 250 Hz
AFTERDISCHARGE_MEAN_SPIKES = 6.0  # TC: spikes per train (geometric), ~20 ms brief bursts [S18]
AFTERDISCHARGE_MAX_SPIKES = 30  # TC: cap on the train length

# -- ectopic generator at the compression site ----------------------------------------------------
ECTOPIC_THRESHOLD = 0.45  # TC: drive (demyelination x compression units) above which a fibre fires ectopically
ECTOPIC_THRESHOLD_SPREAD = 0.2  # TC: +-20% fibre-to-fibre spread of that threshold
ECTOPIC_RATE_MAX_PER_S = 0.25  # TC: event rate per fibre per unit of suprathreshold drive
ECTOPIC_UNCOMPRESSED_FRACTION = 0.3  # TC: share of the ectopic drive left after decompression (bare axons)
ECTOPIC_DEAD_TIME_MS = 5.0  # TC: no new event until this long after a train ends
PULSE_DRIVE_GAIN = 1.0  # TC: pulsation 1 doubles the drive at the systolic peak
PULSE_SHARPNESS = 3.0  # TC: exponent that makes the pulse wave peaky
HEART_RATE_BPM = 70.0  # TC: a resting heart rate
HAZARD_STEP_MS = 0.5  # internal integration step of the hazard (independent of dt_ms)
MAX_EVENTS_PER_FIBRE = 64  # pre-drawn events per fibre (enough for 5 s at the strongest drive)

# -- motor units and EMG ---------------------------------------------------------------------------
REFRACTORY_MS = 1.0  # TC: a fibre cannot carry two impulses closer than this (absolute refractory period)
CMAP_AMPLITUDE_MV = 1.0  # TC: all units of a muscle together (frontalis normal > 0.4 mV [N56])
MUAP_AMPLITUDE_SPREAD = 0.2  # TC: +-20% unit-to-unit amplitude spread
MUAP_SIGMA_MS = 0.8  # TC: width of the biphasic MUAP (about 5 ms long)
ONSET_FRACTION = 0.05  # TC: onset = first crossing of 5% of the response's peak
ENVELOPE_WINDOW_MS = 20.0  # TC: moving-average window of the rectified EMG envelope


@lru_cache(maxsize=16)
def _draws(seed: int, n_fibres: int):
    """Pre-drawn random numbers for one seed: exponential variates, train lengths, ISIs (read-only)."""
    rng = np.random.default_rng(seed)
    expo = rng.exponential(1.0, (n_fibres, MAX_EVENTS_PER_FIBRE))
    p = 1.0 / AFTERDISCHARGE_MEAN_SPIKES
    counts = np.minimum(rng.geometric(p, (n_fibres, MAX_EVENTS_PER_FIBRE)), AFTERDISCHARGE_MAX_SPIKES)
    isi = rng.uniform(AFTERDISCHARGE_ISI_MIN_MS, AFTERDISCHARGE_ISI_MAX_MS,
                      (n_fibres, MAX_EVENTS_PER_FIBRE, AFTERDISCHARGE_MAX_SPIKES - 1))
    offsets = np.concatenate([np.zeros((n_fibres, MAX_EVENTS_PER_FIBRE, 1)), np.cumsum(isi, axis=2)], axis=2)
    for arr in (expo, counts, offsets):
        arr.setflags(write=False)
    return expo, counts, offsets


def pulse_wave(time_ms: np.ndarray, heart_rate_bpm: float) -> np.ndarray:
    """Arterial pulse shape 0..1 (0 at t = 0, systolic peak half a beat later)."""
    period_ms = 60_000.0 / heart_rate_bpm
    return (0.5 * (1.0 - np.cos(2.0 * np.pi * time_ms / period_ms))) ** PULSE_SHARPNESS


def ectopic_trains(drive: np.ndarray, threshold: np.ndarray, pulsation: float, heart_rate_bpm: float,
                   duration_ms: float, seed: int):
    """Return the ectopic impulse trains born at the lesion, one array of times per fibre.

    Parameters
    ----------
    drive : ndarray (n_fibres,)
        Mean ectopic drive of each fibre (``demyelination_i x compression factor``).
    threshold : ndarray (n_fibres,)
        Drive above which each fibre fires.
    pulsation, heart_rate_bpm, duration_ms, seed
        Pulse amplitude 0-1, heart rate, window length and random seed (validated by the caller).

    Returns
    -------
    trains : list of ndarray
        Spike times (ms) of each fibre's after-discharge trains inside the window.
    n_impulses : ndarray of int
        Per fibre, all impulses of the trains whose event starts inside the window
        (the whole train is counted, so the count is monotone in the drive).
    """
    n = drive.size
    expo, counts, offsets = _draws(seed, n)
    trains: list[np.ndarray] = [np.empty(0)] * n
    n_imp = np.zeros(n, dtype=int)
    active = np.flatnonzero(drive * (1.0 + PULSE_DRIVE_GAIN * pulsation) > threshold)
    if active.size == 0:
        return trains, n_imp
    grid = np.arange(0.0, duration_ms + HAZARD_STEP_MS, HAZARD_STEP_MS)
    shape = 1.0 + PULSE_DRIVE_GAIN * pulsation * pulse_wave(grid, heart_rate_bpm)
    rate = ECTOPIC_RATE_MAX_PER_S / 1000.0 * np.maximum(
        0.0, drive[active, None] * shape[None, :] / threshold[active, None] - 1.0)
    cum = np.concatenate([np.zeros((active.size, 1)),
                          np.cumsum(0.5 * (rate[:, 1:] + rate[:, :-1]) * HAZARD_STEP_MS, axis=1)], axis=1)
    for row, i in enumerate(active):
        lam = cum[row]
        t_free, spikes = 0.0, []
        for k in range(MAX_EVENTS_PER_FIBRE):
            target = np.interp(t_free, grid, lam) + expo[i, k]
            j = max(1, int(np.searchsorted(lam, target)))
            if j >= grid.size:
                break
            t_evt = grid[j - 1] + (target - lam[j - 1]) / max(lam[j] - lam[j - 1], 1e-300) * HAZARD_STEP_MS
            if t_evt >= duration_ms:
                break
            c = counts[i, k]
            burst = t_evt + offsets[i, k, :c]
            spikes.append(burst)
            n_imp[i] += c
            t_free = burst[-1] + ECTOPIC_DEAD_TIME_MS
        if spikes:
            t = np.concatenate(spikes)
            trains[i] = t[t < duration_ms]
    return trains, n_imp


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


def synthesize_emg(times_ms: np.ndarray, weights_mv: np.ndarray, n_samples: int, dt_ms: float) -> np.ndarray:
    """Sum of MUAPs: one per arrival time, scaled by its unit's amplitude (mV)."""
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

def onset_latency_ms(time_ms, trace_mv, fraction: float = ONSET_FRACTION) -> float:
    """Return the first time |trace| reaches ``fraction`` of its peak (linear interpolation).

    Parameters
    ----------
    time_ms : array_like
        Sample times (ms), increasing.
    trace_mv : array_like
        EMG trace (mV), same length.
    fraction : float, default ONSET_FRACTION
        Detection level relative to the peak of |trace|, 0 < fraction < 1.

    Returns
    -------
    float
        Onset time in ms; ``nan`` for a flat (all-zero) trace.
    """
    t = check_array("time_ms", time_ms, ndim=1, min_size=2)
    y = np.abs(check_array("trace_mv", trace_mv, ndim=1, min_size=2))
    f = check_number("fraction", fraction, 0.0, 1.0, lo_inclusive=False, hi_inclusive=False)
    if t.size != y.size:
        raise ValueError(f"time_ms and trace_mv must have the same length, got {t.size} and {y.size}")
    peak = y.max()
    if peak <= 0.0:
        return float("nan")
    level = f * peak
    i = int(np.argmax(y >= level))
    if i == 0:
        return float(t[0])
    return float(t[i - 1] + (level - y[i - 1]) / (y[i] - y[i - 1]) * (t[i] - t[i - 1]))


def _envelope(y: np.ndarray, dt: float, window_ms: float) -> np.ndarray:
    n = max(1, int(round(window_ms / dt)))
    return np.convolve(np.abs(y), np.ones(n) / n, mode="same")


def emg_envelope(trace_mv, dt_ms: float, window_ms: float = ENVELOPE_WINDOW_MS) -> np.ndarray:
    """Return the rectified EMG smoothed by a moving average of ``window_ms`` (same length, mV).

    Parameters
    ----------
    trace_mv : array_like
        EMG trace in mV (1-D, finite).
    dt_ms : float
        Sampling step of the trace (ms), 0.001-1.
    window_ms : float, default ENVELOPE_WINDOW_MS
        Averaging window (ms), 0.1-1000.
    """
    y = check_array("trace_mv", trace_mv, ndim=1)
    return _envelope(y, check_number("dt_ms", dt_ms, 0.001, 1.0), check_number("window_ms", window_ms, 0.1, 1000.0))


def _two_traces(trace_a_mv, trace_b_mv, dt_ms, window_ms):
    a = check_array("trace_a_mv", trace_a_mv, ndim=1)
    b = check_array("trace_b_mv", trace_b_mv, ndim=1)
    dt = check_number("dt_ms", dt_ms, 0.001, 1.0)
    w = check_number("window_ms", window_ms, 0.1, 1000.0)
    if a.size != b.size:
        raise ValueError(f"trace_a_mv and trace_b_mv must have the same length, got {a.size} and {b.size}")
    return _envelope(a, dt, w), _envelope(b, dt, w)


def synkinesis_index(trace_a_mv, trace_b_mv, dt_ms: float, window_ms: float = ENVELOPE_WINDOW_MS) -> float:
    """Correlation (-1..1) of two muscles' EMG envelopes: near 1 when they contract together.

    Parameters
    ----------
    trace_a_mv, trace_b_mv : array_like
        EMG traces (mV, 1-D, finite) of the two muscles, same length and step.
    dt_ms : float
        Sampling step (ms), 0.001-1.
    window_ms : float, default ENVELOPE_WINDOW_MS
        Envelope window (ms), 0.1-1000.

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


def burst_overlap_fraction(trace_a_mv, trace_b_mv, dt_ms: float, level_mv: float = 0.02,
                           window_ms: float = ENVELOPE_WINDOW_MS) -> float:
    """Fraction of EMG bursts in muscle A that overlap in time with a burst in muscle B.

    A burst is a stretch where the envelope (:func:`emg_envelope`) exceeds ``level_mv``
    (0 < level_mv <= 10 mV). Other arguments as in :func:`synkinesis_index`.
    Returns ``nan`` if muscle A has no burst.
    """
    env_a, env_b = _two_traces(trace_a_mv, trace_b_mv, dt_ms, window_ms)
    lvl = check_number("level_mv", level_mv, 0.0, 10.0, lo_inclusive=False)
    a, b = _bursts(env_a, lvl), _bursts(env_b, lvl)
    if not a:
        return float("nan")
    hits = sum(any(s < be and bs < e for bs, be in b) for s, e in a)
    return hits / len(a)
