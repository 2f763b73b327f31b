"""Interactive face map: pick a facial-nerve branch or a muscle and see who serves whom.

:class:`FaceMapView` draws the schematic face once
(:func:`hfs_edu.figures.anatomy.draw_face`); each update only restyles the
existing muscle patches, numbers and branch lines
(:func:`hfs_edu.figures.anatomy.style_face`) and blits them over the cached
background.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..figures.anatomy import BRANCH_COLORS, FACE_MAP_CAPTION, draw_face, style_face
from ..figures.style import new_figure
from ..models import anatomy
from .base import View

__all__ = ["FaceMapView", "NONE"]

#: Dropdown value meaning "nothing selected".
NONE = ""


def _opt(value):
    return None if value in (None, NONE) else value


class FaceMapView(View):
    """Face map with a branch selector and a muscle selector.

    Controls
    --------
    branch : str
        A facial-nerve branch, or ``""`` for none.
    muscle : str
        A muscle, or ``""`` for none.
    """

    CONTROLS = {
        "branch": "highlight one branch and every muscle it supplies (hatched, thick outline, bold number)",
        "muscle": "highlight one muscle and the branch or branches that supply it (cross-hatched)",
    }
    SWEEP = {
        "branch": [NONE, *anatomy.TERMINAL_BRANCHES],
        "muscle": [NONE, "orbicularis oculi", "mentalis", "platysma"],
    }
    IMAGE_WIDTH_PX = 760

    def build_controls(self):
        style = {"description_width": "70px"}
        layout = widgets.Layout(width="330px")
        branch = widgets.Dropdown(
            options=[("(none)", NONE)] + [(b, b) for b in anatomy.branches(terminal_only=False)],
            value=NONE, description="branch", style=style, layout=layout,
        )
        muscle = widgets.Dropdown(
            options=[("(none)", NONE)] + [(m, m) for m in anatomy.muscles()],
            value=NONE, description="muscle", style=style, layout=layout,
        )
        return {"branch": branch, "muscle": muscle}

    def build_figure(self):
        fig, ax = new_figure(FACE_MAP_CAPTION, width_in=8.6, height_in=6.4, layout=None)
        ax.set_position([0.30, 0.01, 0.69, 0.98])
        key_ax = fig.add_axes([0.01, 0.02, 0.29, 0.96])
        self.face = draw_face(ax, key_ax)
        return fig

    def dynamic_artists(self) -> list:
        return self.face.dynamic()

    def update(self, branch: str = NONE, muscle: str = NONE) -> str:
        branch, muscle = _opt(branch), _opt(muscle)
        style_face(self.face, branch, muscle)
        return readout_html(branch, muscle)


def readout_html(branch: str | None, muscle: str | None) -> str:
    """HTML listing the muscles of ``branch`` and the branch(es) of ``muscle``, with actions and sources."""
    parts = []
    if branch is not None:
        b = anatomy.muscles_of(branch)  # validates
        rows = []
        for m in b:
            info = anatomy.muscle_info(m)
            shared = [x for x in info.branches if x != branch]
            also = f" <i>(also {html.escape(' + '.join(shared))})</i>" if shared else ""
            rows.append(f"<li><b>{html.escape(m)}</b>{also}: {html.escape(info.action)} "
                        f"<span style='color:#666'>[{html.escape('; '.join(info.source_keys))}]</span></li>")
        color = BRANCH_COLORS.get(branch, "#000")
        kind = "terminal branch" if branch in anatomy.TERMINAL_BRANCHES else "branch given off before the parotid"
        parts.append(f"<p><b style='color:{color}'>{html.escape(branch)}</b> ({kind}) supplies "
                     f"{len(b)} muscle(s):</p><ul style='margin-top:0'>{''.join(rows)}</ul>")
    if muscle is not None:
        info = anatomy.muscle_info(muscle)
        names = " and ".join(f"<b style='color:{BRANCH_COLORS.get(x, '#000')}'>{html.escape(x)}</b>"
                             for x in info.branches)
        two = " It receives <b>two</b> branches." if len(info.branches) > 1 else ""
        region = {"upper": "upper face", "lower": "lower face", "other": "not a muscle of facial expression"}
        parts.append(f"<p><b>{html.escape(info.name)}</b> ({region.get(info.face_region, info.face_region)}): "
                     f"{html.escape(info.action)}. Supplied by the {names} branch"
                     f"{'es' if len(info.branches) > 1 else ''}.{two} "
                     f"<span style='color:#666'>[{html.escape('; '.join(info.source_keys))}]</span></p>")
    if not parts:
        parts.append("<p>Choose a <b>branch</b> or a <b>muscle</b> to see who serves whom.</p>")
    return "".join(parts)
