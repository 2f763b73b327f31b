"""The kernel-free views and quizzes of the book and handouts (tools/static_views.py, issue 11 §3).

Generic over ``View.PARAMS``: every registered view's controls get valid frame values, a view
defined here (never seen by the tools) renders without any change to them, each frame is the
view's own render for those values, and every quiz message on the page is the one
:func:`hfs_edu.quizzes.check_answer` gives. The browser side is tests/browser/test_book.py.
"""

import base64
import io
import json
import re

import build_book
import nbformat
import pytest
import static_views as sv
from PIL import Image

from hfs_edu._params import choice, flag, integer, number
from hfs_edu.quizzes import check_answer, list_quizzes, load_quiz, option_order, reveal
from hfs_edu.widgets.base import View, control
from notebook_utils import NOTEBOOKS, read

WIDGET = "application/vnd.jupyter.widget-view+json"


class _DemoView(View):
    """A view the tools have never seen: a slider, an int slider, a dropdown and a checkbox."""

    PARAMS = {
        "gain": control(number(0.0, 2.0, doc="Gain."), label="gain", step=0.1),
        "n": control(integer(1, 5, doc="Count."), label="count"),
        "colour": control(choice(("red", "blue", "green"), doc="Colour."), label="colour"),
        "fill": control(flag(doc="Fill the bar."), label="fill"),
    }
    IMAGE_WIDTH_PX = 200

    def build_figure(self):
        from hfs_edu.figures.style import new_figure

        fig, ax = new_figure("A demo bar: taller with more gain.", width_in=2, height_in=1.5)
        (self.bar,) = ax.bar([0], [1.0])
        ax.set_ylim(0, 10)
        return fig

    def update(self, gain=1.0, n=2, colour="blue", fill=True):
        self.bar.set_height(gain * n)
        self.bar.set_color(colour)
        self.bar.set_fill(fill)
        return f"<p>height <b style='color:#D55E00'>{gain * n:.1f}</b></p>"


def _views():
    return sv.view_registry()


@pytest.mark.parametrize("name", sorted(_views()))
def test_every_control_of_every_view_has_valid_frame_values(name):
    cls = _views()[name]
    defaults = cls.defaults()
    for control_name, p in cls.PARAMS.items():
        values = sv.control_values(p, defaults[control_name], sv.MAX_SLIDER_STEPS)
        assert defaults[control_name] in values or sv._widget_kind(p) == "select", (name, control_name)
        for v in values:
            cls.validate(**{control_name: v})  # every frame value is one the view accepts
        if sv._widget_kind(p) == "range":
            assert len(values) <= sv.MAX_SLIDER_STEPS + 1, (name, control_name, values)
            assert values == sorted(values), "a slider's frames follow its direction"
            if p.extra.get("stops") is None:
                assert values[0] == p.lo and values[-1] == p.hi, "a slider's frames span its range"
        elif p.kind == "choice":
            assert values == list(p.options()), "every option of a dropdown/toggle gets a frame"


def _png_of(data_uri: str) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1]))).convert("RGB")


def test_a_new_view_class_renders_along_each_control_with_the_others_at_defaults():
    frames = sv.render_frames(_DemoView)
    controls = {c["name"]: c for c in frames["controls"]}
    assert set(controls) == set(_DemoView.PARAMS)
    defaults = _DemoView.defaults()
    # one shared default frame + one per other value of each control
    expected = 1 + sum(len(c["labels"]) - 1 for c in frames["controls"])
    assert len(frames["images"]) == expected
    assert controls["colour"]["labels"] == ["red", "blue", "green"] and controls["fill"]["labels"] == ["off", "on"]
    assert controls["gain"]["labels"][0] == "0.0" and controls["gain"]["labels"][-1] == "2.0"
    # a frame is the view's own render for that control's value with the others at the defaults
    probe = _DemoView()
    gain = controls["gain"]
    i = len(gain["labels"]) - 1
    png = sv._png_small(probe.set(**{**defaults, "gain": 2.0}))
    assert (
        _png_of(frames["images"][gain["frames"][i]]).tobytes() == Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    )
    assert "4.0" in frames["readouts"][gain["frames"][i]]
    # frames differ where the figure does
    assert frames["images"][gain["frames"][0]] != frames["images"][gain["frames"][i]]
    # readout colours are made readable (Okabe-Ito orange #D55E00 is 3.9:1 on white)
    assert "#D55E00" not in "".join(frames["readouts"]) and "color:#" in "".join(frames["readouts"])


def test_the_budget_limits_slider_frames_but_never_drops_an_option():
    small = sv.render_frames(_DemoView, budget=1)
    for c in small["controls"]:
        if c["kind"] == "range":
            assert len(c["labels"]) <= sv.MIN_SLIDER_STEPS + 1
    assert [c["labels"] for c in small["controls"] if c["name"] == "colour"] == [["red", "blue", "green"]]


def test_view_html_is_labelled_and_self_contained():
    frames = sv.render_frames(_DemoView)
    page = sv.view_html(frames, "demo")
    for c in frames["controls"]:
        cid = f"demo-{c['name']}"
        assert f'<label for="{cid}">' in page and f'id="{cid}"' in page, f"control {c['name']} has no label"
    assert re.search(r'<img class="hfs-frame" src="data:image/png;base64,[^"]+" alt="A demo bar', page)
    assert "http://" not in page and "https://" not in page
    data = json.loads(re.search(r'<script type="application/json" class="hfs-data">(.*?)</script>', page).group(1))
    assert len(data["images"]) == len(frames["images"])


def test_a_view_kwarg_in_the_cell_is_the_frames_base():
    (call,) = sv.find_view_calls('from x import V\n\nV(colour="red", n=3)', {"V"})
    assert call.kwargs == {"colour": "red", "n": 3}
    frames = sv.render_frames(_DemoView, {"colour": "red"})
    colour = next(c for c in frames["controls"] if c["name"] == "colour")
    assert colour["labels"][colour["default"]] == "red"


def test_every_widget_cell_of_every_chapter_becomes_a_view_a_quiz_or_a_trainer():
    names, trainers = _views(), sv.trainer_registry()
    for path in NOTEBOOKS:
        nb = read(path)
        for cell in nb.cells:
            if cell.cell_type == "code" and any(WIDGET in o.get("data", {}) for o in cell.get("outputs", [])):
                calls = sv.find_view_calls(cell.source, names)
                quiz = sv.find_quiz_chapter(cell.source)
                trainer = sv.find_view_calls(cell.source, trainers)
                assert calls or quiz or trainer, f"{path.name} cell {cell.get('id')}: a widget the book cannot show"
                assert not calls or calls[-1].name in names
                assert quiz is None or quiz in list_quizzes()


@pytest.mark.parametrize("chapter", list_quizzes())
def test_every_quiz_message_on_the_page_is_check_answers(chapter):
    data = sv.quiz_data(chapter)
    questions = load_quiz(chapter)
    assert [d["id"] for d in data] == [q["id"] for q in questions]
    for q, d in zip(questions, data):
        assert d["reveal"] == reveal(q)
        if q["type"] == "numeric":
            assert d["fb"]["right"] == check_answer(q, float(q["answer"])).message
            assert "too high" in d["fb"]["high"][0] and "Hint" in d["fb"]["high"][0]
            assert (
                d["fb"]["low"][1] == check_answer(q, float(q["answer"]) - 100 * q["tolerance"] - 1, attempt=2).message
            )
            continue
        assert [o["k"] for o in d["options"]] == option_order(q, chapter)
        for key, fb in d["fb"].items():
            chosen = [int(k) for k in key.split(",")]
            resp = chosen[0] if q["type"] == "single" else chosen
            assert fb["c"] == check_answer(q, resp).correct
            assert fb["m"] == [check_answer(q, resp, attempt=1).message, check_answer(q, resp, attempt=2).message]


def test_markdown_links_glossary_and_citations():
    md = "An [AICA](glossary.md#AICA) loop [S33:A; S14:A], see [TC:T]."
    out = build_book.link_markdown(md)
    assert '<a href="glossary.html#AICA">AICA</a>' in out
    assert '[<a href="#ref-S33">S33:A</a>; <a href="#ref-S14">S14:A</a>]' in out
    assert '<a href="#ref-TC">TC:T</a>' in out
    refs = build_book.link_markdown("## References\n\n1. **[S33]** Someone (2020).")
    assert '<span id="ref-S33"></span>**[S33]**' in refs


def test_prepare_leaves_no_widget_and_collapses_solutions(monkeypatch):
    calls = []

    def fake_frames(cls, kwargs, cache_dir, budget=None):
        calls.append(cls.__name__)
        return sv.render_frames(_DemoView)

    monkeypatch.setattr(sv, "cached_frames", fake_frames)
    path = NOTEBOOKS[0]
    nb = build_book.prepare(read(path), path.stem, book=True)
    assert "widgets" not in nb.metadata
    assert calls, "the chapter's view was not rendered"
    html = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert WIDGET not in o.get("data", {})
            html.append(o.get("data", {}).get("text/html", ""))
        if cell.cell_type == "code" and "solution" in cell.metadata.get("tags", []):
            assert "hide-cell" in cell.metadata["tags"]
    joined = "".join(html)
    assert "hfs-static-view" in joined and "hfs-static-quiz" in joined
    nbformat.validate(nb)


def test_a_heavier_page_leaves_each_view_fewer_bytes():
    views = sv.view_registry()
    nb = read(NOTEBOOKS[0])
    nb.metadata.pop("widgets", None)
    light = build_book.view_budget(nb, views)
    heavy = nbformat.from_dict(nb)
    heavy.cells.append(nbformat.v4.new_markdown_cell("x" * 2_000_000))
    assert build_book.view_budget(heavy, views) < light <= sv.VIEW_BUDGET_BYTES


# -- trainers (a widget with static_payload(): chapter 06's VignetteTrainer) ----------------------
def test_trainers_are_found_by_their_protocol_not_by_name():
    trainers = sv.trainer_registry()
    assert trainers, "no widget class with static_payload()"
    assert not set(trainers) & set(_views()), "a View is rendered as frames, not as a trainer"
    for cls in trainers.values():
        assert callable(cls.static_payload)


@pytest.mark.parametrize("name", sorted(sv.trainer_registry()))
def test_every_trainer_message_on_the_page_is_the_trainers_own_check(name):
    """Replay random choices on a live trainer and on its payload: the same feedback and the same points."""
    import random

    cls = sv.trainer_registry()[name]
    payload = cls().static_payload()
    live = cls()
    options = [c["options"] for c in payload["controls"]]
    rng = random.Random(6)
    for case in payload["cases"]:
        assert live.case.value == case["text"]
        assert set(case["marks"]) == {f"{d},{i}" for d in range(len(options[0])) for i in range(len(options[1]))}
        for _ in range(8):
            d, i = rng.randrange(len(options[0])), rng.randrange(len(options[1]))
            first, again, points, possible = case["marks"][f"{d},{i}"]
            live.results.clear()
            live.choose(options[0][d], options[1][i])
            result = live.check()
            assert payload["messages"][first] == live.feedback.value
            assert (points, possible) == ((result.points, result.possible) if result else (None, None))
            live.check()
            assert payload["messages"][again] == live.feedback.value
        live.next_case()


@pytest.mark.parametrize("name", sorted(sv.trainer_registry()))
def test_the_trainer_page_shows_no_answer_before_check_and_is_labelled(name):
    cls = sv.trainer_registry()[name]
    payload = cls().static_payload()
    page = sv.trainer_html(payload, "demo", cls.__name__)
    shown = re.sub(r'<script type="application/json" class="hfs-data">.*?</script>', "", page, flags=re.S)
    shown = re.sub(r"<script>.*?</script>", "", shown, flags=re.S)
    for m in payload["messages"]:
        assert sv.accessible_colours(m) not in shown, "feedback on the page before Check"
    assert '<div class="hfs-feedback" aria-live="polite"></div>' in shown
    for n in range(len(payload["controls"])):
        assert f'<label for="demo-c{n}">' in shown and f'<select id="demo-c{n}">' in shown
    assert "http://" not in page and "https://" not in page
    assert "#D55E00" not in page and "#009E73" not in page, "feedback colours are made readable (4.5:1)"


def test_prepare_turns_the_trainer_cell_into_a_kernel_free_trainer(monkeypatch, tmp_path):
    monkeypatch.setattr(build_book, "FRAME_CACHE", tmp_path)
    monkeypatch.setattr(sv, "cached_frames", lambda cls, kwargs, cache_dir, budget=None: sv.render_frames(_DemoView))
    trainers = sv.trainer_registry()
    hits = [
        p
        for p in NOTEBOOKS
        if any(c.cell_type == "code" and sv.find_view_calls(c.source, trainers) for c in read(p).cells)
    ]
    if not hits:
        pytest.skip("no chapter uses a trainer")
    nb = build_book.prepare(read(hits[0]), hits[0].stem, book=False)
    joined = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    assert joined.count('class="hfs-static-trainer"') >= 1
    assert WIDGET not in json.dumps([c.get("outputs", []) for c in nb.cells])
