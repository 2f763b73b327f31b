"""Figures for chapter 06: what a test result does to the probability of a diagnosis.

One figure, two panels. **A**: 100 people like the patient, as an icon array (colour: has the
condition or not; a black "+": tests positive). **B**: the probability after a positive and after a
negative result, for every pre-test probability, with the current one marked. The figure takes
results of :mod:`hfs_edu.models.diagnosis`; it never runs the model.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from ..models.diagnosis import Outcome, PostTestCurve
from .style import OKABE_ITO, check_frame, check_labels, new_figure, settle_layout, styled

__all__ = [
    "BayesArtists",
    "build_bayes",
    "update_bayes",
    "bayes_figure",
    "vessel_contact_figure",
    "BAYES_CAPTION",
    "CONTACT_CAPTION",
]

N_ICONS = 100  # TC: people drawn in the icon array (a 10 x 10 grid)
_ILL, _WELL = OKABE_ITO["vermillion"], OKABE_ITO["sky_blue"]
FONT = 9.5

BAYES_CAPTION = (
    "The same test gives very different post-test probabilities at different pre-test probabilities: a "
    "positive result means most when the condition was already likely and the specificity is high; "
    "when the comparison group often tests positive too, a positive result barely moves the probability."
)


@dataclass
class BayesArtists:
    """The artists that change: icon colours and plus signs, the two curves, the marked point, texts."""

    ax_icons: Axes
    ax_curve: Axes
    icons: PathCollection
    plus: PathCollection
    positive: Line2D
    negative: Line2D
    now: Line2D
    now_pos: Line2D
    now_neg: Line2D
    label_pos: Text
    label_neg: Text

    def dynamic(self) -> list:
        return [
            self.icons,
            self.plus,
            self.positive,
            self.negative,
            self.now,
            self.now_pos,
            self.now_neg,
            self.label_pos,
            self.label_neg,
        ]


def _grid() -> tuple[np.ndarray, np.ndarray]:
    k = np.arange(N_ICONS)
    return k % 10, 9 - k // 10  # reading order: left to right, top to bottom


@styled
def build_bayes() -> tuple[Figure, BayesArtists]:
    """Build the two-panel figure with empty data; fill it with :func:`update_bayes`."""
    fig, (ax_i, ax_c) = new_figure(BAYES_CAPTION, 1, 2, width_in=8.6, height_in=3.9)
    fig.get_layout_engine().set(w_pad=0.08)
    x, y = _grid()
    icons = ax_i.scatter(x, y, s=150, marker="s", facecolors=[_WELL] * N_ICONS, edgecolors="black", linewidths=0.5)
    plus = ax_i.scatter(x, y, s=np.zeros(N_ICONS), marker="P", c="black", linewidths=0)
    ax_i.set_xlim(-0.7, 9.7)
    ax_i.set_ylim(-1.2, 9.7)
    ax_i.set_aspect("equal")
    ax_i.axis("off")
    ax_i.set_title("A  100 people like this patient", loc="left", fontsize=11)
    ax_i.legend(
        [
            Line2D([], [], marker="s", ls="", mfc=_ILL, mec="black", ms=9),
            Line2D([], [], marker="s", ls="", mfc=_WELL, mec="black", ms=9),
            Line2D([], [], marker="P", ls="", color="black", ms=8),
        ],
        ["has the condition", "does not", "tests positive"],
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=3,
        fontsize=FONT,
        frameon=False,
        handletextpad=0.3,
        columnspacing=0.8,
    )
    grid = np.linspace(0, 100, 2)
    ax_c.plot(grid, grid, color="#999999", ls=":", lw=1.2, label="no test (post = pre)")
    (positive,) = ax_c.plot([], [], color=_ILL, lw=2.4, label="after a positive result")
    (negative,) = ax_c.plot([], [], color=OKABE_ITO["blue"], lw=2.4, ls="--", label="after a negative result")
    now = ax_c.axvline(50, color="black", lw=1.0, ls="-", alpha=0.6)
    (now_pos,) = ax_c.plot([50], [50], marker="o", color=_ILL, ms=8, ls="")
    (now_neg,) = ax_c.plot([50], [50], marker="s", color=OKABE_ITO["blue"], ms=7, ls="")
    label_pos = ax_c.text(52, 50, "", fontsize=FONT, va="bottom", color=_ILL)
    label_neg = ax_c.text(52, 50, "", fontsize=FONT, va="top", color=OKABE_ITO["blue"])
    ax_c.set_xlim(0, 100)
    ax_c.set_ylim(0, 104)
    ax_c.set_xlabel("pre-test probability (%)")
    ax_c.set_ylabel("post-test probability (%)")
    ax_c.set_title("B  After the test", loc="left", fontsize=11)
    # below the axes, where no curve or value label can run through it (student review H07)
    ax_c.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncols=2,
        fontsize=FONT,
        frameon=False,
        handlelength=1.8,
        columnspacing=0.8,
    )
    art = BayesArtists(ax_i, ax_c, icons, plus, positive, negative, now, now_pos, now_neg, label_pos, label_neg)
    return fig, art


def update_bayes(art: BayesArtists, result: Outcome, icons: dict, curve: PostTestCurve) -> None:
    """Show one result: ``icons`` from :func:`~hfs_edu.models.diagnosis.icon_counts`, ``curve`` from
    :func:`~hfs_edu.models.diagnosis.post_test_curve` (axes fixed: blitting suffices)."""
    if not isinstance(art, BayesArtists):
        raise TypeError(f"art must be BayesArtists from build_bayes(), got {type(art).__name__}")
    if not isinstance(result, Outcome):
        raise TypeError(f"result must be an Outcome from diagnosis.outcome(), got {type(result).__name__}")
    if not isinstance(curve, PostTestCurve):
        raise TypeError(f"curve must be a PostTestCurve from diagnosis.post_test_curve(), got {type(curve).__name__}")
    keys = ("true_positive", "false_negative", "false_positive", "true_negative")
    if not isinstance(icons, dict) or set(icons) != set(keys) or sum(icons.values()) != N_ICONS:
        raise ValueError(f"icons must be icon_counts(result, {N_ICONS}): a dict of {keys} adding up to {N_ICONS}")
    ill = np.array(
        [True] * (icons["true_positive"] + icons["false_negative"])
        + [False] * (N_ICONS - icons["true_positive"] - icons["false_negative"])
    )
    pos = np.concatenate(
        [
            np.ones(icons["true_positive"]),
            np.zeros(icons["false_negative"]),
            np.ones(icons["false_positive"]),
            np.zeros(icons["true_negative"]),
        ]
    ).astype(bool)
    art.icons.set_facecolors(np.where(ill[:, None], _rgba(_ILL), _rgba(_WELL)))
    art.plus.set_sizes(np.where(pos, 70.0, 0.0))
    r = result
    art.positive.set_data(curve.pretest_pct, curve.positive_pct)
    art.negative.set_data(curve.pretest_pct, curve.negative_pct)
    p = r.pretest_pct
    art.now.set_xdata([p, p])
    art.now_pos.set_data([p], [r.post_positive_pct])
    art.now_neg.set_data([p], [r.post_negative_pct])
    # the positive curve lies above the diagonal: label it above-left; the negative one below-right
    left = p >= 12
    art.label_pos.set(
        position=(p - 1.5 if left else p + 1.5, min(r.post_positive_pct + 2, 98)),
        text=f"{r.post_positive_pct:.0f}%",
        ha="right" if left else "left",
    )
    right = p <= 88
    art.label_neg.set(
        position=(p + 1.5 if right else p - 1.5, max(r.post_negative_pct - 2, 6)),
        text=f"{r.post_negative_pct:.0f}%",
        ha="left" if right else "right",
    )


def _rgba(colour: str) -> np.ndarray:
    from matplotlib.colors import to_rgba

    return np.array(to_rgba(colour))


@styled
def bayes_figure(result: Outcome, icons: dict, curve: PostTestCurve) -> Figure:
    """The static figure: :func:`build_bayes` filled by :func:`update_bayes`."""
    fig, art = build_bayes()
    update_bayes(art, result, icons, curve)
    return settle_layout(fig)


CONTACT_CAPTION = (
    "A vessel touches the facial nerve on MRI on most symptomatic sides in HFS, but also in {lo:g}-{hi:g}% of "
    "nerves without symptoms (of people without HFS, or the unaffected side of people with it), depending on "
    "how contact is defined and how fine the images are: a vessel on the scan supports the diagnosis, it does "
    "not make it."
)
_CONTACT_COLUMNS = {"measure", "value_pct", "sequence", "source_key"}


@styled
def vessel_contact_figure(mri: pd.DataFrame, labels: Mapping) -> Figure:
    """Vessel contact on the facial nerve with and without HFS, one row per study (``mri_accuracy`` rows whose
    ``measure`` is "contact with HFS" or "contact without HFS"); ``labels`` maps source key -> "First author year"."""
    check_frame("mri", mri, _CONTACT_COLUMNS, 'load_table("mri_accuracy")')
    labels = check_labels(labels)
    rows = mri[mri["measure"].isin(["contact with HFS", "contact without HFS"])]
    if rows.empty:
        raise ValueError("mri has no 'contact with HFS' or 'contact without HFS' rows")
    studies = list(dict.fromkeys(rows["source_key"]))
    without = rows.loc[rows["measure"] == "contact without HFS", "value_pct"]
    caption = CONTACT_CAPTION.format(lo=without.min(), hi=without.max())
    fig, ax = new_figure(caption, width_in=8.6, height_in=1.4 + 0.42 * len(studies))
    for y, key in enumerate(studies):
        sub = rows[rows["source_key"] == key]
        ax.axhline(y, color="#dddddd", lw=0.8, zorder=0)
        for r in sub.itertuples(index=False):
            with_hfs = r.measure == "contact with HFS"
            ax.plot(
                r.value_pct,
                y,
                marker="o" if with_hfs else "s",
                ms=9,
                ls="",
                color=_ILL if with_hfs else OKABE_ITO["blue"],
                mfc=_ILL if with_hfs else "white",
                mew=2,
            )
            ax.annotate(
                f"{r.value_pct:g}%",
                (r.value_pct, y),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=8.5,
            )
    names = [f"{labels.get(k, k)} ({rows[rows['source_key'] == k]['sequence'].iloc[0]})" for k in studies]
    if "note" in rows.columns:  # two rows from one article: tell them apart by the first clause of their note
        base = [n.replace(" (abstract)", "") for n in names]
        for i, name in enumerate(names):
            if base.count(base[i]) > 1:
                note = rows.loc[rows["source_key"] == studies[i], "note"].iloc[0]
                names[i] = f"{name}: {str(note).split(';')[0]}" if isinstance(note, str) and note else name
    ax.set_yticks(range(len(studies)), [textwrap.fill(n, 42) for n in names], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_ylim(len(studies) - 0.4, -0.8)
    ax.set_xlabel("facial nerves (or sides) with a vessel in contact (%)")
    fig.legend(
        [
            Line2D([], [], marker="o", ls="", color=_ILL, ms=8),
            Line2D([], [], marker="s", ls="", color=OKABE_ITO["blue"], mfc="white", mew=2, ms=8),
        ],
        ["with HFS (symptomatic side)", "without symptoms (asymptomatic side or person)"],
        loc="outside lower center",
        ncols=2,
        fontsize=9,
        frameon=False,
    )
    return fig
