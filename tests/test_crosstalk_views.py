"""Chapter 03 figures and views: they show what the physiology says, not merely "they run"."""

import re

import matplotlib
import numpy as np
import pytest

from hfs_edu.figures import crosstalk as xt_fig
from hfs_edu.figures import lsr_diagnostics, lsr_recording
from hfs_edu.figures.style import caption_of, render_png
from hfs_edu.models import crosstalk as ct
from hfs_edu.widgets.crosstalk import (
    HFS_COMPRESSION,
    HFS_DEMYELINATION,
    CrossTalkView,
    LSRView,
)

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
    assert re.search(r"9(\.0)? ± 1.09 ms", lsr_view.readout.value)  # compared with patients' value for this montage
    assert "inside" in lsr_view.readout.value and 8.0 <= _latency_in_readout(lsr_view.readout.value) <= 12.0
    lsr_view.set(stimulate="zygomatic", record="mentalis")


@pytest.mark.parametrize("stimulate, record", [("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi")])
@pytest.mark.parametrize("demyelination, compression", [(0.6, 0.6), (0.8, 0.7), (0.95, 1.0), (0.9, 0.3)])
def test_lsr_readout_compares_with_patients_within_one_sd(lsr_view, stimulate, record, demyelination, compression):
    """Wherever the view shows an LSR in the classic montages, it is inside 8-12 ms and within 1 SD of N50."""
    lsr_view.set(
        stimulate=stimulate, record=record, demyelination=demyelination, compression=compression, decompressed=False
    )
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
    budget = ct.latency_budget(0.8, 0.7, *pair)
    fig = lsr_recording.latency_budget_figure(budget, lsr.latency_ms, ct.lsr_latencies())
    bars = [p for p in fig.axes[0].patches if p.get_height() == pytest.approx(0.5) and p.get_y() > 1.5]
    assert len(bars) == 4
    assert sum(b.get_width() for b in bars) == pytest.approx(lsr.first_unit_latency_ms)
    assert f"onset read from the trace {lsr.latency_ms:.1f} ms" in caption_of(fig)
    assert caption_of(fig).startswith("The peripheral interpretation")
    if pair[0] == "marginal mandibular":
        assert "[N420]" in caption_of(fig)


def test_recording_the_stimulated_branch_own_muscle_explains_instead_of_failing(lsr_view):
    lsr_view.controls["stimulate"].value = "marginal mandibular"
    lsr_view.controls["record"].value = "mentalis"  # mentalis belongs to this branch
    assert lsr_view.error.value == ""
    assert "direct response" in lsr_view.readout.value and lsr_view.lsr is None
    lsr_view.controls["stimulate"].value = "zygomatic"
    assert lsr_view.lsr is not None and lsr_view.lsr.present


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
    assert 250 <= s.burst_frequency_hz <= 350  # Nielsen's after-discharges [S49]


def test_spasm_figure_zoom_is_fine_enough_to_measure_the_interval(hfs_sim):
    """Panel C: a 1 ms grid, so a 3-4 ms interval can be measured (and no Hz value is printed)."""
    fig, art = xt_fig.build_spasm(2000.0, ct.FIBRES_DEFAULT)
    xt_fig.update_spasm(art, hfs_sim, ct.spasm_summary(hfs_sim))
    minor = art.axes[2].xaxis.get_minor_locator()()
    assert np.allclose(np.diff(minor), 1.0)
    assert "Hz" not in art.texts["zoom"].get_text()
    assert sum(len(c.get_segments()) for c in art.zoom.values()) > 0
    title = art.axes[3].get_title(loc="left")
    assert "mV" in title and "model units" not in title


def test_views_update_artists_in_place(spasm_view, lsr_view):
    for view, params in (
        (spasm_view, dict(demyelination=0.9, compression=0.9)),
        (lsr_view, dict(demyelination=0.9, compression=0.5)),
    ):
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
            widget.value = (
                min(widget.max, old + 3 * widget.step)
                if old + widget.step <= widget.max
                else widget.max - 3 * widget.step
            )
        assert view.error.value == "", view.error.value
        assert view.image.value != base, f"{cls.__name__}: control {name!r} did not change the figure"
        widget.value = old
    assert view.image.value == base


# -- the other figures ----------------------------------------------------------------------------------


def _numeric(labels):
    texts = [t.get_text().replace("−", "-") for t in labels if t.get_text()]
    return bool(texts) and all(re.fullmatch(r"-?[0-9.,]+", x) for x in texts)


def _spasm():
    sim = ct.simulate(0.8, 0.7, duration_ms=1000)
    return xt_fig.spasm_figure(sim, ct.spasm_summary(sim))


def _decompression():
    res = {f"demyelination {d}, compression {c}": ct.decompress(d, c, days=60) for d, c in ((0.8, 0.8), (0.97, 0.8))}
    return lsr_diagnostics.decompression_figure(res, ct.decompression_signs())


FIGURES = {
    "journey": lambda: xt_fig.journey_figure([ct.journey(d) for d in (0.0, 0.9, 0.97)]),
    "conduction": lambda: xt_fig.conduction_figure(ct.conduction_curve()),
    "coupling_map": lambda: xt_fig.coupling_map_figure(ct.coupling_map(n_grid=11)),
    "spasm": _spasm,
    "lsr": lambda: lsr_recording.lsr_figure(ct.lateral_spread_response(0.8, 0.7), ct.direct_response("zygomatic")),
    "latency_budget": lambda: lsr_recording.latency_budget_figure(
        ct.latency_budget(0.8, 0.7), ct.lateral_spread_response(0.8, 0.7).latency_ms, ct.lsr_latencies()
    ),
    "diagnostic": lambda: lsr_diagnostics.lsr_diagnostic_figure(ct.aligned_meta_analyses()),
    "outcome": lambda: lsr_diagnostics.outcome_frequency_figure(ct.natural_frequencies(40, 89, 8.9)),
    "theories": lsr_diagnostics.two_theories_figure,
    "decompression": _decompression,
}


@pytest.mark.parametrize("name", FIGURES)
def test_figures_have_captions_and_labelled_numeric_axes_with_units(name):
    before = matplotlib._pylab_helpers.Gcf.get_num_fig_managers()
    fig = FIGURES[name]()
    assert matplotlib._pylab_helpers.Gcf.get_num_fig_managers() == before  # no pyplot
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


def test_figure_fixes_from_the_student_review():
    """Fig 3.3 has its own caption; 3.8 names studies 'First author year'; 3.9 axis trimmed to the data and the
    one-year time point in the caption; 3.11 integer ticks and states in words."""
    assert caption_of(FIGURES["journey"]()) != caption_of(xt_fig.journey_figure([ct.journey(0.0)]))
    diag = FIGURES["diagnostic"]()
    labels = [t.get_text() for t in diag.axes[0].get_yticklabels()]
    assert any(t.startswith("Thirumala 2020") for t in labels) and not any("[S" in t for t in labels)
    out = FIGURES["outcome"]()
    assert "spasm-free at one year" in caption_of(out)
    assert out.axes[0].get_xlim()[1] < 1000
    dec = FIGURES["decompression"]()
    ticks = dec.axes[1].get_yticks()
    assert np.allclose(ticks, np.round(ticks))
    assert "demyelination 0.8, compression 0.8" in caption_of(dec)
    assert "53 patients at 1 week" in caption_of(dec)


# -- bad input -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, exc, name",
    [
        (lambda: xt_fig.spasm_figure("not a simulation", None), TypeError, "sim"),
        (lambda: xt_fig.journey_figure([0.0, 1.5]), TypeError, "journeys"),
        (lambda: xt_fig.journey_figure([ct.journey(0.1)] * 7), ValueError, "journeys"),
        (lambda: xt_fig.coupling_map_figure(None), TypeError, "cmap"),
        (lambda: xt_fig.build_spasm(duration_ms=1.0), ValueError, "duration_ms"),
        (lambda: xt_fig.build_spasm(n_fibres=10), ValueError, "n_fibres"),
        (lambda: xt_fig.build_spasm(n_fibres=24.9), TypeError, "n_fibres"),
        (lambda: lsr_recording.lsr_figure(None), TypeError, "lsr"),
        (
            lambda: lsr_recording.latency_budget_figure(ct.latency_budget(0.0, 0.0), 9.0, ct.lsr_latencies()),
            ValueError,
            "budget",
        ),
        (lambda: lsr_diagnostics.decompression_figure({}, ct.decompression_signs()), TypeError, "results"),
        (lambda: CrossTalkView().set(demyelination=float("inf")), ValueError, "demyelination"),
        (lambda: CrossTalkView().set(demyelination=True), TypeError, "demyelination"),
        (lambda: CrossTalkView().set(pulsation=1.5), ValueError, "pulsation"),
        (lambda: CrossTalkView(episode=12), ValueError, "episode"),
        (lambda: LSRView().set(decompressed=1), TypeError, "decompressed"),
        (lambda: LSRView().set(record="platysma"), ValueError, "record"),
        (
            lambda: CrossTalkView().update(demyelination=1.5, compression=0.5, pulsation=0.5, episode=0),
            ValueError,
            "demyelination",
        ),
        (
            lambda: CrossTalkView().update(demyelination=0.5, compression=0.5, pulsation=0.5, episode=2.5),
            TypeError,
            "episode",
        ),
        (
            lambda: LSRView().update(
                stimulate="nose", record="mentalis", demyelination=0.5, compression=0.5, decompressed=False
            ),
            ValueError,
            "stimulate",
        ),
        (
            lambda: LSRView().update(
                stimulate="zygomatic", record="mentalis", demyelination=0.5, compression="high", decompressed=False
            ),
            TypeError,
            "compression",
        ),
    ],
)
def test_bad_input_names_the_parameter(call, exc, name):
    with pytest.raises(exc, match=name):
        call()


def test_a_bad_control_value_shows_a_message_instead_of_failing():
    view = CrossTalkView()
    view.controls["episode"].value = 3
    assert view.error.value == ""
    with pytest.raises(TypeError, match="episode"):
        view.set(episode="x")


@pytest.mark.parametrize(
    "cls, moves",
    [
        (
            LSRView,
            [
                dict(stimulate="marginal mandibular"),
                dict(record="orbicularis oculi"),
                dict(stimulate="zygomatic"),
                dict(record="mentalis"),
                dict(demyelination=0.6),
                dict(compression=0.5),
                dict(decompressed=True),
            ],
        ),
        (CrossTalkView, [dict(demyelination=0.6), dict(compression=0.5), dict(pulsation=0.9), dict(episode=3)]),
    ],
)
def test_controls_never_redraw_the_whole_figure(cls, moves, monkeypatch):
    """Speed by call counts, not timings: after a montage has been seen once, every control only blits."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    view = cls()
    for m in moves:
        view.set(**m)
    draws = []
    original = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw", lambda self, *a, **k: (draws.append(1), original(self, *a, **k))[1])
    for m in moves * 2:
        view.set(**m)
    assert draws == []
