"""Figure functions: take model results or tables, return a captioned matplotlib Figure."""

from .style import PALETTE, caption_of, new_figure, render_png

__all__ = ["PALETTE", "new_figure", "render_png", "caption_of"]
