"""Chapter 03 exercise checker: blanks, right answers and the typical wrong ones, from the model."""

import re
from pathlib import Path

import pytest

from hfs_edu.exercises import ch03, check
from hfs_edu.models.crosstalk import lateral_spread_response

BLANK = {"predicted_range": ..., "latency_ms": ..., "lowest_compression": ..., "after_decompression": ...}


@pytest.fixture(scope="module")
def exp():
    return ch03.expected()


@pytest.fixture(scope="module")
def right(exp):
    return {name: exp[name] for name in ch03.ANSWERS}


def test_expected_values_come_from_the_model(exp):
    at_default = lateral_spread_response(ch03.DEMYELINATION, ch03.COMPRESSION)
    assert exp["latency_ms"] == at_default.latency_ms
    low = exp["lowest_compression"]
    assert lateral_spread_response(ch03.DEMYELINATION, low).present
    assert not lateral_spread_response(ch03.DEMYELINATION, round(low - ch03.COMPRESSION_STEP, 2)).present
    assert exp["after_decompression"] == (
        "present" if lateral_spread_response(ch03.DEMYELINATION, 0.0).present else "absent"
    )


def test_science_the_exercise_teaches(exp):
    # the LSR is a round trip: far later than the direct response, inside the typical window
    assert exp["predicted_range"] == "8-12 ms"
    assert exp["latency_ms"] > exp["direct_latency_ms"] + 5
    # near threshold fewer units answer, and later; moving the vessel abolishes this nerve's LSR
    assert 0 < exp["lowest_compression"] < ch03.COMPRESSION
    assert exp["units_at_lowest"] <= exp["units_at_default"]
    assert exp["latency_at_lowest_ms"] >= exp["latency_ms"]
    assert exp["after_decompression"] == "absent"


def test_unchanged_cell_says_still_blank_and_never_raises():
    for answers in (BLANK, {}, dict(BLANK, latency_ms=9.0)):
        fb = check("03", **answers)
        assert not fb.passed
        assert "Still blank" in repr(fb)
        assert "Still blank" in fb._repr_html_()
    assert "latency_ms" not in repr(check("03", **dict(BLANK, latency_ms=9.0)))


def test_right_answers_pass(right, exp):
    fb = check("03", **right)
    assert fb.passed, repr(fb)
    # what a student reads from the view: the rounded onset and text variants
    typed = dict(
        right,
        latency_ms=round(exp["latency_ms"], 1),
        predicted_range=" 8–12 MS ",
        after_decompression=exp["after_decompression"].upper(),
    )
    assert check("03", **typed).passed


@pytest.mark.parametrize(
    "name, wrong, hint",
    [
        ("predicted_range", "1-2 ms", "direct response"),
        ("predicted_range", "30-50 ms", "round trip"),
        ("predicted_range", 10, "in quotes"),
        ("latency_ms", "direct", "number"),
        ("lowest_compression", "below", "between 0 and 1"),
        ("lowest_compression", 1.5, "from 0"),
        ("after_decompression", True, "in quotes"),
    ],
)
def test_wrong_kinds_of_answer_get_a_hint(right, name, wrong, hint):
    fb = check("03", **dict(right, **{name: wrong}))
    assert not fb.passed
    part = next(p for p in fb.parts if p.name == name)
    assert not part.ok and hint in part.message
    assert all(p.ok for p in fb.parts if p.name != name)


def test_typical_wrong_values_get_a_specific_hint(right, exp):
    def message(name, value):
        fb = check("03", **dict(right, **{name: value}))
        return next(p for p in fb.parts if p.name == name).message

    assert "upper trace" in message("latency_ms", exp["direct_latency_ms"])  # read the wrong trace
    assert "good guess" in message("latency_ms", 11.5 if exp["latency_ms"] < 10.5 else 8.2)  # guessed, not read
    step = ch03.COMPRESSION_STEP
    assert "flat" in message("lowest_compression", round(exp["lowest_compression"] - step, 2))  # one step too far
    assert "still a response" in message("lowest_compression", round(exp["lowest_compression"] + step, 2))
    assert "decompressed" in message("after_decompression", "present")


def test_unknown_answer_names_are_reported_not_raised(right):
    fb = check("03", **right, latency=9.2)
    assert not fb.passed
    assert any(p.name == "latency" and not p.ok for p in fb.parts)


def test_chapter_cells_use_the_same_checker():
    text = (Path(__file__).resolve().parent.parent / "chapters" / "03_crosstalk.py").read_text(encoding="utf-8")
    cells = re.split(r"^# %%", text, flags=re.MULTILINE)
    exercise = next(c for c in cells if c.startswith(' tags=["exercise"]'))
    solution = next(c for c in cells if c.startswith(' tags=["solution"]') and "check(" in c)
    for cell in (exercise, solution):
        assert 'check("03"' in cell
        for name in ch03.ANSWERS:
            assert f"{name}={name}" in cell
    assert exercise.count("= ...") == len(ch03.ANSWERS)
    namespace: dict = {}
    # run the worked solution (our own chapter file, not user input) and check that it passes
    exec(compile(solution.split("\n", 1)[1], "solution", "exec"), namespace)  # noqa: S102
    assert all(namespace[name] is not ... for name in ch03.ANSWERS)
    fb = check("03", **{name: namespace[name] for name in ch03.ANSWERS})
    assert fb.passed, repr(fb)


# -- the Try-it answers of chapter 03 quote the model: keep them true ---------------------------------------


def _answer_cells():
    text = (Path(__file__).resolve().parent.parent / "chapters" / "03_crosstalk.py").read_text(encoding="utf-8")
    cells = re.split(r"^# %%", text, flags=re.MULTILINE)
    return [c for c in cells if c.startswith(' [markdown] tags=["answer"]')]


def test_every_try_it_question_has_an_answer():
    text = (Path(__file__).resolve().parent.parent / "chapters" / "03_crosstalk.py").read_text(encoding="utf-8")
    cells = re.split(r"^# %%", text, flags=re.MULTILINE)
    answers = iter(_answer_cells())
    for i, cell in enumerate(cells):
        if "### Try it" in cell:
            questions = re.findall(r"^# (\d+)\. ", cell.split("**Questions to explore**")[1], flags=re.MULTILINE)
            assert cells[i + 2].startswith(' [markdown] tags=["answer"]'), "view cell, then its answer cell"
            answer = next(answers)
            assert re.findall(r"^# (\d+)\. ", answer, flags=re.MULTILINE) == questions
            assert "<details><summary><b>What you should see</b>" in answer and "</details>" in answer


def test_lsr_view_answers_match_the_model():
    text = _answer_cells()[1]
    default = lateral_spread_response(0.8, 0.7)
    reverse = lateral_spread_response(0.8, 0.7, "marginal mandibular", "orbicularis oculi")
    assert f"About {default.latency_ms:.1f} ms" in text
    assert f"at about {reverse.latency_ms:.1f} ms" in text and reverse.latency_ms < default.latency_ms
    assert not lateral_spread_response(0.0, 0.7).present  # healthy myelin
    assert not lateral_spread_response(0.8, 0.0).present  # decompressed
    assert lateral_spread_response(0.8, 0.45).n_units == 2 and lateral_spread_response(0.8, 0.40).n_units == 1
    near = lateral_spread_response(0.8, 0.25)
    assert near.present and f"{near.latency_ms:.1f} ms at 0.25" in text
    assert not lateral_spread_response(0.8, 0.20).present and "0.20 the response is gone" in text


def test_crosstalk_view_answers_match_the_model():
    from hfs_edu.models.crosstalk import simulate

    text = _answer_cells()[0]
    assert all(simulate(0.0, 1.0, duration_ms=2000, seed=s).n_ectopic == 0 for s in range(3))  # healthy: quiet
    bare = simulate(1.0, 0.0, duration_ms=2000, seed=0)
    assert f"{int(bare.fibre_blocked.sum())} of {bare.fibre_blocked.size} fibres are blocked" in text
    assert bare.n_crosstalk == 0  # no compression: no cross-talk
    calm, strong = (simulate(0.8, 0.7, pulsation=p, duration_ms=2000, seed=0) for p in (0.0, 1.0))
    assert strong.n_ectopic > 3 * calm.n_ectopic  # a stronger pulse, more bursts
    spasm = simulate(0.8, 0.7, duration_ms=2000, seed=0)
    branches = {spasm.fibre_branch[i] for i, t in enumerate(spasm.lesion_spike_times_ms) if t.size}
    assert {"temporal", "zygomatic"} & branches and {"buccal", "marginal mandibular"} & branches
    isi = [d for t in spasm.lesion_spike_times_ms for d in (t[1:] - t[:-1]) if d < 5.0]
    assert isi and 2.8 <= min(isi) and max(isi) <= 4.1  # 250-350 Hz trains


def test_range_feedback_presents_both_readings_of_the_round_trip(right):
    """Neurology review 2, R09: the 8-12 ms answer is explained by a round trip with either a
    crossing at the REZ (peripheral reading) or a relay in the nucleus (central reading)."""
    fb = check("03", **right)
    message = next(p for p in fb.parts if p.name == "predicted_range").message
    assert "peripheral" in message and "central" in message and "nucleus" in message
    for wrong in ("1-2 ms", "30-50 ms"):
        hint = next(
            p for p in check("03", **dict(right, predicted_range=wrong)).parts if p.name == "predicted_range"
        ).message
        assert "nucleus" in hint
