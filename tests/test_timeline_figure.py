"""The treatment timeline figure (chapters 07-09): its artists match the history it draws."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from hfs_edu.figures import timeline as F
from hfs_edu.figures.style import caption_of, render_png
from hfs_edu.models import timeline as T


def _history(seed=3):
    events = [T.injection(d) for d in (0.0, 91.0, 182.0, 273.0)]
    events += [T.start_drug(300.0, "carbamazepine"), T.stop_drug(380.0, "carbamazepine"), T.operation(500.0)]
    h = T.treatment_history(events)
    return T.treatment_history(h.events, h.intervals + T.sample_side_effect_intervals(h, seed=seed))


def test_one_marker_per_event_and_one_bar_per_interval():
    h = _history()
    fig, art = F.build_timeline(T.symptom_curve(h))
    counts = art.event_counts()
    for kind in T.EVENT_KINDS:
        days = sorted(e.day / 30.44 for e in h.events if e.kind == kind)
        assert counts[kind] == len(days)
        assert np.allclose(sorted(art.events[kind].get_xdata()), days)
    want = {}
    for iv in h.intervals:
        want[(iv.kind, iv.label)] = want.get((iv.kind, iv.label), 0) + 1
    assert art.bar_counts() == want
    assert want[("drug", "carbamazepine")] == 1  # passing a history's intervals back in does not duplicate the course


def test_curves_are_the_timelines_and_the_threshold_is_the_models():
    tl = T.symptom_curve(_history())
    _, art = F.build_timeline(tl, unit="days")
    assert np.array_equal(art.severity.get_ydata(), tl.severity)
    assert np.array_equal(art.untreated.get_ydata(), tl.untreated)
    assert np.array_equal(art.severity.get_xdata(), tl.time_days)
    assert art.threshold.get_ydata()[0] == T.GOOD_CONTROL_SEVERITY
    assert "days" in art.curve_ax.get_xlabel()
    _, art2 = F.build_timeline(tl, threshold=None)
    assert art2.threshold is None and "months" in art2.curve_ax.get_xlabel()


def test_open_ended_drug_runs_to_the_end_of_the_axis():
    tl = T.symptom_curve(T.treatment_history([T.start_drug(60.0, "baclofen")]), horizon_days=365.0)
    _, art = F.build_timeline(tl, unit="days")
    (path,) = art.bars[("drug", "baclofen")].get_paths()
    assert path.vertices[:, 0].min() == pytest.approx(60.0)
    assert path.vertices[:, 0].max() == pytest.approx(365.0)


def test_update_in_place_follows_another_history():
    lanes = [("side_effect", e) for e in ("ptosis", "facial_weakness", "dry_eye", "tearing", "diplopia")]
    fig, art = F.build_timeline(T.symptom_curve(None), lanes=lanes)
    before = set(map(id, fig.axes[0].get_children()))
    h = _history(seed=11)
    h = T.treatment_history(
        [e for e in h.events if e.kind == "injection"], [i for i in h.intervals if i.kind == "side_effect"]
    )
    tl = T.symptom_curve(h)
    F.update_timeline(art, tl, note="good control 300 days")
    assert art.event_counts()["injection"] == 4 and art.event_counts()["operation"] == 0
    assert sum(art.bar_counts().values()) == len(h.intervals)
    assert np.array_equal(art.severity.get_ydata(), tl.severity)
    assert art.note.get_text() == "good control 300 days"
    assert set(map(id, fig.axes[0].get_children())) == before  # no artist added or removed
    with pytest.raises(ValueError, match="lane"):
        F.update_timeline(art, T.symptom_curve(T.treatment_history([T.start_drug(0.0)])))


def test_no_treatment_draws_no_markers_and_the_curves_coincide():
    _, art = F.build_timeline(T.symptom_curve(None))
    assert sum(art.event_counts().values()) == 0 and art.bars == {}
    assert np.array_equal(art.severity.get_ydata(), art.untreated.get_ydata())


def test_figures_have_captions_titles_and_render_without_pyplot():
    import sys

    tl = T.symptom_curve(_history())
    fig = F.timeline_figure(tl, title="Mrs Ortiz", caption="Notice the gaps.")
    assert isinstance(fig, Figure) and caption_of(fig) == "Notice the gaps."
    assert fig._suptitle.get_text() == "Mrs Ortiz"
    assert caption_of(F.timeline_figure(tl)) == F.TIMELINE_CAPTION
    assert render_png(fig)[:4] == b"\x89PNG"
    assert "matplotlib.pyplot" not in sys.modules or not any(
        getattr(m, "__name__", "") == "matplotlib.pyplot" for m in vars(F).values()
    )


def test_stacked_strategies_share_the_time_axis():
    tl = T.symptom_curve(_history())
    none = T.symptom_curve(None)
    fig = F.timelines_figure([("botulinum", tl), ("nothing", none)], notes=["a", None], title="Compare")
    arts = fig.hfs_data["artists"]
    assert len(arts) == 2 and caption_of(fig)
    assert arts[0].event_counts()["injection"] == 4 and sum(arts[1].event_counts().values()) == 0
    assert arts[0].curve_ax.get_xlim() == arts[1].curve_ax.get_xlim()
    assert [a.lanes_ax.get_title(loc="left") for a in arts] == ["botulinum", "nothing"]
    assert render_png(fig)[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match="horizon"):
        F.timelines_figure([("a", tl), ("b", T.symptom_curve(None, horizon_days=100.0))])
    with pytest.raises(TypeError, match="timelines"):
        F.timelines_figure([tl])
    with pytest.raises(ValueError, match="timelines"):
        F.timelines_figure([])


def test_bad_arguments_are_named():
    with pytest.raises(TypeError, match="timeline"):
        F.build_timeline("not a timeline")
    with pytest.raises(ValueError, match="unit"):
        F.timeline_figure(T.symptom_curve(None), unit="weeks")
    with pytest.raises(TypeError, match="art"):
        F.update_timeline(object(), T.symptom_curve(None))
