"""Kernel-free views and quizzes for the book and the handouts (issue 11 §3).

A page read without a kernel cannot run a view's model. Instead, at build time, every view
cell's :class:`hfs_edu.widgets.View` is rendered **along each control with the others at their
defaults** (sliders: a few steps including the default; dropdowns, toggles, checkboxes: every
option), and the cell's widget output is replaced by plain HTML: a labelled
``<input type=range>`` / ``<select>`` / checkbox per control, the frame image, the view's
caption and readout, and a few lines of script that swap in the stored frame when a control
moves. Generic over ``View.PARAMS``: a new view class needs no change here.

The quiz cell (``hfs.quiz("NN_name")``) becomes an HTML quiz with the same behaviour as
:class:`hfs_edu.widgets.quiz.QuizView` (options in :func:`~hfs_edu.quizzes.option_order`, a
hint after the first wrong answer, the answer after the second, "Show answer", a score). Every
message shown is computed here by :func:`hfs_edu.quizzes.check_answer`, so the page's script
only looks messages up; the quiz logic stays in tested Python.

A *trainer* cell (a widget class with a ``static_payload()`` method, found by
:func:`trainer_registry`) becomes an HTML trainer (:func:`trainer_html`): the widget's own marking
is run at build time for every case and choice, and the page's script only looks the feedback up.

No external request: images are ``data:`` URIs, the script is inline.
"""

from __future__ import annotations

import ast
import base64
import html
import importlib
import io
import itertools
import json
import math
import pkgutil
from dataclasses import dataclass
from typing import Any

#: Most frames per slider (endpoints and the default always included).
MAX_SLIDER_STEPS = 9
#: Fewest frames per slider when a view's budget forces fewer.
MIN_SLIDER_STEPS = 3
#: Bytes of frame images one view may add to its page (the page limit is 3 MB).
VIEW_BUDGET_BYTES = 700_000
#: Colours of a quantised frame (palette PNG: about a third of the RGBA size, no visible loss).
PALETTE_COLOURS = 64

NOTE = (
    "Reading without a kernel: each control shows the figure along that control with the other "
    "controls at their defaults (frames drawn when this page was built). Run the notebook to "
    "combine controls freely."
)


def view_registry() -> dict[str, type]:
    """Every :class:`View` subclass of the package (imports every ``hfs_edu.widgets`` module)."""
    import hfs_edu.widgets as widgets_pkg

    for mod in pkgutil.iter_modules(widgets_pkg.__path__):
        importlib.import_module(f"hfs_edu.widgets.{mod.name}")
    from hfs_edu.widgets import registry

    return registry()


# -- finding the cells ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ViewCall:
    """A view constructed in a cell: its class name and the literal keyword arguments."""

    name: str
    kwargs: dict


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


def find_view_calls(source: str, names) -> list[ViewCall]:
    """The view constructions in a cell's ``source`` (calls of a name in ``names``), in order.

    Keyword arguments must be literals (``FaceMapView(branch="zygomatic")``); a call with any
    other argument is skipped (the page then keeps the cell's text output)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in names and not node.args:
            try:
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            except ValueError:
                continue
            calls.append(ViewCall(_call_name(node), kwargs))
    return calls


def find_quiz_chapter(source: str) -> str | None:
    """The chapter of a ``hfs.quiz("NN_name")`` / ``quiz("NN_name")`` call in ``source``, or None."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _call_name(node) == "quiz"
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            return node.args[0].value
    return None


# -- frames --------------------------------------------------------------------------------------
def _png_small(png: bytes) -> bytes:
    """A palette PNG of ``png`` (the figures are flat colours and lines: quantising loses nothing visible)."""
    from PIL import Image

    im = Image.open(io.BytesIO(png)).convert("RGB")
    q = im.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    q.save(out, format="PNG", optimize=True)
    small = out.getvalue()
    return small if len(small) < len(png) else png


def _decimals(step: float) -> int:
    if step >= 1:
        return 0
    return max(0, min(6, -math.floor(math.log10(step) + 1e-9)))


def _fmt(p, value) -> str:
    x = p.extra
    if x.get("stops") is not None:
        labels = x.get("stop_labels")
        if labels:
            return str(labels[list(x["stops"]).index(value)])
        return f"{value:,}"
    if p.kind == "int":
        return f"{int(value):,}"
    if p.kind == "number":
        if x.get("readout_format"):
            return format(value, x["readout_format"])
        step = x.get("step") or (p.hi - p.lo) / 100
        return f"{value:.{_decimals(step)}f}"
    if p.kind == "bool":
        return "on" if value else "off"
    return str(value)


def _subsample(values: list, default, n: int) -> list:
    """At most ``n`` of ``values`` (in order), evenly spread, always with the ends and ``default``."""
    if len(values) <= n:
        return list(values)
    idx = {round(i * (len(values) - 1) / (n - 1)) for i in range(n)}
    if default in values:
        idx.add(values.index(default))
    return [values[i] for i in sorted(idx)]


def control_values(p, default, n_steps: int) -> list:
    """The values a control is rendered at: every option, or ``n_steps`` slider steps with the default."""
    x = p.extra
    if x.get("stops") is not None:
        return _subsample(list(x["stops"]), default, n_steps)
    if p.kind == "bool":
        return [False, True]
    if p.kind == "choice":
        return list(p.options())
    if p.kind in ("number", "int"):
        lo, hi = p.lo, p.hi
        step = x.get("step") or (1 if p.kind == "int" else (hi - lo) / 100)
        grid_n = int(round((hi - lo) / step))
        raw = [lo + round(i * grid_n / (n_steps - 1)) * step for i in range(n_steps)] if grid_n else [lo]
        if p.kind == "int":
            vals = sorted({int(round(v)) for v in raw} | {int(default)})
        else:
            d = _decimals(step) + 2
            vals = sorted({round(min(max(v, lo), hi), d) for v in raw} | {default})
        return vals
    raise TypeError(f"no static frames for a {p.kind!r} control")


def _luminance(hex6: str) -> float:
    def ch(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex6[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def _readable(m) -> str:
    """A ``color:#rrggbb`` darkened until it has 4.5:1 contrast on white (WCAG 2.1 AA)."""
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i : i + 2], 16) for i in (0, 2, 4)]
    while 1.05 / (_luminance("".join(f"{c:02x}" for c in rgb)) + 0.05) < 4.6:
        rgb = [int(c * 0.9) for c in rgb]
    return "color:#" + "".join(f"{c:02x}" for c in rgb)


def accessible_colours(markup: str) -> str:
    """``markup`` with every inline text colour dark enough to read on white (views' readouts use
    the Okabe-Ito palette, whose orange #D55E00 is 3.9:1)."""
    import re

    return re.sub(r"(?<![-\w])color:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", _readable, markup)


def _widget_kind(p) -> str:
    if p.extra.get("stops") is not None or p.kind in ("number", "int"):
        return "range"
    if p.kind == "bool":
        return "checkbox"
    return "select"


def render_frames(cls, kwargs: dict | None = None, *, budget: int = VIEW_BUDGET_BYTES) -> dict:
    """Render ``cls(**kwargs)`` along each control (others at the cell's values or the defaults).

    Returns ``{"controls": [...], "images": [data URI...], "readouts": [html...], "caption",
    "legend", "bytes"}``; each control has ``name, label, kind, labels, frames, default`` (index
    into its values). The number of slider steps is the largest (≤ :data:`MAX_SLIDER_STEPS`) that
    keeps the images within ``budget`` bytes, estimated from the first frame.
    """
    kwargs = dict(kwargs or {})
    view = cls(**kwargs)
    base = {**cls.defaults(), **view.params(), **kwargs}
    params = cls.PARAMS
    images: list[str] = []
    readouts: list[str] = []
    cache: dict[tuple, int] = {}

    def frame(values: dict) -> int:
        key = tuple(sorted((k, repr(v)) for k, v in values.items()))
        if key not in cache:
            png = _png_small(view.set(**values))
            images.append("data:image/png;base64," + base64.b64encode(png).decode("ascii"))
            readouts.append(accessible_colours(view.readout.value or ""))
            cache[key] = len(images) - 1
        return cache[key]

    frame(base)
    first = len(images[0])
    sliders = [n for n, p in params.items() if _widget_kind(p) == "range"]
    fixed = sum(len(control_values(p, base[n], 2)) - 1 for n, p in params.items() if n not in sliders)
    steps = MAX_SLIDER_STEPS
    if sliders:
        room = budget // max(first, 1) - 1 - fixed
        steps = max(MIN_SLIDER_STEPS, min(MAX_SLIDER_STEPS, room // len(sliders) + 1))
    controls = []
    for name, p in params.items():
        values = control_values(p, base[name], steps)
        if base[name] not in values:
            values = sorted({*values, base[name]}) if _widget_kind(p) == "range" else [*values, base[name]]
        frames = [frame({**base, name: v}) for v in values]
        controls.append(
            {
                "name": name,
                "label": p.extra.get("label") or name,
                "kind": _widget_kind(p),
                "labels": [_fmt(p, v) for v in values],
                "frames": frames,
                "default": values.index(base[name]),
            }
        )
    view.set(**base)
    from hfs_edu.widgets.base import plain_doc

    legend = {c["name"]: plain_doc(params[c["name"]].doc) for c in controls}
    return {
        "view": cls.__name__,
        "controls": controls,
        "images": images,
        "readouts": readouts,
        "caption": view.caption,
        "legend": legend,
        "bytes": sum(len(i) for i in images),
    }


def _source_digest() -> str:
    """A digest of everything a frame depends on: the package, its tables, this module."""
    import hashlib
    from pathlib import Path

    import hfs_edu

    h = hashlib.sha256()
    pkg = Path(hfs_edu.__file__).resolve().parent
    roots = [pkg, pkg.parent / "data", Path(__file__).resolve()]
    for root in roots:
        files = (
            [root]
            if root.is_file()
            else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for f in files:
            h.update(str(f.relative_to(root) if f != root else f.name).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


_DIGEST: list[str] = []


def _cached_json(cache_dir, cls, key_parts: list, make) -> dict:
    """``make()``'s JSON result, stored in ``cache_dir`` under a digest of ``key_parts`` and the package
    sources (the book and the handouts build each view and trainer once)."""
    import hashlib
    from pathlib import Path

    if not _DIGEST:
        _DIGEST.append(_source_digest())
    key = json.dumps([cls.__name__, *key_parts, _DIGEST[0]], sort_keys=True, default=str)
    path = Path(cache_dir) / f"{cls.__name__}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    result = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result), encoding="utf-8")
    return result


def cached_frames(cls, kwargs: dict | None, cache_dir, budget: int = VIEW_BUDGET_BYTES) -> dict:
    """:func:`render_frames`, stored in ``cache_dir`` (see :func:`_cached_json`)."""
    return _cached_json(cache_dir, cls, [kwargs or {}, budget], lambda: render_frames(cls, kwargs, budget=budget))


_VIEW_JS = """
(function(){document.querySelectorAll('.hfs-static-view:not([data-ready])').forEach(function(root){
root.setAttribute('data-ready','1');var d=JSON.parse(root.querySelector('script.hfs-data').textContent);
var img=root.querySelector('img.hfs-frame'),ro=root.querySelector('.hfs-readout'),st=root.querySelector('.hfs-shown');
var els=d.controls.map(function(c){return root.querySelector('[data-control="'+c.name+'"]');});
function show(ci,i){var c=d.controls[ci],f=c.frames[i];img.src=d.images[f];ro.innerHTML=d.readouts[f];
var txt=c.label+': '+c.labels[i]+(d.controls.length>1?' (other controls at their defaults)':'');
st.textContent='Shown: '+txt;img.alt=d.caption+' Shown: '+txt+'.';
d.controls.forEach(function(o,oi){if(oi===ci)return;var e=els[oi];
if(o.kind==='checkbox'){e.checked=o.default===1;}else{e.value=String(o.default);}
if(o.kind==='range'){e.setAttribute('aria-valuetext',o.labels[o.default]);
root.querySelector('output[for="'+e.id+'"]').textContent=o.labels[o.default];}});
var e=els[ci];if(c.kind==='range'){e.setAttribute('aria-valuetext',c.labels[i]);
root.querySelector('output[for="'+e.id+'"]').textContent=c.labels[i];}}
els.forEach(function(e,ci){var c=d.controls[ci];var ev=c.kind==='range'?'input':'change';
e.addEventListener(ev,function(){show(ci,c.kind==='checkbox'?(e.checked?1:0):parseInt(e.value,10));});});
});})();
"""


def view_html(frames: dict, uid: str) -> str:
    """The kernel-free view: labelled controls, the frame image, caption, readout and the swap script."""
    esc = html.escape
    rows = []
    for c in frames["controls"]:
        cid = f"{uid}-{c['name']}"
        d = c["default"]
        if c["kind"] == "range":
            rows.append(
                f'<div class="hfs-control"><label for="{cid}">{esc(c["label"])}</label> '
                f'<input type="range" id="{cid}" data-control="{esc(c["name"])}" min="0" '
                f'max="{len(c["labels"]) - 1}" step="1" value="{d}" aria-valuetext="{esc(c["labels"][d])}"> '
                f'<output for="{cid}">{esc(c["labels"][d])}</output></div>'
            )
        elif c["kind"] == "checkbox":
            checked = " checked" if d == 1 else ""
            rows.append(
                f'<div class="hfs-control"><input type="checkbox" id="{cid}" data-control="{esc(c["name"])}"'
                f'{checked}> <label for="{cid}">{esc(c["label"])}</label></div>'
            )
        else:
            opts = "".join(
                f'<option value="{i}"{" selected" if i == d else ""}>{esc(lab)}</option>'
                for i, lab in enumerate(c["labels"])
            )
            rows.append(
                f'<div class="hfs-control"><label for="{cid}">{esc(c["label"])}</label> '
                f'<select id="{cid}" data-control="{esc(c["name"])}">{opts}</select></div>'
            )
    legend = "".join(
        f"<li><b>{esc(c['label'])}</b>: {esc(frames['legend'][c['name']])}</li>" for c in frames["controls"]
    )
    first = frames["controls"][0]["frames"][frames["controls"][0]["default"]] if frames["controls"] else 0
    data = {
        "controls": frames["controls"],
        "images": frames["images"],
        "readouts": frames["readouts"],
        "caption": frames["caption"],
    }
    payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="hfs-static-view" id="{uid}" role="group" aria-label="Interactive figure: '
        f'{esc(frames["view"])}">'
        f'<p class="hfs-static-note">{esc(NOTE)}</p>'
        f'<div class="hfs-controls">{"".join(rows)}</div>'
        f'<div class="hfs-legend"><b>Controls</b><ul>{legend}</ul></div>'
        f'<img class="hfs-frame" src="{frames["images"][first]}" alt="{esc(frames["caption"])}">'
        f'<p class="hfs-shown" aria-live="polite">Shown: the defaults.</p>'
        f'<p class="hfs-caption"><b>What to notice:</b> {esc(frames["caption"])}</p>'
        f'<div class="hfs-readout">{frames["readouts"][first]}</div>'
        f'<script type="application/json" class="hfs-data">{payload}</script>'
        f"<script>{_VIEW_JS}</script></div>"
    )


# -- quizzes -------------------------------------------------------------------------------------
LETTERS = "ABCDEF"


def quiz_data(chapter: str) -> list[dict]:
    """Per question: the shown order and every message :func:`check_answer` gives (attempts 1 and 2)."""
    from hfs_edu.quizzes import check_answer, load_quiz, option_order, reveal

    out = []
    for q in load_quiz(chapter):
        item: dict[str, Any] = {"id": q["id"], "type": q["type"], "stem": q["stem"], "reveal": reveal(q)}
        if q["type"] == "numeric":
            a, tol = float(q["answer"]), float(q["tolerance"])
            item.update(answer=a, tol=tol, unit=q["unit"])
            item["fb"] = {
                "right": check_answer(q, a).message,
                "high": [check_answer(q, a + 10 * tol + 1, attempt=t).message for t in (1, 2)],
                "low": [check_answer(q, a - 10 * tol - 1, attempt=t).message for t in (1, 2)],
            }
        else:
            order = option_order(q, chapter)
            item["options"] = [{"k": k, "text": q["options"][k]["text"]} for k in order]
            n = len(q["options"])
            if q["type"] == "single":
                subsets = [(k,) for k in range(n)]
            else:
                subsets = [s for r in range(1, n + 1) for s in itertools.combinations(range(n), r)]
            fb = {}
            for s in subsets:
                resp = s[0] if q["type"] == "single" else list(s)
                f1, f2 = check_answer(q, resp, attempt=1), check_answer(q, resp, attempt=2)
                fb[",".join(map(str, s))] = {"c": f1.correct, "m": [f1.message, f2.message]}
            item["fb"] = fb
        out.append(item)
    return out


_QUIZ_JS = """
(function(){document.querySelectorAll('.hfs-static-quiz:not([data-ready])').forEach(function(root){
root.setAttribute('data-ready','1');var qs=JSON.parse(root.querySelector('script.hfs-data').textContent);
var score=root.querySelector('.hfs-score'),right={};
function upd(){var n=qs.length,c=0,a=0;for(var k in right){a++;if(right[k])c++;}
score.textContent='Score: '+c+' / '+n+' correct ('+a+' of '+n+' answered)';}
function num(s){s=s.trim().replace(/ /g,'');if(s.indexOf(',')>=0&&s.indexOf('.')<0)s=s.replace(',','.');
if(s==='')return null;var x=Number(s);return isFinite(x)?x:NaN;}
qs.forEach(function(q,i){var box=root.querySelector('[data-q="'+i+'"]'),fbx=box.querySelector('.hfs-feedback');
var st={tries:0,revealed:false};
function say(t,cls){fbx.textContent=t;fbx.className='hfs-feedback '+(cls||'');}
box.querySelector('.hfs-check').addEventListener('click',function(){var f,ok;
if(q.type==='numeric'){var raw=box.querySelector('input').value,x=num(raw);
if(x===null){say('Type a number first.');return;}
if(isNaN(x)){say('\\u201c'+raw+'\\u201d is not a number. Type a number, e.g. 1.5.');return;}
st.tries++;ok=Math.abs(x-q.answer)<=q.tol;var t=Math.min(st.tries,2)-1;
f={c:ok,m:ok?q.fb.right:(x>q.answer?q.fb.high[t]:q.fb.low[t])};}
else{var ch=[];box.querySelectorAll('input').forEach(function(e){if(e.checked)ch.push(parseInt(e.value,10));});
if(!ch.length){say('Choose an answer first.');return;}ch.sort(function(a,b){return a-b;});st.tries++;
var r=q.fb[ch.join(',')];f={c:r.c,m:r.m[Math.min(st.tries,2)-1]};}
var was=st.revealed;st.revealed=was||f.c||st.tries>=2;say((f.c?'\\u2714 ':'\\u2718 ')+f.m,f.c?'hfs-right':'hfs-wrong');
if(!right[q.id])right[q.id]=f.c&&!was;upd();});
box.querySelector('.hfs-show').addEventListener('click',function(){st.revealed=true;say(q.reveal);
if(!(q.id in right))right[q.id]=false;upd();});});upd();});})();
"""


def quiz_html(chapter: str, uid: str) -> str:
    """The kernel-free quiz of ``chapter``: a fieldset per question, Check / Show answer, a score."""
    esc = html.escape
    qs = quiz_data(chapter)
    cards = []
    for i, q in enumerate(qs):
        qid = f"{uid}-q{i + 1}"
        if q["type"] == "numeric":
            field = (
                f'<label for="{qid}-x">Your answer ({esc(q["unit"]) or "a number"})</label> '
                f'<input type="text" inputmode="decimal" id="{qid}-x" size="10">'
            )
        else:
            kind = "radio" if q["type"] == "single" else "checkbox"
            field = "".join(
                f'<div class="hfs-option"><input type="{kind}" name="{qid}" id="{qid}-{pos}" value="{o["k"]}"> '
                f'<label for="{qid}-{pos}"><b>{LETTERS[pos]}.</b> {esc(o["text"])}</label></div>'
                for pos, o in enumerate(q["options"])
            )
        hint = " (choose every correct option)" if q["type"] == "multiple" else ""
        cards.append(
            f'<fieldset class="hfs-question" data-q="{i}"><legend><b>Q{i + 1}.</b> {esc(q["stem"])}{hint}</legend>'
            f'{field}<div class="hfs-buttons"><button type="button" class="hfs-check">Check</button> '
            f'<button type="button" class="hfs-show">Show answer</button></div>'
            f'<p class="hfs-feedback" aria-live="polite"></p></fieldset>'
        )
    payload = json.dumps(qs, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="hfs-static-quiz" id="{uid}" role="group" aria-label="Self-check quiz">'
        f'{"".join(cards)}<p class="hfs-score" aria-live="polite"></p>'
        f'<script type="application/json" class="hfs-data">{payload}</script>'
        f"<script>{_QUIZ_JS}</script></div>"
    )


# -- trainers ------------------------------------------------------------------------------------
#: What a trainer's page says about reading without a kernel.
TRAINER_NOTE = (
    "Reading without a kernel: every answer's feedback was computed by the course's marking when this "
    "page was built. The score is kept in this page only and starts again when the page is reloaded."
)


def trainer_registry() -> dict[str, type]:
    """Every class of ``hfs_edu.widgets`` with a ``static_payload()`` method (a widget that is neither a
    :class:`View` nor the quiz but can say, in advance, everything it would show; see
    :func:`trainer_html`), by class name."""
    import hfs_edu.widgets as widgets_pkg

    out = {}
    for mod in pkgutil.iter_modules(widgets_pkg.__path__):
        module = importlib.import_module(f"hfs_edu.widgets.{mod.name}")
        for name, obj in vars(module).items():
            if (
                isinstance(obj, type)
                and obj.__module__ == module.__name__
                and callable(getattr(obj, "static_payload", None))
            ):
                out[name] = obj
    return out


def cached_payload(cls, kwargs: dict | None, cache_dir) -> dict:
    """``cls(**kwargs).static_payload()``, stored in ``cache_dir`` like :func:`cached_frames`."""
    return _cached_json(cache_dir, cls, [kwargs or {}], lambda: cls(**(kwargs or {})).static_payload())


_TRAINER_JS = """
(function(){document.querySelectorAll('.hfs-static-trainer:not([data-ready])').forEach(function(root){
root.setAttribute('data-ready','1');var d=JSON.parse(root.querySelector('script.hfs-data').textContent);
var sel=root.querySelectorAll('select'),cs=root.querySelector('.hfs-case'),fb=root.querySelector('.hfs-feedback');
var sc=root.querySelector('.hfs-score'),at=0,marked={};
function score(){var p=0,q=0,n=0;for(var k in marked){n++;p+=marked[k][0];q+=marked[k][1];}
sc.textContent='Score: '+p+' / '+q+' points ('+n+' of '+d.cases.length+' cases marked; kept in this page only)';}
function show(){cs.innerHTML=d.cases[at].text;sel.forEach(function(s){s.value='0';});fb.innerHTML='';score();}
root.querySelector('.hfs-check').addEventListener('click',function(){
var m=d.cases[at].marks[sel[0].value+','+sel[1].value],again=(at in marked);
fb.innerHTML=d.messages[m[again?1:0]];if(!again&&m[2]!==null)marked[at]=[m[2],m[3]];score();});
root.querySelector('.hfs-next').addEventListener('click',function(){at=(at+1)%d.cases.length;show();});
score();});})();
"""


def trainer_html(payload: dict, uid: str, name: str = "trainer") -> str:
    """The kernel-free trainer from its ``static_payload()``: the case, a labelled ``<select>`` per
    dropdown, Check and Next, the feedback and the score. The page's script only looks up the
    feedback the trainer gave at build time (``payload["cases"][k]["marks"]["d,i"]``); nothing of
    an answer is shown before Check."""
    esc = html.escape
    if len(payload["controls"]) != 2:
        raise ValueError(f"{name}: a static trainer has two dropdowns, got {len(payload['controls'])}")
    rows = []
    for n, c in enumerate(payload["controls"]):
        cid = f"{uid}-c{n}"
        opts = "".join(f'<option value="{i}">{esc(o)}</option>' for i, o in enumerate(c["options"]))
        rows.append(
            f'<div class="hfs-control"><label for="{cid}">{esc(c["label"])}</label> '
            f'<select id="{cid}">{opts}</select></div>'
        )
    data = {**payload, "messages": [accessible_colours(m) for m in payload["messages"]]}
    data["cases"] = [{**c, "text": accessible_colours(c["text"])} for c in payload["cases"]]
    check, next_ = payload["buttons"]
    json_ = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="hfs-static-trainer" id="{uid}" role="group" aria-label="Interactive exercise: {esc(name)}">'
        f'<p class="hfs-static-note">{esc(TRAINER_NOTE)}</p>'
        f'<div class="hfs-case">{data["cases"][0]["text"]}</div>'
        f'<div class="hfs-controls">{"".join(rows)}</div>'
        f'<div class="hfs-buttons"><button type="button" class="hfs-check">{esc(check)}</button> '
        f'<button type="button" class="hfs-next">{esc(next_)}</button></div>'
        f'<div class="hfs-feedback" aria-live="polite"></div>'
        f'<p class="hfs-score" aria-live="polite"></p>'
        f'<script type="application/json" class="hfs-data">{json_}</script>'
        f"<script>{_TRAINER_JS}</script></div>"
    )
