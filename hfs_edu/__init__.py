"""hfs-edu: sourced data, models and interactive figures for a course on hemifacial spasm.

Layers (imports flow one way): ``widgets`` → ``figures`` → ``models`` → ``data``.
In a notebook::

    import hfs_edu as hfs
    hfs.setup()
    hfs.show(some_figure)

The notebook helpers are imported lazily, so ``import hfs_edu`` is cheap.
"""
__version__ = "0.1.0"

__all__ = ["__version__", "setup", "show", "show_table", "quiz", "DISCLAIMER"]
_NOTEBOOK_HELPERS = {"setup", "show", "show_table", "quiz", "DISCLAIMER"}


def __getattr__(name):
    if name in _NOTEBOOK_HELPERS:
        from . import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'hfs_edu' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _NOTEBOOK_HELPERS)
