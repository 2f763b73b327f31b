"""Cross-talk toy model of hemifacial spasm (chapter 03).

A small bundle of motor fibres (default 24) crosses the compression site. The fibres of
the four branches are intermingled, because the intracranial facial nerve has no
fascicles [S51; N12]: temporal -> frontalis, zygomatic -> orbicularis oculi, buccal ->
orbicularis oris, marginal mandibular -> mentalis.

Modules, by concept:

* :mod:`.core` - fibres, geometry, conduction through the lesion (:func:`conduction_curve`) and
  ephaptic transfer (closed forms; healthy myelin never cross-talks);
* :mod:`.events` - ectopic after-discharge trains at 250-350 Hz [S49], paced by the pulse;
* :mod:`.emg` - motor-unit potentials, EMG traces and their analysis;
* :mod:`.bundle` - :func:`simulate` (spike times, EMG) and :func:`spasm_summary`;
* :mod:`.lsr` - :func:`lateral_spread_response`, :func:`direct_response`,
  :func:`latency_budget` (and its comparison with intraoperative measurements [N420]),
  :func:`coupling_map`, :func:`lsr_recording`;
* :mod:`.decompression` - :func:`decompress`: the LSR while the myelin recovers;
* :mod:`.diagnostics` - the LSR as a clinical test: measured latencies, meta-analyses,
  natural frequencies, Nielsen's signs after decompression [S50].

This is a teaching model: every ``TC`` constant is a teaching calibration chosen to
reproduce sourced observations (LSR about 9-10 ms [S59; N50], transfer about 1 ms
[N52]), not a measurement. Its latency budget is the *peripheral interpretation* of the
LSR; intraoperative recordings put the response about 2.5 ms later than the measured
round trip [N420], see :meth:`LatencyBudget.compare_measured`. ``data/crosstalk_parameters.csv``
lists every parameter with its unit, source, tier and note. Everything is deterministic
for a given ``seed``.
"""

from __future__ import annotations

from .bundle import (
    STIM_TIME_MS,
    Simulation,
    SimulationParams,
    SpasmSummary,
    simulate,
    spasm_summary,
)
from .core import (
    BRANCH_MUSCLE,
    BRANCHES,
    FIBRES_DEFAULT,
    GEOMETRY,
    MUSCLES,
    ConductionCurve,
    Geometry,
    Journey,
    conduction_curve,
    conduction_velocity,
    ephaptic_drive_mv,
    ephaptic_threshold_mv,
    journey,
    safety_factor,
)
from .decompression import Decompression, decompress
from .diagnostics import (
    LSR_WINDOW_HIGH_MS,
    LSR_WINDOW_LOW_MS,
    NaturalFrequencies,
    PatientLatency,
    aligned_meta_analyses,
    decompression_signs,
    in_window,
    lsr_latencies,
    natural_frequencies,
    patient_latency,
)
from .emg import (
    burst_overlap_fraction,
    emg_envelope,
    onset_latency_ms,
    synkinesis_index,
)
from .lsr import (
    LSR_WINDOW_MS,
    CouplingMap,
    DirectResponse,
    LatencyBudget,
    LatencyComparison,
    LateralSpreadResponse,
    LSRRecording,
    coupling_map,
    direct_response,
    latency_budget,
    lateral_spread_response,
    lsr_recording,
    montage,
)

__all__ = [
    "BRANCHES",
    "MUSCLES",
    "BRANCH_MUSCLE",
    "FIBRES_DEFAULT",
    "GEOMETRY",
    "Geometry",
    "STIM_TIME_MS",
    "LSR_WINDOW_MS",
    "LSR_WINDOW_LOW_MS",
    "LSR_WINDOW_HIGH_MS",
    "Simulation",
    "SimulationParams",
    "SpasmSummary",
    "LateralSpreadResponse",
    "DirectResponse",
    "LatencyBudget",
    "LatencyComparison",
    "CouplingMap",
    "Decompression",
    "Journey",
    "PatientLatency",
    "NaturalFrequencies",
    "ConductionCurve",
    "conduction_curve",
    "conduction_velocity",
    "safety_factor",
    "ephaptic_drive_mv",
    "ephaptic_threshold_mv",
    "journey",
    "simulate",
    "spasm_summary",
    "lateral_spread_response",
    "direct_response",
    "latency_budget",
    "coupling_map",
    "decompress",
    "montage",
    "lsr_recording",
    "LSRRecording",
    "emg_envelope",
    "onset_latency_ms",
    "synkinesis_index",
    "burst_overlap_fraction",
    "in_window",
    "lsr_latencies",
    "patient_latency",
    "decompression_signs",
    "aligned_meta_analyses",
    "natural_frequencies",
]
