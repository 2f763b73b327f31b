"""Citation keys resolve to full references; tiers are reported correctly."""

import pytest

from hfs_edu.citations import cite, find_citations, format_reference, reference_list, tier_of


def test_find_citations_single_and_multiple():
    text = "AICA 43% [S33:A]; onset 44-55 y [S1:B; S11:A]. Model value [TC:T]. Not a cite: [link](x) [1]."
    assert find_citations(text) == [("S33", "A"), ("S1", "B"), ("S11", "A"), ("TC", "T")]


def test_cite_gives_a_full_reference_with_tier():
    ref = cite("S13")
    assert "Miller" in ref and "2012" in ref and "22168965" in ref
    assert "Evidence tier A" in ref
    assert tier_of("S13") == "A"


def test_markdown_reference_is_linked_and_bold():
    ref = format_reference("S13")
    assert ref.startswith("**[S13]**") and "](https://pubmed.ncbi.nlm.nih.gov/22168965/)" in ref
    assert ref.endswith("[A]") and "Evidence tier" not in ref  # tiers are explained once, above the list


def test_reference_list_dedupes_in_first_use_order():
    out = reference_list(["S33", "S13", "S33"])
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("1. **[S33]**") and lines[1].startswith("2. **[S13]**")


@pytest.mark.parametrize("bad, exc", [("S99999", ValueError), ("", ValueError), (13, TypeError)])
def test_unknown_keys_are_clear_errors(bad, exc):
    with pytest.raises(exc, match="key"):
        cite(bad)


def test_reference_list_rejects_a_bare_string():
    with pytest.raises(TypeError, match="keys"):
        reference_list("S13")
