"""Layers: widgets -> figures -> models -> data. Models never plot; figures never build widgets."""
import ast

from notebook_utils import ROOT

PKG = ROOT / "hfs_edu"


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            names.add("." * node.level + mod)
    return names


def _violations(folder, forbidden):
    bad = []
    for path in sorted((PKG / folder).glob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") or name.startswith(f) for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_models_do_not_import_plotting_or_widgets():
    assert not _violations("models", ["matplotlib", "ipywidgets", "IPython", "..figures", "..widgets"])


def test_figures_do_not_import_widgets():
    assert not _violations("figures", ["ipywidgets", "..widgets", "IPython"])


def test_figures_never_use_pyplot():
    offenders = [p.name for p in (PKG / "figures").glob("*.py")
                 if any("pyplot" in name for name in _imports(p))]
    assert not offenders, f"use hfs_edu.figures.style.new_figure instead of pyplot in {offenders}"


def test_modules_stay_readable():
    for path in PKG.rglob("*.py"):
        n = len(path.read_text(encoding="utf-8").splitlines())
        assert n <= 600, f"{path.relative_to(ROOT)} has {n} lines; split it by concept"
