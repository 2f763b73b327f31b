# %% [markdown]
# # 00 · Start here: hemifacial spasm in one screen
#
# A woman in her fifties notices that her left lower eyelid flickers when she is tired. Over
# the next year the flicker becomes a squeeze that shuts the eye, and then her mouth corner is
# tugged up on the same side, several times an hour, even when she is talking to someone.
# She has **hemifacial spasm (HFS)**. This course explains, step by step, why a blood vessel
# touching a nerve deep in the skull can do this, how doctors recognise it, and how it is treated.
# This first chapter gives you the whole picture in one screen, the map of the course, and the
# few notebook skills you need.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. describe hemifacial spasm in two sentences: what the patient notices, and what usually causes it;
# 2. name the usual cause (a blood vessel pressing on the facial nerve) and the less common ones
#    (facial palsy, nerve injury, rarely a tumour), and explain why HFS is considered acquired;
# 3. list the three treatment routes and what to expect from each;
# 4. find your way around the course map, run a notebook, move a slider and check a quiz answer.
#
# **Estimated time:** 20–25 minutes.
#
# **Prerequisites:** none in this course. From your studies: the cranial nerves (especially
# cranial nerve VII, the facial nerve) and the idea of myelin as insulation of an axon.
# No Python is needed: you only run the cells.

# %% [markdown]
# ### How to run this notebook
#
# Click in a grey code cell and press **Shift + Enter** to run it; the output appears underneath.
# To run everything from the top, use the menu **Run → Run All Cells**. The first cell loads the
# course package `hfs_edu`, which holds the data, the models and the figures.

# %%
import hfs_edu as hfs
from hfs_edu.figures import overview

hfs.setup()

# %% [markdown]
# ## 1. Hemifacial spasm in one screen

# %%
hfs.show(overview.hfs_at_a_glance(), "0.1")

# %% [markdown]
# **What the patient notices.** Brief, involuntary contractions of the muscles on **one side
# of the face**: the muscles supplied by the facial nerve. The contractions are usually
# painless [N100:C]; the harm is social and practical. In a Singapore survey, 75.2% of patients
# felt embarrassed and 60.6% said their vision was affected when the eye was squeezed shut
# [S10:A].
#
# **Where it starts and how it spreads.** Typically around the eye: the orbicularis oculi was
# the first muscle involved in 86.1% of patients in one series [S10:A]. Over months to years
# the spasm spreads to other muscles on the same side (93.4% of 178 patients [S19:A]): the
# cheek, the mouth corner, which is pulled to one side, and the neck (platysma) [S1:B]. In a
# minority it starts low, near the mouth or chin, and climbs upwards ("atypical" onset). How
# large that minority is depends on the series: 8% [S12:A], 8.8% [S36:A], and 1.3–17% across
# the literature [S19:A]. Chapter 04 looks at why.
#
# **Who gets it.** Mostly adults in middle age: mean age at onset was 44 to 55 years in
# different cohorts [S1:B; S11:A; S15:A; S22:A]. Both sexes are affected; many series report
# more women (61–65% [S11:A; S12:A]) but not all (49% women in an Indian cohort [S21:A]).
#
# **How common it is.** Rare: about 10 people per 100,000 live with HFS (9.8 in Oslo [S4:B];
# 10.62, age-standardised, in Finland [S5:A]), rising to about 40 per 100,000 over the age of
# 70 (39.7 in Oslo [S4:B]). Chapter 05 explains why the estimates differ.

# %% [markdown]
# ### Why it happens: a vessel and a nerve
#
# The facial nerve leaves the brainstem at the junction of the pons and medulla. For its first
# few millimetres, the **root exit zone**, its axons are still wrapped in *central* myelin made
# by oligodendrocytes; further out they switch to *peripheral* myelin made by Schwann cells
# (the switch, 2–3 mm long, is called the transition zone [S33:A]). This proximal stretch is
# where vessels press: in 115 operations, the vessel touched the part of the nerve still attached
# to the brainstem in 64% and the point where the nerve detaches in 22% [S33:A].
#
# In most patients an **artery** lies against the nerve here and pulses against it with every
# heartbeat. The anterior inferior cerebellar artery (AICA) is the commonest culprit (37.8% in a
# meta-analysis of 27 studies [S14:A]; 43% in one surgical series [S33:A]), followed by the
# posterior inferior cerebellar artery (PICA) and the vertebral artery; in more than a third of
# patients two or more vessels are involved (38% [S33:A]).
#
# A common way to picture this: the nerve is a bundle of **insulated wires**. Years of pulsation
# wear the insulation (myelin) thin, and signals then leak between neighbouring wires, a
# "short circuit" or **cross-talk**. A signal meant for the eye muscles also reaches the mouth
# muscles, and damaged fibres can even fire on their own. Recordings in patients fit this
# picture: in 62 patients, stimulating the zygomatic branch made muscles of the mandibular
# branch contract and vice versa, and bursts of after-discharges followed [S49:A]. Chapter 02 tests this analogy and
# shows where it breaks down; chapter 03 lets you build the cross-talk model yourself.
#
# > **Check what you read.** Some patient websites mix up the nerve and the artery and suggest
# > that the facial nerve "starts at" the AICA. It does not: the AICA is an **artery**, a branch
# > of the basilar artery, which can loop against the nerve where the nerve leaves the brainstem.

# %% [markdown]
# ### Other causes, and why HFS is not inherited
#
# Not every case is vascular. In an Italian multicentre study, 50 of 214 patients (23%) had
# *secondary* HFS, and 48 of those 50 had developed it after a facial palsy such as Bell's palsy
# [S15:A]. Among 215 referrals to one US centre, 11% followed Bell's palsy and 6% followed a
# facial nerve injury [S16:A]. A tumour or other structural lesion is rare: 9 of 1,642 patients
# (0.5%) in a large surgical series [S17:A].
#
# HFS is regarded as an **acquired** disorder: the risk comes from where the vessels lie in the
# posterior fossa and how they change with age and high blood pressure, not from a gene. Families
# with several affected members exist but are few: about 2–3% of patients report an affected
# relative [S15:A; S16:A; S22:A]. High blood pressure is linked to HFS: the odds of having
# high blood pressure were 2.76 times higher in patients than in controls in one case–control
# study [S44:A], and 1.72 times higher pooled over six studies [S46:A]. Chapter 02 covers these
# risk factors.

# %% [markdown]
# ### Three ways to treat it
#
# | Route | What it does | What to expect |
# |---|---|---|
# | **Tablets** (anticonvulsants such as carbamazepine; benzodiazepines such as clonazepam; baclofen) | damp down excessive nerve firing | evidence is weak and mostly anecdotal [S99:B]; the one randomised trial, of clonazepam, found no benefit [S116:A]; side effects need monitoring |
# | **Botulinum toxin injections** | block the release of acetylcholine at the nerve–muscle junction, weakening the twitching muscles | works within days (median 4 days [S110:A]); lasts about 3 months (mean 12.6 weeks [S119:A]), so injections are repeated; possible droopy eyelid, dry or irritated eye, facial weakness [S121:A; S127:A; S110:A] |
# | **Microvascular decompression** (surgery) | moves the vessel off the nerve and holds it away with a small pad | complete resolution in 91.1% of 5,685 patients [S13:A]; relief is often delayed (median 30 days [S150:A]); small risk of hearing loss (2.3% permanent [S13:A]) |
#
# Chapters 07 and 08 go through each treatment in detail.

# %% [markdown]
# ## 2. The course map
#
# The course has ten chapters. Each builds on the ones with arrows into it: first the anatomy and
# the mechanism, then the clinical picture, diagnosis and treatment, and finally a virtual
# patient that brings everything together.

# %%
hfs.show(overview.course_map(highlight="00"), "0.2")

# %% [markdown]
# | Chapter | Question it answers |
# |---|---|
# | 00 Start here | What is HFS, and how do I use these notebooks? |
# | 01 The facial nerve | Where does the nerve run, and which muscles does each branch move? |
# | 02 Neurovascular conflict | How can a pulsating artery damage a nerve's myelin? Who is at risk? |
# | 03 Cross-talk model | How does damaged myelin make eye and mouth muscles fire together? |
# | 04 Clinical picture | What does HFS look like, how does it progress, and what does it do to people's lives? |
# | 05 Epidemiology and risk | How common is it, and in whom? |
# | 06 Diagnosis | How is it recognised, imaged and told apart from its mimics? |
# | 07 Drugs and botulinum toxin | What do tablets and injections achieve, and for how long? |
# | 08 Microvascular decompression | What does surgery do, how often does it work, and what can go wrong? |
# | 09 Virtual patient | Can you follow one patient from first twitch to treatment? |

# %% [markdown]
# ## 3. Working with the notebooks
#
# Every chapter has the same parts: learning objectives, sections, **Try it** boxes with
# interactive figures, an **exercise** with a hidden worked solution, a **self-check quiz**,
# key takeaways, references, and the medical disclaimer.
#
# **Numbers and sources.** Every number carries a source key in square brackets, like [S13:A]:
# the key leads to the full reference at the end of the chapter, and the letter is the
# *evidence tier*. **A** means a primary study or a meta-analysis; **B** a review, book chapter
# or conference abstract; **C** a web page that quotes others; **T** a teaching calibration, a
# value chosen to make a model behave realistically, not a measurement. When studies disagree,
# the course shows the range and explains why.
#
# **Binder sessions are temporary.** If you opened this course on Binder, your copy lives on a
# temporary server: it is deleted when you close the tab or leave it idle, and nothing you type
# is saved. To keep your work, use **File → Download** to save the notebook to your own computer,
# or install the course locally (see the README).

# %% [markdown]
# ### Try it: how many people with HFS live in your town?
#
# Each bar is one published prevalence estimate (people with HFS per 100,000); the label at the
# end of the bar turns it into the number of people you would expect in the population you
# choose. The hatched bar is the only estimate for people over 70.
#
# **Controls.** *population*: drag to choose the number of people, from a single general
# practice to a large country. *% over 70*: your own assumption about how old that population
# is (it changes only the hatched bar).
#
# **Questions to explore while you move the controls:**
# - A general practice looks after about 10,000 people. Would its doctors expect to know a
#   patient with HFS? What about a neurologist serving 500,000 people?
# - Why does the spread between the highest and lowest label grow, in people, as the population grows?
# - Move *% over 70* from 5 to 25. What does that suggest will happen to the number of patients
#   as populations age?

# %%
from hfs_edu.widgets.epidemiology import PrevalenceView

PrevalenceView()

# %% [markdown]
# ## Exercise
#
# A district hospital serves 250,000 people. Use the function `expected_cases` from
# `hfs_edu.models.epidemiology` to estimate how many of them have HFS, first with the Finnish
# prevalence of 10.62 per 100,000 [S5:A], then with the Oslo figure for people over 70, 39.7 per
# 100,000 [S4:B], assuming (for the exercise) that 30,000 of the 250,000 are over 70.
# Write your code in the empty cell below, then compare with the worked solution.
#
# *Hint:* `expected_cases(population, prevalence_per_100000)` returns a number of people.

# %% tags=["exercise"]
# Your code here


# %% [markdown]
# **Worked solution** (click the three dots "···" to expand the hidden cell):

# %% tags=["solution"]
from hfs_edu.models.epidemiology import expected_cases

everyone = expected_cases(250_000, 10.62)
over_70 = expected_cases(30_000, 39.7)
print(f"Whole district: about {everyone:.0f} people with HFS")
print(f"Over-70s alone: about {over_70:.0f} people, nearly half of them from 12% of the population")

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("00_start_here")

# %% [markdown]
# ## Key takeaways
#
# - Hemifacial spasm is involuntary, usually painless twitching of the muscles on **one side of
#   the face**, supplied by the facial nerve (cranial nerve VII).
# - It usually starts around the eye and spreads down to the cheek and mouth; a minority start
#   low and climb up.
# - The usual cause is an **artery**, most often the AICA, pressing on the nerve at its **root exit
#   zone**; facial palsy, nerve injury and (rarely) tumours cause the rest.
# - HFS is **acquired**, not inherited; age and high blood pressure raise the risk.
# - Treatments: tablets (weak evidence), **botulinum toxin** (works within days, lasts about three
#   months, repeated), and **microvascular decompression** (cures about nine in ten, often with a
#   delay of weeks).
# - Every number in this course has a source and an evidence tier; look them up.
