# %% [markdown]
# # 04 · The clinical picture: how the spasm spreads and what it does to a life
#
# Two years after the first flicker of her left lower eyelid, Mrs Ana Ortiz, the teacher of the
# earlier chapters and a teaching case rather than a real patient, describes her week [TC:T].
# Several times an hour her left eye squeezes shut and her mouth corner is pulled up; lately some
# squeezes last longer. It is worst after hours of talking in class and when she is tired. Her
# husband says the eye twitches even in her sleep. Nothing hurts, yet she avoids photographs and
# has stopped driving at night since her left eye closed at a junction. Will it spread, why is it
# worse at some times, and why does something painless matter so much? Chapters 02 and 03 built
# the damaged nerve and its cross-talk; this chapter follows what patient and doctor see over the
# years.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. describe the typical course of HFS (onset at the eye, spread down the face, spasms becoming
#    more frequent and more sustained) and the atypical course that starts low and climbs;
# 2. say which parts of the course model come from the chapter 02 and 03 models, which from
#    clinical series and which are teaching calibrations;
# 3. name the triggers and relieving factors, and say which are measured in clinic series and which
#    only listed on web pages;
# 4. describe the other Babinski sign and interpret its sensitivity and specificity;
# 5. explain why a painless spasm is disabling, with the instruments that measure it (HFS-30 and
#    others) and the range of reported anxiety and depression;
# 6. say how often bilateral HFS and spontaneous remission occur, and why the sources disagree.
#
# **Estimated time:** about 50 min core path (+3 min going deeper).
#
# **Prerequisites:** chapters 01 (face map and branches), 02 (the compression model, severity and
# blood pressure) and 03 (cross-talk). From your studies: sensitivity and specificity.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import progression

hfs.setup()

# %% [markdown]
# ## 1. From a worn nerve to a spreading spasm
#
# The course model of this chapter (`hfs_edu.models.progression`) adds no new mechanism. It chains
# the two models you already know:
#
# - **Damage over the years** (chapter 02): the vessel wears the myelin at the root exit zone,
#   faster with a harder contact and a higher blood pressure.
# - **Cross-talk at each level of damage** (chapter 03): how often the bundle bursts gives the
#   spasm rate, how many fibres fire on their own sets how much of the face is recruited, and how
#   many fibres each burst carries sets how sustained the spasm is. All three grow with the damage, so the
#   model's spasm never gets milder while the vessel presses [TC:T].
# - **Which muscle those fibres drive** cannot come from the bundle: near the brainstem the nerve
#   has no fascicles (chapter 01), so its layout does not say which muscle goes first [S51:B]. The
#   order is taken from clinical series instead, and how fast the muscles fill up is a teaching
#   calibration [S1:B; S11:A; TC:T].
#
# Figure 4.1 shows ten years of the model for a firm indentation (severity 0.75, "0.75 firmer" in
# the view) at a normal blood pressure, with a stress trigger (dashed line), and the face at month
# 24, two years after the first spasm.

# %%
hfs.show(figs.progression_figure(month=24), "4.1")

# %% [markdown]
# Read it as directions, not a forecast: rates, tonic share and timing are calibrations [TC:T].

# %% [markdown]
# ## 2. Where it starts and which way it spreads
#
# **Typical onset.** The spasm usually starts around the eye. The orbicularis oculi was the first
# muscle affected in 86.1% of 137 patients in Singapore, and the lower lid was the commonest first
# site in a US clinic, followed by the cheek and the mouth [S10:A; S11:A]. A review describes the
# first contractions as eyelid closure with the eyebrow rising, then a spread down to the cheek,
# mouth and neck [S1:B]. Spread is the rule, not the exception: 93.4% of 178 patients in an Italian
# series had spread to other muscles of the same side [S19:A]. That series also measured the
# latency of spread and found it related to disease duration and age at onset, but its abstract
# gives no value [S19:A]; a congress abstract says it spreads over years [N804:B].
#
# **Atypical onset.** In a minority the spasm starts in the lower face, in the orbicularis oris and
# the buccinator, and climbs up to the eye: [atypical HFS](glossary.md#atypical-HFS) [N600:B]. Its
# share is 8% and 8.8% in two surgical series [S12:A; S36:A]; the introduction of the Italian
# series quotes 1.3% to 17% from earlier studies, a secondary quotation [S19:A], and an encyclopaedia
# gives 2-3%, citing a study not checked for this course [S3:C]. Definitions and populations may
# explain the spread: the studies differ in who they count, and the abstracts do not define
# "atypical". Because lower-face onset is uncommon, look for features of a secondary or functional
# spasm before calling it atypical HFS (chapter 06).

# %% [markdown]
# Figure 4.2 puts the two orders side by side. Where the sources name no place (the forehead's
# place right after the eye in the typical form, the chin in both forms, most of the upper face in
# the atypical form), the order is a teaching choice by position on the face [TC:T].

# %%
hfs.show(figs.onset_comparison_figure(), "4.2")

# %% [markdown]
# ### Try it: scrub through the years
#
# The view is Figure 4.1 with controls. Month 0 is the first spasm: the onset muscle is in it from
# then on. A muscle that is shaded but not hatched is starting to join; hatched (▶ in the key)
# means recruited, and cross-hatching with a thick outline means most spasms are now sustained.
# The face shows *which* muscles; panel A *how often* (spasms per hour at rest, solid; with the
# trigger, dashed; asleep, dotted); panel B *how sustained* (the tonic share) and the *hemiface
# involved* (the model's mean involvement over its seven muscles, in %).
# The rate rises in steps, with flat stretches (about 40 an hour for a while early on, at nearby
# severities alike): an artefact of the small model bundle of chapter 03, not physiology.
#
# **Controls.** *months since onset*: the cursor, 0 to 120 months (ten years). *onset*: typical
# (eye first) or atypical (mouth first). *contact severity*: how hard the vessel presses, as in
# chapter 02. *systolic BP*: systolic blood pressure, held constant, 100 to 150 mmHg (above about
# 150 mmHg the chapter 02 model's vessel already presses as hard as it can at severity 0.75, so the
# effect stops growing). *trigger*: one trigger acting on the awake rate. Every constant of the
# model is a teaching calibration [TC:T].
#
# **Questions to explore** (severity 0.75 and 120 mmHg unless a question says otherwise):
#
# 1. With typical onset, move the months from 0 to 120. Which muscle goes first and which last?
#    What happens to the rate, and to the share of sustained spasms?
# 2. Switch to atypical onset and scrub from month 36 to month 72. Which muscles are in the spasm
#    at month 36, and in which direction does it spread after that?
# 3. At month 48 choose the trigger *stress*, then *bright light*. What happens to the dashed line
#    each time, and why is the answer different?
# 4. At month 24 raise the systolic BP from 120 to 150 mmHg. Does the spasm reach more muscles?
#    Which finding of chapter 02 does this imitate, and what can it not show?

# %%
from hfs_edu.widgets.progression import ProgressionView

ProgressionView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. The orbicularis oculi goes first, from month 0, then the frontalis, the cheek, the
#    mouth and the chin; the platysma of the neck comes last, after about six years. The rate rises
#    from a few spasms an hour to about 200, and the sustained share from none to about two thirds:
#    the typical course in the model [TC:T; S1:B].
# 2. At month 36: orbicularis oris, buccinator and the chin (mentalis), so it first reaches the chin
#    just below the mouth. After that it climbs: the cheek (about month 40), then the eye and the
#    forehead (by month 72). The spasm climbs up the face, the atypical direction [N600:B].
# 3. Stress lifts the dashed line above the solid one: a trigger multiplies the awake rate and never
#    lowers it [TC:T; S10:A]. With bright light no dashed line appears (it would lie on the solid
#    one): only a patient-organisation page lists it and no HFS series measured it [N805:C], so the
#    model gives it no effect.
# 4. Yes: at 150 mmHg the myelin wears faster, so the spasm starts sooner after the contact begins
#    and spreads faster. It imitates the association of hypertension with HFS (chapter 02)
#    [S46:A]; like that association, it does not show that her blood pressure caused her spasm.
# </details>

# %% [markdown] tags=["deeper"]
# ### Going deeper: counting onset patterns
#
# *Optional: skip it on the core path.*
#
# "Not eye first" is not the same as atypical: in an Italian series only 65.0% of primary HFS began
# at the eye alone, because upper and lower face starting together was counted apart [S15:A]. The
# course's model uses the range of the primary series that do count typical against atypical, and
# the clinical orders of spread:

# %% tags=["deeper"]
low, high = progression.sourced_range("atypical onset")
print(f"Atypical onset in the primary series: {low:g}% to {high:g}% of patients")
print("Typical order: ", " -> ".join(progression.spread_order("typical")))
print("Atypical order:", " -> ".join(progression.spread_order("atypical")))

# %% [markdown]
# ## 3. More often, more strongly, and even in sleep
#
# Early spasms are usually [clonic](glossary.md#clonic): brief twitches that come and go. Later they
# may become [tonic](glossary.md#tonic), sustained contractions that hold the eye shut for seconds.
# Definitions of HFS include both ("tonic or clonic") [S11:A; S16:A]. A professional reference describes
# contractions that are intermittent at first and may become almost continuous [N100:C], and a
# neurosurgery page describes the move from clonic to tonic [N604:C]. No series the course found
# measured when or how often it happens, so the model's tonic share is a calibration [TC:T]. What
# a series did measure: severity correlated with disease duration in 321 Indian patients [S21:A].
#
# The spasm also goes on in sleep: in a sleep study spasms continued in all 12 patients,
# significantly less often than awake [S108:A], and sleep was the commonest relieving factor
# (44.24%) in the Indian series [S21:A]. Reduced, not abolished; the model's sleep fraction is a
# calibration [TC:T]. Chapter 06 (coming) uses this to separate HFS from its mimics.

# %% [markdown] tags=["deeper"]
# ### Going deeper: what else patients notice
#
# *Optional: skip it on the core path.*
#
# - **Clicking in the ear.** A contraction of the stapedius, the small muscle of the middle ear
#   supplied by the facial nerve (chapter 01), was heard as ipsilateral ear clicking in 22.74% of the
#   Indian patients [S21:A].
# - **Weakness.** Seven of 23 patients in an early clinical study had mild facial weakness [S53:A],
#   and in the Indian series severity correlated with weakness [S21:A]. Mild weakness can occur in
#   primary HFS, but **weakness, numbness or facial pain, especially if progressive, is a red flag**
#   for a secondary cause such as a tumour at the cerebellopontine angle, and needs imaging: a
#   space-occupying lesion must be excluded when such atypical features are present [S106:B], and
#   in a referral series secondary HFS was associated with facial pain and weakness [N602:A]. The
#   red flags are taught in [chapter 06](06_diagnosis.ipynb).
# - **[Synkinesis](glossary.md#synkinesis).** Synkinesis between the upper and lower face (for
#   example the mouth moving with a blink) was found in 43.3% of primary and 58.0% of secondary HFS
#   in Italy [S15:A], and in all 23 patients of an EMG study [S53:A]: the difference is one of
#   method. Chapter 03 explains it in primary HFS with cross-talk; in post-paralytic cases it
#   reflects regrown fibres reaching the wrong muscles.
# - **Why the model spreads in order.** Nobody knows why the spread is orderly. In the model the
#   first coupled fibre group drives the onset muscle, and more coupled groups fill the next
#   muscles in the clinical order, until a fixed share of the bundle drives the whole hemiface
#   [TC:T]. It is a teaching device that makes the spread follow the damage, not a finding about
#   the nerve.

# %% [markdown]
# ## 4. Triggers: what makes it worse, what helps
#
# A [trigger](glossary.md#trigger) makes spasms come more often while it acts; it aggravates the
# disorder, it does not cause it. Stress and anxiety are the best documented. They aggravated the
# spasm in 65% of 137 patients in Singapore and were the commonest aggravating factor (44.86%) in
# 321 Indian patients [S10:A; S21:A]. In 1,003 Chinese patients stress or anxiety aggravated and
# relaxation relieved most often [S22:A]. Fatigue, reading and moving the face are named only by
# expert and hospital pages, a weaker tier of evidence [N603:C; N604:C; N605:C]; talking and eating
# are examples of moving the face, not named by the source. **Bright light** is listed by a tier-C
# patient page, not measured in any HFS series: a patient-organisation page lists "light exposure"
# [N805:C], no clinic series counted it, and it is a classic aggravator of blepharospasm, from
# which leaflets may have borrowed it. The course does not teach it as a measured trigger and the
# model gives it no effect. The table lists every row with its evidence.

# %%
hfs.show_table("hfs_triggers", columns=["trigger", "effect", "population", "pct", "source_key", "tier"])

# %% [markdown]
# In the model each trigger multiplies the awake rate by a factor of at least 1; the factors are
# calibrations, only the direction is sourced [TC:T]. Mrs Ortiz's bad days (talking in class,
# tiredness, tense meetings) fit the list, though only stress is backed by clinic series.

# %% [markdown]
# ## 5. The other Babinski sign
#
# Joseph Babinski, better known for the plantar reflex, described a second sign at the Société
# Neurologique de Paris on 6 April 1905 [S72:B]. In HFS the frontalis and the orbicularis oculi
# contract together, so the **eyebrow rises as the eye closes**, a movement no one can make at will:
# the [other Babinski sign](glossary.md#other-Babinski-sign), or Babinski-2 sign [S72:B]. Three
# studies measured the sign in HFS; two of them also in blepharospasm, where both eyes squeeze
# shut, and in [post-paralytic facial syndrome](glossary.md#post-paralytic-hemifacial-spasm)
# (after a facial palsy, regrown fibres can drive brow and eye together: synkinesis):

# %%
hfs.show_table("babinski2", columns=["study", "n_hfs", "prevalence_in_hfs_pct",
                                     "specificity_vs_blepharospasm_pct", "specificity_vs_post_paralytic_pct",
                                     "source_key"])

# %% [markdown]
# The sign was present in 86% of 35, 67.9% of 28 and 34.6% of 182 patients with HFS
# [S74:A; S75:A; S76:B]. The range probably reflects small samples, different clinics and different
# methods (the largest study rated videos, with two specialists). It was absent in every patient
# with blepharospasm (specificity 100%), but present in 23.5% of patients with post-paralytic facial
# syndrome (specificity 76% against them) [S74:A; S75:A]. (One study also reports a pooled
# sensitivity of 51%: HFS and post-paralytic syndrome counted together against blepharospasm, 23 of
# 45 [S75:A]; it is not the sensitivity for HFS alone, so the table leaves it out.) The sign is
# **specific but not sensitive**: when the brow rises with the eye, HFS (or post-paralytic
# synkinesis) is much more likely than blepharospasm; when it does not, HFS is not excluded. Mrs
# Ortiz has not noticed her eyebrow move.

# %% [markdown]
# ## 6. Painless yet disabling
#
# HFS rarely hurts [N100:C] (facial pain is a reason to look for a secondary cause, section 3 and
# chapter 06 [N602:A]), but it acts on the face, the part of the body others watch. In the Singapore
# survey of 137 patients, 75.2% were embarrassed by the spasm, 60.6% said it interfered with their
# vision and 35.8% that it affected their work [S10:A]. The vision figure matters most for safety.
# A spasm that squeezes the eye shut for seconds causes
# [functional blindness](glossary.md#functional-blindness) of that eye, though the eye itself is
# healthy [N807:B]: vision is monocular for a moment (the outer edge of the field on that side and depth perception are lost), with a
# startle, and reading is tiring. A patient whose eye closes in spasms should discuss driving with
# their doctor; the rules differ between countries. Sixty-five per cent said the spasm made them
# feel depressed; that was the patients' own word in a survey, not a diagnosis [S10:A].
#
# To measure [quality of life](glossary.md#quality-of-life), the course's sources use
# questionnaires the patient fills in:
#
# - the **[HFS-30](glossary.md#HFS-30)**: 30 items in seven areas (mobility, daily activities,
#   emotional well-being, stigma, social support, cognition, communication), each scored 0-4; in 80
#   patients it improved 6-8 weeks after botulinum toxin [S92:A];
# - the **[HFS-7](glossary.md#HFS-7)**, a seven-item short form, whose every item told 85 patients
#   from 93 controls and which correlated with the mental-health score of the SF-36, a general
#   health questionnaire [S93:A];
# - the **HFS-36**, which adds bodily discomfort and was validated in Chinese in Taiwan [S94:A];
#   in 85 patients in Cracow, Poland, the mean score was 47 of a maximum the study gives as 140
#   [S91:A].
#
# Anxiety and depression were measured with questionnaires and rating scales, none of them a
# diagnostic interview: the Beck Depression Inventory (BDI) and the Zung Self-rating Anxiety and
# Depression Scales (SAS, SDS) are filled in by the patient, the Hamilton Anxiety Rating Scale
# (HAM-A) by a clinician. Depressive symptoms above a cut-off on self-rated scales: BDI 34% of
# patients against 10% of controls [N801:A], SDS 15.4% of women in a Chinese clinic (anxiety on the
# SAS 11.4% of women) [N802:B]. Clinician-rated anxiety: a HAM-A score of 18 or more in 19.5% of
# patients against 3.8% of controls [N800:A], and 80% in one small study whose cut-off is not given
# in the abstract [N801:A]. None of these studies made a psychiatric diagnosis. The range is wide
# because the studies used different scales, cut-offs and groups (women only in one) in small
# clinic samples. These are associations: the studies cannot tell how much of the distress the
# spasm causes, though in one cross-sectional study the severity of the spasm was independently
# associated with depressive symptoms [N803:A].

# %%
hfs.show_table("quality_of_life", columns=["instrument", "measures", "study", "n_patients", "finding", "pct",
                                           "control_pct", "source_key"])

# %% [markdown]
# ## 7. Rare turns: the other side, and remission
#
# **[Bilateral HFS](glossary.md#bilateral-HFS)** is rare. It was 0.4% of 1,642 surgical patients
# and 3.2% of 158 clinic patients, with other series in between [S17:A; S11:A; S22:A], probably
# because surgical series under-count bilateral cases and movement-disorder clinics see more. Two
# things are almost always true. The second side starts later: in a series of five patients it
# began 0.2 to 15 years after the first (a mean of 8.4 years) [S25:A]. And the two sides twitch out
# of step: their spasms were asymmetric and asynchronous [S25:A; N600:B]. At least one synchronous
# bilateral case has been published (its authors call it the first) [N806:A]. Both eyes closing together from the start points
# elsewhere, for example to blepharospasm, and bilateral spasm needs a careful differential
# diagnosis and imaging (chapter 06) [S25:A; S17:A].
#
# **[Spontaneous remission](glossary.md#spontaneous-remission)** is where the sources disagree most.
# A Cochrane review calls spontaneous recovery very rare, and in a referral series 10 of 174
# patients (5.7%) remitted [S98:A; N602:A]. A Korean study found 43 of 104 untreated patients
# (41.3%) in remission and needing no treatment for 5 months to 13 years [S97:A]. But those 104
# were what remained of 2,155 clinic patients after surgery, injections, death and loss to
# follow-up, so the figure is an upper bound in a selected group, not the natural history of HFS;
# across all 2,155 it is at least 2% [S97:A].

# %% [markdown] tags=["deeper"]
# ### Going deeper: rare events in the model
#
# *Optional: skip it on the core path.*
#
# The model draws a second side and a remission with the patient's seed. The rates are
# calibrations [TC:T]: 1.5% for a second side, inside the series' 0.4-3.2% [S17:A; S11:A], and 10%
# for a remission, set on purpose above the only unselected estimate (5.7% [N602:A]) so that a
# class-sized cohort shows some remissions; it is not an estimate. The delays use the sourced
# ranges (0.2-15 years for the second side [S25:A], 2 months to 23 years for a remission [S97:A]);
# the shapes of the distributions are calibrations [TC:T]. In the model the second side starts at
# least 0.2 years later and its spasms are drawn independently of the first side's.

# %% tags=["deeper"]
low, high = progression.sourced_range("bilateral")
print(f"bilateral: {low:g}% to {high:g}% of patients in the series")
low, high = progression.sourced_range("remission")
print(f"remission: {low:g}% (referral series) and {high:g}% (a selected untreated group, an upper bound);"
      " Cochrane: very rare. Model calibration: 10%.")
cohort = [progression.simulate_course(20, seed=s) for s in range(400)]
second_side = sum(c.bilateral_onset_months < 240 for c in cohort)  # nan compares False
remitted = sum(c.remission_months < 240 for c in cohort)
print(f"Of 400 model patients over 20 years: {second_side} second side, {remitted} remissions")

# %% [markdown]
# ## 8. Who gets it: a bridge to chapter 05
#
# Onset is usually in middle age: the mean age at onset runs from 42 years in a Middle Eastern
# referral series and 43.9 in a Hispanic surgical series to 57.0 in Italian secondary HFS
# [N602:A; S36:A; S15:A]. Because it rarely remits, most people living with HFS are older, and
# incidence keeps rising after 60 [S5:A]. Many series count more women (61% to 66%)
# but an Indian clinic found 49% [S11:A; S10:A; S21:A]. The left side was affected in 51.8% to
# 63.5% [S10:A; S23:A]. Mrs Ortiz, 50 at onset, a woman, left side, is a typical patient
# [TC:T]. Chapter 05 asks why the series differ and what that says about risk. Before you go
# there, ask yourself: why might a surgical series report younger patients than a clinic that
# treats with injections?

# %%
hfs.show_table("cohort_demographics", columns=["cohort", "subgroup", "n_patients", "female_pct",
                                               "mean_onset_age_years", "left_pct", "source_key"],
               rows={"source_key": ["S11", "S10", "S15", "S21", "S23", "S36"]})

# %% [markdown]
# ## Exercise: Mrs Ortiz's course in the model
#
# Model Mrs Ortiz with typical onset, contact severity 0.75 and, for her treated hypertension,
# systolic 140 mmHg [TC:T]. **What it practises:** reading a course from the view, and telling a
# sourced statement from a calibration.
#
# **Time:** about 10 min.
#
# You can read every answer from the view above (onset *typical*, severity 0.75, 140 mmHg, month 24)
# and from sections 3 and 4; no programming is needed.
#
# 1. In which muscle does her spasm start (in quotes, e.g. `"frontalis"`)?
# 2. How many of the model's seven muscles are **recruited** (hatched, ▶ in the key) at month 24?
# 3. With the trigger *stress*, about how many spasms an hour does the model give at month 24?
# 4. Do her spasms go on in sleep? `True` or `False`.
# 5. Is bright light supported as a trigger by a clinical series of HFS patients? `True` or `False`.
#
# Then compare part 2 with chapter 01: her forehead was quiet there. Which part of the model's
# order is a teaching choice?

# %% tags=["exercise"]
from hfs_edu.exercises import check

first_muscle = ...           # 1. name in quotes
muscles_at_24 = ...          # 2. a whole number
stress_rate_per_hour = ...   # 3. spasms per hour with stress, month 24
spasms_in_sleep = ...        # 4. True or False
bright_light_in_series = ... # 5. True or False
check("04", first_muscle=first_muscle, muscles_at_24=muscles_at_24, stress_rate_per_hour=stress_rate_per_hour,
      spasms_in_sleep=spasms_in_sleep, bright_light_in_series=bright_light_in_series)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models import progression

c = progression.simulate_course(10, "typical", severity=0.75, systolic_bp_mmhg=140, triggers="stress", remission=False)
first_muscle = "orbicularis oculi"                                   # typical onset at the eye [S10; S11]
muscles_at_24 = int(sum(t <= 24 for t in c.recruitment_months))     # eye, forehead, cheek
stress_rate_per_hour = round(float(c.triggered_rate_per_hour[24]))  # the dashed line at month 24
spasms_in_sleep = True       # fewer, not none [S108]
bright_light_in_series = False  # one patient page lists it [N805]; no series measured it
# Her forehead is quiet (chapter 01): the frontalis's place right after the eye is a teaching choice.
check("04", first_muscle=first_muscle, muscles_at_24=muscles_at_24, stress_rate_per_hour=stress_rate_per_hour,
      spasms_in_sleep=spasms_in_sleep, bright_light_in_series=bright_light_in_series, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("04_clinical_picture")

# %% [markdown]
# ## Key takeaways
#
# - HFS usually starts at the eye, 86.1% in one series [S10:A], and spreads to other muscles of the
#   same side in 93.4% [S19:A], usually downwards [S1:B; S11:A]. About 8-9% of surgical patients
#   start in the lower face and the
#   spasm climbs [S12:A; S36:A; N600:B].
# - Over the years spasms come more often and last longer, from clonic twitches to tonic
#   contractions; the direction is sourced, the timing is not [S21:A; N100:C; N604:C]. They go on in
#   sleep, less often [S108:A].
# - Stress and anxiety are the best-documented triggers [S10:A; S21:A]; fatigue, reading and moving
#   the face rest on weaker sources [N603:C; N605:C]; bright light is only listed by a patient page
#   and was never measured in an HFS series [N805:C].
# - Facial weakness, numbness or pain with the spasm is a red flag for a secondary cause: image
#   (chapter 06) [S106:B; N602:A].
# - The other Babinski sign (brow up as the eye closes) is specific but not sensitive: 34.6-86% of
#   patients with HFS, none with blepharospasm [S74:A; S75:A; S76:B].
# - Painless is not harmless: 75.2% embarrassed, 60.6% with impaired vision [S10:A]. The HFS-30 and
#   HFS-7 measure the impact [S92:A; S93:A]; anxiety and depression are more common than in controls,
#   by how much depends on the scale, and none of the studies made a diagnosis [N800:A; N801:A].
# - Bilateral HFS is rare (0.4-3.2%) and almost always asynchronous: the second side usually starts
#   years later (0.2–15 years) and the sides twitch out of step; a synchronous case has been published [S17:A; S11:A;
#   S25:A; N806:A]. Spontaneous
#   remission ranges from very rare to 41.3% of a selected group, an upper bound [S98:A; S97:A].
# - Onset is usually in middle age (mean 42-57 years across series), more often in women in most
#   series [N602:A; S36:A; S15:A; S10:A]; chapter 05 asks why the series differ and who is at risk.
# - In the model the spread follows the damage of chapters 02 and 03; the order is clinical, the
#   timing a teaching calibration [TC:T].
