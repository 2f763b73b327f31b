"""hfs-edu: sourced data, models and interactive figures for a course on hemifacial spasm.

Layers (imports flow one way): ``widgets`` → ``figures`` → ``models`` → ``data``.
In a notebook::

    import hfs_edu as hfs
    hfs.setup()
    hfs.show(some_figure)
"""
__version__ = "0.1.0"

from .notebook import DISCLAIMER, quiz, setup, show, show_table  # noqa: E402

__all__ = ["__version__", "setup", "show", "show_table", "quiz", "DISCLAIMER"]
