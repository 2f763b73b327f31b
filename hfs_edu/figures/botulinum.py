"""Figures of chapter 07: one injection's effect, the toxin in chapter 03's model, the evidence for the drugs.

* :func:`injection_effect_figure` - relief after one injection (a :class:`BotulinumCourse` with one
  injection) against the sourced onset, peak and duration ranges (table ``botulinum_time_ranges``).
* :func:`build_toxin_lsr` / :func:`update_toxin_lsr` / :func:`toxin_lsr_figure` - chapter 03's
  LSR sweep recorded from a muscle injected with the toxin: the response shrinks, the cross-talk
  persists (:class:`~hfs_edu.models.botulinum.ToxinLSR`; the planner view uses the same builder).
* :func:`evidence_figure` - the largest study in HFS behind each oral drug, next to botulinum toxin.

The treatment timeline itself is :mod:`hfs_edu.figures.timeline`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..models.botulinum import TOXIN_MONTAGE, BotulinumCourse, ToxinLSR
from .lsr_recording import TRACE_YLIM_MV, LSRArtists, build_lsr, update_lsr
from .style import OKABE_ITO, check_frame, check_labels, new_figure, settle_layout, source_label, styled

__all__ = [
    "TOXIN_LSR_CAPTION",
    "ToxinLSRArtists",
    "build_toxin_lsr",
    "evidence_figure",
    "injection_effect_figure",
    "toxin_lsr_figure",
    "update_toxin_lsr",
]

_GREY = "#555555"
#: Scale of the LSR panel (mV): the LSR is a fraction of the direct response, so it gets its own axis.
_LSR_YLIM_MV = 0.5


# -- one injection ------------------------------------------------------------------------------------
@styled
def injection_effect_figure(course: BotulinumCourse, ranges: pd.DataFrame) -> Figure:
    """Relief after one injection, with the sourced ranges of onset, clinical peak and duration as bands.

    Parameters
    ----------
    course : BotulinumCourse
        From :func:`hfs_edu.models.botulinum.botulinum_course` with one injection at day 0.
    ranges : pandas.DataFrame
        Table ``botulinum_time_ranges``.

    Returns
    -------
    Figure
        ``fig.hfs_data["bands"]`` maps quantity -> (low, high) days drawn.
    """
    if not isinstance(course, BotulinumCourse) or len(course.injection_days) != 1:
        raise TypeError("course must be a BotulinumCourse with exactly one injection (botulinum_course([0.0]))")
    df = check_frame(
        "ranges",
        ranges,
        {"quantity", "value_days", "low_days", "high_days", "pooled"},
        'load_table("botulinum_time_ranges")',
    )
    df = df[~df["pooled"].astype(bool)]

    def span(q):
        rows = df[df["quantity"] == q]
        vals = pd.concat([rows["value_days"], rows["low_days"], rows["high_days"]]).dropna().astype(float)
        return float(vals.min()), float(vals.max())

    bands = {q: span(q) for q in ("onset", "peak_clinical", "duration")}
    fig, ax = new_figure(
        "One injection: relief begins within days, is near its plateau within weeks and wears off after about "
        "three months. The bands are the sourced ranges across HFS series; the curve is the course's teaching "
        "model [TC].",
        width_in=8.5,
        height_in=3.8,
    )
    colours = {
        "onset": OKABE_ITO["sky_blue"],
        "peak_clinical": OKABE_ITO["bluish_green"],
        "duration": OKABE_ITO["orange"],
    }
    names = {"onset": "onset", "peak_clinical": "clinical peak", "duration": "duration (mean/median)"}
    for q, (lo, hi) in bands.items():
        ax.axvspan(
            lo / 7,
            hi / 7,
            color=colours[q],
            alpha=0.3,
            linewidth=0,
            label=f"{names[q]}: {lo / 7:.1f}-{hi / 7:.1f} weeks",
        )
    t0 = float(course.injection_days[0])
    ax.plot((course.time_days - t0) / 7, course.effect * 100, color=OKABE_ITO["blue"], label="model relief [TC]")
    ax.set_xlim(0, course.time_days[-1] / 7)
    ax.set_ylim(0, 100)
    ax.set_xlabel("weeks after the injection")
    ax.set_ylabel("relief of the spasm (%)")
    ax.legend(loc="upper right", fontsize=9, frameon=False)
    fig.hfs_data = {"bands": bands}
    return settle_layout(fig)


# -- the toxin in chapter 03's model ---------------------------------------------------------------------
TOXIN_LSR_CAPTION = (
    "In the model, the injected eyelid muscle's answer to a lower-face stimulus shrinks under the toxin (orange) "
    "compared with before (grey): the branches still cross-talk at the root exit zone; only the injected muscle "
    "answers less [TC]. In patients the response from the injected muscle is smaller or, in most, not recordable "
    "weeks after the injection, while an uninjected muscle's LSR is unchanged [N923; N924]; the model does "
    "not capture that loss."
)


@dataclass
class ToxinLSRArtists:
    """Artists of the toxin LSR sweep that :func:`update_toxin_lsr` changes.

    Attributes
    ----------
    fig : Figure
    lsr : LSRArtists
        Chapter 03's sweep (:func:`hfs_edu.figures.lsr_recording.build_lsr`).
    ghost : Line2D
        The response before the toxin (grey).
    amplitude : Text
        Amplitude and transmission readout.
    """

    fig: Figure
    lsr: LSRArtists
    ghost: object
    amplitude: object

    def dynamic(self) -> list:
        """Artists that change with the day and dose (the rest depends only on the nerve and the montage)."""
        return [self.lsr.lsr, self.amplitude]


@styled
def build_toxin_lsr() -> tuple[Figure, ToxinLSRArtists]:
    """Chapter 03's LSR sweep with a grey 'before the toxin' trace; fill it with :func:`update_toxin_lsr`."""
    fig, art = build_lsr()
    fig.hfs_caption = TOXIN_LSR_CAPTION
    ax2 = art.axes[1]
    ax2.set_ylim(-_LSR_YLIM_MV, _LSR_YLIM_MV)  # its own scale: the small response under the toxin stays visible (Z10)
    (ghost,) = ax2.plot([], [], color="#AAAAAA", linewidth=1.2, zorder=1, label="before the toxin")
    amp = ax2.text(
        0.99,
        0.34,
        "",
        transform=ax2.transAxes,
        ha="right",
        va="top",
        fontsize=9.5,
        bbox=dict(facecolor="white", edgecolor="none", alpha=0.9, pad=1.5),
    )
    ax2.legend(
        handles=[ghost, art.lsr],
        labels=["before the toxin", "with the toxin"],
        loc="upper right",
        fontsize=9,
        frameon=False,
    )
    return fig, ToxinLSRArtists(fig, art, ghost, amp)


def update_toxin_lsr(art: ToxinLSRArtists, result: ToxinLSR) -> None:
    """Show ``result`` (from :func:`hfs_edu.models.botulinum.lsr_under_toxin`) in the artists.

    Parameters
    ----------
    art : ToxinLSRArtists
    result : ToxinLSR
    """
    if not isinstance(art, ToxinLSRArtists):
        raise TypeError(f"art must be the ToxinLSRArtists of build_toxin_lsr(), got {type(art).__name__}")
    if not isinstance(result, ToxinLSR):
        raise TypeError(f"result must be a ToxinLSR from botulinum.lsr_under_toxin(), got {type(result).__name__}")
    u = result.untreated
    art.ghost.set_data(u.time_ms, np.clip(u.trace_mv, -TRACE_YLIM_MV, TRACE_YLIM_MV))
    day = result.days_since_injection
    when = "before the injection" if day <= 0 else f"day {day:g} after {result.dose_units:g} U"
    update_lsr(art.lsr, result.treated, result.direct)
    stim, rec = TOXIN_MONTAGE
    art.lsr.texts["t1"].set_text(f"{result.direct.muscle} ({stim} branch, stimulated; not injected): direct response")
    art.lsr.texts["t2"].set_text(f"{rec} (injected; another branch): the lateral spread response")
    if u.present:
        art.amplitude.set_text(
            f"{when}: transmission ×{result.transmission_factor:.2f}\n"
            f"amplitude {result.treated.amplitude_mv:.2f} of {u.amplitude_mv:.2f} mV "
            f"({100 * result.amplitude_ratio:.0f}%), same {u.n_units} units [TC]"
        )
    else:
        art.amplitude.set_text(f"{when}\nno lateral spread in this nerve, with or without toxin")


def toxin_lsr_figure(result: ToxinLSR) -> Figure:
    """The LSR sweep of one :func:`~hfs_edu.models.botulinum.lsr_under_toxin` result, before and under the toxin.

    Parameters
    ----------
    result : ToxinLSR
    """
    if not isinstance(result, ToxinLSR):
        raise TypeError(f"result must be a ToxinLSR from botulinum.lsr_under_toxin(), got {type(result).__name__}")
    fig, art = build_toxin_lsr()
    update_toxin_lsr(art, result)
    fig.hfs_data = {"artists": art}
    return fig


# -- the evidence behind each treatment -------------------------------------------------------------------
_LEVEL_STYLE = {  # evidence level in oral_drugs -> (colour, marker)
    "negative RCT": (OKABE_ITO["vermillion"], "X"),
    "anecdotal": (OKABE_ITO["orange"], "o"),
    "case reports": (OKABE_ITO["orange"], "o"),
    "opinion and usage only": (OKABE_ITO["grey"], "s"),
    "no HFS study found": (OKABE_ITO["grey"], "s"),
}


@styled
def evidence_figure(oral_drugs: pd.DataFrame, botulinum_series: pd.DataFrame, labels: Mapping[str, str]) -> Figure:
    """The largest study in HFS behind each oral drug, next to the botulinum series (log scale).

    Parameters
    ----------
    oral_drugs : pandas.DataFrame
        Table ``oral_drugs``.
    botulinum_series : pandas.DataFrame
        Table ``botulinum_series`` (HFS-only rows with a responder rate are drawn).
    labels : mapping
        Source key -> "First author year".

    Returns
    -------
    Figure
        ``fig.hfs_data["rows"]`` lists (label, n patients or nan, evidence) in drawing order.
    """
    od = check_frame(
        "oral_drugs",
        oral_drugs,
        {"drug", "drug_class", "evidence_level", "hfs_evidence", "hfs_largest_study_n"},
        'load_table("oral_drugs")',
    )
    bs = check_frame(
        "botulinum_series",
        botulinum_series,
        {"study", "population", "n_patients", "response_pct", "response_definition", "source_key"},
        'load_table("botulinum_series")',
    )
    labels = check_labels(labels)
    hfs_only = bs[
        bs["population"].astype(str).str.startswith("HFS")
        & bs["n_patients"].notna()
        & bs["response_pct"].notna()
        & ~bs["response_definition"].astype(str).str.contains("degree|mean", regex=True)
    ].sort_values("n_patients")
    fig, ax = new_figure(
        "Botulinum toxin rests on many open series of hundreds of patients with responder rates around 90-96%; "
        "each oral drug on one negative trial, a handful of cases, or no HFS study at all.",
        width_in=9.0,
        height_in=5.6,
    )
    rows = []
    y = 0
    for r in hfs_only.itertuples(index=False):
        n = float(r.n_patients)
        ax.barh(y, n, color=OKABE_ITO["blue"], alpha=0.85, height=0.6)
        ax.text(n * 1.08, y, f"{r.response_pct:g}% responded", va="center", fontsize=8.5)
        label = re.sub(r"\s*\([\w.-]+\.[a-z]{2,}\)", "", source_label(labels, r.source_key))  # no web domains (Z09)
        rows.append((f"botulinum: {label}", n, str(r.response_definition)))
        y += 1
    y += 0.6
    ax.axhline(y - 0.8, color="#CCCCCC", linewidth=0.8)
    for r in od.iloc[::-1].itertuples(index=False):
        n = float(r.hfs_largest_study_n) if not pd.isna(r.hfs_largest_study_n) else math.nan
        colour, marker = _LEVEL_STYLE.get(str(r.evidence_level), (OKABE_ITO["grey"], "s"))
        if math.isnan(n):
            # no bar and no marker: a stub on a log axis would read as "1 patient" (Z09)
            ax.text(1.1, y, str(r.evidence_level), va="center", fontsize=8.5, color=_GREY, style="italic")
        else:
            ax.barh(y, n, color=colour, alpha=0.85, height=0.6)
            usage = "usage" in str(r.hfs_evidence)
            note = f"{r.evidence_level}" + (f"\n({n:g} patients: who took it, not who improved)" if usage else "")
            ax.text(n * 1.08, y, note, va="center", fontsize=8.5)
        rows.append((f"{r.drug} ({r.drug_class.split(' (')[0]})", n, str(r.evidence_level)))
        y += 1
    ax.set_yticks(range(len(hfs_only)), [lab for lab, _, _ in rows[: len(hfs_only)]], fontsize=8.5)
    ticks = list(ax.get_yticks()) + [len(hfs_only) + 0.6 + k for k in range(len(od))]
    ax.set_yticks(ticks, [lab for lab, _, _ in rows], fontsize=8.5)
    ax.set_xscale("log")
    ax.set_xlim(1, 8000)
    ax.set_ylim(-0.7, y - 0.3)
    ax.set_xlabel("patients with HFS in the largest study of that kind (log scale)")
    ax.tick_params(axis="y", length=0)
    fig.hfs_data = {"rows": rows}
    return settle_layout(fig)
