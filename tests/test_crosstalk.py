"""Cross-talk toy model (chapter 03): physiology, not "it runs".

Each test states the observation it checks and, where there is one, its source.
Grids use a fixed seed. Tolerances for the dt-halving checks: LSR latency within
0.05 ms and amplitude within 2%; impulse times identical (they are computed in
continuous time).
"""
from __future__ import annotations

import csv
import math
import numbers
from pathlib import Path

import numpy as np
import pytest

from hfs_edu.models import compression, crosstalk, crosstalk_emg, crosstalk_lesion
from hfs_edu.models import crosstalk as xt

DATA = Path(__file__).resolve().parent.parent / "data"
GRID = np.round(np.linspace(0.0, 1.0, 11), 2)
PAIRS = [("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi"),
         ("temporal", "orbicularis oris"), ("buccal", "frontalis")]
DEFAULT = dict(demyelination=0.6, compression=0.6)     # just past the LSR threshold
STRONG = dict(demyelination=0.9, compression=0.8)      # severe lesion: spontaneous spasms


# -- single fibres: conduction -------------------------------------------------------------------


def test_healthy_conduction_velocity_is_physiological():
    """Facial nerve CV 33-46 m/s intraoperatively [N7]."""
    v = xt.conduction_velocity(0.0)
    assert 30.0 <= v <= 60.0
    assert 33.0 <= v <= 46.0


def test_demyelination_slows_then_blocks_abruptly():
    """CV falls with myelin loss, then drops to zero abruptly, not gradually [N54]."""
    d = np.linspace(0.0, 1.0, 201)
    v = np.array([xt.conduction_velocity(x) for x in d])
    assert np.all(np.diff(v) <= 0.0)
    assert xt.conduction_velocity(0.5) < 0.9 * v[0]
    assert xt.conduction_velocity(0.9) < 0.5 * v[0]
    blocked = d >= crosstalk_lesion.DEMYELINATION_BLOCK
    assert np.all(v[blocked] == 0.0) and np.all(v[~blocked] > 0.0)
    assert v[~blocked][-1] > 0.15 * v[0]                       # still conducting just before block
    assert xt.safety_factor(0.0) == crosstalk_lesion.SAFETY_FACTOR_HEALTHY
    assert xt.safety_factor(0.9) > 1.0 > xt.safety_factor(0.97)


def test_healthy_myelin_cannot_be_driven_to_threshold_at_any_compression():
    """Even a whole, perfectly synchronous branch volley stays far below threshold."""
    for c in GRID:
        assert xt.ephaptic_drive_mv(0.0, float(c), active_fraction=0.25) < 0.5 * xt.ephaptic_threshold_mv(0.0)
    assert xt.ephaptic_drive_mv(0.6, 0.9) > xt.ephaptic_drive_mv(0.6, 0.3) > xt.ephaptic_drive_mv(0.3, 0.3)
    assert xt.ephaptic_threshold_mv(1.0) < xt.ephaptic_threshold_mv(0.0)


# -- no cross-talk without demyelination; monotone in both sliders --------------------------------


@pytest.mark.parametrize("c", GRID)
def test_no_crosstalk_or_spurious_discharges_with_healthy_myelin(c):
    sim = xt.simulate(0.0, float(c), pulsation=1.0, duration_ms=2000.0, seed=1)
    assert sim.n_crosstalk == 0 and sim.n_ectopic == 0
    assert all(t.size == 0 for t in sim.lesion_spike_times_ms)
    for stim, rec in PAIRS:
        assert not xt.lateral_spread_response(0.0, float(c), stim, rec).present


def _grid_counts():
    ectopic = np.zeros((GRID.size, GRID.size))
    spont = np.zeros_like(ectopic)
    evoked = np.zeros_like(ectopic)
    units = np.zeros_like(ectopic)
    for i, d in enumerate(GRID):
        for j, c in enumerate(GRID):
            sim = xt.simulate(float(d), float(c), duration_ms=1500.0, seed=7)
            ectopic[i, j], spont[i, j] = sim.n_ectopic, sim.n_crosstalk
            evoked[i, j] = xt.simulate(float(d), float(c), duration_ms=60.0, stimulate="zygomatic",
                                       spontaneous=False).n_crosstalk
            units[i, j] = xt.lateral_spread_response(float(d), float(c)).n_units
    return ectopic, spont, evoked, units


def test_crosstalk_and_spurious_discharges_never_decrease_with_demyelination_or_compression():
    """Counted where they arise, at the lesion. What reaches the muscles can fall again at the very
    top of the demyelination slider, where some fibres block (checked separately below)."""
    ectopic, spont, evoked, units = _grid_counts()
    conducting = GRID < crosstalk_lesion.DEMYELINATION_BLOCK
    for name, counts in (("ectopic", ectopic), ("spontaneous cross-talk", spont), ("evoked cross-talk", evoked),
                         ("LSR units (no block)", units[conducting])):
        assert np.all(np.diff(counts, axis=0) >= 0), f"{name} decreases with demyelination"
        assert np.all(np.diff(counts, axis=1) >= 0), f"{name} decreases with compression"
        assert counts[-1, -1] > 0, f"{name} never appears"
        assert counts[0].sum() == 0, f"{name} with healthy myelin"


def test_spurious_discharges_grow_with_pulsation():
    counts = [xt.simulate(0.8, 0.7, pulsation=p, duration_ms=3000.0, seed=2).n_ectopic for p in GRID]
    assert np.all(np.diff(counts) >= 0) and counts[-1] > counts[0]


def test_decompression_stops_ectopic_activity_in_a_moderately_damaged_nerve():
    assert xt.simulate(0.6, 0.0, pulsation=1.0, duration_ms=3000.0).n_ectopic == 0


# -- the lateral spread response ---------------------------------------------------------------------


def test_lsr_zygomatic_to_mentalis_at_about_9_to_10_ms():
    """LSR about 10 ms [S59]; 9.76 +- 1.1 ms [N50]; 8.96 +- 0.72 ms [N57]."""
    lsr = xt.lateral_spread_response(**DEFAULT)
    assert lsr.present and lsr.n_units >= 1 and lsr.amplitude_mv > 0.0
    assert 8.0 <= lsr.latency_ms <= 12.0
    assert abs(lsr.latency_ms - xt.LSR_LATENCY_MENTALIS_MS) <= 1.1
    assert lsr.latency_ms > lsr.direct_latency_ms + 5.0
    assert lsr.first_unit_latency_ms <= lsr.latency_ms + 0.5


def test_lsr_is_bidirectional_with_similar_latency():
    """Transmission between zygomatic and mandibular branches works both ways [S49]."""
    fwd = xt.lateral_spread_response(0.6, 0.6, "zygomatic", "mentalis")
    rev = xt.lateral_spread_response(0.6, 0.6, "marginal_mandibular", "orbicularis_oculi")
    assert fwd.present and rev.present
    assert 8.0 <= rev.latency_ms <= 12.0
    assert abs(rev.latency_ms - xt.LSR_LATENCY_ORBICULARIS_OCULI_MS) <= 1.1
    assert abs(fwd.latency_ms - rev.latency_ms) <= 1.0


def test_lsr_latency_stays_in_the_clinical_range_wherever_it_is_present():
    latencies = [xt.lateral_spread_response(float(d), float(c), s, r).latency_ms
                 for d in GRID for c in GRID for s, r in PAIRS[:2]]
    present = np.array([x for x in latencies if not math.isnan(x)])
    assert present.size > 20
    assert 7.5 <= present.min() and present.max() <= 12.0        # strongest drives recruit fast fibres
    assert 8.0 <= np.median(present) <= 10.5


def test_ephaptic_transfer_takes_about_one_millisecond():
    """Two NAP peaks 1.1 ms apart distal to the compression; transmission ~1.0 ms [N52]."""
    lsr = xt.lateral_spread_response(**DEFAULT)
    assert 0.5 <= lsr.transfer_time_ms <= 1.5
    assert lsr.transfer_time_ms >= crosstalk_lesion.EPHAPSE_DELAY_MS


def test_orthodromic_lesion_to_muscle_time_matches_intracranial_stimulation():
    """REZ -> muscle about 5.0-5.6 ms: magnetic stimulation 4.5 ms [N61] + 0.5-1.1 ms [N7]."""
    fib = crosstalk_lesion._fibres(xt.FIBRES_DEFAULT)
    healthy = crosstalk_lesion._lesion(0.0, 0.0, fib)
    mouth = fib.branch == xt.MUSCLES.index("mentalis")
    assert abs(np.median(healthy.exit_ms[mouth]) - xt.REZ_TO_MUSCLE_LATENCY_MS) <= 0.6


def test_lsr_absent_with_healthy_myelin_and_grows_with_damage():
    assert not xt.lateral_spread_response(0.0, 1.0).present
    assert not xt.lateral_spread_response(0.3, 0.3).present
    weak, strong = xt.lateral_spread_response(0.6, 0.6), xt.lateral_spread_response(0.8, 0.8)
    assert strong.n_units > weak.n_units and strong.amplitude_mv > weak.amplitude_mv


def test_lsr_disappears_when_the_vessel_is_moved_away():
    assert xt.lateral_spread_response(**DEFAULT).present
    assert not xt.lateral_spread_response(DEFAULT["demyelination"], 0.0).present
    mvd = xt.decompress(**DEFAULT)
    assert mvd.units_before > 0 and mvd.day_lsr_gone == 0.0 and not mvd.lsr_present.any()


def test_lsr_of_a_near_bare_nerve_fades_only_as_the_myelin_recovers():
    """Delayed cure after MVD [S150]: LSR persists for days to weeks, then goes."""
    mvd = xt.decompress(0.95, 0.8, days=365.0)
    assert mvd.lsr_units[0] > 0
    assert 0.0 < mvd.day_lsr_gone < 365.0
    assert np.all(np.diff(mvd.lsr_units) <= 0)
    assert np.all(np.diff(mvd.demyelination) <= 0)


def test_conduction_block_weakens_the_lsr_of_a_bare_nerve():
    bare = xt.simulate(1.0, 1.0, duration_ms=60.0, stimulate="zygomatic", spontaneous=False)
    assert bare.fibre_blocked.any() and not bare.fibre_blocked.all()
    assert not xt.simulate(0.9, 1.0, duration_ms=60.0).fibre_blocked.any()


# -- spontaneous spasms -----------------------------------------------------------------------------


def test_spontaneous_spasm_makes_eye_and_mouth_contract_together():
    """Synchronous motor-unit activity in several facial muscles [N50]; synkinesis."""
    sim = xt.simulate(**STRONG, duration_ms=3000.0, seed=0)
    eye, chin, dt = sim.emg_mv["orbicularis oculi"], sim.emg_mv["mentalis"], sim.params["dt_ms"]
    assert np.abs(eye).max() > 0.1 and np.abs(chin).max() > 0.1
    assert crosstalk_emg.burst_overlap_fraction(eye, chin, dt) >= 0.9
    assert crosstalk_emg.burst_overlap_fraction(chin, eye, dt) >= 0.9
    assert crosstalk_emg.synkinesis_index(eye, chin, dt) > 0.8
    assert sim.n_crosstalk > sim.n_ectopic


def test_after_discharges_fire_at_250_to_350_hz():
    """After-activity trains with interspike frequency 250-350 Hz [S49]."""
    sim = xt.simulate(0.8, 0.6, pulsation=1.0, duration_ms=5000.0, seed=4)
    assert sim.n_ectopic > 0 and sim.n_crosstalk == 0            # isolated twitches, no spread
    isi = np.concatenate([np.diff(t) for t in sim.lesion_spike_times_ms if t.size > 1])
    in_train = isi[isi < 5.0]
    assert in_train.size > 10
    assert in_train.min() >= crosstalk_emg.AFTERDISCHARGE_ISI_MIN_MS - 1e-9
    assert in_train.max() <= crosstalk_emg.AFTERDISCHARGE_ISI_MAX_MS + 1e-9
    assert 250.0 <= 1000.0 / np.median(in_train) <= 350.0


def test_simulation_structure_and_labels():
    sim = xt.simulate(**STRONG, duration_ms=500.0, stimulate="zygomatic")
    n = xt.FIBRES_DEFAULT
    assert len(sim.spike_times_ms) == len(sim.lesion_spike_times_ms) == n
    assert set(sim.emg_mv) == set(xt.MUSCLES)
    assert all(v.shape == sim.time_ms.shape for v in sim.emg_mv.values())
    assert list(sim.fibre_branch[:4]) == list(xt.BRANCHES)
    for b, m in xt.BRANCH_MUSCLE.items():
        assert set(sim.fibre_muscle[sim.fibre_branch == b]) == {m}
    for t in sim.spike_times_ms:
        assert np.all(np.diff(t) >= crosstalk_emg.REFRACTORY_MS - 1e-9) and np.all((t >= 0) & (t < 500.0))
    assert sim.fibre_cv_m_per_s.min() >= crosstalk_lesion.FIBRE_CV_MIN_M_PER_S


# -- determinism and step size ------------------------------------------------------------------------


def test_same_seed_same_result_different_seed_different_spasms():
    a = xt.simulate(**STRONG, duration_ms=2000.0, seed=11)
    b = xt.simulate(**STRONG, duration_ms=2000.0, seed=11)
    c = xt.simulate(**STRONG, duration_ms=2000.0, seed=12)
    for m in xt.MUSCLES:
        np.testing.assert_array_equal(a.emg_mv[m], b.emg_mv[m])
    assert all(np.array_equal(x, y) for x, y in zip(a.spike_times_ms, b.spike_times_ms))
    assert not all(np.array_equal(x, y) for x, y in zip(a.spike_times_ms, c.spike_times_ms))


def test_halving_dt_barely_changes_the_results():
    for args in (DEFAULT, dict(demyelination=0.8, compression=0.7)):
        coarse = xt.lateral_spread_response(**args, dt_ms=0.1)
        fine = xt.lateral_spread_response(**args, dt_ms=0.05)
        assert abs(coarse.latency_ms - fine.latency_ms) <= 0.05
        assert fine.amplitude_mv == pytest.approx(coarse.amplitude_mv, rel=0.02)
    a = xt.simulate(**STRONG, duration_ms=1000.0, dt_ms=0.1)
    b = xt.simulate(**STRONG, duration_ms=1000.0, dt_ms=0.05)
    assert all(np.array_equal(x, y) for x, y in zip(a.spike_times_ms, b.spike_times_ms))
    for m in xt.MUSCLES:
        ea, eb = np.sum(a.emg_mv[m] ** 2) * 0.1, np.sum(b.emg_mv[m] ** 2) * 0.05
        assert eb == pytest.approx(ea, rel=0.02)


# -- bad input ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs, exc, name", [
    (dict(demyelination=float("nan")), ValueError, "demyelination"),
    (dict(demyelination=1.01), ValueError, "demyelination"),
    (dict(compression=float("inf")), ValueError, "compression"),
    (dict(compression="high"), TypeError, "compression"),
    (dict(pulsation=-0.5), ValueError, "pulsation"),
    (dict(n_fibres=25), ValueError, "n_fibres"),
    (dict(n_fibres=24.0), TypeError, "n_fibres"),
    (dict(n_fibres=400), ValueError, "n_fibres"),
    (dict(duration_ms=0.0), ValueError, "duration_ms"),
    (dict(dt_ms=float("nan")), ValueError, "dt_ms"),
    (dict(stimulate="ophthalmic"), ValueError, "stimulate"),
    (dict(stimulate=3), TypeError, "stimulate"),
    (dict(spontaneous=1), TypeError, "spontaneous"),
    (dict(heart_rate_bpm=400.0), ValueError, "heart_rate_bpm"),
    (dict(seed=-1), ValueError, "seed"),
    (dict(seed=1.5), TypeError, "seed"),
])
def test_simulate_rejects_bad_input_naming_the_parameter(kwargs, exc, name):
    args = dict(demyelination=0.5, compression=0.5)
    args.update(kwargs)
    with pytest.raises(exc, match=name):
        xt.simulate(**args)


@pytest.mark.parametrize("call, exc, name", [
    (lambda: xt.lateral_spread_response(0.5, 0.5, "zygomatic", "orbicularis oculi"), ValueError, "record_muscle"),
    (lambda: xt.lateral_spread_response(0.5, 0.5, record_muscle="platysma"), ValueError, "record_muscle"),
    (lambda: xt.lateral_spread_response(0.5, 0.5, stimulate_branch=None), TypeError, "stimulate_branch"),
    (lambda: xt.lateral_spread_response(0.5, 0.5, dt_ms=0.0), ValueError, "dt_ms"),
    (lambda: xt.lateral_spread_response(-0.1, 0.5), ValueError, "demyelination"),
    (lambda: xt.conduction_velocity(float("nan")), ValueError, "demyelination"),
    (lambda: xt.conduction_velocity(0.5, healthy_cv_m_per_s=0.0), ValueError, "healthy_cv_m_per_s"),
    (lambda: xt.safety_factor(True), TypeError, "demyelination"),
    (lambda: xt.ephaptic_drive_mv(0.5, 0.5, active_fraction=2.0), ValueError, "active_fraction"),
    (lambda: xt.decompress(0.5, 0.5, days=0.0), ValueError, "days"),
    (lambda: xt.decompress(0.5, 0.5, age_years=float("nan")), ValueError, "age_years"),
    (lambda: crosstalk_emg.onset_latency_ms([0, 1], [0, 1, 2]), ValueError, "same length"),
    (lambda: crosstalk_emg.emg_envelope([0.0, float("nan")], 0.1), ValueError, "trace_mv"),
    (lambda: crosstalk_emg.synkinesis_index([0.0, 1.0], [0.0, 1.0], dt_ms=-1.0), ValueError, "dt_ms"),
    (lambda: crosstalk_emg.synkinesis_index([0.0, float("inf")], [0.0, 1.0], 0.1), ValueError, "trace_a_mv"),
    (lambda: crosstalk_emg.burst_overlap_fraction([0.0, 1.0], [0.0], 0.1), ValueError, "same length"),
    (lambda: xt.decompress(0.5, 0.5, n_points=5000), ValueError, "n_points"),
])
def test_other_functions_reject_bad_input(call, exc, name):
    with pytest.raises(exc, match=name):
        call()


# -- the parameter table -------------------------------------------------------------------------------------

MODULES = {"crosstalk": crosstalk, "crosstalk_lesion": crosstalk_lesion, "crosstalk_emg": crosstalk_emg,
           "compression": compression}


def _table():
    with (DATA / "crosstalk_parameters.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _bibliography_keys():
    keys = set()
    for path in DATA.glob("*bibliography*.csv"):
        with path.open(encoding="utf-8") as fh:
            keys |= {row["key"] for row in csv.DictReader(fh)}
    return keys


def test_module_constants_equal_the_parameter_table():
    rows = _table()
    assert [*rows[0]] == ["parameter", "value", "unit", "source_key", "tier", "note"]
    for row in rows:
        module, name = row["parameter"].split(".")
        assert getattr(MODULES[module], name) == pytest.approx(float(row["value"]), rel=1e-12), row["parameter"]


def test_every_numeric_constant_is_in_the_table():
    listed = {row["parameter"] for row in _table()}
    for short, mod in MODULES.items():
        source = Path(mod.__file__).read_text(encoding="utf-8")
        for name, value in vars(mod).items():
            if (name.isupper() and not name.startswith("_") and isinstance(value, numbers.Real)
                    and not isinstance(value, bool)
                    and f"\n{name} = " in source):
                assert f"{short}.{name}" in listed, f"{short}.{name} is missing from data/crosstalk_parameters.csv"


def test_every_parameter_is_sourced_or_a_teaching_calibration():
    known = _bibliography_keys()
    for row in _table():
        keys = [k.strip() for k in row["source_key"].split(";") if k.strip()]
        assert keys and row["unit"] and row["note"], row["parameter"]
        assert row["tier"] in {"A", "B", "C", "T"}, row["parameter"]
        assert (row["tier"] == "T") == (keys == ["TC"]), f"{row['parameter']}: TC rows have tier T and vice versa"
        assert set(keys) <= known, f"{row['parameter']}: unknown source keys {set(keys) - known}"
