"""Interactive views of the cross-talk model (chapter 03).

* :class:`CrossTalkView` - strip the myelin, press the nerve, let the artery pulse: a
  cross-section of the root, a spike raster per fibre, a zoom on one after-discharge and
  the EMG of four facial muscles, with a readout in words.
* :class:`LSRView` - the clinician's test: stimulate one branch, record a muscle of
  another, read the latency; move the vessel away and watch the response vanish.

Both build their figure once with the figure module's ``build_…()`` (the same one the
static figures use) and update artists in place, blitting only the artists that change.
Controls are declared once in ``PARAMS`` (:mod:`hfs_edu._params`): the sliders and
dropdowns take their ranges and options from it, and :meth:`set` validates every value
against it before a widget sees it. Every number is a teaching calibration of a toy model.
"""

from __future__ import annotations

import html
import math
from functools import lru_cache

from .._params import choice, flag, integer, validated
from ..figures.crosstalk import build_spasm, update_spasm
from ..figures.lsr_recording import build_lsr, update_lsr
from ..figures.style import agg_canvas, encode_png
from ..models import crosstalk as ct
from ..models.crosstalk.core import COMPRESSION, DEMYELINATION
from ..models.crosstalk.events import DURATION_MS as DURATION_PARAM
from ..models.crosstalk.events import PULSATION
from .base import View, control

__all__ = [
    "CrossTalkView",
    "LSRView",
    "HFS_DEMYELINATION",
    "HFS_COMPRESSION",
    "DURATION_MS",
    "readout_lsr",
    "readout_spasm",
]

#: Default lesion of the views: a nerve with established HFS in the model [TC].
HFS_DEMYELINATION = 0.8
HFS_COMPRESSION = 0.7
#: Window the spasm view simulates (two heartbeats at 70 beats/min).
DURATION_MS = 2000.0


def _fmt_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# -- the bundle in action --------------------------------------------------------------------------------


class CrossTalkView(View):
    """The bundle in action: raster, EMG and cross-section for a lesion you set.

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    demyelination, compression, pulsation : float
        0-1 each (see :func:`hfs_edu.models.crosstalk.simulate`).
    episode : int
        Seed of the random ectopic events, 0-9 (another two seconds of the same patient).
    """

    PARAMS = {
        "demyelination": control(
            DEMYELINATION,
            label="demyelination",
            legend="myelin lost at the root exit zone (0 = healthy, 1 = bare axons)",
            step=0.05,
            readout_format=".2f",
        ),
        "compression": control(
            COMPRESSION,
            label="compression",
            legend="how hard the vessel presses on the root (0 = not at all, 1 = maximal)",
            step=0.05,
            readout_format=".2f",
        ),
        "pulsation": control(
            PULSATION,
            label="pulsation",
            legend="how strongly the artery pulses (0 = steady, 1 = strong)",
            step=0.1,
            readout_format=".2f",
        ),
        "episode": control(
            integer(0, 9, doc="another 2 seconds of the same nerve (random ectopic events)"), label="episode", step=1
        ),
    }
    IMAGE_WIDTH_PX = 840

    def build_figure(self):
        fig, self.art = build_spasm(DURATION_MS, ct.FIBRES_DEFAULT)
        return fig

    def dynamic_artists(self) -> list:
        return self.art.dynamic()

    def update(self, demyelination=HFS_DEMYELINATION, compression=HFS_COMPRESSION, pulsation=0.5, episode=0) -> str:
        v = self.validate(demyelination=demyelination, compression=compression, pulsation=pulsation, episode=episode)
        self.sim = _simulate(v["demyelination"], v["compression"], v["pulsation"], v["episode"])
        self.summary = ct.spasm_summary(self.sim)
        update_spasm(self.art, self.sim, self.summary)
        return readout_spasm(self.summary, DURATION_MS)


@lru_cache(maxsize=32)
def _simulate(d: float, c: float, p: float, seed: int) -> ct.Simulation:
    """The spasm view's simulation (cached: moving a slider back to a value is free)."""
    return ct.simulate(d, c, pulsation=p, duration_ms=DURATION_MS, seed=seed)


@validated(duration_ms=DURATION_PARAM)
def readout_spasm(s: ct.SpasmSummary, duration_ms: float) -> str:
    """The spasm view's readout for the :func:`~hfs_edu.models.crosstalk.spasm_summary` ``s``: what happened,
    in words.

    {parameters}
    """
    secs = f"{duration_ms / 1000:g} s"
    if s.n_active == 0:
        text = (
            f"<p><b>The face is quiet.</b> In these {secs} no fibre fired at the compression site, so no "
            "muscle contracted on its own."
        )
        if s.n_blocked:
            text += f" {s.n_blocked} of {s.n_fibres} fibres are <b>blocked</b>: their impulses cannot cross the lesion."
        return text + "</p>"
    branches = [b for b, k in s.active_by_branch.items() if k]
    parts = [
        f"<p><b>{s.n_active} of {s.n_fibres} fibres</b> fired on their own at the compression site "
        f"(ectopic impulses, or impulses passed on ephaptically) - fibres of the {html.escape(_fmt_list(branches))} "
        f"branch{'es' if len(branches) > 1 else ''}."
    ]
    if s.eye_bursts:
        parts.append(
            f" The eye (orbicularis oculi) contracted in <b>{s.eye_bursts}</b> burst"
            f"{'s' if s.eye_bursts > 1 else ''}; eye and mouth contracted <b>together</b> in "
            f"<b>{s.co_bursts}</b> of them (synkinesis)."
        )
    else:
        parts.append(" The eye (orbicularis oculi) did not contract.")
    if not math.isnan(s.burst_frequency_hz):
        parts.append(
            " Within a burst the fibres fire in rapid trains: measure the interval in panel C and "
            "compare with the 250-350 Hz Nielsen measured [S49:A]."
        )
    if s.n_blocked:
        parts.append(f" {s.n_blocked} fibre{'s are' if s.n_blocked > 1 else ' is'} blocked at the lesion.")
    parts.append(" <i>Toy model: all numbers are teaching calibrations [TC:T].</i></p>")
    return "".join(parts)


# -- the lateral spread response -------------------------------------------------------------------------


class LSRView(View):
    """The lateral spread response: stimulate one branch, record a muscle of another.

    Controls (declared in ``PARAMS``; the defaults are those of :meth:`update`)
    ----------------------------------------------------------------------------
    stimulate : str
        Branch stimulated (temporal, zygomatic, buccal, marginal mandibular).
    record : str
        Muscle recorded (frontalis, orbicularis oculi, orbicularis oris, mentalis).
    demyelination, compression : float
        Lesion state, 0-1 each.
    decompressed : bool
        The vessel has been moved away (compression 0; the myelin damage remains).

    The montage and decompression rules live in :func:`hfs_edu.models.crosstalk.lsr_recording`.
    """

    PARAMS = {
        "stimulate": control(
            choice(ct.BRANCHES, doc="the branch you stimulate, in front of the ear"), label="stimulate"
        ),
        "record": control(
            choice(ct.MUSCLES, doc="the muscle you record from (choose one supplied by another branch)"),
            label="record from",
        ),
        "demyelination": control(
            DEMYELINATION,
            label="demyelination",
            legend="myelin lost at the root exit zone (0-1)",
            step=0.05,
            readout_format=".2f",
        ),
        "compression": control(
            COMPRESSION,
            label="compression",
            legend="how hard the vessel presses (0-1)",
            step=0.05,
            readout_format=".2f",
        ),
        "decompressed": control(
            flag(doc="the surgeon moves the vessel away (compression becomes 0; damaged myelin stays)"),
            label="decompressed (vessel moved)",
        ),
    }
    IMAGE_WIDTH_PX = 760

    def build_figure(self):
        fig, self.art = build_lsr()
        self._montage_backgrounds = {}
        return fig

    def dynamic_artists(self) -> list:
        """Every artist that changes: those of the montage (titles, direct response) and of the lesion."""
        return self.art.montage_artists() + self.art.dynamic()

    def render(self) -> bytes:
        """Two-level blitting: the base background (axes, ticks, the window; drawn once by the base class,
        without any artist that changes); per montage, the titles and direct response drawn over it once
        and cached; per update, only the lesion-dependent artists. No control ever needs a full redraw
        after the first."""
        if self._background is None:
            self._draw_background()
            self._montage_backgrounds = {}
        canvas = agg_canvas(self.fig)
        key = self.art.montage_key()
        if key not in self._montage_backgrounds:
            canvas.restore_region(self._background)
            for artist in self.art.montage_artists():
                self.fig.draw_artist(artist)
            self._montage_backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self._montage_backgrounds[key])
        for artist in self.art.dynamic():
            self.fig.draw_artist(artist)
        return encode_png(canvas)

    def invalidate_background(self) -> None:
        self._montage_backgrounds = {}
        super().invalidate_background()

    def update(
        self,
        stimulate="zygomatic",
        record="mentalis",
        demyelination=HFS_DEMYELINATION,
        compression=HFS_COMPRESSION,
        decompressed=False,
    ) -> str:
        v = self.validate(
            stimulate=stimulate,
            record=record,
            demyelination=demyelination,
            compression=compression,
            decompressed=decompressed,
        )
        rec = ct.lsr_recording(
            v["demyelination"], v["compression"], v["stimulate"], v["record"], decompressed=v["decompressed"]
        )
        self.lsr = rec.lsr
        state = (
            f"demyelination {rec.demyelination:.2f} · compression {rec.compression:.2f}"
            + (" (vessel moved away)" if rec.decompressed else "")
            + " [TC]"
        )
        update_lsr(
            self.art,
            rec.lsr,
            rec.direct,
            state,
            note=None if rec.lsr else f"{rec.record_muscle} belongs to the stimulated branch",
        )
        if rec.lsr is None:
            return (
                f"<p><b>{html.escape(rec.record_muscle)}</b> is supplied by the <b>{html.escape(rec.stimulate_branch)}"
                "</b> branch you stimulated, so its answer is the ordinary direct response (top trace), not a "
                "lateral spread. Choose a muscle of another branch to look for cross-talk.</p>"
            )
        return readout_lsr(rec.lsr, rec.decompressed)


@validated(decompressed=flag(doc="The vessel has been moved away (explains a vanished response)."))
def readout_lsr(lsr: ct.LateralSpreadResponse, decompressed: bool = False) -> str:
    """The LSR view's readout for ``lsr`` (a :func:`~hfs_edu.models.crosstalk.lateral_spread_response`): latency
    and whether it is in the typical window, or why there is none.

    {parameters}
    """
    where = (
        f"stimulating the <b>{html.escape(lsr.stimulate_branch)}</b> branch, recording "
        f"<b>{html.escape(lsr.record_muscle)}</b>"
    )
    if not lsr.present:
        why = (
            "the vessel has been moved away: without compression the bare membranes no longer drive each other "
            "to threshold"
            if decompressed
            else "the myelin is healthy enough, or the compression mild enough, that no fibre of another branch is "
            "driven to threshold"
        )
        tail = "" if decompressed else " A healthy nerve never shows a lateral spread response."
        return f"<p><b>No response</b> ({where}): {why}.{tail}</p>"
    lo, hi = ct.LSR_WINDOW_LOW_MS, ct.LSR_WINDOW_HIGH_MS
    window = f"the typical {lo:.0f}-{hi:.0f} ms window"
    verdict = f"<b>inside</b> {window}" if lsr.in_window else f"<b>outside</b> {window}"
    refs = [r for r in _patients(lsr.stimulate_branch, lsr.record_muscle) if not math.isnan(r.sd_ms)]
    patients = ""
    if refs:
        ref = refs[0]
        patients = (
            f" Patients, same montage ({ref.setting}): {ref.mean_ms:g} ± {ref.sd_ms:g} ms [{ref.source_key}:A]; "
            f"the model is {abs(lsr.latency_ms - ref.mean_ms) / ref.sd_ms:.1f} SD "
            f"{'earlier' if lsr.latency_ms < ref.mean_ms else 'later'}."
        )
    after = (
        " <b>Even with the vessel moved away</b> the axons here are so bare that they still cross-talk; in the "
        "model this fades only as the myelin recovers."
        if decompressed
        else ""
    )
    return (
        f"<p><b>Lateral spread response present</b> ({where}): onset <b>{lsr.latency_ms:.1f} ms</b>, {verdict}."
        f"{patients} {lsr.n_units} motor unit{'s' if lsr.n_units != 1 else ''} answered; amplitude "
        f"{lsr.amplitude_mv:.2f} mV; the first crossed the lesion in {lsr.transfer_time_ms:.2f} ms (ephaptic "
        f"transfer, about 1 ms in patients [N52:B]).{after} <i>Toy model [TC:T].</i></p>"
    )


@lru_cache(maxsize=16)
def _patients(branch: str, muscle: str) -> tuple:
    return tuple(ct.patient_latency(branch, muscle))
