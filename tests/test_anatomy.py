"""Facial-nerve anatomy: sourced facts, the branch-muscle map, the face map and its view.

These test anatomical facts and the drawing's contract, not just that code runs.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from hfs_edu import course_figures as cf
from hfs_edu.data import load_table
from hfs_edu.figures import anatomy as fig_anatomy
from hfs_edu.figures.style import caption_of
from hfs_edu.models import anatomy

DATA = Path(__file__).resolve().parent.parent / "data"
TABLES = ("facial_nerve_segments", "facial_nerve_branches", "facial_nerve_facts")


# -- data and provenance ----------------------------------------------------------------


def _bibliography_keys() -> set[str]:
    keys = set()
    for name in ("bibliography.csv", "_anatomy_bibliography_pending.csv"):
        path = DATA / name
        if path.exists():
            keys |= {row["key"] for row in csv.DictReader(path.open(encoding="utf-8"))}
    return keys


@pytest.mark.parametrize("name", TABLES)
def test_every_row_has_sources_in_the_bibliography(name):
    df = load_table(name)
    known = _bibliography_keys()
    assert df.attrs["source_keys"], "manifest lists no sources"
    for i, text in enumerate(df["source_key"]):
        keys = [k.strip() for k in str(text).split(";") if k.strip()]
        assert keys, f"{name} row {i} has no source_key"
        assert set(keys) <= known, f"{name} row {i}: unknown keys {set(keys) - known}"
        assert set(keys) <= set(df.attrs["source_keys"]), f"{name} row {i}: keys missing from the manifest entry"


def test_anatomy_keys_are_in_the_N1_N49_range():
    # one exception: the surgical series [S33] for the classical 2-3 mm REZ and the compression sites
    for key in anatomy.source_keys():
        assert key == "S33" or (key.startswith("N") and 1 <= int(key[1:]) <= 49), key


# -- branches and muscles -----------------------------------------------------------------


def test_five_terminal_branches_from_forehead_to_neck():
    assert anatomy.branches() == ["temporal", "zygomatic", "buccal", "marginal mandibular", "cervical"]
    assert set(anatomy.branches(terminal_only=False)) > set(anatomy.branches())


@pytest.mark.parametrize(
    "branch, muscle",
    [
        ("zygomatic", "orbicularis oculi"),
        ("temporal", "orbicularis oculi"),
        ("temporal", "frontalis"),
        ("marginal mandibular", "mentalis"),
        ("marginal mandibular", "depressor labii inferioris"),
        ("cervical", "platysma"),
        ("buccal", "buccinator"),
        ("nerve to stapedius", "stapedius"),
    ],
)
def test_branch_serves_muscle(branch, muscle):
    assert muscle in anatomy.muscles_of(branch)
    assert branch in anatomy.branches_of(muscle)


def test_orbicularis_oculi_has_two_branches_and_platysma_one():
    assert anatomy.branches_of("orbicularis oculi") == ["temporal", "zygomatic"]
    assert anatomy.branches_of("platysma") == ["cervical"]
    assert anatomy.branches_of("mentalis") == ["marginal mandibular"]


def test_cervical_branch_serves_only_platysma_and_temporal_no_mouth_muscle():
    assert anatomy.muscles_of("cervical") == ["platysma"]
    assert not set(anatomy.muscles_of("temporal")) & set(anatomy.muscles(face_region="lower"))


def test_shared_flag_matches_the_table():
    df = load_table("facial_nerve_branches")
    counts = df.groupby("muscle")["branch"].nunique()
    for row in df.itertuples(index=False):
        assert bool(row.shared) == (counts[row.muscle] > 1), row.muscle


def test_upper_face_muscles_are_served_by_temporal_or_zygomatic():
    for m in anatomy.muscles(face_region="upper"):
        assert set(anatomy.branches_of(m)) <= {"temporal", "zygomatic"}, m


def test_cross_talk_prediction_zygomatic_to_marginal_mandibular():
    out = anatomy.cross_talk_muscles("zygomatic", "marginal mandibular")
    assert "orbicularis oculi" in out["direct"]
    assert "mentalis" in out["via_cross_talk"]
    assert not set(out["direct"]) & set(out["via_cross_talk"])


def test_name_matching_ignores_case():
    assert anatomy.muscles_of("Marginal Mandibular") == anatomy.muscles_of("marginal mandibular")


# -- segments, lengths and facts ------------------------------------------------------------


def test_segments_run_from_nucleus_to_face():
    names = anatomy.segment_names()
    assert names[0] == "nucleus" and names[-1] == "extratemporal"
    assert (
        names.index("root_exit_zone")
        < names.index("cisternal")
        < names.index("meatal")
        < names.index("labyrinthine")
        < names.index("tympanic")
        < names.index("mastoid")
    )
    seg = anatomy.segments()
    for row in seg.itertuples(index=False):
        if not math.isnan(row.length_mm_low):
            assert 0 < row.length_mm_low <= row.length_mm_high, row.segment


@pytest.mark.parametrize(
    "segment, fact_id",
    [
        ("cisternal", "cisternal_length"),
        ("meatal", "meatal_length"),
        ("labyrinthine", "labyrinthine_length"),
        ("tympanic", "tympanic_length"),
        ("mastoid", "mastoid_length"),
        ("extratemporal", "extratemporal_trunk_length"),
    ],
)
def test_segment_ranges_lie_within_the_sourced_facts(segment, fact_id):
    lo, hi = anatomy.segment_length_mm(segment)
    f_lo, f_hi, keys = anatomy.fact_range(fact_id)
    assert f_lo <= lo <= hi <= f_hi
    assert keys


def test_path_length_equals_sum_of_sourced_segments_and_is_plausible():
    lo, hi = anatomy.nerve_path_length_mm("cisternal", "mastoid")  # brainstem to stylomastoid foramen
    seg_lo = sum(
        anatomy.segment_length_mm(s)[0]
        for s in ("cisternal", "meatal", "labyrinthine", "geniculate", "tympanic", "mastoid")
    )
    assert lo == pytest.approx(seg_lo)
    # the bony canal part agrees with the whole-canal measurements: 33.31 +/- 1.97 mm on CT [N4], ~30 mm [N25]
    canal_lo, canal_hi = anatomy.nerve_path_length_mm("labyrinthine", "mastoid")
    whole_lo, whole_hi, _ = anatomy.fact_range("canal_length")
    assert whole_lo - 10 < canal_lo < whole_lo and whole_hi - 2 < canal_hi < whole_hi + 2 * 1.97
    full_lo, full_hi = anatomy.nerve_path_length_mm()
    assert 50 < full_lo < full_hi < 100
    # the root exit zone and the nucleus add no length of their own
    assert anatomy.nerve_path_length_mm("nucleus", "root_exit_zone") == (0.0, 0.0)


def test_root_exit_zone_is_the_whole_central_myelin_root_with_each_number_on_its_reference_point():
    # from the root exit point, central myelin runs about 8 mm before the lateral transition zone [N5]
    lo, hi = anatomy.segment_length_mm("root_exit_zone")
    assert (lo, hi) == (8.0, 8.0) == anatomy.fact_range("tz_start_from_rexp")[:2]
    # from the detachment point, the free (medial) REZ is 2.6 mm (1.6-3.5) [N6]: shorter, a different origin
    m_lo, m_hi, keys = anatomy.fact_range("medial_rez_length")
    assert (m_lo, m_hi, keys) == (1.6, 3.5, ["N6"]) and m_hi < lo
    # the transition zone itself is 1.9 mm [N5]; N13's 2.5 mm is a distance from the brainstem, not a TZ length
    assert anatomy.fact_range("tz_length") == (1.9, 1.9, ["N5"])
    assert anatomy.fact_range("tz_distance_from_brainstem") == (2.5, 2.5, ["N13"])


def test_fibre_counts_and_conduction_velocity():
    total = anatomy.facts("fibres_total")
    motor = anatomy.facts("fibres_motor_myelinated")
    assert set(total["value"]) == {10000} and set(motor["value"]) == {7000}
    lo, hi, keys = anatomy.fact_range("cv_intracranial")
    assert (lo, hi, keys) == (33.0, 46.0, ["N7"])


def test_conduction_time_from_brainstem_to_foramen_is_one_to_two_ms():
    lo, hi = anatomy.nerve_path_length_mm("cisternal", "mastoid")
    v_lo, v_hi, _ = anatomy.fact_range("cv_intracranial")
    assert 0.8 < anatomy.conduction_time_ms(lo, v_hi) < anatomy.conduction_time_ms(hi, v_lo) < 2.5


# -- argument validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, exc, words",
    [  # messages that list the options or name both parameters
        (lambda: anatomy.muscles_of("facial"), ValueError, ["branch", "'facial'", "temporal", "cervical"]),
        (lambda: anatomy.branches_of("biceps"), ValueError, ["muscle", "'biceps'", "mentalis"]),
        (lambda: anatomy.nerve_path_length_mm("mastoid", "cisternal"), ValueError, ["from_segment", "to_segment"]),
        (lambda: anatomy.segment_length_mm("nucleus"), ValueError, ["segment", "'nucleus'", "cisternal"]),
        (lambda: anatomy.cross_talk_muscles("buccal", "buccal"), ValueError, ["linked_branch", "stimulated_branch"]),
        (lambda: cf.face_map(highlight_branch="frontal"), ValueError, ["highlight_branch", "'frontal'", "zygomatic"]),
        (lambda: fig_anatomy.face_map(None), TypeError, ["innervation"]),
    ],
)
def test_bad_inputs_name_the_parameter(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    for w in words:
        assert w in str(info.value), (w, str(info.value))


# -- the face map ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def face():
    return cf.face_map().hfs_face


def _state(patch):
    return (
        tuple(patch.get_facecolor()),
        tuple(patch.get_edgecolor()),
        patch.get_linewidth(),
        patch.get_hatch(),
        patch.get_alpha(),
    )


def test_every_muscle_in_the_table_is_drawn_once(face):
    assert list(face.muscles) == anatomy.muscles()
    patches = set(map(id, face.ax.patches))
    assert all(id(p) in patches for p in face.muscles.values())
    for name, patch in face.muscles.items():  # each shape lies inside the drawing area
        ext = patch.get_path().transformed(patch.get_patch_transform()).get_extents()
        assert -1.25 < ext.x0 and ext.x1 < 1.62 and -2.25 < ext.y0 and ext.y1 < 1.68, name


def test_muscles_are_drawn_on_the_affected_side_in_the_right_places(face):
    def centre(name):
        p = face.muscles[name]
        ext = p.get_path().transformed(p.get_patch_transform()).get_extents()
        return (ext.x0 + ext.x1) / 2, (ext.y0 + ext.y1) / 2

    for name in face.muscles:
        assert centre(name)[0] > 0, f"{name} is not on the affected side"
    assert (
        centre("frontalis")[1]
        > centre("orbicularis oculi")[1]
        > centre("orbicularis oris")[1]
        > centre("mentalis")[1]
        > centre("platysma")[1]
    )


@pytest.mark.parametrize("branch", anatomy.TERMINAL_BRANCHES + anatomy.NON_TERMINAL_BRANCHES)
def test_highlighting_a_branch_changes_exactly_its_muscles(face, branch):
    fig_anatomy.style_face(face)
    before = {m: _state(p) for m, p in face.muscles.items()}
    fig_anatomy.style_face(face, highlight_branch=branch)
    changed = {m for m, p in face.muscles.items() if _state(p) != before[m]}
    assert changed == set(anatomy.muscles_of(branch))
    for m in changed:  # more than colour: hatch and a thicker outline
        assert face.muscles[m].get_hatch() and face.muscles[m].get_linewidth() > before[m][2]
    assert face.branches[branch].get_linewidth() > max(
        line.get_linewidth() for b, line in face.branches.items() if b != branch
    )
    fig_anatomy.style_face(face)
    assert {m: _state(p) for m, p in face.muscles.items()} == before


def test_highlighting_a_muscle_thickens_its_branches(face):
    fig_anatomy.style_face(face, highlight_muscle="orbicularis oculi")
    widths = {b: line.get_linewidth() for b, line in face.branches.items()}
    assert widths["temporal"] == widths["zygomatic"] > widths["buccal"]
    assert face.muscles["orbicularis oculi"].get_hatch()
    fig_anatomy.style_face(face)


def test_face_map_has_a_caption_and_no_pyplot():
    fig = cf.face_map("cervical")
    assert "stylomastoid foramen" in caption_of(fig)
    import hfs_edu.figures.anatomy as mod

    assert "pyplot" not in Path(mod.__file__).read_text(encoding="utf-8")


def test_nerve_course_diagram_caption_uses_sourced_lengths():
    fig = cf.nerve_course_diagram()
    lo, hi = anatomy.nerve_path_length_mm()
    cap = caption_of(fig)
    assert f"{lo:.0f}-{hi:.0f} mm" in cap and "root exit zone" in cap
    inset = " ".join(t.get_text() for t in fig.axes[0].texts)  # the REZ drawn with the terms of the tables
    for term in ("root exit", "detachment", "transition", "medial REZ"):
        assert term in inset, term
    for fact_id in ("tz_start_from_rexp", "medial_rez_length", "tz_length"):
        assert f"[{anatomy.facts(fact_id)['source_key'].iloc[0]}]" in inset


# -- the interactive view ----------------------------------------------------------------------


def test_face_map_view_updates_in_place_and_reads_out():
    from hfs_edu.widgets.anatomy import NOTHING, FaceMapView

    view = FaceMapView()
    fig, patches = view.fig, dict(view.face.muscles)
    n_artists = len(view.face.ax.get_children())
    png = view.set(branch="marginal mandibular", muscle=NOTHING)
    assert png.startswith(b"\x89PNG") and view.image.value == png
    assert view.fig is fig and view.face.muscles == patches and len(view.face.ax.get_children()) == n_artists
    for m in ("mentalis", "depressor labii inferioris", "depressor anguli oris"):
        assert m in view.readout.value
    view.set(branch=NOTHING, muscle="orbicularis oculi")
    assert "temporal" in view.readout.value and "zygomatic" in view.readout.value and "two" in view.readout.value
    view.controls["branch"].value = "cervical"  # a control change refreshes the view
    assert "platysma" in view.readout.value and view.error.value == ""


def test_nerve_course_draws_the_root_exit_zone_to_scale():
    """Student review 2 (U04): the text says the hatched box is the REZ's 8 mm of central myelin; it
    must be drawn that long on the figure's mm axis, not 3 mm."""
    from matplotlib.patches import Rectangle

    from hfs_edu import course_figures as figs
    from hfs_edu.models import anatomy as anatomy_model

    fig = figs.nerve_course_diagram()
    boxes = [p for ax in fig.axes for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch() == "xxx"]
    assert len(boxes) == 1
    rez = anatomy_model.segments().set_index("segment").loc["root_exit_zone"]
    assert boxes[0].get_x() == 0.0
    assert abs(boxes[0].get_width() - float(rez["length_mm_high"])) < 1e-9
