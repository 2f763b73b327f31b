"""Citation keys → full references.

The course cites sources with short keys in square brackets, followed by the
evidence tier: ``[S33:A]``, or several at once: ``[S11:A; S12:A]``. Keys
resolve in ``data/bibliography.csv``.

Evidence tiers
--------------
A  primary study, systematic review or meta-analysis (abstract or key text read)
B  narrative review, guideline, book chapter or conference abstract
C  tertiary or secondary web page (encyclopaedia mirrors, patient pages)
T  teaching calibration: a value chosen for a model, not a measurement
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._validate import check_bool, check_str
from .data import bibliography

__all__ = [
    "TIERS",
    "CITATION_RE",
    "find_citations",
    "cite",
    "tier_of",
    "reference_list",
    "format_reference",
    "reference_section",
    "link_of",
    "TIER_LEGEND",
]

TIERS = {
    "A": "primary study, systematic review or meta-analysis",
    "B": "narrative review, guideline, book chapter or conference abstract",
    "C": "tertiary or secondary web page",
    "T": "teaching calibration (synthetic value chosen for a model, not a measurement)",
}

#: One bracketed group: ``[S33:A]`` or ``[S11:A; S12:A]`` (tier optional in data files).
_ONE = r"(?:S|N)\d+[a-z]?(?::[ABCT])?|TC(?::T)?"
CITATION_RE = re.compile(rf"\[((?:{_ONE})(?:\s*;\s*(?:{_ONE}))*)\]")


def find_citations(text: str) -> list[tuple[str, str | None]]:
    """Return ``(key, tier or None)`` for every citation in ``text``, in order.

    Parameters
    ----------
    text : str
        Markdown or plain text, e.g. ``"AICA in 43% [S33:A]"``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    found = []
    for group in CITATION_RE.finditer(text):
        for part in group.group(1).split(";"):
            key, _, tier = part.strip().partition(":")
            found.append((key, tier or None))
    return found


def _row(key: str):
    check_str("key", key)
    bib = bibliography()
    if key not in bib.index:
        raise ValueError(
            f"key={key!r} is not in data/bibliography.csv; allowed: one of its {len(bib)} keys, e.g. 'S13'"
        )
    return bib.loc[key]


def tier_of(key: str) -> str:
    """Return the evidence tier (``"A"``, ``"B"``, ``"C"`` or ``"T"``) of citation ``key``."""
    return str(_row(key)["tier"])


PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
DOI_URL = "https://doi.org/{doi}"
#: Said once above a reference list; each item then carries only its badge, e.g. "[A]".
TIER_LEGEND = (
    "Each reference ends with its evidence tier: **[A]** primary study, systematic review or "
    "meta-analysis; **[B]** review, guideline, book chapter or conference abstract; **[C]** web page "
    "that quotes others; **[T]** teaching calibration (a value chosen for a model, not a measurement)."
)


def link_of(key: str) -> tuple[str, str] | None:
    """Return ``(label, url)`` of the best link for ``key``, or None if it has none.

    PubMed (``https://pubmed.ncbi.nlm.nih.gov/PMID/``) where a PMID is on file, else
    ``https://doi.org/DOI`` where a DOI is, else the stored URL (labelled by its host, so
    a long address never overflows the page).
    """
    row = _row(key)
    pmid, doi, url = (_val(row, c) for c in ("pmid", "doi", "url"))
    if pmid:
        return f"PubMed {pmid}", PUBMED_URL.format(pmid=pmid)
    if doi:
        return f"doi:{doi}", DOI_URL.format(doi=doi)
    if url:
        url = url.split()[0]
        host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
        return host or url, url
    return None


def _val(row, col: str) -> str:
    v = row[col]
    return "" if v is None or isinstance(v, float) or str(v) in ("", "<NA>", "nan") else str(v).strip()


def format_reference(key: str, *, markdown: bool = True) -> str:
    """Return the full reference for ``key``.

    Markdown (for the generated References cell): ``**[S13]** Miller LE, Miller VM (2012).
    Title. *Journal* vol. [PubMed 22168965](https://pubmed.ncbi.nlm.nih.gov/22168965/) [A]``:
    one link (see :func:`link_of`) and a tier badge; the tiers are explained once, above
    the list (:data:`TIER_LEGEND`). Plain text (``markdown=False``, :func:`cite`) spells out
    the PMID, DOI and URL and ends with the tier in words.

    Parameters
    ----------
    key : str
        A bibliography key such as ``"S13"``.
    markdown : bool, default True
        Markdown with a link and a tier badge; plain text otherwise.
    """
    check_bool("markdown", markdown)
    row = _row(key)
    authors = _val(row, "authors") or "Authors not shown"
    year = _val(row, "year")
    parts = [f"{authors} ({year})." if year else f"{authors}."]
    if _val(row, "title"):
        parts.append(f"{_val(row, 'title').rstrip('.')}.")
    journal = _val(row, "journal")
    if journal:
        vp = _val(row, "volume_pages")
        jtext = f"*{journal}*" if markdown else journal
        parts.append(f"{jtext} {vp}." if vp else f"{jtext}.")
    tier = _val(row, "tier")
    if markdown:
        link = link_of(key)
        if link:
            parts.append(f"[{link[0]}]({link[1]})")
        parts.append(f"[{tier}]")
        return f"**[{key}]** " + " ".join(parts)
    ids = []
    if _val(row, "pmid"):
        ids.append(f"PMID {_val(row, 'pmid')}")
    if _val(row, "doi"):
        ids.append(f"doi:{_val(row, 'doi')}")
    if ids:
        parts.append("; ".join(ids) + ".")
    if _val(row, "url"):
        parts.append(_val(row, "url").split()[0])
    parts.append(f"Evidence tier {tier} ({TIERS.get(tier, '?')}).")
    return f"[{key}] " + " ".join(parts)


def cite(key: str) -> str:
    """Return the plain-text full reference for ``key`` (see :func:`format_reference`)."""
    return format_reference(key, markdown=False)


def reference_list(keys: Iterable[str], *, markdown: bool = True) -> str:
    """Return a numbered reference list for ``keys`` (duplicates removed, first-use order).

    Parameters
    ----------
    keys : iterable of str
        Citation keys, e.g. those found in a chapter by :func:`find_citations`.
    markdown : bool, default True
        Markdown list (for notebooks) or plain text.
    """
    check_bool("markdown", markdown)
    if isinstance(keys, str) or not hasattr(keys, "__iter__"):
        raise TypeError(
            f"keys must be an iterable of key strings such as ['S13'], got {type(keys).__name__} {keys!r:.40}"
        )
    seen: list[str] = []
    for k in keys:
        if not isinstance(k, str) or not k.strip():
            raise TypeError(f"keys must contain only non-empty key strings, got {k!r:.40} in keys")
        if k not in seen:
            seen.append(k)
    lines = [f"{i}. {format_reference(k, markdown=markdown)}" for i, k in enumerate(seen, 1)]
    return "\n".join(lines)


def reference_section(keys: Iterable[str]) -> str:
    """Return the generated References cell: heading, the tier legend once, the numbered list.

    Parameters
    ----------
    keys : iterable of str
        The chapter's citation keys in first-use order (empty: "cites no sources").
    """
    if isinstance(keys, str) or not hasattr(keys, "__iter__"):
        raise TypeError(
            f"keys must be an iterable of key strings such as ['S13'], got {type(keys).__name__} {keys!r:.40}"
        )
    keys = list(keys)
    body = f"{TIER_LEGEND}\n\n{reference_list(keys)}" if keys else "_This chapter cites no sources._"
    return f"## References\n\n{body}"
