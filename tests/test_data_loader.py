"""The data loader: good files load with provenance; bad files fail with the file name and a fix."""

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from hfs_edu import data
from hfs_edu.data import DataFileError, load_table


def _make_dir(tmp_path: Path, csv_text: str, sha: str | None = None, columns=None) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    (d / "demo.csv").write_text(csv_text, encoding="utf-8")
    cols = columns or {
        "study": {"description": "study", "unit": "", "dtype": "str"},
        "n": {"description": "patients", "unit": "people", "dtype": "int"},
        "success_pct": {"description": "success", "unit": "%", "dtype": "float"},
        "source_key": {"description": "source", "unit": "", "dtype": "str"},
    }
    digest = sha if sha is not None else hashlib.sha256(csv_text.encode()).hexdigest()
    manifest = {
        "version": 1,
        "tables": {
            "demo": {
                "file": "demo.csv",
                "description": "A demo table.",
                "source_keys": ["S13"],
                "sha256": digest,
                "columns": cols,
            }
        },
    }
    (d / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return d


GOOD = "study,n,success_pct,source_key\nMiller,5685,91.1,S13\nSmall,12,,S13\n"


@pytest.fixture
def demo_dir(tmp_path, monkeypatch):
    d = _make_dir(tmp_path, GOOD)
    monkeypatch.setenv("HFS_EDU_DATA_DIR", str(d))
    return d


def test_good_table_loads_with_provenance_and_types(demo_dir):
    df = load_table("demo")
    assert list(df.columns) == ["study", "n", "success_pct", "source_key"]
    assert df.loc[0, "n"] == 5685 and df.loc[0, "success_pct"] == pytest.approx(91.1)
    assert pd.isna(df.loc[1, "success_pct"])  # empty cell is missing, not 0 or ""
    assert df.attrs["source_keys"] == ["S13"]
    assert df.attrs["units"]["success_pct"] == "%"
    assert df.attrs["description"] == "A demo table."


def test_load_returns_a_copy(demo_dir):
    a = load_table("demo")
    a.loc[0, "n"] = 0
    a.attrs["source_keys"].append("X")
    b = load_table("demo")
    assert b.loc[0, "n"] == 5685 and b.attrs["source_keys"] == ["S13"]


def test_name_is_case_insensitive_and_unknown_names_list_the_options(demo_dir):
    assert len(load_table("DEMO")) == 2
    with pytest.raises(ValueError, match=r"name='nope'.*allowed: 'demo'"):
        load_table("nope")
    with pytest.raises(TypeError, match="name"):
        load_table(3)


def test_missing_file_names_the_file_and_the_fix(demo_dir):
    (demo_dir / "demo.csv").unlink()
    with pytest.raises(DataFileError, match=r"data/demo.csv is missing.*git checkout -- data/demo.csv"):
        load_table("demo")


def test_edited_file_fails_the_checksum(demo_dir):
    (demo_dir / "demo.csv").write_text(GOOD.replace("91.1", "99.9"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"data/demo.csv does not match its checksum.*update_manifest"):
        load_table("demo")


def test_wrong_columns_are_reported(tmp_path, monkeypatch):
    bad = "study,patients,success_pct,source_key\nMiller,5685,91.1,S13\n"
    d = _make_dir(tmp_path, bad)
    monkeypatch.setenv("HFS_EDU_DATA_DIR", str(d))
    with pytest.raises(DataFileError, match=r"wrong columns \(missing \['n'\], unexpected \['patients'\]\)"):
        load_table("demo")


def test_non_numeric_value_in_numeric_column_is_reported(tmp_path, monkeypatch):
    bad = "study,n,success_pct,source_key\nMiller,5685,about 91,S13\n"
    d = _make_dir(tmp_path, bad)
    monkeypatch.setenv("HFS_EDU_DATA_DIR", str(d))
    with pytest.raises(DataFileError, match=r"data/demo.csv could not be parsed"):
        load_table("demo")


def test_corrupted_manifest_is_reported(demo_dir):
    (demo_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"manifest.json is not valid JSON"):
        load_table("demo")


def test_missing_data_folder_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("HFS_EDU_DATA_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(DataFileError, match="course data folder not found"):
        load_table("demo")


def test_works_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("HFS_EDU_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data.data_dir().joinpath("manifest.json").is_file()
    for name in data.list_tables():
        assert len(load_table(name)) > 0, name


def test_every_real_table_loads_and_declares_units_and_sources():
    for name in data.list_tables():
        df = load_table(name)
        assert df.attrs["source_keys"], f"{name} lists no sources"
        assert "source_key" in df.columns, f"{name} has no source_key column"
        assert set(df.attrs["units"]) == set(df.columns)


def test_bibliography_keys_unique_and_tiers_valid():
    bib = data.bibliography()
    assert bib.index.is_unique
    assert set(bib["tier"]) <= {"A", "B", "C", "T"}
    assert bib.loc["TC", "tier"] == "T"
