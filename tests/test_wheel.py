"""``pip install .`` gives a working course package: build the wheel, install it, use everything.

The editable install (``make lab``, ``make test``) reads the checkout, so it cannot notice a
subpackage or a table that the wheel leaves out. This test builds the wheel from a copy of
the tracked files (so a stale ``build/`` folder or an untracked file cannot help), installs
it with ``--no-deps`` into a fresh venv and, from another working directory with no
``PYTHONPATH``, imports every module, loads every table, quiz, the bibliography and the
glossary, and builds every view in the registry.

The fresh venv gets the runtime packages (numpy, pandas, matplotlib, ipywidgets) from the
environment running the tests through a ``.pth`` line naming its site-packages folders: a
path line adds the folder to ``sys.path`` but runs none of the ``.pth`` files in it, so an
editable install of the checkout there stays inactive, and the fresh venv's own
site-packages comes first. ``hfs_edu`` is a regular package, so a module or table missing
from the wheel cannot be found anywhere else; the script also checks that every module and
the data folder it used live inside the fresh venv. Building needs PyPI (pip fetches
setuptools into an isolated build environment); installing needs nothing.

Slow (~20–60 s) and needs PyPI, so it runs only when selected: ``-m wheel`` (``make
test-wheel``, which ``.ci/run`` calls).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.wheel

COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc")

CHECK_SCRIPT = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, traceback
    from pathlib import Path

    venv = Path(sys.argv[1]).resolve()
    expected_modules, expected_data = set(json.loads(sys.argv[2])), set(json.loads(sys.argv[3]))
    import matplotlib
    matplotlib.use("Agg")
    import hfs_edu

    problems, report = [], {}

    def inside(path):
        return Path(path).resolve().is_relative_to(venv)

    def step(what, fn):
        try:
            return fn()
        except Exception as exc:
            problems.append(f"{what}: {type(exc).__name__}: {exc}\\n{traceback.format_exc(limit=-3)}")

    found = {"hfs_edu"}
    for info in pkgutil.walk_packages(hfs_edu.__path__, "hfs_edu.", onerror=lambda name: None):
        found.add(info.name)
        module = step(f"import {info.name}", lambda: importlib.import_module(info.name))
        if module is not None and not inside(module.__file__):
            problems.append(f"{info.name} imported from {module.__file__}, not from the installed wheel")
    if expected_modules - found:
        problems.append(f"modules missing from the wheel: {sorted(expected_modules - found)}")

    from hfs_edu import data
    folder = step("data_dir()", data.data_dir)
    if folder is not None:
        if not inside(folder):
            problems.append(f"data_dir() is {folder}, not the package data inside the installed wheel")
        shipped = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        if expected_data - shipped:
            problems.append(f"data files missing from the wheel: {sorted(expected_data - shipped)}")
        report["tables"] = {name: step(f"load_table({name!r})", lambda: len(data.load_table(name)))
                            for name in step("list_tables()", data.list_tables) or []}
        report["bibliography"] = step("bibliography()", lambda: len(data.bibliography()))
        quiz = next((sys.modules[m] for m in ("hfs_edu.quizzes", "hfs_edu.quiz") if m in sys.modules), None)
        if quiz is None:
            problems.append("no quiz module (hfs_edu.quizzes or hfs_edu.quiz) imported")
        else:
            report["quizzes"] = {ch: step(f"load_quiz({ch!r})", lambda: len(quiz.load_quiz(ch)))
                                 for ch in step("list_quizzes()", quiz.list_quizzes) or []}
        report["glossary"] = {m: step(f"{m}.glossary()", lambda: len(sys.modules[m].glossary()))
                              for m in sorted(found) if callable(getattr(sys.modules.get(m), "glossary", None))}

    registry = step("import hfs_edu.widgets.base", lambda: importlib.import_module("hfs_edu.widgets.base").registry)
    report["views"] = sorted(name for name, cls in sorted((registry or dict)().items())
                             if step(f"build view {name}", cls) is not None)
    report["problems"] = problems
    print(json.dumps(report))
    """
)


@pytest.fixture(scope="module", autouse=True)
def _only_when_selected(request):
    if "wheel" not in (request.config.getoption("markexpr") or "").replace("not wheel", ""):
        pytest.skip("builds and installs the wheel (~1 min, needs PyPI): run with -m wheel (make test-wheel)")


def _tracked_files(root: Path) -> list[str] | None:
    """Tracked and new-but-not-ignored files of the checkout (None outside a git checkout)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return [name for name in out.decode().split("\0") if name and (root / name).is_file()]


def _copy_source(root: Path, dest: Path) -> Path:
    files = _tracked_files(root)
    if files is None:
        shutil.copytree(root, dest, ignore=COPY_IGNORE)
        return dest
    for name in files:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return dest


def _expected_modules(root: Path) -> list[str]:
    names = []
    for path in sorted((root / "hfs_edu").rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _expected_data(root: Path) -> list[str]:
    data = root / "data"
    return sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file())


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HFS_EDU_DATA_DIR", "PYTHONHOME")}
    env["MPLBACKEND"] = "Agg"
    return env


def _site_packages() -> list[str]:
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    return sorted(p for p in paths if Path(p).is_dir())


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(fresh venv, source copy) after building the wheel and installing it with --no-deps."""
    work = tmp_path_factory.mktemp("wheel")
    source = _copy_source(ROOT, work / "src")
    dist = work / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, f"pip wheel failed:\n{build.stdout}\n{build.stderr}"
    wheels = sorted(dist.glob("hfs_edu-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, got {wheels}"

    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    # Install before the runtime packages are visible, with no PYTHONPATH, and ignoring what is
    # installed: an editable install or a checkout's hfs_edu.egg-info must not count as "installed".
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            "-q",
            str(wheels[0]),
        ],
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, f"pip install of the wheel failed:\n{install.stdout}\n{install.stderr}"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert (Path(purelib) / "hfs_edu" / "__init__.py").is_file(), f"the wheel did not install into {purelib}"
    Path(purelib, "_hfs_test_runtime_deps.pth").write_text("\n".join(_site_packages()) + "\n", encoding="utf-8")
    return venv, source


def test_installed_wheel_has_every_module_table_quiz_and_view(installed, tmp_path):
    venv, source = installed
    script = tmp_path / "check_installed.py"
    script.write_text(CHECK_SCRIPT, encoding="utf-8")
    run = subprocess.run(
        [
            str(venv / "bin" / "python"),
            str(script),
            str(venv),
            json.dumps(_expected_modules(source)),
            json.dumps(_expected_data(source)),
        ],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, f"the check script crashed:\n{run.stdout[-3000:]}\n{run.stderr[-6000:]}"
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["problems"] == [], "the installed package fails:\n" + "\n".join(report["problems"])
    assert report["tables"] and all(n > 0 for n in report["tables"].values()), report["tables"]
    assert report["bibliography"] > 0
    assert report["quizzes"] and all(n > 0 for n in report["quizzes"].values()), report["quizzes"]
    assert report["views"], "no view registered: hfs_edu.widgets.* did not import"
    print(
        f"\ninstalled wheel: {len(report['tables'])} tables, bibliography {report['bibliography']} rows, "
        f"quizzes {report['quizzes']}, glossary {report['glossary']}, views {report['views']}"
    )
