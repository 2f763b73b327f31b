"""Figures for the lateral spread response (chapter 03): the recording, its timing, its value, its origin.

* :func:`lsr_figure` (:func:`draw_lsr` / :func:`update_lsr` for
  :class:`hfs_edu.widgets.crosstalk.LSRView`) - the sweep a clinician sees: stimulus
  artefact, direct response in the stimulated branch's own muscle, the LSR in a muscle
  of another branch, its onset latency and the 8-12 ms window.
* :func:`latency_budget_figure` - where the 10 ms go (:func:`~hfs_edu.models.crosstalk.latency_budget`):
  out along the nerve, across the lesion, back to the muscle; compared with measured latencies.
* :func:`lsr_diagnostic_figure` - sensitivity and specificity of intraoperative LSR
  monitoring from three meta-analyses, as reported and aligned to one framing.
* :func:`outcome_frequency_figure` - the same numbers as natural frequencies for
  1,000 operated patients.
* :func:`two_theories_figure` - peripheral (ephaptic) versus central (nucleus) route.
* :func:`decompression_figure` - the model after the vessel is moved, next to
  Nielsen's measurements after decompression [S50].
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

from .._validate import check_array, check_choice, check_number
from ..data import load_table
from ..models import crosstalk as ct
from .crosstalk import _check_points
from .style import OKABE_ITO, new_figure, styled

__all__ = [
    "LSR_WINDOW_LOW_MS", "LSR_WINDOW_HIGH_MS", "NIELSEN_DECOMPRESSION_PCT", "LSRArtists",
    "direct_response", "draw_lsr", "update_lsr", "lsr_figure", "latency_budget_figure",
    "lsr_diagnostic_figure", "natural_frequencies", "outcome_frequency_figure", "two_theories_figure",
    "decompression_figure", "in_window",
]

#: Course window for a typical LSR onset: about the mean +- 2 SD of 9.76 +- 1.1 ms [N50] (7.6-12.0 ms).
LSR_WINDOW_LOW_MS = 8.0
LSR_WINDOW_HIGH_MS = 12.0
#: Nielsen & Jannetta 1984 [S50:A], 59 patients: % of patients in whom each sign was gone after decompression.
NIELSEN_DECOMPRESSION_PCT = {
    "ephaptic transmission": (23.0, 73.0),
    "after-discharges": (64.0, 90.0),
    "synkinesis (supraorbital)": (53.0, 90.0),
}
SWEEP_MS = 30.0
TRACE_YLIM_MV = 1.6
_GREY = "#555555"


def in_window(latency_ms: float) -> bool:
    """True if an onset latency (ms, a finite number) lies in the course's typical LSR window (8-12 ms)."""
    x = check_number("latency_ms", latency_ms)
    return bool(LSR_WINDOW_LOW_MS <= x <= LSR_WINDOW_HIGH_MS)


def _check_direct(direct):
    """Validate a ``(time_ms, trace_mv, muscle)`` triple from :func:`direct_response` (or None)."""
    if direct is None:
        return None
    if not isinstance(direct, tuple) or len(direct) != 3:
        raise TypeError(f"direct must be the (time_ms, trace_mv, muscle) tuple from direct_response(), got "
                        f"{type(direct).__name__} {direct!r:.60}")
    t = check_array("direct time_ms", direct[0], ndim=1, min_size=2)
    y = check_array("direct trace_mv", direct[1], ndim=1, min_size=2)
    if t.size != y.size:
        raise ValueError(f"direct: time_ms and trace_mv differ in length ({t.size} vs {y.size})")
    return t, y, check_choice("direct muscle", direct[2], ct.MUSCLES)


def direct_response(demyelination: float, compression: float, stimulate_branch: str = "zygomatic",
                    dt_ms: float = 0.05) -> tuple[np.ndarray, np.ndarray, str]:
    """The stimulated branch's own muscle after a branch stimulus: (time_ms, trace_mv, muscle), 0-30 ms.

    Uses :func:`~hfs_edu.models.crosstalk.simulate` without spontaneous activity and shifts
    the sweep so that the stimulus is at 0 ms.
    """
    branch = check_choice("stimulate_branch", str(stimulate_branch).replace("_", " "), ct.BRANCHES) \
        if isinstance(stimulate_branch, str) else check_choice("stimulate_branch", stimulate_branch, ct.BRANCHES)
    t_stim = ct.STIM_TIME_MS
    sim = ct.simulate(demyelination, compression, stimulate=branch, spontaneous=False,
                      duration_ms=t_stim + SWEEP_MS, dt_ms=dt_ms)
    muscle = ct.BRANCH_MUSCLE[branch]
    keep = sim.time_ms >= t_stim
    return sim.time_ms[keep] - t_stim, sim.emg_mv[muscle][keep], muscle


# -- the recording -----------------------------------------------------------------------------------

@dataclass
class LSRArtists:
    """Artists of the LSR sweep that :func:`update_lsr` changes in place."""

    fig: Figure
    direct: object = None
    lsr: object = None
    marker: object = None
    texts: dict = field(default_factory=dict)

    def dynamic(self) -> list:
        """Artists redrawn on every update (the titles change rarely: :func:`update_lsr` reports it)."""
        return [self.direct, self.lsr, self.marker, self.texts["latency"], self.texts["state"], self.texts["direct"]]


def _artefact(ax):
    t = np.array([0.0, 0.05, 0.12, 0.25, 0.45])
    y = np.array([0.0, 1.1, -0.8, 0.15, 0.0]) * TRACE_YLIM_MV
    ax.plot(t, y, color="black", linewidth=1.0)
    ax.annotate("stimulus", (0.1, TRACE_YLIM_MV * 0.95), xytext=(1.2, TRACE_YLIM_MV * 0.8), fontsize=8.5,
                arrowprops=dict(arrowstyle="-", color=_GREY, lw=0.8))


@styled
def draw_lsr(caption: str | None = None) -> LSRArtists:
    """Build the (empty) two-trace LSR sweep; fill it with :func:`update_lsr`."""
    fig, (ax1, ax2) = new_figure(caption or (
        f"Stimulating one branch makes its own muscle answer within about 2 ms; in HFS a muscle of another branch "
        f"answers too, about {LSR_WINDOW_LOW_MS:.0f}-{LSR_WINDOW_HIGH_MS:.0f} ms after the stimulus: the lateral "
        f"spread response [TC]."), 2, 1, width_in=8.0, height_in=4.6, layout=None)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.11, hspace=0.55)
    art = LSRArtists(fig)
    for ax in (ax1, ax2):
        ax.set_xlim(-1, SWEEP_MS)
        ax.set_ylim(-TRACE_YLIM_MV, TRACE_YLIM_MV)
        ax.set_ylabel("EMG (mV)")
        ax.axhline(0, color="#DDDDDD", linewidth=0.8, zorder=0)
        _artefact(ax)
    ax2.axvspan(LSR_WINDOW_LOW_MS, LSR_WINDOW_HIGH_MS, color=OKABE_ITO["sky_blue"], alpha=0.25, hatch="..",
                linewidth=0)
    ax2.text((LSR_WINDOW_LOW_MS + LSR_WINDOW_HIGH_MS) / 2, -TRACE_YLIM_MV * 0.88, "typical LSR onset\n8-12 ms",
             ha="center", fontsize=8.5)
    for ax in (ax1, ax2):
        ax.set_xlabel("time after the stimulus (ms)", labelpad=1)
    (art.direct,) = ax1.plot([], [], color=OKABE_ITO["black"], linewidth=1.2)
    (art.lsr,) = ax2.plot([], [], color=OKABE_ITO["vermillion"], linewidth=1.4)
    (art.marker,) = ax2.plot([], [], color="black", linestyle="--", linewidth=1.2)
    art.texts["t1"] = ax1.text(0, 1.06, "", transform=ax1.transAxes, fontsize=10.5, fontweight="bold")
    art.texts["t2"] = ax2.text(0, 1.06, "", transform=ax2.transAxes, fontsize=10.5, fontweight="bold")
    art.texts["latency"] = ax2.text(0, 0, "", fontsize=9.5, va="bottom")
    art.texts["state"] = fig.text(0.99, 0.975, "", ha="right", va="top", fontsize=9, color=_GREY)
    art.texts["direct"] = ax1.text(SWEEP_MS - 0.3, TRACE_YLIM_MV * 0.55, "", ha="right", fontsize=9)
    art.axes = (ax1, ax2)
    return art


def update_lsr(art: LSRArtists, lsr: ct.LateralSpreadResponse | None, direct=None, state: str = "",
               note: str = "") -> bool:
    """Show ``lsr`` and the direct response ``(time_ms, trace_mv, muscle)`` in the artists of :func:`draw_lsr`.

    ``lsr=None`` clears the lower trace and shows ``note`` instead (e.g. the recorded muscle
    belongs to the stimulated branch, so there is no lateral spread to look for).
    Returns True if a panel title changed (a blitting view must then redraw its background).
    """
    if not isinstance(art, LSRArtists):
        raise TypeError(f"art must be the LSRArtists returned by draw_lsr(), got {type(art).__name__}")
    if lsr is not None and not isinstance(lsr, ct.LateralSpreadResponse):
        raise TypeError(f"lsr must be a LateralSpreadResponse or None, got {type(lsr).__name__}")
    direct = _check_direct(direct)
    for name, value in (("state", state), ("note", note)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string, got {type(value).__name__} {value!r:.60}")
    before = (art.texts["t1"].get_text(), art.texts["t2"].get_text())
    if direct is not None:
        t, y, own = direct
        art.direct.set_data(t, np.clip(y, -TRACE_YLIM_MV, TRACE_YLIM_MV))
        branch = {m: b for b, m in ct.BRANCH_MUSCLE.items()}.get(own, "its own")
        art.texts["t1"].set_text(f"{own} ({branch} branch, the one stimulated): direct response")
        onset = t[np.argmax(np.abs(y) > 0.05 * np.abs(y).max())] if np.abs(y).max() > 0 else float("nan")
        art.texts["direct"].set_text(f"direct response onset ≈ {onset:.1f} ms [TC]")
    art.texts["state"].set_text(state)
    if lsr is None:
        art.lsr.set_data([], [])
        art.marker.set_data([], [])
        art.texts["t2"].set_text(note or "no muscle of another branch recorded")
        art.texts["latency"].set_text("")
        return before != (art.texts["t1"].get_text(), art.texts["t2"].get_text())
    art.lsr.set_data(lsr.time_ms, np.clip(lsr.trace_mv, -TRACE_YLIM_MV, TRACE_YLIM_MV))
    art.texts["t2"].set_text(f"{lsr.record_muscle} (another branch): is there a lateral spread response?")
    if lsr.present:
        art.marker.set_data([lsr.latency_ms] * 2, [-TRACE_YLIM_MV * 0.6, TRACE_YLIM_MV * 0.95])
        where = "inside" if in_window(lsr.latency_ms) else "outside"
        art.texts["latency"].set_text(f" onset {lsr.latency_ms:.1f} ms ({where} 8-12 ms) [TC]")
        art.texts["latency"].set_position((lsr.latency_ms, TRACE_YLIM_MV * 0.62))
    else:
        art.marker.set_data([], [])
        art.texts["latency"].set_text("no response: no lateral spread")
        art.texts["latency"].set_position((14.0, TRACE_YLIM_MV * 0.5))
    return before != (art.texts["t1"].get_text(), art.texts["t2"].get_text())


def lsr_figure(lsr: ct.LateralSpreadResponse, direct=None, caption: str | None = None) -> Figure:
    """The LSR sweep for one :func:`~hfs_edu.models.crosstalk.lateral_spread_response` result."""
    if not isinstance(lsr, ct.LateralSpreadResponse):
        raise TypeError(f"lsr must be a LateralSpreadResponse from crosstalk.lateral_spread_response(), "
                        f"got {type(lsr).__name__}")
    direct = _check_direct(direct)
    art = draw_lsr(caption)
    update_lsr(art, lsr, direct)
    art.fig.hfs_artists = art
    return art.fig


# -- where the 10 ms go ------------------------------------------------------------------------------

#: Measured LSR onsets (label, mean, SD in ms) per recorded muscle, for the budget figure.
_MEASURED_MS = {
    "mentalis": [("measured, awake [N50]", 9.76, 1.1), ("measured, during MVD [N57]", 8.96, 0.72)],
    "orbicularis oculi": [("measured, awake [N50]", 9.0, 1.09)],
}


@styled
def latency_budget_figure(lsr: ct.LateralSpreadResponse) -> Figure:
    """Stacked bar of the LSR latency of the earliest unit next to measured latencies [N50; N57].

    The parts come from :func:`~hfs_edu.models.crosstalk.latency_budget` for the lesion and montage
    of ``lsr`` (a :func:`~hfs_edu.models.crosstalk.lateral_spread_response` result with a response);
    a dashed line marks the onset read from the trace.
    """
    if not isinstance(lsr, ct.LateralSpreadResponse):
        raise TypeError(f"lsr must be a LateralSpreadResponse from crosstalk.lateral_spread_response(), got "
                        f"{type(lsr).__name__} {lsr!r:.60}")
    if not lsr.present:
        raise ValueError("lsr has no response (present=False); allowed: a LateralSpreadResponse with present=True")
    b = ct.latency_budget(lsr.demyelination, lsr.compression, lsr.stimulate_branch, lsr.record_muscle,
                          n_fibres=lsr.n_fibres)
    to_rez = b.stimulation_site_to_foramen_mm + b.lesion_to_foramen_mm
    parts = [(f"antidromic: stimulation site → root exit zone ({to_rez:.0f} mm)", b.antidromic_ms,
              OKABE_ITO["sky_blue"], "//"),
             ("ephaptic transfer at the lesion", b.transfer_ms, OKABE_ITO["vermillion"], "xx"),
             (f"orthodromic: root exit zone → foramen ({b.lesion_to_foramen_mm:.0f} mm at {b.fibre_cv_m_per_s:.0f} m/s)",
              b.orthodromic_ms, OKABE_ITO["blue"], "\\\\"),
             (f"foramen → {lsr.record_muscle} (distal motor latency)", b.distal_motor_ms, OKABE_ITO["grey"], "..")]
    fig, ax = new_figure(
        f"About 10 ms is what a round trip to the root exit zone costs: out along the nerve, about 1 ms to cross "
        f"between fibres, and back to a muscle of another branch (model: first unit {b.total_ms:.1f} ms, onset read "
        f"from the trace {lsr.latency_ms:.1f} ms [TC]).", width_in=8.6, height_in=3.5)
    left = 0.0
    for label, dur, col, hatch in parts:
        ax.barh(1, dur, left=left, color=col, hatch=hatch, edgecolor="black", height=0.5, label=f"{label} ({dur:.1f} ms)")
        left += dur
    ax.plot([lsr.latency_ms] * 2, [0.62, 1.38], color="black", linestyle="--", linewidth=1.4,
            label=f"onset read from the trace ({lsr.latency_ms:.1f} ms)")
    ax.axvspan(LSR_WINDOW_LOW_MS, LSR_WINDOW_HIGH_MS, color=OKABE_ITO["sky_blue"], alpha=0.15, zorder=0)
    measured = _MEASURED_MS.get(lsr.record_muscle, [("measured, during MVD [S59]", 10.0, 0.0)])
    for k, (label, mean, sd) in enumerate(measured):
        ax.errorbar(mean, -0.1 - 0.45 * k, xerr=sd or None, fmt="os"[k % 2], color="black", capsize=4)
        value = f"{mean} ± {sd} ms" if sd else f"about {mean:g} ms"
        ax.text(mean + sd + 0.25, -0.1 - 0.45 * k, f"{label}: {value}", va="center", fontsize=9)
    ax.set_yticks([1, -0.32], ["model", "patients"])
    ax.set_xlim(0, 16)
    ax.set_ylim(-0.8, 2.9)
    ax.set_xlabel("time after the stimulus (ms)")
    ax.legend(loc="upper left", ncols=2, fontsize=8, frameon=False)
    fig.hfs_budget = b
    return fig


# -- how good a test ------------------------------------------------------------------------------------

def _aligned_rows():
    df = load_table("lsr_meta_analyses")
    df = df[df["sensitivity_pct"].notna() & df["specificity_pct"].notna()]
    rows = []
    for _, r in df.iterrows():
        mirrored = r["source_key"] != "S63"     # S65/S66 report "LSR gone predicts cure"; S63 "LSR persists predicts spasm"
        sens, spec = (r["specificity_pct"], r["sensitivity_pct"]) if mirrored else (r["sensitivity_pct"], r["specificity_pct"])
        rows.append(dict(label=f"[{r['source_key']}] {r['timepoint']}", reported=(r["sensitivity_pct"], r["specificity_pct"]),
                         aligned=(sens, spec), mirrored=mirrored))
    return rows


@styled
def lsr_diagnostic_figure() -> Figure:
    """Sensitivity and specificity of intraoperative LSR monitoring (table ``lsr_meta_analyses``)."""
    rows = _aligned_rows()
    fig, (ax1, ax2) = new_figure(
        "The three meta-analyses seem to disagree (sensitivity 40% vs 91%), but two of them call a test 'positive' "
        "when the LSR disappears and one when it persists; aligned, they agree: specific, not sensitive.",
        1, 2, width_in=10.0, height_in=4.1)
    y = np.arange(len(rows))[::-1]
    for ax, key, title in ((ax1, "reported", "A  As reported"),
                           (ax2, "aligned", "B  Aligned: 'LSR persists' predicts 'spasm persists'")):
        sens = [r[key][0] for r in rows]
        spec = [r[key][1] for r in rows]
        ax.hlines(y, sens, spec, color="#BBBBBB", linewidth=2, zorder=0)
        ax.plot(sens, y, "o", color=OKABE_ITO["blue"], markersize=8, label="sensitivity")
        ax.plot(spec, y, "s", color=OKABE_ITO["vermillion"], markersize=8, markerfacecolor="white",
                markeredgewidth=2, label="specificity")
        ax.set_xlim(0, 100)
        ax.set_xlabel("percent")
        ax.set_title(title, loc="left", fontsize=10.5)
    ax1.set_yticks(y, [r["label"] + (" *" if r["mirrored"] else "") for r in rows], fontsize=9)
    ax2.set_yticks(y, [""] * len(rows))
    ax1.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncols=2, fontsize=8.5, frameon=False)
    ax2.text(0, -0.3, "* 'positive' = LSR disappeared, predicting cure;\n   sensitivity and specificity swapped in B",
             transform=ax2.transAxes, fontsize=8.5, va="top")
    for ax in (ax1, ax2):
        ax.set_ylim(y.min() - 0.6, y.max() + 0.6)
    return fig


def natural_frequencies(sensitivity_pct: float, specificity_pct: float, persist_pct: float, n: int = 1000) -> dict:
    """Counts of a 2x2 table for ``n`` patients (test 'positive' = LSR persists, disease = spasm persists).

    Returns a dict with ``persist``, ``cured``, ``lsr_persists_and_spasm``, ``lsr_persists_cured``,
    ``lsr_gone_and_spasm``, ``lsr_gone_cured``, ``ppv_pct`` and ``spasm_if_lsr_gone_pct`` (a percentage
    of an empty group is reported as 0).
    """
    se = check_number("sensitivity_pct", sensitivity_pct, 0, 100) / 100
    sp = check_number("specificity_pct", specificity_pct, 0, 100) / 100
    p = check_number("persist_pct", persist_pct, 0, 100) / 100
    n = int(check_number("n", n, 10, 1_000_000))
    persist = n * p
    cured = n - persist
    a, c = persist * se, persist * (1 - se)
    b, d = cured * (1 - sp), cured * sp
    return dict(persist=persist, cured=cured, lsr_persists_and_spasm=a, lsr_persists_cured=b,
                lsr_gone_and_spasm=c, lsr_gone_cured=d, ppv_pct=100 * a / (a + b) if a + b else 0.0,
                spasm_if_lsr_gone_pct=100 * c / (c + d) if c + d else 0.0)


@styled
def outcome_frequency_figure(sensitivity_pct: float = 40.0, specificity_pct: float = 89.0,
                             persist_pct: float = 8.9, n: int = 1000) -> Figure:
    """Natural frequencies: of ``n`` operated patients, who keeps the LSR and who keeps the spasm."""
    f = natural_frequencies(sensitivity_pct, specificity_pct, persist_pct, n)
    fig, ax = new_figure(
        f"Of {n:,} operated patients, {100 - f['ppv_pct']:.0f}% of those who leave theatre with an LSR are "
        f"nevertheless spasm-free: a vanished LSR is reassuring, but a persisting one is far from a verdict.",
        width_in=8.6, height_in=2.9)
    groups = [("LSR disappeared", f["lsr_gone_cured"], f["lsr_gone_and_spasm"]),
              ("LSR persisted", f["lsr_persists_cured"], f["lsr_persists_and_spasm"])]
    for y, (label, cured, spasm) in enumerate(groups):
        ax.barh(y, cured, color=OKABE_ITO["bluish_green"], edgecolor="black", height=0.55,
                label="spasm-free" if y == 0 else None)
        ax.barh(y, spasm, left=cured, color=OKABE_ITO["vermillion"], hatch="xx", edgecolor="black", height=0.55,
                label="spasm persists" if y == 0 else None)
        share = 100 * spasm / (cured + spasm) if cured + spasm else 0.0
        ax.text(cured + spasm + 0.008 * n, y, f"{cured:.0f} spasm-free + {spasm:.0f} with spasm "
                f"({share:.0f}% with spasm)", va="center", fontsize=9)
    ax.set_yticks([0, 1], [g[0] for g in groups])
    ax.set_xlim(0, n * 1.55)
    ax.set_xlabel(f"patients (of {n:,})")
    ax.legend(loc="lower right", fontsize=8.5, frameon=False)
    fig.hfs_counts = f
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
    ax.set_title(title, loc="left", fontsize=10.5)
    ax.add_patch(Rectangle((0.1, 0.6), 2.0, 4.8, facecolor="#EFE8F5", edgecolor=_GREY))
    ax.text(1.1, 5.55, "pons", ha="center", fontsize=9)
    for (x, y), lab in ((_UPPER[0], "upper-face\nmotoneuron"), (_LOWER[0], "lower-face\nmotoneuron")):
        ax.add_patch(Circle((x, y), 0.32, facecolor="white", edgecolor="black", zorder=3))
        ax.text(x, y + (0.45 if y > 3 else -0.5), lab, ha="center", va="bottom" if y > 3 else "top", fontsize=7.5)
    for path in (_UPPER, _LOWER):
        ax.plot(path[:, 0], path[:, 1], color=_GREY, linewidth=1.4)
    ax.add_patch(Circle((3.9, 3.9), 0.45, facecolor="#C0392B", edgecolor="black", alpha=0.85))
    ax.text(4.5, 4.25, "artery at the\nroot exit zone", fontsize=8)
    ax.text(9.3, 5.15, "orbicularis oculi\n(zygomatic branch)", fontsize=8)
    ax.text(9.3, 0.55, "mentalis\n(marginal mandibular)", fontsize=8, va="top")
    ax.plot(8.2, 4.55, marker=(8, 2, 0), markersize=16, color="black")
    ax.text(7.4, 4.95, "stimulus", fontsize=8)
    _route(ax, route, color, style)
    ax.text(0.1, -1.55, note, fontsize=8.5, va="bottom")


@styled
def two_theories_figure() -> Figure:
    """Schematic: where does the impulse cross from the eye's fibre to the chin's fibre?"""
    fig, (ax1, ax2) = new_figure(
        "Both routes turn an impulse in the eye's fibre into a response in the chin: the peripheral one at the root "
        "exit zone (about 1 ms), the central one through the facial nucleus (a longer detour).",
        1, 2, width_in=10.0, height_in=3.6)
    stim = np.array([8.2, 4.55])
    periph = [stim, _UPPER[3], (3.9, 3.22), (3.9, 2.78), _LOWER[3], _LOWER[4]]
    central = [stim, *_UPPER[3::-1], _LOWER[0], *_LOWER[1:]]
    _panel(ax1, "A  Peripheral: ephaptic cross-talk", periph, OKABE_ITO["vermillion"], "-",
           "the impulse jumps between bare axons where the vessel presses")
    ax1.plot(3.9, 3.0, marker="*", markersize=18, color=OKABE_ITO["yellow"], markeredgecolor="black", zorder=5)
    _panel(ax2, "B  Central: hyperexcitable nucleus", central, OKABE_ITO["blue"], "--",
           "the impulse runs back to the nucleus; over-excitable motoneurons\nfire the lower face")
    ax2.add_patch(Rectangle((0.75, 1.55), 0.9, 2.9, facecolor="none", edgecolor=OKABE_ITO["blue"], linestyle="--",
                            linewidth=1.5))
    return fig


# -- decompression ---------------------------------------------------------------------------------------

@styled
def decompression_figure(states: dict | None = None, age_years: float = 50.0, days: float = 240.0) -> Figure:
    """The model after decompression (myelin and LSR over days) next to Nielsen's measurements [S50].

    Parameters
    ----------
    states : dict, optional
        Label -> (demyelination, compression) before surgery (default: a moderate and a near-bare lesion).
    age_years : float, default 50
        Age at surgery (0-100 years).
    days : float, default 240
        Follow-up (7-3650 days).
    """
    age = check_number("age_years", age_years, 0, 100)
    days = check_number("days", days, 7, 3650)
    states = _check_points("states", states) if states is not None else {
        "moderate damage (0.80, 0.80)": (0.8, 0.8), "near-bare axons (0.97, 0.80)": (0.97, 0.8)}
    if not 1 <= len(states) <= 4:
        raise ValueError(f"states has {len(states)} entries; allowed: 1 to 4")
    results = {label: ct.decompress(d, c, days=days, age_years=age, n_points=241) for label, (d, c) in states.items()}

    def gone(r):
        if r.units_before == 0:
            return "there was no LSR"
        if r.day_lsr_gone != r.day_lsr_gone:
            return "the LSR persists"
        return "the LSR vanishes at once" if r.day_lsr_gone == 0 else f"it fades within about {r.day_lsr_gone:.0f} days"

    summary = ", ".join(f"with {label.split(' (')[0]} {gone(r)}" for label, r in results.items())
    fig, (ax1, ax2, ax3) = new_figure(
        f"After the vessel is moved the model's myelin recovers over months; {summary} [TC]. "
        "Nielsen's patients lost their abnormal signs over weeks to months [S50].", 1, 3, width_in=11.0, height_in=3.6)
    styles = ["-", "--", ":", "-."]
    for k, (label, r) in enumerate(results.items()):
        col = (OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["black"])[k % 4]
        ax1.plot(r.time_days, 1 - r.demyelination, color=col, linestyle=styles[k % 4], label=label)
        t = np.concatenate([[-3.0, 0], r.time_days])
        u = np.concatenate([[r.units_before, r.units_before], r.lsr_units])
        ax2.step(t, u, where="post", color=col, linestyle=styles[k % 4], label=label)
    ax1.set_ylabel("myelin left (1 = healthy)")
    ax1.set_ylim(0, 1)
    ax1.set_title("A  Model: myelin after surgery [TC]", loc="left", fontsize=10)
    ax1.legend(fontsize=8, frameon=False, loc="lower right")
    ax2.axvline(0, color="black", linewidth=0.8)
    ax2.text(1.0, ax2.get_ylim()[1] * 0.92, "vessel moved", fontsize=8.5)
    ax2.set_ylabel("LSR motor units (mentalis)")
    ax2.set_title("B  Model: LSR after surgery [TC]", loc="left", fontsize=10)
    for ax in (ax1, ax2):
        ax.set_xlabel("time after decompression (days)")
    ax2.set_xlim(-3, min(60.0, days))
    x = np.arange(len(NIELSEN_DECOMPRESSION_PCT))
    week = [v[0] for v in NIELSEN_DECOMPRESSION_PCT.values()]
    months = [v[1] for v in NIELSEN_DECOMPRESSION_PCT.values()]
    ax3.bar(x - 0.2, week, 0.4, color=OKABE_ITO["sky_blue"], edgecolor="black", label="1 week")
    ax3.bar(x + 0.2, months, 0.4, color=OKABE_ITO["blue"], edgecolor="black", hatch="//", label="2-8 months")
    for xi, (w, m) in enumerate(zip(week, months)):
        ax3.text(xi - 0.2, w + 2, f"{w:.0f}", ha="center", fontsize=8)
        ax3.text(xi + 0.2, m + 2, f"{m:.0f}", ha="center", fontsize=8)
    ax3.set_xticks(x, [k.replace(" (", "\n(").replace("transmission", "\ntransmission")
                       for k in NIELSEN_DECOMPRESSION_PCT], fontsize=8)
    ax3.set_ylim(0, 110)
    ax3.set_ylabel("patients with the sign gone (%)")
    ax3.set_title("C  Patients after surgery [S50]", loc="left", fontsize=10)
    ax3.legend(fontsize=8, frameon=False, loc="upper left")
    fig.hfs_results = results
    return fig
