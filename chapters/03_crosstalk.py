# %% [markdown]
# # 03 · The cross-talk model: why an artery touching a nerve makes a face twitch
#
# Mrs Ana Ortiz, the teacher whose left lower eyelid began to twitch two years ago, is sent for an
# EMG. The neurophysiologist gives a small electric pulse to the zygomatic branch of her left facial
# nerve, just in front of the ear. Her eyelid twitches at once: that branch supplies it. About 10 ms
# later her **chin** twitches too, although no zygomatic fibre goes to the chin. That delayed twitch
# was present in all 40 patients of one surgical series [S59:A]. When a surgeon lifts the artery off
# the nerve, it usually vanishes, as in 131 of 145 patients in another series [S79:A]. This chapter
# builds a small model of the nerve, from one healthy fibre to a face in spasm, to explain that
# response. It then asks what the response is worth as a test, and what it can and cannot tell us
# about the two theories of HFS. Mrs Ortiz is a teaching case, not a real patient [TC:T].

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. explain why fibres with intact myelin do not excite each other, and what demyelination does to
#    conduction (slowing, then block);
# 2. explain why compression has to come on top of demyelination, and how spontaneous bursts arise
#    at the compression site;
# 3. read a spike raster and EMG traces, and recognise synkinesis (eye and mouth contracting
#    together);
# 4. describe how the lateral spread response is recorded, where its latency of about 10 ms may come
#    from, and why it is a specific but not a sensitive predictor of cure;
# 5. weigh the evidence for the peripheral and the central theory, and say what a toy model can and
#    cannot prove about them.
#
# **Estimated time:** about 70 min core path (+12 min going deeper)
#
# **Prerequisites:** chapters 01 (branches, root exit zone) and 02 (how compression wears myelin
# away). From physiology: saltatory conduction, the refractory period, the compound muscle action
# potential, sensitivity and specificity.

# %%
import hfs_edu as hfs
from hfs_edu.figures import crosstalk as xt_fig
from hfs_edu.figures import lsr as lsr_fig
from hfs_edu.models import crosstalk as ct

hfs.setup()

# %% [markdown]
# ## 1. A toy model, and how to read it
#
# A model is a deliberately simplified copy of reality, built to test whether a proposed mechanism
# *can* produce what we observe. This one runs in a few milliseconds, so you can move a slider and
# watch the nerve respond.
#
# - **Fibres.** The real facial nerve carries about 7,000 motor fibres [N1:C]. The model has 24, six
#   for each of four branches, and each branch supplies one muscle: temporal → frontalis, zygomatic →
#   orbicularis oculi, buccal → orbicularis oris, marginal mandibular → mentalis. These are
#   modelling choices [TC:T].
# - **The lesion.** Near the brainstem the nerve has no fascicles, so fibres of all branches lie
#   mixed together [N12:A]. There the myelin is central myelin, made by oligodendrocytes, and it
#   runs about 8 mm along the pons to the [transition zone](glossary.md#tz) where peripheral myelin
#   begins [N5:A]. Chapter 01 calls this stretch the [root exit zone (REZ)](glossary.md#rez). The
#   model puts a demyelinated lesion 2.5 mm long inside it [TC:T]. That length is a modelling
#   choice, close to the 2.6 mm measured for the medial part of the REZ [N6:A]; it is not the length
#   of the whole central-myelin segment.
# - **Two layers.** One computes how impulses cross the lesion and how strongly fibres influence
#   each other there. The other carries the impulses to four muscles and turns them into EMG.
#
# Every number the model produces is a [teaching calibration](glossary.md#teaching-calibration),
# marked [TC:T]: a value chosen so that the model behaves like the measurements, not a measurement
# itself. When a model reproduces a number it was tuned to reproduce, that is a consistency check,
# not evidence.

# %% [markdown] tags=["deeper"]
# ### Going deeper: the model's parameters
#
# *Optional: skip it on the core path.*
#
# The table lists the model's main constants, with unit, source and tier; rows of tier T are
# teaching calibrations. One choice needs a comment. The model's fibres conduct at 24–46 m/s, and
# only those slower than 32 m/s can be excited across the lesion [TC:T]. This copies Nielsen's
# finding that cross-talk ran through a fraction of slow-conducting fibres [S49:A]. But a collision
# study in volunteers found that facial motor fibre velocities peak at 22–24 m/s [N55:A], below the
# 33–46 m/s measured over the intracranial nerve during surgery [N7:A]. The two methods measure
# different stretches of nerve in different people. By the collision study, "slow" fibres would be
# the majority, not a fraction. So read the model's velocity spread as a calibration that gives a
# realistic latency, not as a measured distribution. The full table is
# `data/crosstalk_parameters.csv`.

# %% tags=["deeper"]
hfs.show_table("crosstalk_parameters", columns=["parameter", "value", "unit", "source_key", "tier"],
               max_rows=22)

# %% [markdown]
# ## 2. Step 1: one healthy fibre
#
# Follow one motor fibre from the facial nucleus to orbicularis oculi. Its impulse crosses the REZ
# and runs through the cerebellopontine angle and the facial canal to the stylomastoid foramen,
# 43–66 mm in all [N3:C; N4:A]. Measured during surgery, the intracranial facial nerve conducts at
# 33–46 m/s [N7:A]; the model's median fibre conducts at 35 m/s [TC:T]. From the foramen to the
# start of the eyelid's response takes 2.70 ± 0.28 ms [N51:A]. That last stretch, through the thin
# terminal branches and the neuromuscular junction, is the
# [distal motor latency](glossary.md#distal-motor-latency): the time from a stimulus near the end of
# the nerve to the start of the muscle's response.

# %%
speed = ct.conduction_velocity(0.0)          # demyelination 0 = healthy myelin
print(f"Healthy fibre: {speed:.0f} m/s through the root exit zone")
print(f"66 mm from the root exit zone to the foramen: {66 / speed:.1f} ms")   # mm / (m/s) = ms

# %%
hfs.show(xt_fig.journey_figure(), "3.1")

# %% [markdown]
# Under 5 ms from brainstem to eyelid [TC:T]. In a healthy nerve each impulse stays in its own fibre
# and reaches only its own muscle. That is what lets you smile without closing your eye.

# %% [markdown]
# ## 3. Step 2: two neighbours with intact myelin: no cross-talk
#
# An impulse is a wave of inward sodium current at one node of Ranvier and outward current at the
# nodes ahead of it. The current closes its loop through the fluid around the fibre. A neighbouring
# fibre in that fluid feels a small voltage from the loop. This is an
# [ephaptic](glossary.md#ephaptic) influence: one fibre acting on another through the current it
# drives across the shared fluid, without a synapse (from the Greek for "touching"). In a healthy
# root three things keep it far below threshold:
#
# 1. **Myelin insulates.** Current crosses the membrane almost only at the nodes.
# 2. **There is room around the fibres.** In the cerebellopontine angle the root is bathed in
#    cerebrospinal fluid, and the loop current flows around the neighbours rather than through
#    them. Squid giant axons excited their neighbour only when the fluid at the contact was replaced
#    by oil, which raises the extracellular resistance, or when calcium was lowered [N60:A].
# 3. **The safety margin is large.** A resting fibre needs a sizeable depolarisation to fire.
#
# The cell below computes how much a resting neighbour is depolarised when one whole branch fires
# together, and compares it with the neighbour's threshold.

# %%
threshold = ct.ephaptic_threshold_mv(0.0)
for compression in (0.0, 0.5, 1.0):
    drive = ct.ephaptic_drive_mv(0.0, compression)   # demyelination 0, one branch firing
    print(f"compression {compression:.1f}: neighbour depolarised by {drive:4.1f} mV, "
          f"threshold {threshold:.0f} mV")

# %% [markdown]
# Even at the strongest compression the model allows, a neighbour with healthy myelin gets a few
# millivolts, well short of threshold. In the model, healthy myelin never cross-talks [TC:T]. That is
# a model result, not a measurement. It is consistent with chapter 02: on MRI, a vessel touched 44% of
# 200 facial nerves in adults without HFS [N59:B]. Contact alone is not enough.

# %% [markdown]
# ## 4. Step 3: strip the myelin
#
# Now let the pulsating vessel wear the central myelin thin (chapter 02). Three things change.
#
# - **Conduction slows, then fails.** Each node must charge a leakier stretch of membrane before the
#   next one fires. The [safety factor](glossary.md#safety-factor), the current available divided by
#   the current needed to excite the next node, falls. Below 1 the impulse stops: this is
#   [conduction block](glossary.md#conduction-block). A computer model of demyelinated fibre bundles
#   kept conducting down to about 2% of the normal myelin thickness, then failed abruptly [N54:A].
#   Figure 3.2 shows the same shape in our toy.
# - **Bare membrane is exposed.** A neighbour's loop current now crosses membrane that myelin no
#   longer covers, so it depolarises the fibre far more. In the model, bare axons also need less
#   depolarisation to fire [TC:T].
# - **Bare stretches become sources of impulses.** In the spinal roots of mice whose axons lack
#   myelin in places, impulses jumped between single fibres within 100–240 µs [N53:A]. An impulse
#   passing a damaged site could also set off a burst of further impulses there [N53:A].

# %%
hfs.show(xt_fig.conduction_figure(), "3.2")

# %%
hfs.show(xt_fig.journey_figure([0.0, 0.5, 0.9, 0.97]), "3.3")

# %% [markdown]
# **Why routine nerve conduction studies are normal.** In 23 patients with HFS, facial nerve
# conduction and blink reflex latencies were normal [S53:A]. The two results are normal for different
# reasons:
#
# - A routine facial [nerve conduction study](glossary.md#nerve-conduction-study) stimulates the
#   nerve at the stylomastoid foramen and records from a face muscle. The foramen lies 43–66 mm
#   beyond the REZ [N3:C; N4:A]. The impulse runs only towards the muscle and never crosses the
#   lesion, so the test cannot see it, however bad the lesion is.
# - The [blink reflex](glossary.md#blink-reflex) is different. Its early component, R1, is
#   triggered by stimulating the supraorbital (trigeminal) nerve, runs through the pons and leaves
#   through the facial nerve. So it *does* cross the REZ. It stays normal because the lesion is
#   short: in Figure 3.3, even heavy slowing over a few millimetres adds only a fraction of a
#   millisecond [TC:T].
#
# To see the lesion you need a test whose impulse crosses it *and changes fibre* there. Is
# demyelination alone enough for that? The cell below runs the model's clinical test (section 6) in
# three states: healthy myelin with a pressing vessel, demyelination without pressure, and both.

# %%
steps = {"step 2: healthy, pressed": (0.0, 0.8), "step 3: demyelinated, not pressed": (0.8, 0.0),
         "step 4: demyelinated and pressed": (0.8, 0.8)}
for label, (demyelination, compression) in steps.items():
    lsr = ct.lateral_spread_response(demyelination, compression)
    answer = f"{lsr.n_units} motor units answer" if lsr.present else "no response"
    print(f"{label:34s} -> {answer}")

# %% [markdown]
# ## 5. Step 4: add compression
#
# Press the demyelinated stretch. The vessel squeezes fluid out of the root, so the fibres lie
# closer together in less fluid. The extracellular resistance rises, and more of an active fibre's
# loop current is forced through its neighbours, as in the squid axons under oil [N60:A]. Now the
# drive on exposed membrane reaches threshold. Figure 3.4 runs the model over every combination of
# demyelination and compression: cross-talk appears only where both are high enough [TC:T]. Rats
# told a similar story: an artery laid against a facial nerve branch produced an abnormal
# cross-response only if the branch had first been slightly injured there [N203:A]. (The authors read
# their result as pointing to the nucleus; see section 8.)

# %%
hfs.show(xt_fig.coupling_map_figure(), "3.4")

# %% [markdown]
# In the model only the slowest third of the fibres can be pulled across, after Nielsen's finding
# that cross-talk ran through a fraction of slow-conducting fibres [S49:A]. So at most 2 of the 6
# mentalis units answer [TC:T].
#
# Two more things happen at the compression site.
#
# - **Ectopic discharges.** Pressed, demyelinated fibres fire on their own, more often when the
#   pulse peaks [TC:T]. In 62 patients Nielsen recorded such after-discharges as single potentials
#   or as trains at 250–350 impulses per second (Hz) [S49:A]. Overbreathing, which lowers ionised
#   calcium, set off spasms [S49:A]. The model fires its trains at the same rate [TC:T].
# - **An avalanche.** An ectopic impulse excites its exposed neighbours, whatever branch they belong
#   to, and they excite theirs. In the model a spontaneous spasm is such an avalanche, spreading
#   across branches within a millisecond or two [TC:T].
#
# Figure 3.5 shows two seconds in a nerve with established HFS (demyelination 0.8, compression 0.7
# [TC:T]). **Panel A** is a cross-section of the root: each symbol is a fibre, the dark ring is its
# myelin, and a dashed circle marks a fibre that fired at the lesion. **Panel B** is a spike raster:
# one row per fibre, one tick per impulse reaching the muscle. **Panel C** zooms into the first
# burst. **Panel D** shows the EMG of the four muscles, with the arterial pulse below.

# %%
spasm = ct.simulate(0.8, 0.7, duration_ms=2000)
hfs.show(xt_fig.spasm_figure(spasm), "3.5")
print(xt_fig.spasm_summary(spasm))   # the same in words

# %% [markdown]
# Ticks of upper-face fibres (temporal, zygomatic) and lower-face fibres (buccal, marginal
# mandibular) line up in the same columns. Eye and mouth contract together: this is
# [synkinesis](glossary.md#synkinesis), muscles of different branches contracting together although
# only one was meant to. Real recordings look like this. In 24 patients, irregular motor-unit
# activity appeared at the same moment in four facial muscles in every patient [N50:A].

# %% [markdown]
# ### Try it: make a face twitch
#
# The view runs the whole model each time you move a slider. It redraws the cross-section (A), the
# raster (B), the zoom on the first burst (C, one labelled row per fibre) and the EMG (D) for two
# seconds of activity. The text under the figure says in words what happened.
#
# **Controls.** *demyelination*: myelin lost at the REZ, 0 (healthy) to 1 (bare axons).
# *compression*: how hard the vessel presses, 0 (not at all) to 1 (as hard as the model allows).
# *pulsation*: how strongly the artery pulses, 0 (steady) to 1. *episode*: another two seconds of the
# same nerve (the ectopic events are random).
#
# **Questions to explore**
#
# 1. Set demyelination to 0 and push compression to 1. Does anything happen? Which observation in
#    people without HFS does this imitate?
# 2. Set compression to 0 and raise demyelination step by step to 1. Do fibres fire on their own? What
#    does the text say at 1?
# 3. Go back to demyelination 0.80 and compression 0.70. In panel D, which muscles contract together?
#    In panel C, do the fibres of the first burst all belong to one branch?
# 4. Move pulsation from 0 to 1 (look at a few episodes at each). What changes? Chapter 02 linked high
#    blood pressure to HFS: how could a stronger pulse give more spasms in the model?
# 5. In panel C, follow one fibre's train. Are its ticks about 0.3 ms, 3 ms or 30 ms apart? Turn the
#    interval into a rate (1000 ÷ interval in ms = impulses per second) and compare it with Nielsen's
#    250–350 Hz [S49:A]. Is the match a test of the model?

# %%
from hfs_edu.widgets.crosstalk import CrossTalkView

CrossTalkView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. Nothing: "the face is quiet" at every compression. A neighbour with healthy myelin gets only a
#    few millivolts (section 3), far below its threshold [TC:T]. It imitates the many people whose
#    scans show a vessel touching the nerve although they never twitch [N59:B].
# 2. Almost nothing fires: at most a rare lone impulse in one fibre, which drags no other branch
#    along. At 1 the text says that 8 of 24 fibres are blocked: bare axons stop conducting, but
#    without compression they do not cross-talk [TC:T]. Both are needed, as in the rats [N203:A].
# 3. All four muscles contract in the same bursts, so eye and mouth move together (synkinesis). The
#    first burst starts in one fibre, and within one or two milliseconds fibres of other branches,
#    upper and lower face, join it [TC:T]. The avalanche crosses branches, so which fibre fires first
#    hardly matters.
# 4. The bursts become more frequent: in episode 0, about 2 bursts in two seconds at pulsation 0 and
#    about 9 at pulsation 1 [TC:T]. The model adds the pulse to the drive at the lesion, so a
#    stronger pulse pushes fibres over their firing threshold more often. That link is built into the
#    model, not measured in patients.
# 5. About 3–4 ms apart, which is about 250–350 per second, Nielsen's range [S49:A]. It is not a test:
#    the train intervals were set from Nielsen's numbers [TC:T], so the model can only give them back.
# </details>

# %% [markdown]
# ## 6. The lateral spread response, as a clinician records it
#
# Spontaneous spasms come and go; a test needs a response you can trigger. The
# [lateral spread response](glossary.md#lateral-spread-response) (LSR), also called the abnormal
# muscle response, is that test. Stimulate one branch of the facial nerve and record from a muscle
# supplied by *another* branch: for example zygomatic branch → mentalis, or marginal mandibular
# branch → orbicularis oculi [S57:A]. In healthy people and on the unaffected side no such response
# appeared; on the affected side it appeared in all 23 patients tested [N50:A].
#
# **How late is it?** Series differ by about 2 ms:
#
# - in awake patients, 9.76 ± 1.1 ms in mentalis after zygomatic stimulation, and 9.0 ± 1.09 ms in
#   orbicularis oculi after mandibular stimulation [N50:A];
# - during surgery, 8.96 ± 0.72 ms in mentalis in 85 patients [N57:A], and 8.69 ms (mentalis) and
#   9.10 ms (orbicularis oculi) in 113 patients [N58:B];
# - also during surgery, "about 10 msec" in 40 of 40 patients [S59:A], and 11.03 ± 0.66 ms in
#   orbicularis oculi in Møller and Jannetta's patients [N420:A].
#
# Anaesthesia, electrode sites, the muscle recorded and the definition of onset all differ between
# series. This course uses **8–12 ms** as the typical window, roughly the mean ± 2 standard
# deviations of the awake mentalis values [N50:A].

# %%
lsr = ct.lateral_spread_response(0.8, 0.7, "zygomatic", "mentalis")
own = lsr_fig.direct_response(0.8, 0.7, "zygomatic")
hfs.show(lsr_fig.lsr_figure(lsr, own), "3.6")
print(f"LSR onset {lsr.latency_ms:.1f} ms; ephaptic transfer of the first unit {lsr.transfer_time_ms:.2f} ms")

# %% [markdown]
# **Where do the 10 ms go? The peripheral interpretation.** The stimulated branch's own muscle
# answers within 1–2 ms, because the stimulus is close to it. On the peripheral reading, the LSR is
# later because the impulse first travels [antidromically](glossary.md#antidromic), backwards up the
# stimulated fibres to the REZ. There it crosses to fibres of another branch and travels
# [orthodromically](glossary.md#orthodromic), in the normal direction, down to a different muscle.
# The crossing would take about 1 ms. Recording from the nerve 3 mm beyond the compression during
# surgery, one group saw a second peak 1.1 ms after the first, which vanished together with the LSR
# after decompression [N52:B]. The cell below splits the model's latency into four legs for the
# first motor unit to answer, and Figure 3.7 stacks them.

# %%
budget = ct.latency_budget(0.8, 0.7, "zygomatic", "mentalis")
for part, ms in budget.parts().items():
    print(f"{part:22s} {ms:4.1f} ms")
print(f"{'first unit arrives':22s} {budget.total_ms:4.1f} ms (onset read from the trace {lsr.latency_ms:.1f} ms)")
print(f"the unit that answers first conducts at {budget.fibre_cv_m_per_s:.0f} m/s")

# %%
hfs.show(lsr_fig.latency_budget_figure(lsr), "3.7")

# %% [markdown]
# **What was measured in patients.** Møller and Jannetta measured both legs of this round trip
# during surgery [N420:A]:
#
# - stimulating the mandibular branch, the backward volley reached the REZ after 3.87 ± 0.36 ms;
# - stimulating the nerve at the REZ, orbicularis oculi answered after 4.65 ± 0.25 ms;
# - together that is 8.52 ms, but the abnormal muscle response came at 11.03 ± 0.66 ms.
#
# The response was about 2.5 ms later than the round trip [N420:A]. A crossing of about 1 ms at the
# lesion leaves more than a millisecond unexplained, and the authors read the extra time as a relay
# through the facial nucleus. Compare the model: its antidromic leg (printed above) is about 1 ms
# faster than the one measured in these patients [TC:T]. That is part of why the model's peripheral
# budget lands near 9 ms. So the 10 ms budget is the *peripheral interpretation* of the latency,
# not settled proof; section 8 sets it beside the central one.

# %% [markdown] tags=["deeper"]
# ### Going deeper: why the model's latency hardly depends on the lesion
#
# *Optional: skip it on the core path.*
#
# In patients the LSR comes at about the same time from one person to the next, with a standard
# deviation of about 1 ms [N50:A]. A worse lesion could make the model's response *earlier* in two
# ways. A stronger drive fires a neighbour sooner, down to the 0.1–0.24 ms measured between single
# bare fibres in mouse roots [N53:A]. And a stronger drive recruits fast fibres, which return to the
# muscle sooner. Without two teaching calibrations, the model's response came about 2 ms earlier at
# severe lesions than near threshold [TC:T]. Each calibration rests on an observation:
#
# 1. **A minimum time to fire.** A demyelinated node must charge its large exposed membrane before
#    its impulse regenerates, however strong the drive. The model does not let the crossing take
#    less than the 1.0 ms estimated in patients [N52:B].
# 2. **Only slow fibres cross-talk**, as in section 5, so the answering unit always returns slowly
#    [S49:A].
#
# The cell below scans every lesion state on a grid and keeps those that produce an LSR. The model's
# range is about a millisecond, and the latest responses come from lesions that barely reach
# threshold [TC:T]. The agreement with patients was built in by the two calibrations. It shows that
# the observations fit together, not that they had to.

# %% tags=["deeper"]
import numpy as np

grid = np.linspace(0.0, 1.0, 21)
for branch, muscle in (("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi")):
    results = [ct.lateral_spread_response(d, c, branch, muscle) for d in grid for c in grid]
    onsets = np.array([r.latency_ms for r in results if r.present])
    print(f"{branch} -> {muscle}: {onsets.size} lesion states with an LSR, onset {onsets.min():.1f}-"
          f"{onsets.max():.1f} ms, median {np.median(onsets):.1f} ms")

# %% [markdown]
# ### Try it: record a lateral spread response
#
# You are the neurophysiologist. The upper trace is the muscle of the branch you stimulate (its
# ordinary direct response); the lower trace is the muscle you record from. The shaded band marks the
# typical 8–12 ms window, and a dashed line marks the onset the model measures. The text under the
# figure reports the latency and whether it lies in the window.
#
# **Controls.** *stimulate*: the branch you stimulate. *record from*: the muscle you record.
# *demyelination* and *compression*: the lesion, 0–1 each, as before. *decompressed*: the surgeon
# moves the vessel away; compression becomes 0, but the damaged myelin stays as it is.
#
# **Questions to explore**
#
# 1. At the start settings (zygomatic → mentalis, demyelination 0.80, compression 0.70), read the
#    onset latency. Is it in the window? Which legs of Figure 3.7 make up most of it?
# 2. Reverse the montage: stimulate the marginal mandibular branch and record orbicularis oculi. Is
#    there a response, and is its latency similar?
# 3. Set demyelination to 0. Then restore it to 0.80 and press *decompressed*. What does the surgeon
#    see on the monitor, and what has *not* changed inside the nerve?
# 4. At demyelination 0.80, lower the compression in steps of 0.05 until the response disappears.
#    What happens to the number of motor units and to the latency just before it does?
# 5. Stimulate the zygomatic branch and record orbicularis oculi, the branch's own muscle. Why is
#    that not a lateral spread?

# %%
from hfs_edu.widgets.crosstalk import LSRView

LSRView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. About 9.2 ms, inside the window and about half a standard deviation earlier than the patients'
#    mean for this montage [N50:A]. The antidromic leg (about 2.7 ms), the way back to the foramen
#    (about 2.3 ms) and the distal motor latency (about 3 ms) make up most of it; the crossing adds
#    1 ms [TC:T].
# 2. Yes, at about 8.9 ms: the model cross-talks in both directions, as Nielsen found in patients
#    [S49:A]. It comes a little earlier because orbicularis oculi has a shorter distal motor latency
#    [N51:A].
# 3. With demyelination 0 there is no response: healthy myelin never cross-talks [TC:T]. With
#    *decompressed* the lower trace goes flat at once, yet the myelin is as damaged as before. Only the
#    crowding has gone. In patients the response vanished during surgery in 131 of 145 [S79:A].
# 4. Two units answer down to compression 0.45 and one from 0.40; the latency creeps from about 9.2 to
#    about 10.0 ms at 0.25, and at 0.20 the response is gone [TC:T]. Near threshold only the most
#    excitable fibre is driven, and a barely sufficient drive charges its membrane slowly, so the
#    crossing takes longer.
# 5. Orbicularis oculi belongs to the zygomatic branch, so its answer is the ordinary direct
#    response, about 1 ms after the stimulus, and needs no crossing. A lateral spread is, by
#    definition, a response in a muscle of *another* branch.
# </details>

# %% [markdown]
# ## 7. How good a test is the LSR?
#
# "How good is the test?" hides two questions.
#
# **Diagnosis: does this patient have HFS?** The LSR was present in 40 of 40 patients during surgery
# [S59:A] and in 23 of 23 awake patients, and absent in healthy people [N50:A]. It is not perfect:
# it was absent on the preoperative EMG of 13 of 306 candidates for surgery (4.2%), most of whom were
# nevertheless cured [S61:A]. Nor is it unique to HFS. After a facial palsy, regrowing fibres can
# reach the wrong branches, and the response was found in 79.5% of 78 patients with such
# post-paralytic synkinesis [S62:A]. So the LSR separates HFS from blepharospasm or tics, but the
# history, not the test, separates it from post-paralytic synkinesis.
#
# **Prognosis: the LSR disappears during surgery; will the patient be cured?** Surgeons watch the
# response during [microvascular decompression](glossary.md#mvd) (MVD), the operation that moves the
# vessel off the nerve. [Sensitivity](glossary.md#sensitivity) is the share of patients with an
# outcome whom a test flags; [specificity](glossary.md#specificity) is the share without it whom the
# test clears. Three meta-analyses at first seem to disagree (Figure 3.8, panel A):
#
# - 26 studies, 7,479 patients: specificity 89–90% and sensitivity 40–41%, at discharge, 3 months and
#   1 year [S63:A];
# - 42 studies: sensitivity 91.1% and specificity 45.1% in the short term [S65:A];
# - a third: sensitivity 91% and specificity 34% in the short term [S66:A].
#
# The numbers look reversed because they are. The 26-study analysis calls the test "positive" when
# the LSR **persists**, and asks whether that predicts **persisting spasm**. The third calls it
# positive when the LSR **disappears**, and asks whether that predicts **cure** [S66:A]. The 42-study
# analysis appears to do the same as the third: its abstract does not say, but its numbers match.
# Aligned (panel B), all three agree. About 9 in 10 cured patients lose their LSR, but only about 3
# to 4.5 in 10 patients whose spasm continues keep it [S63:A; S65:A; S66:A].

# %%
hfs.show(lsr_fig.lsr_diagnostic_figure(), "3.8")

# %% [markdown]
# **Specific, not sensitive: what that means at the bedside.** The
# [positive predictive value](glossary.md#ppv) (PPV) is the share of patients with a positive test
# who have the outcome. The [negative predictive value](glossary.md#npv) (NPV) is the share with a
# negative test who do not. Both depend on how common the outcome is. Take 1,000 operated patients.
# About 91.1% are cured in a large systematic review [S13:A], so about 89 keep their spasm. Apply a
# sensitivity of 40% and a specificity of 89% [S63:A]:

# %%
counts = lsr_fig.natural_frequencies(sensitivity_pct=40, specificity_pct=89, persist_pct=8.9)
print(f"LSR persisted: {counts['ppv_pct']:.0f}% of these patients keep their spasm")
print(f"LSR disappeared: {counts['spasm_if_lsr_gone_pct']:.0f}% of these patients keep their spasm")
hfs.show(lsr_fig.outcome_frequency_figure(40, 89, 8.9), "3.9")

# %% [markdown]
# The PPV is low: only about a quarter of patients who leave theatre with an LSR still have spasm,
# so about three in four are spasm-free at one year. The NPV is high: about 94 in 100 patients whose
# LSR vanished are cured [S63:A; S13:A]. This arithmetic lands close to what the 26-study analysis
# measured directly. At one year, spasm persisted in 24.4% of patients whose LSR had persisted and in
# 4.0% of those whose LSR had resolved [S63:A]. A persisting LSR is therefore a warning, worth a
# second look for a missed vessel before closing [S63:A], not a verdict. The warning also fades with
# time: spasm persisted in 47.8% of such patients at discharge [S63:A].

# %% [markdown] tags=["deeper"]
# ### Going deeper: does monitoring the LSR improve outcomes?
#
# *Optional: skip it on the core path.*
#
# The sources disagree. One meta-analysis found cure 4.2 times more likely when the response was
# abolished, and recommended routine monitoring [S64:A]. That figure is an
# [odds ratio](glossary.md#or) (OR): the odds of an outcome in one group divided by the odds in
# another, so 1 means no difference. But in a prospective comparison of 283 patients, relief at one
# year was similar with and without monitoring (93.1% vs 94.2%) [S79:A]. The link with long-term
# outcome was not significant in 10 of 16 long-term studies [S77:A]. The sources agree on one point:
# the LSR predicts the short-term outcome better than the long-term one. An LSR that persisted after
# surgery raised the odds of a later recurrence (OR 9.44) [S82:A].

# %% [markdown]
# ## 8. Two theories: where does the signal jump?
#
# So far the impulse crossed between fibres **at the compression site**: the peripheral, or
# ephaptic, theory. The alternative places the crossing in the **facial motor nucleus**. Impulses
# travel backwards up the nerve, and motoneurons made over-excitable by years of irritation fire
# neighbours that supply other muscles. Figure 3.10 draws both routes.

# %%
hfs.show(lsr_fig.two_theories_figure(), "3.10")

# %% [markdown]
# Five findings that carry much of the argument:
#
# | Finding | Points to |
# |---|---|
# | With **double stimulation**, the second LSR followed a fixed refractory period without facilitation, as an axon would, not a pool of motoneurons [S57:A] | peripheral |
# | A nerve action potential 3 mm beyond the compression had a second peak 1.1 ms after the first, which vanished with the LSR after decompression; that is too short for a trip to the nucleus [N52:B] | peripheral |
# | The site where the abnormal response is generated follows the lesion: cerebellopontine angle in idiopathic HFS, petrous bone after Bell's palsy, beyond the skull after a hypoglossal–facial anastomosis; the authors leave the mechanism open [S56:A] | site of trigger (mechanism open) |
# | During surgery the LSR came about 2.5 ms later than the measured round trip to the REZ and back, read as a relay in the nucleus [N420:A] | central |
# | [F waves](glossary.md#f-wave) were larger, longer and more frequent on the spasm side, and normalised after successful surgery [N205:A] | central |
#
# An F wave is a small late muscle response: an antidromic volley reaches the motoneurons and a few
# of them fire back. Reviews still differ. One from 2023 notes that recent electrophysiology
# increasingly favours a central mechanism [S54:B]. One from 2018 judges a purely nuclear origin
# unlikely and favours ephaptic cross-talk triggered at the compression site [S55:B]. The two
# theories need not exclude each other. A peripheral trigger that keeps sending abnormal impulses up
# the nerve could, over years, make the nucleus hyperexcitable [S50a:B]. Both would then subside once
# the trigger is removed, the nucleus perhaps more slowly.
#
# **What the toy model can and cannot say.** It shows that the peripheral mechanism is *sufficient*.
# With distances and velocities close to the measured ones, a crossing at the REZ gives a response
# near the measured latencies, in both directions, with bursts, synkinesis, and a response that
# vanishes when the vessel is moved [TC:T]. It cannot show that the central theory is wrong, because
# it has no nucleus. Its coupling strengths were tuned to reproduce the very latencies it
# "predicts", and its antidromic leg is faster than the one measured in patients [N420:A]. Its value
# is in making the argument explicit and testable.

# %% [markdown] tags=["deeper"]
# ### Going deeper: the rest of the evidence
#
# *Optional: skip it on the core path.*
#
# Two blink-reflex terms first. A **synkinetic blink response** is the lower-face contraction that
# accompanies a blink reflex on the spasm side. The ordinary blink reflex, triggered through a
# trigeminal nerve, is also called the
# [trigemino-facial blink response](glossary.md#trigemino-facial-blink-response). A
# [facio-facial blink response](glossary.md#facio-facial-blink-response) is a blink triggered by
# stimulating the facial nerve itself.
#
# | Finding | Points to |
# |---|---|
# | Impulses crossed between the zygomatic and mandibular branches in **both directions**, through a fraction of slow-conducting fibres; overbreathing triggered spasms [S49:A] | peripheral |
# | The intracranial root has no fascicles and only an arachnoid covering, and is reported to be demyelinated in HFS [S51:B] | peripheral |
# | Diazepam, which damps motoneurons, abolished or slowed the [synkinetic blink response](glossary.md#synkinetic-blink-response) in all 6 patients but left the LSR latency unchanged [N200:A] | peripheral |
# | Eye–mouth synkinesis disappeared rapidly after decompression, often within 10 days, in 81% of patients without earlier nerve-block procedures [N207:A] | peripheral |
# | Recordings from the intracranial nerve during surgery made ephaptic transmission at the lesion an unlikely explanation [N204:A] | central |
# | The durations of the LSR's after-discharge and of the enhanced F wave were correlated, so the LSR looked like an "exaggerated F wave" [N206:A] | central |
# | Daily electrical stimulation of a rat's facial nerve produced an LSR-like response (6.5–15 ms) in 12 of 18 rats; it disappeared 4–8 weeks after stimulation stopped [N208:A] | central |
# | In rats, blocking conduction in the nerve *between* the artery and the brainstem abolished the abnormal response [N203:A] | central |
# | Thresholds for a late response to magnetic stimulation differed between the spasm side and the normal side (by 20.7 ± 13.0%); the difference disappeared after surgery in the one patient retested [N202:A] | central |
# | Facio-facial blink responses were delayed and trigemino-facial ones shortened; 5 of 53 patients were hyperactive in both [S52:A] | both |
# | The LSR could be evoked by skin stimulation (88%) and by facial nerve stimuli too weak to excite motor fibres (43%), like a trigeminal reflex [N201:A] | a third view |

# %% [markdown]
# ## 9. Decompression in the model
#
# MVD moves the vessel off the nerve and keeps it away with a small pad. In the model this sets
# compression to 0. The damaged myelin stays and recovers slowly, over months at the age of 50
# [TC:T].

# %%
mvd = ct.decompress(0.8, 0.7, age_years=50)
print(f"Before surgery: {mvd.units_before} mentalis motor units answer the zygomatic stimulus")
print(f"LSR gone on day {mvd.day_lsr_gone:.0f} after decompression")
print(f"Myelin left at day 0: {1 - mvd.demyelination[0]:.2f}; at day 365: {1 - mvd.demyelination[-1]:.2f}")

# %%
hfs.show(lsr_fig.decompression_figure(), "3.11")

# %% [markdown]
# In the model, removing the pressure restores the extracellular space at once, so the LSR vanishes
# immediately unless the axons are nearly bare [TC:T]. That matches the operating theatre, where the
# response was eliminated in 131 of 145 patients [S79:A].
#
# Patients followed after surgery tell a slower story. Nielsen studied 59 patients before surgery
# [S50:A]. Of the 53 re-examined one week after decompression, ephaptic transmission had gone in
# only 23% and had become one-way in 45%; after-discharges had gone in 64% and synkinesis in 53%
# [S50:A]. Of the 30 re-examined at 2–8 months, transmission was abolished in 73%, and
# after-discharges and synkinesis had gone in 90% [S50:A]. Clinical relief follows a similar clock,
# with a median of 30 days to become spasm-free [S150:A].
#
# Why the delay? Two explanations compete, and the model cannot choose between them. One is
# remyelination: cross-talk that depends on bare membrane fades only as myelin is rebuilt, as
# Nielsen proposed [S50:A]. The model's slow myelin repair builds in this explanation [TC:T]. The
# other is a facial nucleus that calms down slowly: enhanced F waves normalise after surgery
# [N205:A], and in rats the stimulation-induced responses faded 4–8 weeks after stimulation stopped
# [N208:A]. An honest model says where it stops.

# %% [markdown]
# ## Exercise
#
# **Mrs Ortiz's lateral spread response.** In the model, Mrs Ortiz's nerve has lost most of its
# myelin at the REZ: demyelination 0.80 [TC:T]. You will predict her LSR, record it, find how much
# pressure her nerve needs to cross-talk, and watch the surgeon move the vessel. It practises
# reading an LSR: its route, its latency and what its disappearance means. **Time:** about 10 min.
#
# You can do all of it with the LSR view above: stimulate *zygomatic*, record from *mentalis*, set
# demyelination to 0.80. No programming is needed. In the cell below, replace each `...` with your
# answer (text goes in quotes, like `"absent"`) and run the cell; it tells you which answers are
# right and gives a hint for the others.
#
# 1. *Predict before you look:* will the response come at "1-2 ms", "8-12 ms" or "30-50 ms"? Think of
#    the route.
# 2. At compression 0.70, read the onset latency (ms) from the text under the figure.
# 3. Lower the compression in steps of 0.05. What is the lowest value at which a response is still
#    present?
# 4. Set compression back to 0.70 and press *decompressed*. Is the response "present" or "absent"?

# %% tags=["exercise"]
from hfs_edu.exercises import check

# Mrs Ortiz in the model: demyelination 0.80 [TC]; stimulate zygomatic, record from mentalis.
predicted_range = ...      # 1. "1-2 ms", "8-12 ms" or "30-50 ms" (predict before you look)
latency_ms = ...           # 2. onset latency in ms at compression 0.70, from the view's text
lowest_compression = ...   # 3. lowest compression (steps of 0.05) that still gives a response
after_decompression = ...  # 4. "present" or "absent" once the vessel is moved away

check("03", predicted_range=predicted_range, latency_ms=latency_ms,
      lowest_compression=lowest_compression, after_decompression=after_decompression)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried.

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models.crosstalk import lateral_spread_response

# 1. Back up the nerve to the root exit zone, about 1 ms to cross, then down to another muscle:
#    about 10 cm of nerve twice plus the crossing, so the response comes at 8-12 ms, not 1-2 ms
#    (that is the direct response of the stimulated branch) and not 30-50 ms.
predicted_range = "8-12 ms"
# 2. The onset the view reports at demyelination 0.80, compression 0.70.
latency_ms = round(lateral_spread_response(0.8, 0.7).latency_ms, 1)
# 3. Lower the compression in steps of 0.05 and keep the lowest value that still gives a response.
#    Near that threshold only the most excitable fibre answers, and a little later.
steps = [round(0.05 * k, 2) for k in range(21)]
lowest_compression = min(c for c in steps if lateral_spread_response(0.8, c).present)
# 4. Decompression: compression 0, the damaged myelin unchanged. The crowding has gone, so the
#    bare membranes no longer drive each other to threshold and the response disappears at once.
after_decompression = "present" if lateral_spread_response(0.8, 0.0).present else "absent"

check("03", predicted_range=predicted_range, latency_ms=latency_ms,
      lowest_compression=lowest_compression, after_decompression=after_decompression)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("03_crosstalk")

# %% [markdown]
# ## Key takeaways
#
# - Healthy myelin and a roomy, fluid-filled extracellular space keep one fibre's ephaptic influence
#   on another far below threshold. In the model, a vessel touching healthy myelin does not make
#   fibres talk [TC:T], consistent with vessel contact in many people without HFS [N59:B].
# - Routine facial nerve conduction studies are normal in HFS because they stimulate beyond the REZ
#   and never cross the lesion. The blink reflex does cross it, and stays normal because the lesion
#   is short [S53:A].
# - Cross-talk needs exposed membrane **and** compression that crowds the fibres. Then one ectopic
#   burst can spread across branches, and eye and mouth contract together [N50:A].
# - The LSR (stimulate one branch, record a muscle of another) appears at about 9–11 ms
#   [N50:A; N420:A]. The peripheral interpretation reads it as a round trip to the REZ with a 1 ms crossing;
#   the measured round trip is shorter than the response, which its authors read as a nuclear relay
#   [N420:A].
# - As a diagnostic sign the LSR is present in almost all patients with HFS, but also after a facial
#   palsy [S62:A]. As a predictor during surgery it is specific but not sensitive: a vanished LSR is
#   reassuring, a persisting one is a warning, not a verdict [S63:A].
# - Peripheral and central theories both have evidence. The toy model shows that the peripheral
#   route is sufficient, not that the central one is wrong.
# - Moving the vessel abolishes the LSR at once in most operations, but abnormal signs and spasm
#   fade over weeks to months, through remyelination, a calming nucleus, or both [S50:A; S150:A].
