"""Microvascular decompression (chapter 08): outcomes across series, complications, the cure curve,
reoperation, the operation and intraoperative LSR monitoring.

Data figures take their tables as DataFrames (``load_table("mvd_outcomes")`` ...) and ``labels``
(source key -> "First author year"); model figures take model results. Nothing here loads a
table or runs a model; :mod:`hfs_edu.course_figures` composes them for the chapter. Each figure
stores what it drew in ``fig.hfs_data`` so tests can compare it with the tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch, Patch, Polygon, Rectangle

from .._params import number, validated
from ..models.crosstalk import LSR_WINDOW_HIGH_MS, LSR_WINDOW_LOW_MS, LSR_WINDOW_MS
from ..models.mvd import COMPLICATIONS, TABLE_CATEGORIES, MonitoringResult, MvdCourse, ReoperationOutlook
from .style import OKABE_ITO, check_frame, check_labels, new_figure, settle_layout, source_label, styled

__all__ = [
    "COMPLICATION_LABELS",
    "CureExplorerArtists",
    "MonitoringArtists",
    "build_cure_explorer",
    "build_monitoring",
    "complications_figure",
    "cure_curve_figure",
    "monitoring_figure",
    "operation_figure",
    "outcomes_figure",
    "reoperation_figure",
    "update_cure_explorer",
    "update_monitoring",
]

_GREY = OKABE_ITO["grey"]
_DAYS_PER_MONTH = 30.44
#: words in a success definition that mark a broad one (improvement counts as success)
_BROAD_WORDS = ("good", "satisfying", "improvement", "favourable")
COMPLICATION_LABELS = {
    "hearing_loss": "hearing loss",
    "facial_palsy": "facial weakness",
    "csf_leak": "CSF leak",
    "lower_cranial_nerve_palsy": "lower cranial nerve palsy",
    "cerebellar_injury": "cerebellar/brainstem injury",
    "stroke": "stroke",
    "death": "death",
}


def _broad(definition) -> bool:
    return any(w in str(definition).lower() for w in _BROAD_WORDS)


# -- 8.2 outcomes across series ----------------------------------------------------------------------


@styled
def outcomes_figure(outcomes: pd.DataFrame, labels: Mapping[str, str]) -> Figure:
    """Long-term success of a first MVD across series: one dot per series, its size the series size.

    Parameters
    ----------
    outcomes : pandas.DataFrame
        Table ``mvd_outcomes``.
    labels : mapping
        Source key -> "First author year".

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["rows"]``: the series drawn (study, success_pct, n, broad).
    """
    df = check_frame(
        "outcomes",
        outcomes,
        {"study", "surgery_type", "success_pct", "n_patients", "success_definition", "source_key"},
        'load_table("mvd_outcomes")',
    )
    labels = check_labels(labels)
    df = df[(df["surgery_type"] == "first MVD") & df["success_pct"].notna()].copy()
    df["broad"] = df["success_definition"].map(_broad)
    df = df.sort_values("success_pct").reset_index(drop=True)
    fig, ax = new_figure(
        "Half of the series, holding most of the patients, cure about 85-95% (shaded); the others use a strict "
        "definition, a fixed or a very long time point, or few patients. Dot area = series size; open dots count "
        "improvement as success; a diamond is a meta-analysis; lines are 95% confidence intervals (Wilson, "
        "computed from n where the series prints none).",
        width_in=8.8,
        height_in=6.4,
    )
    ax.axvspan(85, 95, color=OKABE_ITO["sky_blue"], alpha=0.2, lw=0)
    for i, r in df.iterrows():
        n = r["n_patients"]
        size = 12 + 0.12 * (float(n) if not pd.isna(n) else 3000.0)
        col = OKABE_ITO["blue"]
        ax.scatter(
            [r["success_pct"]],
            [i],
            s=size,
            facecolor="white" if r["broad"] else col,
            edgecolor=col,
            linewidth=1.5,
            zorder=3,
            marker="D" if pd.isna(n) else "o",
        )
        lo, hi = r.get("success_ci_low_pct"), r.get("success_ci_high_pct")
        if lo is not None and not pd.isna(lo):
            ax.plot([lo, hi], [i, i], color=col, lw=1.5, zorder=2)
    ticks = []
    for _, r in df.iterrows():
        n = r["n_patients"]
        size_txt = f"n = {int(n):,}" if not pd.isna(n) else "meta-analysis"
        ticks.append(f"{source_label(labels, r['source_key'])}, {size_txt}: {r['success_definition']}")
    ax.set_yticks(range(len(df)), ticks, fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(60, 100)
    ax.set_ylim(-1, len(df))
    ax.set_xlabel("share of patients with a successful first MVD (%)")
    ax.spines[["left", "right", "top"]].set_visible(False)
    ax.grid(axis="x", color="#EEEEEE")
    ax.text(90, len(df) - 0.3, "85-95%", ha="center", fontsize=9, color=OKABE_ITO["blue"])
    fig.hfs_data = {"rows": df[["study", "success_pct", "n_patients", "broad", "source_key"]]}
    return settle_layout(fig)


# -- 8.3 complications -------------------------------------------------------------------------------


def _rates(df: pd.DataFrame, name: str, kind: str) -> list:
    rows = df[(df["surgery_type"] == "first MVD") & df["complication"].isin(TABLE_CATEGORIES[name])]
    out = []
    cols = ("any_pct", "transient_pct") if kind == "any" else ("permanent_pct",)
    for _, r in rows.iterrows():
        for c in cols:
            v = r[c]
            if v is not None and not pd.isna(v):
                out.append((float(v), r["source_key"]))
    return out


@styled
def complications_figure(complications: pd.DataFrame, model: Mapping[str, tuple] | None = None) -> Figure:
    """Complication rates of a first MVD across series: every sourced rate as a dot, any/transient and permanent.

    Parameters
    ----------
    complications : pandas.DataFrame
        Table ``mvd_complications``.
    model : mapping, optional
        Complication -> (probability any, probability permanent) of the course model (``TC``), drawn as bars.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["rates"]``: complication -> {"any": [...], "permanent": [...]} (percent).
    """
    df = check_frame(
        "complications",
        complications,
        {"surgery_type", "complication", "any_pct", "transient_pct", "permanent_pct", "source_key"},
        'load_table("mvd_complications")',
    )
    if model is not None and not isinstance(model, Mapping):
        raise TypeError(f"model must be a mapping complication -> (p_any, p_permanent), got {type(model).__name__}")
    fig, ax = new_figure(
        "Each dot is one series. Any or transient problems (circles) are common, permanent ones (squares) rarer; "
        "hearing loss is the commonest permanent harm. Rates spread tenfold between series. Log scale; "
        "a rate of 0 is an open marker in the separate '0' column on the left.",
        width_in=8.6,
        height_in=5.0,
    )
    floor = 0.05
    zero_x = 0.028  # the '0' column, left of the log axis's break
    rates = {}
    for i, name in enumerate(COMPLICATIONS):
        y = len(COMPLICATIONS) - 1 - i
        rates[name] = {}
        for kind, dy, marker, col in (
            ("any", 0.15, "o", OKABE_ITO["orange"]),
            ("permanent", -0.15, "s", OKABE_ITO["vermillion"]),
        ):
            vals = _rates(df, name, kind)
            rates[name][kind] = [v for v, _ in vals]
            if vals:
                v = np.array([v for v, _ in vals], float)
                pos = np.maximum(v[v > 0], floor)
                if pos.size:
                    ax.scatter(
                        pos, np.full(pos.size, y + dy), marker=marker, s=34, color=col, alpha=0.75, zorder=3, lw=0
                    )
                    ax.plot([pos.min(), pos.max()], [y + dy] * 2, color=col, lw=1.2, alpha=0.6, zorder=2)
                if (v <= 0).any():
                    ax.scatter([zero_x], [y + dy], marker=marker, s=34, facecolor="white", edgecolor=col, zorder=3)
            if model is not None and name in model:
                p = model[name][0 if kind == "any" else 1] * 100
                if p > 0:
                    ax.plot([p, p], [y + dy - 0.11, y + dy + 0.11], color="black", lw=2.2, zorder=4)
    ax.set_yticks(range(len(COMPLICATIONS)), [COMPLICATION_LABELS[n] for n in reversed(COMPLICATIONS)])
    ax.set_xscale("log")
    ax.set_xlim(zero_x * 0.8, 40)
    ax.axvline(0.037, color="#999999", lw=0.8, ls=":")  # the break between the '0' column and the log axis
    ax.set_xticks([zero_x, 0.1, 0.3, 1, 3, 10, 30], ["0", "0.1", "0.3", "1", "3", "10", "30"])
    ax.set_xlabel("share of patients (%), first MVD")
    ax.scatter([], [], marker="o", color=OKABE_ITO["orange"], label="any or transient")
    ax.scatter([], [], marker="s", color=OKABE_ITO["vermillion"], label="permanent")
    if model is not None:
        ax.plot([], [], color="black", lw=2.2, label="course model [TC]")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.grid(axis="x", color="#EEEEEE")
    fig.hfs_data = {"rates": rates}
    return settle_layout(fig)


# -- 8.4 the cure curve -------------------------------------------------------------------------------


@styled
def cure_curve_figure(
    fitted: MvdCourse,
    with_failures: MvdCourse,
    time_to_cure: pd.DataFrame,
    delayed: pd.DataFrame,
    labels: Mapping[str, str],
) -> Figure:
    """Share spasm-free over time after MVD: the model against the time-to-cure table and other cohorts.

    Parameters
    ----------
    fitted : MvdCourse
        :func:`~hfs_edu.models.mvd.cure_course` with ``eventual_cure=1`` (the curve fitted to the table).
    with_failures : MvdCourse
        The same with the course's eventual cure (failures and recurrences included).
    time_to_cure : pandas.DataFrame
        Table ``mvd_time_to_cure``.
    delayed : pandas.DataFrame
        Table ``mvd_delayed_resolution`` (first-week and final shares of other cohorts).
    labels : mapping
        Source key -> "First author year".

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data``: ``table_points`` (months, %), ``model_at_points`` (%), ``early`` and ``final`` points.
    """
    for nm, c in (("fitted", fitted), ("with_failures", with_failures)):
        if not isinstance(c, MvdCourse):
            raise TypeError(f"{nm} must be an MvdCourse from mvd.cure_course(), got {type(c).__name__}")
    ttc = check_frame(
        "time_to_cure",
        time_to_cure,
        {"interval_end_days", "cumulative_pct", "source_key"},
        'load_table("mvd_time_to_cure")',
    )
    dr = check_frame(
        "delayed",
        delayed,
        {"study", "early_cure_pct", "final_cure_pct", "source_key"},
        'load_table("mvd_delayed_resolution")',
    )
    labels = check_labels(labels)
    fig, ax = new_figure(
        "In the slowest cohort (black dots) about a third was spasm-free within a week and half by a month; the "
        "rest cleared over months (the model's time constant, about 100 days, is chapter 02's repair time). Other "
        "cohorts were cured at once more often (diamonds at one week); the dashed course model sits among them.",
        width_in=8.4,
        height_in=4.8,
    )
    months = fitted.time_days / _DAYS_PER_MONTH
    ax.plot(
        months,
        100 * fitted.cured_ever,
        color=OKABE_ITO["blue"],
        lw=2.2,
        label="model fitted to the 175 patients (all cured; the slowest cohort) [TC]",
    )
    ax.plot(
        with_failures.time_days / _DAYS_PER_MONTH,
        100 * with_failures.spasm_free,
        color=OKABE_ITO["bluish_green"],
        lw=2.0,
        ls="--",
        label=f"model with {with_failures.eventual_cure:.0%} eventually cured, minus recurrences [TC]",
    )
    pts = ttc.dropna(subset=["interval_end_days"])
    x = pts["interval_end_days"].astype(float) / _DAYS_PER_MONTH
    y = pts["cumulative_pct"].astype(float)
    key = str(pts["source_key"].iloc[0])
    ax.scatter(x, y, s=46, color="black", zorder=4, label=f"{source_label(labels, key)}: 175 patients, all cured")
    early = dr.dropna(subset=["early_cure_pct"])
    early = early[early["source_key"] != key]
    ax.scatter(
        np.full(len(early), 7 / _DAYS_PER_MONTH),
        early["early_cure_pct"].astype(float),
        marker="D",
        s=30,
        facecolor="white",
        edgecolor=OKABE_ITO["vermillion"],
        zorder=4,
        label="other cohorts: cured in the first days",
    )
    final = dr.dropna(subset=["final_cure_pct"])
    ax.scatter(
        np.full(len(final), months[-1]),
        final["final_cure_pct"].astype(float),
        marker=">",
        s=34,
        color=OKABE_ITO["vermillion"],
        zorder=4,
        clip_on=False,
        label="other cohorts: finally cured",
    )
    model_at = [100 * float(np.interp(d, fitted.time_days, fitted.cured_ever)) for d in pts["interval_end_days"]]
    marks = [1.0, 12.0]  # the exercise reads the dashed curve here
    ax.scatter(
        marks,
        [100 * float(np.interp(m * _DAYS_PER_MONTH, with_failures.time_days, with_failures.spasm_free)) for m in marks],
        s=70,
        facecolor="none",
        edgecolor="black",
        lw=1.4,
        zorder=5,
        label="open circles: the dashed curve at 1 and 12 months",
    )
    ax.set_xlim(0, months[-1])
    ax.set_ylim(0, 102)
    ax.set_yticks(np.arange(0, 101, 10))
    ax.set_xlabel("months after surgery")
    ax.set_ylabel("spasm-free (%)")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.grid(color="#EEEEEE")
    fig.hfs_data = {
        "table_points": list(zip(x.round(2), y)),
        "model_at_points": model_at,
        "early": early["early_cure_pct"].astype(float).tolist(),
        "final": final["final_cure_pct"].astype(float).tolist(),
    }
    return settle_layout(fig)


# -- 8.5 reoperation -------------------------------------------------------------------------------


@styled
def reoperation_figure(outlooks: list, reoperation: pd.DataFrame) -> Figure:
    """If everyone not spasm-free after a wait were reoperated: how many, and how many of them needlessly.

    Parameters
    ----------
    outlooks : list of ReoperationOutlook
        :func:`~hfs_edu.models.mvd.reoperation_outlook` for increasing waits.
    reoperation : pandas.DataFrame
        Table ``mvd_reoperation`` (the reoperation rates of real series are drawn as a band).

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data``: wait_days, candidates, would_clear (fractions) and the sourced band (%).
    """
    if (
        not isinstance(outlooks, (list, tuple))
        or not outlooks
        or not all(isinstance(o, ReoperationOutlook) for o in outlooks)
    ):
        raise TypeError("outlooks must be a non-empty list of ReoperationOutlook from mvd.reoperation_outlook()")
    df = check_frame(
        "reoperation", reoperation, {"measure", "value_pct", "source_key"}, 'load_table("mvd_reoperation")'
    )
    band = df[df["measure"] == "reoperation"]["value_pct"].astype(float)
    w = np.array([o.wait_days for o in outlooks]) / _DAYS_PER_MONTH
    cand = 100 * np.array([o.candidates for o in outlooks])
    clear = 100 * np.array([o.would_clear for o in outlooks])
    fig, ax = new_figure(
        "Decide early and many would be reoperated, most of whom would have cleared on their own (hatched); "
        "after about a year the candidates are mostly true failures (solid). Dashed lines: the lowest and highest "
        "reoperation rates of real series.",
        width_in=8.0,
        height_in=4.4,
    )
    ax.fill_between(
        w, 0, cand - clear, color=OKABE_ITO["vermillion"], alpha=0.55, lw=0, label="would not clear: true failures"
    )
    ax.fill_between(
        w,
        cand - clear,
        cand,
        color=OKABE_ITO["orange"],
        alpha=0.45,
        lw=0,
        hatch="//",
        label="would still clear without a redo",
    )
    for y in (band.min(), band.max()):
        ax.axhline(y, color=OKABE_ITO["blue"], lw=1.2, ls="--", zorder=4)
    for y, what in ((band.min(), "lowest"), (band.max(), "highest")):
        ax.text(
            w[-1],
            y + 0.8,
            f"{y:g}%: {what} reoperation rate of real series",
            ha="right",
            fontsize=9,
            color=OKABE_ITO["blue"],
        )
    ax.set_xlim(w[0], w[-1])
    ax.set_ylim(0, max(cand.max(), band.max()) * 1.1)
    ax.set_xlabel("months after the first MVD when a second operation is decided")
    ax.set_ylabel("share of all operated patients (%)")
    ax.legend(loc="upper right", fontsize=9, frameon=False)
    fig.hfs_data = {
        "wait_days": [o.wait_days for o in outlooks],
        "candidates": cand / 100,
        "would_clear": clear / 100,
        "band_pct": (float(band.min()), float(band.max())),
    }
    return settle_layout(fig)


# -- 8.1 the operation ----------------------------------------------------------------------------------


_ROOT_DY = (0.3, 0.1, -0.1, -0.3)


def _root_y(x, x0, y0, indent):
    bump = np.exp(-(((x - (x0 + 1.3)) / 0.45) ** 2))
    return [y0 + dy - indent * bump * (1 - 0.15 * k) for k, dy in enumerate(_ROOT_DY)]


def _root(ax, x0, y0, indent=0.0, label_above=False):
    """Draw the nerve root leaving the pons; return the fibre lines (to indent them later)."""
    x = np.linspace(x0, x0 + 5.2, 200)
    lines = []
    for y in _root_y(x, x0, y0, indent):
        (ln,) = ax.plot(x, y, color=OKABE_ITO["sky_blue"], lw=5, alpha=0.7, solid_capstyle="butt")
        lines.append(ln)
    ax.add_patch(
        FancyBboxPatch(
            (x0 - 1.0, y0 - 1.1),
            0.9,
            2.2,
            boxstyle="round,pad=0.05,rounding_size=0.3",
            facecolor="#E4E4E4",
            edgecolor="#AAAAAA",
        )
    )
    ax.text(x0 - 0.55, y0 - 1.35, "pons", ha="center", fontsize=8, color="#444444")
    ax.text(x0 + 5.2, y0 + (0.45 if label_above else -0.55), "facial nerve", ha="right", fontsize=8, color="#333333")
    return lines


@styled
def operation_figure() -> Figure:
    """Schematic of the operation: approach, the vessel at the root exit zone, interposition or transposition."""
    fig, axes = new_figure(
        "A: a keyhole opening just behind the sigmoid sinus and below the transverse sinus, behind the ear. "
        "B: with the cerebellum gently lifted, the surgeon meets the hearing nerve first; the offending loop "
        "presses on the facial nerve's root exit zone next to the pons. C: a Teflon pad is slipped between vessel and "
        "nerve (interposition), or D: the vessel is pulled away and fixed (transposition). Not to scale.",
        1,
        4,
        width_in=11.0,
        height_in=3.4,
    )
    for ax in axes:
        ax.set_xlim(-1.6, 5.6)
        ax.set_ylim(-2.0, 3.0)
        ax.set_aspect("equal")
        ax.axis("off")
    a, b, c, d = axes
    # A: the left side of the head seen from the side (front to the left), retrosigmoid keyhole
    a.add_patch(Circle((2.1, 0.6), 2.2, facecolor="#F6E3D3", edgecolor="#999999"))
    a.add_patch(Circle((1.15, 0.35), 0.38, facecolor="#EFCBB0", edgecolor="#999999"))
    a.text(1.15, 0.35, "ear", ha="center", va="center", fontsize=8)
    a.add_patch(Polygon([(1.45, -0.1), (1.95, -0.1), (1.75, -0.75)], facecolor="#E8D2BE", edgecolor="#999999"))
    a.text(1.3, -1.0, "mastoid", ha="right", fontsize=8, color="#555555")
    sinus = dict(color=OKABE_ITO["blue"], lw=4, alpha=0.6, solid_capstyle="round")
    a.plot([4.1, 3.2, 2.25], [1.35, 1.3, 1.2], **sinus)  # transverse sinus, from the back to the junction
    yy = np.linspace(1.2, -0.6, 30)
    a.plot(2.25 - 0.18 * np.sin((1.2 - yy) * 1.7), yy, **sinus)  # sigmoid sinus descends behind the ear
    a.text(3.2, 1.5, "transverse sinus", fontsize=8, color=OKABE_ITO["blue"], ha="center")
    a.text(2.15, -1.55, "sigmoid sinus", fontsize=8, color=OKABE_ITO["blue"], ha="left")
    a.plot([2.05, 2.2], [-0.65, -1.3], color=OKABE_ITO["blue"], lw=0.8)
    a.add_patch(Circle((2.75, 0.55), 0.3, facecolor="white", edgecolor="black", lw=1.5))
    a.annotate(
        "keyhole (retrosigmoid):\nbehind the sigmoid,\nbelow the transverse sinus",
        (3.0, 0.4),
        xytext=(3.05, -1.05),
        fontsize=8,
        arrowprops=dict(arrowstyle="->", lw=0.8),
    )
    a.text(-1.5, 2.75, "\u2190 front", fontsize=8, color="#555555")
    a.text(5.5, 2.75, "back \u2192", fontsize=8, color="#555555", ha="right")
    a.set_title("A  approach (left side)", fontsize=10, loc="left")
    # B: vessel pressing
    for ax, title in ((b, "B  the offending vessel"), (c, "C  interposition"), (d, "D  transposition")):
        _root(ax, 0.0, 0.0, indent=0.22 if ax is b else 0.0)
        ax.set_title(title, fontsize=10, loc="left")
    s = np.linspace(-1, 1, 60)
    # the hearing nerve (VIII) lies nearer the surgeon and is met first; the cerebellum is lifted away
    xv = np.linspace(0.0, 5.2, 100)
    for dy in (0.12, -0.12):
        b.plot(xv, 1.0 + dy + 0.12 * xv, color=OKABE_ITO["yellow"], lw=4, alpha=0.9, solid_capstyle="butt")
    b.text(5.3, 1.3, "hearing nerve (VIII),\nmet first", fontsize=8, ha="right", va="top", color="#7A6400")
    b.add_patch(Circle((4.6, 2.9), 0.9, facecolor="#D9D2E9", edgecolor="#999999"))
    b.text(3.65, 2.95, "cerebellum (lifted)", fontsize=8, ha="right", va="top", color="#555555")
    b.plot(1.3 + 0.6 * s, 0.5 + 1.6 * s**2 - 0.2, color=OKABE_ITO["vermillion"], lw=8, solid_capstyle="round")
    b.text(-1.5, 2.75, "artery loop\n(AICA, PICA or\nvertebral)", fontsize=8, va="top", color=OKABE_ITO["vermillion"])
    b.annotate(
        "root exit zone\n(near the pons)",
        (0.5, -0.35),
        xytext=(1.5, -1.75),
        fontsize=8,
        arrowprops=dict(arrowstyle="->", lw=0.8),
    )
    c.plot(1.3 + 0.6 * s, 1.15 + 1.4 * s**2, color=OKABE_ITO["vermillion"], lw=8, solid_capstyle="round")
    c.add_patch(Rectangle((0.75, 0.45), 1.1, 0.55, facecolor="white", edgecolor="black", hatch="xxx", lw=1))
    c.text(2.2, 0.55, "Teflon felt", fontsize=7.5)
    d.plot(2.6 + 0.6 * s, 1.7 + 0.9 * s**2, color=OKABE_ITO["vermillion"], lw=8, solid_capstyle="round")
    d.plot([2.6, 3.9], [1.7, 2.6], color="black", lw=1.2, ls=":")
    d.text(3.95, 2.5, "sling or glue\nto the dura", fontsize=7.5, va="top")
    d.annotate("", (2.4, 1.5), xytext=(1.3, 0.55), arrowprops=dict(arrowstyle="->", lw=1.2, color="#333333"))
    fig.hfs_data = {"panels": 4}
    return settle_layout(fig)


# -- 8.6 intraoperative monitoring (the view's figure) ---------------------------------------------------

_TRACE_YLIM_MV = 1.6
MONITORING_CAPTION = (
    "As the surgeon moves the vessel off the nerve (A), the lateral spread response on the chin (B) shrinks and "
    "vanishes, although the damaged myelin has not changed. C: how often the spasm persisted after surgery when "
    "the response persisted or resolved, in a meta-analysis of 26 studies; the current case is outlined."
)


@dataclass
class MonitoringArtists:
    """Artists of the monitoring figure that :func:`update_monitoring` changes in place."""

    fig: Figure
    axes: tuple
    vessel: object = None
    missed: object = None
    pad: object = None
    nerve: list = field(default_factory=list)
    trace: object = None
    marker: object = None
    highlight: object = None
    bar_boxes: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)

    def dynamic(self) -> list:
        """Every artist that changes with the controls (the bars themselves are static)."""
        return [
            self.vessel,
            self.missed,
            self.pad,
            *self.nerve,
            self.trace,
            self.marker,
            self.highlight,
            *self.texts.values(),
        ]


@styled
def build_monitoring(prognosis: Mapping[str, tuple]) -> tuple[Figure, MonitoringArtists]:
    """Build the monitoring figure (empty); fill it with :func:`update_monitoring`.

    Parameters
    ----------
    prognosis : mapping
        Time point -> (% spasm persists if the LSR persists, % if it resolved), from
        :func:`hfs_edu.models.mvd.lsr_prognosis`.
    """
    if not isinstance(prognosis, Mapping) or not prognosis:
        raise TypeError("prognosis must be a mapping time point -> (pct if LSR persists, pct if resolved)")
    fig, _ = new_figure(MONITORING_CAPTION, width_in=8.8, height_in=4.0, layout=None)
    fig.clear()
    ax_s = fig.add_axes((0.01, 0.08, 0.30, 0.82))
    ax_t = fig.add_axes((0.40, 0.58, 0.58, 0.32))
    ax_p = fig.add_axes((0.40, 0.10, 0.58, 0.30))
    art = MonitoringArtists(fig, (ax_s, ax_t, ax_p))
    ax_s.set_xlim(-1.6, 5.6)
    ax_s.set_ylim(-3.0, 3.0)
    ax_s.set_aspect("equal")
    ax_s.axis("off")
    art.nerve = _root(ax_s, 0.0, 0.0, label_above=True)
    ax_s.set_title("A  root exit zone", fontsize=10, loc="left")
    art.texts["pressure"] = ax_s.text(-1.5, -2.0, "", fontsize=8, va="top")
    art.texts["second"] = ax_s.text(
        3.4, -1.55, "", fontsize=8, color=OKABE_ITO["reddish_purple"], ha="center", va="top"
    )
    (art.vessel,) = ax_s.plot([], [], color=OKABE_ITO["vermillion"], lw=8, solid_capstyle="round")
    (art.missed,) = ax_s.plot([], [], color=OKABE_ITO["reddish_purple"], lw=6, solid_capstyle="round")
    art.pad = Rectangle((0.8, 0.42), 1.0, 0.5, facecolor="#DDDDDD", edgecolor="black", lw=1)
    ax_s.add_patch(art.pad)
    ax_t.set_xlim(-1, LSR_WINDOW_MS)
    ax_t.set_ylim(-_TRACE_YLIM_MV, _TRACE_YLIM_MV)
    ax_t.axvspan(LSR_WINDOW_LOW_MS, LSR_WINDOW_HIGH_MS, color=OKABE_ITO["sky_blue"], alpha=0.25, lw=0)
    ax_t.text(
        (LSR_WINDOW_LOW_MS + LSR_WINDOW_HIGH_MS) / 2, -_TRACE_YLIM_MV * 0.9, "typical onset", ha="center", fontsize=8
    )
    ax_t.axhline(0, color="#DDDDDD", lw=0.8, zorder=0)
    ax_t.set_xlabel("time after the zygomatic stimulus (ms)", labelpad=1)
    ax_t.set_ylabel("mentalis (mV)")
    ax_t.set_title("B  lateral spread response on the monitor", fontsize=10, loc="left")
    (art.trace,) = ax_t.plot([], [], color=OKABE_ITO["vermillion"], lw=1.4)
    (art.marker,) = ax_t.plot([], [], color="black", ls="--", lw=1.2)
    art.texts["lsr"] = ax_t.text(LSR_WINDOW_MS - 0.3, _TRACE_YLIM_MV * 0.7, "", ha="right", fontsize=9)
    times = list(prognosis)
    xs = np.arange(len(times))
    for i, t in enumerate(times):
        p, r = prognosis[t]
        ax_p.bar(i - 0.18, p, 0.34, color=OKABE_ITO["vermillion"], lw=0)
        ax_p.bar(i + 0.18, r, 0.34, color=OKABE_ITO["bluish_green"], lw=0)
        for state, x0, h in (("persists", i - 0.35, p), ("resolved", i + 0.01, r)):
            art.bar_boxes.setdefault(state, []).append((x0, h))
        ax_p.text(i - 0.18, p + 1.5, f"{p:g}%", ha="center", fontsize=8)
        ax_p.text(i + 0.18, r + 1.5, f"{r:g}%", ha="center", fontsize=8)
    (art.highlight,) = ax_p.plot([], [], color="black", lw=2.0)
    ax_p.set_xticks(xs, times)
    ax_p.set_ylim(0, 62)
    ax_p.set_ylabel("spasm persists (%)")
    ax_p.set_title("C  what the end-of-surgery LSR predicts [S63]", fontsize=10, loc="left")
    ax_p.legend(
        handles=[
            Patch(color=OKABE_ITO["vermillion"], label="LSR persisted"),
            Patch(facecolor=OKABE_ITO["bluish_green"], label="LSR resolved"),
        ],
        loc="upper right",
        fontsize=8,
        frameon=False,
    )
    return fig, art


def update_monitoring(art: MonitoringArtists, result: MonitoringResult) -> None:
    """Show one :func:`~hfs_edu.models.mvd.intraoperative_lsr` result in the artists of :func:`build_monitoring`.

    The schematic follows the model: the loop stays on the nerve and indents it in proportion to
    ``result.offending_compression``; it lifts off, and the pad goes in, only when that is zero.
    ``result.second_vessel_moved`` draws a second vessel that was found and moved away.
    """
    if not isinstance(art, MonitoringArtists):
        raise TypeError(f"art must be the MonitoringArtists of build_monitoring(), got {type(art).__name__}")
    if not isinstance(result, MonitoringResult):
        raise TypeError(f"result must be a MonitoringResult from mvd.intraoperative_lsr(), got {type(result).__name__}")
    s = np.linspace(-1, 1, 60)
    indent = 0.5 * result.offending_compression
    off = result.offending_compression <= 1e-9
    x = art.nerve[0].get_xdata()
    for ln, y in zip(art.nerve, _root_y(x, 0.0, 0.0, indent)):
        ln.set_ydata(y)
    art.vessel.set_data(1.3 + 0.6 * s, 0.42 - indent + (0.75 if off else 0.0) + 1.4 * s**2)
    art.pad.set_visible(off)
    art.pad.set_xy((0.8, 0.42))
    if result.missed_vessel:
        art.missed.set_data(3.4 + 0.35 * s, -0.4 - 1.0 * s**2)
        art.texts["second"].set_text("second vessel: missed")
    elif result.second_vessel_moved:
        art.missed.set_data(3.4 + 0.35 * s, -1.0 - 0.6 * s**2)
        art.texts["second"].set_text("second vessel: moved")
    else:
        art.missed.set_data([], [])
        art.texts["second"].set_text("")
    art.texts["pressure"].set_text(
        f"pressure on the nerve {result.compression:.2f}\n(no LSR below about {result.threshold:.2f}) [TC]"
    )
    lsr = result.recording.lsr
    art.trace.set_data(lsr.time_ms, np.clip(lsr.trace_mv, -_TRACE_YLIM_MV, _TRACE_YLIM_MV))
    if lsr.present:
        art.marker.set_data([lsr.latency_ms] * 2, [-_TRACE_YLIM_MV * 0.6, _TRACE_YLIM_MV * 0.95])
        art.texts["lsr"].set_text(f"LSR present: {lsr.n_units} motor unit(s), onset {lsr.latency_ms:.1f} ms [TC]")
    else:
        art.marker.set_data([], [])
        art.texts["lsr"].set_text("no LSR: the response has disappeared [TC]")
    xs, ys = [], []
    for x0, h in art.bar_boxes["persists" if result.persists else "resolved"]:
        xs += [x0, x0, x0 + 0.34, x0 + 0.34, x0, np.nan]
        ys += [0, h, h, 0, 0, np.nan]
    art.highlight.set_data(xs, ys)


def monitoring_figure(result: MonitoringResult, prognosis: Mapping[str, tuple]) -> Figure:
    """The monitoring figure for one :func:`~hfs_edu.models.mvd.intraoperative_lsr` result."""
    fig, art = build_monitoring(prognosis)
    update_monitoring(art, result)
    return fig


# -- the cure-curve explorer (the view's figure) -----------------------------------------------------------

CURE_EXPLORER_CAPTION = (
    "The model's share spasm-free after MVD (line; failures and recurrences included) against the 175-patient "
    "cohort in which everyone was eventually cured (black dots) and the first-week and final shares of other "
    "cohorts (diamonds and triangles). Change the cohort and see which part of the curve moves."
)


@dataclass
class CureExplorerArtists:
    """Artists of the cure-curve explorer that :func:`update_cure_explorer` changes in place."""

    fig: Figure
    ax: object
    line: object = None
    marks: object = None
    text: object = None

    def dynamic(self) -> list:
        return [self.line, self.marks, self.text]


@validated(horizon_days=number(30, 3650, unit="days", doc="Length of the time axis."))
@styled
def build_cure_explorer(
    time_to_cure: pd.DataFrame, delayed: pd.DataFrame, labels: Mapping[str, str], horizon_days: float = 730.0
) -> tuple[Figure, CureExplorerArtists]:
    """Build the explorer (static points of the tables); fill it with :func:`update_cure_explorer`.

    Parameters
    ----------
    time_to_cure, delayed : pandas.DataFrame
        Tables ``mvd_time_to_cure`` and ``mvd_delayed_resolution``.
    labels : mapping
        Source key -> "First author year".
    {parameters}
    """
    ttc = check_frame(
        "time_to_cure",
        time_to_cure,
        {"interval_end_days", "cumulative_pct", "source_key"},
        'load_table("mvd_time_to_cure")',
    )
    dr = check_frame(
        "delayed", delayed, {"early_cure_pct", "final_cure_pct", "source_key"}, 'load_table("mvd_delayed_resolution")'
    )
    labels = check_labels(labels)
    fig, ax = new_figure(CURE_EXPLORER_CAPTION, width_in=7.4, height_in=3.9, layout=None)
    fig.subplots_adjust(left=0.09, right=0.97, top=0.96, bottom=0.13)
    art = CureExplorerArtists(fig, ax)
    end = horizon_days / _DAYS_PER_MONTH
    pts = ttc.dropna(subset=["interval_end_days"])
    key = str(pts["source_key"].iloc[0])
    ax.scatter(
        pts["interval_end_days"].astype(float) / _DAYS_PER_MONTH,
        pts["cumulative_pct"].astype(float),
        s=40,
        color="black",
        zorder=4,
        label=f"{source_label(labels, key)} (all cured)",
    )
    early = dr.dropna(subset=["early_cure_pct"])
    early = early[early["source_key"] != key]["early_cure_pct"].astype(float)
    ax.scatter(
        np.full(len(early), 7 / _DAYS_PER_MONTH),
        early,
        marker="D",
        s=28,
        facecolor="white",
        edgecolor=OKABE_ITO["vermillion"],
        zorder=4,
        label="other cohorts: first days",
    )
    final = dr["final_cure_pct"].dropna().astype(float)
    ax.scatter(
        np.full(len(final), end),
        final,
        marker=">",
        s=30,
        color=OKABE_ITO["vermillion"],
        zorder=4,
        clip_on=False,
        label="other cohorts: final",
    )
    (art.line,) = ax.plot([], [], color=OKABE_ITO["bluish_green"], lw=2.2, label="model [TC]")
    (art.marks,) = ax.plot([], [], ls="none", marker="o", ms=7, mfc="white", mec=OKABE_ITO["bluish_green"], mew=2)
    art.text = ax.text(0.98 * end, 8, "", ha="right", fontsize=9.5)
    ax.set_xlim(0, end)
    ax.set_ylim(0, 102)
    ax.set_xlabel("months after surgery")
    ax.set_ylabel("spasm-free (%)")
    ax.grid(color="#EEEEEE")
    ax.legend(loc="center right", fontsize=8.5, frameon=False)
    return fig, art


def update_cure_explorer(art: CureExplorerArtists, course: MvdCourse) -> None:
    """Draw one :func:`~hfs_edu.models.mvd.cure_course` in the explorer of :func:`build_cure_explorer`."""
    if not isinstance(art, CureExplorerArtists):
        raise TypeError(f"art must be the CureExplorerArtists of build_cure_explorer(), got {type(art).__name__}")
    if not isinstance(course, MvdCourse):
        raise TypeError(f"course must be an MvdCourse from mvd.cure_course(), got {type(course).__name__}")
    months = course.time_days / _DAYS_PER_MONTH
    art.line.set_data(months, 100 * course.spasm_free)
    at = [float(np.interp(m * _DAYS_PER_MONTH, course.time_days, course.spasm_free)) for m in (1, 12)]
    art.marks.set_data([1, 12], [100 * a for a in at])
    art.text.set_text(f"model: {at[0]:.0%} at 1 month, {at[1]:.0%} at 12 months [TC]")
