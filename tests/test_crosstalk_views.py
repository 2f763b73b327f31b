"""Chapter 03 figures and views: they show what the physiology says, not merely "they run"."""
import re

import matplotlib
import numpy as np
import pytest
from matplotlib.collections import LineCollection

from hfs_edu.figures import crosstalk as xt_fig
from hfs_edu.figures import lsr as lsr_fig
from hfs_edu.figures.style import caption_of, render_png
from hfs_edu.models import crosstalk as ct
from hfs_edu.widgets.crosstalk import HFS_COMPRESSION, HFS_DEMYELINATION, CrossTalkView, LSRView

HFS = dict(demyelination=HFS_DEMYELINATION, compression=HFS_COMPRESSION)


@pytest.fixture(scope="module")
def lsr_view():
    return LSRView()


@pytest.fixture(scope="module")
def spasm_view():
    return CrossTalkView()


@pytest.fixture(scope="module")
def hfs_sim():
    return ct.simulate(HFS["demyelination"], HFS["compression"], duration_ms=2000)


# -- the LSR view ------------------------------------------------------------------------------------

def _latency_in_readout(html_text):
    m = re.search(r"onset <b>([0-9.]+) ms</b>", html_text)
    return float(m.group(1)) if m else None


def test_lsr_view_default_is_an_hfs_nerve_with_a_latency_in_the_8_to_12_ms_window(lsr_view):
    lsr_view.set(stimulate="zygomatic", record="mentalis", decompressed=False, **HFS)
    latency = _latency_in_readout(lsr_view.readout.value)
    assert latency is not None, lsr_view.readout.value
    assert 8.0 <= latency <= 12.0
    assert "inside" in lsr_view.readout.value and "present" in lsr_view.readout.value
    assert lsr_view.lsr.present and abs(lsr_view.lsr.latency_ms - latency) < 0.05
    # the figure marks the onset where the readout says it is
    assert lsr_view.art.marker.get_xdata()[0] == pytest.approx(lsr_view.lsr.latency_ms)


def test_lsr_view_reports_no_response_with_healthy_myelin(lsr_view):
    lsr_view.set(demyelination=0.0, compression=1.0, decompressed=False, stimulate="zygomatic", record="mentalis")
    assert "No response" in lsr_view.readout.value
    assert not lsr_view.lsr.present and _latency_in_readout(lsr_view.readout.value) is None
    assert len(lsr_view.art.marker.get_xdata()) == 0
    assert np.all(lsr_view.art.lsr.get_ydata() == 0)


def test_lsr_view_reports_no_response_after_decompression(lsr_view):
    lsr_view.set(decompressed=True, stimulate="zygomatic", record="mentalis", **HFS)
    assert "No response" in lsr_view.readout.value and "moved away" in lsr_view.readout.value
    assert "compression 0.00" in lsr_view.art.texts["state"].get_text()
    lsr_view.set(decompressed=False, **HFS)
    assert lsr_view.lsr.present


def test_lsr_is_bidirectional_in_the_view(lsr_view):
    lsr_view.set(stimulate="marginal mandibular", record="orbicularis oculi", decompressed=False, **HFS)
    assert lsr_view.lsr.present
    assert "9.0 ± 1.09 ms" in lsr_view.readout.value        # compared with patients' value for this montage
    assert "inside" in lsr_view.readout.value and 8.0 <= _latency_in_readout(lsr_view.readout.value) <= 12.0
    lsr_view.set(stimulate="zygomatic", record="mentalis")


@pytest.mark.parametrize("stimulate, record", [("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi")])
@pytest.mark.parametrize("demyelination, compression", [(0.6, 0.6), (0.8, 0.7), (0.95, 1.0), (0.9, 0.3)])
def test_lsr_readout_compares_with_patients_within_one_sd(lsr_view, stimulate, record, demyelination, compression):
    """Wherever the view shows an LSR in the classic montages, it is inside 8-12 ms and within 1 SD of N50."""
    lsr_view.set(stimulate=stimulate, record=record, demyelination=demyelination, compression=compression,
                 decompressed=False)
    text = lsr_view.readout.value
    if not lsr_view.lsr.present:
        assert "No response" in text
        return
    assert "inside" in text and "outside" not in text
    m = re.search(r"the model is ([0-9.]+) SD (earlier|later)", text)
    assert m and float(m.group(1)) <= 1.0, text
    assert "the first crossed the lesion in" in text
    transfer = float(re.search(r"crossed the lesion in ([0-9.]+) ms", text).group(1))
    assert 0.95 <= transfer <= 2.0
    lsr_view.set(stimulate="zygomatic", record="mentalis", **HFS)


@pytest.mark.parametrize("pair", [("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi")])
def test_latency_budget_figure_adds_up_to_the_model(pair):
    lsr = ct.lateral_spread_response(0.8, 0.7, *pair)
    fig = lsr_fig.latency_budget_figure(lsr)
    budget = ct.latency_budget(0.8, 0.7, *pair)
    assert fig.hfs_budget == budget
    bars = [p for p in fig.axes[0].patches if p.get_height() == pytest.approx(0.5)]
    assert len(bars) == 4
    assert sum(b.get_width() for b in bars) == pytest.approx(lsr.first_unit_latency_ms)
    assert f"onset read from the trace {lsr.latency_ms:.1f} ms" in caption_of(fig)


def test_recording_the_stimulated_branch_own_muscle_explains_instead_of_failing(lsr_view):
    lsr_view.controls["stimulate"].value = "marginal mandibular"
    lsr_view.controls["record"].value = "mentalis"            # mentalis belongs to this branch
    assert lsr_view.error.value == ""
    assert "direct response" in lsr_view.readout.value and lsr_view.lsr is None
    lsr_view.controls["stimulate"].value = "zygomatic"
    assert lsr_view.lsr is not None and lsr_view.lsr.present


def test_direct_response_comes_long_before_the_lsr():
    t, y, muscle = lsr_fig.direct_response(HFS["demyelination"], HFS["compression"], "zygomatic")
    assert muscle == "orbicularis oculi"
    onset = t[np.argmax(np.abs(y) > 0.05 * np.abs(y).max())]
    lsr = ct.lateral_spread_response(HFS["demyelination"], HFS["compression"])
    assert 0.3 < onset < 3.0 and lsr.latency_ms - onset > 5.0


# -- the spasm view and figures -------------------------------------------------------------------------

def _raster_segments(art):
    return sum(len(coll.get_segments()) for coll in art.raster.values())


@pytest.mark.parametrize("compression", [0.0, 0.5, 1.0])
def test_no_ectopic_spikes_with_healthy_myelin(spasm_view, compression):
    spasm_view.set(demyelination=0.0, compression=compression, pulsation=1.0, episode=0)
    assert _raster_segments(spasm_view.art) == 0
    assert spasm_view.summary.n_active == 0 and spasm_view.summary.eye_bursts == 0
    assert "quiet" in spasm_view.readout.value
    assert len(spasm_view.art.active.get_offsets()) == 0


def test_spasm_view_default_shows_synkinetic_spasms(spasm_view):
    spasm_view.set(pulsation=0.5, episode=0, **HFS)
    s = spasm_view.summary
    assert s.n_active > 0 and _raster_segments(spasm_view.art) > 0
    assert s.eye_bursts > 0 and s.co_bursts == s.eye_bursts
    assert f"{s.n_active} of {s.n_fibres} fibres" in spasm_view.readout.value
    assert 250 <= s.burst_frequency_hz <= 350                  # Nielsen's after-discharges [S49]


def test_emg_figure_eye_and_mouth_traces_overlap_in_time_during_spasm(hfs_sim):
    fig = xt_fig.emg_figure(hfs_sim)
    traces = {ax.get_lines()[0].get_label(): ax.get_lines()[0] for ax in fig.axes}
    t = traces["orbicularis oculi"].get_xdata()
    active = {m: np.abs(line.get_ydata()) > 0.02 for m, line in traces.items()}
    eye = active["orbicularis oculi"]
    mouth = active["orbicularis oris"] | active["mentalis"]
    assert eye.any() and mouth.any()
    # every eye burst (runs of activity, 25 ms gaps) has mouth activity within it
    eye_times = t[eye]
    starts = np.concatenate([[0], np.flatnonzero(np.diff(eye_times) > 25) + 1])
    ends = np.concatenate([starts[1:] - 1, [eye_times.size - 1]])
    for s, e in zip(starts, ends):
        window = (t >= eye_times[s] - 5) & (t <= eye_times[e] + 5)
        assert mouth[window].any(), f"eye burst at {eye_times[s]:.0f} ms without the mouth"
    assert fig.hfs_summary.co_bursts == fig.hfs_summary.eye_bursts > 0


def test_raster_figure_of_a_healthy_nerve_is_empty():
    fig = xt_fig.raster_figure(ct.simulate(0.0, 1.0, pulsation=1.0, duration_ms=1000))
    segs = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in segs) == 0
    assert caption_of(fig).startswith("0 of 24 fibres")


def test_views_update_artists_in_place(spasm_view, lsr_view):
    for view, params in ((spasm_view, dict(demyelination=0.9, compression=0.9)),
                         (lsr_view, dict(demyelination=0.9, compression=0.5))):
        fig, n = view.fig, len(view.fig.findobj())
        png = view.set(**params)
        assert png.startswith(b"\x89PNG") and view.image.value == png
        assert view.fig is fig and len(view.fig.findobj()) == n


@pytest.mark.parametrize("cls", [CrossTalkView, LSRView])
def test_every_control_changes_the_figure_from_the_default_state(cls):
    view = cls()
    base = view.image.value
    for name, widget in view.controls.items():
        old = widget.value
        if hasattr(widget, "options"):
            widget.value = next(o for o in widget.options if o != old)
        elif isinstance(old, bool):
            widget.value = not old
        else:
            widget.value = min(widget.max, old + 3 * widget.step) if old + widget.step <= widget.max else widget.max - 3 * widget.step
        assert view.error.value == "", view.error.value
        assert view.image.value != base, f"{cls.__name__}: control {name!r} did not change the figure"
        widget.value = old
    assert view.image.value == base


# -- the other figures ----------------------------------------------------------------------------------

def _numeric(labels):
    texts = [t.get_text().replace("−", "-") for t in labels if t.get_text()]
    return bool(texts) and all(re.fullmatch(r"-?[0-9.,]+", x) for x in texts)


FIGURES = {
    "journey": lambda: xt_fig.journey_figure([0.0, 0.9, 0.97]),
    "conduction": xt_fig.conduction_figure,
    "coupling_map": lambda: xt_fig.coupling_map_figure(n_grid=11),
    "spasm": lambda: xt_fig.spasm_figure(ct.simulate(0.8, 0.7, duration_ms=1000)),
    "raster": lambda: xt_fig.raster_figure(ct.simulate(0.8, 0.7, duration_ms=1000)),
    "emg": lambda: xt_fig.emg_figure(ct.simulate(0.8, 0.7, duration_ms=1000)),
    "lsr": lambda: lsr_fig.lsr_figure(ct.lateral_spread_response(0.8, 0.7), lsr_fig.direct_response(0.8, 0.7)),
    "latency_budget": lambda: lsr_fig.latency_budget_figure(ct.lateral_spread_response(0.8, 0.7)),
    "diagnostic": lsr_fig.lsr_diagnostic_figure,
    "outcome": lsr_fig.outcome_frequency_figure,
    "theories": lsr_fig.two_theories_figure,
    "decompression": lambda: lsr_fig.decompression_figure(days=60),
}


@pytest.mark.parametrize("name", FIGURES)
def test_figures_have_captions_and_labelled_numeric_axes_with_units(name):
    before = matplotlib._pylab_helpers.Gcf.get_num_fig_managers()
    fig = FIGURES[name]()
    assert matplotlib._pylab_helpers.Gcf.get_num_fig_managers() == before     # no pyplot
    assert len(caption_of(fig)) > 40
    render_png(fig)
    for ax in fig.axes:
        if not ax.axison:
            continue
        if _numeric(ax.get_xticklabels()):
            assert ax.get_xlabel(), f"{name}: an x axis with numbers has no label"
            assert "(" in ax.get_xlabel() or "percent" in ax.get_xlabel(), f"{name}: no unit in {ax.get_xlabel()!r}"
        if _numeric(ax.get_yticklabels()) and ax.get_ylabel() == "" and ax.get_label() != "<colorbar>":
            pytest.fail(f"{name}: a y axis with numbers has no label")


def test_model_numbers_are_marked_as_teaching_calibrations():
    for name in ("journey", "conduction", "coupling_map", "spasm", "lsr", "latency_budget", "decompression"):
        assert "[TC]" in caption_of(FIGURES[name]())


def test_meta_analyses_agree_once_aligned_specific_not_sensitive():
    rows = lsr_fig._aligned_rows()
    assert {r["label"].split("]")[0] + "]" for r in rows if r["mirrored"]} == {"[S65]", "[S66]"}
    for r in rows:
        sens, spec = r["aligned"]
        assert sens < 50 and spec > 85, r


def test_natural_frequencies_reproduce_the_pooled_predictive_values():
    # 91.1% cured [S13]; sensitivity 40%, specificity 89% [S63]
    f = lsr_fig.natural_frequencies(40, 89, 100 - 91.1)
    assert sum(f[k] for k in ("lsr_persists_and_spasm", "lsr_persists_cured", "lsr_gone_and_spasm",
                              "lsr_gone_cured")) == pytest.approx(1000)
    assert f["ppv_pct"] == pytest.approx(24.4, abs=3)           # measured at 1 year [S63]
    assert f["spasm_if_lsr_gone_pct"] == pytest.approx(4.0, abs=2.5)


def test_window_helper_and_decompression_caption_follow_the_model():
    assert lsr_fig.in_window(9.76) and not lsr_fig.in_window(7.5) and not lsr_fig.in_window(12.5)
    fig = lsr_fig.decompression_figure(days=60)
    moderate = fig.hfs_results["moderate damage (0.80, 0.80)"]
    assert moderate.units_before > 0 and moderate.day_lsr_gone == 0
    assert "vanishes at once" in caption_of(fig)


# -- bad input -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, exc, name", [
    (lambda: xt_fig.spasm_figure("not a simulation"), TypeError, "sim"),
    (lambda: xt_fig.spasm_summary(None), TypeError, "sim"),
    (lambda: xt_fig.journey_figure([0.0, 1.5]), ValueError, "demyelination"),
    (lambda: xt_fig.journey_figure([0.1] * 7), ValueError, "demyelination"),
    (lambda: xt_fig.coupling_map_figure(n_grid=3), ValueError, "n_grid"),
    (lambda: xt_fig.draw_spasm(duration_ms=1.0), ValueError, "duration_ms"),
    (lambda: lsr_fig.lsr_figure(None), TypeError, "lsr"),
    (lambda: lsr_fig.latency_budget_figure(ct.lateral_spread_response(0.0, 0.0)), ValueError, "lsr"),
    (lambda: lsr_fig.direct_response(0.5, 0.5, "nose"), ValueError, "stimulate_branch"),
    (lambda: lsr_fig.natural_frequencies(120, 89, 9), ValueError, "sensitivity_pct"),
    (lambda: lsr_fig.natural_frequencies(40, 89, -1), ValueError, "persist_pct"),
    (lambda: lsr_fig.decompression_figure(age_years=130), ValueError, "age_years"),
    (lambda: CrossTalkView().update(demyelination=1.5, compression=0.5, pulsation=0.5, episode=0), ValueError,
     "demyelination"),
    (lambda: CrossTalkView().update(demyelination=0.5, compression=0.5, pulsation=0.5, episode=2.5), TypeError,
     "episode"),
    (lambda: LSRView().update(stimulate="nose", record="mentalis", demyelination=0.5, compression=0.5,
                              decompressed=False), ValueError, "stimulate"),
    (lambda: LSRView().update(stimulate="zygomatic", record="mentalis", demyelination=0.5, compression="high",
                              decompressed=False), TypeError, "compression"),
])
def test_bad_input_names_the_parameter(call, exc, name):
    with pytest.raises(exc, match=name):
        call()


def test_a_bad_control_value_shows_a_message_instead_of_failing():
    view = CrossTalkView()
    view.controls["episode"].value = 3
    assert view.error.value == ""
    with pytest.raises(TypeError, match="episode"):
        view.set(episode="x")
