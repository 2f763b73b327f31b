"""hfs-edu: sourced data, models and interactive figures for a course on hemifacial spasm.

Layers (imports flow one way): ``widgets`` → ``figures`` → ``models`` → ``data``.
In a notebook::

    import hfs_edu as hfs
    hfs.setup()
    hfs.show(some_figure)
    hfs.quiz("01_facial_nerve")

The notebook helpers (:mod:`hfs_edu.notebook`) are imported eagerly: every chapter
calls ``hfs.setup()`` in its first cell, so deferring them saved nothing, and a
lazy ``__getattr__`` let a submodule import shadow ``hfs.quiz`` (code review N1).
The quiz *module* is :mod:`hfs_edu.quizzes`; ``hfs.quiz`` is the helper function.
``import hfs_edu`` therefore loads numpy, pandas and matplotlib (about 0.5-1 s on a
loaded machine, the same cost a chapter's first cell paid before); the widgets
(ipywidgets) load only when a view or quiz is shown.
"""

__version__ = "0.1.0"

from .notebook import DISCLAIMER, quiz, setup, show, show_table

__all__ = ["DISCLAIMER", "__version__", "quiz", "setup", "show", "show_table"]
