"""Integrity tests for the curated data layer in ``data/``.

They read the files directly (csv + json, no pandas, no hfs_edu code) so they
check the data itself, independently of the loader. Set ``HFS_EDU_DATA_DIR``
to run them against another copy of the data folder.

What is checked:

* the manifest: schema, every table's file exists, its sha256 and its header;
* every table: snake_case columns, a ``source_key`` column whose keys all
  resolve in the bibliography, numbers that parse, percentages in 0-100,
  unit-suffix conventions, derived-value labels;
* the bibliography: exact columns, unique keys, tiers in {A, B, C, T}, TC row;
* table-specific invariants (CI brackets the OR, counts that must add up,
  counts vs percentages) and spot checks of key facts against the fact sheet.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(os.environ.get("HFS_EDU_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")
BIB_COLUMNS = ["key", "authors", "year", "title", "journal", "volume_pages", "pmid", "doi", "url", "tier", "notes"]
DTYPES = {"str", "int", "float", "bool"}
TIERS = {"A", "B", "C", "T"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
KEY = re.compile(r"^(?:S\d+[a-z]?|N\d+[a-z]?|TC)$")

# the tables this data layer owns (other tables in the manifest get the generic checks only)
OWN_TABLES = [
    "epidemiology",
    "cohort_demographics",
    "offending_vessels",
    "hypertension_odds_ratios",
    "mvd_outcomes",
    "mvd_time_to_cure",
    "botulinum_series",
    "lsr_meta_analyses",
    "babinski2",
    "natural_history_untreated",
    "compression_site",
    "aetiology",
    "mvd_complications",
    "botulinum_time_course",
    "mvd_delayed_resolution",
]


# ---------------------------------------------------------------- helpers
def load_manifest() -> dict:
    return json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


MANIFEST = load_manifest()
TABLES = sorted(MANIFEST["tables"])


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    text = path.read_bytes().decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def table(name: str) -> list[dict]:
    return read_rows(DATA / MANIFEST["tables"][name]["file"])[1]


def columns(name: str) -> dict:
    return MANIFEST["tables"][name]["columns"]


def num(value: str) -> float | None:
    return None if value == "" else float(value)


def keys_of(cell: str) -> list[str]:
    return [k.strip() for k in cell.split(";") if k.strip()]


def bibliography() -> dict[str, dict]:
    _, rows = read_rows(DATA / "bibliography.csv")
    return {r["key"]: r for r in rows}


def pct_columns(name: str) -> list[str]:
    return [c for c, spec in columns(name).items() if spec["unit"] == "%"]


def one(rows: list[dict], **match) -> dict:
    found = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, f"expected exactly one row matching {match}, found {len(found)}"
    return found[0]


# ---------------------------------------------------------------- manifest
def test_manifest_schema():
    assert MANIFEST.get("version") == 1
    assert isinstance(MANIFEST.get("tables"), dict) and MANIFEST["tables"]
    for name, entry in MANIFEST["tables"].items():
        assert SNAKE.match(name), f"table name {name!r} is not snake_case"
        for field in ("file", "description", "source_keys", "sha256", "columns"):
            assert field in entry, f"{name}: manifest entry lacks {field!r}"
        assert entry["description"].strip(), f"{name}: empty description"
        assert isinstance(entry["source_keys"], list) and entry["source_keys"], f"{name}: no source_keys"
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]), f"{name}: sha256 is not 64 hex digits"
        for col, spec in entry["columns"].items():
            assert set(spec) >= {"description", "unit", "dtype"}, f"{name}.{col}: needs description, unit, dtype"
            assert spec["dtype"] in DTYPES, f"{name}.{col}: dtype {spec['dtype']!r} not in {sorted(DTYPES)}"
            assert spec["description"].strip(), f"{name}.{col}: empty description"


@pytest.mark.parametrize("name", OWN_TABLES)
def test_own_tables_are_in_manifest(name):
    assert name in MANIFEST["tables"], f"{name} missing from data/manifest.json"
    assert MANIFEST["tables"][name]["file"] == f"{name}.csv"


@pytest.mark.parametrize("name", TABLES)
def test_file_exists_and_sha256_matches(name):
    entry = MANIFEST["tables"][name]
    path = DATA / entry["file"]
    assert path.is_file(), f"data/{entry['file']} is missing"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == entry["sha256"], (
        f"data/{entry['file']} does not match its manifest checksum; run python tools/update_manifest.py"
    )


@pytest.mark.parametrize("name", TABLES)
def test_header_matches_manifest_columns(name):
    header, rows = read_rows(DATA / MANIFEST["tables"][name]["file"])
    assert header == list(columns(name)), f"{name}: header {header} != manifest {list(columns(name))}"
    assert rows, f"{name}: table has no rows"
    for i, row in enumerate(rows, start=2):
        assert None not in row and all(v is not None for v in row.values()), f"{name} line {i}: wrong number of fields"


# ---------------------------------------------------------------- every table
@pytest.mark.parametrize("name", TABLES)
def test_columns_snake_case_with_source_key(name):
    cols = list(columns(name))
    bad = [c for c in cols if not SNAKE.match(c)]
    assert not bad, f"{name}: columns not snake_case: {bad}"
    assert cols.count("source_key") == 1, f"{name}: needs exactly one source_key column"


@pytest.mark.parametrize("name", TABLES)
def test_every_source_key_resolves(name):
    bib = bibliography()
    listed = set(MANIFEST["tables"][name]["source_keys"])
    for i, row in enumerate(table(name), start=2):
        ks = keys_of(row["source_key"])
        assert ks, f"{name} line {i}: empty source_key"
        for k in ks:
            assert KEY.match(k), f"{name} line {i}: malformed key {k!r}"
            assert k in bib, f"{name} line {i}: source_key {k} is not in data/bibliography.csv"
            assert k in listed, f"{name} line {i}: {k} used but not listed in the manifest's source_keys"
    for k in listed:
        assert k in bib, f"{name}: manifest source key {k} is not in data/bibliography.csv"


@pytest.mark.parametrize("name", TABLES)
def test_typed_columns_parse(name):
    for col, spec in columns(name).items():
        for i, row in enumerate(table(name), start=2):
            v = row[col]
            if v == "":
                continue
            where = f"{name}.{col} line {i}: {v!r}"
            if spec["dtype"] == "int":
                assert re.fullmatch(r"-?\d+", v), f"{where} is not an integer"
            elif spec["dtype"] == "float":
                x = float(v)  # raises on text such as '<0.1' or '12.6 wk'
                assert math.isfinite(x), f"{where} is not finite"
            elif spec["dtype"] == "bool":
                assert v.lower() in {"true", "false"}, f"{where} is not true/false"


@pytest.mark.parametrize("name", TABLES)
def test_percentages_between_0_and_100(name):
    for col in pct_columns(name):
        assert columns(name)[col]["dtype"] == "float", f"{name}.{col}: a percentage must be a float column"
        for i, row in enumerate(table(name), start=2):
            if row[col] != "":
                assert 0.0 <= float(row[col]) <= 100.0, f"{name}.{col} line {i}: {row[col]} outside 0-100"


SUFFIX_BY_UNIT = {"%": "pct", "days": "_days", "weeks": "_weeks", "years": "_years", "months": "_months"}


@pytest.mark.parametrize("name", OWN_TABLES)
def test_unit_suffix_conventions(name):
    for col, spec in columns(name).items():
        unit = spec["unit"]
        if unit in SUFFIX_BY_UNIT:
            assert SUFFIX_BY_UNIT[unit] in col, f"{name}.{col}: unit {unit!r} but name lacks {SUFFIX_BY_UNIT[unit]!r}"
        if col.endswith("_pct"):
            assert unit == "%", f"{name}.{col}: a _pct column must have unit '%'"
        if "per_100000" in col:
            assert unit.startswith("per 100,000"), f"{name}.{col}: unit should say per 100,000"
        if spec["dtype"] in {"int", "float"} and col not in {"year"}:
            assert unit, f"{name}.{col}: numeric column without a unit"


@pytest.mark.parametrize("name", OWN_TABLES)
def test_derived_values_are_labelled(name):
    cols = columns(name)
    assert "derived" in cols and "derived_fields" in cols, f"{name}: needs derived and derived_fields columns"
    for i, row in enumerate(table(name), start=2):
        fields = [f for f in row["derived_fields"].split(";") if f]
        assert (row["derived"] == "true") == bool(fields), (
            f"{name} line {i}: derived flag disagrees with derived_fields"
        )
        for f in fields:
            assert f in cols, f"{name} line {i}: derived field {f!r} is not a column"
            assert row[f] != "", f"{name} line {i}: derived field {f!r} is empty"


# ---------------------------------------------------------------- bibliography
def test_bibliography_columns_keys_and_tiers():
    header, rows = read_rows(DATA / "bibliography.csv")
    assert header == BIB_COLUMNS
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate bibliography keys"
    for r in rows:
        assert KEY.match(r["key"]), f"malformed bibliography key {r['key']!r}"
        assert r["tier"] in TIERS, f"{r['key']}: tier {r['tier']!r} not in {sorted(TIERS)}"
        assert r["title"] or r["journal"] or r["url"] or r["doi"], f"{r['key']}: no way to identify the source"
        if r["year"]:
            assert re.fullmatch(r"1[89]\d\d|20\d\d", r["year"]), f"{r['key']}: odd year {r['year']!r}"
        if r["pmid"]:
            assert r["pmid"].isdigit(), f"{r['key']}: pmid must be digits"
        if r["doi"]:
            assert r["doi"].startswith("10."), f"{r['key']}: doi should start with 10."
        if not r["authors"] and r["key"].startswith("S"):
            assert "not shown" in r["notes"] or "not given" in r["notes"], f"{r['key']}: empty authors not explained"


def test_bibliography_covers_fact_sheet_keys():
    bib = bibliography()
    s_keys = [k for k in bib if k.startswith("S")]
    assert len(s_keys) == 174, f"expected the 174 S-keys of the fact sheet, found {len(s_keys)}"
    for k in ["S1", "S13", "S50", "S50a", "S50b", "S105", "S105b", "S108", "S108b", "S173"]:
        assert k in bib, f"{k} missing"
    for k in ["S7", "S112", "S164"]:  # numbers the sheet never used
        assert k not in bib, f"{k} is not in the fact sheet"
    tc = bib["TC"]
    assert tc["tier"] == "T" and tc["authors"] == "hfs-edu team"
    assert tc["title"] == "Teaching calibration: a value chosen to make a model behave realistically; not a measurement"


@pytest.mark.parametrize(
    "key,tier",
    [
        ("S13", "A"),
        ("S44", "A"),
        ("S4", "B"),
        ("S3", "C"),
        ("S18", "C"),
        ("S8", "B"),
        ("S85", "A"),
        ("S50a", "B"),
        ("S108b", "B"),
        ("S119", "A"),
    ],
)
def test_bibliography_tiers_spot_checks(key, tier):
    assert bibliography()[key]["tier"] == tier


# ---------------------------------------------------------------- table invariants
def test_hypertension_ci_brackets_odds_ratio():
    for i, r in enumerate(table("hypertension_odds_ratios"), start=2):
        lo, or_, hi = float(r["ci_low"]), float(r["odds_ratio"]), float(r["ci_high"])
        assert 0 < lo <= or_ <= hi, f"line {i}: {lo} <= {or_} <= {hi} fails"
        if r["p_value"]:
            assert 0 < float(r["p_value"]) <= 1


def test_effect_ci_brackets_effect_in_lsr_table():
    for i, r in enumerate(table("lsr_meta_analyses"), start=2):
        if r["effect_ci_low"]:
            assert float(r["effect_ci_low"]) <= float(r["effect_value"]) <= float(r["effect_ci_high"]), f"line {i}"
        if r["n_studies_significant"]:
            assert int(r["n_studies_significant"]) <= int(r["n_studies_assessed"]), f"line {i}"


def test_time_to_cure_counts_sum_to_175():
    rows = table("mvd_time_to_cure")
    assert sum(int(r["n_patients"]) for r in rows) == 175  # [S150]
    assert {r["source_key"] for r in rows} == {"S150"}
    assert [int(r["n_patients"]) for r in rows] == [62, 28, 38, 25, 17, 5]
    starts = [float(r["interval_start_days"]) for r in rows]
    assert starts == sorted(starts) and starts[0] == 0.0
    for a, b in zip(rows, rows[1:]):
        assert a["interval_end_days"] == b["interval_start_days"], "intervals must be contiguous"
    assert rows[-1]["interval_end_days"] == "" and float(rows[-1]["cumulative_pct"]) == 100.0


def test_natural_history_counts_sum_to_104():
    rows = table("natural_history_untreated")
    assert sum(int(r["n_patients"]) for r in rows) == 104  # [S97]
    assert abs(sum(float(r["pct"]) for r in rows) - 100.0) < 0.15
    for r in rows:
        assert abs(100 * int(r["n_patients"]) / 104 - float(r["pct"])) < 0.06, r["course"]
    assert float(one(rows, course="remission")["pct"]) == 41.3


@pytest.mark.parametrize(
    "name,n_col,denom_col,pct_col",
    [
        ("offending_vessels", "n_with_vessel", "n_patients", "pct"),
        ("compression_site", "n_with_finding", "n_subjects", "pct"),
        ("aetiology", "n_patients", "n_total", "pct"),
        ("cohort_demographics", "n_female", "n_patients", "female_pct"),
        ("cohort_demographics", "n_left", "n_patients", "left_pct"),
        ("cohort_demographics", "n_bilateral", "n_patients", "bilateral_pct"),
        ("babinski2", "n_positive", "n_hfs", "prevalence_in_hfs_pct"),
        ("natural_history_untreated", "n_patients", None, "pct"),
    ],
)
def test_counts_agree_with_percentages(name, n_col, denom_col, pct_col):
    """Where a row gives a count, its denominator and a percentage, they must agree (to source rounding)."""
    for i, r in enumerate(table(name), start=2):
        denom = 104 if denom_col is None else (int(r[denom_col]) if r[denom_col] else None)
        if r[n_col] == "" or denom is None or r[pct_col] == "":
            continue
        n = int(r[n_col])
        assert 0 <= n <= denom, f"{name} line {i}: {n_col}={n} > {denom}"
        assert abs(100 * n / denom - float(r[pct_col])) < 1.0, (
            f"{name} line {i}: {n}/{denom} = {100 * n / denom:.1f}% but {pct_col}={r[pct_col]}"
        )


def test_complication_counts_agree_with_percentages():
    for i, r in enumerate(table("mvd_complications"), start=2):
        if r["n_events"] == "" or r["denominator"] not in {"patients", "operations"}:
            continue
        denom = int(r["n_patients"] or 0) if r["denominator"] == "patients" else int(r["n_operations"] or 0)
        if not denom:
            continue
        shares = [float(r[c]) for c in ("any_pct", "transient_pct", "permanent_pct") if r[c]]
        assert shares, f"line {i}: count without a percentage"
        assert any(abs(100 * int(r["n_events"]) / denom - s) < 0.6 for s in shares), f"line {i}"


def test_complications_transient_and_permanent_are_consistent():
    for i, r in enumerate(table("mvd_complications"), start=2):
        if r["any_pct"] and r["permanent_pct"]:
            assert float(r["permanent_pct"]) <= float(r["any_pct"]), f"line {i}: permanent exceeds any"
        assert r["any_qualifier"] in {"", "<"} and r["permanent_qualifier"] in {"", "<"}


def test_outcome_headline_complications_match_complication_table():
    """The headline permanent rates in mvd_outcomes must equal the detailed table (unless derived by summing)."""
    comps = defaultdict(dict)
    for r in table("mvd_complications"):
        if r["permanent_pct"]:
            comps[r["source_key"]][r["complication"]] = float(r["permanent_pct"])
    checked = 0
    for r in table("mvd_outcomes"):
        derived = r["derived_fields"].split(";")
        for col, kinds in (
            ("hearing_loss_permanent_pct", ("hearing_loss", "deafness")),
            ("facial_weakness_permanent_pct", ("facial_palsy",)),
        ):
            if r[col] and col not in derived and r["source_key"] in comps:
                vals = [comps[r["source_key"]][k] for k in kinds if k in comps[r["source_key"]]]
                assert float(r[col]) in vals, f"{r['study']}: {col}={r[col]} not in mvd_complications {vals}"
                checked += 1
    assert checked >= 10


def test_botulinum_durations_agree_between_tables():
    series = {(r["source_key"], r["subgroup"]): r for r in table("botulinum_series")}
    n = 0
    for r in table("botulinum_time_course"):
        s = series.get((r["source_key"], r["subgroup"]))
        if s and s["duration_weeks"] and r["duration_weeks"] and "comparator" not in r["population"]:
            assert float(s["duration_weeks"]) == float(r["duration_weeks"]), r["study"]
            n += 1
        if r["duration_weeks_low"]:
            assert float(r["duration_weeks_low"]) <= float(r["duration_weeks_high"]), r["study"]
        if r["onset_days_low"]:
            assert float(r["onset_days_low"]) <= float(r["onset_days_high"]), r["study"]
    assert n >= 6


def test_month_and_day_conversions():
    for r in table("botulinum_time_course"):
        rep = r["duration_reported"]
        m = re.fullmatch(r"(?:median )?(\d+(?:\.\d+)?) months", rep)
        if m and r["duration_weeks"]:
            assert abs(float(m.group(1)) * 365.25 / 12 / 7 - float(r["duration_weeks"])) < 0.01, r["study"]
        d = re.fullmatch(r"(\d+(?:\.\d+)?) \+/- (\d+(?:\.\d+)?) days", rep)
        if d:
            assert abs(float(d.group(1)) / 7 - float(r["duration_weeks"])) < 0.01, r["study"]
            assert abs(float(d.group(2)) / 7 - float(r["duration_weeks_sd"])) < 0.01, r["study"]
        assert (r["converted"] == "true") == bool(re.search(r"month|day|half a year", rep)), r["study"]


def test_main_offender_and_site_shares_add_up():
    vessels = [r for r in table("offending_vessels") if r["source_key"] == "S33" and r["basis"] == "main offender"]
    assert abs(sum(float(r["pct"]) for r in vessels) - 100.0) < 0.5
    site = table("compression_site")
    for dim in ("site", "severity"):
        shares = [float(r["pct"]) for r in site if r["source_key"] == "S33" and r["dimension"] == dim]
        assert len(shares) >= 3 and 98.0 <= sum(shares) <= 102.0, dim


# ---------------------------------------------------------------- spot checks of key facts
def test_spot_miller_systematic_review():
    r = one(table("mvd_outcomes"), source_key="S13")
    assert int(r["n_patients"]) == 5685 and float(r["success_pct"]) == 91.1
    assert float(r["recurrence_pct"]) == 2.4
    assert float(r["mortality_pct"]) == 0.1 and r["mortality_qualifier"] == "<"
    c = {x["complication"]: x for x in table("mvd_complications") if x["source_key"] == "S13"}
    assert float(c["facial_palsy"]["transient_pct"]) == 9.5 and float(c["facial_palsy"]["permanent_pct"]) == 0.9
    assert float(c["hearing_loss"]["transient_pct"]) == 3.2 and float(c["hearing_loss"]["permanent_pct"]) == 2.3


def test_spot_defazio_hypertension():
    r = one(table("hypertension_odds_ratios"), source_key="S44", subgroup="all")
    assert (float(r["odds_ratio"]), float(r["ci_low"]), float(r["ci_high"])) == (2.76, 1.43, 5.33)
    assert (int(r["n_cases"]), int(r["n_controls"])) == (114, 228)
    m = one(table("hypertension_odds_ratios"), source_key="S46")
    assert (float(m["odds_ratio"]), float(m["ci_low"]), float(m["ci_high"])) == (1.72, 1.12, 2.31)


def test_spot_other_anchors():
    off = table("offending_vessels")
    assert float(one(off, source_key="S33", vessel="AICA")["pct"]) == 43.0
    assert float(one(off, source_key="S33", vessel="multiple")["pct"]) == 38.0
    assert float(one(table("compression_site"), source_key="S33", category="attached segment")["pct"]) == 64.0
    epi = table("epidemiology")
    assert float(one(epi, source_key="S4", age_group="all")["value_per_100000"]) == 9.8
    assert (
        float(one(epi, source_key="S5", measure="incidence", basis="age-standardized", sex="all")["value_per_100000"])
        == 1.53
    )
    assert float(one(epi, source_key="S5", measure="prevalence", sex="all")["value_per_100000"]) == 10.62
    mvd = table("mvd_outcomes")
    assert float(one(mvd, source_key="S12")["success_pct"]) == 84.0
    assert float(one(mvd, source_key="S135")["success_pct"]) == 94.1
    lsr = one(table("lsr_meta_analyses"), source_key="S63", timepoint="1 year")
    assert (
        float(lsr["hfs_persists_if_lsr_persists_pct"]) == 24.4 and float(lsr["hfs_persists_if_lsr_resolved_pct"]) == 4.0
    )
    assert (float(lsr["specificity_pct"]), float(lsr["sensitivity_pct"])) == (89.0, 40.0)
    bont = one(table("botulinum_series"), source_key="S119")
    assert (
        int(bont["n_patients"]) == 65 and float(bont["duration_weeks"]) == 12.6 and float(bont["response_pct"]) == 95.0
    )
    aet = table("aetiology")
    assert int(one(aet, source_key="S15", category="secondary")["n_patients"]) == 50
    assert int(one(aet, source_key="S15", category="post-paralytic")["n_patients"]) == 48
    b2 = one(table("babinski2"), source_key="S74")
    assert float(b2["prevalence_in_hfs_pct"]) == 86.0 and float(b2["specificity_vs_blepharospasm_pct"]) == 100.0


def test_no_unsupported_draft_values_crept_back():
    """Values in the draft tables that the fact sheet does not support were removed (see data/PROVENANCE.md)."""
    text = "\n".join((DATA / f"{n}.csv").read_text(encoding="utf-8") for n in OWN_TABLES)
    for gone in ["46.02", "54.89", "61.2", "55.9", "84.9", "30.9", "51.13", "94.7", "381", "Shaare", "Melbourne"]:
        assert gone not in text, f"unsupported draft value {gone!r} is back in the tables"
    lsr = [r for r in table("lsr_meta_analyses") if r["source_key"] == "S66" and r["timepoint"] == "long-term"]
    assert lsr and (float(lsr[0]["sensitivity_pct"]), float(lsr[0]["specificity_pct"])) == (90.0, 28.0)  # F33


def test_glossary_anchors_are_unique_and_chapter_links_match_their_case():
    """Neurology review 2, R17: one anchor per term; a chapter link that names a glossary anchor
    uses exactly the glossary's spelling (no `mvd` for `MVD`, no en dash for a hyphen)."""
    import csv
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    with open(root / "data" / "glossary.csv", encoding="utf-8") as fh:
        anchors = [row["anchor"] for row in csv.DictReader(fh)]
    assert len(anchors) == len(set(anchors))
    assert len({a.lower() for a in anchors}) == len(anchors)
    by_lower = {a.lower(): a for a in anchors}
    for chapter in sorted((root / "chapters").glob("0[0-3]_*.py")):
        for link in re.findall(r"glossary\.md#([^)\s]+)\)", chapter.read_text(encoding="utf-8")):
            assert "–" not in link, f"{chapter.name}: en dash in anchor {link!r}"
            if link.lower() in by_lower:
                assert link == by_lower[link.lower()], f"{chapter.name}: {link!r} should be {by_lower[link.lower()]!r}"
