"""Figures for chapter 02, neurovascular conflict.

The schematic (:func:`conflict_schematic`), the data figures (offending vessels, contact with and
without HFS, the hypertension forest plot, aetiology) and the compression-model figures
(:func:`wear_by_severity_figure`, :func:`myelin_wear_figure`; :func:`draw_myelin_wear` and
:func:`update_myelin_wear` let a view restyle the latter without rebuilding it). Every data figure
stores the numbers it drew in ``fig.hfs_data`` so tests can compare them with the tables.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Rectangle
from matplotlib.text import Text

from .._validate import check_choice, check_number
from ..data import load_table
from ..models import compression
from .style import OKABE_ITO, new_figure, settle_layout, styled

__all__ = [
    "conflict_schematic", "offending_vessels_figure", "contact_figure", "hypertension_forest_plot",
    "aetiology_figure", "wear_by_severity_figure", "myelin_wear_figure", "WearScenario", "wear_scenario",
    "WearArtists", "draw_myelin_wear", "update_myelin_wear", "VESSELS", "REFERENCE_SBP_MMHG",
    "HORIZON_YEARS", "BP_GRID_MMHG",
]

#: Vessel type -> pulsation factor of the compression model (an artery with a 40 mmHg pulse pressure).
VESSELS = {"artery": compression.pulsation_from_pulse_pressure(40.0), "vein": 0.0}
REFERENCE_SBP_MMHG = 120.0  # systolic pressure of the grey comparison curve
HORIZON_YEARS = 40.0  # time axis of the wear figures (years of contact)
BP_GRID_MMHG = np.arange(90.0, 200.1, 5.0)  # systolic pressures of the dose-response panel
_GREY = OKABE_ITO["grey"]


# -- 2.1 the picture ---------------------------------------------------------------------------

@styled
def conflict_schematic() -> Figure:
    """Schematic: the facial nerve root as insulated fibres, an artery loop indenting it at the root exit zone."""
    fig, ax = new_figure(
        "Where the artery loop presses, the fibres are still wrapped in thin central myelin; worn bare, "
        "neighbouring fibres can excite each other (not to scale).", width_in=8.6, height_in=3.9)
    ax.set_xlim(-0.6, 10.0)
    ax.set_ylim(-0.1, 4.75)
    ax.axis("off")
    ax.add_patch(FancyBboxPatch((-0.5, 0.45), 1.6, 3.2, boxstyle="round,pad=0.1,rounding_size=0.6",
                                facecolor="#E4E4E4", edgecolor="#AAAAAA"))
    ax.text(0.3, 0.85, "pons\n(brainstem)", ha="center", va="center", fontsize=9, color="#444444")
    ax.axvspan(3.6, 4.4, ymin=0.07, ymax=0.64, color=OKABE_ITO["yellow"], alpha=0.35, lw=0)
    x = np.linspace(1.1, 9.7, 600)
    contact_x, bare = 2.4, (2.05, 2.75)
    for k, y0 in enumerate((2.6, 2.3, 2.0, 1.7, 1.4)):
        y = y0 - (0.28 - 0.06 * k) * np.exp(-((x - contact_x) / 0.5) ** 2)  # indentation
        central = (x <= 3.6) & ~((x > bare[0]) & (x < bare[1]) & (k < 2))
        ax.plot(np.where(central, x, np.nan), y, color=OKABE_ITO["sky_blue"], lw=7, alpha=0.55,
                solid_capstyle="butt")
        for start in np.arange(4.4, 9.6, 0.95):                                    # Schwann internodes
            seg = (x >= start) & (x <= start + 0.82)
            ax.plot(x[seg], y[seg], color=OKABE_ITO["bluish_green"], lw=7, alpha=0.45, solid_capstyle="butt")
        ax.plot(x, y, color="black", lw=1.0)
    s = np.linspace(-1, 1, 80)                                                       # artery loop
    loop_x, loop_y = contact_x + 0.75 * s, 2.47 + 1.9 * s ** 2
    ax.plot(loop_x, loop_y, color=OKABE_ITO["vermillion"], lw=11, solid_capstyle="round")
    ax.plot(loop_x, loop_y, color="#F4B08A", lw=4, solid_capstyle="round")
    for r in (0.5, 0.68):                                                             # pulsation marks
        for a0, a1 in ((0.15, 0.75), (np.pi - 0.75, np.pi - 0.15)):
            t = np.linspace(a0, a1, 20)
            ax.plot(contact_x + r * np.cos(t), 2.55 + r * np.sin(t), color=OKABE_ITO["vermillion"], lw=1.2)
    ax.text(3.35, 4.45, "artery loop (usually AICA),\npulsing with every heartbeat", fontsize=9,
            color=OKABE_ITO["vermillion"], va="center")
    zig_x = contact_x + np.array([-0.05, 0.05, -0.05, 0.05, 0.0])
    ax.plot(zig_x, np.linspace(2.28, 1.98, 5), color=OKABE_ITO["orange"], lw=2.2)
    ax.annotate("worn bare: a signal in one fibre\ncan excite its neighbour (cross-talk)", xy=(2.5, 2.12),
                xytext=(4.6, 3.4), fontsize=9, va="center",
                arrowprops=dict(arrowstyle="->", color="#333333", lw=1))
    for x0, x1, label, col in ((1.1, 3.6, "root exit zone\n(central myelin,\noligodendrocytes)", OKABE_ITO["blue"]),
                               (3.6, 4.4, "transition\nzone", "#8a7a00"),
                               (4.4, 9.7, "peripheral myelin (Schwann cells), on towards the face", OKABE_ITO["bluish_green"])):
        ax.plot([x0 + 0.05, x1 - 0.05], [0.98, 0.98], color=col, lw=2)
        ax.text((x0 + x1) / 2 if x1 - x0 < 3 else x0 + 0.1, 0.83, label, fontsize=8.5, color=col, va="top",
                ha="center" if x1 - x0 < 3 else "left")
    ax.text(9.7, 2.72, "facial nerve (CN VII): each fibre is one insulated \"wire\"", fontsize=9, ha="right",
            va="bottom")
    fig.hfs_data = {"contact_x": contact_x, "bare_fibres": 2}
    return fig


# -- 2.2 offending vessels ----------------------------------------------------------------------

_VESSEL_ORDER = ["AICA", "PICA", "VA", "basilar", "SCA", "vein", "multiple", "none"]
_VESSEL_LABEL = {"AICA": "AICA", "PICA": "PICA", "VA": "vertebral a.", "basilar": "basilar a.", "SCA": "SCA",
                 "vein": "vein", "multiple": "several vessels", "none": "none found"}
#: Series drawn side by side: (source key, panel title).
VESSEL_SERIES = [
    ("S33", "surgery, 115 patients\none main offender each"),
    ("S35", "angiography + surgery,\n70 patients, main offender"),
    ("S34", "angiography + surgery,\n100 patients, every vessel"),
    ("S36", "surgery, 194 patients,\nmain offender (% of all)"),
]


def _vessel_label(row) -> str:
    n = row["n_with_vessel"]
    derived = row["derived"] and not pd.isna(n)
    return f"{row['pct']:.0f}% ({int(n)}/{int(row['n_patients'])})" if derived else f"{row['pct']:g}%"


@styled
def offending_vessels_figure() -> Figure:
    """Four surgical series side by side, and the AICA share in every source (table ``offending_vessels``).

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["bars"]`` maps ``(source_key, vessel)`` to the drawn percentage;
        ``fig.hfs_data["aica"]`` maps each source key to its AICA percentage.
    """
    df = load_table("offending_vessels")
    fig = new_figure(
        "The series disagree: AICA is the commonest culprit in each, but its share ranges from 38% to 76%, "
        "and PICA from 6% to 38%, depending on how vessels were counted and in whom.",
        width_in=9.8, height_in=6.4)[0]
    fig.clf()
    top, bottom = fig.subfigures(2, 1, height_ratios=[3.3, 2.0])
    axes = top.subplots(1, len(VESSEL_SERIES), sharey=True)
    y = {v: i for i, v in enumerate(_VESSEL_ORDER)}
    bars: dict[tuple[str, str], float] = {}
    for ax, (key, title) in zip(axes, VESSEL_SERIES):
        rows = df[df["source_key"] == key]
        for _, row in rows.iterrows():
            v = row["vessel"]
            basis = row["basis"]
            colour = {"main offender": OKABE_ITO["blue"], "vessel involved": OKABE_ITO["orange"]}.get(basis, _GREY)
            hatch = "//" if basis in ("multiple vessels", "vessel involved") else None
            ax.barh(y[v], row["pct"], color=colour, hatch=hatch, edgecolor="white", height=0.7)
            ax.text(row["pct"] + 2, y[v], _vessel_label(row), va="center", fontsize=8)
            bars[(key, v)] = float(row["pct"])
        for v in set(_VESSEL_ORDER) - set(rows["vessel"]):
            ax.text(2, y[v], "not reported", va="center", fontsize=7.5, color=_GREY, style="italic")
        ax.set_title(f"[{key}] {title}", fontsize=8.5, loc="left")
        ax.set_xlim(0, 110)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("% of patients", fontsize=9)
        ax.axhline(len(_VESSEL_ORDER) - 2.5, color="#CCCCCC", lw=0.8)
    axes[0].set_yticks(range(len(_VESSEL_ORDER)), [_VESSEL_LABEL[v] for v in _VESSEL_ORDER], fontsize=9)
    axes[0].invert_yaxis()
    handles = [Rectangle((0, 0), 1, 1, color=OKABE_ITO["blue"]),
               Rectangle((0, 0), 1, 1, facecolor=OKABE_ITO["orange"], hatch="//", edgecolor="white"),
               Rectangle((0, 0), 1, 1, facecolor=_GREY, hatch="//", edgecolor="white")]
    top.legend(handles, ["main offender (one per patient)", "vessel involved (a patient can count twice)",
                         "several vessels (overlaps the other rows)"],
               loc="outside lower center", ncols=3, fontsize=8.5, frameon=False)
    # bottom: AICA share in every source
    ax = bottom.subplots()
    aica = df[df["vessel"] == "AICA"].sort_values("pct")
    labels, values = [], {}
    for i, (_, row) in enumerate(aica.iterrows()):
        key = row["source_key"]
        is_meta = not pd.isna(row["n_studies"])
        colour = OKABE_ITO["vermillion"] if is_meta else OKABE_ITO["blue"]
        if not math.isnan(row["pct_ci_low"]):
            ax.plot([row["pct_ci_low"], row["pct_ci_high"]], [i, i], color=colour, lw=2)
        ax.plot(row["pct"], i, marker="D" if is_meta else "o", color=colour, markersize=7)
        right = key != "S36"
        x_text = row["pct_ci_high"] if is_meta else row["pct"]
        ax.text(x_text + (1.5 if right else -1.5), i + 0.05, f"{row['pct']:g}%", va="center", fontsize=8,
                ha="left" if right else "right")
        size = f"{int(row['n_studies'])} studies" if is_meta else f"{int(row['n_patients'])} patients"
        labels.append(f"[{key}] {size}, {row['basis']}")
        values[key] = float(row["pct"])
    s36 = df[(df["source_key"] == "S36") & (df["vessel"] == "AICA")].iloc[0]
    only_compressed = 100 * s36["n_with_vessel"] / (194 - 9)
    i36 = labels.index(next(lab for lab in labels if lab.startswith("[S36]")))
    ax.plot(only_compressed, i36, marker="o", mfc="white", color=OKABE_ITO["blue"], markersize=7)
    ax.annotate(f"{only_compressed:.0f}%: counting only\nthe 185 with a compression", xy=(only_compressed, i36),
                xytext=(only_compressed + 1.5, i36 - 1.3), fontsize=7.5, ha="left", va="center", color="#555555",
                arrowprops=dict(arrowstyle="-", color="#999999", lw=0.8))
    ax.set_yticks(range(len(labels)), labels, fontsize=8.5)
    ax.set_xlim(20, 100)
    ax.set_ylim(-0.7, len(labels) - 0.3)
    ax.set_xlabel("AICA as the culprit (% of patients; diamond = meta-analysis with 95% CI)", fontsize=9)
    fig.hfs_data = {"bars": bars, "aica": values, "aica_of_compressed_S36": only_compressed}
    return settle_layout(fig)


# -- contact with and without HFS ------------------------------------------------------------------

_QUALIFIER_TEXT = {">": "more than ", ">=": "at least ", "~": "about ", "up to": "up to "}


@styled
def contact_figure() -> Figure:
    """Left: how often imaging finds a vessel touching the nerve, with and without HFS. Right: how hard, at surgery.

    Uses table ``compression_site`` (``contact_present`` rows and the [S33] severity rows).
    ``fig.hfs_data["contact"]`` maps ``(source_key, population)`` to the drawn percentage.
    """
    df = load_table("compression_site")
    fig, (ax, ax2) = _panels(
        "A vessel touches the facial nerve in about half of people without HFS, so contact alone cannot be "
        "the cause; in patients the vessel usually indents the nerve.", (2.4, 1.0), 9.6, 3.7)
    order = {"HFS, symptomatic side": 0, "HFS": 1, "HFS, asymptomatic side": 2, "people without HFS": 3,
             "controls without HFS": 4}
    rows = df[df["dimension"] == "contact_present"].sort_values("population", key=lambda col: col.map(order))
    contact = {}
    for i, (_, row) in enumerate(rows.iterrows()):
        pop = row["population"]
        colour = (OKABE_ITO["vermillion"] if pop.startswith("HFS") and "asymptomatic" not in pop
                  else OKABE_ITO["orange"] if "asymptomatic" in pop else OKABE_ITO["blue"])
        ax.barh(i, row["pct"], color=colour, height=0.65, hatch="//" if "asymptomatic" in pop else None,
                edgecolor="white")
        q = row["pct_qualifier"]
        q = "" if pd.isna(q) else _QUALIFIER_TEXT.get(q, q + " ")
        ax.text(row["pct"] + 1.5, i, f"{q}{row['pct']:g}%", va="center", fontsize=8.5)
        contact[(row["source_key"], pop)] = float(row["pct"])
    labels = [f"[{r.source_key}] {r.population}\n{r.method}, {r.n_subjects} {r.n_unit}" for r in rows.itertuples()]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 118)
    ax.set_xlabel("vessel touching the facial nerve (%)")
    ax.set_title("Contact on imaging", fontsize=10, loc="left")
    sev = df[(df["source_key"] == "S33") & (df["dimension"] == "severity")]
    colours = [OKABE_ITO["sky_blue"], OKABE_ITO["blue"], OKABE_ITO["reddish_purple"]]
    severity = {}
    for i, (row, col) in enumerate(zip(sev.itertuples(), colours)):
        ax2.bar(i, row.pct, color=col, width=0.65)
        ax2.text(i, row.pct + 1.5, f"{row.pct:g}%", ha="center", fontsize=9)
        severity[row.category] = float(row.pct)
    names = {"mild": "mild\n(touches)", "moderate (indentation)": "moderate\n(indents)",
             "severe (deviation)": "severe\n(displaces)"}
    ax2.set_xticks(range(len(sev)), [names.get(c, c) for c in sev["category"]], fontsize=8.5)
    ax2.set_ylabel("% of 115 patients")
    ax2.set_ylim(0, 75)
    ax2.set_title("At surgery [S33]", fontsize=10, loc="left")
    fig.hfs_data = {"contact": contact, "severity": severity}
    return settle_layout(fig)


def _panels(caption: str, ratios: tuple[float, float], width_in: float, height_in: float):
    """A captioned figure with two side-by-side axes of the given width ratios."""
    fig, axes = new_figure(caption, 1, 2, width_in=width_in, height_in=height_in)
    axes[0].get_gridspec().set_width_ratios(list(ratios))
    return fig, axes


# -- hypertension forest plot ------------------------------------------------------------------------

_STUDY_TITLES = {"S44": "Defazio et al. 2003 [S44], 114 cases vs 228 controls",
                 "S45": "Case-control study 2000 [S45], 115 vs 115",
                 "S46": "Leong et al. 2016 [S46], meta-analysis of 6 studies"}


def _or(value: float) -> str:
    """An odds ratio as printed in the sources: 4.0 and 1.3 keep one decimal, 12 does not."""
    return f"{value:.1f}" if value == int(value) and value < 10 else f"{value:g}"


@styled
def hypertension_forest_plot() -> Figure:
    """Forest plot of the odds ratios for hypertension in HFS (table ``hypertension_odds_ratios``).

    One row per table row, grouped by study (a heading row per study); squares are single
    studies, the diamond is the pooled estimate; log-scale x axis with a reference line at OR 1.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.hfs_data["ci_lines"]`` lists ``(table row index, Line2D)``, one CI line per row;
        ``fig.hfs_data["rows"]`` is the table in drawing order.
    """
    df = load_table("hypertension_odds_ratios")
    fig, (ax, tx) = _panels(
        "Every study found more hypertension in people with HFS (all overall intervals lie right of 1), "
        "but subgroups are small and their intervals wide; one crosses 1.", (3.3, 1.0), 9.2, 5.0)
    ypos, labels, heads = [], [], []
    y = 0.0
    for key in dict.fromkeys(df["source_key"]):
        heads.append((y, _STUDY_TITLES.get(key, f"[{key}]")))
        y += 1
        for idx in df.index[df["source_key"] == key]:
            ypos.append((idx, y))
            sub = df.at[idx, "subgroup"]
            labels.append("overall" if sub == "all" else sub.replace(">=", "≥"))
            y += 1
        y += 0.4
    ci_lines = []
    for (idx, yy) in ypos:
        row = df.loc[idx]
        pooled, overall = row["design"] == "meta-analysis", row["subgroup"] == "all"
        colour = OKABE_ITO["vermillion"] if pooled else (OKABE_ITO["blue"] if overall else "#444444")
        (line,) = ax.plot([row["ci_low"], row["ci_high"]], [yy, yy], color=colour, lw=2 if overall else 1.4)
        ci_lines.append((idx, line))
        ax.plot(row["odds_ratio"], yy, marker="D" if pooled else "s", color=colour,
                markersize=9 if pooled else (7 if overall else 5.5))
        tx.text(0.0, yy, f"{_or(row['odds_ratio'])}  ({_or(row['ci_low'])}–{_or(row['ci_high'])})", va="center",
                fontsize=8.5, color=colour)
    for yy, title in heads:
        ax.text(0.0, yy, title, transform=ax.get_yaxis_transform(), fontsize=9, fontweight="bold", va="center",
                ha="left", zorder=5, bbox=dict(facecolor="white", edgecolor="none", pad=1.5))
    tx.text(0.0, -1.2, "OR (95% CI)", fontsize=9, fontweight="bold", va="center")
    ax.set_xscale("log")
    ax.set_xlim(0.25, 16)
    ticks = [0.25, 0.5, 1, 2, 4, 8, 16]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.axvline(1.0, color="black", lw=1, ls="--", zorder=1)
    ax.set_yticks([yy for _, yy in ypos], [f"   {lab}" for lab in labels], fontsize=8.5)
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
    ("hereditary", "hereditary", OKABE_ITO["bluish_green"], None),
    ("mimics (psychogenic, tic, dystonia, myoclonus, hemimasticatory spasm)", "not HFS (mimics)", _GREY, "xx"),
]
AETIOLOGY_COHORTS = ["S15", "S16", "S21", "S110"]


@styled
def aetiology_figure() -> Figure:
    """Stacked bars: primary and secondary HFS (and mimics) in four cohorts (table ``aetiology``).

    ``fig.hfs_data["segments"]`` maps ``(source_key, category)`` to the drawn width (% of the cohort).
    """
    df = load_table("aetiology")
    fig, ax = new_figure(
        "In every cohort most HFS is primary; among secondary causes a previous facial palsy dominates, "
        "and shares differ with how each clinic defines and counts.", width_in=9.2, height_in=3.6)
    seen, segments, labels = set(), {}, []
    for i, key in enumerate(AETIOLOGY_COHORTS):
        rows = df[(df["source_key"] == key) & df["classification"].isin(["primary_vs_secondary", "secondary_cause",
                                                                         "mimic"])]
        has_causes = (rows["classification"] == "secondary_cause").any()
        left = 0.0
        for cat, legend, colour, hatch in _AETIOLOGY_SEGMENTS:
            hit = rows[rows["category"] == cat]
            if hit.empty or (cat == "secondary" and has_causes):
                continue
            row = hit.iloc[0]
            n = row["n_patients"]
            width = float(row["pct"]) if pd.isna(n) else 100 * int(n) / int(row["n_total"])
            ax.barh(i, width, left=left, color=colour, hatch=hatch, edgecolor="white", height=0.62,
                    label=None if legend in seen else legend)
            seen.add(legend)
            if width >= 4:
                ax.text(left + width / 2, i, f"{width:.0f}", ha="center", va="center", fontsize=8,
                        color="white" if colour in (OKABE_ITO["blue"], OKABE_ITO["vermillion"]) else "black")
            segments[(key, cat)] = width
            left += width
        first = rows.iloc[0]
        where = first["population"].replace("referrals for unilateral facial spasm, ", "referrals for one-sided\nfacial spasm, ")
        labels.append(f"[{key}] {where}\n(n = {int(first['n_total'])})")
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the cohort (number in each segment = %)")
    fig.legend(loc="outside lower center", ncols=3, fontsize=8.5, frameon=False)
    fig.hfs_data = {"segments": segments}
    return settle_layout(fig)


# -- the compression model ----------------------------------------------------------------------------

@dataclass(frozen=True)
class WearScenario:
    """Everything the wear figure shows for one set of inputs (computed from :mod:`compression`)."""

    severity: float
    years: float
    systolic_bp_mmhg: float
    age_years: float
    vessel: str
    time_years: np.ndarray          # 0 .. HORIZON_YEARS
    integrity: np.ndarray           # at the chosen pressure
    reference_integrity: np.ndarray  # same contact at REFERENCE_SBP_MMHG
    integrity_now: float            # after ``years``
    onset_years: float              # years until below the threshold (nan: not within the horizon)
    reference_onset_years: float
    bp_integrity: np.ndarray        # integrity after ``years`` at each BP_GRID_MMHG
    threshold: float


def wear_scenario(severity: float = 0.45, years: float = 15, systolic_bp_mmhg: float = 140,
                  age_years: float = 45, vessel: str = "artery") -> WearScenario:
    """Run the compression model for one patient and the comparisons the figure needs.

    Parameters
    ----------
    severity : float, default 0.45
        How hard the vessel presses, 0 (no contact) to 1; about 0.25 touching, 0.6 indenting,
        0.9 displacing the nerve (the grades of [S33]); teaching calibration.
    years : float, default 15
        Years of contact so far, 0-40.
    systolic_bp_mmhg : float, default 140
        Systolic blood pressure in mmHg, 70-250.
    age_years : float, default 45
        Age when the contact began, 0-70 years.
    vessel : {"artery", "vein"}, default "artery"
        A pulsating artery or a non-pulsating vein.
    """
    vessel = check_choice("vessel", vessel, VESSELS)
    yrs = check_number("years", years, 0.0, HORIZON_YEARS)
    age = check_number("age_years", age_years, 0.0, 110.0 - HORIZON_YEARS)
    p = VESSELS[vessel]
    course = compression.myelin_integrity(HORIZON_YEARS, severity, p, systolic_bp_mmhg, age)  # validates the rest
    ref = compression.myelin_integrity(HORIZON_YEARS, severity, p, REFERENCE_SBP_MMHG, age)
    bp = np.array([compression.integrity_after(yrs, severity, p, b, age) for b in BP_GRID_MMHG])
    sev = float(severity) if not isinstance(severity, str) else compression.severity_from_category(severity)
    return WearScenario(sev, yrs, float(systolic_bp_mmhg), age, vessel, course.time_years, course.integrity,
                        ref.integrity, compression.integrity_after(yrs, severity, p, systolic_bp_mmhg, age),
                        course.onset_years, ref.onset_years, bp, course.symptomatic_integrity)


@dataclass
class WearArtists:
    """The artists of the wear figure that change with the inputs (for blitting)."""

    past: Line2D
    future: Line2D
    reference: Line2D
    now: Line2D
    onset: Line2D
    bp_curve: Line2D
    bp_now: Line2D
    bp_title: Text

    def dynamic(self) -> list:
        return [self.reference, self.future, self.past, self.onset, self.now, self.bp_curve, self.bp_now,
                self.bp_title]


@styled
def draw_myelin_wear(ax_time: Axes, ax_bp: Axes) -> WearArtists:
    """Draw the static parts of the wear figure into two axes and return its (still empty) dynamic artists.

    Parameters
    ----------
    ax_time, ax_bp : matplotlib.axes.Axes
        Axes for integrity over years and for integrity against systolic blood pressure.
    """
    for name, ax in (("ax_time", ax_time), ("ax_bp", ax_bp)):
        if not isinstance(ax, Axes):
            raise TypeError(f"{name} must be a matplotlib Axes, got {type(ax).__name__} {ax!r}")
    threshold = compression.SYMPTOMATIC_INTEGRITY
    for ax in (ax_time, ax_bp):
        ax.axhspan(0, threshold, color=OKABE_ITO["vermillion"], alpha=0.08, lw=0)
        ax.axhline(threshold, color=OKABE_ITO["vermillion"], lw=1, ls=":")
        ax.set_ylim(-0.03, 1.05)
    ax_time.set_xlim(0, HORIZON_YEARS)
    ax_time.set_xlabel("years since the vessel began to press")
    ax_time.set_ylabel("myelin integrity (model; 1 = healthy)")
    blue = OKABE_ITO["blue"]
    (reference,) = ax_time.plot([], [], color=_GREY, lw=1.6, ls="--", label=f"same contact at {REFERENCE_SBP_MMHG:g} mmHg")
    (future,) = ax_time.plot([], [], color=blue, lw=1.2, ls=(0, (2, 2)), alpha=0.8, label="if the contact continues")
    (past,) = ax_time.plot([], [], color=blue, lw=2.6, label="your settings, so far")
    (onset,) = ax_time.plot([], [], ls="none", marker="v", color=OKABE_ITO["vermillion"], markersize=9,
                            label="symptoms begin (model)")
    (now,) = ax_time.plot([], [], ls="none", marker="o", color=blue, markersize=8, mec="white")
    shade = Rectangle((0, 0), 1, 1, color=OKABE_ITO["vermillion"], alpha=0.15, lw=0)
    ax_time.figure.legend([past, future, reference, onset, shade],
                          ["your settings, so far", "if the contact continues", reference.get_label(),
                           "symptoms begin", "below the symptom threshold [TC]"],
                          loc="outside lower center", ncols=5, fontsize=8, frameon=False, handlelength=2.2,
                          columnspacing=1.2)
    ax_bp.set_xlim(BP_GRID_MMHG[0], BP_GRID_MMHG[-1])
    ax_bp.set_xlabel("systolic blood pressure (mmHg)")
    ax_bp.set_ylabel("myelin integrity (model)", fontsize=9)
    ax_bp.axvline(REFERENCE_SBP_MMHG, color=_GREY, lw=1, ls="--")
    (bp_curve,) = ax_bp.plot([], [], color=OKABE_ITO["bluish_green"], lw=2.4)
    (bp_now,) = ax_bp.plot([], [], ls="none", marker="o", color=OKABE_ITO["bluish_green"], markersize=8, mec="white")
    bp_title = ax_bp.text(0.0, 1.03, "", transform=ax_bp.transAxes, fontsize=9, va="bottom")
    ax_time.set_title("Myelin integrity over years of contact", fontsize=10, loc="left")
    return WearArtists(past, future, reference, now, onset, bp_curve, bp_now, bp_title)


def update_myelin_wear(art: WearArtists, scen: WearScenario) -> None:
    """Set the dynamic artists of ``art`` (from :func:`draw_myelin_wear`) to show ``scen`` (from
    :func:`wear_scenario`); no new artists are created."""
    if not isinstance(art, WearArtists):
        raise TypeError(f"art must be WearArtists from draw_myelin_wear(), got {type(art).__name__} {art!r}")
    if not isinstance(scen, WearScenario):
        raise TypeError(f"scen must be a WearScenario from wear_scenario(), got {type(scen).__name__} {scen!r}")
    t, y = scen.time_years, scen.integrity
    i = int(np.searchsorted(t, scen.years + 1e-9))  # points t[:i] lie at or before ``years``
    art.past.set_data(t[:i], y[:i])
    art.future.set_data(t[max(i - 1, 0):], y[max(i - 1, 0):])
    art.reference.set_data(t, scen.reference_integrity)
    art.now.set_data([scen.years], [scen.integrity_now])
    onset = scen.onset_years
    art.onset.set_data(([onset], [scen.threshold]) if math.isfinite(onset) else ([], []))
    art.bp_curve.set_data(BP_GRID_MMHG, scen.bp_integrity)
    art.bp_now.set_data([scen.systolic_bp_mmhg], [scen.integrity_now])
    art.bp_title.set_text(f"Integrity after {scen.years:g} years, by blood pressure")


@styled
def myelin_wear_figure(severity: float = 0.45, years: float = 15, systolic_bp_mmhg: float = 140,
                       age_years: float = 45, vessel: str = "artery") -> Figure:
    """The compression model for one patient: integrity over years (left) and against blood pressure (right).

    Parameters are those of :func:`wear_scenario`. ``fig.hfs_artists`` holds the :class:`WearArtists`.
    """
    scen = wear_scenario(severity, years, systolic_bp_mmhg, age_years, vessel)
    fig, (ax_time, ax_bp) = _panels(
        "Harder pressing, more years and higher blood pressure all lower myelin integrity; a vessel that only "
        "touches lets repair keep up (teaching model, not a prediction).", (1.7, 1.0), 9.4, 4.2)
    art = draw_myelin_wear(ax_time, ax_bp)
    update_myelin_wear(art, scen)
    fig.hfs_artists = art
    fig.hfs_data = {"scenario": scen}
    return settle_layout(fig)


@styled
def wear_by_severity_figure(systolic_bp_mmhg: float = 120, age_years: float = 45) -> Figure:
    """Integrity over 40 years for the contact grades of [S33], by an artery, and for an indenting vein.

    Parameters
    ----------
    systolic_bp_mmhg : float, default 120
        Systolic pressure for every curve (mmHg, 70-250).
    age_years : float, default 45
        Age when the contact began (0-70 years).

    ``fig.hfs_data["onset_years"]`` maps each curve label to its years until symptoms (nan: none).
    """
    bp = check_number("systolic_bp_mmhg", systolic_bp_mmhg, 70.0, 250.0)
    age_years = check_number("age_years", age_years, 0.0, 110.0 - HORIZON_YEARS)
    fig, ax = new_figure("(caption set below)", width_in=9.2, height_in=3.8)
    curves = [("touching (mild), artery", "mild", "artery", OKABE_ITO["sky_blue"], "-"),
              ("indenting (moderate), vein", "moderate", "vein", OKABE_ITO["bluish_green"], "--"),
              ("indenting (moderate), artery", "moderate", "artery", OKABE_ITO["blue"], "-"),
              ("displacing (severe), artery", "severe", "artery", OKABE_ITO["reddish_purple"], "-")]
    draw = {}
    threshold = compression.SYMPTOMATIC_INTEGRITY
    ax.axhspan(0, threshold, color=OKABE_ITO["vermillion"], alpha=0.08, lw=0)
    ax.axhline(threshold, color=OKABE_ITO["vermillion"], lw=1, ls=":")
    for label, grade, vessel, colour, ls in curves:
        c = compression.myelin_integrity(HORIZON_YEARS, grade, VESSELS[vessel], systolic_bp_mmhg, age_years)
        ax.plot(c.time_years, c.integrity, color=colour, ls=ls, lw=2.2, label=label)
        if math.isfinite(c.onset_years):
            ax.plot(c.onset_years, threshold, marker="v", color=colour, markersize=8)
        draw[label] = c.onset_years
    ax.text(HORIZON_YEARS - 0.5, threshold + 0.02, "symptom threshold (model [TC])", fontsize=8, ha="right",
            va="bottom", color=OKABE_ITO["vermillion"])
    ax.set_xlim(0, HORIZON_YEARS)
    ax.set_ylim(-0.03, 1.05)
    ax.set_xlabel("years since the vessel began to press")
    ax.set_ylabel("myelin integrity (model; 1 = healthy)")
    ax.set_title(f"Systolic pressure {systolic_bp_mmhg:g} mmHg, contact from age {age_years:g}", fontsize=10,
                 loc="left")
    mild = draw["touching (mild), artery"]
    fig.hfs_caption = (
        f"At {bp:g} mmHg, " + ("a vessel that only touches the nerve does not wear it out in 40 years of the model; "
                              if not math.isfinite(mild) else "even a touching vessel wears the nerve out here; ")
        + "once it indents the nerve, integrity falls within years, faster for an artery than a vein.")
    fig.legend(loc="outside right upper", fontsize=8.5, frameon=False, title="contact (grade of [S33])",
               title_fontsize=8.5)
    fig.hfs_data = {"onset_years": draw}
    return settle_layout(fig)
