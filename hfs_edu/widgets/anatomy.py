"""Interactive face map: pick a facial-nerve branch or a muscle and see who serves whom.

:class:`FaceMapView` draws the schematic face once
(:func:`hfs_edu.figures.anatomy.draw_face`); each update only restyles the
existing muscle patches, numbers and branch lines
(:func:`hfs_edu.figures.anatomy.style_face`) and blits them over the cached
background.
"""

from __future__ import annotations

import html

from .._params import choice, validated
from ..figures.anatomy import BRANCH_COLORS, build_face, style_face
from ..models import anatomy
from .base import View, control

__all__ = ["NOTHING", "FaceMapView", "readout_html"]

#: Dropdown option meaning "nothing selected".
NOTHING = "(none)"


def _branch_options() -> tuple[str, ...]:
    return (NOTHING, *anatomy.branches(terminal_only=False))


def _muscle_options() -> tuple[str, ...]:
    return (NOTHING, *anatomy.muscles())


def _opt(value: str) -> str | None:
    return None if value == NOTHING else value


class FaceMapView(View):
    """Face map with a branch selector and a muscle selector (each a name from the table, or "(none)")."""

    PARAMS = {
        "branch": control(
            choice(
                _branch_options,
                doc="highlight one branch and every muscle it supplies (hatched, thick outline, bold number)",
            ),
            label="branch",
        ),
        "muscle": control(
            choice(
                _muscle_options, doc="highlight one muscle and the branch or branches that supply it (cross-hatched)"
            ),
            label="muscle",
        ),
    }
    IMAGE_WIDTH_PX = 760

    def build_figure(self):
        fig, self.face = build_face(anatomy.innervation())
        return fig

    def dynamic_artists(self) -> list:
        return self.face.dynamic()

    def update(self, branch: str = NOTHING, muscle: str = NOTHING) -> str:
        branch, muscle = _opt(branch), _opt(muscle)
        style_face(self.face, branch, muscle)
        return readout_html(branch, muscle)


@validated(branch=anatomy.OPTIONAL_BRANCH, muscle=anatomy.OPTIONAL_MUSCLE)
def readout_html(branch: str | None, muscle: str | None) -> str:
    """HTML listing the muscles of ``branch`` and the branch(es) of ``muscle``, with actions and sources.

    {parameters}
    """
    parts = []
    if branch is not None:
        b = anatomy.muscles_of(branch)  # validates
        rows = []
        for m in b:
            info = anatomy.muscle_info(m)
            shared = [x for x in info.branches if x != branch]
            also = f" <i>(also {html.escape(' + '.join(shared))})</i>" if shared else ""
            rows.append(
                f"<li><b>{html.escape(m)}</b>{also}: {html.escape(info.action)} "
                f"<span style='color:#666'>[{html.escape('; '.join(info.source_keys))}]</span></li>"
            )
        color = BRANCH_COLORS.get(branch, "#000")
        kind = "terminal branch" if branch in anatomy.TERMINAL_BRANCHES else "branch given off before the parotid"
        parts.append(
            f"<p><b style='color:{color}'>{html.escape(branch)}</b> ({kind}) supplies "
            f"{len(b)} muscle(s):</p><ul style='margin-top:0'>{''.join(rows)}</ul>"
        )
    if muscle is not None:
        info = anatomy.muscle_info(muscle)
        names = " and ".join(
            f"<b style='color:{BRANCH_COLORS.get(x, '#000')}'>{html.escape(x)}</b>" for x in info.branches
        )
        two = " It receives <b>two</b> branches." if len(info.branches) > 1 else ""
        region = {"upper": "upper face", "lower": "lower face", "other": "not a muscle of facial expression"}
        parts.append(
            f"<p><b>{html.escape(info.name)}</b> ({region.get(info.face_region, info.face_region)}): "
            f"{html.escape(info.action)}. Supplied by the {names} branch"
            f"{'es' if len(info.branches) > 1 else ''}.{two} "
            f"<span style='color:#666'>[{html.escape('; '.join(info.source_keys))}]</span></p>"
        )
    if not parts:
        parts.append("<p>Choose a <b>branch</b> or a <b>muscle</b> to see who serves whom.</p>")
    return "".join(parts)
