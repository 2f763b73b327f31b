"""The convention checks of test_notebook_skeleton.py accept a chapter that follows CONTRIBUTING
and name exactly what is missing when it does not (each check is tried on a demo chapter)."""

import pytest

import test_notebook_skeleton as sk

GOOD = """# %% [markdown]
# # 42 · Demo: a chapter that follows the conventions
#
# Mrs Ortiz's eyelid twitches. An [ephaptic](glossary.md#ephaptic) link is a short circuit.

# %% [markdown]
# ## Learning objectives
#
# 1. one
#
# **Estimated time:** about 10 min core path (+2 min going deeper)
#
# **Prerequisites:** none.

# %%
import hfs_edu as hfs

# %% [markdown]
# ## 1. First section
#
# ### Try it: a view
#
# **Controls.** *x*: a slider.
#
# **Questions to explore**
#
# 1. What happens at 0?
# 2. And at 1?

# %%
View()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. Nothing, because …
# 2. Everything, because …
# </details>

# %% [markdown] tags=["deeper"]
# ### Going deeper: the model's insides
# *Optional: skip it on the core path.*
#
# More text.

# %% tags=["deeper"]
hfs.show(fig, "42.1")

# %% [markdown]
# ## Exercise
#
# Find x. **Time:** is below.
#
# **Time:** about 5 min

# %% tags=["exercise"]
from hfs_edu.exercises import check

x = ...
check("42", x=x)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried

# %% tags=["solution"]
x = 3
check("42", x=x, collapsed=True)

# %% [markdown]
# ## Self-check quiz

# %%
hfs.quiz("42_demo")

# %% [markdown]
# ## Key takeaways
#
# - one
"""

BAD = [  # (what to break, replacement, check, words the message must contain)
    ("# 1. What happens at 0?\n# 2. And at 1?", "# - What happens at 0?\n# - And at 1?", "try_it", "numbered list"),
    ('# %% [markdown] tags=["answer"]', "# %% [markdown]", "try_it", "tagged 'answer'"),
    ("# 2. Everything, because …\n", "", "try_it", "2 numbered question(s) in the Try it but 1"),
    ("# *Optional: skip it on the core path.*\n", "", "going_deeper", "*Optional: skip it on the core path.*"),
    ('# %% tags=["deeper"]\nhfs.show', "# %%\nhfs.show", "going_deeper", "must carry the tag 'deeper'"),
    ("x = ...\ncheck", "x = 1\ncheck", "exercise", "blanks `...`"),
    ('x = 3\ncheck("42", x=x, collapsed=True)', 'x = 3\ncheck("42", y=x, collapsed=True)', "exercise", "same checker"),
    ('x = 3\ncheck("42", x=x, collapsed=True)', 'x = 3\ncheck("42", x=x)', "exercise", "collapsed=True"),
    (
        'x = 3\ncheck("42", x=x, collapsed=True)',
        'x = 3\nprint(x)\ncheck("42", x=x, collapsed=True)',
        "exercise",
        "print()",
    ),
    (
        '# %% [markdown] tags=["solution"]\n# **Worked',
        "# %% [markdown]\n# **Worked",
        "exercise",
        "lead-in tagged 'solution'",
    ),
    ("# **Time:** about 5 min\n", "", "exercise", "**Time:** about N min"),
    ("[ephaptic](glossary.md#ephaptic)", "ephaptic", "glossary", "glossary.md#ephaptic"),
]

CHECK = {
    "try_it": sk.check_try_it_has_controls_numbered_questions_view_and_answers,
    "going_deeper": sk.check_going_deeper_sections_are_optional_and_tagged,
    "exercise": sk.check_exercise_has_blanks_a_checker_and_a_hidden_worked_solution,
    "glossary": sk.check_chapter_links_the_glossary,
}


def _chapter(tmp_path, text):
    path = tmp_path / "42_demo.py"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("check", sk.CHECKS, ids=[c.__name__ for c in sk.CHECKS])
def test_a_conforming_chapter_passes(tmp_path, check):
    check(_chapter(tmp_path, GOOD))


@pytest.mark.parametrize("old, new, check, words", BAD, ids=[b[3][:30] for b in BAD])
def test_each_broken_convention_is_named(tmp_path, old, new, check, words):
    assert old in GOOD
    with pytest.raises(AssertionError, match=None) as info:
        CHECK[check](_chapter(tmp_path, GOOD.replace(old, new, 1)))
    assert words in str(info.value), str(info.value)
