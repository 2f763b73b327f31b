"""Chapter 06 views: the case-vignette trainer and the Bayes view.

:class:`VignetteTrainer` is built like the quiz (:mod:`hfs_edu.widgets.quiz`): plain ipywidgets in a
:class:`~hfs_edu.widgets._placeholder.ViewBox`, the marking done by
:func:`hfs_edu.models.diagnosis.score_answer` (tested without a browser). Nothing of the answer is
on the page before the student presses **Check**; the running score lives in this object only,
in the kernel, and starts again when the cell is run again.

:class:`BayesView` is a :class:`~hfs_edu.widgets.base.View`: a test and a pre-test probability give
the icon array and the post-test curves of :mod:`hfs_edu.figures.diagnosis`.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .._params import choice, number
from ..figures.diagnosis import N_ICONS, build_bayes, update_bayes
from ..models import diagnosis as dx
from ._placeholder import RUN_THIS_CELL_TRAINER, ViewBox
from .base import View, control

__all__ = ["VignetteTrainer", "BayesView", "RUN_THIS_CELL_TRAINER"]
CHOOSE = "— choose —"
GREEN, ORANGE, GREY = "#009E73", "#D55E00", "#555555"  # Okabe-Ito
_WRAP = "white-space:normal; overflow-wrap:anywhere; line-height:1.4; margin:2px 0"


def _para(body: str, colour: str | None = None) -> str:
    style = _WRAP + (f"; color:{colour}" if colour else "")
    return f'<div class="hfs-trainer-text" style="{style}">{body}</div>'


class VignetteTrainer:
    """Read a vignette, choose a diagnosis and (for HFS) the imaging, get cited feedback.

    Each vignette is marked once (its first checked answer counts); **Next case** moves on, and
    the score shows points out of the points possible so far. The imaging choice is marked only
    when the vignette's answer is HFS, but it is always asked, so that the question does not give
    the diagnosis away. ``start`` is the case to begin with (1 to 12), e.g. ``VignetteTrainer(start=7)``
    for a class that begins at the cases that matter most.
    """

    def __init__(self, start: int = 1):
        self.table = dx.vignettes()
        self.ids = tuple(self.table["vignette_id"])
        if isinstance(start, bool) or not isinstance(start, int):
            raise TypeError(f"start must be an int (the case number to begin with), got {type(start).__name__}")
        if not 1 <= start <= len(self.ids):
            raise ValueError(f"start={start!r} is not a case number; allowed: 1 to {len(self.ids)}")
        self.index = start - 1
        self.results: dict[str, dx.VignetteResult] = {}
        layout = widgets.Layout(width="100%", max_width="560px")
        style = {"description_width": "initial"}
        self.case = widgets.HTML(layout=widgets.Layout(width="auto"))
        self.diagnosis = widgets.Dropdown(
            options=[CHOOSE, *dx.diagnoses()], value=CHOOSE, description="Diagnosis:", style=style, layout=layout
        )
        self.imaging = widgets.Dropdown(
            options=[CHOOSE, *dx.IMAGING_CHOICES],
            value=CHOOSE,
            description="If it is HFS, imaging:",
            style=style,
            layout=layout,
        )
        self.check_button = widgets.Button(
            description="Check", button_style="primary", layout=widgets.Layout(width="90px")
        )
        self.next_button = widgets.Button(description="Next case", layout=widgets.Layout(width="110px"))
        self.feedback = widgets.HTML(layout=widgets.Layout(width="auto"))
        self.score = widgets.HTML()
        self.check_button.on_click(lambda _b: self.check())
        self.next_button.on_click(lambda _b: self.next_case())
        self.widget = ViewBox(
            [
                self.case,
                self.diagnosis,
                self.imaging,
                widgets.HBox([self.check_button, self.next_button]),
                self.feedback,
                self.score,
            ],
            placeholder=RUN_THIS_CELL_TRAINER,
            layout=widgets.Layout(width="100%", max_width="760px", border="1px solid #ccc", padding="6px"),
        )
        self.widget.add_class("hfs-trainer")
        self._show_case()

    # -- state ----------------------------------------------------------------------------------
    @property
    def vignette_id(self) -> str:
        return self.ids[self.index]

    @property
    def points(self) -> int:
        return sum(r.points for r in self.results.values())

    @property
    def possible(self) -> int:
        return sum(r.possible for r in self.results.values())

    def _show_case(self) -> None:
        text_ = self.table.set_index("vignette_id").loc[self.vignette_id, "text"]
        n = len(self.ids)
        self.case.value = _para(f"<b>Case {self.index + 1} of {n}.</b> {html.escape(str(text_))}")
        self.diagnosis.value = CHOOSE
        self.imaging.value = CHOOSE
        self.feedback.value = ""
        self._update_score()

    def _update_score(self) -> None:
        done = len(self.results)
        self.score.value = _para(
            f"<b>Score:</b> {self.points} / {self.possible} points ({done} of {len(self.ids)} cases marked; "
            "kept in this notebook's kernel only)"
        )

    # -- actions --------------------------------------------------------------------------------
    def choose(self, diagnosis: str, imaging: str = CHOOSE) -> None:
        """Set the two dropdowns (for tests and demonstrations)."""
        self.diagnosis.value = diagnosis
        self.imaging.value = imaging

    def check(self) -> dx.VignetteResult | None:
        """Mark the current choice and show the feedback; returns the result (None if nothing chosen)."""
        if self.diagnosis.value == CHOOSE:
            self.feedback.value = _para("Choose a diagnosis first.", GREY)
            return None
        imaging = self.imaging.value
        if imaging == CHOOSE:
            if self.diagnosis.value == dx.HFS:
                self.feedback.value = _para("You chose hemifacial spasm: choose the imaging too.", GREY)
                return None
            imaging = "no MRI"  # a placeholder: imaging is marked (and reported) only when the diagnosis is HFS
        result = dx.score_answer(self.vignette_id, self.diagnosis.value, imaging)
        first = self.vignette_id not in self.results
        if first:
            self.results[self.vignette_id] = result
        if result.points == result.possible:
            mark, colour = "✔", GREEN
        elif result.points:
            mark, colour = "◐", ORANGE  # diagnosis right, imaging not
        else:
            mark, colour = "✘", ORANGE
        note = "" if first else " (this case was already marked; the first answer counts)"
        verdict, *rest = result.lines
        body = [f"<b>{mark} {html.escape(verdict)}</b>{note}", *(html.escape(line) for line in rest)]
        self.feedback.value = "".join(_para(line, colour if i == 0 else None) for i, line in enumerate(body))
        self._update_score()
        return result

    def next_case(self) -> None:
        """Move to the next vignette (after the last, back to the first)."""
        self.index = (self.index + 1) % len(self.ids)
        self._show_case()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return RUN_THIS_CELL_TRAINER

    def static_payload(self) -> dict:
        """Everything the trainer can show, for a page read without a kernel (the book, the handouts).

        For each case, its text and, for every (diagnosis, imaging) choice ``"d,i"`` (indices of the two
        dropdowns' options), ``[first, again, points, possible]``: the indices in ``messages`` of the
        feedback HTML :meth:`check` shows the first time and once the case is marked, and the points
        (None when :meth:`check` marks nothing). Computed by :meth:`check` itself; the current case
        and the score are restored.
        """
        import itertools

        saved = (self.index, dict(self.results))
        dropdowns = (self.diagnosis, self.imaging)
        messages: dict[str, int] = {}
        cases = []
        for index in range(len(self.ids)):
            self.index = index
            self._show_case()
            marks = {}
            for (d, diagnosis), (i, imaging) in itertools.product(*(enumerate(w.options) for w in dropdowns)):
                self.results.clear()
                self.choose(diagnosis, imaging)
                result = self.check()
                first = messages.setdefault(self.feedback.value, len(messages))
                self.check()
                again = messages.setdefault(self.feedback.value, len(messages))
                marks[f"{d},{i}"] = [first, again, *((result.points, result.possible) if result else (None, None))]
            cases.append({"id": self.vignette_id, "text": self.case.value, "marks": marks})
        self.index, self.results = saved
        self._show_case()
        return {
            "controls": [{"label": w.description, "options": list(w.options)} for w in dropdowns],
            "buttons": [self.check_button.description, self.next_button.description],
            "cases": cases,
            "messages": list(messages),
        }


class BayesView(View):
    """Pre-test probability and a test -> natural frequencies and post-test probabilities."""

    PARAMS = {
        "test": control(
            choice(dx.available_tests, doc="the test, and who it is compared with"),
            label="test",
        ),
        "pretest_pct": control(
            number(1, 99, unit="%", doc="your estimate, before the test, that this patient has the condition"),
            label="pre-test probability (%)",
            step=1,
            readout_format=".0f",
        ),
    }
    IMAGE_WIDTH_PX = 820

    def build_figure(self):
        fig, self.art = build_bayes()
        return fig

    def dynamic_artists(self):
        return self.art.dynamic()

    def update(self, test="MRI: 3D TOF, symptomatic vs other side", pretest_pct=50.0):
        result = dx.named_test_outcome(test, pretest_pct)
        row = dx.diagnostic_tests().set_index("test").loc[test]
        curve = dx.post_test_curve(result.sensitivity_pct, result.specificity_pct)
        update_bayes(self.art, result, dx.icon_counts(result, N_ICONS), curve)
        keys = str(row["source_key"]).replace(";", "; ")
        sides = "sides" in str(row["cases"])
        unit = "sides" if sides else "people"

        def have(count: float) -> str:  # "1 has it", "95 have it"; for sides "is/are symptomatic"
            one = round(count) == 1
            return ("is" if one else "are") + " symptomatic" if sides else ("has" if one else "have") + " it"

        fn, tp = result.false_negative, result.true_positive
        text = (
            f"<p><b>{html.escape(test)}</b> [{html.escape(keys)}]: positive means "
            f"{html.escape(row['positive_means'])}; "
            f"cases: {html.escape(row['cases'])}; non-cases: {html.escape(row['non_cases'])}. Sensitivity "
            f"{result.sensitivity_pct:g}%, specificity {result.specificity_pct:g}%. At a pre-test probability of "
            f"<b>{pretest_pct:.0f}%</b>, a positive result raises it to <b>{result.post_positive_pct:.0f}%</b> and a "
            f"negative result lowers it to <b>{result.post_negative_pct:.0f}%</b> (computed from the study's "
            "sensitivity and specificity at the pre-test probability you set).</p>"
            f"<p>Of {result.n:,} such {unit}, {tp + fn:,.0f} {have(tp + fn)}. {result.positives:,.0f} test positive, "
            f"of whom {tp:,.0f} {have(tp)}; {result.negatives:,.0f} test negative, of whom {fn:,.0f} {have(fn)}.</p>"
            f"<p><b>Note:</b> {html.escape(str(row['note']))}.</p>"
        )
        low = row.get("specificity_low_pct")
        if low == low and low is not None:  # not NaN
            alt = dx.outcome(pretest_pct, result.sensitivity_pct, float(low))
            text += (
                f"<p><b>Uncertainty:</b> if the specificity were as low as {float(low):g}% (see the note), a positive "
                f"result would raise the probability only to <b>{alt.post_positive_pct:.0f}%</b>, not "
                f"{result.post_positive_pct:.0f}%.</p>"
            )
        return text
