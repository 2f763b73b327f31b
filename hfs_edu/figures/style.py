"""The course figure style: one palette, readable fonts, a caption on every figure.

Figures are plain :class:`matplotlib.figure.Figure` objects (not pyplot), so
they hold no global state, are never shown twice, and can be rendered to PNG
directly with the Agg canvas (:func:`render_png`). Every figure carries a
one-line caption in ``fig.hfs_caption`` that says what to notice; it doubles
as the figure's alt text.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from collections.abc import Callable, Mapping

import matplotlib as mpl
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

from .._params import choice, flag, integer, number, text, validated

__all__ = [
    "DPI",
    "OKABE_ITO",
    "PALETTE",
    "RC",
    "agg_canvas",
    "caption_of",
    "check_frame",
    "check_labels",
    "encode_png",
    "layout_fingerprint",
    "new_figure",
    "panels",
    "render_png",
    "settle_layout",
    "source_label",
    "styled",
]

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}
#: Default colour cycle (yellow last: poor contrast on white).
PALETTE = [
    OKABE_ITO[c]
    for c in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue", "black", "yellow")
]

#: Course rc settings, applied per figure (never globally).
RC = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "lines.linewidth": 2.0,
    "svg.hashsalt": "hfs-edu",
}
#: Screen resolution used for notebook PNGs (dots per inch).
DPI = 100


@validated(
    caption=text(doc="One line saying what to notice in the figure (also its alt text)."),
    nrows=integer(1, 6, doc="Subplot rows."),
    ncols=integer(1, 6, doc="Subplot columns."),
    width_in=number(1, 20, unit="inches", doc="Figure width."),
    height_in=number(1, 20, unit="inches", doc="Figure height."),
    layout=choice(
        ("constrained",),
        optional=True,
        doc="Matplotlib layout engine (constrained layout "
        "replaces bbox_inches='tight', which would render "
        "every figure twice); None = no engine.",
    ),
)
def new_figure(
    caption: str,
    nrows: int = 1,
    ncols: int = 1,
    *,
    width_in: float = 7.0,
    height_in: float = 4.0,
    layout: str | None = "constrained",
    **subplot_kw,
) -> tuple[Figure, object]:
    """Create a course-styled figure and its axes.

    {parameters}
    **subplot_kw
        Passed to :meth:`Figure.subplots` as ``subplot_kw`` (e.g. ``projection``).

    Returns
    -------
    (Figure, Axes or array of Axes)
    """
    with mpl.rc_context(RC):
        fig = Figure(figsize=(width_in, height_in), dpi=DPI, layout=layout)
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, subplot_kw=subplot_kw or None, squeeze=True)
    fig.hfs_caption = caption.strip()
    return fig, axes


def styled(func: Callable) -> Callable:
    """Decorator: run a figure-building function inside the course rc context."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(RC):
            return func(*args, **kwargs)

    return wrapper


def caption_of(fig: Figure) -> str:
    """Return the figure's caption (``fig.hfs_caption``); raise if it has none."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__} {fig!r:.40}")
    cap = getattr(fig, "hfs_caption", "")
    if not cap:
        raise ValueError("fig has no caption; create it with hfs_edu.figures.style.new_figure(caption, ...)")
    return cap


@validated(
    dpi=integer(20, 600, optional=True, doc="Resolution recorded in the PNG; None = DPI."),
    force=flag(doc="Always redraw (the benchmark's render floor uses this)."),
)
def render_png(fig: Figure, dpi: int | None = None, *, force: bool = False) -> bytes:
    """Render ``fig`` to PNG bytes with a single draw (no tight bounding box, deterministic metadata).

    If the figure has already been drawn on its Agg canvas and nothing changed since
    (matplotlib's ``fig.stale`` is False), the existing pixels are encoded without drawing
    again: figures that settle their layout with a first draw are not drawn twice.

    ``fig`` is a matplotlib Figure.

    {parameters}
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__} {fig!r:.40}")
    dpi = DPI if dpi is None else dpi
    canvas = agg_canvas(fig)
    drawn = False
    if not force and _is_constrained(fig) and getattr(canvas, "renderer", None) is None:
        fingerprint = layout_fingerprint(fig)
        if not _apply_frozen_layout(fig, fingerprint):  # a known layout: one draw without the engine
            canvas.draw()  # the engine's single pass, as without frozen layouts
            _record_layout(fig, fingerprint)
            drawn = True
    if not drawn and (force or fig.stale or getattr(canvas, "renderer", None) is None):
        canvas.draw()
    return encode_png(canvas, dpi)


def settle_layout(fig: Figure) -> Figure:
    """Lay ``fig`` out once with its layout engine, then switch the engine off; return ``fig``.

    Constrained layout costs about as much as the drawing itself and places some
    artists (legends outside the axes) only after a first draw. Settling keeps that
    layout, so later renders are identical and cheaper; the draw is not wasted, because
    :func:`render_png` reuses an up-to-date canvas.

    If the figure's layout was frozen (:func:`layout_fingerprint` found in
    :mod:`hfs_edu.figures.frozen_layouts`, written by ``tools/freeze_layouts.py``), the recorded
    positions are applied without running the engine or drawing: the first render is then
    the figure's only draw. A figure whose text, limits or size changed has another
    fingerprint and is laid out by the engine as before (correct, only slower).
    """
    canvas = agg_canvas(fig)
    if fig.get_layout_engine() is not None and type(fig.get_layout_engine()).__name__ != "PlaceHolderLayoutEngine":
        fingerprint = layout_fingerprint(fig) if _is_constrained(fig) else ""
        if not (fingerprint and _apply_frozen_layout(fig, fingerprint)):
            canvas.draw()
            if fingerprint:
                _record_layout(fig, fingerprint)
            fig.set_layout_engine("none")
    return fig


# -- frozen layouts (issue 8 §6) -------------------------------------------------------------------
#: Environment variable naming a file to which every engine-computed layout is appended (the
#: recording mode of ``tools/freeze_layouts.py``).
RECORD_ENV = "HFS_EDU_RECORD_LAYOUTS"


def _is_constrained(fig: Figure) -> bool:
    engine = fig.get_layout_engine()
    return engine is not None and type(engine).__name__ == "ConstrainedLayoutEngine"


def _subfigures(fig) -> list:
    out = []
    for sf in getattr(fig, "subfigs", []):
        out.append(sf)
        out.extend(_subfigures(sf))
    return out


def _suptitles(fig) -> list:
    return [t for f in [fig, *_subfigures(fig)] for t in (f._suptitle, f._supxlabel, f._supylabel) if t is not None]


def _text_key(t: Text) -> tuple:
    return (
        t.get_text(),
        t.get_visible(),
        round(float(t.get_fontsize()), 3),
        tuple(t.get_fontfamily()),
        str(t.get_fontweight()),
        str(t.get_fontstyle()),
        round(float(t.get_rotation()), 3),
        t.get_ha(),
        t.get_va(),
        t.get_linespacing(),
        t.get_wrap(),
        tuple(map(repr, t.get_position())),
    )


#: A formatter's state set while labelling (it follows from the settings and the limits).
_TICKER_STATE = {"axis", "locs", "_locs", "offset", "_orderOfMagnitude", "_format"}


def _ticker_key(obj) -> tuple:
    """A locator or formatter as its type and settings (fixed labels and positions included)."""
    out = [type(obj).__name__]
    for name, value in sorted(vars(obj).items()):
        if name in _TICKER_STATE:
            continue
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, functools.partial):  # set_ticks(labels=...): a partial over the labels
            value = (getattr(value.func, "__qualname__", ""), repr(value.args), repr(value.keywords))
        elif callable(value) and hasattr(value, "__code__"):
            value = (value.__qualname__, value.__code__.co_code, repr(value.__code__.co_consts))
        if isinstance(value, (int, float, str, bool, tuple, list, type(None))):
            out.append((name, repr(value)))
    return tuple(out)


def _layout_texts(fig: Figure) -> list:
    """Every text the layout engine measures, except tick labels (cheaper than ``fig.findobj(Text)``,
    which creates and walks every tick)."""
    out = list(_suptitles(fig))
    for f in [fig, *_subfigures(fig)]:
        out.extend(f.texts)
        for lg in f.legends:
            out.extend([*lg.get_texts(), lg.get_title()])
    for ax in fig.axes:
        out.extend(
            [
                ax.title,
                ax._left_title,
                ax._right_title,
                ax.xaxis.label,
                ax.yaxis.label,
                *ax.texts,
                *(a for a in ax.artists if isinstance(a, Text)),
            ]
        )
        if ax.get_legend() is not None:
            out.extend([*ax.get_legend().get_texts(), ax.get_legend().get_title()])
    return out


def _unclipped_key(artist) -> tuple:
    """An artist drawn outside the axes clip (it can widen the layout's margins): its type and extent."""
    try:
        if hasattr(artist, "get_xydata"):
            return type(artist).__name__, artist.get_xydata().round(6).tolist()
        if hasattr(artist, "get_patch_transform"):
            return type(artist).__name__, artist.get_patch_transform().transform(artist.get_path().vertices).round(
                6
            ).tolist()
    except Exception:  # noqa: BLE001 - an artist that cannot say without a renderer: its type only
        pass
    return (type(artist).__name__,)


def layout_fingerprint(fig: Figure) -> str:
    """A hash of everything the layout engine reads: size, grid, limits, ticks, every text, legends, annotation
    arrows and artists drawn outside the axes clip.

    Two figures with the same fingerprint get the same constrained layout, so a layout
    computed once can be frozen and reused for every later build of that figure.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__} {fig!r:.40}")
    parts: list = [mpl.__version__, tuple(fig.get_size_inches().round(4)), fig.dpi, len(_subfigures(fig))]
    for sf in _subfigures(fig):
        spec = sf._subplotspec
        gs = spec.get_gridspec()
        parts.append(
            (
                "sub",
                spec.rowspan,
                spec.colspan,
                gs.get_geometry(),
                tuple(gs.get_width_ratios() or ()),
                tuple(gs.get_height_ratios() or ()),
            )
        )
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        gs = spec.get_gridspec() if spec is not None else None
        parts.append(
            (
                "ax",
                ax.get_visible(),
                ax.axison,
                spec and (spec.rowspan, spec.colspan),
                gs and (gs.get_geometry(), tuple(gs.get_width_ratios() or ()), tuple(gs.get_height_ratios() or ())),
                tuple(map(repr, ax.get_xlim())),
                tuple(map(repr, ax.get_ylim())),
                repr(ax.get_aspect()),
                ax.get_xscale(),
                ax.get_yscale(),
                ax.get_in_layout(),
            )
        )
        for axis in (ax.xaxis, ax.yaxis):  # the tick labels follow from the limits and these (cheaper than
            parts.append(
                tuple(
                    map(
                        _ticker_key,
                        (
                            axis.get_major_locator(),
                            axis.get_major_formatter(),  # labelling
                            axis.get_minor_locator(),
                            axis.get_minor_formatter(),
                        ),
                    )
                )
            )
    legends = [
        *fig.legends,
        *(lg for sf in _subfigures(fig) for lg in sf.legends),
        *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None),
    ]
    parts.extend(("legend", repr(lg._loc), lg._ncols, repr(getattr(lg, "_outside_loc", None))) for lg in legends)
    # sorted: the layout does not depend on the order texts were added (a set's order varies between runs)
    texts = _layout_texts(fig)
    parts.extend(sorted(repr(_text_key(t)) for t in texts))
    parts.extend(
        sorted(
            repr(_unclipped_key(a))
            for ax in fig.axes
            for a in ax.get_children()
            if a.get_in_layout()
            and not a.get_clip_on()
            and not isinstance(a, Text)
            and a.get_visible()
            and a not in (ax.patch, *ax.spines.values(), ax.xaxis, ax.yaxis)
        )
    )
    parts.extend(sorted(repr((a.xy, repr(a.xycoords), repr(a.arrowprops))) for a in texts if isinstance(a, Annotation)))
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def _layout_state(fig: Figure) -> dict:
    """The positions a layout engine set: every Axes (both positions), every subfigure, every suptitle."""
    return {
        "axes": [
            [list(ax.get_position(original=True).bounds), list(ax.get_position(original=False).bounds)]
            for ax in fig.axes
        ],
        "subfigures": [list(sf.bbox_relative.bounds) for sf in _subfigures(fig)],
        "suptitles": [list(map(float, t.get_position())) for t in _suptitles(fig)],
    }


def _apply_frozen_layout(fig: Figure, fingerprint: str) -> bool:
    """Apply the recorded layout of ``fingerprint`` (``fig``'s, before any draw) if known; switch the engine off.

    Return whether a layout was applied.
    """
    if os.environ.get(RECORD_ENV):
        return False
    from .frozen_layouts import LAYOUTS

    state = LAYOUTS.get(fingerprint)
    if state is None or len(state["axes"]) != len(fig.axes) or len(state["subfigures"]) != len(_subfigures(fig)):
        return False
    for sf, bounds in zip(_subfigures(fig), state["subfigures"]):
        sf._redo_transform_rel_fig(bbox=Bbox.from_bounds(*bounds))
    for ax, (original, active) in zip(fig.axes, state["axes"]):
        ax._set_position(Bbox.from_bounds(*original), which="original")
        ax._set_position(Bbox.from_bounds(*active), which="active")
    for t, pos in zip(_suptitles(fig), state["suptitles"]):
        t.set_position(pos)
    fig.set_layout_engine("none")
    fig.stale = True
    return True


def _record_layout(fig: Figure, fingerprint: str) -> None:
    """In recording mode, append ``fig``'s engine-computed layout (after a draw) to the record file."""
    path = os.environ.get(RECORD_ENV)
    if not path:
        return
    import json

    with open(path, "a", encoding="utf-8") as fh:
        fh.write(
            json.dumps({"fingerprint": fingerprint, "caption": getattr(fig, "hfs_caption", ""), **_layout_state(fig)})
            + "\n"
        )


def agg_canvas(fig: Figure) -> FigureCanvasAgg:
    """Return the figure's Agg canvas, attaching one if needed."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__} {fig!r:.40}")
    return fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)


@validated(dpi=integer(20, 600, optional=True, doc="Resolution recorded in the PNG; None = DPI."))
def encode_png(canvas: FigureCanvasAgg, dpi: int | None = None) -> bytes:
    """Encode what is currently drawn on ``canvas`` as PNG (fast zlib level, no timestamp).

    ``canvas`` must have been drawn (``canvas.draw()`` or blitting).

    {parameters}
    """
    if not isinstance(canvas, FigureCanvasAgg):
        raise TypeError(f"canvas must be a matplotlib FigureCanvasAgg, got {type(canvas).__name__} {canvas!r:.40}")
    dpi = DPI if dpi is None else dpi
    buf = io.BytesIO()
    # print_png would redraw the figure; encode the already-drawn RGBA buffer instead.
    mpl.image.imsave(
        buf, canvas.buffer_rgba(), format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 1}
    )
    return buf.getvalue()


@validated(
    caption=text(doc="The figure's caption."),
    width_in=number(1, 20, unit="inches", doc="Figure width."),
    height_in=number(1, 20, unit="inches", doc="Figure height."),
)
def panels(caption: str, ratios: tuple[float, float], width_in: float, height_in: float):
    """A captioned figure with two side-by-side axes of the given width ratios (one layout for all users).

    {parameters}
    """
    fig, axes = new_figure(caption, 1, 2, width_in=width_in, height_in=height_in)
    axes[0].get_gridspec().set_width_ratios(list(ratios))
    return fig, axes


@validated(
    name=text(doc="The argument's name, for the message."),
    origin=text(doc="Where such a DataFrame comes from, for the message."),
)
def check_frame(name: str, frame: object, columns: set[str], origin: str):
    """Raise TypeError unless ``frame`` is a DataFrame with ``columns``; return it.

    {parameters}
    """
    if not isinstance(frame, pd.DataFrame) or not columns <= set(frame.columns):
        raise TypeError(
            f"{name} must be a DataFrame from {origin} with columns {sorted(columns)}, "
            f"got {type(frame).__name__} {frame!r:.40}"
        )
    return frame


def check_labels(labels: object) -> Mapping:
    """Raise TypeError unless ``labels`` is a mapping source key -> "First author year"."""
    if not isinstance(labels, Mapping):
        raise TypeError(f"labels must be a mapping source key -> 'First author year', got {type(labels).__name__}")
    return labels


@validated(key=text(doc="A bibliography key."))
def source_label(labels: Mapping, key: str) -> str:
    """``"Defazio 2003 [S44]"``: the label of ``key`` (the key alone if it has none) and the key.

    {parameters}
    """
    return f"{labels[key]} [{key}]" if labels.get(key) else f"[{key}]"
