"""Interactive views of the cross-talk model (chapter 03).

* :class:`CrossTalkView` - strip the myelin, press the nerve, let the artery pulse: a
  cross-section of the root, a spike raster per fibre, a zoom on one after-discharge and
  the EMG of four facial muscles, with a readout in words.
* :class:`LSRView` - the clinician's test: stimulate one branch, record a muscle of
  another, read the latency; move the vessel away and watch the response vanish.

Both build their figure once (:func:`hfs_edu.figures.crosstalk.draw_spasm`,
:func:`hfs_edu.figures.lsr.draw_lsr`) and update artists in place, blitting only the
artists that change. Every number is a teaching calibration of a toy model.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from .._validate import check_bool, check_choice, check_int, check_number
from ..figures.crosstalk import draw_spasm, update_spasm
from ..figures.lsr import LSR_WINDOW_HIGH_MS, LSR_WINDOW_LOW_MS, direct_response, draw_lsr, in_window, update_lsr
from ..models import crosstalk as ct
from .base import View

__all__ = ["CrossTalkView", "LSRView", "HFS_DEMYELINATION", "HFS_COMPRESSION", "DURATION_MS", "PATIENT_LATENCY_MS",
           "readout_lsr", "readout_spasm"]

#: Default lesion of the views: a nerve with established HFS in the model [TC].
HFS_DEMYELINATION = 0.8
HFS_COMPRESSION = 0.7
#: Window the spasm view simulates (two heartbeats at 70 beats/min).
DURATION_MS = 2000.0

_SLIDER = dict(continuous_update=False, style={"description_width": "110px"}, layout=widgets.Layout(width="360px"))


def _slider(value, description, step=0.05, lo=0.0, hi=1.0):
    return widgets.FloatSlider(value=value, min=lo, max=hi, step=step, description=description,
                               readout_format=".2f", **_SLIDER)


def _fmt_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class CrossTalkView(View):
    """The bundle in action: raster, EMG and cross-section for a lesion you set.

    Controls
    --------
    demyelination, compression, pulsation : float
        0-1 each (see :func:`hfs_edu.models.crosstalk.simulate`).
    episode : int
        Seed of the random ectopic events, 0-9 (another two seconds of the same patient).
    """

    CONTROLS = {
        "demyelination": "myelin lost at the root exit zone (0 = healthy, 1 = bare axons)",
        "compression": "how hard the vessel presses on the root (0 = not at all, 1 = maximal)",
        "pulsation": "how strongly the artery pulses (0 = steady, 1 = strong)",
        "episode": "another 2 seconds of the same nerve (random ectopic events)",
    }
    SWEEP = {"demyelination": [0.0, 0.4, 0.7, 0.9], "compression": [0.0, 0.5, 0.8, 1.0],
             "pulsation": [0.0, 0.5, 1.0], "episode": [0, 3]}
    IMAGE_WIDTH_PX = 840

    def build_controls(self):
        return {
            "demyelination": _slider(HFS_DEMYELINATION, "demyelination"),
            "compression": _slider(HFS_COMPRESSION, "compression"),
            "pulsation": _slider(0.5, "pulsation", step=0.1),
            "episode": widgets.IntSlider(value=0, min=0, max=9, step=1, description="episode", **_SLIDER),
        }

    def build_figure(self):
        self.art = draw_spasm(DURATION_MS, ct.FIBRES_DEFAULT)
        return self.art.fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, demyelination, compression, pulsation, episode) -> str:
        d = check_number("demyelination", demyelination, 0.0, 1.0)
        c = check_number("compression", compression, 0.0, 1.0)
        p = check_number("pulsation", pulsation, 0.0, 1.0)
        seed = check_int("episode", episode, 0, 9)
        self.sim = ct.simulate(d, c, pulsation=p, duration_ms=DURATION_MS, seed=seed)
        self.summary = update_spasm(self.art, self.sim)
        return readout_spasm(self.summary, DURATION_MS)


def readout_spasm(s, duration_ms: float) -> str:
    """The spasm view's readout: what happened, in words."""
    secs = f"{duration_ms / 1000:g} s"
    if s.n_active == 0:
        text = (f"<p><b>The face is quiet.</b> In these {secs} no fibre fired at the compression site, so no "
                "muscle contracted on its own.")
        if s.n_blocked:
            text += f" {s.n_blocked} of {s.n_fibres} fibres are <b>blocked</b>: their impulses cannot cross the lesion."
        return text + "</p>"
    branches = [b for b, k in s.active_by_branch.items() if k]
    parts = [f"<p><b>{s.n_active} of {s.n_fibres} fibres</b> fired on their own at the compression site "
             f"(ectopic impulses, or impulses passed on ephaptically) - fibres of the {html.escape(_fmt_list(branches))} "
             f"branch{'es' if len(branches) > 1 else ''}."]
    if s.eye_bursts:
        parts.append(f" The eye (orbicularis oculi) contracted in <b>{s.eye_bursts}</b> burst"
                     f"{'s' if s.eye_bursts > 1 else ''}; eye and mouth contracted <b>together</b> in "
                     f"<b>{s.co_bursts}</b> of them (synkinesis).")
    else:
        parts.append(" The eye (orbicularis oculi) did not contract.")
    if s.burst_frequency_hz == s.burst_frequency_hz:
        parts.append(f" Within a burst the fibres fired at about <b>{s.burst_frequency_hz:.0f} Hz</b> "
                     "(Nielsen measured after-discharges at 250-350 Hz [S49:A]).")
    if s.n_blocked:
        parts.append(f" {s.n_blocked} fibre{'s are' if s.n_blocked > 1 else ' is'} blocked at the lesion.")
    parts.append(" <i>Toy model: all numbers are teaching calibrations [TC:T].</i></p>")
    return "".join(parts)


class LSRView(View):
    """The lateral spread response: stimulate one branch, record a muscle of another.

    Controls
    --------
    stimulate : str
        Branch stimulated (temporal, zygomatic, buccal, marginal mandibular).
    record : str
        Muscle recorded (frontalis, orbicularis oculi, orbicularis oris, mentalis).
    demyelination, compression : float
        Lesion state, 0-1 each.
    decompressed : bool
        The vessel has been moved away (compression set to 0; the myelin damage remains).
    """

    CONTROLS = {
        "stimulate": "the branch you stimulate, in front of the ear",
        "record": "the muscle you record from (choose one supplied by another branch)",
        "demyelination": "myelin lost at the root exit zone (0-1)",
        "compression": "how hard the vessel presses (0-1)",
        "decompressed": "the surgeon moves the vessel away (compression becomes 0; damaged myelin stays)",
    }
    SWEEP = {"stimulate": ["zygomatic", "marginal mandibular"], "record": ["mentalis", "orbicularis oculi"],
             "demyelination": [0.0, 0.5, 0.8, 1.0], "compression": [0.0, 0.5, 0.8], "decompressed": [False, True]}
    IMAGE_WIDTH_PX = 760

    def build_controls(self):
        dd = dict(style={"description_width": "110px"}, layout=widgets.Layout(width="360px"))
        return {
            "stimulate": widgets.Dropdown(options=list(ct.BRANCHES), value="zygomatic", description="stimulate", **dd),
            "record": widgets.Dropdown(options=list(ct.MUSCLES), value="mentalis", description="record from", **dd),
            "demyelination": _slider(HFS_DEMYELINATION, "demyelination"),
            "compression": _slider(HFS_COMPRESSION, "compression"),
            "decompressed": widgets.ToggleButton(value=False, description="decompressed (vessel moved)",
                                                 icon="scissors", layout=widgets.Layout(width="250px")),
        }

    def build_figure(self):
        self.art = draw_lsr()
        return self.art.fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, stimulate, record, demyelination, compression, decompressed) -> str:
        branch = check_choice("stimulate", stimulate, ct.BRANCHES)
        muscle = check_choice("record", record, ct.MUSCLES)
        d = check_number("demyelination", demyelination, 0.0, 1.0)
        c = check_number("compression", compression, 0.0, 1.0)
        moved = check_bool("decompressed", decompressed)
        c_eff = 0.0 if moved else c
        state = f"demyelination {d:.2f} · compression {c_eff:.2f}" + (" (vessel moved away)" if moved else "") + " [TC]"
        direct = direct_response(d, c_eff, branch)
        own = ct.BRANCH_MUSCLE[branch]
        if muscle == own:
            self.lsr = None
            if update_lsr(self.art, None, direct, state, note=f"{muscle} belongs to the stimulated branch"):
                self.invalidate_background()
            return (f"<p><b>{html.escape(muscle)}</b> is supplied by the <b>{html.escape(branch)}</b> branch you "
                    "stimulated, so its answer is the ordinary direct response (top trace), not a lateral spread. "
                    "Choose a muscle of another branch to look for cross-talk.</p>")
        self.lsr = ct.lateral_spread_response(d, c_eff, branch, muscle)
        if update_lsr(self.art, self.lsr, direct, state):
            self.invalidate_background()
        return readout_lsr(self.lsr, moved)


#: Patients' LSR latencies for the two classic montages: (mean, SD) in ms [N50:A].
PATIENT_LATENCY_MS = {("zygomatic", "mentalis"): (9.76, 1.1), ("marginal mandibular", "orbicularis oculi"): (9.0, 1.09)}


def readout_lsr(lsr, decompressed: bool = False) -> str:
    """The LSR view's readout: latency and whether it is in the typical window, or why there is none."""
    where = f"stimulating the <b>{html.escape(lsr.stimulate_branch)}</b> branch, recording <b>{html.escape(lsr.record_muscle)}</b>"
    if not lsr.present:
        why = ("the vessel has been moved away: without compression the bare membranes no longer drive each other "
               "to threshold" if decompressed else
               "the myelin is healthy enough, or the compression mild enough, that no fibre of another branch is "
               "driven to threshold")
        tail = "" if decompressed else " A healthy nerve never shows a lateral spread response."
        return f"<p><b>No response</b> ({where}): {why}.{tail}</p>"
    inside = in_window(lsr.latency_ms)
    window = f"the typical {LSR_WINDOW_LOW_MS:.0f}-{LSR_WINDOW_HIGH_MS:.0f} ms window"
    verdict = f"<b>inside</b> {window}" if inside else f"<b>outside</b> {window}"
    ref = PATIENT_LATENCY_MS.get((lsr.stimulate_branch, lsr.record_muscle))
    patients = (f" Patients, same montage: {ref[0]} ± {ref[1]} ms [N50:A]; the model is "
                f"{abs(lsr.latency_ms - ref[0]) / ref[1]:.1f} SD {'earlier' if lsr.latency_ms < ref[0] else 'later'}."
                if ref else "")
    after = (" <b>Even with the vessel moved away</b> the axons here are so bare that they still cross-talk; in the "
             "model this fades only as the myelin recovers." if decompressed else "")
    return (f"<p><b>Lateral spread response present</b> ({where}): onset <b>{lsr.latency_ms:.1f} ms</b>, {verdict}."
            f"{patients} {lsr.n_units} motor unit{'s' if lsr.n_units != 1 else ''} answered; amplitude "
            f"{lsr.amplitude_mv:.2f} mV; the first crossed the lesion in {lsr.transfer_time_ms:.2f} ms (ephaptic "
            f"transfer, about 1 ms in patients [N52:B]).{after} <i>Toy model [TC:T].</i></p>")
