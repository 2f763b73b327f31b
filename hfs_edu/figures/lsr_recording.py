"""Figures of the lateral spread response recording (chapter 03): the sweep and where its latency goes.

* :func:`build_lsr` / :func:`update_lsr` / :func:`lsr_figure` - the sweep a clinician sees: stimulus
  artefact, direct response in the stimulated branch's own muscle, the LSR in a muscle of another
  branch, its onset and the 8-12 ms window (:class:`hfs_edu.widgets.crosstalk.LSRView` uses
  the same :func:`build_lsr`).
* :func:`latency_budget_figure` - the peripheral interpretation of the latency
  (:func:`~hfs_edu.models.crosstalk.latency_budget`) next to latencies measured in patients,
  including the legs Moller & Jannetta measured during surgery [N420].
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._params import number, text, validated
from ..models.crosstalk import (
    LSR_WINDOW_HIGH_MS,
    LSR_WINDOW_LOW_MS,
    LSR_WINDOW_MS,
    DirectResponse,
    LatencyBudget,
    LateralSpreadResponse,
)
from .style import OKABE_ITO, new_figure, styled

__all__ = ["LSRArtists", "LSR_CAPTION", "build_lsr", "update_lsr", "lsr_figure", "latency_budget_figure"]

TRACE_YLIM_MV = 1.6
FONT = 10
_GREY = "#555555"
LSR_CAPTION = (
    f"Stimulating one branch makes its own muscle answer within about 2 ms; in HFS a muscle of another "
    f"branch answers too, about {LSR_WINDOW_LOW_MS:.0f}-{LSR_WINDOW_HIGH_MS:.0f} ms after the "
    f"stimulus: the lateral spread response [TC]."
)


@dataclass
class LSRArtists:
    """Artists of the LSR sweep that :func:`update_lsr` changes in place.

    Attributes
    ----------
    fig : Figure
    axes : tuple of Axes
        Direct response (top) and the recorded muscle (bottom).
    direct, lsr, marker : Line2D
        The two traces and the onset marker.
    texts : dict
        't1', 't2' (panel titles), 'latency', 'state', 'direct'.
    """

    fig: Figure
    axes: tuple
    direct: object = None
    lsr: object = None
    marker: object = None
    texts: dict = field(default_factory=dict)

    def dynamic(self) -> list:
        """Artists that change with the lesion sliders.

        The rest changes only with the montage, see :meth:`montage_key`.
        """
        return [self.lsr, self.marker, self.texts["latency"], self.texts["state"]]

    def montage_artists(self) -> list:
        """Artists that change only with the montage (titles and the direct response)."""
        return [self.direct, self.texts["t1"], self.texts["t2"], self.texts["direct"]]

    def montage_key(self) -> tuple:
        """What the montage dropdowns change: the panel titles and the direct response (one background each)."""
        return (self.texts["t1"].get_text(), self.texts["t2"].get_text(), self.texts["direct"].get_text())


def _artefact(ax):
    t = np.array([0.0, 0.05, 0.12, 0.25, 0.45])
    y = np.array([0.0, 1.1, -0.8, 0.15, 0.0]) * TRACE_YLIM_MV
    ax.plot(t, y, color="black", linewidth=1.0)
    ax.annotate(
        "stimulus",
        (0.1, TRACE_YLIM_MV * 0.95),
        xytext=(1.2, TRACE_YLIM_MV * 0.8),
        fontsize=FONT,
        arrowprops=dict(arrowstyle="-", color=_GREY, lw=0.8),
    )


@styled
def build_lsr() -> tuple[Figure, LSRArtists]:
    """Build the (empty) two-trace LSR sweep; fill it with :func:`update_lsr`. Returns (Figure, LSRArtists)."""
    fig, (ax1, ax2) = new_figure(LSR_CAPTION, 2, 1, width_in=8.0, height_in=4.6, layout=None)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.11, hspace=0.55)
    art = LSRArtists(fig, (ax1, ax2))
    lo, hi = LSR_WINDOW_LOW_MS, LSR_WINDOW_HIGH_MS
    for ax in (ax1, ax2):
        ax.set_xlim(-1, LSR_WINDOW_MS)
        ax.set_ylim(-TRACE_YLIM_MV, TRACE_YLIM_MV)
        ax.set_ylabel("EMG (mV)")
        ax.axhline(0, color="#DDDDDD", linewidth=0.8, zorder=0)
        ax.set_xlabel("time after the stimulus (ms)", labelpad=1)
        _artefact(ax)
    ax2.axvspan(lo, hi, color=OKABE_ITO["sky_blue"], alpha=0.25, hatch="..", linewidth=0)
    ax2.text(
        (lo + hi) / 2, -TRACE_YLIM_MV * 0.88, f"typical LSR onset\n{lo:.0f}-{hi:.0f} ms", ha="center", fontsize=FONT
    )
    (art.direct,) = ax1.plot([], [], color=OKABE_ITO["black"], linewidth=1.2)
    (art.lsr,) = ax2.plot([], [], color=OKABE_ITO["vermillion"], linewidth=1.4)
    (art.marker,) = ax2.plot([], [], color="black", linestyle="--", linewidth=1.2)
    art.texts["t1"] = ax1.text(0, 1.06, "", transform=ax1.transAxes, fontsize=10.5, fontweight="bold")
    art.texts["t2"] = ax2.text(0, 1.06, "", transform=ax2.transAxes, fontsize=10.5, fontweight="bold")
    art.texts["latency"] = ax2.text(0, 0, "", fontsize=FONT, va="bottom")
    art.texts["state"] = fig.text(0.99, 0.975, "", ha="right", va="top", fontsize=FONT, color=_GREY)
    art.texts["direct"] = ax1.text(LSR_WINDOW_MS - 0.3, TRACE_YLIM_MV * 0.55, "", ha="right", fontsize=FONT)
    return fig, art


@validated(
    state=text(optional=True, doc="Lesion state shown at the top right (None: nothing)."),
    note=text(optional=True, doc="Shown instead of the lower trace when ``lsr`` is None (None: a default)."),
)
def update_lsr(
    art: LSRArtists,
    lsr: LateralSpreadResponse | None,
    direct: DirectResponse | None = None,
    state: str | None = None,
    note: str | None = None,
) -> None:
    """Show ``lsr`` and the direct response in the artists of :func:`build_lsr`.

    ``lsr=None`` clears the lower trace and shows ``note`` instead (e.g. the recorded muscle
    belongs to the stimulated branch, so there is no lateral spread to look for).

    {parameters}
    """
    if not isinstance(art, LSRArtists):
        raise TypeError(f"art must be the LSRArtists returned by build_lsr(), got {type(art).__name__}")
    if lsr is not None and not isinstance(lsr, LateralSpreadResponse):
        raise TypeError(f"lsr must be a LateralSpreadResponse or None, got {type(lsr).__name__}")
    if direct is not None and not isinstance(direct, DirectResponse):
        raise TypeError(
            f"direct must be a DirectResponse from crosstalk.direct_response() or None, got {type(direct).__name__}"
        )
    if direct is not None:
        art.direct.set_data(direct.time_ms, np.clip(direct.trace_mv, -TRACE_YLIM_MV, TRACE_YLIM_MV))
        art.texts["t1"].set_text(
            f"{direct.muscle} ({direct.stimulate_branch} branch, the one stimulated): direct response"
        )
        art.texts["direct"].set_text(f"direct response onset ≈ {direct.onset_ms:.1f} ms [TC]")
    art.texts["state"].set_text(state or "")
    if lsr is None:
        art.lsr.set_data([], [])
        art.marker.set_data([], [])
        art.texts["t2"].set_text(note or "no muscle of another branch recorded")
        art.texts["latency"].set_text("")
        return
    art.lsr.set_data(lsr.time_ms, np.clip(lsr.trace_mv, -TRACE_YLIM_MV, TRACE_YLIM_MV))
    art.texts["t2"].set_text(f"{lsr.record_muscle} (another branch): is there a lateral spread response?")
    if lsr.present:
        art.marker.set_data([lsr.latency_ms] * 2, [-TRACE_YLIM_MV * 0.6, TRACE_YLIM_MV * 0.95])
        where = "inside" if lsr.in_window else "outside"
        art.texts["latency"].set_text(
            f" onset {lsr.latency_ms:.1f} ms ({where} {LSR_WINDOW_LOW_MS:.0f}-{LSR_WINDOW_HIGH_MS:.0f} ms) [TC]"
        )
        art.texts["latency"].set_position((lsr.latency_ms, TRACE_YLIM_MV * 0.62))
    else:
        art.marker.set_data([], [])
        art.texts["latency"].set_text("no response: no lateral spread")
        art.texts["latency"].set_position((14.0, TRACE_YLIM_MV * 0.5))


def lsr_figure(lsr: LateralSpreadResponse, direct: DirectResponse | None = None) -> Figure:
    """The LSR sweep for one :func:`~hfs_edu.models.crosstalk.lateral_spread_response` result (and the
    stimulated branch's :func:`~hfs_edu.models.crosstalk.direct_response`)."""
    if not isinstance(lsr, LateralSpreadResponse):
        raise TypeError(
            f"lsr must be a LateralSpreadResponse from crosstalk.lateral_spread_response(), got {type(lsr).__name__}"
        )
    fig, art = build_lsr()
    update_lsr(art, lsr, direct)
    return fig


# -- where the latency goes ------------------------------------------------------------------------------

_COLORS = (OKABE_ITO["sky_blue"], OKABE_ITO["vermillion"], OKABE_ITO["blue"], OKABE_ITO["grey"])
_HATCHES = ("//", "xx", "\\\\", "..")


@styled
@validated(
    onset_ms=number(
        0.0,
        LSR_WINDOW_MS,
        unit="ms",
        doc="The LSR onset read from the trace (:attr:`LateralSpreadResponse.latency_ms`).",
    )
)
def latency_budget_figure(budget: LatencyBudget, onset_ms: float, measured: pd.DataFrame) -> Figure:
    """The model's latency budget (peripheral interpretation) next to latencies measured in patients.

    ``budget``: a :func:`~hfs_edu.models.crosstalk.latency_budget` with an LSR; ``measured``: the
    ``lsr_latencies`` table (:func:`~hfs_edu.models.crosstalk.lsr_latencies`). For the montage
    marginal mandibular -> orbicularis oculi the legs measured during surgery [N420] are drawn
    as a second bar, with the response measured in the same patients.

    {parameters}
    """
    if not isinstance(budget, LatencyBudget):
        raise TypeError(f"budget must be a LatencyBudget from crosstalk.latency_budget(), got {type(budget).__name__}")
    if not budget.present:
        raise ValueError("budget has no LSR (present=False); allowed: a LatencyBudget with present=True")
    onset = onset_ms
    cmp = budget.compare_measured(measured)
    g = budget.geometry
    to_rez = g.stimulation_site_to_foramen_mm + g.lesion_to_foramen_mm
    labels = (
        f"antidromic: stimulation site → root exit zone ({to_rez:.0f} mm)",
        "ephaptic transfer at the lesion",
        f"orthodromic: root exit zone → foramen ({g.lesion_to_foramen_mm:.0f} mm at {budget.fibre_cv_m_per_s:.0f} m/s)",
        f"foramen → {budget.record_muscle} (distal motor latency)",
    )
    has_legs = not math.isnan(cmp.measured_round_trip_ms)
    caption = (
        f"The peripheral interpretation: out along the nerve to the root exit zone, about 1 ms to cross "
        f"between fibres, and back to a muscle of another branch (model: first unit {budget.total_ms:.1f} ms, "
        f"onset read from the trace {onset:.1f} ms [TC])."
    )
    if has_legs:
        caption += (
            f" In patients the two legs measured during surgery already add up to "
            f"{cmp.measured_round_trip_ms:.2f} ms and the response came {cmp.measured_excess_ms:.1f} ms later "
            f"still [N420]: the model's antidromic leg is {-cmp.antidromic_difference_ms:.1f} ms faster than "
            "the measured one."
        )
    fig, ax = new_figure(caption, width_in=11.0, height_in=3.6)
    left = 0.0
    for label, dur, col, hatch in zip(labels, budget.parts().values(), _COLORS, _HATCHES):
        ax.barh(
            2, dur, left=left, color=col, hatch=hatch, edgecolor="black", height=0.5, label=f"{label} ({dur:.1f} ms)"
        )
        left += dur
    ax.plot(
        [onset] * 2,
        [1.62, 2.38],
        color="black",
        linestyle="--",
        linewidth=1.4,
        label=f"model onset read from the trace ({onset:.1f} ms)",
    )
    rows = ["model [TC]"]
    if has_legs:
        ax.barh(1, cmp.measured_antidromic_ms, color=_COLORS[0], hatch="//", edgecolor="black", height=0.5, alpha=0.7)
        ax.barh(
            1,
            cmp.measured_rez_to_muscle_ms,
            left=cmp.measured_antidromic_ms,
            color=_COLORS[2],
            hatch="\\\\",
            edgecolor="black",
            height=0.5,
            alpha=0.7,
        )
        ax.barh(
            1,
            cmp.measured_excess_ms,
            left=cmp.measured_round_trip_ms,
            color="white",
            edgecolor="black",
            linestyle=":",
            height=0.5,
        )
        ax.text(
            cmp.measured_round_trip_ms + cmp.measured_excess_ms / 2,
            1,
            "?",
            ha="center",
            va="center",
            fontsize=12,
            fontweight="bold",
        )
        ax.text(
            cmp.measured_lsr_ms + 0.2,
            1,
            f"legs {cmp.measured_antidromic_ms:g} + {cmp.measured_rez_to_muscle_ms:g}"
            f" ms; response {cmp.measured_lsr_ms:g} ms [N420]",
            va="center",
            fontsize=FONT,
        )
        rows.append("measured legs\nduring MVD")
    onsets = measured[
        (measured["measure"] == "lsr_onset")
        & (measured["stimulate_branch"] == budget.stimulate_branch)
        & (measured["record_muscle"] == budget.record_muscle)
        & (measured["setting"] != "intracranial recording during MVD")
    ]
    y0 = 2 - len(rows)
    for k, r in enumerate(onsets.itertuples()):
        y = y0 - 0.4 * k
        sd = None if np.isnan(r.sd_ms) else float(r.sd_ms)
        ax.errorbar(r.mean_ms, y, xerr=sd, fmt="os"[k % 2], color="black", capsize=4)
        ax.text(
            r.mean_ms + (sd or 0) + 0.25,
            y,
            f"LSR onset, {r.setting} [{r.source_key}]: {r.mean_ms:g}" + (f" ± {sd:g}" if sd else "") + " ms",
            va="center",
            fontsize=FONT,
        )
    if len(onsets):
        rows.append("patients'\nLSR onset")
    lo, hi = LSR_WINDOW_LOW_MS, LSR_WINDOW_HIGH_MS
    ax.axvspan(lo, hi, color=OKABE_ITO["sky_blue"], alpha=0.15, zorder=0)
    ax.text((lo + hi) / 2, 2.95, f"typical LSR onset {lo:.0f}-{hi:.0f} ms", ha="center", fontsize=FONT, color=_GREY)
    mid = y0 - 0.2 * (len(onsets) - 1)
    ax.set_yticks([2, 1, mid][: len(rows)] if has_legs else [2, mid][: len(rows)], rows)
    ax.set_xlim(0, 17)
    ax.set_ylim(y0 - 0.4 * max(len(onsets), 1) - 0.2, 3.2)
    ax.set_xlabel("time after the stimulus (ms)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), ncols=1, fontsize=FONT - 0.5, frameon=False)
    return fig
