# %% [markdown]
# # 00 · Start here: hemifacial spasm at a glance
#
# Mrs Ana Ortiz is 52 and teaches at a primary school. Two years ago her left lower eyelid began
# to flicker when she was tired. Over the following months the flicker became a squeeze that shut
# the eye, and now her left mouth corner is tugged up at the same moment, several times an hour,
# even while she is talking to her class. She is otherwise well and takes tablets for high blood
# pressure. She has **[hemifacial spasm](glossary.md#hemifacial-spasm) (HFS)**. Mrs Ortiz is a teaching case invented for this
# course (nothing about her is a measurement), and she will come back in every chapter. This course
# explains, step by step, why a blood vessel touching a nerve deep in the skull can do this, how
# doctors recognise it, and how it is treated. This first chapter gives you the whole picture in
# one short overview, the map of the course, and the few notebook skills you need.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. describe hemifacial spasm in two sentences: what the patient notices, and what usually causes it;
# 2. name the usual cause (a blood vessel pressing on the facial nerve) and the less common ones
#    (facial palsy, nerve injury, rarely a tumour), and say what "associated with age and high blood
#    pressure" does and does not mean;
# 3. list the three treatment routes and what to expect from each;
# 4. read a citation key and its evidence tier, find your way around the course map, run a notebook,
#    move a slider and check your answers.
#
# **Estimated time:** about 50 min core path (+2 min going deeper).
#
# **Prerequisites:** none in this course. From your studies: the cranial nerves (especially
# cranial nerve VII, the facial nerve) and the idea of myelin as insulation of an axon.
# No Python is needed: you only run the cells.

# %% [markdown]
# > **How to read the brackets.** A number in this course ends with a key in square brackets, such as [S13:A]; the key leads to the full reference at the end of the chapter.
# > The letter after the colon is the [evidence tier](glossary.md#evidence-tier): **A** a primary study or meta-analysis, **B** a review, book chapter or congress abstract, **C** a web page that quotes others.
# > **T**, as in [TC:T], marks a [teaching calibration](glossary.md#teaching-calibration): a value chosen for a model or a teaching case such as Mrs Ortiz, not a measurement.

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
# ## 1. Hemifacial spasm at a glance
#
# The numbers in this section are rounded so that you can remember them; the exact figures, and
# the studies behind them, come in later chapters.

# %%
hfs.show(overview.hfs_at_a_glance(), "0.1")

# %% [markdown]
# **What the patient notices.** Brief, involuntary contractions of the muscles on **one side
# of the face**: the muscles supplied by the facial nerve. The contractions are usually
# painless; the harm is social and practical. In one clinic survey about three patients in four
# felt embarrassed, and more than half said the squeezing eye got in the way of their sight
# [N100:C; S10:A].
#
# **Where it starts and how it spreads.** Typically around the eye, as in Mrs Ortiz: the
# orbicularis oculi was the first muscle involved in more than eight patients in ten in one series.
# Over months to years the spasm spreads to other muscles on the same side in more than nine
# patients in ten: the cheek, the mouth corner (pulled to one side) and the neck (platysma). In a
# minority, about one patient in twelve in two surgical series, it starts low, near the mouth or
# chin, and climbs upwards: [atypical HFS](glossary.md#atypical-HFS)
# [S10:A; S19:A; S1:B; S12:A; S36:A].
#
# **Who gets it.** Mostly adults in middle age: in different cohorts the average age at onset lay
# in the mid-40s to mid-50s. Many series count more women than men (about three patients in five),
# but not all do, and one US clinic found patients of Asian origin over-represented. [Chapter 05](05_epidemiology_and_risk.ipynb)
# looks at these differences [S1:B; S11:A; S12:A; S15:A; S22:A; S21:A; S9:A].
#
# **How common it is.** Rare. About one person in 10,000 lives with HFS, rising to about four in
# 10,000 among people older than 70. Both figures are [prevalence](glossary.md#prevalence)
# estimates from counts of patients who reached treatment (a
# [service-based study](glossary.md#service-based-study)), so they are floors: people who never
# saw a doctor about their twitching are not counted [S4:B; S5:A].

# %% [markdown]
# ### Why it happens: a vessel and a nerve
#
# The facial nerve leaves the brainstem at the junction of the pons and the medulla. At first its
# axons are wrapped in *central* myelin made by oligodendrocytes, as inside the brain; further out
# they switch to *peripheral* myelin made by Schwann cells, at a short stretch called the
# **transition zone**. The whole central-myelin part of the root, with the transition zone at its
# end, is the [root exit zone (REZ)](glossary.md#root-exit-zone). The classic teaching is a 2–3 mm
# REZ where the root detaches from the pons, but on the lateral side of the root the central myelin
# reaches about 8 mm from the root exit point, much of it along the pons; chapter 01 gives each
# number with the point it is measured from. In a series of 115 operations, more than nine
# compressions in ten lay on this proximal stretch, most of them on the part of the root still
# attached to the brainstem [S33:A; N5:A].
#
# In most patients an **artery** lies against the nerve here and pulses against it with every
# heartbeat: a [neurovascular conflict](glossary.md#neurovascular-conflict). In most series the
# [AICA](glossary.md#AICA) (anterior inferior cerebellar artery) is the commonest [offending vessel](glossary.md#offending-vessel), in about
# four patients in ten, followed by the posterior inferior cerebellar artery (PICA) and the
# vertebral artery [S14:A; S33:A]. Sometimes two or more vessels are involved: in more than a third
# of patients in one series, in 3–16% in others [S33:A; S34:A; S35:A; S36:A].
#
# A common way to picture this: the nerve is a bundle of **insulated wires**. Years of pulsation
# wear the insulation (myelin) thin, and signals then leak between neighbouring wires, a
# "short circuit" or [cross-talk](glossary.md#cross-talk). A signal meant for the eye muscles also
# reaches the mouth muscles, and damaged fibres can even fire on their own. Recordings in patients
# fit this picture: stimulating one branch of the nerve made muscles of another branch contract, in
# both directions [S49:A]. They fit another view too: that the problem lies partly in the facial
# nucleus in the brainstem, which becomes overexcitable. Chapter 02 tests the wire analogy and shows
# where it breaks down; chapter 03 lets you build the cross-talk model and weighs the two views
# [S50a:B].
#
# > **Check what you read.** Some patient websites mix up the nerve and the artery and suggest
# > that the facial nerve "starts at" the AICA. It does not: the AICA is an **artery**, a branch
# > of the basilar artery, which can loop against the nerve where the nerve leaves the brainstem
# > [S33:A].

# %% [markdown]
# ### Other causes, and what runs in families
#
# Not every case is vascular. In two clinic series about one patient in five had
# [secondary HFS](glossary.md#secondary-HFS), most of them after a facial palsy such as [Bell's
# palsy](glossary.md#Bell's-palsy) and fewer after an injury to the facial nerve; other clinics report far fewer (chapter 02).
# A tumour or other structural lesion is rare, about one patient in 200 in a large surgical series
# [S15:A; S16:A; S17:A].
#
# Older age and high blood pressure are **associated** with HFS: [case–control](glossary.md#case-control-study)
# studies found higher odds of [hypertension](glossary.md#hypertension) in patients than in people without HFS, nearly twice the
# odds when six studies were pooled. An association does not show that one causes the other;
# chapter 02 discusses what it can mean [S44:A; S46:A]. Mrs Ortiz's treated blood pressure is such a detail: worth noting, not proof of a cause.
#
# Most cases are **sporadic**: only about two or three patients in 100 report an affected relative
# [S15:A; S16:A; S22:A]. Because most patients have no affected relative and the compression develops
# with age, HFS is usually called an acquired disorder. In the rare families, what is inherited may
# be the anatomy of the vessels rather than a disease gene [N340:A; S27:A].

# %% [markdown]
# ### Three ways to treat it
#
# | Route | What it does | What to expect |
# |---|---|---|
# | **Tablets** (anticonvulsants such as carbamazepine; benzodiazepines such as clonazepam; baclofen) | damp down excessive nerve firing | evidence is weak and mostly anecdotal; the one randomised trial, of clonazepam in 32 patients over 4 weeks, found no significant benefit; side effects need monitoring [S99:B; S116:A] |
# | [**Botulinum toxin**](glossary.md#botulinum-toxin) injections | block the release of acetylcholine at the nerve–muscle junction, weakening the twitching muscles | works within a few days and lasts about three months, so injections are repeated; possible droopy eyelid, dry or irritated eye, facial weakness [S110:A; S119:A; S121:A; S127:A] |
# | [**Microvascular decompression**](glossary.md#MVD) (surgery) | moves the vessel off the nerve and holds it away with a small pad | about nine patients in ten become free of spasm [S13:A]. Many are spasm-free within the first week (35% to 67% in different series); in the others relief comes over weeks to months (in one cohort of 175 patients, all eventually cured, the median was 30 days) [S150:A; S151:A]. Risks include facial weakness (usually transient) and hearing loss (permanent in about two in 100), rarely stroke or death [S13:A; S150:A] |
#
# Chapters [07](07_drugs_and_botulinum.ipynb) and [08](08_microvascular_decompression.ipynb) go through each treatment in detail.

# %% [markdown]
# ## 2. The course map
#
# The course has ten chapters. Each chapter builds on the ones with arrows into it: first the anatomy and
# the mechanism, then the clinical picture, diagnosis and treatment, and finally a virtual patient
# that brings everything together.

# %%
hfs.show(overview.course_map(highlight="00"), "0.2")

# %% [markdown]
# | Chapter | Question it answers | Status |
# |---|---|---|
# | 00 Start here | What is HFS, and how do I use these notebooks? | this chapter |
# | [01 The facial nerve](01_facial_nerve.ipynb) | Where does the nerve run, and which muscles does each branch move? | written |
# | [02 Neurovascular conflict](02_neurovascular_conflict.ipynb) | How can a pulsating artery damage a nerve's myelin? Who is at risk? | written |
# | [03 Cross-talk model](03_crosstalk.ipynb) | How does damaged myelin make eye and mouth muscles fire together? | written |
# | [04 Clinical picture](04_clinical_picture.ipynb) | What does HFS look like, how does it progress, and what does it do to people's lives? | written |
# | [05 Epidemiology and risk](05_epidemiology_and_risk.ipynb) | How common is it, and in whom? | written |
# | [06 Diagnosis](06_diagnosis.ipynb) | How is it recognised, imaged and told apart from its mimics? | written |
# | [07 Drugs and botulinum toxin](07_drugs_and_botulinum.ipynb) | What do tablets and injections achieve, and for how long? | written |
# | [08 Microvascular decompression](08_microvascular_decompression.ipynb) | What does surgery do, how often does it work, and what can go wrong? | written |
# | [09 Virtual patient](09_virtual_patient.ipynb) | Can you follow one patient from first twitch to treatment? | written |

# %% [markdown]
# ## 3. Working with the notebooks
#
# Every chapter has the same parts: learning objectives, numbered sections, **Try it** boxes with
# interactive figures, an **exercise** with a hidden worked solution, a **self-check quiz**, key
# takeaways, references, and the medical disclaimer.
#
# - **Try it.** Each box lists *Questions to explore*. Under the figure, a collapsed box
#   **What you should see** gives one answer per question: open it after you have tried.
# - **Core path and Going deeper.** Sections headed *Going deeper* are optional (raw tables, longer
#   discussions of the sources). The estimated time counts the core path and names the extra.
# - **Glossary.** A linked term, such as [prevalence](glossary.md#prevalence), leads to the course
#   glossary.
# - **Exercises.** The exercise cell has blanks (`...`) to fill; running it tells you which parts are
#   right and gives a hint for the others. Most can be done with a calculator or with the figure above.
#
# **Binder sessions are temporary.** If you opened this course on Binder, your copy lives on a
# temporary server: it is deleted when you close the tab or leave it idle, and nothing you type
# is saved. To keep your work, use **File → Download** to save the notebook to your own computer,
# or install the course locally (see the README).

# %% [markdown]
# ### Try it: how many people with HFS live in your town?
#
# The view turns each prevalence figure in the course's table (people with HFS per 100,000) into
# the number of people you would expect in a population of the size you choose. Only two of the
# figures are measurements: Oslo and a Finnish hospital district. The others are
# [secondary quotations](glossary.md#secondary-quotation) from reviews, introductions and a patient
# page, and one of them simply repeats the Oslo figure. The over-70 figure (from Oslo) is applied
# only to the share of the population that you say is over 70 [S4:B; S5:A; S1:B].
#
# **Controls.** *population*: the number of people, from a single general practice to a large
# country. *% over 70*: your own assumption about how old that population is (it changes only the
# over-70 estimate).
#
# **Questions to explore:**
#
# 1. A general practice looks after about 10,000 people. How many patients with HFS should its
#    doctors expect? And a neurologist serving 500,000 people?
# 2. Go from 500,000 to 5,000,000 people. What happens to the gap, in people, between the lowest and
#    the highest estimate? What happens to their ratio?
# 3. Which estimates are measurements and which are quotations? If you keep only the two
#    measurements, how wide is the range for 500,000 people?
# 4. At 500,000 people, move *% over 70* from 5 to 25. How many patients are over 70 at each
#    setting, and what does that suggest will happen to the number of patients as populations age?

# %%
from hfs_edu.widgets.epidemiology import PrevalenceView

PrevalenceView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. About one patient (0.98–1.1 across the estimates): a family doctor may know one patient with HFS,
#    or none. A neurologist serving 500,000 people can expect about 49–55, enough to see HFS
#    regularly. The model simply multiplies: people × prevalence ÷ 100,000 [S4:B; S8:B].
# 2. The gap grows tenfold, from about 6 to about 60 people, because every estimate is multiplied by
#    the same population. The ratio stays the same (the highest estimate is about 12% above the
#    lowest): the sources disagree by a fixed proportion, not by a fixed number of people [S4:B; S8:B].
# 3. Only Oslo (9.8 per 100,000) and Finland (10.62, age-standardised) are measurements; the rest
#    are quotations, and the 9.8 of one review is Oslo's figure again. With the two measurements
#    alone, 500,000 people give about 49–53 patients. Both are counts of treated patients, so the true
#    number is probably higher [S4:B; S5:A; S1:B].
# 4. The over-70 estimate goes from about 10 people (5% of 500,000 are over 70) to about 50 (25%):
#    at 25% the over-70s alone would account for as many patients as the whole-population estimates
#    predict for everyone. Those estimates were measured in populations with their own age mix, so
#    as a population ages it should expect more patients than they suggest [S4:B].
# </details>

# %% [markdown] tags=["deeper"]
# ### Going deeper: where the prevalence figures come from
#
# *Optional: skip it on the core path.*
#
# - **Oslo:** 50 patients treated for HFS in the four Oslo departments that offered treatment on
#   1 January 2001 gave 9.8 per 100,000 (crude), rising to 39.7 among people older than 70. It is a
#   congress abstract of a [service-based study](glossary.md#service-based-study), so a floor [S4:B].
# - **Finland:** 279 consecutive patients seen in neurology and neurosurgery in one hospital
#   district, 2014–2019, gave an [age-standardised](glossary.md#age-standardised) prevalence of
#   10.62 per 100,000 (women 11.62, men 9.31), rising over those years [S5:A].
# - **Quotations:** one review repeats Oslo's 9.8 [S1:B]; another gives about 11 [S8:B]; a paper's
#   introduction gives 10 [S87:B]; a patient page says "one in ten thousand" [S88:C]. Figures of 14.5
#   per 100,000 for women and 7.4 for men are quoted without naming the study they come from [S3:C;
#   S6:C], and an introduction attributes 11 per 100,000 to a US study, which cannot both be right
#   [S85:A]. A range of 7–15 quoted by one review could not be checked and is left out.
# - No door-to-door survey of HFS was found, so every figure counts only people who reached care.
#   [Chapter 05](05_epidemiology_and_risk.ipynb) compares the studies in detail.

# %% [markdown]
# ## Exercise
#
# **Time:** about 10 min. *What it practises:* turning a prevalence into a number of patients, and
# seeing how much of a district's HFS the oldest people carry. **You can do it with a calculator**
# (people × prevalence ÷ 100,000); the view above gives the whole-district answers too.
#
# Mrs Ortiz's neurologist works at a district hospital that serves 250,000 people, 30,000 of them
# over 70 (a teaching scenario [TC:T]). Fill in the blanks in the cell below and run it:
#
# 1. `whole_low`: expected people with HFS in the district at the Oslo rate, 9.8 per 100,000 [S4:B];
# 2. `whole_high`: the same at the Finnish rate, 10.62 per 100,000 [S5:A]; together 1 and 2 give you
#    an interval, the range between the two measurements;
# 3. `over_70`: expected people with HFS among the 30,000 over-70s at the Oslo over-70 rate, 39.7 per
#    100,000 [S4:B];
# 4. `over_70_share_pct`: `over_70` as a percentage of `whole_high`.
#
# Running the cell unchanged tells you which blanks are still empty; when you have filled them it
# says which parts are right and gives a hint for the others.

# %% tags=["exercise"]
from hfs_edu.exercises import check
from hfs_edu.models.epidemiology import expected_cases  # optional: expected_cases(people, rate)

whole_low = ...          # people with HFS among 250,000 at the Oslo rate
whole_high = ...         # the same at the Finnish rate
over_70 = ...            # among the 30,000 over-70s, at the Oslo over-70 rate
over_70_share_pct = ...  # over_70 as a percentage of whole_high

check("00", whole_low=whole_low, whole_high=whole_high, over_70=over_70, over_70_share_pct=over_70_share_pct)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.data import load_table
from hfs_edu.exercises import check
from hfs_edu.models.epidemiology import expected_cases

prevalence = load_table("epidemiology").query("measure == 'prevalence' and sex == 'all'")
oslo = prevalence.query("source_key == 'S4' and age_group == 'all'")["value_per_100000"].item()
finland = prevalence.query("source_key == 'S5'")["value_per_100000"].item()
oslo_over_70 = prevalence.query("source_key == 'S4' and age_group == '>70'")["value_per_100000"].item()

whole_low = expected_cases(250_000, oslo)        # 250,000 x 9.8 / 100,000
whole_high = expected_cases(250_000, finland)    # 250,000 x 10.62 / 100,000
over_70 = expected_cases(30_000, oslo_over_70)   # 30,000 x 39.7 / 100,000
over_70_share_pct = 100 * over_70 / whole_high

check("00", whole_low=whole_low, whole_high=whole_high, over_70=over_70, over_70_share_pct=over_70_share_pct,
      collapsed=True)

# %% [markdown] tags=["solution"]
# <details><summary><b>What the numbers mean</b> (open after you have tried)</summary>
#
# The district can expect about 25–27 people with HFS (24.5 at the Oslo rate, 26.6 at the Finnish
# rate), and about 12 of them among the over-70s: nearly half (about 45%) of the district's expected
# patients come from the 12% of its people who are over 70 [S4:B; S5:A]. Two cautions: the over-70
# figure and the Finnish figure come from two different studies, and both studies counted only
# treated patients, so the real numbers are probably higher.
# </details>

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
# - The usual cause is an **artery**, most often the AICA, pressing on the nerve's **root exit
#   zone**, the central-myelin part of the root next to the brainstem; facial palsy, nerve injury and
#   (rarely) tumours cause the rest.
# - Older age and high blood pressure are **associated** with HFS; most cases are sporadic (hence
#   "acquired"), and rare families suggest an inherited vascular anatomy.
# - About one person in 10,000 lives with HFS, more among the old; the figures count only treated
#   patients.
# - Treatments: tablets (weak evidence), **botulinum toxin** (works within days, lasts about three
#   months, repeated), and **microvascular decompression** (about nine in ten become free of spasm,
#   many within days, others only after weeks to months).
# - Every number in this course has a source and an evidence tier: look them up.
