"""Pure model and data functions (numpy/pandas only; no plotting, no widgets)."""
