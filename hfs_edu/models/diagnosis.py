"""Diagnosis of hemifacial spasm (chapter 06): what a test result does to a probability, and the
vignette trainer's rules.

Two pure pieces:

* **Bayes.** A test with sensitivity ``Se`` and specificity ``Sp``, applied to a group in which a
  share ``p`` has the condition (the pre-test probability), gives

  - after a positive result: ``p·Se / (p·Se + (1 − p)·(1 − Sp))``;
  - after a negative result: ``p·(1 − Se) / (p·(1 − Se) + (1 − p)·Sp)``.

  The same numbers as natural frequencies: of ``n`` people, ``n·p`` have the condition, of whom
  ``n·p·Se`` test positive, and so on (:class:`Outcome`). The sensitivities and specificities
  come from ``data/diagnostic_accuracy.csv``; the pre-test probability is the student's assumption.
* **Vignettes.** Each vignette (``data/vignettes.csv``) lists the features its text states as codes
  (:data:`FEATURES`). A diagnosis of ``data/differential_diagnosis.csv`` is *compatible* with a
  vignette when it can show every one of them; a well-made vignette has exactly one compatible
  diagnosis, its answer. :func:`score_answer` marks a student's choice of diagnosis and, for HFS,
  of imaging.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._params import choice, integer, number, text, validated
from ..data import load_table

__all__ = [
    "FEATURES",
    "IMAGING_CHOICES",
    "NOT_ASKED",
    "HFS",
    "Outcome",
    "VignetteResult",
    "diagnoses",
    "diagnostic_tests",
    "differential",
    "vignettes",
    "vignette_ids",
    "available_tests",
    "post_test_probability",
    "outcome",
    "named_test_outcome",
    "icon_counts",
    "PostTestCurve",
    "post_test_curve",
    "compatible_diagnoses",
    "comparison_grid",
    "score_answer",
    "features_in_words",
]

HFS = "hemifacial spasm"
#: The trainer's imaging choices (asked for HFS only): words of the course, not data.
IMAGING_CHOICES = ("no MRI", "routine MRI", "prompt MRI")
NOT_ASKED = "not asked"

#: Feature codes of ``differential_diagnosis.feature_codes`` and ``vignettes.clue_codes``, in words.
FEATURES = {
    "one_side": "one side of the face only",
    "both_sides": "both sides of the face",
    "eyelid_first": "began at the lower eyelid",
    "eyelid_closure": "both eyelids squeezing shut",
    "clonic_twitches": "brief clonic twitches",
    "synchronous_eye_mouth": "eye and mouth contracting at the same moment",
    "babinski2": "the eyebrow rises as the eye closes (Babinski-2 sign)",
    "no_babinski2": "no Babinski-2 sign: the brow comes down as the eye closes",
    "persists_in_sleep": "continues during sleep",
    "eases_in_sleep": "stops or eases in sleep",
    "spontaneous": "comes on by itself, at rest",
    "lsr_present": "a lateral spread response on EMG",
    "facial_weakness": "weakness of the same side of the face",
    "facial_numbness": "numbness of the same side of the face",
    "facial_pain": "pain in the same side of the face",
    "rippling": "fine, worm-like rippling under the skin",
    "continuous": "continuous rather than in bursts",
    "self_limited_weeks": "fading by itself over weeks",
    "ms_or_brainstem_lesion": "multiple sclerosis or another brainstem lesion",
    "semipurposeful": "coordinated, semipurposeful movements",
    "neck_involved": "neck muscles involved too",
    "premonitory_urge": "an urge before each movement, relieved by it",
    "jerks_regular": "regularly spaced jerks",
    "awareness_preserved": "aware throughout the attack",
    "eeg_contralateral": "an EEG pattern over the opposite hemisphere",
    "tonic_pull": "a tonic, sustained pull",
    "mouth_angle_down": "the mouth angle pulled down",
    "lower_lip_jaw_deviation": "lower lip and jaw drawn to one side",
    "suggestible_distractible": "changes with suggestion or distraction",
    "after_facial_palsy": "a facial palsy in the history",
    "with_voluntary_movement": "contractions with every voluntary movement",
    "jaw_closing": "jaw-closing muscles of one side",
    "chewing_trigger": "set off by chewing or cold",
    "skin_changes": "morphea or hemiatrophy of the skin",
    "jaw_tongue": "jaw and tongue forced open, shut or forward",
    "lower_face": "the lower face",
}


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in str(value).split(";") if c.strip())


def differential() -> pd.DataFrame:
    """The table ``differential_diagnosis`` (one row per condition)."""
    return load_table("differential_diagnosis")


def vignettes() -> pd.DataFrame:
    """The table ``vignettes`` (one row per case vignette)."""
    return load_table("vignettes")


def diagnostic_tests() -> pd.DataFrame:
    """The table ``diagnostic_accuracy``: the tests of the Bayes view, with sensitivity and specificity."""
    return load_table("diagnostic_accuracy")


def diagnoses() -> tuple[str, ...]:
    """The diagnoses of the differential table, HFS first, then alphabetical."""
    names = sorted(differential()["diagnosis"])
    return (HFS, *[n for n in names if n != HFS])


def vignette_ids() -> tuple[str, ...]:
    """The vignette identifiers, in table order."""
    return tuple(vignettes()["vignette_id"])


def available_tests() -> tuple[str, ...]:
    """The tests of ``diagnostic_accuracy``, in table order."""
    return tuple(diagnostic_tests()["test"])


_PCT = dict(lo=0.0, hi=100.0, unit="%")
_PRE = number(
    0.0, 100.0, unit="%", doc="Pre-test probability: the share of people like this one who have the condition."
)


@validated(
    pretest_pct=_PRE,
    sensitivity_pct=number(**_PCT, doc="Share of people with the condition who test positive."),
    specificity_pct=number(**_PCT, doc="Share of people without the condition who test negative."),
    result=choice(("positive", "negative"), doc="The test result."),
)
def post_test_probability(
    pretest_pct: float, sensitivity_pct: float, specificity_pct: float, result: str = "positive"
) -> float:
    """Probability of the condition after the test (Bayes' theorem), in %.

    A result that no one can get (e.g. a positive test when sensitivity is 0 and specificity 100%)
    leaves the pre-test probability unchanged.

    {parameters}

    Returns
    -------
    float
        Post-test probability, %.
    """
    p, se, sp = pretest_pct / 100, sensitivity_pct / 100, specificity_pct / 100
    if result == "positive":
        hit, other = p * se, (1 - p) * (1 - sp)
    else:
        hit, other = p * (1 - se), (1 - p) * sp
    total = hit + other
    return 100.0 * hit / total if total > 0 else float(pretest_pct)


@dataclass(frozen=True)
class Outcome:
    """Natural frequencies: what happens when ``n`` people, ``pretest_pct`` % of whom have the
    condition, take a test (expected counts; not rounded)."""

    n: int
    pretest_pct: float
    sensitivity_pct: float
    specificity_pct: float
    true_positive: float
    false_positive: float
    false_negative: float
    true_negative: float

    @property
    def positives(self) -> float:
        return self.true_positive + self.false_positive

    @property
    def negatives(self) -> float:
        return self.false_negative + self.true_negative

    @property
    def post_positive_pct(self) -> float:
        """Probability of the condition after a positive result (PPV), %."""
        return post_test_probability(self.pretest_pct, self.sensitivity_pct, self.specificity_pct, "positive")

    @property
    def post_negative_pct(self) -> float:
        """Probability of the condition after a negative result (1 − NPV), %."""
        return post_test_probability(self.pretest_pct, self.sensitivity_pct, self.specificity_pct, "negative")

    @property
    def likelihood_ratio_positive(self) -> float:
        """Sensitivity / (1 − specificity); infinite when specificity is 100%."""
        fp_rate = 1 - self.specificity_pct / 100
        return self.sensitivity_pct / 100 / fp_rate if fp_rate > 0 else float("inf")


@validated(
    pretest_pct=_PRE,
    sensitivity_pct=number(**_PCT, doc="Share of people with the condition who test positive."),
    specificity_pct=number(**_PCT, doc="Share of people without the condition who test negative."),
    n=integer(10, 1_000_000, unit="people", doc="People tested."),
)
def outcome(pretest_pct: float, sensitivity_pct: float, specificity_pct: float, n: int = 1000) -> Outcome:
    """Expected counts of the four results for ``n`` people.

    {parameters}

    Returns
    -------
    Outcome
    """
    p, se, sp = pretest_pct / 100, sensitivity_pct / 100, specificity_pct / 100
    ill, well = n * p, n * (1 - p)
    return Outcome(
        n,
        float(pretest_pct),
        float(sensitivity_pct),
        float(specificity_pct),
        ill * se,
        well * (1 - sp),
        ill * (1 - se),
        well * sp,
    )


@validated(
    test=choice(available_tests, doc="A test of the table diagnostic_accuracy."),
    pretest_pct=_PRE,
    n=integer(10, 1_000_000, unit="people", doc="People tested."),
)
def named_test_outcome(test: str, pretest_pct: float, n: int = 1000) -> Outcome:
    """:func:`outcome` with the sensitivity and specificity of a named test.

    {parameters}
    """
    row = diagnostic_tests().set_index("test").loc[test]
    return outcome(pretest_pct, float(row["sensitivity_pct"]), float(row["specificity_pct"]), n)


@dataclass(frozen=True)
class PostTestCurve:
    """Post-test probability after a positive and after a negative result, over pre-test probabilities."""

    pretest_pct: np.ndarray
    positive_pct: np.ndarray
    negative_pct: np.ndarray


@validated(
    sensitivity_pct=number(**_PCT, doc="Share of people with the condition who test positive."),
    specificity_pct=number(**_PCT, doc="Share of people without the condition who test negative."),
    n_points=integer(2, 1001, doc="Pre-test probabilities from 0 to 100%."),
)
def post_test_curve(sensitivity_pct: float, specificity_pct: float, n_points: int = 101) -> PostTestCurve:
    """:func:`post_test_probability` for pre-test probabilities from 0 to 100% (vectorised).

    {parameters}
    """
    p = np.linspace(0.0, 1.0, n_points)
    se, sp = sensitivity_pct / 100, specificity_pct / 100

    def bayes(hit, other):
        total = hit + other
        return np.where(total > 0, 100.0 * hit / np.where(total > 0, total, 1.0), 100.0 * p)

    return PostTestCurve(100.0 * p, bayes(p * se, (1 - p) * (1 - sp)), bayes(p * (1 - se), (1 - p) * sp))


@validated(n_icons=integer(4, 400, doc="Icons in the array (people drawn)."))
def icon_counts(result: Outcome, n_icons: int = 100) -> dict[str, int]:
    """Whole numbers of icons for the four results that add up to ``n_icons`` (largest remainder).

    {parameters}

    Returns
    -------
    dict
        ``{"true_positive", "false_negative", "false_positive", "true_negative"}`` -> icons.
    """
    if not isinstance(result, Outcome):
        raise TypeError(f"result must be a Outcome from outcome(), got {type(result).__name__}")
    keys = ("true_positive", "false_negative", "false_positive", "true_negative")
    exact = np.array([getattr(result, k) for k in keys]) * n_icons / result.n
    counts = np.floor(exact).astype(int)
    for i in np.argsort(-(exact - counts), kind="stable")[: n_icons - counts.sum()]:
        counts[i] += 1
    return dict(zip(keys, (int(c) for c in counts)))


_CLUES = dataclasses.replace(
    text(doc="Semicolon-separated feature codes (see FEATURES)."),
    extra={"examples": ("one_side;babinski2", "both_sides;eyelid_closure", "jaw_tongue")},
)


@validated(clue_codes=_CLUES)
def compatible_diagnoses(clue_codes: str) -> tuple[str, ...]:
    """The diagnoses of the differential table that can show every feature in ``clue_codes``.

    {parameters}
    """
    clues = set(_codes(clue_codes))
    unknown = clues - set(FEATURES)
    if unknown:
        raise ValueError(f"clue_codes={clue_codes!r} has unknown codes {sorted(unknown)}; allowed: see FEATURES")
    table = differential()
    return tuple(r.diagnosis for r in table.itertuples() if clues <= set(_codes(r.feature_codes)))


@validated(clue_codes=_CLUES)
def features_in_words(clue_codes: str) -> str:
    """The features of ``clue_codes`` in words, joined with semicolons.

    {parameters}
    """
    codes = _codes(clue_codes)
    unknown = [c for c in codes if c not in FEATURES]
    if unknown:
        raise ValueError(f"clue_codes={clue_codes!r} has unknown codes {unknown}; allowed: see FEATURES")
    return "; ".join(FEATURES[c] for c in codes)


@dataclass(frozen=True)
class VignetteResult:
    """The mark for one answer to one vignette."""

    vignette_id: str
    diagnosis_correct: bool
    imaging_correct: bool | None  # None when imaging is not marked (not asked, or the diagnosis is wrong)
    answer_diagnosis: str
    answer_imaging: str
    feedback: str
    lines: tuple[str, ...] = ()  # the feedback, one verdict or explanation per line

    @property
    def points(self) -> int:
        return int(self.diagnosis_correct) + int(bool(self.imaging_correct))

    @property
    def possible(self) -> int:
        return 1 if self.answer_imaging == NOT_ASKED else 2


_IMAGING_WORDS = {
    "no MRI": "no MRI",
    "routine MRI": (
        "an MRI (high-resolution T2-weighted 3D images and angiography, with whole-brain images), without urgency"
    ),
    "prompt MRI": (
        "a prompt MRI, looking for a secondary cause (whole-brain images, with contrast) as well as the vessel"
    ),
}


def _feature_sets() -> dict[str, set[str]]:
    return {r.diagnosis: set(_codes(r.feature_codes)) for r in differential().itertuples()}


def _deciding_codes(clue_codes: str) -> str:
    """The clue codes that some diagnosis of the table cannot show (codes every row shares decide nothing)."""
    shared = set.intersection(*_feature_sets().values())
    return ";".join(c for c in _codes(clue_codes) if c not in shared)


@validated(
    vignette_id=choice(vignette_ids, doc="A vignette of the table vignettes."),
    diagnosis=choice(diagnoses, doc="The student's diagnosis."),
    imaging=choice(IMAGING_CHOICES, doc="The student's imaging choice (marked only when the answer is HFS)."),
)
def score_answer(vignette_id: str, diagnosis: str, imaging: str = "routine MRI") -> VignetteResult:
    """Mark a student's diagnosis (and, when the answer is HFS, imaging choice) for one vignette.

    {parameters}

    Returns
    -------
    VignetteResult
        The feedback starts with the verdict; for a wrong diagnosis it names the features of the story
        that the chosen diagnosis cannot show; then the deciding features and the cited explanation.
        The imaging is marked only when the diagnosis is right (HFS): a wrong diagnosis earns no
        imaging point, and the student's imaging choice is then not reported.
    """
    row = vignettes().set_index("vignette_id").loc[vignette_id]
    answer, want_imaging = str(row["diagnosis"]), str(row["imaging"])
    right = diagnosis == answer
    asked = want_imaging != NOT_ASKED
    imaging_ok = (imaging == want_imaging) if (asked and right) else None
    lines = []
    if right:
        lines.append(f"Right: {answer}." if imaging_ok in (None, True) else f"Diagnosis right: {answer}.")
    else:
        lines.append(f"Not {diagnosis}: the answer is {answer}.")
        missing = [c for c in _codes(row["clue_codes"]) if c not in _feature_sets()[diagnosis]]
        shown = features_in_words(";".join(missing))
        lines.append(f"Against {diagnosis}: it does not show these features of the story: {shown}.")
    lines.append(f"Features in the story that decide it: {features_in_words(_deciding_codes(row['clue_codes']))}.")
    if asked:
        if right:
            verdict = "right" if imaging_ok else f"not {imaging}"
            lines.append(f"Imaging: {verdict}; the course's answer is {_IMAGING_WORDS[want_imaging]}.")
        else:
            lines.append(f"Imaging (for HFS): the course's answer is {_IMAGING_WORDS[want_imaging]}.")
    lines.append(str(row["feedback"]))
    return VignetteResult(vignette_id, right, imaging_ok, answer, want_imaging, " ".join(lines), tuple(lines))


#: The short comparison grid of chapter 06 (student review H03): column -> (feature code -> word), from
#: ``feature_codes``; a row whose codes name none of a column's features shows "-" (not a feature of it).
_GRID = {
    "sides": {"one_side": "one", "both_sides": "both"},
    "kind of movement": {
        "clonic_twitches": "clonic twitches",
        "eyelid_closure": "eyelid closure",
        "rippling": "rippling",
        "semipurposeful": "semipurposeful",
        "jerks_regular": "regular jerks",
        "tonic_pull": "tonic pull",
        "with_voluntary_movement": "with each voluntary movement",
        "jaw_closing": "jaw clenching",
        "jaw_tongue": "jaw and tongue",
    },
    "in sleep": {"persists_in_sleep": "continues", "eases_in_sleep": "eases"},
    "Babinski-2 sign": {"babinski2": "can be present", "no_babinski2": "absent"},
    "LSR on EMG": {"lsr_present": "present"},
    "history": {"after_facial_palsy": "facial palsy", "ms_or_brainstem_lesion": "MS or brainstem lesion"},
}


def comparison_grid() -> pd.DataFrame:
    """The differential table as a one-word-per-cell grid (sides, movement, sleep, Babinski-2, LSR, history),
    derived from ``feature_codes``; "-" where the row lists none of the column's features."""
    rows = []
    for r in differential().itertuples():
        codes = _codes(r.feature_codes)
        row = {"diagnosis": r.diagnosis}
        for column, words in _GRID.items():
            found = [words[c] for c in codes if c in words]
            row[column] = " or ".join(found) if found else "-"
        rows.append(row)
    return pd.DataFrame(rows)
