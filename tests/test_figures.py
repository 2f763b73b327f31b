"""Every course figure follows the style: captioned, labelled, Okabe-Ito palette, no pyplot state."""

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from hfs_edu.figures import overview
from hfs_edu.figures.style import OKABE_ITO, PALETTE, caption_of, new_figure, render_png


def test_palette_is_okabe_ito():
    assert set(PALETTE) <= set(OKABE_ITO.values())


def test_new_figure_requires_a_caption_and_validates_sizes():
    with pytest.raises(ValueError, match="caption"):
        new_figure("  ")
    with pytest.raises(ValueError, match="width_in"):
        new_figure("x", width_in=100)


def _line_figure():
    fig, ax = new_figure("A line rises.")
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("time (s)")
    return fig


def test_render_is_deterministic_and_single_pass(monkeypatch):
    a, b = _line_figure(), _line_figure()  # two builds, rendered separately
    assert render_png(a) == render_png(b)
    draws = []
    original = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw", lambda self, *args, **kw: (draws.append(1), original(self))[1])
    c = _line_figure()
    first = render_png(c)
    assert render_png(c) == first and len(draws) == 1, "an unchanged figure is drawn once"
    c.axes[0].set_xlabel("time (ms)")
    assert render_png(c) != first and len(draws) == 2, "a changed figure is drawn again"


def test_figures_do_not_touch_pyplot_state():
    before = matplotlib._pylab_helpers.Gcf.get_num_fig_managers()
    overview.course_map()
    overview.hfs_at_a_glance()
    assert matplotlib._pylab_helpers.Gcf.get_num_fig_managers() == before


def test_course_map_has_every_chapter_and_valid_links():
    numbers = [c[0] for c in overview.COURSE_CHAPTERS]
    assert numbers == [f"{i:02d}" for i in range(10)]
    for a, b in overview.COURSE_LINKS:
        assert int(a) < int(b), "a chapter builds only on earlier chapters"
    fig = overview.course_map(highlight="03")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert set(numbers) <= texts
    assert "builds on" in caption_of(fig)
    with pytest.raises(ValueError, match="highlight"):
        overview.course_map(highlight="12")


def test_prevalence_bars_grow_with_the_population_on_a_fixed_axis():
    """Issue 7 §6 / student review 2 (U08): the bars must move when the population changes; an
    axis that rescales with the counts made every population look the same."""
    from hfs_edu.figures.epidemiology import AXIS_PEOPLE
    from hfs_edu.widgets.epidemiology import PrevalenceView

    view = PrevalenceView()
    widths, limits = [], set()
    for population in (10_000, 500_000, 50_000_000):
        view.set(population=population, share_over_70_pct=12)
        widths.append([bar.get_width() for bar in view.art.bars_all])
        limits.add(view.art.limits())
    assert limits == {(AXIS_PEOPLE, AXIS_PEOPLE)}, "the people axes must not rescale"
    small, middle, large = (sum(w) for w in widths)
    assert small < middle < large
    assert view.art.ax_all.get_xscale() == "log"
