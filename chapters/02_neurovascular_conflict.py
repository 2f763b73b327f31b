# %% [markdown]
# # 02 · Neurovascular conflict: how a pulsing artery can wear out a nerve
#
# The woman from chapter 00 has an MRI. The radiologist reports a loop of artery lying against her
# left facial nerve, right where it leaves the brainstem. That sounds like the answer, until you
# learn that the same finding turns up in about half of people who have never twitched [S43:A;
# S50a:B]. So why
# her, why now, and why the left side? This chapter takes the popular explanation (an artery
# pulsing against the nerve wears away its insulation until signals short-circuit), checks it
# against the evidence, and shows where it holds and where it does not. You will compare surgical
# series that disagree about the culprit vessel, read a forest plot of blood pressure as a risk
# factor, use a model to explore how pressure, time and blood pressure combine, and weigh why HFS
# is considered acquired even though it sometimes runs in families.

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
# 4. read a forest plot of odds ratios and say what it shows, and cannot show, about ageing and
#    high blood pressure as risk factors;
# 5. argue why HFS is considered acquired despite rare familial cases;
# 6. tell primary HFS from secondary HFS (after a facial palsy, nerve injury, a tumour or
#    multiple sclerosis) and explain why the mechanism differs.
#
# **Estimated time:** 50–60 minutes.
#
# **Prerequisites:** chapters 00 and 01 (especially the root exit zone and the transition zone).
# From your studies: myelin and saltatory conduction, the vertebrobasilar arteries and their
# cerebellar branches, and the idea of an odds ratio (section 6 recaps what you need).

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import compression

hfs.setup()

# %% [markdown]
# ## 1. The insulated-wire picture
#
# Patient leaflets explain HFS with an image from electrical engineering. The facial nerve is a
# cable of thousands of wires, each wrapped in insulation (myelin). A small artery lies against
# the cable. With every heartbeat it taps the same spot, and over the years the tapping wears the
# insulation thin. Where two bare wires touch, current leaks from one to the other: a
# **short circuit**, or **cross-talk**. A command meant for the eyelid now also reaches the mouth
# corner, and damaged wires may even start sending signals by themselves.
#
# Chapter 01 showed why the spot matters. For its first few millimetres the root is wrapped in
# *central* myelin made by oligodendrocytes, has no epineurium and no fascicles, so fibres for
# the forehead, eye, mouth and neck run side by side [N3:C; N6:A; N12:A]. Then comes the
# **transition zone**, where Schwann cells take over. In 96 of 100 first operations the vessel
# sat on this proximal stretch, at the root exit point, along the attached segment or at the
# point of detachment [S33:A]. Figure 2.1 puts the analogy on that anatomy.

# %%
hfs.show(figs.conflict_schematic(), "2.1")

# %% [markdown]
# ## 2. Where the analogy breaks down
#
# The wire picture is a good memory aid, and it gets three things right: the insulation matters,
# the damage is local, and the leak links fibres that should be independent. But a nerve is not
# a cable, and the differences are exactly the points that clinicians and examiners ask about.
#
# | The wire picture says | What nerves actually do |
# |---|---|
# | Wires are passive; a worn wire only leaks. | Axons are excitable. Facial-nerve fibres in HFS, demyelinated at the compression site [S51:B], fire on their own and produce trains of after-activity at 250–350 Hz [S49:A]. A worn cable does not generate current. |
# | Worn insulation stays worn. | Myelin is repaired. After decompression, cross-transmission between branches had disappeared in 23% of patients at one week and in 73% at 2–8 months [S50:A]; relief of the spasm is often delayed (median 30 days in 175 patients [S150:A]). The slow recovery is what you would expect if new myelin has to be laid down. |
# | Touching wires always short-circuit. | A vessel touches the facial nerve in a large share of people who never develop HFS (section 5) [S43:A; S50a:B]. Contact is not enough; something else has to be present. |
# | The fault is in the cable. | Where the abnormal signal arises is still debated. One view puts it at the compression site (ephaptic and ectopic excitation) [S51:B]; another holds that the facial motor nucleus becomes hyperexcitable, and animal models needed a nerve injury *plus* vessel contact [S50a:B]. Recent electrophysiology increasingly favours a central contribution [S54:B], and one review found the evidence for segmental demyelination unconvincing, favouring a functional effect of compression and stretch, with cross-talk at the conflict zone [S55:B]. |
# | Every short circuit sits where the wire is worn. | After a Bell's palsy, recordings place the cross-transmission inside the petrous bone, not in the cerebellopontine angle [S56:A]: same symptom, different site, no artery needed (section 8). |
#
# Keep the analogy, but keep its limits in mind: it explains *where* and *why there*, not the
# whole of *how*. Chapter 03 builds the cross-talk itself.

# %% [markdown]
# ## 3. Which vessels press on the nerve?
#
# The artery in the leaflet is usually the **anterior inferior cerebellar artery (AICA)**, a branch
# of the basilar artery that loops around the cerebellopontine angle. But the AICA is not the
# only candidate: the **posterior inferior cerebellar artery (PICA)**, the **vertebral artery**
# itself, occasionally the basilar artery or the superior cerebellar artery, and rarely a vein can
# be the culprit, and in many patients more than one vessel is involved. Figure 2.2 puts four
# series side by side; the lower panel collects the AICA share from every source.

# %%
hfs.show(figs.offending_vessels_figure(), "2.2")

# %% [markdown]
# Every series agrees that the AICA is the single commonest culprit, but its share runs from
# 37.8% in a meta-analysis of 27 studies [S14:A] to 75.8% in a Hispanic surgical series [S36:A],
# and the PICA share from 6.2% [S36:A] to 38% [S34:A]. The numbers differ for reasons you can
# see in the table:
#
# - **Main culprit or any contact?** Two series name one main offender per patient and count
#   "several vessels" separately: 38% of 115 patients [S33:A] and 11 of 70 [S35:A] had more than
#   one. Baba's series counted every vessel that touched the nerve, so a patient with AICA *and*
#   PICA counts twice and its rows add up to 103% [S34:A].
# - **Counts or percentages, and of whom?** The Hispanic series reports counts; as a percentage of
#   all 194 patients the AICA share is 75.8%, but 9 patients had no compression at all, and among
#   the 185 who did it is 79% [S36:A]. The same counts give different percentages depending on
#   the denominator.
# - **Angiography or surgery?** Two series combined angiograms with operative findings [S34:A;
#   S35:A]; an angiogram shows arteries, not veins, and not how hard a vessel presses. The others
#   report what the surgeon saw.
# - **Different patients.** The series come from Japan [S34:A; S35:A], a Hispanic population
#   [S36:A] and other centres; a meta-analysis pools them, and its wide confidence interval
#   (27.8–47.7%) shows how much they vary [S14:A].
#
# Three more details are worth remembering. Veins are rare culprits (3% of main offenders
# [S33:A]; a vein alone in 5 of 1,642 operated patients [S17:A]), which fits the idea that the
# *pulse* matters. The large vertebral artery, parent of the PICA and of the basilar artery, is
# often displaced towards the affected side: towards the symptomatic side in 86.4% of 88
# patients, towards the other side in 10.2% [S39:A]. And the side of the face may depend on the
# vessel: in 370 operated patients the AICA was mainly the culprit on the right, the PICA and
# combinations of arteries mainly on the left, and left-sided patients were older [S32:A].

# %%
hfs.show_table("offending_vessels", columns=["study", "method", "vessel", "basis", "n_with_vessel",
                                             "pct", "source_key"])

# %% [markdown]
# ## 4. Pulsation and wear: a model
#
# Surgeons grade how hard the vessel presses. In the 115 first operations the vessel merely touched
# the nerve in 27%, **indented** it in 61% and pushed it aside in 12% [S33:A]. On MRI, indentation
# of the nerve was significantly associated with HFS [S42:A]. So *how hard* matters, not just
# *whether*.
#
# The course's compression model (`hfs_edu.models.compression`) turns these ideas into a tug of
# war with one number, the **myelin integrity** of the root exit zone (1 = healthy, 0 = bare
# axons). Each year the vessel wears away some of the remaining myelin, and repair rebuilds some of
# what was lost:
#
# - **wear** grows with how hard the vessel presses, with its pulsation (an artery more than a
#   vein), with systolic blood pressure (a fuller artery presses harder) and slightly with age;
# - **repair** (remyelination) is fast, a time constant of a few months, as long as the nerve is
#   not indented; once the vessel indents it, repair is almost shut off. This switch is the model's
#   version of the "second factor" of section 5;
# - below an integrity of 0.5 the model predicts cross-talk and spasm.
#
# Every number inside the model is a **teaching calibration** [TC:T]: chosen so that the model
# reproduces the direction and rough size of sourced facts (onset in middle age, the odds ratio
# for hypertension), not measured in patients. Figure 2.3 shows the three surgical grades at a
# normal blood pressure.

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
# **Questions to explore while you move the controls:**
# - Start at severity 0.45, 15 years, 140 mmHg. Lower the pressure to 120 mmHg, then raise it to
#   160. Why can blood pressure decide whether a borderline contact ever causes symptoms?
# - Set severity to 0.25 (touching) and try every other control. Can you make it cause symptoms
#   within 40 years? Which real finding does this imitate?
# - Switch from artery to vein at severity 0.6. What changes, and what stays the same?
# - Move *age at start* from 30 to 65 at severity 0.45. Why might the same vessel cause symptoms
#   only late in life?

# %%
from hfs_edu.widgets.conflict import MyelinWearView

MyelinWearView()

# %% [markdown]
# ## 5. Contact without symptoms: the second factor
#
# If a vessel against the nerve were enough, everyone with one would twitch. They do not. Figure 2.4
# collects how often imaging finds a vessel touching the facial nerve, with and without HFS.

# %%
hfs.show(figs.contact_figure(), "2.4")

# %% [markdown]
# In patients, a vessel lies against the nerve on more than 88% of symptomatic sides, but also on
# about half of the *asymptomatic* sides of the same patients [S42:A]. In 100 MRIs of people
# without HFS, up to 53% of the 200 sides showed vascular contact with the facial nerve [S43:A],
# and a review puts contact in at least half of people without spasm [S50a:B]. Yet an
# introduction quoting an earlier study gives "up to 25%" of normal controls [S87:B], and in 1992
# MR angiography showed compression in only 1 of 16 controls (6.3%) against 24 of 37 patients
# (64.9%) [S104:A].
#
# Why do the estimates range from 6% to 53% [S104:A; S43:A]? They measure different things: *any* touch
# anywhere along the nerve in the cistern, or *compression* at the root exit zone; thin-slice MRI
# that shows small contacts, or 1990s angiography that misses them; sides of the head or people;
# healthy volunteers or the other side of patients. The more generous the definition, the higher
# the number.
#
# What distinguishes the contacts that cause HFS? The evidence points to several factors, and
# probably more than one is needed:
#
# - **Where.** On symptomatic sides at least 80% of contacts sit at the anterior root exit zone; on
#   asymptomatic sides at least 70% of contacts lie elsewhere [S42:A]. In people without HFS,
#   contacts are mostly mild, further out in the cistern and made by the AICA [S43:A].
# - **How hard.** Indentation, not mere touching, is associated with HFS [S42:A]; most patients
#   have it at surgery [S33:A].
# - **A susceptible nerve or nucleus.** In animal models, vessel contact alone did not produce the
#   abnormal responses; a nerve injury was needed as well [S50a:B].
# - **Room.** The posterior fossa of patients is more crowded. A CT study of 34 patients and 33
#   controls found a smaller petrous angle and a larger pons diameter index, in other words a
#   narrower cerebellopontine angle [S69:A]. On MRI, the cerebrospinal fluid space of the
#   posterior fossa measured 17,303 ± 3,900 mm³ in 41 patients against 19,216 ± 3,912 mm³ in 41
#   controls, 11.4% less [S70:A]. A "crowdedness index" was 83.7% in 60 patients against 79.2% in
#   60 controls, and higher in women [S71:A]. Less space means a looping artery has nowhere to go
#   but against the nerve.
#
# In the model of section 4, the "second factor" is the indentation switch that stops repair: a
# vessel that only touches the nerve stays harmless for decades unless the systolic pressure stays
# around 190 mmHg or more, which in the model makes the vessel press hard enough to indent the
# nerve [TC:T].

# %% [markdown]
# ## 6. Risk factors: ageing and high blood pressure
#
# **Ageing.** HFS is a disease of middle and later life: in Oslo, prevalence rose from 9.8 per
# 100,000 overall to 39.7 over the age of 70 [S4:B], and in Finland incidence peaked at 60–79 years
# in men and at 80 or older in women [S5:A]. One plausible reason is that arteries change shape with age.
# In 154 adults re-imaged after about ten years, the basilar artery had lengthened, and the
# lengthening was explained by age [N152:A]; in 247 adults without neurological disease, those
# over 60 had more tortuous carotid and vertebral arteries, and women had more vertebral-artery
# tortuosity and faster change with age [N153:A]. A longer, more tortuous artery needs more room,
# and the loops of its branches shift. But be careful: when one group measured vertebrobasilar
# tortuosity in 40 patients and 39 controls and adjusted for posterior-fossa volume and
# hypertension, there was no difference [N151:A]. Tortuous arteries are part of the story in some
# patients, not the whole of it.
#
# **High blood pressure** has been studied in case–control studies: the odds of having
# hypertension are compared between people with HFS and similar people without it. Figure 2.5 is a
# **forest plot** of every estimate in the course's table. How to read it:
#
# - each row is one estimate: a square for a single study (bigger for the whole study, smaller for
#   a subgroup), a diamond for a meta-analysis that pools several studies;
# - the horizontal line is the **confidence interval**, the range of odds ratios compatible with
#   the data (all three studies report 95% intervals [S44:A; S45:A; S46:A]); a short line means a
#   precise estimate, a long one a small sample;
# - the dashed vertical line at **1** means no association; an interval that crosses it is
#   compatible with no effect at all;
# - the axis is **logarithmic**, because odds ratios are ratios: 2 (twice the odds) lies as far to
#   the right of 1 as 0.5 (half the odds) lies to the left.

# %%
hfs.show(figs.hypertension_forest_plot(), "2.5")

# %% [markdown]
# Both case–control studies found hypertension about two and a half times as often (as odds) in
# patients: adjusted odds ratio 2.76, 95% confidence interval 1.43–5.33, in 114 patients against
# 228 neurological controls [S44:A], and 2.64 (1.3–5.33) in 115 against 115 [S45:A]. Pooling six
# studies with 549 patients gave a smaller but still clear 1.72 (1.12–2.31) [S46:A]. Pooled
# estimates often come out smaller than those of the first studies, for example because small
# studies with striking results are more likely to be published and noticed.
#
# The subgroups disagree, and this is where the forest plot earns its keep. One study found the
# link on both sides of the face (left 2.76, right 3.02 [S44:A]); the other only on the left
# (4.0, 1.4–11.5), with a right-sided interval of 0.36–3.1 that crosses 1 [S45:A]. An Indian
# cohort found no link between left-sided HFS and hypertension [S21:A], and a Polish study of 60
# patients and 60 controls found hypertension in 61.6% against 45.0%, a difference that was not
# significant [N154:A]. The odds ratio was higher below the age of 60 (4.2) than above it (2.5),
# but the difference between the age groups was not significant [S44:A]. Small subgroups give long
# lines: the honest summary is "probably associated, size uncertain".
#
# Two cautions before you call hypertension a cause. First, a case–control study shows an
# association, not its direction. Arteries under higher pressure may press harder on the nerve;
# but the same looping vessels can also press on the ventrolateral medulla, where blood pressure
# is regulated, and such compression was more frequent in patients who had hypertension [N154:A].
# Second, the meta-analysis's interval is unusually symmetric on an ordinary scale (1.72 ± 0.6),
# not on the log scale on which odds ratios are normally estimated [S46:A]; the figure shows it as
# published.
#
# The model of section 4 was calibrated to land between these estimates [TC:T]:

# %%
model_or = compression.hypertension_odds_ratio(sbp_high_mmhg=150, sbp_normal_mmhg=120, by_age_years=65)
print(f"Model odds ratio for symptoms by age 65, 150 vs 120 mmHg: {model_or:.2f}")
print(figs.odds_ratio_summary())

# %% [markdown]
# ## 7. Acquired, not inherited
#
# HFS is considered an **acquired** disorder: most patients have no affected relative, and what
# they have in common is an anatomical situation, a vessel against the nerve in a crowded posterior
# fossa, which develops over life. The familial figures are small: 2.9% of patients with primary
# and 2.0% with secondary HFS in an Italian multicentre study [S15:A], 4 of 215 referrals (2%)
# in a US centre [S16:A] and 2.3% of 1,003 Chinese patients [S22:A]. A case report's literature
# summary gives an upper bound, "less than 10%" [S28:B].
#
# The rare families are instructive, because they look like ordinary HFS:
#
# - In five families with ten affected members, onset was at 50.6 years on average and eight of the
#   ten had left-sided spasm; inheritance looked autosomal dominant with **reduced penetrance** (not
#   everyone who carries the trait gets the disease), and decompression worked in the two who had
#   it [S26:C].
# - In a four-generation family, MRI showed the facial nerve in contact with the basilar or
#   vertebral artery in four of five affected members; the family also had a history of
#   hypertension, and the authors linked the late onset to atherosclerotic changes [S26:C].
# - In 20 Korean patients from 10 families the inheritance pattern could not be defined; the
#   vertebral artery was the culprit more often than in sporadic cases (35.0% against 10.0%), and
#   18 of the 19 who had surgery were free of spasm afterwards [S27:A].
# - A mother and son both developed right-sided HFS in their early twenties, each with a branch of
#   the PICA touching the nerve [S28:B].
#
# So even familial HFS is **vascular HFS**, and it is cured by moving the vessel. What seems to run
# in some families is the *anatomy*, how the vertebral artery and its branches run or how much room
# the posterior fossa offers: the Korean authors suggest that an inherited susceptibility acts
# through the shape of the vessels rather than through hypertension or diabetes [S27:A]. No gene
# for HFS itself has been found. The one genetic association study in the course's sources came up
# empty: polymorphisms in four genes linked to vascular change were not associated with HFS in 43
# patients and 207 controls, and their fasting homocysteine did not differ [N150:A]. The Korean
# authors end by hoping future studies "may help identify a gene or trait" [S27:A]: none has been
# identified in the sources this course uses. Nor do these sources describe any immune or metabolic
# mechanism; the markers that were checked, homocysteine [N150:A] and diabetes in relation to
# vertebral-artery tortuosity [S27:A], were unremarkable. That is absence of evidence from a few
# studies, not proof, and the course says so.

# %% [markdown]
# ## 8. Secondary HFS: when the cause is not a vessel at the root
#
# Between about one patient in eight and one in four has **secondary** HFS, with a cause other
# than a vessel at the root exit zone [S110:A; S15:A]. Figure 2.6 shows four cohorts.

# %%
hfs.show(figs.aetiology_figure(), "2.6")

# %% [markdown]
# - **After a facial palsy (post-paralytic HFS).** In the Italian multicentre study 50 of 214
#   patients (23%) had secondary HFS, and 48 of the 50 had developed it after a facial palsy such as
#   Bell's palsy [S15:A]. Among 215 referrals to a US centre, 11% followed Bell's palsy [S16:A];
#   other cohorts report a previous Bell's palsy in 5.7% [S11:A] and 11% [S111:B]. Here the
#   cross-transmission arises inside the petrous bone, not at the root exit zone [S56:A]: probably
#   where the nerve, swollen in its bony canal during the palsy, regrew with some fibres reaching
#   the wrong targets. Moving a vessel at the root would not be expected to help.
# - **After a facial nerve injury.** Contrary to what some patient pages say, injury is an
#   uncommon cause: 6% of the 215 referrals [S16:A].
# - **Tumours and other structural lesions.** Rare: 9 of 1,642 operated patients (0.5%), seven
#   tumours and two vascular malformations [S17:A]. Reported tumours include parotid tumours,
#   meningiomas of the cerebellopontine angle and acoustic schwannomas [S30:B]. Spasm caused by a
#   tumour in the cerebellopontine angle is usually a sustained (tonic) contraction rather than
#   brief twitches [S31:B], a clue worth looking for.
# - **Multiple sclerosis and brainstem lesions.** Two of the 215 referrals had a demyelinating
#   disease and two a vascular brain insult [S16:A]. In a Mayo Clinic series, 7 patients with
#   multiple sclerosis had HFS; three had a pontine lesion on the same side, and the spasm resolved
#   within four years in five [S67:A]. Onset before the age of 40 is unusual in HFS and should
#   raise the question of another neurological disease such as MS [S18:C].
# - **Large arteries.** A widened, elongated vertebrobasilar artery (dolichoectasia) pressed on the
#   nerve in 12 of 1,642 patients (0.7%) [S17:A]; it is still a vascular cause, but a harder one to
#   operate on.
#
# The shares of secondary HFS differ between cohorts (11.9% to 23% in Figure 2.6 [S110:A; S15:A])
# because clinics define it differently (is a spasm after Bell's palsy counted?) and see different
# patients (a referral clinic also sees mimics such as tics and psychogenic spasm, 18% of referrals
# in one centre [S16:A]). Chapter 06 returns to the mimics.

# %% [markdown]
# ## Exercise
#
# A 45-year-old's MRI shows an artery **indenting** the facial nerve (severity 0.6 in the model).
#
# 1. Use `compression.years_to_symptoms(severity, systolic_bp_mmhg=..., age_years=45)` to find how
#    many years of contact the model needs before symptoms at 120, 140 and 160 mmHg. (The default
#    pulsation, 0.5, is a pulsating artery.)
# 2. Repeat for a vessel that only **touches** the nerve (severity 0.25). The function returns
#    `nan` ("not a number") if symptoms do not come within 60 years; `math.isfinite(x)` tells you
#    whether you got a real number of years.
# 3. In two or three sentences: which sourced findings from this chapter does the model imitate,
#    and what can it *not* tell you about this patient?
#
# Write your code in the empty cell below, then compare with the worked solution.

# %% tags=["exercise"]
# Your code here


# %% [markdown]
# **Worked solution** (click the three dots "···" to expand the hidden cell):

# %% tags=["solution"]
import math

for severity, contact in [(0.6, "indenting"), (0.25, "touching")]:
    for bp in (120, 140, 160):
        years = compression.years_to_symptoms(severity, systolic_bp_mmhg=bp, age_years=45)
        result = f"after {years:.1f} years" if math.isfinite(years) else "not within 60 years"
        print(f"{contact:9s} artery, {bp} mmHg: symptoms {result}")
# The model imitates (1) contact without symptoms: a touching vessel is repaired [S43; S42],
# (2) indentation as a risk [S33; S42], (3) hypertension raising the risk [S44; S46].
# It cannot tell this patient when, or whether, spasm will start: every constant is a
# teaching calibration [TC], and real patients differ in anatomy, repair and the debated
# central contribution [S50a].

# %% [markdown]
# Notice the pattern: blood pressure shortens the time to symptoms of an indenting vessel, but
# between 120 and 160 mmHg it cannot make a merely touching vessel harmful. In the model,
# hypertension acts as an accelerator, not as the cause [TC:T].

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
#   nerve where it is still covered by thin central myelin, at the root exit zone and the
#   transition zone [S33:A].
# - The **insulated-wire** picture explains where and why there, but nerves are not wires: axons
#   fire by themselves, myelin repairs (relief after surgery is delayed) [S49:A; S50:A; S150:A],
#   and part of the problem may be a hyperexcitable facial nucleus [S50a:B; S54:B].
# - The **AICA** is the commonest culprit in every series, but its share ranges from 37.8% to 75.8%;
#   PICA and the vertebral artery follow, and in one large series more than a third of patients had
#   several vessels [S14:A; S36:A; S33:A]. Series differ by counting, denominators, method and population.
# - **Contact is common without HFS** (up to about half of nerves in people without it [S43:A]); what matters is where and
#   how hard the vessel presses, a crowded posterior fossa and a susceptible nerve [S42:A; S70:A].
# - **Ageing and hypertension** raise the risk (pooled odds ratio for hypertension 1.72, 1.12–2.31
#   [S46:A]); studies disagree on size and side, and association is not causation.
# - HFS is **acquired**: only about 2–3% of patients have an affected relative, and familial cases
#   are vascular too and are cured by decompression [S15:A; S16:A; S22:A; S27:A].
# - **Secondary HFS** follows a facial palsy more often than a nerve injury; tumours are rare
#   (0.5%) [S15:A; S16:A; S17:A].
