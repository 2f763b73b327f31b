"""Where vessels meet the nerve (chapter 02): the schematic, the offending vessels, contact with and without HFS.

Data figures take the table as a DataFrame (``load_table("offending_vessels")``,
``load_table("compression_site")``) and ``labels``, a mapping from source key to a
"First author year" label; :mod:`hfs_edu.course_figures` composes them for the chapters.
Every number drawn comes from the DataFrame; each figure stores what it drew in
``fig.hfs_data`` so tests can compare it with the table.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

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

__all__ = ["VESSEL_SERIES", "conflict_schematic", "contact_figure", "offending_vessels_figure"]

_GREY = OKABE_ITO["grey"]


# -- 2.1 the picture ---------------------------------------------------------------------------


@styled
def conflict_schematic() -> Figure:
    """Schematic: the facial nerve root as insulated fibres, an artery loop indenting it at the root exit zone."""
    fig, ax = new_figure(
        "Where the artery loop presses, the fibres are still wrapped in thin central myelin; worn bare, "
        "neighbouring fibres can excite each other (not to scale).",
        width_in=8.6,
        height_in=3.9,
    )
    ax.set_xlim(-0.6, 10.0)
    ax.set_ylim(-0.1, 4.75)
    ax.axis("off")
    ax.add_patch(
        FancyBboxPatch(
            (-0.5, 0.45), 1.6, 3.2, boxstyle="round,pad=0.1,rounding_size=0.6", facecolor="#E4E4E4", edgecolor="#AAAAAA"
        )
    )
    ax.text(0.3, 0.85, "pons\n(brainstem)", ha="center", va="center", fontsize=9, color="#444444")
    ax.axvspan(3.6, 4.4, ymin=0.07, ymax=0.64, color=OKABE_ITO["yellow"], alpha=0.35, lw=0)
    x = np.linspace(1.1, 9.7, 600)
    contact_x, bare = 2.4, (2.05, 2.75)
    for k, y0 in enumerate((2.6, 2.3, 2.0, 1.7, 1.4)):
        y = y0 - (0.28 - 0.06 * k) * np.exp(-(((x - contact_x) / 0.5) ** 2))  # indentation
        central = (x <= 3.6) & ~((x > bare[0]) & (x < bare[1]) & (k < 2))
        ax.plot(np.where(central, x, np.nan), y, color=OKABE_ITO["sky_blue"], lw=7, alpha=0.55, solid_capstyle="butt")
        for start in np.arange(4.4, 9.6, 0.95):  # Schwann internodes
            seg = (x >= start) & (x <= start + 0.82)
            ax.plot(x[seg], y[seg], color=OKABE_ITO["bluish_green"], lw=7, alpha=0.45, solid_capstyle="butt")
        ax.plot(x, y, color="black", lw=1.0)
    s = np.linspace(-1, 1, 80)  # artery loop
    loop_x, loop_y = contact_x + 0.75 * s, 2.47 + 1.9 * s**2
    ax.plot(loop_x, loop_y, color=OKABE_ITO["vermillion"], lw=11, solid_capstyle="round")
    ax.plot(loop_x, loop_y, color="#F4B08A", lw=4, solid_capstyle="round")
    for r in (0.5, 0.68):  # pulsation marks
        for a0, a1 in ((0.15, 0.75), (np.pi - 0.75, np.pi - 0.15)):
            t = np.linspace(a0, a1, 20)
            ax.plot(contact_x + r * np.cos(t), 2.55 + r * np.sin(t), color=OKABE_ITO["vermillion"], lw=1.2)
    ax.text(
        3.35,
        4.45,
        "artery loop (usually AICA),\npulsing with every heartbeat",
        fontsize=9,
        color=OKABE_ITO["vermillion"],
        va="center",
    )
    zig_x = contact_x + np.array([-0.05, 0.05, -0.05, 0.05, 0.0])
    ax.plot(zig_x, np.linspace(2.28, 1.98, 5), color=OKABE_ITO["orange"], lw=2.2)
    ax.annotate(
        "worn bare: a signal in one fibre\ncan excite its neighbour (cross-talk)",
        xy=(2.5, 2.12),
        xytext=(4.6, 3.4),
        fontsize=9,
        va="center",
        arrowprops=dict(arrowstyle="->", color="#333333", lw=1),
    )
    for x0, x1, label, col in (
        (1.1, 3.6, "root exit zone\n(central myelin,\noligodendrocytes)", OKABE_ITO["blue"]),
        (3.6, 4.4, "transition\nzone", "#8a7a00"),
        (4.4, 9.7, "peripheral myelin (Schwann cells), on towards the face", OKABE_ITO["bluish_green"]),
    ):
        ax.plot([x0 + 0.05, x1 - 0.05], [0.98, 0.98], color=col, lw=2)
        ax.text(
            (x0 + x1) / 2 if x1 - x0 < 3 else x0 + 0.1,
            0.83,
            label,
            fontsize=8.5,
            color=col,
            va="top",
            ha="center" if x1 - x0 < 3 else "left",
        )
    ax.text(9.7, 2.72, 'facial nerve (CN VII): each fibre is one insulated "wire"', fontsize=9, ha="right", va="bottom")
    fig.hfs_data = {"contact_x": contact_x, "bare_fibres": 2}
    return fig


# -- 2.2 offending vessels ----------------------------------------------------------------------

_VESSEL_ORDER = ["AICA", "PICA", "VA", "basilar", "SCA", "vein", "multiple", "none"]
_VESSEL_LABEL = {
    "AICA": "AICA",
    "PICA": "PICA",
    "VA": "vertebral a.",
    "basilar": "basilar a.",
    "SCA": "SCA",
    "vein": "vein",
    "multiple": "several vessels",
    "none": "none found",
}
#: Series drawn side by side (source keys); titles are built from the table.
VESSEL_SERIES = ("S33", "S35", "S34", "S36")
_BASIS_TITLE = {"main offender": "main offender", "vessel involved": "every vessel"}


def _vessel_label(row) -> str:
    n = row["n_with_vessel"]
    derived = row["derived"] and not pd.isna(n)
    return f"{row['pct']:.0f}% ({int(n)}/{int(row['n_patients'])})" if derived else f"{row['pct']:.0f}%"


_VESSEL_COLUMNS = {
    "source_key",
    "vessel",
    "basis",
    "pct",
    "n_patients",
    "n_with_vessel",
    "n_studies",
    "method",
    "pct_ci_low",
    "pct_ci_high",
    "derived",
}


@styled
def offending_vessels_figure(vessels: pd.DataFrame, labels: Mapping[str, str]) -> Figure:
    """Four surgical series side by side, and the AICA share in every source.

    Parameters
    ----------
    vessels : pandas.DataFrame
        Table ``offending_vessels``.
    labels : mapping
        Source key -> "First author year" (keys without one are shown as the key).

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["bars"]`` maps ``(source_key, vessel)`` to the drawn percentage;
        ``fig.hfs_data["aica"]`` maps each source key to its AICA percentage.
    """
    df = check_frame("vessels", vessels, _VESSEL_COLUMNS, 'load_table("offending_vessels")')
    labels = check_labels(labels)
    series = df[df["source_key"].isin(VESSEL_SERIES)]
    order = [v for v in _VESSEL_ORDER if v in set(series["vessel"])]  # no empty rows
    fig = new_figure(
        "The series disagree: AICA is the commonest culprit in each, but its share ranges from 38% to 76%, "
        "and PICA from 6% to 38%, depending on how vessels were counted and in whom.",
        width_in=9.8,
        height_in=6.4,
    )[0]
    fig.clf()
    top, bottom = fig.subfigures(2, 1, height_ratios=[3.3, 2.0])
    axes = top.subplots(1, len(VESSEL_SERIES), sharey=True)
    y = {v: i for i, v in enumerate(order)}
    bars: dict[tuple[str, str], float] = {}
    for ax, key in zip(axes, VESSEL_SERIES):
        rows = series[series["source_key"] == key]
        for _, row in rows.iterrows():
            v = row["vessel"]
            basis = row["basis"]
            colour = {"main offender": OKABE_ITO["blue"], "vessel involved": OKABE_ITO["orange"]}.get(basis, _GREY)
            hatch = "//" if basis in ("multiple vessels", "vessel involved") else None
            ax.barh(y[v], row["pct"], color=colour, hatch=hatch, edgecolor="white", height=0.7)
            ax.text(row["pct"] + 2, y[v], _vessel_label(row), va="center", fontsize=9)
            bars[(key, v)] = float(row["pct"])
        for v in set(order) - set(rows["vessel"]):
            ax.text(2, y[v], "–", va="center", fontsize=9, color=_GREY)
        first = rows.iloc[0]
        main = rows[rows["basis"].isin(list(_BASIS_TITLE))]["basis"]
        basis = _BASIS_TITLE.get(main.iloc[0] if len(main) else "", "")
        method = textwrap.fill(str(first["method"]), 24)
        ax.set_title(
            f"{source_label(labels, key)}\n{method}\n{int(first['n_patients'])} patients, {basis}",
            fontsize=8.5,
            loc="left",
        )
        ax.set_xlim(0, 110)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("% of patients", fontsize=9)
        if "multiple" in y:
            ax.axhline(y["multiple"] - 0.5, color="#CCCCCC", lw=0.8)
    axes[0].set_yticks(range(len(order)), [_VESSEL_LABEL[v] for v in order], fontsize=9)
    axes[0].invert_yaxis()
    handles = [
        Rectangle((0, 0), 1, 1, color=OKABE_ITO["blue"]),
        Rectangle((0, 0), 1, 1, facecolor=OKABE_ITO["orange"], hatch="//", edgecolor="white"),
        Rectangle((0, 0), 1, 1, facecolor=_GREY, hatch="//", edgecolor="white"),
    ]
    top.legend(
        handles,
        [
            "main offender (one per patient)",
            "vessel involved (a patient can count twice)",
            "several vessels (overlaps the other rows)",
        ],
        loc="outside lower center",
        ncols=3,
        fontsize=8.5,
        frameon=False,
    )
    # bottom: AICA share in every source
    ax = bottom.subplots()
    aica = df[df["vessel"] == "AICA"].sort_values("pct")
    ylabels, values = [], {}
    for i, (_, row) in enumerate(aica.iterrows()):
        key = row["source_key"]
        is_meta = not pd.isna(row["n_studies"])
        colour = OKABE_ITO["vermillion"] if is_meta else OKABE_ITO["blue"]
        if not math.isnan(row["pct_ci_low"]):
            ax.plot([row["pct_ci_low"], row["pct_ci_high"]], [i, i], color=colour, lw=2)
        ax.plot(row["pct"], i, marker="D" if is_meta else "o", color=colour, markersize=7)
        right = key != "S36"
        x_text = row["pct_ci_high"] if is_meta else row["pct"]
        ax.text(
            x_text + (1.5 if right else -1.5),
            i + 0.05,
            f"{row['pct']:.0f}%",
            va="center",
            fontsize=9,
            ha="left" if right else "right",
        )
        size = f"{int(row['n_studies'])} studies" if is_meta else f"{int(row['n_patients'])} patients"
        ylabels.append(f"{source_label(labels, key)}, {size}, {row['basis']}")
        values[key] = float(row["pct"])
    s36 = df[df["source_key"] == "S36"].set_index("vessel")
    n_compressed = int(s36.at["AICA", "n_patients"]) - int(s36.at["none", "n_with_vessel"])
    only_compressed = 100 * s36.at["AICA", "n_with_vessel"] / n_compressed
    i36 = ylabels.index(next(lab for lab in ylabels if "[S36]" in lab))
    ax.plot(only_compressed, i36, marker="o", mfc="white", color=OKABE_ITO["blue"], markersize=7)
    ax.annotate(
        f"{only_compressed:.0f}%: counting only\nthe {n_compressed} with a compression",
        xy=(only_compressed, i36),
        xytext=(only_compressed + 1.5, i36 - 1.3),
        fontsize=7.5,
        ha="left",
        va="center",
        color="#555555",
        arrowprops=dict(arrowstyle="-", color="#999999", lw=0.8),
    )
    ax.set_yticks(range(len(ylabels)), ylabels, fontsize=8.5)
    ax.set_xlim(20, 100)
    ax.set_ylim(-0.7, len(ylabels) - 0.3)
    ax.set_xlabel("AICA as the culprit (% of patients; diamond = meta-analysis with 95% CI)", fontsize=9)
    fig.hfs_data = {"bars": bars, "aica": values, "aica_of_compressed_S36": only_compressed}
    return settle_layout(fig)


# -- contact with and without HFS ------------------------------------------------------------------

_QUALIFIER_TEXT = {">": "more than ", ">=": "at least ", "~": "about ", "up to": "up to "}


#: Populations of the contact panel, drawn top-down, with their colour and hatch (one palette per panel).
_POPULATIONS = {
    "HFS, symptomatic side": (OKABE_ITO["vermillion"], None),
    "HFS": (OKABE_ITO["vermillion"], None),
    "HFS, asymptomatic side": (OKABE_ITO["orange"], "//"),
    "people without HFS": (OKABE_ITO["blue"], None),
    "controls without HFS": (OKABE_ITO["blue"], None),
}
_SEVERITY_SHADES = ("#BBBBBB", "#777777", "#333333")  # greys: a second panel, not the populations' colours


@styled
def contact_figure(sites: pd.DataFrame, labels: Mapping[str, str]) -> Figure:
    """Left: how often imaging finds a vessel touching the nerve, with and without HFS. Right: how hard, at surgery.

    Parameters
    ----------
    sites : pandas.DataFrame
        Table ``compression_site`` (its ``contact_present`` rows and the [S33] severity rows are drawn).
    labels : mapping
        Source key -> "First author year".

    ``fig.hfs_data["contact"]`` maps ``(source_key, population)`` to the drawn percentage.
    """
    df = check_frame(
        "sites",
        sites,
        {"source_key", "dimension", "population", "pct", "pct_qualifier", "method", "n_subjects", "n_unit", "category"},
        'load_table("compression_site")',
    )
    labels = check_labels(labels)
    fig, (ax, ax2) = panels(
        "A vessel touches the facial nerve on up to about half of nerve sides in some MRI studies of people "
        "without HFS (6-53% across studies), so contact alone cannot be the cause; in patients the vessel "
        "usually indents the nerve.",
        (2.4, 1.0),
        9.6,
        3.9,
    )
    order = {p: i for i, p in enumerate(_POPULATIONS)}
    rows = df[df["dimension"] == "contact_present"].sort_values("population", key=lambda col: col.map(order))
    contact = {}
    for i, (_, row) in enumerate(rows.iterrows()):
        pop = row["population"]
        colour, hatch = _POPULATIONS.get(pop, (_GREY, None))
        ax.barh(i, row["pct"], color=colour, height=0.65, hatch=hatch, edgecolor="white")
        q = row["pct_qualifier"]
        q = "" if pd.isna(q) else _QUALIFIER_TEXT.get(q, q + " ")
        ax.text(row["pct"] + 1.5, i, f"{q}{row['pct']:.0f}%  {pop}", va="center", fontsize=8.5, color=colour)
        contact[(row["source_key"], pop)] = float(row["pct"])
    ytext = [f"{source_label(labels, r.source_key)}\n{r.method}, {r.n_subjects} {r.n_unit}" for r in rows.itertuples()]
    ax.set_yticks(range(len(rows)), ytext, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 165)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("vessel touching the facial nerve (%)")
    ax.set_title("Contact on imaging", fontsize=10, loc="left")
    sev = df[(df["source_key"] == "S33") & (df["dimension"] == "severity")]
    severity = {}
    for i, (row, col) in enumerate(zip(sev.itertuples(), _SEVERITY_SHADES)):
        ax2.bar(i, row.pct, color=col, width=0.65)
        ax2.text(i, row.pct + 1.5, f"{row.pct:.0f}%", ha="center", fontsize=9)
        severity[row.category] = float(row.pct)
    names = {
        "mild": "mild\n(touches)",
        "moderate (indentation)": "moderate\n(indents)",
        "severe (deviation)": "severe\n(displaces)",
    }
    ax2.set_xticks(range(len(sev)), [names.get(c, c) for c in sev["category"]], fontsize=8.5)
    ax2.set_ylabel(f"% of {int(sev['n_subjects'].iloc[0])} patients")
    ax2.set_ylim(0, 75)
    ax2.set_title(f"At surgery\n{source_label(labels, 'S33')}", fontsize=10, loc="left")
    fig.hfs_data = {"contact": contact, "severity": severity}
    return settle_layout(fig)
