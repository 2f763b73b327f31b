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

import pandas as pd

from .._validate import check_str, check_bool, check_choice, check_number
from ..data import load_table, table_info

__all__ = [
    "TERMINAL_BRANCHES",
    "NON_TERMINAL_BRANCHES",
    "SEGMENT_ORDER",
    "Muscle",
    "branches",
    "muscles",
    "muscles_of",
    "branches_of",
    "muscle_info",
    "cross_talk_muscles",
    "segments",
    "segment_names",
    "segment_length_mm",
    "nerve_path_length_mm",
    "facts",
    "fact_range",
    "conduction_time_ms",
    "source_keys",
]

#: The five terminal branches of the parotid plexus, from forehead to neck.
TERMINAL_BRANCHES = ("temporal", "zygomatic", "buccal", "marginal mandibular", "cervical")
#: Motor branches given off before the parotid plexus that the table includes.
NON_TERMINAL_BRANCHES = ("nerve to stapedius", "digastric branch")
#: Segments from the brainstem to the face (machine names used in the tables).
SEGMENT_ORDER = (
    "nucleus", "root_exit_zone", "cisternal", "meatal", "labyrinthine",
    "geniculate", "tympanic", "mastoid", "extratemporal",
)
#: Muscles listed from the top of the head to the neck (drawing and reading order).
_MUSCLE_ORDER = (
    "frontalis", "corrugator supercilii", "orbicularis oculi", "zygomaticus minor", "zygomaticus major",
    "levator labii superioris", "buccinator", "risorius", "orbicularis oris", "depressor anguli oris",
    "depressor labii inferioris", "mentalis", "platysma", "stapedius", "posterior belly of digastric",
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


def _split_keys(text: object) -> list[str]:
    return [k.strip() for k in str(text).split(";") if k.strip()]


@lru_cache(maxsize=4)
def _innervation(sha: str) -> tuple[dict[str, tuple[str, ...]], dict[str, Muscle], tuple[str, ...]]:
    df = load_table(_BRANCH_TABLE)
    by_branch: dict[str, list[str]] = {}
    rows: dict[str, dict] = {}
    for r in df.itertuples(index=False):
        branch, muscle = str(r.branch), str(r.muscle)
        by_branch.setdefault(branch, []).append(muscle)
        info = rows.setdefault(muscle, {"action": str(r.action), "face_region": str(r.face_region),
                                        "branches": [], "keys": []})
        info["branches"].append(branch)
        for k in _split_keys(r.source_key):
            if k not in info["keys"]:
                info["keys"].append(k)
    order = {m: i for i, m in enumerate(_MUSCLE_ORDER)}
    ordered = tuple(sorted(rows, key=lambda m: (order.get(m, len(order)), m)))
    branch_rank = {b: i for i, b in enumerate(TERMINAL_BRANCHES + NON_TERMINAL_BRANCHES)}
    muscles_by_name = {
        m: Muscle(m, rows[m]["action"], rows[m]["face_region"],
                  tuple(sorted(rows[m]["branches"], key=lambda b: branch_rank.get(b, 99))), tuple(rows[m]["keys"]))
        for m in ordered
    }
    by_branch_sorted = {b: tuple(sorted(ms, key=lambda m: ordered.index(m))) for b, ms in by_branch.items()}
    return by_branch_sorted, muscles_by_name, ordered


def _tables():
    """Innervation maps, cached until the branch table's checksum changes."""
    return _innervation(table_info(_BRANCH_TABLE).get("sha256", ""))


def branches(terminal_only: bool = True) -> list[str]:
    """Return the branch names, from the forehead down.

    Parameters
    ----------
    terminal_only : bool, default True
        If True, only the five terminal branches of the parotid plexus
        (temporal, zygomatic, buccal, marginal mandibular, cervical); if False,
        also the non-terminal motor branches (nerve to stapedius, digastric branch).
    """
    check_bool("terminal_only", terminal_only)
    by_branch, _, _ = _tables()
    names = TERMINAL_BRANCHES if terminal_only else TERMINAL_BRANCHES + NON_TERMINAL_BRANCHES
    return [b for b in names if b in by_branch]


def muscles(terminal_only: bool = False, face_region: str | None = None) -> list[str]:
    """Return the muscles in the table, from the forehead down.

    Parameters
    ----------
    terminal_only : bool, default False
        If True, only muscles served by a terminal branch (the muscles of facial expression).
    face_region : {None, "upper", "lower", "other"}, default None
        Keep only muscles of that region (None = all).
    """
    check_bool("terminal_only", terminal_only)
    _, by_name, ordered = _tables()
    if face_region is not None:
        face_region = check_choice("face_region", face_region, ("upper", "lower", "other"))
    out = []
    for m in ordered:
        info = by_name[m]
        if terminal_only and not any(b in TERMINAL_BRANCHES for b in info.branches):
            continue
        if face_region is not None and info.face_region != face_region:
            continue
        out.append(m)
    return out


def muscles_of(branch: str) -> list[str]:
    """Return the muscles a branch supplies, from the forehead down.

    Parameters
    ----------
    branch : str
        One of :data:`TERMINAL_BRANCHES` or :data:`NON_TERMINAL_BRANCHES` (case-insensitive).

    Raises
    ------
    TypeError, ValueError
        If ``branch`` is not a string or not a known branch (the message lists the options).
    """
    name = check_choice("branch", branch, branches(terminal_only=False))
    by_branch, _, _ = _tables()
    return list(by_branch[name])


def branches_of(muscle: str) -> list[str]:
    """Return the branch or branches that supply ``muscle`` (two for shared muscles).

    Parameters
    ----------
    muscle : str
        A muscle name from :func:`muscles` (case-insensitive), e.g. ``"orbicularis oculi"``.
    """
    return list(muscle_info(muscle).branches)


def muscle_info(muscle: str) -> Muscle:
    """Return the :class:`Muscle` record (action, region, branches, sources) of ``muscle``."""
    _, by_name, ordered = _tables()
    name = check_choice("muscle", muscle, ordered)
    return by_name[name]


def cross_talk_muscles(stimulated_branch: str, linked_branch: str) -> dict[str, list[str]]:
    """Predict which muscles contract when one branch fires and cross-talk links it to another.

    In HFS, fibres of different branches touch at the compressed root exit zone,
    where an impulse in one fibre can excite its neighbour. Stimulating
    ``stimulated_branch`` then makes its own muscles contract directly, and the
    muscles of ``linked_branch`` contract via the cross-talk (this is the
    lateral spread response).

    Parameters
    ----------
    stimulated_branch, linked_branch : str
        Two different branch names (see :func:`branches`).

    Returns
    -------
    dict
        ``{"direct": [...], "via_cross_talk": [...]}``; muscles served by both
        branches are counted as direct only.
    """
    a = check_choice("stimulated_branch", stimulated_branch, branches(terminal_only=False))
    b = check_choice("linked_branch", linked_branch, branches(terminal_only=False))
    if a == b:
        raise ValueError(f"linked_branch={linked_branch!r} must differ from stimulated_branch={stimulated_branch!r}")
    direct = muscles_of(a)
    extra = [m for m in muscles_of(b) if m not in direct]
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


def segment_length_mm(segment: str) -> tuple[float, float]:
    """Return the ``(low, high)`` typical length of one segment in mm.

    Parameters
    ----------
    segment : str
        A segment name from :func:`segment_names` that has a sourced length, e.g. ``"cisternal"``
        (the intrapontine course from the nucleus has none; asking for it raises ValueError).
    """
    df = segments()
    measured = df.dropna(subset=["length_mm_low", "length_mm_high"])
    names = [str(s) for s in df["segment"]]
    with_length = [str(s) for s in measured["segment"]]
    name = check_choice("segment", segment, names)
    if name not in with_length:
        raise ValueError(f"segment={segment!r} has no sourced length; allowed: {', '.join(repr(n) for n in with_length)}")
    row = measured.loc[measured["segment"] == name].iloc[0]
    return float(row["length_mm_low"]), float(row["length_mm_high"])


def nerve_path_length_mm(from_segment: str = "cisternal", to_segment: str = "extratemporal") -> tuple[float, float]:
    """Return the ``(low, high)`` length in mm of the nerve between two segments (inclusive).

    Only segments that lie one after another along the nerve are added (the
    root exit zone lies inside the cisternal segment and the nucleus has no
    length, so neither is added). The range comes from the shortest and longest
    typical lengths the sources report for each segment.

    Parameters
    ----------
    from_segment, to_segment : str, defaults "cisternal" and "extratemporal"
        Segment names from :func:`segment_names`; ``from_segment`` must not lie
        after ``to_segment``.

    Examples
    --------
    >>> nerve_path_length_mm("cisternal", "mastoid")   # brainstem to stylomastoid foramen  # doctest: +SKIP
    (43.41, 66.33)
    """
    df = segments()
    names = [str(s) for s in df["segment"]]
    a = check_choice("from_segment", from_segment, names)
    b = check_choice("to_segment", to_segment, names)
    ia, ib = names.index(a), names.index(b)
    if ia > ib:
        raise ValueError(f"from_segment={from_segment!r} lies after to_segment={to_segment!r}; "
                         f"allowed order: {', '.join(names)}")
    part = df.iloc[ia:ib + 1]
    part = part[part["in_path"].fillna(False).astype(bool)]
    if part.empty:
        return 0.0, 0.0
    if part[["length_mm_low", "length_mm_high"]].isna().any().any():
        missing = list(part.loc[part["length_mm_low"].isna(), "segment"])
        raise ValueError(f"no sourced length for segment(s) {missing}")
    return round(float(part["length_mm_low"].sum()), 2), round(float(part["length_mm_high"].sum()), 2)


# -- scalar facts --------------------------------------------------------------------


def facts(fact_id: str | None = None) -> pd.DataFrame:
    """Return the scalar-facts table (a copy), optionally only the rows of one ``fact_id``.

    Each row is one quantity from one source, so disagreeing sources stay side by side.
    """
    df = load_table(_FACT_TABLE)
    if fact_id is None:
        return df
    ids = list(dict.fromkeys(str(x) for x in df["fact_id"]))
    name = check_choice("fact_id", fact_id, ids)
    return df.loc[df["fact_id"] == name].reset_index(drop=True)


def fact_range(fact_id: str) -> tuple[float, float, list[str]]:
    """Return ``(low, high, source_keys)`` spanning every source's value or range for ``fact_id``.

    Parameters
    ----------
    fact_id : str
        e.g. ``"medial_rez_length"``, ``"cv_intracranial"``; see ``facts()["fact_id"]``.
    """
    check_str("fact_id", fact_id)
    rows = facts(fact_id)
    values = pd.concat([rows["value"], rows["value_low"], rows["value_high"]]).dropna()
    keys = list(dict.fromkeys(str(k) for k in rows["source_key"]))
    return float(values.min()), float(values.max()), keys


def conduction_time_ms(length_mm: float, velocity_m_per_s: float) -> float:
    """Return the time in ms an impulse needs to travel ``length_mm`` at ``velocity_m_per_s``.

    Parameters
    ----------
    length_mm : float
        Path length in mm, 0–500.
    velocity_m_per_s : float
        Conduction velocity in m/s, 0.1–150 (from the slowest unmyelinated fibres, about
        0.5 m/s, with margin, to the fastest human fibres).

    Notes
    -----
    mm / (m/s) = ms, so the time is simply ``length_mm / velocity_m_per_s``.
    """
    length = check_number("length_mm", length_mm, 0, 500)
    v = check_number("velocity_m_per_s", velocity_m_per_s, 0.1, 150)
    return length / v


def source_keys() -> list[str]:
    """Return every bibliography key used by the three anatomy tables, sorted."""
    keys: set[str] = set()
    for name in (_SEGMENT_TABLE, _BRANCH_TABLE, _FACT_TABLE):
        keys.update(load_table(name).attrs.get("source_keys", []))
    return sorted(keys, key=lambda k: (k.rstrip("0123456789"), int(k[len(k.rstrip("0123456789")):] or 0)))
