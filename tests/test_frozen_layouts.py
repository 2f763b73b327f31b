"""Frozen constrained layouts (issue 8 §6): the same layout as the engine, for one draw instead of two passes."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from hfs_edu import course_figures as figs
from hfs_edu.figures import overview, style
from hfs_edu.figures.frozen_layouts import LAYOUTS

BUILDERS = {
    "hfs_at_a_glance": overview.hfs_at_a_glance,
    "course_map": lambda: overview.course_map(highlight="00"),
    "nerve_course_diagram": figs.nerve_course_diagram,
    "offending_vessels_figure": figs.offending_vessels_figure,
    "contact_figure": figs.contact_figure,
    "hypertension_forest_plot": figs.hypertension_forest_plot,
    "aetiology_figure": figs.aetiology_figure,
    "wear_by_severity_figure": lambda: figs.wear_by_severity_figure(systolic_bp_mmhg=120, age_years=45),
}


def _is_frozen(fig) -> bool:
    """Whether ``fig`` (just built, not yet rendered) got, or will get at its first render, a frozen layout."""
    engine = type(fig.get_layout_engine()).__name__
    if engine == "ConstrainedLayoutEngine":  # laid out at the first render
        return style.layout_fingerprint(fig) in LAYOUTS
    return getattr(fig.canvas, "renderer", None) is None  # settled without a draw: frozen


def _positions(fig):
    style.render_png(fig)
    return np.array([ax.get_position().bounds for ax in fig.axes])


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_frozen_layout_matches_the_engine_layout(name, monkeypatch, tmp_path):
    frozen = BUILDERS[name]()
    if not _is_frozen(frozen):
        pytest.skip(f"{name}: layout not frozen (run tools/freeze_layouts.py)")
    monkeypatch.setenv(style.RECORD_ENV, str(tmp_path / "record.jsonl"))  # recording mode: the engine always runs
    engine = BUILDERS[name]()
    monkeypatch.delenv(style.RECORD_ENV)
    # within half a pixel of a 1000-pixel-wide figure: the same layout, not merely a similar one
    np.testing.assert_allclose(_positions(frozen), _positions(engine), atol=2e-3)
    assert frozen.hfs_caption == engine.hfs_caption
    assert sorted(getattr(frozen, "hfs_data", {})) == sorted(getattr(engine, "hfs_data", {}))


def test_a_frozen_figure_is_drawn_once(monkeypatch):
    if not _is_frozen(figs.contact_figure()):
        pytest.skip("contact_figure: layout not frozen")
    draws = []
    real = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw", lambda self: (draws.append(1), real(self))[1])
    fresh = figs.contact_figure()
    style.render_png(fresh)
    style.render_png(fresh)
    assert len(draws) == 1


def test_an_unknown_figure_is_laid_out_by_the_engine():
    fig, ax = style.new_figure("A figure no chapter shows, so its layout was never frozen.")
    ax.set_ylabel("a long label that needs a wide left margin " * 2)
    assert style.layout_fingerprint(fig) not in LAYOUTS
    before = ax.get_position().bounds
    style.settle_layout(fig)
    assert fig.get_layout_engine() is None or type(fig.get_layout_engine()).__name__ != "ConstrainedLayoutEngine"
    assert ax.get_position().bounds != before  # the engine moved the axes


def test_the_fingerprint_sees_every_text_and_the_size():
    def build(label="delay (ms)", width=7.0, ticks=("mild", "severe"), xmax=1.0):
        fig, ax = style.new_figure("Fingerprint probe.", width_in=width)
        ax.set_xlabel(label)
        ax.set_yticks([0, 1], list(ticks))
        ax.set_xlim(0, xmax)
        return style.layout_fingerprint(fig)

    assert build() == build()
    assert build() != build(label="delay in milliseconds")
    assert build() != build(width=8.0)
    assert build() != build(ticks=("mild", "very severe"))  # fixed tick labels
    assert build() != build(xmax=1000.0)  # automatic tick labels follow the limits
    with pytest.raises(TypeError, match="fig must be a matplotlib Figure"):
        style.layout_fingerprint("not a figure")
