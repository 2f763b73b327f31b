"""The one widget pattern used by every interactive view in the course.

A :class:`View` owns **one** matplotlib figure, built once. Moving a control
calls :meth:`View.update`, which recomputes the model and mutates the figure's
existing artists (``set_data``, ``set_height``, ``set_facecolor`` …); the
figure is then rendered once with the Agg canvas into an
:class:`ipywidgets.Image`. There is no ``interact``, no ``Output`` widget and
no ``plt.show()``, so nothing a view draws leaks into the notebook's cell
outputs (strict nbval sees only the widget view, which it skips), and the
stored notebook shows a one-line placeholder (:class:`ViewBox`).

Controls are declared once, in ``PARAMS`` (``{name: Param}``, see
:mod:`hfs_edu._params`); :func:`control` adds the widget details (label, step,
widget kind). The base class builds the sliders, dropdowns, toggles and
checkboxes from the declarations, takes each control's default from the
signature of :meth:`update`, shows each declaration's ``doc`` in the legend,
and validates every value (constructor, :meth:`View.set`) **before** touching
a widget, so a bad value raises ``TypeError``/``ValueError`` naming the
control, never a ``traitlets.TraitError`` and never a silent clamp.
"""

from __future__ import annotations

import dataclasses
import html
import inspect
import re
from contextlib import contextmanager
from typing import Any

import ipywidgets as widgets

from .._params import Param, choice, number, text, validated
from ..figures.style import (
    agg_canvas,
    caption_of,
    encode_png,
    render_png,
    settle_layout,
)
from ._placeholder import ViewBox

__all__ = ["View", "control", "registry"]

_REGISTRY: dict[str, type] = {}


def registry() -> dict[str, type]:
    """Return ``{name: View subclass}`` for every view defined in the package."""
    return dict(_REGISTRY)


_SEE_ROLE = re.compile(r"[;,]?\s*see :\w+:`[^`]+`")
_ROLE = re.compile(r":\w+:`~?([^`]+)`")


def plain_doc(doc: str) -> str:
    """A declaration's doc as a student reads it in a view's legend: no ``see :func:`x``` pointers,
    no Sphinx roles (student review 2: the legend showed ``:data:`SEVERITY_BY_CATEGORY```)."""
    text_ = _SEE_ROLE.sub("", doc)
    text_ = _ROLE.sub(lambda m: m.group(1).rsplit(".", 1)[-1], text_)
    text_ = text_.replace("``", "").replace(" ()", "").replace("()", "")
    return re.sub(r"\s+([,;]|\.(?!\.))", r"\1", text_).strip()


@validated(
    label=text(doc="The widget's description (shown in full)."),
    step=number(
        0,
        None,
        lo_inclusive=False,
        optional=True,
        doc="Slider step (default: 1 for integers, 1/100 of the range for numbers).",
    ),
    widget=choice(
        ("slider", "dropdown", "toggle", "radio", "checkbox", "selection"),
        optional=True,
        doc="The widget kind; by default a slider for numbers, a dropdown for options and a "
        "checkbox for flags. 'selection' is a slider over ``stops``.",
    ),
    readout_format=text(optional=True, doc="Slider readout, e.g. '.2f'."),
    legend=text(optional=True, doc="The legend's words for a student (default: the declaration's doc)."),
)
def control(
    param: Param,
    *,
    label: str,
    legend: str | None = None,
    step: float | None = None,
    widget: str | None = None,
    readout_format: str | None = None,
    stops: tuple | None = None,
    stop_labels: tuple[str, ...] | None = None,
) -> Param:
    """Return ``param`` with the details of its widget.

    ``param`` is the declaration (range or options, unit, doc): pass the model's own declaration,
    so that a control's range is the one the model checks; ``legend`` rewords its doc for the
    student. ``stops`` and ``stop_labels`` (tuples) are the values and labels of a ``"selection"``
    slider; other values are rejected.

    {parameters}
    """
    extra = {
        **param.extra,
        "label": label,
        "step": step,
        "widget": widget,
        "readout_format": readout_format,
        "stops": stops,
        "stop_labels": stop_labels,
    }
    return dataclasses.replace(param, extra=extra, doc=legend if legend is not None else param.doc)


def _widget_for(name: str, p: Param, value: Any) -> widgets.ValueWidget:
    """Build the widget of one declared control (wide enough that description and readout are visible)."""
    x = p.extra
    label = x.get("label") or name
    style = {"description_width": "initial"}
    layout = widgets.Layout(width="100%", max_width="560px")
    kind = x.get("widget")
    common = dict(description=label, style=style, layout=layout)
    if kind == "selection":
        names = x.get("stop_labels") or tuple(f"{s:,}" for s in x["stops"])
        return widgets.SelectionSlider(
            options=list(zip(names, x["stops"])), value=value, continuous_update=False, **common
        )
    if p.kind in ("number", "int"):
        cls = widgets.FloatSlider if p.kind == "number" else widgets.IntSlider
        step = x.get("step") or (1 if p.kind == "int" else (p.hi - p.lo) / 100)
        kw = {"readout_format": x["readout_format"]} if x.get("readout_format") else {}
        return cls(value=value, min=p.lo, max=p.hi, step=step, continuous_update=False, **kw, **common)
    if p.kind == "bool":
        return widgets.Checkbox(value=value, indent=False, **common)
    if p.kind == "choice":
        options = list(p.options())
        if kind == "toggle":
            return widgets.ToggleButtons(
                options=options, value=value, description=label, style={**style, "button_width": "auto"}
            )
        if kind == "radio":
            return widgets.RadioButtons(options=options, value=value, **common)
        if x.get("stop_labels"):  # words for the options (the values stay the declaration's)
            options = list(zip(x["stop_labels"], options))
        return widgets.Dropdown(options=options, value=value, **common)
    raise TypeError(f"control {name!r}: no widget for a {p.kind!r} parameter")


class View:
    """Base class of interactive views (see the module docstring).

    Class attributes
    ----------------
    PARAMS : dict[str, Param]
        Control name -> declaration (use :func:`control` for the widget details). The names
        are the keyword arguments of :meth:`update`, whose defaults are the initial values.
    CONTROLS : dict[str, str]
        Only for views without ``PARAMS``: control name -> one-line explanation for the legend.
    IMAGE_WIDTH_PX : int
        Display width of the figure image.

    Construction happens in this order (the "two-phase init"):

    1. the initial values are validated against ``PARAMS``; nothing is built before this;
    2. :meth:`build_controls` makes the widgets (from ``PARAMS`` unless overridden);
    3. :meth:`build_figure` builds the figure once **and stores on ``self`` the artists that
       :meth:`update` will change** (so :meth:`dynamic_artists` can return them);
    4. the layout is settled once and, if :meth:`dynamic_artists` lists artists, the static
       background is drawn once and cached for blitting;
    5. :meth:`refresh` calls :meth:`update` with the current values and renders the first image.
    """

    PARAMS: dict[str, Param] = {}
    CONTROLS: dict[str, str] = {}
    IMAGE_WIDTH_PX = 720

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not cls.__name__.startswith("_"):
            _REGISTRY[cls.__name__] = cls

    # -- subclasses implement these ------------------------------------------------
    def build_controls(self) -> dict[str, widgets.ValueWidget]:
        """Return ``{name: widget}``; by default built from ``PARAMS`` at the defaults of :meth:`update`."""
        if not self.PARAMS:
            raise NotImplementedError(f"{type(self).__name__} declares no PARAMS and does not build its controls")
        defaults = self.defaults()
        return {name: _widget_for(name, p, defaults[name]) for name, p in self.PARAMS.items()}

    def build_figure(self):
        """Build and return the view's figure (called once), storing on ``self`` the artists to update."""
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

    # -- declarations ----------------------------------------------------------------
    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """The initial control values: the defaults in the signature of :meth:`update`."""
        sig = inspect.signature(cls.update)
        return {
            name: sig.parameters[name].default
            for name in cls.PARAMS
            if name in sig.parameters and sig.parameters[name].default is not inspect.Parameter.empty
        }

    @classmethod
    def validate(cls, **params: Any) -> dict[str, Any]:
        """Return ``params`` checked against ``PARAMS`` (TypeError/ValueError naming the control)."""
        if not cls.PARAMS:
            return dict(params)
        unknown = set(params) - set(cls.PARAMS)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)} for {cls.__name__}; allowed: {sorted(cls.PARAMS)}")
        out = {}
        for name, value in params.items():
            p = cls.PARAMS[name]
            value = p.check(name, value)
            stops = p.extra.get("stops")
            if stops is not None and value not in stops:
                raise ValueError(
                    f"{name}={value!r} is not one of the control's stops; allowed: "
                    + ", ".join(f"{s:,}" if isinstance(s, int) else repr(s) for s in stops)
                )
            out[name] = value
        return out

    # -- machinery -----------------------------------------------------------------
    def __init__(self, **initial: Any):
        initial = self.validate(**initial)  # before any widget exists
        self._quiet_depth = 0
        self.controls = self.build_controls()
        unknown = set(initial) - set(self.controls)
        if unknown:
            raise ValueError(
                f"unknown control(s) {sorted(unknown)} for {type(self).__name__}; allowed: {sorted(self.controls)}"
            )
        self._set_widgets(initial)
        self.fig = self.build_figure()
        self.caption = caption_of(self.fig)
        self._background = None
        for artist in self.dynamic_artists():
            artist.set_animated(True)
        if self.fig.get_layout_engine() is not None:
            settle_layout(self.fig)  # a frozen layout draws nothing; the engine draws once
        if getattr(agg_canvas(self.fig), "renderer", None) is not None:
            self._draw_background()  # the engine's draw is the blitting background (no second draw)
        # else the first render draws the background, after update() has set the initial state:
        # drawing it now would be wasted whenever update() changes the axes (issue 8 §6)
        self.image = widgets.Image(
            format="png", layout=widgets.Layout(width=f"{self.IMAGE_WIDTH_PX}px", max_width="100%")
        )
        self.readout = widgets.HTML()
        self.readout.add_class("hfs-readout")  # the browser suite reads it (tests/browser/lab_driver.py)
        self.error = widgets.HTML()
        self.legend = widgets.HTML(self._legend_html(), layout=widgets.Layout(width="100%"))
        caption = widgets.HTML(
            f'<p class="hfs-caption" style="font-size:90%;color:#333"><b>What to notice:</b> '
            f"{html.escape(self.caption)}</p>"
        )
        controls_box = widgets.VBox(
            list(self.controls.values()), layout=widgets.Layout(width="100%", max_width="600px")
        )
        # controls on top, their legend below (never beside: a side legend squeezed the sliders' readouts)
        self.widget = ViewBox([controls_box, self.legend, self.error, self.image, caption, self.readout])
        self.widget.add_class("hfs-view")
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        self.refresh()

    def _legend_html(self) -> str:
        items = {name: plain_doc(p.doc) for name, p in self.PARAMS.items()} if self.PARAMS else dict(self.CONTROLS)
        if not items:
            return ""
        labels = {name: p.extra.get("label") or name for name, p in self.PARAMS.items()}
        rows = "".join(f"<li><b>{html.escape(labels.get(k, k))}</b>: {html.escape(v)}</li>" for k, v in items.items())
        return f'<div style="font-size:90%"><b>Controls</b><ul style="margin:0">{rows}</ul></div>'

    def invalidate_background(self) -> None:
        """Force the next render to redraw the whole figure (e.g. after axis limits change)."""
        self._background = None

    def _draw_background(self) -> None:
        """Draw the figure once without the dynamic artists (marked animated) and cache it for blitting.

        The first call also settles the layout engine (constrained layout costs about as much as the
        drawing itself, and a view's layout does not change with its data), so building a view costs
        one full draw.
        """
        dynamic = self.dynamic_artists()
        for artist in dynamic:
            artist.set_animated(True)
        canvas = agg_canvas(self.fig)
        needs_draw = True
        if self.fig.get_layout_engine() is not None:
            settle_layout(self.fig)  # draws, unless a frozen layout was applied (then nothing is drawn yet)
            needs_draw = self.fig.stale or getattr(canvas, "renderer", None) is None
        if dynamic and needs_draw:
            canvas.draw()
        self._background = canvas.copy_from_bbox(self.fig.bbox) if dynamic else None

    def render(self) -> bytes:
        """Render the current figure to PNG: blit the dynamic artists over a cached background."""
        dynamic = self.dynamic_artists()
        if not dynamic:
            return render_png(self.fig)
        if self._background is None:
            self._draw_background()
        canvas = agg_canvas(self.fig)
        canvas.restore_region(self._background)
        for artist in dynamic:
            self.fig.draw_artist(artist)
        return encode_png(canvas)

    @contextmanager
    def _quiet(self):
        """Change widget values without triggering a refresh for each one."""
        self._quiet_depth += 1
        try:
            yield
        finally:
            self._quiet_depth -= 1

    def _set_widgets(self, values: dict[str, Any]) -> None:
        with self._quiet():
            for name, value in values.items():
                self.controls[name].value = value

    def params(self) -> dict[str, Any]:
        """Return the current control values as ``{name: value}``."""
        return {name: w.value for name, w in self.controls.items()}

    def set(self, **params: Any) -> bytes:
        """Validate ``params``, move the controls to them, update the model and artists, render once.

        Returns the PNG bytes. This is what one control move costs (``tools/bench.py`` times it).
        Bad values raise TypeError/ValueError naming the control before any widget changes.
        """
        params = self.validate(**params)
        unknown = set(params) - set(self.controls)
        if unknown:
            raise ValueError(
                f"unknown control(s) {sorted(unknown)} for {type(self).__name__}; allowed: {sorted(self.controls)}"
            )
        if self.PARAMS:
            self._set_widgets(params)
            readout = self.update(**self.params())
        else:  # a view without declarations: its update() validates (the widgets keep their values)
            readout = self.update(**{**self.params(), **params})
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
        if not self._quiet_depth:
            self.refresh()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
