"""What a view or quiz shows before its cell has run.

A notebook opened without a kernel shows a widget output's ``text/plain``
form. ipywidgets makes that ``repr(widget)`` (``VBox(children=(...``), which
looks broken to a student. :class:`ViewBox` is a ``VBox`` whose text form is
one friendly line instead; the interactive view itself is unchanged.
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["RUN_THIS_CELL", "RUN_THIS_CELL_QUIZ", "RUN_THIS_CELL_TRAINER", "ViewBox"]

RUN_THIS_CELL = "Run this cell to get the interactive figure."
RUN_THIS_CELL_QUIZ = "Run this cell to take the quiz."
RUN_THIS_CELL_TRAINER = "Run this cell to start the case trainer."


class ViewBox(widgets.VBox):
    """A ``VBox`` whose plain-text form (shown before the cell runs) says to run the cell."""

    def __init__(self, *args, placeholder: str = RUN_THIS_CELL, **kwargs):
        super().__init__(*args, **kwargs)
        self._hfs_placeholder = placeholder

    def __repr__(self) -> str:
        return getattr(self, "_hfs_placeholder", RUN_THIS_CELL)
