"""Ectopic after-discharge trains at the compression site (chapter 03 cross-talk model).

At the compression site each fibre has an ectopic "hazard" (events per ms) that rises
above a threshold with ``demyelination x compression``, modulated by the arterial pulse.
An event starts an after-discharge train at 250-350 Hz [S49]. Event times come from the
*time-rescaling* construction: pre-drawn unit exponential variates are compared with the
integrated hazard, so with a fixed seed a stronger drive can only bring events earlier
and add events (never remove one). Hazards are integrated on a fixed internal grid
(``HAZARD_STEP_MS``), so event times do not depend on the EMG sampling step.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..._params import number, validated
from ..._params import seed as seed_param

__all__ = [
    "AFTERDISCHARGE_ISI_MIN_MS",
    "AFTERDISCHARGE_ISI_MAX_MS",
    "HEART_RATE_BPM",
    "PULSATION",
    "DURATION_MS",
    "HEART_RATE",
    "pulse_wave",
    "ectopic_trains",
]

# -- after-discharge trains ----------------------------------------------------------------------
AFTERDISCHARGE_ISI_MIN_MS = 2.9  # [S49:A] interspike frequency up to 350 Hz
AFTERDISCHARGE_ISI_MAX_MS = 4.0  # [S49:A] interspike frequency down to 250 Hz
AFTERDISCHARGE_MEAN_SPIKES = 6.0  # TC: spikes per train (geometric), ~20 ms brief bursts [S18]
AFTERDISCHARGE_MAX_SPIKES = 30  # TC: cap on the train length

# -- the ectopic generator -----------------------------------------------------------------------
ECTOPIC_RATE_MAX_PER_S = 0.25  # TC: event rate per fibre per unit of suprathreshold drive
ECTOPIC_DEAD_TIME_MS = 5.0  # TC: no new event until this long after a train ends
PULSE_DRIVE_GAIN = 1.0  # TC: pulsation 1 doubles the drive at the systolic peak
PULSE_SHARPNESS = 3.0  # TC: exponent that makes the pulse wave peaky
HEART_RATE_BPM = 70.0  # TC: a resting heart rate
HAZARD_STEP_MS = 0.5  # internal integration step of the hazard (independent of dt_ms)
MAX_EVENTS_PER_FIBRE = 64  # pre-drawn events per fibre (enough for 5 s at the strongest drive)

# -- parameter declarations (also used by :func:`.bundle.simulate`) -------------------------------
PULSATION = number(0.0, 1.0, doc="Arterial pulsation at the contact (paces the ectopic drive).")
DURATION_MS = number(20.0, 5000.0, unit="ms", doc="Length of the simulated window.")
HEART_RATE = number(30.0, 200.0, unit="beats/min", doc="Heart rate that paces the pulsation.")


@lru_cache(maxsize=16)
def _draws(seed: int, n_fibres: int):
    """Pre-drawn random numbers for one seed: exponential variates, train lengths, ISIs (read-only)."""
    rng = np.random.default_rng(seed)
    expo = rng.exponential(1.0, (n_fibres, MAX_EVENTS_PER_FIBRE))
    p = 1.0 / AFTERDISCHARGE_MEAN_SPIKES
    counts = np.minimum(rng.geometric(p, (n_fibres, MAX_EVENTS_PER_FIBRE)), AFTERDISCHARGE_MAX_SPIKES)
    isi = rng.uniform(
        AFTERDISCHARGE_ISI_MIN_MS,
        AFTERDISCHARGE_ISI_MAX_MS,
        (n_fibres, MAX_EVENTS_PER_FIBRE, AFTERDISCHARGE_MAX_SPIKES - 1),
    )
    offsets = np.concatenate([np.zeros((n_fibres, MAX_EVENTS_PER_FIBRE, 1)), np.cumsum(isi, axis=2)], axis=2)
    for arr in (expo, counts, offsets):
        arr.setflags(write=False)
    return expo, counts, offsets


@validated(heart_rate_bpm=HEART_RATE)
def pulse_wave(time_ms: np.ndarray, heart_rate_bpm: float) -> np.ndarray:
    """Arterial pulse shape 0..1 at the times ``time_ms`` (an array, ms): 0 at t = 0, systolic peak half a beat later.

    {parameters}
    """
    period_ms = 60_000.0 / heart_rate_bpm
    return (0.5 * (1.0 - np.cos(2.0 * np.pi * time_ms / period_ms))) ** PULSE_SHARPNESS


@validated(
    pulsation=PULSATION,
    heart_rate_bpm=HEART_RATE,
    duration_ms=DURATION_MS,
    seed=seed_param("Seed of the ectopic events. Same seed, same result."),
)
def ectopic_trains(
    drive: np.ndarray, threshold: np.ndarray, pulsation: float, heart_rate_bpm: float, duration_ms: float, seed: int
) -> tuple[list, np.ndarray]:
    """Return the ectopic impulse trains born at the lesion, one array of times per fibre.

    ``drive`` (ndarray, one per fibre) is the mean ectopic drive of each fibre
    (``demyelination_i x compression factor``); ``threshold`` (ndarray, same shape) the drive
    above which each fibre fires.

    {parameters}

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
    rate = (
        ECTOPIC_RATE_MAX_PER_S
        / 1000.0
        * np.maximum(0.0, drive[active, None] * shape[None, :] / threshold[active, None] - 1.0)
    )
    cum = np.concatenate(
        [np.zeros((active.size, 1)), np.cumsum(0.5 * (rate[:, 1:] + rate[:, :-1]) * HAZARD_STEP_MS, axis=1)], axis=1
    )
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
