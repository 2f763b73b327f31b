# %% [markdown]
# # 01 · The facial nerve: from nucleus to muscles
#
# Ask Mrs Ortiz, the teacher from chapter 00, to show you where it twitches. She points first at her
# left eye, then at the left corner of her mouth, which is pulled up and back at the same moment as
# the eye squeezes shut. It is always the left side, and it never crosses the midline. That map is not
# random. Every muscle she points at is supplied by one nerve, the facial nerve, and the way the
# twitching spreads follows the way that nerve is built. In this chapter you follow the nerve from
# its nucleus in the pons, through the stretch next to the brainstem where HFS begins, along its long
# path through the temporal bone, to the five branches that fan out over the face. At the end you
# will be able to predict which of Mrs Ortiz's muscles twitch together when two branches "talk" to
# each other.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. describe where the facial motor neurons lie and how their axons leave the brainstem;
# 2. explain what the root exit zone and the transition zone are, say which reference point each of
#    their numbers is measured from, and say where vessels are found in HFS;
# 3. name the segments of the nerve from brainstem to parotid, with their approximate lengths,
#    and estimate how long an impulse needs to cover them;
# 4. name the five terminal branches and the main muscles each one supplies, including the
#    muscles that receive two branches;
# 5. predict which muscles contract together when cross-talk links two branches.
#
# **Estimated time:** about 45 min core path (+3 min going deeper).
#
# **Prerequisites:** chapter 00. From your studies: the cranial nerves, the muscles of facial
# expression, and the difference between central (oligodendrocyte) and peripheral (Schwann
# cell) myelin.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import anatomy

hfs.setup()

# %% [markdown]
# ## 1. The nucleus in the pons
#
# The motor neurons of the facial nerve sit in the [facial motor nucleus](glossary.md#facial-motor-nucleus),
# deep in the ventrolateral tegmentum of the caudal pons; a handbook gives about 7,000 neurons per
# nucleus [N8:C]. Their axons first run dorsally, towards the floor of the fourth ventricle, and loop
# around the abducens nucleus (the [internal genu](glossary.md#internal-genu); with the abducens
# nucleus it raises the facial colliculus in the ventricular floor) before turning ventrolaterally
# to leave the brainstem at the pontomedullary junction [N28:C].
#
# The nerve that leaves the brainstem carries about 10,000 fibres: about 7,000 myelinated motor
# axons for the muscles, and about 3,000 fibres of the [nervus intermedius](glossary.md#nervus-intermedius)
# for taste, glands and a patch of skin in the ear [N1:C; N2:C]. Only the motor fibres matter for
# HFS, so the rest of this course follows them.
#
# One clinical detail you already know points at the nucleus. The neurons for the upper face receive
# cortical input from both hemispheres, so a [supranuclear lesion](glossary.md#supranuclear-lesion)
# (for example a cortical or capsular stroke) weakens the lower face but spares the forehead [N8:C].
# A lesion of the nucleus itself or of the nerve, including a pontine stroke that reaches the
# nucleus, does not spare it. HFS does **not** spare the forehead or the eye either: a first hint
# that the problem lies at or below the nucleus, not above it.

# %% [markdown]
# ## 2. The root exit zone: where central myelin meets peripheral myelin
#
# Where the axons leave the brainstem they are still insulated by [central myelin](glossary.md#central-myelin),
# made by oligodendrocytes, like any tract inside the brain. Further out they switch to
# [peripheral myelin](glossary.md#peripheral-myelin) made by Schwann cells. This course uses one set
# of landmarks, from the brainstem outwards:
#
# | Landmark | What it is |
# |---|---|
# | [root exit point](glossary.md#root-exit-point) (RExP) | where the fibres emerge from the brainstem, deep in the pontomedullary sulcus |
# | [attached segment](glossary.md#attached-segment) | the first part of the root, which runs along the surface of the pons, still attached to it |
# | [root detachment point](glossary.md#root-detachment-point) (RDP) | where the root leaves the pons and becomes free in the cerebellopontine angle |
# | [transition zone](glossary.md#transition-zone) (TZ) | the short stretch where central myelin gives way to peripheral myelin (the [Obersteiner–Redlich zone](glossary.md#Obersteiner-Redlich-zone)) |
#
# The [root exit zone (REZ)](glossary.md#root-exit-zone) is the whole central-myelin part of the root:
# the root exit point, the attached segment, the detachment point and the free stretch up to the
# transition zone. Its numbers differ mainly because they are measured from different points:
#
# | Number | What it measures | Measured from |
# |---|---|---|
# | about 8 mm [N5:A] | central myelin on the *lateral* side of the root, from where the fibres emerge to where the lateral transition zone begins (75 autopsy nerves) | root exit point (upper edge of the supraolivary fossette, the small hollow just above the olive of the medulla) |
# | 1.9 mm on average [N5:A] | the length of the lateral transition zone itself | the start of the transition zone |
# | "very close" [N5:A] | on the *medial* side, the transition zone begins at or near the detachment point | root detachment point |
# | 2.6 mm, range 1.6–3.5 [N6:A] | the [medial REZ](glossary.md#medial-REZ): the free central-myelin part beyond the detachment point (23 cadaver nerves) | root detachment point |
# | about 2.5 mm [N13:B] | how far the transition zone lies from the brainstem, in a review (a distance, not a length of the zone) | where the root leaves the brainstem |
# | 2–3 mm [S33:A] | the *classical* REZ, which the surgical series describes as a transition zone at the nerve's detachment from the pons | classical definition |
#
# The sources do not add up to one tidy length, because the transition zone is **oblique**: it
# does not cross the root at one level. On the lateral side the central myelin reaches about 8 mm
# from the root exit point, much of it along the pons [N5:A]. On the medial side the transition zone
# begins very close to the root detachment point, so there is little free central myelin there
# [N5:A]; the surgical series likewise places the classical 2–3 mm zone at the detachment point
# [S33:A]. One cadaver study measured 2.6 mm of central myelin beyond the detachment point [N6:A],
# and a review gives about 2.5 mm from the brainstem [N13:B]. Which number you quote depends on the
# side of the root and the point you measure from, so always name the point.
#
# Why does this stretch matter? In the [cerebellopontine angle](glossary.md#cerebellopontine-angle)
# the nerve has no [epineurium](glossary.md#epineurium) [N3:C], and its fibres are not yet sorted
# into [fascicles](glossary.md#fascicle): true fascicles with a perineurium appear only from the
# geniculate ganglion onwards [N12:A]. Where it is covered by central myelin the root is a single
# bundle [N11:A]. So fibres bound for the forehead, the eye, the mouth and the neck run side by
# side, wrapped in central myelin.
#
# **Where the vessels are in HFS.** In 115 first operations for HFS, the compressing vessel lay at the
# root exit point in 10%, on the attached segment in 64% and at the detachment point in 22%; only
# 3% were further out in the cistern. Most compressions therefore sit proximal to the classical
# 2–3 mm zone, on the attached segment [S33:A].
#
# **Contact is not enough.** In 75 nerves from 44 routine adult autopsies, not from patients with HFS,
# vessels pressed on the central myelin in more than 80% [N5:A]. A vessel touching this stretch is common in people who
# never twitch; chapter 02 asks what else is needed. Chapter 03 then shows how damaged myelin can let
# one fibre excite its neighbour.

# %% [markdown]
# ## 3. From the brainstem to the face: the segments
#
# After the REZ the nerve crosses the cerebellopontine angle (**cisternal** segment), enters the
# internal auditory canal with the vestibulocochlear nerve (**meatal** segment), and then runs in
# its own bony canal through the temporal bone: the short **labyrinthine** segment to the
# geniculate ganglion, the **tympanic** segment along the medial wall of the middle ear, and the
# **mastoid** segment down to the stylomastoid foramen. Outside the skull the **extratemporal**
# trunk enters the parotid gland and divides.
#
# | Segment | Length (rounded) | Where |
# |---|---|---|
# | root exit zone | central myelin up to about 8 mm from the root exit point on the lateral side [N5:A] | brainstem surface into the cistern; part of the cisternal segment, not added to the path |
# | cisternal | 13–24 mm [N3:C; N2:C] | cerebellopontine angle, brainstem to the internal auditory canal |
# | meatal | 7–8 mm [N3:C] | internal auditory canal |
# | labyrinthine | 3–4 mm [N4:A; N2:C; N25:C] | bony canal, to the geniculate ganglion; the narrowest part |
# | geniculate | about 2.5 mm [N4:A] | the first bend (genu), at the geniculate ganglion |
# | tympanic | 8–12 mm [N4:A; N2:C; N25:C] | bony canal along the medial wall of the middle ear |
# | mastoid | 10–16 mm [N4:A; N2:C; N25:C] | bony canal down to the stylomastoid foramen |
# | extratemporal | 14–20 mm [N9:A; N10:A; N2:C] | stylomastoid foramen to the first division in the parotid |
#
# Figure 1.1 draws these segments to scale. The hatched box at the start of the cisternal bar is the
# REZ, drawn as the lateral side's 8 mm of central myelin measured from the root exit point [N5:A].

# %%
hfs.show(figs.nerve_course_diagram(), "1.1")

# %% [markdown]
# The function `anatomy.nerve_path_length_mm` adds up the sourced ranges of the segments.

# %%
low, high = anatomy.nerve_path_length_mm("cisternal", "mastoid")
print(f"Brainstem to stylomastoid foramen: {low:.0f}-{high:.0f} mm")
low, high = anatomy.nerve_path_length_mm("cisternal", "extratemporal")
print(f"Brainstem to the first division in the parotid: {low:.0f}-{high:.0f} mm")

# %% [markdown]
# **How long does an impulse take?** During surgery, the facial nerve conducted at 33–46 m/s
# [N7:A]; the extracranial trunk of healthy volunteers conducted faster, 59.6 m/s on average, a
# different segment measured another way [N24:A]. A useful trick for
# [conduction velocity](glossary.md#conduction-velocity): millimetres divided by metres per second
# gives milliseconds.

# %%
slowest = anatomy.conduction_time_ms(66, 33)   # longest path, slowest velocity
fastest = anatomy.conduction_time_ms(43, 46)   # shortest path, fastest velocity
print(f"Brainstem to stylomastoid foramen: {fastest:.1f}-{slowest:.1f} ms")

# %% [markdown]
# About one to two milliseconds. Keep this number in mind: in chapter 03 the abnormal response
# recorded in HFS arrives about 10 ms after the stimulus, much longer than a straight run along the
# nerve [S59:A]. Any explanation of HFS, whether it places the problem in the nerve or in the
# nucleus, has to account for that gap.

# %% [markdown] tags=["deeper"]
# ### Going deeper: where the segment lengths come from
#
# *Optional: skip it on the core path.*
#
# The lengths come from different kinds of sources, and they do not all agree:
#
# - **Cisternal:** 23–24 mm in a textbook chapter [N3:C], but 13–15 mm "from brainstem to the
#   internal auditory canal" in another overview [N2:C]. The two probably start measuring at
#   different points: the root runs along the pons for several millimetres before it detaches
#   [N5:A]. The course keeps the whole range, 13–24 mm.
# - **Meatal:** 7–8 mm [N3:C].
# - **Bony canal:** a CT study of 47 healthy adults measured the labyrinthine segment at 2.89 mm
#   (median), the geniculate part at 2.52 mm, the tympanic at 11.75 mm and the mastoid at
#   16.06 mm, 33.31 mm in all [N4:A]. Textbook figures are shorter for the mastoid segment
#   (10–14 mm [N2:C]; about 13 mm [N25:C]). The CT study is the only primary measurement here.
# - **Extratemporal trunk** (stylomastoid foramen to its first division): 18.51 mm in 28 cadaver
#   half-heads [N9:A], 13.8 mm in 20 hemifaces [N10:A], 15–20 mm in a textbook table [N2:C].
#
# The raw table below lists every segment with its sources (lengths in mm; the REZ row is measured
# from the root exit point and is not added to the path).

# %% tags=["deeper"]
hfs.show_table("facial_nerve_segments",
               columns=["segment", "region", "length_mm_low", "length_mm_high", "source_key"])

# %% [markdown]
# ## 4. Five branches and the muscles they serve
#
# After the stylomastoid foramen the trunk gives small branches to the posterior belly of the
# digastric and the stylohyoid [N20:C], enters the parotid and splits into an upper
# (temporofacial) and a lower (cervicofacial) division [N21:C]. These form the
# [parotid plexus](glossary.md#parotid-plexus), from which five **terminal branches** fan out, from
# the forehead down: **temporal, zygomatic, buccal, marginal mandibular and cervical** [N20:C].
# Inside the canal, the small nerve to stapedius leaves from the mastoid segment; if it fails,
# sounds become unpleasantly loud ([hyperacusis](glossary.md#hyperacusis)) [N19:C].
#
# Figure 1.2 shows the textbook pattern on the affected side of a face (HFS is one-sided). Each
# number marks a muscle; the key on the left names it.

# %%
hfs.show(figs.face_map(), "1.2")

# %% [markdown]
# | Branch | Main muscles (this course's table) |
# |---|---|
# | temporal | frontalis, corrugator supercilii, orbicularis oculi [N15:B; N22:A] |
# | zygomatic | orbicularis oculi, zygomaticus major and minor [N15:B; N22:A] |
# | buccal | zygomaticus major and minor, levator labii superioris, buccinator, risorius, orbicularis oris, part of depressor anguli oris [N14:C; N16:B; N23:C] |
# | marginal mandibular | depressor anguli oris, depressor labii inferioris, mentalis, lower-lip part of orbicularis oris [N17:C] |
# | cervical | platysma [N18:C] |
#
# Three points matter for HFS:
#
# - **Some muscles receive two branches** ([shared muscles](glossary.md#shared-muscle)).
#   Orbicularis oculi gets the temporal and the zygomatic branch [N15:B]; the zygomaticus muscles
#   get the zygomatic and the buccal branch [N14:C; N15:B]. So a small injury to one branch rarely
#   abolishes eye closure. Beyond the parotid the pattern also varies between people [N21:C].
# - **Upper and lower face.** The forehead and eye muscles are reached by the temporal and
#   zygomatic branches; the cheek, mouth, chin and neck by the buccal, marginal mandibular and
#   cervical branches. Mrs Ortiz's spasm links her left orbicularis oculi (upper face) with her
#   left zygomaticus major (lower face), which pulls the mouth corner up. Typical HFS starts in the
#   upper face, as hers did: orbicularis oculi was the first muscle involved in more than eight
#   patients in ten in one series [S10:A]. The branch pattern itself does not explain why the eye
#   usually comes first.
# - **Testing the branches.** Because each branch has its own muscles, clinicians can stimulate
#   one branch and record from a muscle of another, for example the zygomatic branch and
#   mentalis. In HFS a response appears where none should be: the
#   [lateral spread response](glossary.md#lateral-spread-response) [S57:A]. You will meet it again
#   in chapter 03 and in [chapter 06](06_diagnosis.ipynb).

# %% [markdown]
# ### Try it: who serves whom?
#
# The face map below is interactive. Pick a branch to see every muscle it supplies, or pick a
# muscle to see which branch or branches supply it. Highlighted muscles are hatched, outlined
# thickly and marked ▶ in the key, so you do not need to tell the colours apart. The text under
# the figure lists the muscles with their actions and sources.
#
# **Controls.** *branch*: one of the five terminal branches, or a branch given off before the
# parotid (nerve to stapedius, digastric branch). *muscle*: any muscle in the table. Choose
# "(none)" to clear a selection; you can combine both.
#
# **Questions to explore:**
#
# 1. Which single branch would you block to relax the mouth corner without touching the eye?
#    Is there one?
# 2. Select *orbicularis oculi*. Why might a small injury to one branch leave eye closure intact?
# 3. Select *marginal mandibular*, then *zygomatic*. Which muscles would twitch together if
#    these two branches were "short-circuited"?

# %%
from hfs_edu.widgets.anatomy import FaceMapView

FaceMapView(branch="zygomatic")

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. There is none that does the job cleanly. The buccal branch comes closest, but of the muscles that
#    move the mouth corner only risorius depends on it alone: zygomaticus major and minor also get the
#    zygomatic branch, and depressor anguli oris and orbicularis oris also get the marginal mandibular
#    branch. Blocking the zygomatic branch would also weaken the eye [N14:C; N15:B; N17:C].
# 2. Orbicularis oculi is marked for two branches, temporal and zygomatic. If one is injured, the other
#    still reaches the muscle, so the eye can still close [N15:B; N22:A].
# 3. The zygomatic branch's muscles (orbicularis oculi, zygomaticus major and minor) would twitch with
#    the marginal mandibular branch's muscles (depressor anguli oris, depressor labii inferioris,
#    mentalis, the lower-lip part of orbicularis oris): the eye would close as the lower lip and chin
#    are pulled down, an upper-face muscle together with lower-face muscles, as in HFS [N15:B; N17:C].
# </details>

# %% [markdown]
# ## Exercise
#
# **Time:** about 10 min. *What it practises:* predicting, from the branch map, which muscles
# respond when cross-talk links two branches, and choosing where to record. **You can answer it with
# the face map above**; the code is only for typing your answers in.
#
# During Mrs Ortiz's operation, the surgeon stimulates the **zygomatic** branch in front of her left
# ear. Suppose that cross-talk at her root exit zone links fibres of the zygomatic branch with fibres
# of the **marginal mandibular** branch.
#
# 1. `direct`: which muscles contract *directly* (their own branch was stimulated)?
# 2. `via_cross_talk`: which muscles contract *only because of the cross-talk*?
# 3. `record_from`: which one muscle would you record from to prove that cross-talk exists?
#
# Write the muscle names in quotes, spelled as in the face map key, for example
# `["orbicularis oculi", "mentalis"]`. Running the cell unchanged tells you which blanks are still
# empty; when you have filled them it says which parts are right and gives a hint for the others.

# %% tags=["exercise"]
from hfs_edu.exercises import check

direct = [...]          # muscles that contract because their own branch was stimulated
via_cross_talk = [...]  # muscles that contract only through the cross-talk
record_from = ...       # one muscle (in quotes) that proves the cross-talk

check("01", direct=direct, via_cross_talk=via_cross_talk, record_from=record_from)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models import anatomy

prediction = anatomy.cross_talk_muscles("zygomatic", "marginal mandibular")
direct = prediction["direct"]                  # the zygomatic branch's own muscles
via_cross_talk = prediction["via_cross_talk"]  # the marginal mandibular branch's other muscles
record_from = "mentalis"  # supplied only by the marginal mandibular branch: anatomy.branches_of("mentalis");
#                         orbicularis oris also gets the buccal branch, so it would not tell the two apart

check("01", direct=direct, via_cross_talk=via_cross_talk, record_from=record_from, collapsed=True)

# %% [markdown] tags=["solution"]
# <details><summary><b>Why these answers</b> (open after you have tried)</summary>
#
# Stimulating the zygomatic branch makes orbicularis oculi and the zygomaticus muscles contract
# directly. Through the cross-talk, depressor anguli oris, depressor labii inferioris, mentalis and
# the lower-lip part of orbicularis oris contract as well [N15:B; N17:C]. Record from a muscle that
# *only* the linked branch supplies, mentalis or depressor labii inferioris: in a healthy nerve,
# stimulating the zygomatic branch cannot make them contract, so any response there must have crossed
# between fibres. Orbicularis oris and depressor anguli oris are poor choices, because the buccal
# branch also supplies them and runs close to both [N14:C]. This is the logic of the lateral spread
# response used during surgery: stimulate one branch, record from a muscle of another [S57:A]. The
# reverse direction works too (stimulate the marginal mandibular branch, record from orbicularis
# oculi), because the cross-talk in HFS runs both ways [S49:A].
# </details>

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("01_facial_nerve")

# %% [markdown]
# ## Key takeaways
#
# - About 7,000 motor neurons in the facial nucleus of the pons send myelinated axons through
#   the facial nerve; the nerve carries about 10,000 fibres in all [N8:C; N1:C].
# - The root exit zone is the whole central-myelin part of the root. Its end, the transition zone,
#   is oblique: laterally it begins about 8 mm from the root exit point (much of that along the
#   pons) and is about 2 mm long; medially it begins at or near the detachment point. One cadaver
#   study found 2.6 mm of central myelin beyond the detachment point. Say which side and which
#   point a number is measured from [N5:A; N6:A; S33:A].
# - Here the root has no epineurium and no fascicles, so fibres for all branches lie side by side.
#   In HFS most compressions lie on the attached segment, proximal to the classical 2–3 mm zone,
#   but vessel contact with this stretch is also common in people without HFS [N12:A; S33:A; N5:A].
# - From the brainstem the nerve runs 43–66 mm to the stylomastoid foramen, about half of it in
#   bone, taking an impulse about 1–2 ms [N3:C; N4:A; N7:A].
# - Five terminal branches (temporal, zygomatic, buccal, marginal mandibular, cervical) supply
#   the muscles of facial expression; orbicularis oculi and the zygomaticus muscles receive two.
# - If cross-talk links two branches, stimulating one makes the other's muscles contract; this
#   is the basis of the lateral spread response and of the way HFS links eye and mouth.
