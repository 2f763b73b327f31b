"""Figures of the LSR as a clinical test and of its origin (chapter 03).

* :func:`lsr_diagnostic_figure` - sensitivity and specificity from three meta-analyses, as reported
  and aligned to one framing (:func:`~hfs_edu.models.crosstalk.aligned_meta_analyses`).
* :func:`outcome_frequency_figure` - a :func:`~hfs_edu.models.crosstalk.natural_frequencies` result.
* :func:`two_theories_figure` - peripheral (ephaptic) versus central (nucleus) route.
* :func:`decompression_figure` - :func:`~hfs_edu.models.crosstalk.decompress` results next to
  Nielsen's measurements after decompression [S50] (:func:`~hfs_edu.models.crosstalk.decompression_signs`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..models.crosstalk import Decompression, NaturalFrequencies
from .style import OKABE_ITO, new_figure, styled

__all__ = ["lsr_diagnostic_figure", "outcome_frequency_figure", "two_theories_figure", "decompression_figure"]

FONT = 10
_GREY = "#555555"


def _check_frame(name, df, columns):
    if not hasattr(df, "columns") or any(c not in df.columns for c in columns):
        raise TypeError(f"{name} must be a DataFrame with columns {', '.join(columns)}, got {type(df).__name__}")
    return df


# -- how good a test ------------------------------------------------------------------------------------


@styled
def lsr_diagnostic_figure(aligned: pd.DataFrame) -> Figure:
    """Sensitivity and specificity of intraoperative LSR monitoring, as reported and aligned.

    ``aligned``: the DataFrame of :func:`~hfs_edu.models.crosstalk.aligned_meta_analyses`.
    """
    df = _check_frame(
        "aligned",
        aligned,
        (
            "study",
            "timepoint",
            "sensitivity_pct",
            "specificity_pct",
            "aligned_sensitivity_pct",
            "aligned_specificity_pct",
            "mirrored",
        ),
    )
    fig, (ax1, ax2) = new_figure(
        "The three meta-analyses seem to disagree (sensitivity 40% vs 91%), but one states, and one appears, to "
        "call a test 'positive' when the LSR disappears, and the third when it persists; aligned, they agree: "
        "specific, not sensitive.",
        1,
        2,
        width_in=10.5,
        height_in=4.4,
    )
    y = np.arange(len(df))[::-1]
    for ax, (s_col, p_col), title in (
        (ax1, ("sensitivity_pct", "specificity_pct"), "A  As reported"),
        (
            ax2,
            ("aligned_sensitivity_pct", "aligned_specificity_pct"),
            "B  Aligned: 'LSR persists' predicts 'spasm persists'",
        ),
    ):
        ax.hlines(y, df[s_col], df[p_col], color="#BBBBBB", linewidth=2, zorder=0)
        ax.plot(df[s_col], y, "o", color=OKABE_ITO["blue"], markersize=8, label="sensitivity")
        ax.plot(
            df[p_col],
            y,
            "s",
            color=OKABE_ITO["vermillion"],
            markersize=8,
            markerfacecolor="white",
            markeredgewidth=2,
            label="specificity",
        )
        ax.set_xlim(0, 100)
        ax.set_xlabel("percent")
        ax.set_title(title, loc="left", fontsize=11)
        ax.set_ylim(y.min() - 0.6, y.max() + 0.6)
    ax1.set_yticks(
        y, [f"{r.study}, {r.timepoint}" + (" *" if r.mirrored else "") for r in df.itertuples()], fontsize=FONT
    )
    ax2.set_yticks(y, [""] * len(df))
    ax1.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncols=2, fontsize=FONT, frameon=False)
    ax2.text(
        0,
        -0.3,
        "* 'positive' = LSR disappeared, predicting cure;\n   sensitivity and specificity swapped in B",
        transform=ax2.transAxes,
        fontsize=FONT,
        va="top",
    )
    return fig


@styled
def outcome_frequency_figure(counts: NaturalFrequencies) -> Figure:
    """Natural frequencies (a :func:`~hfs_edu.models.crosstalk.natural_frequencies` result): of ``n`` operated
    patients, who keeps the LSR and who keeps the spasm (sensitivity and specificity at one year [S63])."""
    if not isinstance(counts, NaturalFrequencies):
        raise TypeError(
            f"counts must be a NaturalFrequencies from crosstalk.natural_frequencies(), got {type(counts).__name__}"
        )
    f, n = counts, counts.n
    fig, ax = new_figure(
        f"Of {n:,} operated patients, {100 - f.ppv_pct:.0f}% of those who leave theatre with an LSR are "
        f"nevertheless spasm-free at one year: a vanished LSR is reassuring, but a persisting one is far from a "
        f"verdict.",
        width_in=8.6,
        height_in=3.2,
    )
    groups = [
        ("LSR disappeared", f.lsr_gone_cured, f.lsr_gone_and_spasm),
        ("LSR persisted", f.lsr_persists_cured, f.lsr_persists_and_spasm),
    ]
    for y, (_label, cured, spasm) in enumerate(groups):
        ax.barh(
            y,
            cured,
            color=OKABE_ITO["bluish_green"],
            edgecolor="black",
            height=0.5,
            label="spasm-free" if y == 0 else None,
        )
        ax.barh(
            y,
            spasm,
            left=cured,
            color=OKABE_ITO["vermillion"],
            hatch="xx",
            edgecolor="black",
            height=0.5,
            label="spasm persists" if y == 0 else None,
        )
        share = 100 * spasm / (cured + spasm) if cured + spasm else 0.0
        ax.text(
            0,
            y + 0.3,
            f"{cured:.0f} spasm-free + {spasm:.0f} with spasm ({share:.0f}% with spasm)",
            va="bottom",
            fontsize=FONT,
        )
    top = max(g[1] + g[2] for g in groups)
    ax.set_yticks([0, 1], [g[0] for g in groups])
    ax.set_xlim(0, top * 1.04)
    ax.set_ylim(-0.45, 1.85)
    ax.set_xlabel(f"patients (of {n:,})")
    ax.legend(loc="center right", fontsize=FONT, frameon=False)
    return fig


# -- two theories ------------------------------------------------------------------------------------------

_UPPER = np.array([(1.2, 4.0), (2.3, 3.3), (3.9, 3.22), (5.6, 3.3), (9.2, 5.0)])
_LOWER = np.array([(1.2, 2.0), (2.3, 2.7), (3.9, 2.78), (5.6, 2.7), (9.2, 1.0)])


def _route(ax, pts, color, style):
    pts = np.asarray(pts, float)
    ax.plot(pts[:, 0], pts[:, 1], color=color, linewidth=3.2, linestyle=style, alpha=0.9, solid_capstyle="round")
    for a, b in zip(pts[:-1], pts[1:]):
        if np.hypot(*(b - a)) > 0.8:
            m = a + 0.55 * (b - a)
            ax.add_patch(FancyArrowPatch(a + 0.45 * (b - a), m, arrowstyle="-|>", mutation_scale=16, color=color))


def _panel(ax, title, route, color, style, note):
    ax.set_xlim(0, 11.2)
    ax.set_ylim(-1.6, 5.9)
    ax.axis("off")
    ax.set_title(title, loc="left", fontsize=11.5)
    ax.add_patch(Rectangle((0.1, 0.6), 2.0, 4.8, facecolor="#EFE8F5", edgecolor=_GREY))
    ax.text(1.1, 5.55, "pons", ha="center", fontsize=FONT)
    for (x, y), lab in ((_UPPER[0], "upper-face\nmotoneuron"), (_LOWER[0], "lower-face\nmotoneuron")):
        ax.add_patch(Circle((x, y), 0.32, facecolor="white", edgecolor="black", zorder=3))
        ax.text(x, y + (0.45 if y > 3 else -0.5), lab, ha="center", va="bottom" if y > 3 else "top", fontsize=FONT)
    for path in (_UPPER, _LOWER):
        ax.plot(path[:, 0], path[:, 1], color=_GREY, linewidth=1.4)
    ax.add_patch(Circle((3.9, 3.9), 0.45, facecolor="#C0392B", edgecolor="black", alpha=0.85))
    ax.text(4.5, 4.25, "artery at the\nroot exit zone", fontsize=FONT)
    ax.text(9.3, 5.15, "orbicularis oculi\n(zygomatic branch)", fontsize=FONT)
    ax.text(9.3, 0.55, "mentalis\n(marginal mandibular)", fontsize=FONT, va="top")
    ax.plot(8.2, 4.55, marker=(8, 2, 0), markersize=16, color="black")
    ax.text(7.4, 4.95, "stimulus", fontsize=FONT)
    _route(ax, route, color, style)
    ax.text(0.1, -1.55, note, fontsize=FONT, va="bottom")


@styled
def two_theories_figure() -> Figure:
    """Schematic: where does the impulse cross from the eye's fibre to the chin's fibre?"""
    fig, (ax1, ax2) = new_figure(
        "Both routes turn an impulse in the eye's fibre into a response in the chin: the peripheral one at the root "
        "exit zone (about 1 ms), the central one through the facial nucleus (a longer detour).",
        1,
        2,
        width_in=10.0,
        height_in=3.6,
    )
    stim = np.array([8.2, 4.55])
    periph = [stim, _UPPER[3], (3.9, 3.22), (3.9, 2.78), _LOWER[3], _LOWER[4]]
    central = [stim, *_UPPER[3::-1], _LOWER[0], *_LOWER[1:]]
    _panel(
        ax1,
        "A  Peripheral: ephaptic cross-talk",
        periph,
        OKABE_ITO["vermillion"],
        "-",
        "the impulse jumps between bare axons where the vessel presses",
    )
    ax1.plot(3.9, 3.0, marker="*", markersize=18, color=OKABE_ITO["yellow"], markeredgecolor="black", zorder=5)
    _panel(
        ax2,
        "B  Central: hyperexcitable nucleus",
        central,
        OKABE_ITO["blue"],
        "--",
        "the impulse runs back to the nucleus; over-excitable motoneurons\nfire the lower face",
    )
    ax2.add_patch(
        Rectangle((0.75, 1.55), 0.9, 2.9, facecolor="none", edgecolor=OKABE_ITO["blue"], linestyle="--", linewidth=1.5)
    )
    return fig


# -- decompression ---------------------------------------------------------------------------------------


@styled
def decompression_figure(results: dict, signs: pd.DataFrame) -> Figure:
    """The model after decompression (myelin and LSR over days) next to Nielsen's measurements [S50].

    ``results``: label -> :func:`~hfs_edu.models.crosstalk.decompress` result (one to four);
    ``signs``: the :func:`~hfs_edu.models.crosstalk.decompression_signs` table.
    """
    if (
        not isinstance(results, dict)
        or not 1 <= len(results) <= 4
        or not all(isinstance(r, Decompression) for r in results.values())
    ):
        raise TypeError(
            f"results must be a dict of 1-4 label -> Decompression from crosstalk.decompress(), "
            f"got {type(results).__name__} {results!r:.60}"
        )
    signs = _check_frame("signs", signs, ("sign", "timepoint", "n_examined", "pct_gone"))

    def gone(r):
        if r.units_before == 0:
            return "there was no LSR"
        if math.isnan(r.day_lsr_gone):
            return "the LSR persists"
        return "the LSR vanishes at once" if r.day_lsr_gone == 0 else f"it fades within about {r.day_lsr_gone:.0f} days"

    summary = "; ".join(f"{label}: {gone(r)}" for label, r in results.items())
    days = max(float(r.time_days[-1]) for r in results.values())
    times = list(dict.fromkeys(signs["timepoint"]))
    n_ex = {t: int(signs.loc[signs["timepoint"] == t, "n_examined"].iloc[0]) for t in times}
    fig, (ax1, ax2, ax3) = new_figure(
        f"After the vessel is moved the model's myelin recovers over months ({summary}) [TC]. Nielsen's patients "
        f"lost their abnormal signs over weeks to months ({' and '.join(f'{n_ex[t]} patients at {t}' for t in times)}) "
        f"[S50]. Panel B zooms in on the first {min(60.0, days):.0f} days (panel A shows {days:.0f}).",
        1,
        3,
        width_in=12.0,
        height_in=4.0,
    )
    styles = ["-", "--", ":", "-."]
    cols = (OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["black"])
    for k, (label, r) in enumerate(results.items()):
        ax1.plot(r.time_days, 1 - r.demyelination, color=cols[k], linestyle=styles[k], label=label)
        t = np.concatenate([[-3.0, 0], r.time_days])
        u = np.concatenate([[r.units_before, r.units_before], r.lsr_units])
        ax2.step(t, u, where="post", color=cols[k], linestyle=styles[k], label=label)
    ax1.set_ylabel("myelin left (1 = healthy)")
    ax1.set_ylim(0, 1)
    ax1.set_title("A  Model: myelin after surgery [TC]", loc="left", fontsize=11)
    ax1.legend(fontsize=FONT - 1, frameon=False, loc="lower right", title="before surgery", title_fontsize=FONT - 1)
    ax2.axvline(0, color="black", linewidth=0.8)
    ax2.yaxis.set_major_locator(MaxNLocator(integer=True))
    top = max(max(r.units_before, int(r.lsr_units.max())) for r in results.values())
    ax2.set_ylim(0, top + 0.8)
    ax2.text(1.0, top + 0.4, "vessel moved", fontsize=FONT)
    ax2.set_ylabel("LSR motor units (mentalis)")
    ax2.set_title("B  Model: LSR after surgery [TC]", loc="left", fontsize=11)
    for ax in (ax1, ax2):
        ax.set_xlabel("time after decompression (days)")
    ax2.set_xlim(-3, min(60.0, days))
    names = list(dict.fromkeys(signs["sign"]))
    x = np.arange(len(names))
    width = 0.8 / len(times)
    for k, t in enumerate(times):
        rows = signs[signs["timepoint"] == t].set_index("sign")
        vals = [float(rows.loc[s, "pct_gone"]) for s in names]
        xs = x - 0.4 + width * (k + 0.5)
        ax3.bar(
            xs,
            vals,
            width,
            color=(OKABE_ITO["sky_blue"], OKABE_ITO["blue"])[k % 2],
            edgecolor="black",
            hatch=("", "//")[k % 2],
            label=f"{t} (n = {n_ex[t]})",
        )
        for xi, v in zip(xs, vals):
            ax3.text(xi, v + 2, f"{v:.0f}", ha="center", fontsize=FONT)
    ax3.set_xticks(
        x, [s.replace(" (", "\n(").replace(" transmission", "\ntransmission") for s in names], fontsize=FONT - 1
    )
    ax3.set_ylim(0, 115)
    ax3.set_ylabel("patients with the sign gone (%)")
    ax3.set_title("C  Patients after surgery [S50]", loc="left", fontsize=11)
    ax3.legend(fontsize=FONT - 1, frameon=False, loc="upper left")
    return fig
