"""Layout checks measured in the browser (part of :mod:`labharness`; student review B4, B5).

Two checks, both on bounding boxes and scroll sizes measured by Chromium after the cell has been
scrolled into view (with JupyterLab's default ``contentVisibility`` windowing an off-screen cell
is not laid out, so it is always scrolled to first):

* :func:`quiz_layout_problems`: in every quiz card the stem, the option rows and the feedback box
  do not overlap each other, and no option text spills out of its box (scroll size larger than
  its client size). The old ``RadioButtons`` quiz failed both on long options (B4).
* :func:`view_layout_problems`: in every ``hfs-view`` each slider readout is visible and shows
  its whole text (``scrollWidth <= clientWidth``), no control description is cut short by an
  ellipsis, a dropdown is wide enough for its selected text, nothing is cut off by an ancestor
  that hides overflow, and no control overlaps the legend, the readout text or the figure (B5).

Each returns a list of human-readable problems (empty = pass).
"""

from __future__ import annotations

#: Shared helpers, defined once per call (the page has no module system).
_HELPERS = r"""
  const R = e => e.getBoundingClientRect();
  const shown = e => { const b = R(e); return b.width > 0.5 && b.height > 0.5; };
  const txt = e => (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const overlap = (a, b) => {
    if (a.contains(b) || b.contains(a)) return false;
    const A = R(a), B = R(b);
    const w = Math.min(A.right, B.right) - Math.max(A.left, B.left);
    const h = Math.min(A.bottom, B.bottom) - Math.max(A.top, B.top);
    return w > 2 && h > 2;
  };
  const spills = e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
  const clippedBy = (e, stop) => {
    const b = R(e);
    for (let p = e.parentElement; p && p !== stop; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const P = R(p);
      if (b.left < P.left - 1 || b.right > P.right + 1 || b.top < P.top - 1 || b.bottom > P.bottom + 1) return p;
    }
    return null;
  };
"""

QUIZ_LAYOUT_JS = (
    "(quiz) => {"
    + _HELPERS
    + r"""
  const problems = [];
  const cards = Array.from(quiz.querySelectorAll('.hfs-quiz-card'));
  const groups = cards.length ? cards : [quiz];
  groups.forEach((card, c) => {
    const where = 'quiz card ' + (c + 1);
    const parts = Array.from(card.querySelectorAll(
      '.hfs-quiz-stem, .hfs-quiz-option, .hfs-quiz-feedback, .widget-radio-box label, .widget-checkbox'))
      .filter(e => shown(e) && txt(e).length);
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++)
        if (overlap(parts[i], parts[j]))
          problems.push(where + ': "' + txt(parts[i]) + '" overlaps "' + txt(parts[j]) + '"');
    card.querySelectorAll('.hfs-quiz-text, .widget-radio-box label, .widget-checkbox label').forEach(e => {
      if (shown(e) && spills(e))
        problems.push(where + ': text spills out of its box (' + e.scrollWidth + 'x' + e.scrollHeight + ' in ' +
                      e.clientWidth + 'x' + e.clientHeight + ' px): "' + txt(e) + '"');
    });
  });
  return problems;
}"""
)

VIEW_LAYOUT_JS = (
    "(view) => {"
    + _HELPERS
    + r"""
  const problems = [];
  const ctx = document.createElement('canvas').getContext('2d');
  const labelOf = e => {
    const box = e.matches('.widget-inline-hbox, .widget-toggle-buttons, .widget-radio') ? e
              : e.closest('.widget-slider, .widget-dropdown, .widget-inline-hbox');
    const l = box && box.querySelector('.widget-label');
    const t = l ? (txt(l) || l.getAttribute('title') || '') : '';
    const kind = box ? box.className.split(' ').filter(c => c.startsWith('widget-'))[0] : null;
    return t && t !== 'null' ? t : (kind || '?');
  };
  view.querySelectorAll('.widget-readout').forEach(e => {
    const slider = e.closest('.widget-slider');
    if (slider && !shown(slider)) return;
    if (!shown(e) || getComputedStyle(e).visibility === 'hidden' || getComputedStyle(e).display === 'none')
      problems.push('readout of "' + labelOf(e) + '" is not visible');
    else if (e.scrollWidth > e.clientWidth + 1)
      problems.push('readout of "' + labelOf(e) + '" is clipped: "' + txt(e) + '" needs ' + e.scrollWidth +
                    ' px, has ' + e.clientWidth);
    else if (clippedBy(e, view.parentElement))
      problems.push('readout of "' + labelOf(e) + '" ("' + txt(e) + '") is cut off by its container');
  });
  view.querySelectorAll('.widget-label').forEach(e => {
    if (shown(e) && txt(e) && e.scrollWidth > e.clientWidth + 1)
      problems.push('description "' + txt(e) + '" is cut short (' + e.scrollWidth + ' px in ' + e.clientWidth + ')');
  });
  view.querySelectorAll('select').forEach(s => {
    const o = s.options[s.selectedIndex];
    if (!o || !shown(s)) return;
    ctx.font = getComputedStyle(s).font;
    const need = ctx.measureText(o.text).width + 18;  // room for the arrow
    if (need > s.clientWidth + 1)
      problems.push('dropdown "' + labelOf(s) + '" is too narrow for "' + o.text + '" (' + Math.round(need) +
                    ' px needed, ' + s.clientWidth + ' px)');
  });
  const controls = Array.from(view.querySelectorAll(
    '.widget-slider, .widget-dropdown, .widget-toggle-buttons, .widget-checkbox, .widget-toggle-button, .widget-radio'))
    .filter(shown);
  controls.forEach(e => {
    const p = clippedBy(e, view.parentElement);
    if (p) problems.push('control "' + labelOf(e) + '" is cut off by its container');
  });
  const others = Array.from(view.querySelectorAll('.widget-html, img'))
    .filter(e => shown(e) && (e.tagName === 'IMG' || txt(e)));
  controls.forEach(a => others.forEach(b => {
    if (overlap(a, b))
      problems.push('control "' + labelOf(a) + '" overlaps ' +
                    (b.tagName === 'IMG' ? 'the figure' : '"' + txt(b) + '"'));
  }));
  for (let i = 0; i < controls.length; i++)
    for (let j = i + 1; j < controls.length; j++)
      if (overlap(controls[i], controls[j]))
        problems.push('controls "' + labelOf(controls[i]) + '" and "' + labelOf(controls[j]) + '" overlap');
  return problems;
}"""
)


def quiz_layout_problems(quiz) -> list[str]:
    """Overlaps and spilling text in a quiz (a Playwright locator of its ``.hfs-quiz`` box)."""
    quiz.scroll_into_view_if_needed()
    return list(dict.fromkeys(quiz.evaluate(QUIZ_LAYOUT_JS)))


def view_layout_problems(view) -> list[str]:
    """Hidden or clipped readouts, cut labels, narrow dropdowns and overlaps in one ``.hfs-view``."""
    view.scroll_into_view_if_needed()
    return list(dict.fromkeys(view.evaluate(VIEW_LAYOUT_JS)))
