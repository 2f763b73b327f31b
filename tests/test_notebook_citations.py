"""Every citation in a notebook resolves, with the right tier; numbers in prose carry citations."""

import re

import pytest

from hfs_edu.citations import find_citations, tier_of
from notebook_utils import NOTEBOOKS, ids, read

PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_citation_keys_resolve_with_their_tier(path):
    nb = read(path)
    found = 0
    for c in nb.cells:
        if "generated-references" in c.metadata.get("tags", []):
            continue
        for key, tier in find_citations(c.source):
            found += 1
            actual = tier_of(key)  # raises ValueError naming the key if it does not resolve
            if c.cell_type == "markdown":
                assert tier is not None, f"{path.name}: [{key}] in prose must carry its tier, e.g. [{key}:{actual}]"
            if tier is not None:
                assert tier == actual, f"{path.name}: [{key}:{tier}] but the bibliography says tier {actual}"
    assert found, f"{path.name} cites nothing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_percentages_in_prose_are_cited(path):
    nb = read(path)
    for c in nb.cells:
        if c.cell_type != "markdown" or any(t.startswith("generated-") for t in c.metadata.get("tags", [])):
            continue
        for para in re.split(r"\n\s*\n|\n(?=\|)|\n(?=- )", c.source):
            if PERCENT.search(para):
                assert find_citations(para), f"{path.name}: a percentage without a citation: {para[:160]!r}"
