"""Install metadata agrees across pyproject.toml, environment.yml, the pins, the Makefile and CI.

Also: where the package finds its tables (``hfs_edu.data.data_dir``). That the built wheel
really works is tests/test_wheel.py (``make test-wheel``).
"""

import re
from pathlib import Path

import pytest
import tomllib

from hfs_edu import data
from notebook_utils import ROOT

STUDENT = ROOT / "requirements" / "student.txt"
DEV = ROOT / "requirements" / "dev.txt"
PUBLISH = ROOT / "requirements" / "publish.txt"
TEACH = ROOT / "requirements" / "teach.txt"
#: Extras installed in a venv of their own (jupyter-book 1.x needs markdown-it-py < 4, jupytext 4).
SEPARATE_VENV = {"publish"}
#: Tools that a student's environment must not carry (they come with `make test`).
DEV_ONLY = {"pytest", "nbval", "hypothesis", "jupytext", "ruff", "playwright"}


def _name(req: str) -> str:
    return re.split(r"[<>=!~ ;\[]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _extra(name: str) -> set[str]:
    return {_name(r) for r in _pyproject()["project"]["optional-dependencies"][name]}


def _runtime() -> set[str]:
    return {_name(r) for r in _pyproject()["project"]["dependencies"]}


def _conda_deps():
    deps, in_deps = [], False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^\S", line):
            in_deps = line.startswith("dependencies:")
            continue
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.\-]+)", line)
        if m and in_deps:
            deps.append(m.group(1).lower())
    return set(deps) - {"python", "pip"}


def _pins(path: Path) -> dict[str, set[str]]:
    """Package name -> pinned versions (a universal lock may pin two, split by a marker)."""
    pins: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            assert "==" in line, f"{path.name}: unpinned line {line!r}"
            pins.setdefault(_name(line), set()).add(line.split("==", 1)[1].split(";")[0].strip())
    return pins


def test_environment_yml_is_the_student_set():
    conda, student = _conda_deps(), _runtime() | _extra("lab")
    assert conda == student, (
        f"environment.yml (Binder, conda) must name the runtime + lab packages of pyproject.toml: "
        f"missing {student - conda}, extra {conda - student}"
    )


def test_student_pins_are_lean_and_complete():
    pins = _pins(STUDENT)
    assert _runtime() | _extra("lab") <= set(pins), f"student.txt misses {_runtime() | _extra('lab') - set(pins)}"
    assert not DEV_ONLY & set(pins), f"student.txt carries test tools {DEV_ONLY & set(pins)}: run `make lock`"


def test_dev_pins_every_declared_package_at_the_student_versions():
    meta = _pyproject()["project"]
    extras = {k: v for k, v in meta["optional-dependencies"].items() if k not in SEPARATE_VENV | {"teach"}}
    declared = _runtime() | {_name(r) for extra in extras.values() for r in extra}
    dev, student = _pins(DEV), _pins(STUDENT)
    assert declared <= set(dev), f"dev.txt misses {declared - set(dev)}: run `make lock`"
    assert set(student) <= set(dev), f"dev.txt lacks student packages {set(student) - set(dev)}: run `make lock`"
    moved = {n: (student[n], dev[n]) for n in student if student[n] != dev[n]}
    assert not moved, f"student.txt and dev.txt pin different versions {moved}: run `make lock`"


def test_teach_pins_its_tools_on_top_of_the_dev_set_and_nowhere_else():
    teach, dev, student = _pins(TEACH), _pins(DEV), _pins(STUDENT)
    assert _extra("teach") <= set(teach), f"teach.txt misses {_extra('teach') - set(teach)}: `make lock`"
    assert set(dev) <= set(teach), f"teach.txt lacks dev packages {set(dev) - set(teach)}: run `make lock`"
    moved = {n: (dev[n], teach[n]) for n in dev if dev[n] != teach[n]}
    assert not moved, f"dev.txt and teach.txt pin different versions {moved}: run `make lock`"
    assert not _extra("teach") & (set(student) | set(dev)), "teaching tools leak into the student or dev set"
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^TEACH_REQS := requirements/teach\.txt$", make, re.MULTILINE)
    assert re.search(r"^flashcards: \$\(TEACH_STAMP\)", make, re.MULTILINE), "make flashcards installs teach.txt"


def test_test_extra_has_what_the_tests_and_tools_import():
    assert {"pytest", "nbval", "nbconvert", "hypothesis", "jupytext", "ruff"} <= _extra("test")
    assert "playwright" in _extra("browser") and "jupyterlab" in _extra("lab")
    assert "jupyterlab" not in _runtime(), "JupyterLab is the application, not a library dependency (lab extra)"


def test_dependencies_have_lower_bounds():
    meta = _pyproject()["project"]
    for req in [*meta["dependencies"], *(r for extra in meta["optional-dependencies"].values() for r in extra)]:
        assert ">=" in req, f"{req} needs a lower bound"


def test_makefile_installs_the_student_set_for_lab_and_the_dev_set_for_tests():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lab: \$\(STAMP\)$", make, re.MULTILINE), "make lab must need only the student install"
    assert re.search(r"^STUDENT_REQS := requirements/student\.txt$", make, re.MULTILINE)
    assert re.search(r"^DEV_REQS := requirements/dev\.txt$", make, re.MULTILINE)
    for target in ("test", "test-browser", "test-wheel", "lint", "check-determinism", "notebooks"):
        assert re.search(rf"^{target}: \$\(DEV_STAMP\)$", make, re.MULTILINE), f"make {target} needs the dev set"


def test_binder_uses_root_files_only():
    assert not (ROOT / "binder").exists(), "a binder/ folder makes repo2docker ignore the root files"
    post = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert re.search(r"pip install --no-deps (-e )?\.$", post, re.MULTILINE)


def test_ci_runs_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", readme, re.MULTILINE) and re.search(r"^make lab\b", readme, re.MULTILINE)
    for command in ("make test", "make check-determinism", "make test-wheel", "make lint", "make test-browser"):
        assert re.search(rf"{command}$", ci, re.MULTILINE), f".ci/run does not run `{command}`"


# -- where the tables are found ------------------------------------------------------------------


def test_data_dir_prefers_the_override(tmp_path, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    assert data.data_dir() == tmp_path
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(data.DataFileError, match=r"nowhere.*HFS_EDU_DATA_DIR"):
        data.data_dir()


def test_data_dir_prefers_installed_package_data_over_the_checkout(tmp_path, monkeypatch):
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    installed = tmp_path / "hfs_edu" / data.DATA_PACKAGE_DIR
    monkeypatch.setattr(data.resources, "files", lambda package: tmp_path / package)
    assert data.data_dir() == ROOT / "data", "without package data, the checkout's data/ is used"
    installed.mkdir(parents=True)
    assert data.data_dir() == ROOT / "data", "a package data folder without manifest.json is not used"
    (installed / data.MANIFEST_FILE).write_text("{}", encoding="utf-8")
    assert data.data_dir() == installed


def test_quizzes_are_found_through_the_same_data_dir(tmp_path, monkeypatch):
    import importlib

    quiz = next(importlib.import_module(m) for m in ("hfs_edu.quizzes", "hfs_edu.quiz") if _importable(m))
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "99_demo.json").write_text("[]", encoding="utf-8")
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    assert quiz.list_quizzes() == ["99_demo"]


def _importable(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def test_wheel_layout_maps_data_into_the_package():
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert 'package_dir={"hfs_edu._data": "data"}' in setup
    assert f'"hfs_edu.{data.DATA_PACKAGE_DIR}"' in setup
    suffixes = {p.suffix for p in (ROOT / "data").rglob("*") if p.is_file()}
    globs = set(re.findall(r'"\*(\.\w+)"', setup))
    assert suffixes <= globs, f"data/ has {suffixes - globs} files that setup.py does not ship"
    assert {p.name for p in (ROOT / "data").iterdir() if p.is_dir()} == {"quizzes"}, (
        "a new folder in data/ must be added to setup.py's packages (hfs_edu._data.<folder>)"
    )


def test_publish_pins_are_their_own_venv_at_the_student_versions():
    """`make book`/`make handouts` install requirements/publish.txt into .venv-publish, never into .venv."""
    pins, student = _pins(PUBLISH), _pins(STUDENT)
    assert _runtime() | _extra("publish") <= set(pins), (
        f"publish.txt misses {_runtime() | _extra('publish') - set(pins)}"
    )
    assert "jupyter-book" not in student and "jupyter-book" not in _pins(DEV)
    moved = {n: (student[n], pins[n]) for n in set(student) & set(pins) if student[n] != pins[n]}
    assert not moved, f"publish.txt and student.txt pin different versions {moved}: run `make lock`"
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^PUB_REQS := requirements/publish\.txt$", make, re.MULTILINE)
    for target in ("book", "handouts"):
        assert re.search(rf"^{target}: \$\(PUB_STAMP\)", make, re.MULTILINE), f"make {target} needs the publish venv"
