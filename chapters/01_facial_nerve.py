# %% [markdown]
# # 01 · The facial nerve: from nucleus to muscles
#
# Ask a patient with hemifacial spasm to show you where it twitches and they will point first at
# the eye, then at the mouth corner, and sometimes at the neck: always on one side, never
# crossing the midline. That map is not random. Every muscle they point at is supplied by one
# nerve, the facial nerve, and the pattern in which the twitching spreads follows the way that
# nerve is built. In this chapter you follow the nerve from its nucleus in the pons, through the
# few millimetres where HFS begins, along its long path through the temporal bone, to the five
# branches that fan out over the face. At the end you will be able to predict which muscles
# twitch together when two branches "talk" to each other.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. describe where the facial motor neurons lie and how their axons leave the brainstem;
# 2. explain what the root exit zone and the transition zone are, and why a vessel touching the
#    nerve *there* (and hardly anywhere else) causes HFS;
# 3. name the segments of the nerve from brainstem to parotid, with their approximate lengths,
#    and estimate how long an impulse needs to cover them;
# 4. name the five terminal branches and the main muscles each one supplies, including the
#    muscles that receive two branches;
# 5. predict which muscles contract together when cross-talk links two branches.
#
# **Estimated time:** 35–45 minutes.
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
# The motor neurons of the facial nerve sit in the **facial motor nucleus**, in the caudal
# pontine tegmentum beneath the floor of the fourth ventricle; a handbook gives about 7,000
# neurons per nucleus [N8:C]. Their axons first run dorsally and loop around the abducens
# nucleus (the internal genu of the facial nerve, which raises the facial colliculus) before
# turning ventrolaterally to leave the brainstem at the pontomedullary junction [N28:C].
#
# The nerve that leaves the brainstem carries about 10,000 fibres: about 7,000 myelinated motor
# axons for the muscles, and about 3,000 fibres of the nervus intermedius for taste, glands and a
# patch of skin in the ear [N1:C; N2:C]. Only the motor fibres matter for HFS, so the rest of this
# course follows them.
#
# One clinical detail you already know points at the nucleus: neurons for the upper face receive
# cortical input from both hemispheres, which is why a stroke spares the forehead [N8:C]. HFS
# does **not** spare the forehead or the eye, a first hint that the problem lies in the nerve and
# not above the nucleus.

# %% [markdown]
# ## 2. The root exit zone: where central myelin meets peripheral myelin
#
# Where the axons leave the brainstem they are still insulated by **central myelin**, made by
# oligodendrocytes, like any tract inside the brain. A few millimetres further out they switch to
# **peripheral myelin** made by Schwann cells. The stretch between the brainstem surface and this
# switch is the **root exit zone (REZ)**; the switch itself is the **transition zone**
# (Obersteiner–Redlich zone). The numbers are small:
#
# - The root first runs attached to the pons: the lateral transition zone begins about 8 mm
#   along the nerve from the root exit point, and the transition zone itself is 1.9 mm long on
#   average (75 autopsy nerves) [N5:A]. A review gives 2.5 mm for the facial nerve [N13:B].
# - Measured from where the nerve detaches from the brainstem, the central-myelin part (the
#   "medial REZ") is 2.6 mm long on average, ranging from 1.6 to 3.5 mm [N6:A]. Surgical series
#   describe the REZ as the 2–3 mm Obersteiner–Redlich zone [S33:A].
#
# Why does this matter? In the cerebellopontine angle the nerve has **no epineurium** [N3:C] and
# its fibres are **not yet sorted into fascicles**: true fascicles with a perineurium appear only
# from the geniculate ganglion onwards [N12:A]. Where it is covered by central myelin the root is
# a single bundle [N11:A]. So fibres bound for the forehead, the eye, the mouth and the neck run
# side by side, wrapped in the thinner, less protected central myelin.
#
# This is exactly where vessels are found in HFS. In 75 autopsy nerves, vessels pressed on the
# central-myelin part in more than 80% [N5:A]. In 115 operations for HFS the vessel touched the
# attached segment in 64% and the root detachment point (the transition zone) in 22%; only 3% of
# compressions were further out in the cistern [S33:A]. Chapter 02 explains how pulsation damages
# the myelin; chapter 03 shows how damaged myelin lets one fibre excite its neighbour.

# %% [markdown]
# ## 3. From the brainstem to the face: the segments
#
# After the REZ the nerve crosses the cerebellopontine angle (**cisternal** segment), enters the
# internal auditory canal with the vestibulocochlear nerve (**meatal** segment), and then runs in
# its own bony canal through the temporal bone: the short **labyrinthine** segment to the
# geniculate ganglion, the **tympanic** segment along the medial wall of the middle ear, and the
# **mastoid** segment down to the stylomastoid foramen. Outside the skull the **extratemporal**
# trunk enters the parotid gland and divides. Figure 1.1 draws these segments to scale.

# %%
hfs.show(figs.nerve_course_diagram(), "1.1")

# %% [markdown]
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
# The table below lists every segment with its sources. The function
# `anatomy.nerve_path_length_mm` adds up the ranges.

# %%
hfs.show_table("facial_nerve_segments",
               columns=["segment", "region", "length_mm_low", "length_mm_high", "source_key"])

# %%
low, high = anatomy.nerve_path_length_mm("cisternal", "mastoid")
print(f"Brainstem to stylomastoid foramen: {low:.0f}-{high:.0f} mm")
low, high = anatomy.nerve_path_length_mm("cisternal", "extratemporal")
print(f"Brainstem to the first division in the parotid: {low:.0f}-{high:.0f} mm")

# %% [markdown]
# **How long does an impulse take?** During surgery, the facial nerve conducted at 33–46 m/s
# [N7:A] (the extracranial trunk of healthy volunteers conducted faster, 59.6 m/s on average
# [N24:A], a different segment measured another way). A useful trick: millimetres divided by
# metres per second gives milliseconds.

# %%
slowest = anatomy.conduction_time_ms(66, 33)   # longest path, slowest velocity
fastest = anatomy.conduction_time_ms(43, 46)   # shortest path, fastest velocity
print(f"Brainstem to stylomastoid foramen: {fastest:.1f}-{slowest:.1f} ms")

# %% [markdown]
# About one to two milliseconds. Keep this number in mind: in chapter 06 the abnormal response
# recorded in HFS arrives about 10 ms after the stimulus [S59:A], much longer than a straight run
# along the nerve, and that gap is one of the clues to its mechanism.

# %% [markdown]
# ## 4. Five branches and the muscles they serve
#
# After the stylomastoid foramen the trunk gives small branches to the posterior belly of the
# digastric and the stylohyoid [N20:C], enters the parotid and splits into an upper
# (temporofacial) and a lower (cervicofacial) division [N21:C]. These form the parotid plexus,
# from which five **terminal branches** fan out, from the forehead down: **temporal, zygomatic,
# buccal, marginal mandibular and cervical** [N20:C]. Inside the canal, the small nerve to
# stapedius leaves from the mastoid segment; if it fails, sounds become unpleasantly loud
# (hyperacusis) [N19:C].
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
# - **Some muscles receive two branches.** Orbicularis oculi gets the temporal and the zygomatic
#   branch [N15:B]; the zygomaticus muscles get the zygomatic and the buccal branch [N14:C; N15:B].
#   Beyond the parotid the pattern also varies between people [N21:C].
# - **Upper and lower face.** The forehead and eye muscles are reached by the temporal and
#   zygomatic branches; the cheek, mouth, chin and neck by the buccal, marginal mandibular and
#   cervical branches. Typical HFS starts in the upper face: orbicularis oculi was the first
#   muscle involved in 86.1% of patients in one series [S10:A].
# - **Testing the branches.** Because each branch has its own muscles, clinicians can stimulate
#   one branch and record from a muscle of another, for example the zygomatic branch and
#   mentalis. In HFS a response appears where none should be: the lateral spread response
#   [S57:A]. You will meet it again in chapters 03 and 06.

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
# - Which single branch would you block to relax the mouth corner without touching the eye?
#   Is there one?
# - Select *orbicularis oculi*. Why might a small injury to one branch leave eye closure intact?
# - Select *marginal mandibular*, then *zygomatic*. Which muscles would twitch together if
#   these two branches were "short-circuited"?

# %%
from hfs_edu.widgets.anatomy import FaceMapView

FaceMapView(branch="zygomatic")

# %% [markdown]
# ## Exercise
#
# In a patient with HFS, cross-talk at the root exit zone links fibres of the **zygomatic** branch
# with fibres of the **marginal mandibular** branch. A surgeon stimulates the zygomatic branch in
# front of the ear.
#
# 1. Which muscles contract *directly* (their own branch was stimulated)?
# 2. Which muscles contract *only because of the cross-talk*?
# 3. Which of these would you record from to prove that cross-talk exists, and why?
#
# Use `anatomy.muscles_of(branch)` (or `anatomy.cross_talk_muscles(stimulated_branch,
# linked_branch)`) in the empty cell below, then compare with the worked solution.

# %% tags=["exercise"]
# Your code here


# %% [markdown]
# **Worked solution** (click the three dots "···" to expand the hidden cell):

# %% tags=["solution"]
prediction = anatomy.cross_talk_muscles("zygomatic", "marginal mandibular")
print("Contract directly:      ", ", ".join(prediction["direct"]))
print("Contract via cross-talk:", ", ".join(prediction["via_cross_talk"]))
# Record from a muscle that ONLY the linked branch supplies, e.g. mentalis or depressor labii
# inferioris: in a healthy nerve, stimulating the zygomatic branch cannot make them contract,
# so any response there must have crossed between fibres. Orbicularis oris and depressor anguli
# oris are poor choices: the buccal branch also supplies them, and it runs close to both.
for muscle in ("mentalis", "orbicularis oris"):
    print(f"{muscle}: supplied by {' + '.join(anatomy.branches_of(muscle))}")

# %% [markdown]
# This is the logic of the lateral spread response used during surgery: stimulate one branch,
# record from a muscle of another [S57:A]. The reverse direction works too (stimulate the
# marginal mandibular branch, record from orbicularis oculi), because the cross-talk in HFS runs
# both ways [S49:A].

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
# - The first few millimetres of the root (central myelin, about 2.6 mm, then a transition zone
#   of about 2 mm) have no epineurium and no fascicles, so fibres for all branches lie side by
#   side; this is where vessels touch the nerve in HFS [N6:A; N5:A; N12:A; S33:A].
# - From the brainstem the nerve runs 43–66 mm to the stylomastoid foramen, about half of it in
#   bone, taking an impulse about 1–2 ms [N3:C; N4:A; N7:A].
# - Five terminal branches (temporal, zygomatic, buccal, marginal mandibular, cervical) supply
#   the muscles of facial expression; orbicularis oculi and the zygomaticus muscles receive two.
# - If cross-talk links two branches, stimulating one makes the other's muscles contract; this
#   is the basis of the lateral spread response and of the spread of HFS from eye to mouth.
