"""Who gets HFS (chapter 02): the hypertension forest plot and primary vs secondary HFS.

Figures take their table as a DataFrame and ``labels`` (source key -> "First author year");
:mod:`hfs_edu.course_figures` composes them for the chapters.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.figure import Figure

from .style import (
    OKABE_ITO,
    check_frame,
    check_labels,
    new_figure,
    panels,
    settle_layout,
    source_label,
    styled,
)

__all__ = ["AETIOLOGY_COHORTS", "aetiology_figure", "hypertension_forest_plot"]

_GREY = OKABE_ITO["grey"]


def _study_title(row, labels) -> str:
    who = source_label(labels, row["source_key"])
    if row["design"] == "meta-analysis":
        return f"{who}, meta-analysis of {int(row['n_studies'])} studies"
    return f"{who}, {int(row['n_cases'])} cases vs {int(row['n_controls'])} controls"


def _or(value: float) -> str:
    """An odds ratio as printed in the sources: 4.0 and 1.3 keep one decimal, 12 does not."""
    return f"{value:.1f}" if value == int(value) and value < 10 else f"{value:g}"


@styled
def hypertension_forest_plot(odds_ratios: pd.DataFrame, labels: Mapping[str, str]) -> Figure:
    """Forest plot of the odds ratios for hypertension in HFS.

    Parameters
    ----------
    odds_ratios : pandas.DataFrame
        Table ``hypertension_odds_ratios``.
    labels : mapping
        Source key -> "First author year".

    One row per table row, grouped by study (a heading row per study); squares are single
    studies, the diamond is the pooled estimate; log-scale x axis with a reference line at OR 1.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["ci_lines"]`` lists ``(table row index, Line2D)``, one CI line per row;
        ``fig.hfs_data["rows"]`` is the table in drawing order.
    """
    df = check_frame(
        "odds_ratios",
        odds_ratios,
        {"source_key", "design", "subgroup", "odds_ratio", "ci_low", "ci_high", "n_cases", "n_controls", "n_studies"},
        'load_table("hypertension_odds_ratios")',
    )
    labels = check_labels(labels)
    fig, (ax, tx) = panels(
        "Every study in this plot found more hypertension in people with HFS (all overall intervals lie right "
        "of 1), but subgroups are small and their intervals wide; one crosses 1.",
        (3.3, 1.0),
        9.2,
        5.0,
    )
    ypos, rowlabels, heads = [], [], []
    y = 0.0
    for key in dict.fromkeys(df["source_key"]):
        heads.append((y, _study_title(df[df["source_key"] == key].iloc[0], labels)))
        y += 1
        for idx in df.index[df["source_key"] == key]:
            ypos.append((idx, y))
            sub = df.at[idx, "subgroup"]
            rowlabels.append("overall" if sub == "all" else sub.replace(">=", "≥"))
            y += 1
        y += 0.4
    ci_lines = []
    for idx, yy in ypos:
        row = df.loc[idx]
        pooled, overall = row["design"] == "meta-analysis", row["subgroup"] == "all"
        colour = OKABE_ITO["vermillion"] if pooled else (OKABE_ITO["blue"] if overall else "#444444")
        (line,) = ax.plot([row["ci_low"], row["ci_high"]], [yy, yy], color=colour, lw=2 if overall else 1.4)
        ci_lines.append((idx, line))
        ax.plot(
            row["odds_ratio"],
            yy,
            marker="D" if pooled else "s",
            color=colour,
            markersize=9 if pooled else (7 if overall else 5.5),
        )
        tx.text(
            0.0,
            yy,
            f"{_or(row['odds_ratio'])}  ({_or(row['ci_low'])}–{_or(row['ci_high'])})",
            va="center",
            fontsize=8.5,
            color=colour,
        )
    for yy, title in heads:
        ax.text(
            0.0,
            yy,
            title,
            transform=ax.get_yaxis_transform(),
            fontsize=9,
            fontweight="bold",
            va="center",
            ha="left",
            zorder=5,
            bbox=dict(facecolor="white", edgecolor="none", pad=1.5),
        )
    tx.text(0.0, -1.2, "OR (95% CI)", fontsize=9, fontweight="bold", va="center")
    ax.set_xscale("log")
    ax.set_xlim(0.25, 16)
    ticks = [0.25, 0.5, 1, 2, 4, 8, 16]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.axvline(1.0, color="black", lw=1, ls="--", zorder=1)
    ax.set_yticks([yy for _, yy in ypos], [f"   {lab}" for lab in rowlabels], fontsize=8.5)
    ax.tick_params(axis="y", length=0)
    for a in (ax, tx):
        a.set_ylim(y - 0.2, -1.8)
    ax.text(1.05, -1.2, "more hypertension in HFS →", fontsize=8.5, va="center", color="#333333")
    ax.text(0.95, -1.2, "← less", fontsize=8.5, va="center", ha="right", color="#333333")
    ax.set_xlabel("odds ratio for hypertension, HFS vs controls (log scale; 1 = no association)")
    ax.spines["left"].set_visible(False)
    tx.axis("off")
    fig.hfs_data = {"ci_lines": ci_lines, "rows": df.loc[[i for i, _ in ypos]]}
    return settle_layout(fig)


# -- aetiology ---------------------------------------------------------------------------------------

_AETIOLOGY_SEGMENTS = [  # (category in the table, legend label, colour, hatch)
    ("primary", "primary (vascular or unexplained)", OKABE_ITO["blue"], None),
    ("idiopathic (remainder)", "primary (vascular or unexplained)", OKABE_ITO["blue"], None),
    ("post-paralytic", "after facial palsy (Bell's)", OKABE_ITO["orange"], None),
    ("Bell's palsy", "after facial palsy (Bell's)", OKABE_ITO["orange"], None),
    ("facial nerve injury", "after nerve injury", OKABE_ITO["vermillion"], None),
    ("demyelination", "other secondary cause", OKABE_ITO["reddish_purple"], None),
    ("brain vascular insult", "other secondary cause", OKABE_ITO["reddish_purple"], None),
    ("symptomatic (other cause)", "other secondary cause", OKABE_ITO["reddish_purple"], None),
    ("secondary", "secondary, not broken down", OKABE_ITO["sky_blue"], "//"),
    (
        "hereditary",
        "primary (vascular or unexplained)",
        OKABE_ITO["blue"],
        None,
    ),  # grouped with primary, as in the text
    ("mimics (psychogenic, tic, dystonia, myoclonus, hemimasticatory spasm)", "not HFS (mimics)", _GREY, "xx"),
]
AETIOLOGY_COHORTS = ["S15", "S16", "S21", "S110"]


_SLIVER_PCT = 4.0  # segments narrower than this are merged into "other secondary cause" and labelled outside


@styled
def aetiology_figure(aetiology: pd.DataFrame, labels: Mapping[str, str]) -> Figure:
    """Stacked bars: primary and secondary HFS (and mimics) in four cohorts.

    Parameters
    ----------
    aetiology : pandas.DataFrame
        Table ``aetiology``.
    labels : mapping
        Source key -> "First author year".

    ``fig.hfs_data["segments"]`` maps ``(source_key, category)`` to the drawn width (% of the cohort);
    hereditary HFS counts as primary (as in the chapter's text), and secondary causes narrower than
    4% are merged into "other secondary cause".
    """
    df = check_frame(
        "aetiology",
        aetiology,
        {"source_key", "classification", "category", "n_patients", "n_total", "pct", "population"},
        'load_table("aetiology")',
    )
    labels = check_labels(labels)
    fig, ax = new_figure(
        "In every cohort most HFS is primary; among secondary causes a previous facial palsy dominates, "
        "and shares differ with how each clinic defines and counts.",
        width_in=9.2,
        height_in=3.6,
    )
    seen, segments, ylabels = set(), {}, []
    for i, key in enumerate(AETIOLOGY_COHORTS):
        rows = df[
            (df["source_key"] == key) & df["classification"].isin(["primary_vs_secondary", "secondary_cause", "mimic"])
        ]
        has_causes = (rows["classification"] == "secondary_cause").any()
        widths: dict[str, float] = {}
        for cat, legend, _colour, _hatch in _AETIOLOGY_SEGMENTS:
            hit = rows[rows["category"] == cat]
            if hit.empty or (cat == "secondary" and has_causes):
                continue
            row = hit.iloc[0]
            n = row["n_patients"]
            width = float(row["pct"]) if pd.isna(n) else 100 * int(n) / int(row["n_total"])
            segments[(key, cat)] = width
            if (
                legend != "not HFS (mimics)"
                and width < _SLIVER_PCT
                and cat not in ("primary", "hereditary", "idiopathic (remainder)")
            ):
                legend = "other secondary cause"
            widths[legend] = widths.get(legend, 0.0) + width
        left = 0.0
        style = {legend: (colour, hatch) for _, legend, colour, hatch in _AETIOLOGY_SEGMENTS}
        for legend, width in widths.items():
            colour, hatch = style[legend]
            ax.barh(
                i,
                width,
                left=left,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                height=0.62,
                label=None if legend in seen else legend,
            )
            seen.add(legend)
            dark = colour in (OKABE_ITO["blue"], OKABE_ITO["vermillion"])
            if width >= _SLIVER_PCT:
                ax.text(
                    left + width / 2,
                    i,
                    f"{width:.0f}",
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if dark else "black",
                )
            else:  # a sliver: its number goes above the bar
                ax.annotate(
                    f"{width:.0f}",
                    xy=(left + width / 2, i - 0.31),
                    xytext=(left + width / 2, i - 0.52),
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    arrowprops=dict(arrowstyle="-", lw=0.6),
                )
            left += width
        first = rows.iloc[0]
        where = first["population"].replace(
            "referrals for unilateral facial spasm, ", "referrals for one-sided\nfacial spasm, "
        )
        ylabels.append(f"{source_label(labels, key)} {where}\n(n = {int(first['n_total'])})")
    ax.set_yticks(range(len(ylabels)), ylabels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the cohort (number in each segment = %)")
    fig.legend(loc="outside lower center", ncols=3, fontsize=8.5, frameon=False)
    fig.hfs_data = {"segments": segments}
    return settle_layout(fig)
