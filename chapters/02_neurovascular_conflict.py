# %% [markdown]
# # 02 · Neurovascular conflict: how a pulsing artery can wear out a nerve
#
# Mrs Ana Ortiz, the 52-year-old teacher from chapter 00 and a teaching case rather than a real
# patient, has had her MRI [TC:T]. The radiologist reports a loop of the anterior inferior
# cerebellar artery (AICA) lying against her left facial nerve, right where it leaves the brainstem.
# That sounds like the answer, until you learn that MRI also finds a vessel touching the facial
# nerve in many people who have never twitched: on up to about half of nerve sides in some
# studies, and from 6% to 53% across studies [S104:A; S43:A]. So why her, why now, and why the left side? And does her treated
# high blood pressure matter? This chapter takes the popular explanation (an artery pulsing against
# the nerve wears away its insulation until signals short-circuit), checks it against the evidence
# and shows where it holds and where it does not. You will compare surgical series that disagree
# about the culprit vessel, read a forest plot of blood pressure in HFS, use a model to explore how
# pressure, time and blood pressure combine, and weigh why most HFS is sporadic even though it
# sometimes runs in families.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. explain the "insulated wire" picture of neurovascular conflict, and name at least three ways
#    in which real nerves do not behave like wires;
# 2. name the vessels that compress the facial nerve and how often each does, and explain why
#    published surgical series give different numbers;
# 3. explain why a vessel touching the nerve is common but not sufficient, and list candidate
#    "second factors" (where and how hard it presses, pulsation, time, a crowded posterior fossa);
# 4. read a [forest plot](glossary.md#forest-plot) of [odds ratios](glossary.md#odds-ratio) (both
#    explained in section 6) and say what it shows, and cannot show, about age and high blood
#    pressure as associations of HFS;
# 5. explain why most HFS is sporadic and vascular, and what the rare familial cases suggest;
# 6. tell primary HFS from secondary HFS (after a facial palsy, nerve injury, a tumour or
#    multiple sclerosis) and explain why the mechanism differs.
#
# **Estimated time:** about 70 min core path (+7 min going deeper).
#
# **Prerequisites:** chapters 00 and 01 (especially the root exit zone and the transition zone).
# From your studies: myelin and saltatory conduction, the vertebrobasilar arteries and their
# cerebellar branches. Sections marked *Going deeper* are optional.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import compression

hfs.setup()

# %% [markdown]
# ## 1. The insulated-wire picture
#
# A **[neurovascular conflict](glossary.md#neurovascular-conflict)** is contact between a blood
# vessel and a cranial nerve close to the brainstem. Patient leaflets explain it with an image from
# electrical engineering. The facial nerve is a cable of thousands of wires, each wrapped in
# insulation (myelin). A small artery lies against the cable. With every heartbeat it taps the same
# spot, and over the years the tapping wears the insulation thin. Where two bare wires touch,
# current leaks from one to the other: a **short circuit**, or **cross-talk**. A command meant for
# the eyelid now also reaches the mouth corner, and damaged wires may even start sending signals by
# themselves.
#
# Chapter 01 showed why the spot matters. Near the brainstem, at the
# [root exit zone](glossary.md#root-exit-zone), the root is wrapped in *central* myelin made by
# oligodendrocytes; it has no epineurium and no fascicles, so fibres for the forehead, eye, mouth
# and neck run side by side [N3:C; N6:A; N12:A]. Further out comes the
# [transition zone](glossary.md#transition-zone), where Schwann cells take over. In one autopsy study the central
# myelin reached about 8 mm from the root exit point, where the nerve emerges from the brainstem,
# on the lateral side of the root; medially it ends near the point where the root leaves the pons
# [N5:A]. At
# operation, the vessel sat on this proximal stretch in 96% of 115 first decompressions: at the
# root exit point, along the segment still attached to the pons, or at the point where the nerve
# leaves it [S33:A]. Figure 2.1 puts the analogy on that anatomy.

# %%
hfs.show(figs.conflict_schematic(), "2.1")

# %% [markdown]
# ## 2. Where the analogy breaks down
#
# The wire picture is a good memory aid, and it gets three things right: the insulation matters,
# the damage is local, and the leak links fibres that should be independent. But a nerve is not
# a cable, and the differences are exactly the points that clinicians and examiners ask about.
# One term first: **[ephaptic](glossary.md#ephaptic)** transmission is the direct electrical
# spread of an impulse from one bare fibre to its neighbour, without a synapse.
#
# | The wire picture says | What nerves actually do |
# |---|---|
# | Wires are passive; a worn wire only leaks. | Axons are excitable. Facial-nerve fibres in HFS fire on their own and produce trains of after-activity (bursts of impulses that follow a discharge) at 250–350 Hz [S49:A]. Nielsen's review describes them as demyelinated at the compression site [S51:B]. Another review finds the evidence for this demyelination unconvincing [S55:B]. A worn cable does not generate current. |
# | Worn insulation stays worn. | Myelin can be repaired. After decompression, cross-transmission between branches had disappeared in 23% of 53 patients at one week and in 73% of 30 at 2–8 months [S50:A]. Relief of the spasm is often, but not always, delayed, and how often differs between series: complete relief within the first week came in 35% of 175 patients in one cohort and in 67% of 100 in another [S150:A; S151:A], and 83–88% reported relief at one week in the two arms of a 283-patient comparison [S79:A]. The 175, all eventually cured, took a median of 30 days [S150:A]. One explanation is [remyelination](glossary.md#remyelination), new myelin being laid down [S50:A]. Another is a facial nucleus that calms down slowly: abnormal [F waves](glossary.md#F-wave) (small late responses of the motoneurons) faded in patients whose spasm went after decompression [N205:A]. In rats, the signs of an over-active nucleus disappeared over 4–8 weeks [N208:A]. |
# | Touching wires always short-circuit. | A vessel touches the facial nerve in many people who never develop HFS (section 5) [S43:A]. Contact is not enough; something else has to be present. |
# | The fault is in the cable. | Where the abnormal signal arises is still debated. One view puts it at the compression site, with ephaptic and [ectopic excitation](glossary.md#ectopic-excitation) (impulses arising at the damaged spot instead of the nucleus) [S51:B]. Another holds that the facial motor nucleus becomes hyperexcitable; animal models needed a nerve injury *plus* vessel contact [S50a:B]. Recent electrophysiology increasingly favours a central contribution [S54:B]. One review favours a functional effect of compression and stretch, with cross-talk at the conflict zone [S55:B]. |
# | Every short circuit sits where the wire is worn. | After a Bell's palsy, recordings place the cross-transmission inside the petrous bone, not in the cerebellopontine angle [S56:A]: a similar-looking syndrome, a different site, no artery needed (section 8). |
#
# Keep the analogy, but keep its limits in mind: it explains *where* and *why there*, not the
# whole of *how*. Chapter 03 builds the cross-talk itself.

# %% [markdown]
# ## 3. Which vessels press on the nerve?
#
# **Core path.**
# 1. In most surgical series, including all those shown here, the AICA is the commonest culprit
#    [S33:A; S14:A].
# 2. The PICA and the vertebral artery usually come next; veins are rare culprits [S33:A].
# 3. Often more than one vessel presses: in 38% of 115 patients in one series [S33:A].
# 4. The shares differ between series mainly because the series count differently.
#
# The AICA is a branch of the basilar artery that loops around the
# **[cerebellopontine angle](glossary.md#cerebellopontine-angle)**, the space between cerebellum
# and pons that the facial nerve crosses. The other candidates are the **posterior inferior
# cerebellar artery (PICA)**, the **vertebral artery** itself, occasionally the basilar artery or
# the superior cerebellar artery (SCA), and rarely a vein. Figure 2.2 puts four series side by side;
# the lower panel collects the AICA share from every source.

# %%
hfs.show(figs.offending_vessels_figure(), "2.2")

# %% [markdown]
# A **[meta-analysis](glossary.md#meta-analysis)** pools the results of many studies into one
# estimate. The AICA share runs from 37.8% in a meta-analysis of 27 studies to 75.8% in a Hispanic
# surgical series [S14:A; S36:A]. The PICA share runs from 6.2% to 38% in the series of Figure 2.2
# [S36:A; S34:A]. In a 60-patient series operated on with an endoscope, the order was reversed: PICA
# in 39 patients (65%), vertebral artery in 23 and AICA in 16, with several vessels in 19; it is a
# single abstract without a traceable journal record, so weak evidence [N342:C]. The series disagree
# mostly because they count differently: one main culprit per patient or every vessel that touches
# the nerve, and different denominators. Method (angiogram or surgery) and population add to the
# spread (Going deeper, below).

# %% [markdown] tags=["deeper"]
# ### Going deeper: why the series disagree, the full table and three details
#
# *Optional: skip it on the core path.*
#
# - **Main culprit or any contact?** Some series name one main offender per patient and count
#   "several vessels" separately. Baba's series counted every vessel that touched the nerve, so a
#   patient with AICA *and* PICA counts twice, and its rows add up to 103% [S34:A].
# - **Of whom?** As a percentage of all 194 patients of the Hispanic series the AICA share is 75.8%;
#   among the 185 who had a compression it is 79% [S36:A]. The same counts give different
#   percentages depending on the denominator.
# - **Angiography or surgery?** Two series combined angiograms with operative findings [S34:A;
#   S35:A]. An angiogram shows arteries, not veins, and not how hard a vessel presses.
# - **Different patients.** The series come from Japan, a Hispanic population and other centres.
#   The meta-analysis's wide [confidence interval](glossary.md#confidence-interval) (27.8–47.7%),
#   the range of values compatible with its data, shows how much they vary [S14:A].
#
# The table below lists every row of the course's vessel table, with the basis of each count.
# Three details are worth knowing. Veins are rare culprits: 3% of main offenders in one series
# [S33:A]. A vein alone was the culprit in 5 of 1,642 operated patients in another [S17:A]. That fits the idea
# that the *pulse* matters. The vertebral artery, parent of the PICA, is often displaced towards the
# affected side: in 86.4% of 88 patients, against 10.2% towards the other side [S39:A]. And the
# side of the face may depend on the vessel. In 370 operated patients the AICA was mainly the
# culprit on the right, the PICA and combinations of arteries mainly on the left, and left-sided
# patients were older [S32:A].

# %% tags=["deeper"]
hfs.show_table("offending_vessels", columns=["study", "method", "vessel", "basis", "n_with_vessel",
                                             "pct", "source_key"])

# %% [markdown]
# ## 4. Pulsation and wear: a model
#
# Surgeons grade how hard the vessel presses. In 115 first operations the vessel merely touched
# the nerve in 27%, pushed it aside in 12% and **indented** it in 61% [S33:A].
# [Indentation](glossary.md#indentation) means the vessel presses hard enough to leave a groove in
# the nerve. On MRI, indentation of the nerve was significantly associated with HFS [S42:A]. So
# *how hard* matters, not just *whether*.
#
# The course's compression model (`hfs_edu.models.compression`) turns these ideas into a tug of
# war with one number, the **[myelin integrity](glossary.md#myelin-integrity)** of the root exit
# zone (1 = healthy, 0 = bare axons). Each year the vessel wears away some of the remaining myelin,
# and repair rebuilds some of what was lost:
#
# - **wear** grows with how hard the vessel presses, with its pulsation (an artery more than a
#   vein), with systolic blood pressure (a fuller artery presses harder) and slightly with age;
# - **repair** is fast, a time constant of a few months (fitted to one cohort's time to cure after
#   surgery, in which every patient was eventually cured [S150:A]), as long as the nerve is not indented; once
#   the vessel indents it, repair is almost shut off. This switch is the model's version of the
#   "second factor" of section 5;
# - below an integrity of 0.5 the model predicts cross-talk and spasm [TC:T].
#
# Every number inside the model is a **[teaching calibration](glossary.md#teaching-calibration)**,
# a value chosen so that the model reproduces the direction and rough size of sourced facts (onset
# in middle age, the odds ratio for hypertension), not measured in patients [TC:T]. Figure 2.3
# shows the three surgical grades at a normal blood pressure.

# %%
hfs.show(figs.wear_by_severity_figure(systolic_bp_mmhg=120, age_years=45), "2.3")

# %% [markdown]
# ### Try it: wear the insulation
#
# The left panel follows myelin integrity over 40 years of contact for one imaginary person; the
# thick part of the curve is the time so far, the dotted part what happens if nothing changes, and
# the grey dashed curve the same contact at a normal systolic pressure of 120 mmHg. The right panel
# asks a different question: after the chosen number of years, how does integrity depend on blood
# pressure? The text under the figure explains the result in words.
#
# **Controls.** *severity*: how hard the vessel presses, 0 (no contact) to 1; about 0.25 is
# touching, 0.6 indenting, 0.9 pushing the nerve aside. *years of contact*: how long the vessel has
# been pressing. *systolic BP*: systolic blood pressure in mmHg, held constant. *age at start*: age
# when the contact began (older nerves repair more slowly in the model). *vessel*: a pulsating
# artery or a non-pulsating vein. All model constants are teaching calibrations [TC:T].
#
# **Questions to explore** (age at start 45 unless a question says otherwise):
#
# 1. Start at severity 0.45, 15 years, 140 mmHg. Lower the pressure to 120 mmHg, then raise it
#    to 160. Why can blood pressure decide whether a borderline contact ever causes symptoms?
# 2. Set severity to 0.25 (touching). Is there any setting of the other controls that brings
#    symptoms within 40 years? If so, how high must the systolic pressure be, and what real finding
#    does the answer imitate?
# 3. Switch from artery to vein at severity 0.6 and 140 mmHg. What changes, and what stays the same?
# 4. At severity 0.45 and 140 mmHg, move *age at start* from 30 to 45 to 65 and note the age at
#    which symptoms begin. Why might the same vessel cause symptoms only late in life?

# %%
from hfs_edu.widgets.conflict import MyelinWearView

MyelinWearView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. At 120 mmHg integrity after 15 years is 0.90 and no symptoms come within 40 years; at 140 mmHg
#    it is 0.54, just above the threshold, and symptoms begin after about 21 years; at 160 mmHg it
#    is 0.11 and symptoms begin after about 4 years [TC:T]. Why: in the model a higher pressure
#    makes the vessel press harder, and at 0.45 that pushes a borderline contact across the
#    indentation switch that shuts off repair.
# 2. Yes, but only at extreme pressures. A touching artery gives symptoms within 40 years only at
#    about 195–200 mmHg (190 mmHg if the contact starts at 70, but then only after about 36 years, beyond a normal life span), a touching vein at 195–200 mmHg, and
#    at 120–160 mmHg integrity stays at 0.94 or more for 40 years [TC:T]. This imitates contact
#    without symptoms, the vessel seen on MRI in many people who never twitch (section 5).
# 3. At 140 mmHg the artery brings symptoms after about 3 years, the vein after about 5; at 120 mmHg
#    after 6 against 10 years [TC:T]. The pulse speeds up the wear, but an indenting vein still wears
#    the nerve out, because indentation, not pulsation, shuts off repair. In surgery veins are rare
#    culprits, about 3% of main offenders [S33:A].
# 4. Symptoms begin at about age 66 whether the contact starts at 30 (after about 36 years) or at
#    45 (after about 21 years); started at 65, they begin at about 73, after about 8 years [TC:T].
#    In the model wear rises and repair slows with age, so a contact that repair held in check for
#    decades tips over in later life. This fits an onset in middle and later life (section 6).
# </details>

# %% [markdown]
# ## 5. Contact without symptoms: the second factor
#
# **Core path.**
# 1. Imaging finds a vessel touching the facial nerve without HFS in 6% to 53% of people or nerve
#    sides, depending on the study and its method [S104:A; S43:A].
# 2. At autopsy, vessels pressed on the central myelin of more than 80% of 75 nerves from adults
#    not selected for HFS [N5:A].
# 3. So contact is common and HFS is rare: contact alone is not enough.
# 4. Contacts on the symptomatic side sit at the root exit zone and indent the nerve more often [S42:A].
# 5. A susceptible nerve or nucleus and a crowded posterior fossa may be needed too [S50a:B; S69:A].
#
# If a vessel against the nerve were enough, everyone with one would twitch. They do not.
# Figure 2.4 collects how often imaging finds a vessel touching the facial nerve, with and without
# HFS.

# %%
hfs.show(figs.contact_figure(), "2.4")

# %% [markdown]
# Why do the estimates range from 6% to 53% [S104:A; S43:A]? They measure different things: *any*
# touch anywhere along the nerve in the cistern, or *compression* at the root exit zone; thin-slice
# MRI that shows small contacts, or 1990s angiography that misses them; sides of the head or
# people; healthy volunteers or the other side of patients. The more generous the definition, the
# higher the number. The autopsy figure is higher still because a dissected brainstem shows every
# vessel lying on the central myelin, whatever its effect [N5:A].
#
# What distinguishes the contacts on the symptomatic side? The evidence points to several factors, and
# probably more than one is needed:
#
# - **Where.** On symptomatic sides at least 80% of contacts sit at the anterior root exit zone; on
#   asymptomatic sides at least 70% of contacts lie elsewhere [S42:A]. In people without HFS,
#   contacts are mostly mild, further out in the cistern and made by the AICA [S43:A].
# - **How hard.** Indentation, not mere touching, is associated with HFS [S42:A]. Most patients
#   have it at surgery [S33:A].
# - **A susceptible nerve or nucleus.** In animal models, vessel contact alone did not produce the
#   abnormal responses; a nerve injury was needed as well [S50a:B].
# - **Room.** The [posterior fossa](glossary.md#posterior-fossa), the skull compartment that holds
#   brainstem and cerebellum, is more crowded in patients in CT and MRI studies [S69:A; S70:A]. Less
#   space means a looping artery has nowhere to go but against the nerve.
#
# In the model of section 4, the "second factor" is the indentation switch that stops repair. A
# vessel that only touches the nerve stays harmless for decades unless the systolic pressure stays
# at about 190–200 mmHg, which in the model makes it press hard enough to indent the nerve [TC:T].

# %% [markdown] tags=["deeper"]
# ### Going deeper: the contact studies one by one, and the room in the posterior fossa
#
# *Optional: skip it on the core path.*
#
# In patients, a vessel lies against the nerve on more than 88% of symptomatic sides, but also on
# about half of the *asymptomatic* sides of the same patients [S42:A]. In 100 MRIs of people
# without HFS, up to 53% of the 200 nerve sides showed vascular contact with the facial nerve
# [S43:A]. A review puts contact in at least half of people without spasm [S50a:B]. An introduction
# quoting an earlier study gives "up to 25%" of normal controls [S87:B]. In 1992, MR angiography
# showed compression in only 1 of 16 controls (6.3%) against 24 of 37 patients (64.9%) [S104:A].
#
# A CT study of 34 patients and 33 controls found a smaller
# **[petrous angle](glossary.md#petrous-angle)** in patients, an angle measured on CT at the
# petrous part of the temporal bone; a smaller angle means a narrower posterior fossa [S69:A]. It
# also found a larger **[pons diameter index](glossary.md#pons-diameter-index)**, a measure of how
# wide the pons is relative to the fossa around it [S69:A]. Both were read as a narrower
# cerebellopontine angle. On MRI, the cerebrospinal fluid space of the posterior fossa measured
# 17,303 ± 3,900 mm³ in 41 patients against 19,216 ± 3,912 mm³ in 41 controls [S70:A]. The
# abstract calls this 11.4% less; as printed, the two means give about 10% [S70:A]. A
# "crowdedness index" was 83.7% in 60 patients against 79.2% in 60 controls, and higher in women
# [S71:A].

# %% [markdown]
# ## 6. Associations: age, sex, ancestry and high blood pressure
#
# **Age.** HFS is a disease of middle and later life. In Oslo, prevalence rose from 9.8 per 100,000
# overall to 39.7 over the age of 70 [S4:B]. In Finland incidence peaked at 60–79 years in men and
# at 80 or older in women [S5:A]. One plausible reason is that arteries lengthen and loop with age
# (Going deeper, below).
#
# **Sex and ancestry.** Women are affected more often than men in most clinic series: 61% to 64%
# of patients in three large ones [S11:A; S15:A; S22:A]. One Indian clinic found no female
# preponderance, with 49% women [S21:A]. In a Houston clinic, people of Asian origin made up 10.6%
# of patients with HFS against 3.5% of patients with cranial–cervical dystonia [S9:A].
# These are associations in clinic samples, not explanations; [chapter 05](05_epidemiology_and_risk.ipynb) returns to who
# gets HFS.
#
# **High blood pressure** ([hypertension](glossary.md#hypertension)) has been studied in
# **[case–control studies](glossary.md#case-control-study)**: people with HFS (cases) are compared
# with similar people without it (controls), and the odds of having hypertension are compared
# between the groups. The **[odds ratio (OR)](glossary.md#odds-ratio)** is the odds in cases divided by the
# odds in controls: 1 means no difference, 2 means twice the odds. Figure 2.5 is a
# **[forest plot](glossary.md#forest-plot)**, a chart that stacks the estimates of several studies
# on one axis, here every estimate in the course's table. How to read it:
#
# - each row is one estimate: a square for a single study (bigger for the whole study, smaller for
#   a subgroup), a diamond for a meta-analysis that pools several studies;
# - the horizontal line is the **[confidence interval](glossary.md#confidence-interval)**, the range
#   of odds ratios compatible with the data; all three studies report 95% intervals [S44:A; S45:A;
#   S46:A]. A short line means a precise estimate, a long one a small sample;
# - the dashed vertical line at **1** means no association; an interval that crosses it is
#   compatible with no effect at all;
# - the axis is **logarithmic**, because odds ratios are ratios: 2 (twice the odds) lies as far to
#   the right of 1 as 0.5 (half the odds) lies to the left.

# %%
hfs.show(figs.hypertension_forest_plot(), "2.5")

# %% [markdown]
# Every overall estimate *in this plot* lies to the right of 1. Both case–control studies found
# hypertension about two and a half times as often (as odds) in patients. They may not be fully
# independent replications: the 2003 study comes from an Italian group [S44:A], and the 2000 study
# may come from the same group [S45:A]. One gave an adjusted odds
# ratio of 2.76, 95% confidence interval 1.43–5.33, in 114 patients against 228 neurological
# controls [S44:A]. The other gave 2.64 (1.3–5.33) in 115 against 115 [S45:A]. Pooling six studies
# with 549 patients gave a smaller but still clear 1.72 (1.12–2.31) [S46:A]. Pooled estimates often
# come out smaller than those of the first studies, for example because small studies with
# striking results are more likely to be published and noticed.
#
# The subgroups (left or right side, under or over 60) disagree, and their intervals are long; the
# details are in Going deeper, below [S44:A; S45:A]. Not every study outside the plot agrees: in a Polish study of 60 patients
# and 60 controls the difference in hypertension was not significant [N154:A]. The honest summary is
# "probably associated, size uncertain".
#
# **Association, not cause.** A case–control study shows an association, not its direction or its
# mechanism. Arteries under higher pressure may press harder on the nerve. But the same looping
# vessels can also press on the ventrolateral medulla, where blood pressure is regulated, and such
# compression was more frequent in patients who had hypertension [N154:A]. So hypertension may be a
# consequence of the same anatomy rather than a cause of the spasm. For Mrs Ortiz, her treated
# hypertension fits the association; it does not show that it caused her spasm.
#
# The model of section 4 was calibrated to land between these estimates [TC:T]:

# %%
model_or = compression.hypertension_odds_ratio(sbp_high_mmhg=150, sbp_normal_mmhg=120, by_age_years=65)
print(f"Model odds ratio for symptoms by age 65, 150 vs 120 mmHg: {model_or:.2f}")
print(figs.odds_ratio_summary())

# %% [markdown] tags=["deeper"]
# ### Going deeper: subgroups, tortuous arteries and a symmetric interval
#
# *Optional: skip it on the core path.*
#
# **Subgroups.** This is where the forest plot earns its keep. One study found the
# link on both sides of the face, with odds ratios of 2.76 on the left and 3.02 on the right
# [S44:A]. The other found it only on the left, 4.0 (1.4–11.5), with a right-sided interval of
# 0.36–3.1 that crosses 1 [S45:A]. Not every study outside the plot agrees. An Indian cohort found
# no link between left-sided HFS and hypertension [S21:A]. A Polish study of 60 patients and 60
# controls found hypertension in 61.6% against 45.0%, a difference that was not significant
# [N154:A]. The odds ratio was higher below the age of 60 (4.2) than above it (2.5), but the
# difference between the age groups was not significant [S44:A]. Small subgroups give long lines:
# the honest summary is "probably associated, size uncertain".
#
# **Arteries change shape with age.** An artery's [tortuosity](glossary.md#tortuosity) is how
# twisted or looped its course is. In 154 adults re-imaged after about ten years, the basilar artery
# had lengthened, and the lengthening was explained by age [N152:A]. In 247 adults without
# neurological disease, those over 60 had more tortuous carotid and vertebral arteries [N153:A].
# Women had more vertebral-artery tortuosity and faster change with age [N153:A]. A longer, more
# tortuous artery needs more room, and the loops of its branches shift. But one group measured
# vertebrobasilar tortuosity in 40 patients and 39 controls, adjusted for posterior-fossa volume
# and hypertension, and found no difference [N151:A]. Tortuous arteries are part of the story in
# some patients, not the whole of it.
#
# **A statistical footnote.** The meta-analysis's interval is symmetric on an ordinary scale
# (1.72 ± 0.6), not on the log scale on which odds ratios are normally estimated [S46:A]. An
# interval computed on the log scale would stretch further to the right than to the left of 1.72
# [S46:A].
# The figure shows it as published.

# %% [markdown]
# ## 7. Mostly sporadic, sometimes familial
#
# Most patients with HFS have no affected relative. The familial shares are small: 2.9% of
# patients with primary and 2.0% with secondary HFS in an Italian multicentre study [S15:A]. They
# were 4 of 215 referrals (2%) in a US centre [S16:A]. In 1,003 Chinese patients it was 2.3% [S22:A].
# A case report's introduction gives an upper bound, "less than 10%", without data of its own
# [S28:B]. What most patients share is an anatomical situation, a vessel against the nerve in a
# crowded posterior fossa, which may change over life.
#
# The rare families are instructive, because they look like ordinary HFS:
#
# - Miwa and colleagues (2002) described five families with ten affected members; onset was at
#   50.6 years on average and eight of the ten had left-sided spasm [S26:C]. Inheritance looked
#   autosomal dominant with **[reduced penetrance](glossary.md#reduced-penetrance)**, meaning that
#   not everyone who carries the trait gets the disease, and decompression worked in the two who
#   had it [S26:C]. These details come from a disease database's summary; the primary paper was not
#   checked for this course.
# - In a family spanning four generations, MRI suggested a neurovascular conflict in every affected
#   member of the last two generations, and also in three younger relatives without HFS [N340:A].
#   Hypertension had been found a few years before the spasm in every affected member, and the
#   authors suggest an inherited susceptibility to vascular anomalies [N340:A].
# - In 20 Korean patients from 10 families the inheritance pattern could not be defined [S27:A]. The
#   vertebral artery was the culprit more often than in sporadic cases (35.0% against 10.0%), and
#   18 of the 19 who had surgery were free of spasm afterwards [S27:A].
# - A mother and son both developed right-sided HFS in their early twenties, each with a branch of
#   the PICA touching the nerve [S28:B].
#
# So familial HFS is also **vascular HFS**, and decompression helps it too. What seems to run in
# some families is the *anatomy*: how the vertebral artery and its branches run, or how much room
# the posterior fossa offers. The Korean authors suggest that an inherited susceptibility acts
# through the shape of the vessels rather than through hypertension or diabetes [S27:A]. The
# younger relatives with a conflict but no spasm in the four-generation family show that the
# anatomy can be present without the disease, at least for years [N340:A].
#
# No gene for HFS itself has been found. The one genetic association study in the course's sources,
# of 43 patients and 207 controls, found no link with four genes of vascular change and no
# difference in homocysteine, a blood amino acid linked to vessel-wall disease [N150:A]. It is small, so it cannot rule a genetic contribution out.
# Nor do the course's sources describe an immune or metabolic mechanism; diabetes was unrelated to
# vertebral-artery tortuosity in the Korean families [S27:A]. That is absence of evidence from a
# few studies, not proof of absence.

# %% [markdown]
# ## 8. Secondary HFS: when the cause is not a vessel at the root
#
# **[Secondary HFS](glossary.md#secondary-HFS)** has a cause other than a vessel at
# the root exit zone. Its share runs from under 5% to about 23% of patients, depending on whether
# spasm after a facial palsy is counted and on the clinic [N341:B; S15:A]. Figure 2.6 shows four
# cohorts.

# %%
hfs.show(figs.aetiology_figure(), "2.6")

# %% [markdown]
# - **After a facial palsy
#   ([post-paralytic HFS](glossary.md#post-paralytic-hemifacial-spasm)).** In the Italian
#   multicentre study 50 of 214 patients (23%) had secondary HFS, and 48 of the 50 had developed it
#   after a facial palsy such as Bell's palsy [S15:A]. A letter about that study reported
#   post-paralytic HFS in under 5% of 200 consecutive patients at another tertiary centre [N341:B].
#   Among 215 referrals to a US centre, 11% followed Bell's palsy [S16:A]. Other cohorts report a
#   previous Bell's palsy in 5.7% and 11% [S11:A; S111:B]. Here the cross-transmission arises
#   inside the petrous bone, not at the root exit zone [S56:A]. That is probably where the nerve,
#   swollen in its bony canal during the palsy, regrew with some fibres reaching the wrong targets.
#   Moving a vessel at the root would not be expected to help.
# - **After a facial nerve injury.** Contrary to what some patient pages say, injury is an
#   uncommon cause: 6% of the 215 referrals [S16:A].
# - **Tumours and other structural lesions.** These are rare: 9 of 1,642 operated patients (0.5%),
#   seven tumours and two vascular malformations [S17:A]. Reported tumours include parotid tumours,
#   meningiomas of the cerebellopontine angle and acoustic schwannomas [S30:B]. Case reports
#   suggest that spasm from a tumour in the cerebellopontine angle may be more sustained (tonic)
#   than brief twitches [S31:B]. Tumour cases can also be atypical in onset and course [S30:B].
# - **Multiple sclerosis and brainstem lesions.** Two of the 215 referrals had a demyelinating
#   disease and two a vascular brain insult [S16:A]. In a Mayo Clinic series, 7 patients with
#   multiple sclerosis had HFS; three had a pontine lesion on the same side, and the spasm resolved
#   within four years in five [S67:A]. A clinical reference advises that onset before the age of 40
#   should raise the question of another disease such as MS [S18:C]. Yet most young-onset HFS is
#   still vascular. Among 15 patients with onset at or before 30, 75% had a vessel at the root exit
#   zone [S24:A]. Of 1,642 surgical patients, 3.4% were under 30 at operation [S17:A].
# - **Large arteries.** A widened, elongated vertebrobasilar artery
#   ([dolichoectasia](glossary.md#dolichoectasia)) pressed on the nerve in 12 of 1,642 patients
#   (0.7%) [S17:A]. It is still a vascular cause, but a harder one to operate on.
#
# The shares of secondary HFS differ between cohorts. In Figure 2.6 two cohorts count secondary
# cases, 19% and 23% [S16:A; S15:A], and in a third 21.5% were not classed as primary [S21:A]. The
# fourth, a Brazilian botulinum-toxin cohort, reports only that 88.1% had primary HFS, so at most
# 11.9% were secondary [S110:A]. The shares differ because clinics define it differently (is a spasm after Bell's palsy counted?) and see different
# patients. A referral clinic also sees mimics such as tics and psychogenic spasm, 18% of referrals
# in one centre [S16:A]. [Chapter 06](06_diagnosis.ipynb) returns to the mimics.

# %% [markdown]
# ## Exercise: what can Mrs Ortiz's MRI tell you?
#
# Mrs Ortiz's MRI shows an AICA loop at her left root exit zone [TC:T]. Suppose, for the model,
# that the loop indents the nerve (severity 0.6), that the contact began when she was 45, and that
# it is a pulsating artery [TC:T]. **What it practises:** reading a model's prediction and saying
# where a model stops.
#
# **Time:** about 12 min.
#
# You can read every number from the view above: set *severity*, *age at start* 45 and *artery*,
# move *systolic BP*, and read "symptoms began after … years" under the figure. The code is
# optional: `compression.years_to_symptoms(0.6, systolic_bp_mmhg=120, age_years=45)` gives the same
# number for 120 mmHg.
#
# 1. How many years of contact does the indenting loop need before symptoms at 120, 140 and
#    160 mmHg? Give one decimal.
# 2. If the loop only touched the nerve (severity 0.25), would symptoms come within 40 years at any
#    of these three pressures? Answer `True` or `False`.
# 3. In the model, is high blood pressure the `"cause"` of symptoms or an `"accelerator"`?
# 4. In a sentence or two, written between quotes (`"…"`): what can this model *not* tell you
#    about Mrs Ortiz?
#
# Replace each `...` in the cell below and run it; the checker tells you which parts are right.

# %% tags=["exercise"]
from hfs_edu.exercises import check
from hfs_edu.models import compression

# 1. Indenting artery (severity 0.6), contact from age 45: years until symptoms at 120, 140, 160 mmHg
years_indenting = (..., ..., ...)
# 2. Touching artery (severity 0.25) at 120-160 mmHg: symptoms within 40 years? True or False
touching_gives_symptoms = ...
# 3. In the model, high blood pressure is the "cause" or an "accelerator"?
bp_role = ...
# 4. One or two sentences: what can the model NOT tell you about Mrs Ortiz?
cannot_tell = ...
check("02", years_indenting=years_indenting, touching_gives_symptoms=touching_gives_symptoms, bp_role=bp_role, cannot_tell=cannot_tell)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models import compression

# 1. Read from the view (severity 0.6, age at start 45, artery) or computed:
years_indenting = tuple(round(compression.years_to_symptoms(0.6, systolic_bp_mmhg=bp, age_years=45), 1)
                        for bp in (120, 140, 160))
# 2. A touching artery: not within 40 years at 120, 140 or 160 mmHg (the model needs about 195 mmHg [TC])
touching_gives_symptoms = False
# 3. Pressure shortens the time for an indenting vessel but cannot make a touching one harmful
#    between 120 and 160 mmHg: in the model it is an accelerator, not the cause [TC].
bp_role = "accelerator"
# 4. Model answer. The model imitates sourced findings (contact without symptoms [S43; S42], indentation
#    as a risk [S33; S42], hypertension as an association [S44; S46]), but it cannot tell:
#    - whether this loop caused her spasm: the same contact is common in people who never twitch;
#    - when the contact began, how hard it presses, or her blood pressure over the years;
#    - anything about her as a person: every constant is a teaching calibration [TC], not a measurement,
#      and it leaves out her anatomy, her repair, whether decompression would help her, and the
#      debated role of the facial nucleus [S50a].
cannot_tell = ("Whether this loop caused her spasm, since such contact is common without HFS; when it began "
               "and how hard it presses; and her own future, because every constant is a teaching "
               "calibration and the model leaves out her anatomy, her repair and the facial nucleus.")
check("02", years_indenting=years_indenting, touching_gives_symptoms=touching_gives_symptoms,
      bp_role=bp_role, cannot_tell=cannot_tell, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("02_neurovascular_conflict")

# %% [markdown]
# ## Key takeaways
#
# - Primary HFS is a **neurovascular conflict**: a vessel, usually an artery, presses on the facial
#   nerve where it is still covered by central myelin, at the root exit zone [S33:A].
# - The **insulated-wire** picture explains where and why there, but nerves are not wires. Axons
#   fire by themselves [S49:A]. Relief after surgery comes within days in many patients but only after
#   weeks to months in others, in shares that differ widely between series [S150:A; S151:A]. Remyelination
#   and a slowly calming facial nucleus are two explanations, and part of the problem may be
#   central [S50a:B; S54:B].
# - In most series, including all those shown here, the **AICA** is the commonest culprit, with
#   37.8% to 75.8% [S14:A; S36:A]. At least one series reports the PICA and the vertebral artery first
#   [N342:C]. Series differ by counting, denominators, method and population.
# - **Contact is common without HFS**: 6% to 53% of people or nerve sides in imaging studies
#   [S104:A; S43:A]. What matters is where and how hard the vessel presses, and perhaps a crowded posterior
#   fossa and a susceptible nerve [S42:A; S70:A].
# - **Older age and hypertension are associated with HFS**: pooled odds ratio for hypertension
#   1.72, 1.12–2.31 [S46:A]. Studies disagree on size and side, and association is not causation.
# - **Most HFS is sporadic**: about 2–3% of patients have an affected relative [S15:A; S16:A;
#   S22:A]. Rare families suggest an inherited vascular anatomy, and their spasm is vascular too
#   [S27:A; N340:A].
# - **Secondary HFS** (under 5% to about 23% of patients, depending on the clinic) follows a facial
#   palsy more often than a nerve injury [N341:B; S15:A; S16:A]. Tumours are rare, 0.5% [S17:A].
