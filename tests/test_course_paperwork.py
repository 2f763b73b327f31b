"""The paperwork around the course (issue 11 §5): licence files for the code (MIT) and the course
text (CC BY 4.0) that match pyproject's licence expression, a CITATION.cff at the package version,
the data's terms in the manifest, and the README's section for instructors."""

import json
import re
from pathlib import Path

import tomllib
import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_licence_files_match_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["license"] == "MIT AND CC-BY-4.0"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    cc = (ROOT / "LICENSE-CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in cc and "Section 8" in cc


def test_citation_cff_is_valid_and_current():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["cff-version"] == "1.2.0" and cff["authors"] and cff["title"] and cff["message"]
    assert str(cff["version"]) == meta["version"]
    assert set(cff["license"]) == set(meta["license"].split(" AND "))


def test_manifest_states_the_data_terms():
    terms = json.loads((ROOT / "data" / "manifest.json").read_text(encoding="utf-8"))["terms"]
    assert {"licence", "sources"} <= set(terms) and "bibliography.csv" in terms["sources"]


def test_readme_has_the_instructor_section():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For instructors", 1)[1].split("\n## ", 1)[0]
    for needle in (
        "make student",
        "make slides",
        "make figures",
        "make flashcards",
        "docs/instructors",
        "Binder",
        "Littlest JupyterHub",
        "Zero to JupyterHub",
        "git-pull?repo=",
        "conda",
        "CITATION.cff",
        "LICENSE",
    ):
        assert needle in section, f"README's instructor section does not mention {needle}"
    assert re.search(r"edits when you update", section)
