# %% [markdown]
# # 07 · Tablets or injections: oral drugs and botulinum toxin
#
# Mrs Ana Ortiz's neurologist has explained her MRI and her EMG. Now she wants fewer twitches in
# front of her class, without an operation for now. She asks about tablets first: they sound simpler
# than injections. This chapter compares the two options she is offered, what each does to the
# mechanism of chapter 03, what each must be watched for, and how good the evidence is. Then you
# plan a year of injections for her. (Mrs Ortiz is a teaching case [TC:T].)

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. name the oral drugs used in HFS, their class and mechanism, and say how weak the evidence for
#    them is;
# 2. say which blood tests carbamazepine and phenytoin need, and why, and how benzodiazepines and
#    baclofen are watched instead;
# 3. explain how botulinum toxin weakens a muscle, and describe the course of one injection: onset
#    within days, peak within weeks, wearing off after about three months;
# 4. plan repeated injections and predict what a longer interval, a missed or a late injection does;
# 5. use the cross-talk model to explain why the spasm comes back: the toxin weakens the muscle,
#    not the nerve's cross-talk.
#
# **Estimated time:** about 55 min core path (+1 min going deeper)
#
# **Prerequisites:** chapter 03 (the lateral spread response, LSR). From pharmacology: what a
# neurotransmitter and an ion channel are, what a side effect and a placebo are.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import botulinum as bont

hfs.setup()

# %% [markdown]
# ## 1. Two ways to quieten a twitching face
#
# Chapter 03 traced the spasm to a nerve root that fires on its own and cross-talks between its
# branches. A treatment can act at three places along that path:
#
# - **the nerve cells**, everywhere at once: oral drugs that damp nerve firing (this chapter);
# - **the muscles**: botulinum toxin weakens the twitching muscles for a few months (this chapter);
# - **the cause**: an operation moves the vessel away from the nerve (chapter 08).
#
# The first two treat the symptom and must be continued; only the operation aims at a cure. That
# is one reason why the evidence matters so much here: a treatment taken for years should work.

# %% [markdown]
# ## 2. Tablets: classes, monitoring and evidence
#
# Three kinds of tablet are used, all borrowed from other diseases:
#
# - **[Anticonvulsants](glossary.md#anticonvulsant)**, drugs against epileptic seizures.
#   Carbamazepine limits the flow of sodium into nerve cells [N740:B]; phenytoin is thought to
#   block sodium channels too [N746:C]. Gabapentin and oxcarbazepine are newer anticonvulsants [N755:B;
#   N725:B].
# - **[Benzodiazepines](glossary.md#benzodiazepine)**: clonazepam and diazepam, sedatives that
#   strengthen the brain's own inhibition [N752:B; N753:C].
# - **Baclofen**, a [muscle relaxant](glossary.md#muscle-relaxant) licensed for the spasticity of
#   multiple sclerosis [N749:B]; in HFS it is used [off-label](glossary.md#off-label) (outside its licence).
#
# **Monitoring.** Carbamazepine needs blood tests before and after starting: a
# [full blood count](glossary.md#full-blood-count), liver tests and sodium [N741:B], and a gene test,
# HLA-B\*15:02, in people whose ancestry comes from populations where it is common, because carriers are
# at high risk of severe skin reactions: the UK guide names Han Chinese and Thai origin [N741:B]; the US
# label asks for the test in anyone with ancestry across broad areas of Asia, including South Asians
# [N742:B]. The US label of oxcarbazepine carries a similar HLA-B\*15:02 caution (consider testing) [N927:B]. Carbamazepine's
# [boxed warnings](glossary.md#boxed-warning) are severe skin reactions, in 1 to 6 per 10,000 new
# users in mainly white populations and about ten times more in some Asian countries, and rare
# failure of the bone marrow [N742:B]. In 1,132 people taking it for epilepsy, 26% had
# [hyponatraemia](glossary.md#hyponatraemia) (a low blood sodium: 134 mmol/L or less; 7% had 128 or
# less) [N745:A]. Its blood level is also
# checked: the [therapeutic range](glossary.md#therapeutic-range) used in epilepsy is 4-12 mg/L (no HFS
# target exists) [N743:C]. Phenytoin is
# checked by drug level too (10-20 mg/L), because small dose changes can give large changes in level
# [N747:B; N748:C]. The benzodiazepines need no routine blood test; they are watched for sedation,
# falls and dependence [N753:C], and their label warns against combining them with opioids [N752:B;
# N754:B].
# For baclofen the label read names no routine test; it must not be stopped abruptly [N749:B; N750:C].
#
# So the seed claim "patients on tablets have blood tests" is right for carbamazepine and phenytoin,
# not for every tablet.

# %%
hfs.show_table("oral_drugs", columns=["drug", "drug_class", "mechanism", "monitoring_baseline",
                                      "common_side_effects", "evidence_level", "source_key"])

# %% [markdown]
# **How good is the evidence?** Poor. A review summed it up: the response rate is low and the
# evidence almost exclusively anecdotal [S99:B]. The only [randomised controlled
# trial](glossary.md#randomised-controlled-trial) gave 32 patients clonazepam or a
# [placebo](glossary.md#placebo) for four weeks: no difference [S116:A]. In one series of 65
# patients, trials of oral drugs in 26 "were consistently unsuccessful" [N721:A]. A 45-patient
# report from a country where the toxin was unaffordable tells us which drugs patients took, not
# whether they helped [S111:B]. The positive reports are small uncontrolled series and single cases,
# for example five patients on gabapentin [S113:B; S114:B]. A clinical reference calls carbamazepine and benzodiazepines the most
# helpful agents, without citing an HFS study, and notes that their effect often fades over time
# [S18:C]: read that as opinion. Figure 7.1 puts the largest study behind each drug next to the
# botulinum series.

# %%
hfs.show(figs.treatment_evidence_figure(), "7.1")

# %% [markdown]
# Tablets are therefore a bridge or a fallback: for a patient who refuses injections or surgery, or
# while waiting for them, tried with monitoring and stopped if they do not help.

# %% [markdown]
# ## 3. Botulinum toxin: how one injection works
#
# A motor nerve ending makes its muscle fibre contract by releasing
# [acetylcholine](glossary.md#acetylcholine) at the
# [neuromuscular junction](glossary.md#neuromuscular-junction). Botulinum toxin type A cuts a protein
# of the release machinery (SNAP-25) inside the nerve ending, so less acetylcholine is released and
# the muscle weakens [N731:A]. Weakness lasts as long as toxin remains in the nerve ending [N710:B],
# and the spasms diminish only while the muscles are weak [S131:A]. The toxin treats the symptom, not
# the nerve.
#
# **Time course.** The label says the effect starts within three days and peaks at one to two weeks
# [N723:B]. In HFS series onset ranged from a median of 4 days [S110:A] to a first improvement after
# 8 days [S124:A]. The benefit lasts about three months: 12.6 weeks in a ten-year series [S119:A], a
# median of 12 weeks in another (a cohort pooling HFS with blepharospasm) [S121:A]. Across series the
# range is wider (10.8 to about 21 weeks) [S123:A; S126:A]; the longest values come from a 245-patient
# retrospective series [S126:A], from patients' recall [S22:A] and from small early series [N717:A]. Figure 7.2 draws the course's model
# of one injection against those bands; its curve is a teaching calibration [TC:T].

# %%
hfs.show(figs.injection_effect_figure(), "7.2")
print(f"Model, 25 U: half the peak relief after {bont.onset_days():.1f} days; "
      f"below half again after {bont.half_effect_days() / 7:.1f} weeks [TC]")

# %% [markdown]
# **Dose.** The label starts at up to 25 units per eye and allows doubling if the effect lasted less
# than two months [N723:B]. Once an effective dose is reached, more toxin does not prolong the benefit
# in a cohort pooling HFS with blepharospasm [S121:A]. Units of different brands are not interchangeable
# [N723:B]: the course's doses are those of [onabotulinumtoxinA](glossary.md#onabotulinumtoxinA) (Botox),
# the brand the planner names.
#
# **How well does it work?** No large randomised trial exists. The 2005 Cochrane review found one
# small [crossover trial](glossary.md#crossover-trial) (each patient gets toxin and placebo in turn) in 11 people, in which the toxin
# beat placebo, and open studies with benefit in 76-100%; its 2020 update admitted only parallel-group
# trials, found none, and pointed to the strong observational data [S98:A]. Large open series report 90-96% of patients improved, for example 95.9% of 1,003
# patients in China [S22:A]. Open series cannot rule out bias, but the effect is large, appears
# within days of each injection and fades on schedule.

# %% [markdown] tags=["deeper"]
# ### Going deeper: how the nerve ending recovers
#
# *Optional: skip it on the core path.*
#
# Why does the effect end after about three months, when the cut SNAP-25 lingers? In mouse muscle the
# poisoned nerve ending first grows fine sprouts, which take over transmission within weeks; later
# the original ending recovers and the sprouts retract [N920:A]. In another mouse study activity
# returned to the parent ending about 90 days after type A toxin, once full-length SNAP-25 replaced the
# cut protein [N921:A]. A third study found the original junction carrying most of the release early
# in recovery, and recovery slower after two or three injections [N922:A]. These are mouse data;
# in patients, duration stays stable over years of injections (section 5).

# %% [markdown]
# ## 4. Side effects
#
# Most side effects reported in HFS series are local and wear off within weeks; none was systemic in a
# cohort pooling HFS with blepharospasm [S121:A]. But in one series of 12 patients given lower-face
# doses, lower-face weakness was only partly reversible in 8 [S123:A], and the US label carries a boxed
# warning that the toxin's effect can spread from the injection site (generalised weakness, swallowing
# or breathing difficulty), rarely at facial doses [N926:B]:
#
# - [ptosis](glossary.md#ptosis), a drooping upper lid: 3.3% and 4.5% of patients in two HFS
#   series [S110:A; N715:A] (16.7% of 12 in a small series [S123:A]), and 27% of treatments in one series until the injections were moved
#   out to the lateral part of the ring muscle around the eye (the orbicularis oculi), then 10% [N712:A];
# - weakness of the face or mouth: 9.1-17.9% of patients in two large series [N715:A; S110:A], much
#   higher (9 of 12) in one small series with lower-face doses [S123:A];
# - dry eye and irritation: after years of treatment the treated eye had worse tear tests than the
#   other eye [S127:A]; whether the toxin or the spasm causes this is unclear, since in 31 patients the
#   spasm side already differed before injection and dry-eye measures did not change in the months
#   after it [N713:A];
# - tearing and [diplopia](glossary.md#diplopia) (double vision): under 1% of patients each in a
#   series of 875 [N715:A].
#
# Read the table's denominators: a rate per patient and a rate per treatment differ, and several
# published rates pool HFS with blepharospasm. The label advises avoiding the centre of the upper lid
# (ptosis) and the inner lower lid (diplopia) [N723:B].

# %%
hfs.show_table("botulinum_side_effects", columns=["effect", "pct", "denominator", "population", "pooled",
                                                  "source_key"], max_rows=12)

# %% [markdown]
# ## 5. Repeated injections: planning a year
#
# Because the benefit lasts about three months, injections are repeated, in practice every 3-4
# months [S8:B]; the label says injecting more often than every three months normally brings no
# extra benefit [N723:B], and the planner therefore starts at 12 weeks. Response and duration usually
# hold for years: they were the same in year 1 and year 10 of one series [S119:A] and from the 1st to
# the 12th treatment of another [N712:A]. Some series needed a slowly rising dose in the first years
# [S110:A; N711:A], and one small 1988 series saw a shorter third course [N717:A].
#
# Figure 7.3 plans one year for Mrs Ortiz with the course's
# [timeline model](glossary.md#good-control): each injection multiplies down what is left of her
# spasm, and a day counts as **good control** when the severity is 0.25 or less on a 0-1 scale
# [TC:T]. Compare the three calendars (the planner below counts the days).

# %%
hfs.show(figs.botulinum_plans_figure(), "7.3")

# %% [markdown]
# ### Try it: plan Mrs Ortiz's injections
#
# The planner draws the injections as triangles, any side effects as bars (drawn at random with the
# model's per-injection probabilities [TC:T]) and the symptom curve under them. The text under the
# figure counts the days with good control.
#
# **Controls.** *interval*: weeks between injections. *dose*: units per session. *missed no.* and
# *late no.*: which injection is skipped or delayed (0 = none; a hollow triangle marks its planned
# date). *late by*: how many weeks. The interval starts at 12 weeks, the label's shortest [N723:B].
# *horizon*: one or two years. *side-effect draw*: another random draw of the side effects. The
# planner draws each injection's side effects on their own, with the rates of the series per
# injection [TC:T]; over many years that overstates how many *patients* ever have one (chapter 09
# draws them per patient).
#
# **Questions to explore**
#
# 1. Start at 13 weeks. Lengthen the interval to 16, then 20 weeks. How do the good-control days
#    change, and where in each cycle are they lost?
# 2. Go back to 13 weeks and lower the dose to 5 U, then 10 U. What changes: the depth of the curve,
#    or how long each injection lasts?
# 3. Miss the 2nd injection. Then instead make the 2nd injection 6 weeks late. Which costs more?
# 4. Move *side-effect draw* through a few values at 13 weeks. Do side effects come with every
#    injection? Do they change the symptom curve?

# %%
from hfs_edu.widgets.botulinum import BotulinumPlannerView

BotulinumPlannerView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. Fewer good days as the interval grows: the days are lost at the end of each cycle, when the
#    previous injection has worn off and the next has not yet come [TC:T].
# 2. Both: at 10 U the curve is shallower and wears off earlier, and at 5 U it never reaches the
#    good-control line. In the model depth and duration saturate with the dose, so above about 20 U
#    more toxin changes little, as in the series [S121:A]. No HFS dose-response study exists, so this
#    shape is a calibration [TC:T].
# 3. A missed injection costs more: the spasm returns fully until the next planned one. A late
#    injection costs its whole delay in that cycle: the previous injection has already worn off before
#    the late one was due, so every day of delay is a day of poor control (about 45 days for 6 weeks).
#    The year's total falls by less only because every later injection shifts too, so the one-year
#    window ends at another point of the cycle, without the on-time plan's last wear-off gap [TC:T].
# 4. Side effects come with only some injections, and they do not change the symptom curve: they are
#    a separate cost of the treatment, which is why they sit in their own lanes. In this model they are
#    drawn independently of the dose and each lasts 28 days, a teaching calibration [TC:T].
# </details>

# %% [markdown]
# ## 6. Why the spasm comes back: the toxin in the cross-talk model
#
# In chapter 03's model the toxin scales down transmission at the neuromuscular junction of the
# injected muscle, far from the root exit zone where the branches cross-talk. So the muscle answers
# less, while the abnormal signal still arrives. Two studies agree that the toxin does not
# stop the cross-talk: the LSR recorded from an *uninjected* muscle is unchanged [N923:A; N924:A]. From
# the *injected* muscle the response was smaller in three patients [S131:A] or, in most patients a few
# weeks after the injection, not recordable at all (9 of 10 [N923:A]; a 33-patient study [N924:A]).
# During the operation of chapter 08 the eyelid's response was unavailable more often after prior
# toxin (38.1% vs 14.5%) [N925:A]. **So record the LSR from an uninjected muscle, or after the toxin has
# worn off: a missing LSR in a recently injected muscle does not rule out HFS.**

# %%
hfs.show_table("botulinum_lsr_studies", columns=["study", "n_patients", "recorded_muscle",
                                                 "recorded_muscle_injected", "lsr_finding", "source_key"])

# %% [markdown]
# Figure 7.4 records the model's LSR from the eyelid muscle, which is injected, four weeks after 25 U;
# the chin muscle of the stimulated branch is not injected. The model scales the response down; it
# does not capture its loss in most patients.

# %%
hfs.show(figs.toxin_lsr_figure(28.0), "7.4")

# %% [markdown]
# ### Try it: record the LSR under the toxin
#
# **Controls.** *day*: days since the injection around the eye. *dose*: units injected.
#
# **Questions to explore**
#
# 1. Move *day* from 0 to 28. What happens to the orange trace, and to the number of motor units
#    that cross?
# 2. Move *day* on to 120 and 180. When is the response back to its size before the toxin? Compare
#    with Figure 7.2.
# 3. In this model the onset latency never changes. Is that a finding you could quote to a patient?

# %%
from hfs_edu.widgets.botulinum import ToxinLSRView

ToxinLSRView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. In the model the response shrinks to about a quarter of its size within weeks, while the same
#    motor units still cross, because the toxin acts on the muscle, not on the lesion [TC:T]. In
#    patients the response from the injected muscle is smaller [S131:A] or, in most, not recordable
#    weeks after the injection, while an uninjected muscle's LSR is unchanged [N923:A; N924:A]: the
#    model does not capture that loss.
# 2. Almost back by day 120 and fully by day 180, in step with the relief curve of Figure 7.2: the
#    spasm returns when the muscle recovers, because the nerve still cross-talks [TC:T].
# 3. No. The model keeps the latency fixed only because it scales the amplitude. In a 33-patient
#    study the injected muscle's motor-response and blink-reflex latencies were *prolonged* after the
#    toxin [N924:A] (its LSR latency was not measured), so the model's constant latency is a simplification.
# </details>

# %% [markdown]
# ## Exercise
#
# Mrs Ortiz chooses the injections: 25 U around the left eye, every 13 weeks from day 0 [TC:T]. She
# also wants to know what tablets would have meant. The exercise practises planning a schedule,
# reading the planner and using the monitoring table.
#
# **Time:** about 6 min
#
# You can do it with the planner (section 5) and the table of section 2; no programming is needed.
#
# 1. List her injection days in the first year (days 0-365), 13 weeks = 91 days apart.
# 2. With the planner (13 weeks, 25 U, nothing missed or late, 1 year), how many days of good
#    control does she have?
# 3. Make the 3rd injection 6 weeks late. How many good-control days does she lose?
# 4. Which blood tests belong before starting carbamazepine? Choose from "full blood count",
#    "liver tests", "sodium", "HLA-B\*15:02 (at-risk Asian ancestry)", "thyroid tests",
#    "blood glucose". List every test the guides ask for in some patients, even one Mrs Ortiz would not
#    need.

# %% tags=["exercise"]
from hfs_edu.exercises import check

injection_days = ...   # 1. a list of days, e.g. [0, 100, 200]
good_days = ...        # 2. days with good control, from the planner's text
days_lost = ...        # 3. good-control days lost when the 3rd injection is 6 weeks late
blood_tests = ...      # 4. a list of test names from the exercise, in quotes

check("07", injection_days=injection_days, good_days=good_days, days_lost=days_lost,
      blood_tests=blood_tests)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models import timeline as tl
from hfs_edu.widgets.botulinum import plan_timeline

# 1. Day 0 plus multiples of 91 days up to day 365: the fifth lands on day 364, still in the year.
injection_days = [0, 91, 182, 273, 364]
# 2. The planner's count: the first days before the toxin works and the weeks before each next
#    injection are lost.
good_days = tl.good_control_days(plan_timeline(13, 25.0, 0, 0, 0, "1 year", 0))
# 3. The delayed cycle loses about the whole delay (the 2nd injection has worn off before the 3rd was
#    due); the year loses less because every later injection shifts and the year ends still covered.
days_lost = good_days - tl.good_control_days(plan_timeline(13, 25.0, 0, 3, 6, "1 year", 0))
# 4. The monitoring guide's baseline tests for carbamazepine [N741]; thyroid and glucose are not among them.
blood_tests = ["full blood count", "liver tests", "sodium", "HLA-B*15:02 (at-risk Asian ancestry)"]

check("07", injection_days=injection_days, good_days=good_days, days_lost=days_lost,
      blood_tests=blood_tests, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("07_drugs_and_botulinum")

# %% [markdown]
# ## Key takeaways
#
# - Oral drugs for HFS (anticonvulsants, benzodiazepines, baclofen) are borrowed from other diseases.
#   The only randomised trial, of clonazepam, was negative [S116:A]; the rest is anecdote [S99:B].
#   Use them as a bridge or fallback, with monitoring.
# - Carbamazepine needs a blood count, liver tests, sodium and, in people of at-risk Asian ancestry
#   (UK: Han Chinese or Thai; US label: broad areas of Asia, including South Asia), HLA-B\*15:02 before
#   starting [N741:B; N742:B]; benzodiazepines and baclofen are watched clinically.
# - Botulinum toxin blocks acetylcholine release at the neuromuscular junction [N731:A]. One
#   injection works within days [N723:B; S110:A], for about three months [S119:A], and the effect
#   usually holds over years [S119:A], sometimes with a slowly rising dose [S110:A].
# - Side effects are mostly local and temporary: ptosis, facial weakness, dry eye, rarely tearing or
#   double vision [S110:A; N715:A]; lower-face weakness can persist in part [S123:A], and the label
#   warns of rare distant spread [N926:B]. Rates depend on the injection site and on how they are
#   counted.
# - The toxin weakens the muscle, not the cross-talk: the LSR from an uninjected muscle is unchanged,
#   while from the injected muscle it is smaller or absent [S131:A; N923:A; N924:A]. So a missing LSR
#   in a recently injected muscle does not rule out HFS. The spasm returns on schedule, which is why
#   chapter 08 asks whether moving the vessel can end the injections.
