"""The one widget pattern used by every interactive view in the course.

A :class:`View` owns **one** matplotlib figure, built once. Moving a control
calls :meth:`View.update`, which recomputes the model and mutates the figure's
existing artists (``set_data``, ``set_height``, ``set_facecolor`` …); the
figure is then rendered once with the Agg canvas into an
:class:`ipywidgets.Image`. There is no ``interact``, no ``Output`` widget and
no ``plt.show()``, so:

* nothing a view draws leaks into the notebook's cell outputs (strict nbval
  sees only the widget view, which it skips);
* the stored notebook shows the widget state statically (HTML export);
* :meth:`View.set` is directly timeable by ``make bench``, next to
  :meth:`View.naive_update` (a new figure every time) and the render floor.

Subclasses implement :meth:`build_controls`, :meth:`build_figure` and
:meth:`update`, and describe their controls in ``CONTROLS`` (shown as a
legend beside the controls). Keep per-figure state (artists) as attributes set
in :meth:`build_figure`, and cache model inputs that never change at class or
module level.
"""
from __future__ import annotations

import copy
import html
from typing import Any, Callable

import ipywidgets as widgets

from ..figures.style import agg_canvas, caption_of, encode_png, render_png, settle_layout

__all__ = ["View", "registry"]

_REGISTRY: dict[str, type] = {}


def registry() -> dict[str, type]:
    """Return ``{name: View subclass}`` for every view defined in the package."""
    return dict(_REGISTRY)


class View:
    """Base class of interactive views (see the module docstring).

    Class attributes
    ----------------
    CONTROLS : dict[str, str]
        Control name → one-line explanation shown in the legend.
    SWEEP : dict[str, list]
        Control values ``make bench`` sweeps over (one list per control).
    IMAGE_WIDTH_PX : int
        Display width of the figure image.
    """

    CONTROLS: dict[str, str] = {}
    SWEEP: dict[str, list] = {}
    IMAGE_WIDTH_PX = 720

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not cls.__name__.startswith("_"):
            _REGISTRY[cls.__name__] = cls

    # -- subclasses implement these ------------------------------------------------
    def build_controls(self) -> dict[str, widgets.ValueWidget]:
        """Return ``{name: widget}``; names are the keyword arguments of :meth:`update`."""
        raise NotImplementedError

    def build_figure(self):
        """Build and return the view's figure (called once), storing the artists to update."""
        raise NotImplementedError

    def update(self, **params: Any) -> str:
        """Recompute the model for ``params``, mutate the artists, return readout HTML."""
        raise NotImplementedError

    def dynamic_artists(self) -> list:
        """Artists that change on update (optional; enables blitting).

        When a view lists them, the rest of the figure (axes, ticks, labels,
        static shapes) is drawn once and cached; each update restores that
        background and draws only these artists. If an update changes anything
        else (axis limits, a title), call :meth:`invalidate_background`.
        """
        return []

    def invalidate_background(self) -> None:
        """Force the next render to redraw the whole figure (e.g. after axis limits change)."""
        self._background = None

    def render(self) -> bytes:
        """Render the current figure to PNG: blit the dynamic artists over a cached background."""
        dynamic = self.dynamic_artists()
        if not dynamic:
            return render_png(self.fig)
        canvas = agg_canvas(self.fig)
        if getattr(self, "_background", None) is None:
            for artist in dynamic:
                artist.set_animated(True)
            canvas.draw()  # draws everything except animated artists
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in dynamic:
            self.fig.draw_artist(artist)
        return encode_png(canvas)

    # -- machinery -----------------------------------------------------------------
    def __init__(self, **initial: Any):
        self.controls = self.build_controls()
        unknown = set(initial) - set(self.controls)
        if unknown:
            raise ValueError(
                f"unknown control(s) {sorted(unknown)} for {type(self).__name__}; allowed: {sorted(self.controls)}"
            )
        for name, value in initial.items():
            self.controls[name].value = value
        self.fig = self.build_figure()
        self.caption = caption_of(self.fig)
        self._background = None
        self._freeze_layout(self.fig, self.dynamic_artists())
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{self.IMAGE_WIDTH_PX}px", max_width="100%"))
        self.readout = widgets.HTML()
        self.error = widgets.HTML()
        self.legend = widgets.HTML(self._legend_html())
        caption = widgets.HTML(f'<p class="hfs-caption" style="font-size:90%;color:#333"><b>What to notice:</b> '
                               f"{html.escape(self.caption)}</p>")
        controls_box = widgets.VBox(list(self.controls.values()), layout=widgets.Layout(min_width="340px"))
        self.widget = widgets.VBox(
            [widgets.HBox([controls_box, self.legend]), self.error, self.image, caption, self.readout]
        )
        self.widget.add_class("hfs-view")
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        self.refresh()

    def _legend_html(self) -> str:
        if not self.CONTROLS:
            return ""
        items = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in self.CONTROLS.items())
        return f'<div style="font-size:90%;margin-left:1em"><b>Controls</b><ul style="margin:0">{items}</ul></div>'

    def _freeze_layout(self, fig, dynamic: list) -> None:
        """Run the layout engine once, then switch it off: later draws keep the positions.

        Constrained layout costs about as much as the drawing itself; the layout of a
        view does not change when its data does. For a blitting view the same draw
        (with the dynamic artists marked animated, so left out) is kept as the cached
        background, so building a view costs one full draw, not two.
        """
        if fig.get_layout_engine() is None:
            return
        for artist in dynamic:
            artist.set_animated(True)
        settle_layout(fig)
        if dynamic:
            self._background = agg_canvas(fig).copy_from_bbox(fig.bbox)

    def params(self) -> dict[str, Any]:
        """Return the current control values as ``{name: value}``."""
        return {name: w.value for name, w in self.controls.items()}

    def set(self, **params: Any) -> bytes:
        """Apply ``params`` (model + artist update + one render) and return the PNG bytes.

        This is what one slider move costs; ``make bench`` times it.
        """
        merged = {**self.params(), **params}
        readout = self.update(**merged)
        png = self.render()
        self.readout.value = readout or ""
        self.image.value = png
        return png

    def refresh(self) -> None:
        """Redraw for the current control values; show a bad-input message instead of failing silently."""
        try:
            self.set()
            self.error.value = ""
        except (ValueError, TypeError) as exc:
            self.error.value = f'<p style="color:#D55E00"><b>Cannot update:</b> {html.escape(str(exc))}</p>'

    def _on_change(self, change: dict) -> None:
        self.refresh()

    def naive_update(self, **params: Any) -> bytes:
        """The slow way, for the benchmark only: build a new figure, update it and render it."""
        merged = {**self.params(), **params}
        fresh = copy.copy(self)  # shares the controls; gets its own figure and artists
        fresh.fig = fresh.build_figure()
        fresh.update(**merged)
        return render_png(fresh.fig)  # full draw, layout engine included

    def render_floor(self) -> Callable[[], bytes]:
        """Return a callable that only re-renders the current figure (the benchmark's floor)."""
        return lambda: render_png(self.fig, force=True)  # full redraw of the (layout-frozen) figure

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
