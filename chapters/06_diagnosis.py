# %% [markdown]
# # 06 · Diagnosis: history first, then the tests, and what a positive result means
#
# Before any MRI or EMG, Mrs Ana Ortiz sat in the neurologist's room for twenty minutes. The
# neurologist asked where the twitching began, whether it was ever on the right, whether her face
# had ever been weak or numb, and what happened when she slept. Then she watched: the left eye
# squeezed shut, the left mouth corner was pulled up at the same moment, and the left eyebrow rose
# as the eye closed. By the end of the visit she wrote "left hemifacial spasm" in the notes; the
# scan and the EMG of chapters 02 and 03 came afterwards. (Mrs Ortiz is a teaching case [TC:T].)
# This chapter follows that order: the history and examination, the conditions that look like HFS,
# what MRI and EMG add, and what a positive test result does, and does not, mean.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. explain why HFS is a clinical diagnosis, and name the findings in the history and examination
#    that make it;
# 2. list the red flags that point to a secondary cause, and say when and how to image;
# 3. tell HFS from eight of the conditions that mimic it, by the features that separate each;
# 4. say what a vessel touching the nerve on MRI does and does not mean, and what the lateral spread
#    response adds;
# 5. turn a pre-test probability and a test's sensitivity and specificity into a post-test
#    probability, with natural frequencies.
#
# **Estimated time:** about 50 min core path (+1 min going deeper)
#
# **Prerequisites:** chapters 02 (neurovascular conflict) and 03 (the lateral spread response,
# sensitivity and specificity). Sections marked *Going deeper* are optional.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import diagnosis as dx

hfs.setup()

# %% [markdown]
# ## 1. History and examination first
#
# HFS is a clinical diagnosis: it is made from the history and the examination. MRI and EMG help to
# separate it from other facial movement disorders, to tell primary from secondary HFS and to plan
# surgery [S1:B]. What the neurologist looks for:
#
# - **one side**, in the territory of one facial nerve, with eye and mouth contracting at the same
#   moment (chapter 03 explained why: [synkinesis](glossary.md#synkinesis));
# - **where it began**: most often the lower eyelid, spreading down the face over months or years
#   [S11:A];
# - **the brow**: in the [Babinski-2 sign](glossary.md#Babinski-2-sign) the eyebrow rises as the eye
#   closes, because frontalis contracts with orbicularis oculi. It is found in many patients with
#   HFS and in none of 41 with blepharospasm in one study [S75:A];
# - **sleep**: the spasms continue in sleep, though reduced [S108:A].
#
# **Red flags.** A [red flag](glossary.md#red-flag) is a finding that points away from the usual
# cause towards a secondary one that must be excluded. With HFS these are facial numbness or
# weakness, or another sign such as an absent corneal reflex, which call for a search for a
# space-occupying lesion [S106:B; S84:A]; facial pain, which was associated with 'secondary' HFS
# (the causes not specified) in one series [N602:A]; and spasm on both sides, which needs a definite
# [differential diagnosis](glossary.md#differential-diagnosis) [S17:A]: first exclude a mimic that
# affects both sides, such as blepharospasm or Meige syndrome [S18:C]. Onset in the upper and lower
# face together is another pointer: it was the first pattern in 72.0% of patients with secondary HFS
# in one comparison [S15:A]. One caveat: mild weakness is common in long-standing primary HFS (7 of
# 23 patients in one series [S53:A]; it grows with severity [S21:A]) and after botulinum toxin
# injections (chapter 07), so the flag is weakness that is new, progressive or comes with numbness.
# Secondary structural causes
# are uncommon but real: a tumour or vascular malformation in 0.5% of 1,642 patients at one surgical
# centre [S17:A], and
# space-occupying lesions in 2 of 54 scanned patients (3.7%) in another series [S23:A].
#
# Mrs Ortiz has none of these flags [TC:T]. The cell prints her work-up from the patient table.

# %%
from hfs_edu.data import load_table

patient = load_table("patient")
for row in patient[patient["chapter"] == "06"].itertuples():
    print(f"{row.fact}: {row.value}")

# %% [markdown]
# ## 2. The conditions that look like HFS
#
# In one movement-disorders clinic, 38 of 215 patients referred with HFS (18%) had something else:
# a functional disorder, tics, dystonia, myoclonus or hemimasticatory spasm [S16:A]. The table lists
# eight mimics. First a short grid, derived from the table's coded features, to read across: most
# mimics are separated by the number of sides, the kind of movement and what happens in sleep
# ("-": not a feature the sources list for it).

# %%
dx.comparison_grid()

# %% [markdown]
# The full table gives each condition's features in words, its red flags and its work-up.

# %%
hfs.show_table("differential_diagnosis", columns=["diagnosis", "distinguishing_features", "red_flags", "work_up"])

# %% [markdown]
# The ones that need the most care:
#
# - **[Blepharospasm](glossary.md#blepharospasm)** closes *both* eyes, spares the lower face and
#   eases in sleep; it shows no Babinski-2 sign [N887:C; S75:A; S18:C]. It can coexist with HFS
#   [S90:A].
# - **Post-paralytic synkinesis** after a Bell's palsy is "the closest clinical condition" to HFS:
#   one side, eye and mouth together, even a lateral spread response. What separates it is the
#   history of a palsy and synkinesis that comes with *every* voluntary movement. Whether a lateral
#   spread response is present barely separates the two (79.5% of 78 patients after a palsy, all 132
#   with HFS), but the EMG pattern helps: in HFS the response had a shorter latency and a larger
#   amplitude [S62:A]. After a palsy, spontaneous spasms can also occur, and one series counted them
#   as secondary HFS [S16:A]; the history of the palsy is what matters.
# - **[Functional facial spasm](glossary.md#functional-facial-spasm)** is recognised by positive
#   features, a tonic pull with the mouth angle drawn down and variation with distraction, together
#   with the absence of the Babinski-2 sign [S84:A; N883:A].
# - **[Facial myokymia](glossary.md#facial-myokymia)** is a continuous worm-like rippling, not a
#   squeeze; most cases are idiopathic, but it can occur with any brainstem process, so persistent
#   myokymia, or myokymia with other signs, calls for an MRI of the brainstem [S18:C; S67:A].
#   [Hemimasticatory spasm](glossary.md#hemimasticatory-spasm) clenches the jaw,
#   a trigeminal, not facial, territory [N884:A]; and
#   [oromandibular dystonia](glossary.md#oromandibular-dystonia) involves jaw and tongue on both
#   sides [S18:C].
# - **A focal motor seizure** jerks one side of the face at a steady rhythm, with awareness that can
#   be preserved [N888:C]. A new focal seizure in an adult needs an MRI of the brain to look for a
#   structural cause, such as a tumour, stroke or vascular malformation [N894:B].

# %% [markdown]
# ### Try it: the case-vignette trainer
#
# Twelve short cases, each written so that one diagnosis fits all its features. Read the case,
# choose a diagnosis and, in case it is HFS, the imaging; then press **Check**. The feedback names
# the features that decide it and cites the source. Your score stays in this notebook's kernel and
# starts again if you re-run the cell.
#
# **Controls.** *Diagnosis*: your diagnosis. *If it is HFS, imaging*: no MRI, a routine MRI, or a
# prompt MRI for red flags (asked every time, so that the question gives nothing away). **Check**
# marks the case; **Next case** moves on.
#
# **Questions to explore**
#
# 1. Work through all twelve cases. Which two diagnoses did you confuse, and which single feature
#    would have separated them?
# 2. In which cases was a prompt MRI the answer, and what did those cases have in common?
# 3. In which case would a lateral spread response fail to separate the two leading diagnoses?

# %%
from hfs_edu.widgets.diagnosis import VignetteTrainer

VignetteTrainer()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. The pairs easiest to confuse are HFS and post-paralytic synkinesis (the history of a palsy
#    decides), and HFS and functional facial spasm (a sustained downward pull that fades with distraction,
#    no Babinski-2 sign) [S62:A; S84:A].
# 2. Cases 2 and 12: HFS with facial numbness or weakness, or with facial pain, which point to a
#    secondary cause [S106:B; N602:A].
# 3. Case 8, after a Bell's palsy: the lateral spread response is common in post-paralytic synkinesis
#    too, so its presence does not separate the two; its latency and size, and the history, do
#    [S62:A]. Section 4 puts a number on it.
# </details>

# %% [markdown]
# ## 3. MRI: showing the vessel, and what a positive scan means
#
# One review advises an MRI, with attention to the facial nerve, for every patient with HFS [S99:B].
# It has two jobs: first to exclude a secondary cause, then to show the conflict [S100:B]. For the
# conflict the protocol is high-resolution, heavily T2-weighted 3D imaging, in which fluid is bright
# and nerves and vessels are dark ([CISS and FIESTA MRI](glossary.md#CISS-and-FIESTA-MRI)), with MR
# angiography such as [TOF angiography](glossary.md#TOF-angiography), at 1.5 or better 3 tesla
# [S100:B]; gadolinium-enhanced 3D T1 images are often added [N896:B]. Thin slices of the nerve can
# miss a lesion inside the brainstem, so whole-brain images, with contrast when a red flag suggests
# a lesion, belong to the first job [N896:B; S84:A].
#
# How well it shows the vessel depends on the sequence and the reader; no pooled estimate exists:
#
# - CISS showed the conflict in all 13 patients scanned with it, against 56.2% for gadolinium MR
#   angiography and 27.6% for routine T2 images, in a series of 47 operated patients [S101:A];
# - 3D TOF angiography: [sensitivity](glossary.md#sensitivity) 95% and
#   [specificity](glossary.md#specificity) 77% (chapter 03), in 27 operated patients: the cases were
#   their symptomatic sides and the non-cases their other, asymptomatic sides [S102:A]. That measures
#   how well a reader finds the symptomatic side, not whether a person with twitching has HFS;
# - against people without HFS, a case-control study of thin-slice T2 MRI found sensitivities of
#   75-92.9% but specificities of only 28.6-75%, depending on the reader, and called the scan
#   "supportive rather than diagnostic" [N895:A];
# - the same images gave a sensitivity of 79% read by a neurosurgeon and 21% and 59% read by two
#   neuroradiologists [S103:A].
#
# **What a positive scan does not mean.** Figure 6.1 collects the studies that scanned people
# without HFS.

# %%
hfs.show(figs.vessel_contact_figure(), "6.1")

# %% [markdown]
# A vessel touched the root exit zone in 21% of 140 nerves of people without HFS [N880:A]; contact
# anywhere along the nerve was seen on up to 53% of sides with modern 3D T2 images, mostly mild;
# about half of those contacts were in the cistern, away from the brainstem, but about a third were at
# the root exit zone [S43:A; N59:B]. The estimates differ with the definition of contact and the image
# resolution. In a case-control study about half the asymptomatic sides had contact, but at least
# 70% of those contacts were away from the anterior root exit zone, and indentation of the nerve was
# associated with HFS [S42:A]. So the scan supports the clinical diagnosis, excludes a tumour and
# maps the vessel for the surgeon; it does not make the diagnosis, and it cannot prove that this
# contact causes this spasm (chapter 02).

# %% [markdown]
# ## 4. EMG: lateral spread response, synkinesis and high-frequency discharges
#
# Chapter 03 taught the [lateral spread response](glossary.md#lateral-spread-response) as a monitor
# during surgery. As a *diagnostic* test it is sensitive: it was absent in only 13 of 306 patients
# who underwent MVD [S61:A], though sensitivity measured in patients selected for surgery is
# optimistic for a clinic. Against healthy people it looks perfect, since it was never recorded in 20
# controls [N50:A]. Against post-paralytic synkinesis it is not: it was found in 79.5% of 78 such
# patients [S62:A], though in the same study the response was shorter in latency and larger in HFS.
# Synkinesis on the blink reflex and high-frequency discharges on needle EMG, with
# the clinical picture, support HFS; synkinesis is absent in blepharospasm, dystonia and seizures
# [S18:C]. In HFS synkinesis appeared with the spasms in 31.8% of patients, whereas after a palsy it
# came with every voluntary movement in all of them [S62:A].
#
# Chapter 03's model shows why the scan and the EMG answer different questions. The cell runs its
# clinical test on two nerves that an MRI would both report as "vessel in contact".

# %%
from hfs_edu.models import crosstalk as ct

nerves = {"vessel pressing on healthy myelin": (0.0, 0.8), "Mrs Ortiz's nerve in the model": (0.8, 0.7)}
for label, (demyelination, compression) in nerves.items():
    lsr = ct.lateral_spread_response(demyelination, compression)
    print(f"{label:34s} -> " + (f"LSR at {lsr.latency_ms:.1f} ms" if lsr.present else "no LSR"))

# %% [markdown]
# In the model both nerves have a vessel on them, but only the demyelinated one cross-talks [TC:T]:
# the MRI shows the anatomy, the LSR a consequence of the damage. Neither alone makes the diagnosis.

# %% [markdown]
# ## 5. What a positive result means: pre-test and post-test probability
#
# A test result changes a probability; it does not replace it. The
# [pre-test probability](glossary.md#pre-test-probability) is your estimate before the test, from
# how common the condition is in people like this patient and from the history. The
# [post-test probability](glossary.md#post-test-probability) follows from it and the test's
# sensitivity and specificity (Bayes' theorem). It is easiest to see with
# [natural frequencies](glossary.md#natural-frequencies), which people reason with far more easily
# than with probabilities [N892:A]: imagine 1,000 people (or sides) like the patient's. The cell
# does it for the side-level TOF figures at an assumed pre-test probability of 30% [S102:A; TC:T];
# its numbers are computed by the course from the study's sensitivity and specificity.

# %%
r = dx.named_test_outcome("MRI: 3D TOF, symptomatic vs other side", pretest_pct=30)
print(f"Of {r.n:,} sides: {r.true_positive + r.false_negative:.0f} symptomatic; {r.positives:.0f} test positive, "
      f"of whom {r.true_positive:.0f} are symptomatic")
print(f"after a positive result: {r.post_positive_pct:.0f}%; after a negative one: {r.post_negative_pct:.0f}%")
print(f"likelihood ratio of a positive result: {r.likelihood_ratio_positive:.1f}")

# %% [markdown]
# The [likelihood ratio](glossary.md#likelihood-ratio) of a positive result, sensitivity divided by
# (1 − specificity), says how much a positive result multiplies the odds; near 1 it changes almost
# nothing [N891:B]. Figure 6.2 draws the case-control MRI, where the non-cases are people without
# HFS, at the same pre-test probability [N895:A; TC:T]. Compare the two positive results.

# %%
hfs.show(figs.bayes_figure("MRI: thin-slice T2, HFS vs controls", pretest_pct=30), "6.2")

# %% [markdown]
# ### Try it: how much does a positive test tell you?
#
# The view is Figure 6.2 with controls. Panel A shows 100 people like the patient: colour says who
# has the condition, a black "+" who tests positive. Panel B shows the post-test probability after a
# positive (solid) and a negative (dashed) result for every pre-test probability. The text under the
# figure gives the source, who the cases and non-cases were, and the counts for 1,000 people.
#
# **Controls.** *test*: the test and the group it is compared with, from
# `data/diagnostic_accuracy.csv`. *pre-test probability*: your estimate before the test, from 1 to 99 per cent.
#
# **Questions to explore**
#
# 1. With "MRI: 3D TOF, symptomatic vs other side", compare the post-test probability after a
#    positive result at a pre-test probability of 50% and of 10% (two assumptions [TC:T]). Why is the
#    second so much lower, with the same test? Then choose "MRI: thin-slice T2, HFS vs controls":
#    why does its positive curve lie so much closer to the diagonal?
# 2. Choose "EMG: LSR, HFS vs healthy people". A positive result gives 100%. Should you believe that?
#    Read the note and the uncertainty line under the figure.
# 3. Now choose "EMG: LSR, HFS vs post-paralytic synkinesis" at 50%. How far does a positive result
#    move the probability? What must decide between the two conditions instead?
# 4. Choose the gadolinium MRA. Where do the two curves lie compared with the diagonal, and what does
#    that say about the test?

# %%
from hfs_edu.widgets.diagnosis import BayesView

BayesView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# All the post-test probabilities below are computed by the course from each study's sensitivity
# and specificity at an assumed pre-test probability; no study reports them [TC:T].
#
# 1. About 81% at 50%, but about 31% at 10% [S102:A; TC:T]. At 10%, of 1,000 sides 900 are not
#    symptomatic, and 23% of them still test positive: the false positives (about 207) outnumber the
#    true ones (95). The case-control MRI's positive curve lies close to the diagonal (likelihood
#    ratio about 1.4, against 4.1) [N895:A; TC:T]: its non-cases are people without HFS, and vessels
#    touch the facial nerve in many of them (Figure 6.1). The TOF figures compare the two sides of operated patients, so they answer
#    "which side?", not "is it HFS?" [S102:A]; against people without HFS, its specificity could be as
#    low as about 47% [S43:A], which the uncertainty line shows.
# 2. No. Specificity 100% means no false positives among only 20 controls [N50:A]; by the rule of
#    three (3 ÷ 20) the true false-positive rate could be up to about 15%, and then a positive result
#    at 50% would give about 86%, at 10% only about 42% [N893:A; TC:T].
# 3. From 50% to about 55% [S61:A; S62:A; TC:T]: the likelihood ratio is about 1.2, because four in
#    five patients with post-paralytic synkinesis have an LSR too. A *negative* LSR does lower the
#    probability (to about 17%). The history (a palsy, synkinesis with every voluntary movement)
#    decides, and the EMG pattern (a shorter-latency, larger response in HFS) helps [S62:A].
# 4. Close to the diagonal on both sides (at 50%: about 53% after a positive result, 47% after a
#    negative one) [S101:A; TC:T]. With sensitivity 56.2% and specificity 50%, the result barely changes
#    the probability: in that series gadolinium MRA told little, and CISS did better [S101:A].
# </details>

# %% [markdown] tags=["deeper"]
# ### Going deeper: should every patient be scanned?
#
# *Optional: skip it on the core path.*
#
# The sources take two positions. One review advises MRI for every patient with HFS [S99:B], and an
# imaging review puts the exclusion of a secondary cause first [S100:B]. A comparison of functional
# and organic HFS imaged only patients with atypical features [S84:A]. Secondary structural causes
# are rare in a surgical series, 0.5% of 1,642 [S17:A], but the patients of a surgical centre are a
# selected group. This course follows the first position, by its own reasoning [TC:T]: a missed
# tumour is serious, and a scan is needed anyway before any decompression (chapter 08); whether it
# is worth it depends on the setting (access, incidental findings).

# %% [markdown]
# ## Exercise
#
# **Mrs Ortiz's work-up.** Name her diagnosis, choose her imaging, and read two post-test
# probabilities from the Bayes view, at a pre-test probability of 50% (the exercise's assumption
# [TC:T]). It practises the order of the work-up and reading a post-test probability.
# **Time:** about 8 min.
#
# Use the hook, the patient table in section 1, the differential table and the Bayes view; no
# programming is needed. Replace each `...` with your answer (text in quotes) and run the cell.
#
# 1. Her diagnosis: a name from the differential table.
# 2. Her imaging: "no MRI", "routine MRI" or "prompt MRI".
# 3. The post-test probability (%) after a positive "MRI: thin-slice T2, HFS vs controls" at 50%
#    [TC:T].
# 4. The post-test probability (%) after a positive "EMG: LSR, HFS vs post-paralytic synkinesis" at
#    50%.

# %% tags=["exercise"]
from hfs_edu.exercises import check

diagnosis = ...         # 1. e.g. "blepharospasm"
imaging = ...           # 2. "no MRI", "routine MRI" or "prompt MRI"
mri_positive_pct = ...  # 3. % after a positive thin-slice T2 MRI (vs controls), pre-test 50%
lsr_positive_pct = ...  # 4. % after a positive LSR vs post-paralytic synkinesis, pre-test 50%

check("06", diagnosis=diagnosis, imaging=imaging, mri_positive_pct=mri_positive_pct,
      lsr_positive_pct=lsr_positive_pct)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models import diagnosis as dx

# 1-2. One side, lower-eyelid onset, eye and mouth together, Babinski-2 sign, no red flag: HFS,
#      with a routine MRI (advised for every patient; prompt only with red flags).
diagnosis = "hemifacial spasm"
imaging = "routine MRI"
# 3-4. Read from the Bayes view at 50%, or compute them with the model.
mri_positive_pct = dx.named_test_outcome("MRI: thin-slice T2, HFS vs controls", 50).post_positive_pct
lsr_positive_pct = dx.named_test_outcome("EMG: LSR, HFS vs post-paralytic synkinesis", 50).post_positive_pct

check("06", diagnosis=diagnosis, imaging=imaging, mri_positive_pct=mri_positive_pct,
      lsr_positive_pct=lsr_positive_pct, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("06_diagnosis")

# %% [markdown]
# ## Key takeaways
#
# - HFS is a clinical diagnosis: one side, usually beginning at the lower eyelid, eye and mouth
#   together, often the Babinski-2 sign, continuing in sleep [S1:B; S11:A; S75:A; S108:A].
# - Red flags (new facial numbness or weakness, facial pain) call for a prompt search for a
#   secondary cause [S106:B; N602:A]; spasm on both sides: first exclude a bilateral mimic [S17:A; S18:C]; one review advises an MRI for every patient
#   [S99:B]. A new focal seizure in an adult needs an MRI of the brain [N894:B].
# - Of the conditions that mimic HFS, the eight in the table are separated mostly by the number of
#   sides, the muscles and the kind of movement; the history separates post-paralytic synkinesis,
#   helped by the EMG pattern [S16:A; S62:A].
# - MRI shows the vessel best with heavily T2-weighted 3D images and angiography [S101:A], but vessels
#   touch the facial nerve in many people without HFS, from 21% at the root exit zone to 53% anywhere
#   along it [N880:A; S43:A]: a positive scan supports the diagnosis, it does not make it [N895:A].
# - A test's meaning depends on the pre-test probability and on who the non-cases are: a positive LSR
#   separates HFS from healthy people, but barely from post-paralytic synkinesis (a negative one does
#   lower the probability) [N50:A; S62:A].
