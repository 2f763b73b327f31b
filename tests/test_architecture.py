"""Layers: widgets -> figures -> models -> data, true in what each layer does, not only in what it imports.

* models never plot or build widgets;
* figures never build widgets, never use pyplot, never load tables (no ``..data``), and take
  model *results*: from ``..models`` they may import only constants (UPPER_CASE) and types
  (CapWords classes), never a model module or function (so a figure cannot run a model);
* no module imports another module's private (``_name``) names; ``hfs_edu._params``,
  ``hfs_edu._validate`` and ``hfs_edu.widgets._placeholder`` are private *modules* shared by
  the package, whose public names any module may use.

Imports are resolved to absolute module names (``from .. import widgets`` counts as
``hfs_edu.widgets``), so no spelling slips through. Module size is a review matter, not a test:
split a module when it holds more than one concept (see docs/developer.md).
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
from pathlib import Path

import pytest

from notebook_utils import ROOT

PKG = ROOT / "hfs_edu"
SHARED_PRIVATE_MODULES = {"hfs_edu._params", "hfs_edu._validate", "hfs_edu.widgets._placeholder"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _package_of(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rsplit(".", 1)[0]


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ModuleNotFoundError, ValueError):
        return False


def imports(path: Path) -> list[tuple[str, str | None]]:
    """``[(absolute module, imported name or None)]`` for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(path).split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for a in node.names:
                sub = f"{module}.{a.name}"
                is_module = module.startswith("hfs_edu") and _is_module(sub)
                out.append((sub, None) if is_module else (module, a.name))
    return out


def _files(folder: str) -> list[Path]:
    return sorted((PKG / folder).rglob("*.py"))


def _violations(folder: str, forbidden: list[str]) -> list[str]:
    return [
        f"{p.relative_to(ROOT)} imports {m}"
        for p in _files(folder)
        for m, _ in imports(p)
        if any(m == f or m.startswith(f + ".") for f in forbidden)
    ]


def test_import_resolution_sees_every_spelling(tmp_path):
    probe = PKG / "figures" / "_probe_for_test.py"
    probe.write_text("from .. import widgets\nfrom ..models import compression\nfrom ..data import load_table\n")
    try:
        found = imports(probe)
    finally:
        probe.unlink()
    assert ("hfs_edu.widgets", None) in found and ("hfs_edu.models.compression", None) in found
    assert ("hfs_edu.data", "load_table") in found


def test_models_do_not_import_plotting_or_widgets():
    assert not _violations("models", ["matplotlib", "ipywidgets", "IPython", "hfs_edu.figures", "hfs_edu.widgets"])


def test_figures_do_not_import_widgets_or_pyplot():
    assert not _violations("figures", ["ipywidgets", "IPython", "hfs_edu.widgets", "matplotlib.pyplot"])


@pytest.mark.parametrize("path", _files("figures"), ids=lambda p: p.name)
def test_figures_do_not_load_tables(path):
    bad = [m for m, _ in imports(path) if m in ("hfs_edu.data", "hfs_edu.tables") or m.startswith("hfs_edu.data.")]
    assert not bad, f"{path.name} loads data ({bad}); take the DataFrame as a parameter (see hfs_edu.course_figures)"


@pytest.mark.parametrize("path", _files("figures"), ids=lambda p: p.name)
def test_figures_take_model_results_instead_of_running_models(path):
    bad = []
    for module, name in imports(path):
        if not module.startswith("hfs_edu.models"):
            continue
        if name is None:
            bad.append(f"the module {module}")
            continue
        obj = getattr(importlib.import_module(module), name)
        if not (name.isupper() or inspect.isclass(obj)):
            bad.append(f"{module}.{name}")
    assert not bad, (
        f"{path.name} imports model code {bad}: run the model outside the figure and pass the "
        "result (figures may import constants and result types only)"
    )


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_no_private_names_are_imported_across_modules(path):
    bad = [
        f"{m}.{n}"
        for m, n in imports(path)
        if m.startswith("hfs_edu") and (n and n.startswith("_") and not n.startswith("__"))
    ]
    bad += [
        m
        for m, n in imports(path)
        if m.startswith("hfs_edu")
        and n is None
        and any(part.startswith("_") for part in m.split("."))
        and m not in SHARED_PRIVATE_MODULES
    ]
    bad += [
        m
        for m, n in imports(path)
        if m.startswith("hfs_edu")
        and n is not None
        and any(part.startswith("_") and not part.startswith("__") for part in m.split("."))
        and m not in SHARED_PRIVATE_MODULES
    ]
    assert not bad, f"{path.relative_to(ROOT)} imports private names {bad}; make them public or move the code"


def _private_uses(path: Path) -> list[str]:
    """``alias._name`` where ``alias`` is another hfs_edu module imported into ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            for a in node.names:
                mod = [m for m, n in imports(path) if n is None and m.endswith("." + a.name)]
                if mod:
                    aliases[a.asname or a.name] = mod[0]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("hfs_edu"):
                    aliases[a.asname or a.name.split(".")[0]] = a.name
    return [
        f"{aliases[n.value.id]}.{n.attr}"
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute)
        and isinstance(n.value, ast.Name)
        and n.value.id in aliases
        and n.attr.startswith("_")
        and not n.attr.startswith("__")
    ]


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_no_private_names_are_used_across_modules(path):
    bad = sorted(set(_private_uses(path)))
    assert not bad, f"{path.relative_to(ROOT)} reaches into private names {bad}"
