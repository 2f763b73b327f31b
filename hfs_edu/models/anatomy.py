"""Facial-nerve anatomy as data: segments, branches, the muscles they serve, sourced facts.

Everything here is read from three sourced tables in ``data/`` (see
``data/PROVENANCE_anatomy.md``):

* ``facial_nerve_segments`` — the nerve from the pontine nucleus to the parotid,
  with the range of typical segment lengths reported by the sources;
* ``facial_nerve_branches`` — one row per (branch, muscle) pair;
* ``facial_nerve_facts`` — scalar facts (fibre counts, root-exit-zone length,
  conduction velocity …), one row per fact per source.

Pure functions only (pandas, no plotting). Names are matched case-insensitively
and returned in their canonical spelling.

Examples
--------
>>> from hfs_edu.models import anatomy
>>> anatomy.muscles_of("marginal mandibular")          # doctest: +SKIP
['orbicularis oris', 'depressor anguli oris', 'depressor labii inferioris', 'mentalis']
>>> anatomy.branches_of("orbicularis oculi")           # doctest: +SKIP
['temporal', 'zygomatic']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from .._params import choice, flag, number, validated
from ..data import data_dir, load_table, table_info

__all__ = [
    "BRANCH",
    "MUSCLE",
    "NON_TERMINAL_BRANCHES",
    "OPTIONAL_BRANCH",
    "OPTIONAL_MUSCLE",
    "TERMINAL_BRANCHES",
    "Innervation",
    "Muscle",
    "branches",
    "branches_of",
    "conduction_time_ms",
    "cross_talk_muscles",
    "fact_range",
    "facts",
    "innervation",
    "muscle_info",
    "muscles",
    "muscles_of",
    "nerve_path_length_mm",
    "segment_length_mm",
    "segment_names",
    "segments",
    "source_keys",
]

#: The five terminal branches of the parotid plexus, from forehead to neck.
TERMINAL_BRANCHES = ("temporal", "zygomatic", "buccal", "marginal mandibular", "cervical")
#: Motor branches given off before the parotid plexus that the table includes.
NON_TERMINAL_BRANCHES = ("nerve to stapedius", "digastric branch")
#: Muscles listed from the top of the head to the neck (drawing and reading order).
_MUSCLE_ORDER = (
    "frontalis",
    "corrugator supercilii",
    "orbicularis oculi",
    "zygomaticus minor",
    "zygomaticus major",
    "levator labii superioris",
    "buccinator",
    "risorius",
    "orbicularis oris",
    "depressor anguli oris",
    "depressor labii inferioris",
    "mentalis",
    "platysma",
    "stapedius",
    "posterior belly of digastric",
    "stylohyoid",
)

_BRANCH_TABLE = "facial_nerve_branches"
_SEGMENT_TABLE = "facial_nerve_segments"
_FACT_TABLE = "facial_nerve_facts"


@dataclass(frozen=True)
class Muscle:
    """One muscle and its innervation.

    Attributes
    ----------
    name : str
        Muscle name as in the table.
    action : str
        What the muscle does.
    face_region : str
        ``"upper"`` (forehead and eye), ``"lower"`` (cheek, mouth, chin, neck) or
        ``"other"`` (not a muscle of facial expression).
    branches : tuple of str
        The branch or branches that supply it (two for shared muscles).
    source_keys : tuple of str
        Bibliography keys for the innervation and action.
    """

    name: str
    action: str
    face_region: str
    branches: tuple[str, ...]
    source_keys: tuple[str, ...]


@dataclass(frozen=True)
class Innervation:
    """Who serves whom, read once from the branch table (what the face figures draw).

    Attributes
    ----------
    muscles : tuple of str
        Every muscle, from the forehead down.
    by_branch : dict
        Branch -> the muscles it supplies (forehead down).
    records : dict
        Muscle name -> :class:`Muscle`.
    """

    muscles: tuple[str, ...]
    by_branch: dict[str, tuple[str, ...]]
    records: dict[str, Muscle]

    def branches(self, terminal_only: bool = False) -> list[str]:
        names = TERMINAL_BRANCHES if terminal_only else TERMINAL_BRANCHES + NON_TERMINAL_BRANCHES
        return [b for b in names if b in self.by_branch]


def _split_keys(text: object) -> list[str]:
    return [k.strip() for k in str(text).split(";") if k.strip()]


def innervation() -> Innervation:
    """Return the :class:`Innervation` read from table ``facial_nerve_branches``.

    Built once per version of the table file (its path, modification time and size), because the
    branch and muscle declarations ask for their options on every call: rebuilding it each time
    cost a face-map view about 25 ms per control move.
    """
    path = data_dir() / table_info(_BRANCH_TABLE)["file"]
    try:
        stat = path.stat()
        version = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (str(path), -1, -1)  # load_table reports the missing file and how to restore it
    return _innervation_of(version)


@lru_cache(maxsize=4)
def _innervation_of(version: tuple) -> Innervation:
    df = load_table(_BRANCH_TABLE)
    by_branch: dict[str, list[str]] = {}
    rows: dict[str, dict] = {}
    for r in df.itertuples(index=False):
        branch, muscle = str(r.branch), str(r.muscle)
        by_branch.setdefault(branch, []).append(muscle)
        info = rows.setdefault(
            muscle, {"action": str(r.action), "face_region": str(r.face_region), "branches": [], "keys": []}
        )
        info["branches"].append(branch)
        for k in _split_keys(r.source_key):
            if k not in info["keys"]:
                info["keys"].append(k)
    order = {m: i for i, m in enumerate(_MUSCLE_ORDER)}
    ordered = tuple(sorted(rows, key=lambda m: (order.get(m, len(order)), m)))
    branch_rank = {b: i for i, b in enumerate(TERMINAL_BRANCHES + NON_TERMINAL_BRANCHES)}
    records = {
        m: Muscle(
            m,
            rows[m]["action"],
            rows[m]["face_region"],
            tuple(sorted(rows[m]["branches"], key=lambda b: branch_rank.get(b, 99))),
            tuple(rows[m]["keys"]),
        )
        for m in ordered
    }
    by_branch_sorted = {b: tuple(sorted(ms, key=ordered.index)) for b, ms in by_branch.items()}
    # read-only views: the record is shared by every caller
    return Innervation(ordered, MappingProxyType(by_branch_sorted), MappingProxyType(records))


def _all_branches() -> list[str]:
    return innervation().branches()


def _all_muscles() -> list[str]:
    return list(innervation().muscles)


BRANCH = choice(_all_branches, doc="A branch name (see :func:`branches`), matched ignoring case.")
MUSCLE = choice(_all_muscles, doc="A muscle name from :func:`muscles`, e.g. 'orbicularis oculi'.")
OPTIONAL_BRANCH = choice(_all_branches, optional=True, doc="A branch to highlight (see :func:`branches`), or None.")
OPTIONAL_MUSCLE = choice(_all_muscles, optional=True, doc="A muscle to highlight (see :func:`muscles`), or None.")


@validated(
    terminal_only=flag(
        doc="Only the five terminal branches of the parotid plexus (temporal, zygomatic, "
        "buccal, marginal mandibular, cervical); if False, also the nerve to "
        "stapedius and the digastric branch."
    )
)
def branches(terminal_only: bool = True) -> list[str]:
    """Return the branch names, from the forehead down.

    {parameters}
    """
    return innervation().branches(terminal_only)


@validated(
    terminal_only=flag(doc="Only muscles served by a terminal branch (the muscles of facial expression)."),
    face_region=choice(
        ("upper", "lower", "other"), optional=True, doc="Keep only muscles of that region (None = all)."
    ),
)
def muscles(terminal_only: bool = False, face_region: str | None = None) -> list[str]:
    """Return the muscles in the table, from the forehead down.

    {parameters}
    """
    inn = innervation()
    out = []
    for m in inn.muscles:
        info = inn.records[m]
        if terminal_only and not any(b in TERMINAL_BRANCHES for b in info.branches):
            continue
        if face_region is not None and info.face_region != face_region:
            continue
        out.append(m)
    return out


@validated(branch=BRANCH)
def muscles_of(branch: str) -> list[str]:
    """Return the muscles a branch supplies, from the forehead down.

    {parameters}
    """
    return list(innervation().by_branch[branch])


@validated(muscle=MUSCLE)
def branches_of(muscle: str) -> list[str]:
    """Return the branch or branches that supply ``muscle`` (two for shared muscles).

    {parameters}
    """
    return list(innervation().records[muscle].branches)


@validated(muscle=MUSCLE)
def muscle_info(muscle: str) -> Muscle:
    """Return the :class:`Muscle` record (action, region, branches, sources) of ``muscle``.

    {parameters}
    """
    return innervation().records[muscle]


@validated(stimulated_branch=BRANCH, linked_branch=BRANCH)
def cross_talk_muscles(stimulated_branch: str, linked_branch: str) -> dict[str, list[str]]:
    """Predict which muscles contract when one branch fires and cross-talk links it to another.

    In HFS, fibres of different branches touch at the compressed root exit zone,
    where an impulse in one fibre can excite its neighbour. Stimulating
    ``stimulated_branch`` then makes its own muscles contract directly, and the
    muscles of ``linked_branch`` contract via the cross-talk (this is the
    lateral spread response).

    {parameters}

    Returns
    -------
    dict
        ``{"direct": [...], "via_cross_talk": [...]}``; muscles served by both
        branches are counted as direct only. The two branches must differ.
    """
    if stimulated_branch == linked_branch:
        raise ValueError(f"linked_branch={linked_branch!r} must differ from stimulated_branch={stimulated_branch!r}")
    inn = innervation()
    direct = list(inn.by_branch[stimulated_branch])
    extra = [m for m in inn.by_branch[linked_branch] if m not in direct]
    return {"direct": direct, "via_cross_talk": extra}


# -- segments and path lengths -------------------------------------------------------


def segments() -> pd.DataFrame:
    """Return the segment table (a copy), ordered from the nucleus to the face.

    Columns: segment, order, region, location, length_mm_low, length_mm_high,
    in_path, key_structures, hfs_relevance, source_key. ``df.attrs`` carries the
    sources and units.
    """
    df = load_table(_SEGMENT_TABLE)
    return df.sort_values("order", kind="stable").reset_index(drop=True)


def segment_names() -> list[str]:
    """Return the segment machine names, from the nucleus to the face."""
    return [str(s) for s in segments()["segment"]]


def _segment_names() -> list[str]:
    return segment_names()


SEGMENT = choice(_segment_names, doc="A segment name from :func:`segment_names`.")


def _measured_segments() -> list[str]:
    return [str(s) for s in segments().dropna(subset=["length_mm_low", "length_mm_high"])["segment"]]


@validated(
    segment=choice(
        _measured_segments,
        doc="A segment with a sourced length, e.g. 'cisternal' (the intrapontine course from the nucleus has none).",
    )
)
def segment_length_mm(segment: str) -> tuple[float, float]:
    """Return the ``(low, high)`` typical length of one segment in mm (ValueError if it has no sourced length).

    {parameters}
    """
    df = segments()
    row = df.loc[df["segment"] == segment].iloc[0]
    return float(row["length_mm_low"]), float(row["length_mm_high"])


@validated(from_segment=SEGMENT, to_segment=SEGMENT)
def nerve_path_length_mm(from_segment: str = "cisternal", to_segment: str = "extratemporal") -> tuple[float, float]:
    """Return the ``(low, high)`` length in mm of the nerve between two segments (inclusive).

    Only segments that lie one after another along the nerve are added (the
    root exit zone lies inside the cisternal segment and the nucleus has no
    length, so neither is added). The range comes from the shortest and longest
    typical lengths the sources report for each segment.

    {parameters}

    ``from_segment`` must not lie after ``to_segment``.

    Examples
    --------
    >>> nerve_path_length_mm("cisternal", "mastoid")   # brainstem to stylomastoid foramen  # doctest: +SKIP
    (43.41, 66.33)
    """
    df = segments()
    names = [str(s) for s in df["segment"]]
    a, b = from_segment, to_segment
    ia, ib = names.index(a), names.index(b)
    if ia > ib:
        raise ValueError(
            f"from_segment={from_segment!r} lies after to_segment={to_segment!r}; allowed order: {', '.join(names)}"
        )
    part = df.iloc[ia : ib + 1]
    part = part[part["in_path"].fillna(False).astype(bool)]
    if part.empty:
        return 0.0, 0.0
    if part[["length_mm_low", "length_mm_high"]].isna().any().any():
        missing = list(part.loc[part["length_mm_low"].isna(), "segment"])
        raise ValueError(f"no sourced length for segment(s) {missing}")
    return round(float(part["length_mm_low"].sum()), 2), round(float(part["length_mm_high"].sum()), 2)


# -- scalar facts --------------------------------------------------------------------


def _fact_ids() -> list[str]:
    return list(dict.fromkeys(str(x) for x in load_table(_FACT_TABLE)["fact_id"]))


@validated(fact_id=choice(_fact_ids, optional=True, doc="Keep only the rows of this fact (None = all)."))
def facts(fact_id: str | None = None) -> pd.DataFrame:
    """Return the scalar-facts table (a copy), optionally only the rows of one ``fact_id``.

    Each row is one quantity from one source, so disagreeing sources stay side by side.

    {parameters}
    """
    df = load_table(_FACT_TABLE)
    if fact_id is None:
        return df
    return df.loc[df["fact_id"] == fact_id].reset_index(drop=True)


@validated(fact_id=choice(_fact_ids, doc="e.g. 'medial_rez_length', 'cv_intracranial'; see facts()['fact_id']."))
def fact_range(fact_id: str) -> tuple[float, float, list[str]]:
    """Return ``(low, high, source_keys)`` spanning every source's value or range for ``fact_id``.

    {parameters}
    """
    rows = facts(fact_id)
    values = pd.concat([rows["value"], rows["value_low"], rows["value_high"]]).dropna()
    keys = list(dict.fromkeys(str(k) for k in rows["source_key"]))
    return float(values.min()), float(values.max()), keys


@validated(
    length_mm=number(0, 500, unit="mm", doc="Path length."),
    velocity_m_per_s=number(
        0.1,
        150,
        unit="m/s",
        doc="Conduction velocity (from the slowest unmyelinated "
        "fibres, about 0.5 m/s, with margin, to the fastest "
        "human fibres).",
    ),
)
def conduction_time_ms(length_mm: float, velocity_m_per_s: float) -> float:
    """Return the time in ms an impulse needs to travel ``length_mm`` at ``velocity_m_per_s``.

    {parameters}

    Notes
    -----
    mm / (m/s) = ms, so the time is simply ``length_mm / velocity_m_per_s``.
    """
    return length_mm / velocity_m_per_s


def source_keys() -> list[str]:
    """Return every bibliography key used by the three anatomy tables, sorted."""
    keys: set[str] = set()
    for name in (_SEGMENT_TABLE, _BRANCH_TABLE, _FACT_TABLE):
        keys.update(load_table(name).attrs.get("source_keys", []))
    return sorted(keys, key=lambda k: (k.rstrip("0123456789"), int(k[len(k.rstrip("0123456789")) :] or 0)))
