"""Interactive views: compose models and figures; one figure per view, updated in place."""

from .base import View, registry

__all__ = ["View", "registry"]
