"""Install metadata agrees across pyproject.toml, environment.yml, the lock and the Makefile."""
import re
import tomllib

from notebook_utils import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~ ;\[]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


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


def test_environment_yml_names_the_same_runtime_and_test_packages():
    meta = _pyproject()["project"]
    runtime = {_name(r) for r in meta["dependencies"]}
    test = {_name(r) for r in meta["optional-dependencies"]["test"]}
    conda = _conda_deps()
    assert runtime <= conda, f"environment.yml lacks runtime packages {runtime - conda}"
    assert test <= conda, f"environment.yml lacks test packages {test - conda}"
    assert conda <= runtime | test, f"environment.yml has packages not in pyproject: {conda - runtime - test}"


def test_lock_pins_every_declared_package():
    meta = _pyproject()["project"]
    declared = {_name(r) for r in meta["dependencies"]}
    for extra in meta["optional-dependencies"].values():
        declared |= {_name(r) for r in extra}
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    pinned = {_name(line) for line in lock.splitlines() if "==" in line and not line.startswith("#")}
    assert declared <= pinned, f"lock.txt misses {declared - pinned}: run `make lock`"
    assert all("==" in ln for ln in lock.splitlines() if ln and not ln.startswith((" ", "#"))), "unpinned line"


def test_runtime_dependencies_have_lower_bounds():
    for req in _pyproject()["project"]["dependencies"]:
        assert ">=" in req, f"{req} needs a lower bound"


def test_binder_uses_root_files_only():
    assert not (ROOT / "binder").exists(), "a binder/ folder makes repo2docker ignore the root files"
    post = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "pip install" in post and "-e ." in post


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make lab" in readme
    assert re.search(r"^make test\b", ci, re.MULTILINE)
