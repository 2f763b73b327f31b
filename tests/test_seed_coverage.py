"""Every fact of the two commissioning documents is mapped to a chapter, and taught there with evidence."""

import csv

import pytest

from hfs_edu.citations import find_citations, tier_of
from notebook_utils import NOTEBOOKS, ROOT, read

ROWS = list(csv.DictReader((ROOT / "docs" / "seed_coverage.csv").open(encoding="utf-8")))
PRESENT = {p.stem[:2]: p for p in NOTEBOOKS}


def test_every_row_is_complete_and_keys_resolve():
    assert len(ROWS) >= 30
    for row in ROWS:
        assert row["fact_paraphrased"] and row["verdict"] and row["chapters"], row["id"]
        for ch in row["chapters"].split(";"):
            assert ch.isdigit() and 0 <= int(ch) <= 9, f"{row['id']}: bad chapter {ch!r}"
        for key in filter(None, row["evidence_keys"].split(";")):
            tier_of(key)
        if row["verdict"] in ("corrected", "debated") or "nuance" in row["verdict"]:
            assert row["course_note"], f"{row['id']}: say what the course teaches instead"


@pytest.mark.parametrize("row", [r for r in ROWS if r["evidence_keys"]], ids=lambda r: r["id"])
def test_present_chapters_teach_the_fact_with_its_evidence(row):
    keys = set(row["evidence_keys"].split(";"))
    for ch in row["chapters"].split(";"):
        if ch not in PRESENT:
            continue  # chapter not written yet
        nb = read(PRESENT[ch])
        cited = {k for c in nb.cells for k, _ in find_citations(c.source)}
        assert keys & cited, (
            f"seed fact {row['id']} ({row['fact_paraphrased']}) is assigned to chapter {ch}, "
            f"but {PRESENT[ch].name} cites none of its evidence keys {sorted(keys)}"
        )
