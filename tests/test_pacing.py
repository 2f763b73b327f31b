"""Every chapter's stated time follows the pacing formula of tools/pacing.py (issue 7 §3)."""

import json

import pacing
import pytest

from notebook_utils import CHAPTERS, ids


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_stated_time_follows_the_formula(chapter):
    p = pacing.pace(chapter)
    assert p.stated_core is not None, (
        f"{chapter.name}: state the time as '**Estimated time:** about N min core path (+M min going deeper)'.\n"
        + p.summary()
    )
    problems = []
    if not pacing.within(p.stated_core, p.core_min):
        problems.append(f"core path: stated {p.stated_core} min, formula {p.core_min:.0f} min (±20%)")
    if not pacing.within(p.stated_deeper, p.deeper_min):
        problems.append(f"going deeper: stated {p.stated_deeper} min, formula {p.deeper_min:.0f} min (±20%)")
    assert not problems, f"{chapter.name}: " + "; ".join(problems) + "\n" + p.summary()


DEMO = """# %% [markdown]
# # 42 · Demo
#
# **Estimated time:** about 12 min core path (+3 min going deeper)
#
# Five words [S33:A] in `code` here.

# %% [markdown]
# ### Try it: demo
#
# **Questions to explore**
#
# 1. One?
# 2. Two, with a
#    continuation line?
#
# 3. Three?
# After the list: not a question. 4. no.

# %%
hfs.show(fig, "42.1")
hfs.show_table("x")

# %% [markdown] tags=["deeper"]
# ### Going deeper: more
#
# | a | b |
# |---|---|
# | one | two |
#
# **Questions to explore**
# 1. Deep?

# %% tags=["deeper"]
hfs.show(other)

# %% [markdown]
# ## Exercise
#
# **Time:** about 5 min

# %% tags=["solution"]
hfs.show(not_counted)
"""


def test_each_term_is_counted_as_documented(tmp_path):
    chapter = tmp_path / "42_demo.py"
    chapter.write_text(DEMO, encoding="utf-8")
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "42_demo.json").write_text(json.dumps({"chapter": "42_demo", "questions": [{}, {}, {}]}))
    p = pacing.pace(chapter, quiz_dir=quizzes)
    assert (p.questions, p.figures, p.quiz_items, p.exercise_min) == (3, 2, 3, 5)
    assert (p.deeper_questions, p.deeper_figures) == (1, 1)
    assert (p.stated_core, p.stated_deeper) == (12, 3)
    # citation brackets, inline code and the table separator row are not words; "42" and "·" handling:
    assert pacing.prose_words("Five words [S33:A] in `code` here.") == 4
    assert pacing.prose_words("| a | b |\n|---|---|\n| one | two |") == 4
    assert pacing.prose_words("[the link](https://example.org/a-b) 9.76 ms") == 4
    assert p.core_min == pytest.approx(p.words / 130 + 2 * 3 + 2 + 3 + 5)
    assert p.deeper_min == pytest.approx(p.deeper_words / 130 + 2 * 1 + 1)


def test_tolerance_is_twenty_percent_with_one_minute_for_rounding():
    assert pacing.within(60, 50) and pacing.within(40, 50) and not pacing.within(61, 50)
    assert pacing.within(0, 0.8) and pacing.within(None, 0) and not pacing.within(0, 3)
