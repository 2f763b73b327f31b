"""Every registered view holds the same contract as the functions: controls declared once, validated first.

For each view in :func:`hfs_edu.widgets.base.registry` that declares ``PARAMS``:

* the widgets are built from the declarations (range, step, options) and show their whole
  description and readout (B5 of the student review: no fixed narrow description column);
* each control's invalid examples (:meth:`Param.invalid_examples`: inf, NaN, booleans, out of
  range, floats for integers, unknown options) raise TypeError/ValueError naming the control,
  in the constructor and in :meth:`View.set`, before any widget changes (never a
  ``traitlets.TraitError``, never a silent clamp such as inf -> the slider's maximum);
* valid examples move the widget to exactly that value and render;
* the stored text form is the "Run this cell" placeholder.
"""

from __future__ import annotations

import importlib
import pkgutil

import ipywidgets as widgets
import pytest
import traitlets

import hfs_edu.widgets
from hfs_edu._params import Param
from hfs_edu.widgets._placeholder import RUN_THIS_CELL
from hfs_edu.widgets.base import View, registry

for _m in pkgutil.iter_modules(hfs_edu.widgets.__path__):
    importlib.import_module(f"hfs_edu.widgets.{_m.name}")

VIEWS = {name: cls for name, cls in sorted(registry().items()) if name != "QuizView"}
_BUILT: dict[str, View] = {}


def view_of(name: str) -> View:
    if name not in _BUILT:
        _BUILT[name] = VIEWS[name]()
    return _BUILT[name]


def declared(name: str) -> dict[str, Param]:
    params = VIEWS[name].PARAMS
    if not params:
        pytest.skip(f"{name} declares no PARAMS yet (it validates in update())")
    return params


def _cases(examples):
    return [
        pytest.param(name, control, value, id=f"{name}-{control}-{i}")
        for name, cls in VIEWS.items()
        for control, p in cls.PARAMS.items()
        for i, value in enumerate(examples(p))
    ]


def _valid(p: Param) -> list:
    stops = p.extra.get("stops")
    values = list(stops) if stops else p.valid_examples()
    return values if len(values) <= 3 else [values[0], values[len(values) // 2], values[-1]]


def test_views_are_registered():
    assert {"PrevalenceView", "FaceMapView", "MyelinWearView"} <= set(VIEWS)


@pytest.mark.parametrize("name", VIEWS)
def test_controls_come_from_the_declarations_and_show_in_full(name):
    params = declared(name)
    view = view_of(name)
    assert set(view.controls) == set(params)
    for control, w in view.controls.items():
        p = params[control]
        if p.kind in ("number", "int") and not p.extra.get("stops"):
            assert (w.min, w.max) == (p.lo, p.hi), control
        if p.kind == "choice" and p.extra.get("stop_labels"):  # words for the options, the declared values
            assert [v for _, v in w.options] == list(p.options()), control
            assert [k for k, _ in w.options] == list(p.extra["stop_labels"]), control
        elif p.kind == "choice":
            assert list(w.options) == list(p.options()), control
        if p.extra.get("stops"):
            assert [v for _, v in w.options] == list(p.extra["stops"]), control
        assert w.style.description_width in ("initial", ""), f"{control}: a fixed description width truncates it"
        assert w.description == (p.extra.get("label") or control)
        assert getattr(w.layout, "width", None) in (None, "100%", "auto"), f"{control}: fixed width {w.layout.width}"
    legend = view.legend.value
    for p in params.values():
        assert p.doc.split(":")[0][:20] in legend.replace("&#x27;", "'")
    # the legend sits below the controls (a legend beside them squeezed the readouts)
    assert not any(isinstance(child, widgets.HBox) for child in view.widget.children)


@pytest.mark.parametrize("name", VIEWS)
def test_stored_text_form_asks_to_run_the_cell(name):
    assert repr(view_of(name).widget) == RUN_THIS_CELL


@pytest.mark.parametrize("name, control, value", _cases(Param.invalid_examples))
def test_invalid_control_value_raises_a_named_error_before_any_widget_changes(name, control, value):
    view = view_of(name)
    before = view.params()
    with pytest.raises((TypeError, ValueError)) as info:
        view.set(**{control: value})
    assert not isinstance(info.value, traitlets.TraitError)
    assert control in str(info.value), str(info.value)
    assert view.params() == before, "a refused value moved a widget"
    with pytest.raises((TypeError, ValueError)) as info:
        VIEWS[name](**{control: value})
    assert not isinstance(info.value, traitlets.TraitError) and control in str(info.value)


@pytest.mark.parametrize("name, control, value", _cases(_valid))
def test_valid_control_value_moves_the_widget_and_renders(name, control, value):
    view = view_of(name)
    png = view.set(**{control: value})
    assert png.startswith(b"\x89PNG") and view.error.value == ""
    assert view.controls[control].value == view.PARAMS[control].check(control, value)
    view.set(**view.defaults())


def test_unknown_control_is_refused():
    with pytest.raises(ValueError, match="unknown control"):
        view_of("MyelinWearView").set(pressure=120)


def test_legends_show_plain_words_not_sphinx_markup():
    """Student review 2: a view's legend showed ``:data:`SEVERITY_BY_CATEGORY```."""
    from hfs_edu.widgets.base import plain_doc, registry

    assert plain_doc("How hard (grades of [S33]; see :data:`SEVERITY_BY_CATEGORY`).") == "How hard (grades of [S33])."
    for name, cls in registry().items():
        view = cls()
        assert "`" not in view.legend.value and ":data:" not in view.legend.value, f"{name}: markup in the legend"
