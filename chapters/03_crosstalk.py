# %% [markdown]
# # 03 · The cross-talk model: why an artery touching a nerve makes a face twitch
#
# Mrs Ana Ortiz, the teacher whose left lower eyelid began to twitch two years ago, has an EMG. The
# neurophysiologist gives a small electric pulse to the zygomatic branch of her left facial nerve, in
# front of the ear. Her eyelid twitches at once: that branch supplies it. About 10 ms later the
# recording electrode on her **chin** (mentalis) picks up a small response too, although no
# zygomatic fibre goes to the chin. It is an EMG response, seen on the screen rather than as a
# visible twitch. All 40 patients of one surgical series showed this delayed response [S59:A]. This chapter builds a small model of the nerve
# to explain it, then asks what the response is worth as a test and what it says about the two
# theories of HFS. (Mrs Ortiz is a teaching case [TC:T].)

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. explain why healthy fibres do not excite each other, and why, in the model and in rats,
#    cross-talk needs demyelination *and* compression;
# 2. explain why routine nerve conduction studies are normal in HFS;
# 3. read a spike raster and EMG traces, and recognise synkinesis;
# 4. describe how the lateral spread response is recorded, and why a persisting LSR is a specific
#    but insensitive sign of persisting spasm (equivalently, its disappearance is a sensitive but
#    non-specific sign of cure);
# 5. weigh the evidence for the peripheral and the central theory, and say what a toy model can and
#    cannot prove.
#
# **Estimated time:** about 75 min core path (+7 min going deeper)
#
# **Prerequisites:** chapters 01 (branches, root exit zone) and 02 (how compression wears myelin
# away). From physiology: saltatory conduction, the refractory period, the compound muscle action
# potential, sensitivity and specificity.

# %%
import hfs_edu as hfs
from hfs_edu.figures import crosstalk as xt_fig
from hfs_edu.figures import lsr_diagnostics as dx_fig
from hfs_edu.figures import lsr_recording as lsr_fig
from hfs_edu.models import crosstalk as ct

hfs.setup()

# %% [markdown]
# ## 1. A toy model, and how to read it
#
# A model is a simplified copy of reality, built to test whether a mechanism *can* produce what we
# observe.
#
# - **Fibres.** The real facial nerve has about 7,000 motor fibres [N1:C]. The model has 24, six for
#   each of four branches, each branch to one muscle: temporal → frontalis, zygomatic → orbicularis
#   oculi, buccal → orbicularis oris, marginal mandibular → mentalis [TC:T].
# - **The lesion.** Near the brainstem the nerve has no fascicles, so fibres of all branches lie
#   mixed [N12:A]. On the lateral side of the root its central myelin reaches about 8 mm from the
#   root exit point, much of it along the pons, up to the
#   [transition zone](glossary.md#transition-zone) where peripheral myelin begins; medially the
#   transition zone begins near the point where the root leaves the pons [N5:A]. Chapter 01 calls
#   this stretch the [root exit zone (REZ)](glossary.md#root-exit-zone). The model puts a 2.5 mm demyelinated lesion
#   there. That length is a modelling choice [TC:T], close to the 2.6 mm of the medial REZ
#   measured in cadavers [N6:A].
#
# Every model number is a [teaching calibration](glossary.md#teaching-calibration) [TC:T]: a value
# chosen to make the model behave like the measurements, not a measurement. When a model reproduces a
# number it was tuned to, that is a consistency check, not evidence.

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
# Follow one motor fibre from the facial nucleus to orbicularis oculi. Its impulse crosses the REZ,
# the cerebellopontine angle and the facial canal to the stylomastoid foramen, 43–66 mm in all
# [N3:C; N4:A]. The intracranial nerve conducts at 33–46 m/s [N7:A]; the model's median fibre at
# 35 m/s [TC:T]. The last stretch, from a stimulus at the foramen to the start of the muscle's
# response, is the [distal motor latency](glossary.md#distal-motor-latency): 2.70 ± 0.28 ms for
# orbicularis oculi [N51:A].

# %%
speed = ct.conduction_velocity(0.0)          # demyelination 0 = healthy myelin
print(f"Healthy fibre: {speed:.0f} m/s through the root exit zone")
to_foramen = ct.GEOMETRY.lesion_to_foramen_mm
print(f"{to_foramen:.0f} mm from the root exit zone to the foramen: {to_foramen / speed:.1f} ms")  # mm/(m/s) = ms

# %%
hfs.show(xt_fig.journey_figure([ct.journey(0.0)]), "3.1")

# %% [markdown]
# Under 5 ms from brainstem to eyelid [TC:T]. Each impulse stays in its own fibre: that is what lets
# you smile without closing your eye.

# %% [markdown]
# ## 3. Step 2: two neighbours with intact myelin: no cross-talk
#
# An impulse's current closes its loop through the fluid around the fibre, so a neighbour in that
# fluid feels a small voltage. This is an [ephaptic](glossary.md#ephaptic) influence: one fibre
# acting on another through shared fluid, without a synapse. In a healthy root three things keep it
# far below threshold:
#
# 1. **Myelin insulates.** Current crosses the membrane almost only at the nodes.
# 2. **There is room.** The root lies in cerebrospinal fluid, and the loop current flows around the
#    neighbours rather than through them. Squid giant axons excited their neighbour only when the
#    fluid at the contact was replaced by oil, which raises the resistance, or calcium was lowered
#    [N60:A].
# 3. **The safety margin is large.** A resting fibre needs a sizeable depolarisation to fire.
#
# The cell below compares the depolarisation of a resting neighbour, when one whole branch fires,
# with its threshold.

# %%
threshold = ct.ephaptic_threshold_mv(0.0)
for compression in (0.0, 0.5, 1.0):
    drive = ct.ephaptic_drive_mv(0.0, compression)   # demyelination 0, one branch firing
    print(f"compression {compression:.1f}: neighbour depolarised by {drive:4.1f} mV, "
          f"threshold {threshold:.0f} mV")

# %% [markdown]
# Even at the strongest compression, a neighbour with healthy myelin gets a few millivolts: in the
# model, healthy myelin never cross-talks [TC:T]. That model result is consistent with chapter 02,
# where a vessel touched 44% of 200 facial nerves in adults without HFS [N59:B].

# %% [markdown]
# ## 4. Step 3: strip the myelin
#
# Now let the pulsating vessel wear the central myelin thin (chapter 02).
#
# - **Conduction slows, then fails.** The [safety factor](glossary.md#safety-factor), the current
#   available divided by the current needed to excite the next node, falls. Below 1 the impulse
#   stops: [conduction block](glossary.md#conduction-block). A computer model of fibre bundles kept
#   conducting down to about 2% of normal myelin thickness, then failed abruptly [N54:A]; Figure 3.2
#   shows the same shape in our toy.
# - **Bare membrane is exposed**, so a neighbour's loop current depolarises it far more.
# - **Bare stretches become sources of impulses.** In mouse roots lacking myelin, impulses jumped
#   between single fibres within 100–240 µs, and a passing impulse could set off a burst [N53:A].

# %%
hfs.show(xt_fig.conduction_figure(ct.conduction_curve()), "3.2")

# %%
hfs.show(xt_fig.journey_figure([ct.journey(d) for d in (0.0, 0.5, 0.9, 0.97)]), "3.3")

# %% [markdown]
# **Why routine nerve conduction studies are normal.** In 23 patients with HFS, facial nerve
# conduction and blink reflex latencies were normal [S53:A], for two different reasons:
#
# - A routine facial [nerve conduction study](glossary.md#nerve-conduction-study) stimulates at the
#   stylomastoid foramen, distal to the REZ, and records from a face muscle. The impulse never
#   crosses the lesion, so the test cannot see it, however bad the lesion is.
# - The early component (R1) of the [blink reflex](glossary.md#blink-reflex-R1-and-R2) starts from a
#   supraorbital (trigeminal) stimulus and leaves the pons through the facial nerve, so it *does*
#   cross the REZ. It stays normal because the lesion is short: in Figure 3.3, even heavy slowing
#   over a few millimetres adds a fraction of a millisecond [TC:T].
#
# Mrs Ortiz's routine study was normal too [TC:T]. Seeing the lesion needs a test whose impulse
# crosses it *and changes fibre* there. Is demyelination alone enough for that? The cell runs the
# model's clinical test (section 6) in three states.

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
# Press the demyelinated stretch. In the model, after Nielsen's proposal, the vessel squeezes fluid
# out of the root, the extracellular resistance rises, and more loop current is forced through the
# neighbours, as in the squid axons under oil [S50:A; N60:A; TC:T]. This is a proposed mechanism and
# the model's rule, not a measurement in patients. Figure 3.4 runs the model over every combination:
# cross-talk needs demyelination and compression together, except at the model's extreme, where
# almost bare axons (demyelination 0.95 or more) cross-talk even with the vessel moved away [TC:T].
# Nothing in the sources says where that edge lies in patients. In rats,
# too, an artery against a facial nerve branch produced an abnormal response only if the branch had
# first been slightly injured; the same authors placed the crossing central to the compression
# (section 8) [N203:A].

# %%
hfs.show(xt_fig.coupling_map_figure(ct.coupling_map()), "3.4")

# %% [markdown]
# Only the slowest third of the model's fibres can be pulled across, after Nielsen's finding that
# cross-talk ran through a fraction of slow-conducting fibres [S49:A]. Two more things happen at the
# compression site:
#
# - **Ectopic discharges.** Pressed, bare fibres fire on their own, away from their cell bodies
#   ([ectopic excitation](glossary.md#ectopic-excitation)) [TC:T]. In 62 patients Nielsen
#   recorded such after-discharges, single or in trains at 250–350 impulses per second (Hz), and
#   overbreathing set off spasms [S49:A].
# - **An avalanche.** An ectopic impulse excites its bare neighbours, whatever their branch, and they
#   excite theirs: in the model, a spasm spreads across branches within a millisecond or two [TC:T].
#
# Figure 3.5 shows two seconds of a nerve with HFS (demyelination 0.8, compression 0.7 [TC:T]).
# **A**: a cross-section of the root; a dashed circle marks a fibre that fired at the lesion.
# **B**: a spike raster, one row per fibre, one tick per impulse reaching the muscle. **C**: a zoom on
# the first burst. **D**: the EMG of the four muscles, with the arterial pulse below.

# %%
spasm = ct.simulate(0.8, 0.7, duration_ms=2000)
summary = ct.spasm_summary(spasm)
hfs.show(xt_fig.spasm_figure(spasm, summary), "3.5")
print(summary)   # the same in words

# %% [markdown]
# Ticks of upper- and lower-face fibres line up in the same columns: eye and mouth contract
# together. This is [synkinesis](glossary.md#synkinesis), muscles of different branches contracting
# together. Patients look like this: in all 24 of one series, irregular motor-unit activity appeared
# at the same moment in four facial muscles [N50:A].

# %% [markdown]
# ### Try it: make a face twitch
#
# The view is Figure 3.5 with sliders: each move reruns two seconds of the model. Panel C has one
# row per fibre, grouped and labelled by branch. The text under the figure says what happened.
#
# **Controls.** *demyelination*: myelin lost at the REZ, 0 (healthy) to 1 (bare axons).
# *compression*: how hard the vessel presses, 0 to 1. *pulsation*: how strongly the artery pulses,
# 0 (steady) to 1. *episode*: another two seconds of the same nerve (ectopic events are random).
#
# **Questions to explore**
#
# 1. Try each alone: demyelination 0 with compression 1, then compression 0 with demyelination
#    raised to 1. Does the face twitch? Which observation in people without HFS does the first
#    imitate?
# 2. Go back to demyelination 0.80 and compression 0.70. In panel D, which muscles contract together?
#    In panel C, do the fibres of the first burst all belong to one branch?
# 3. Move pulsation from 0 to 1 (look at a few episodes). What changes? How could a stronger pulse,
#    as in high blood pressure (chapter 02), give more spasms in the model?
# 4. In panel C, are one fibre's ticks about 0.3, 3 or 30 ms apart? Turn that into a rate
#    (1000 ÷ interval in ms = impulses per second) and compare it with Nielsen's 250–350 Hz [S49:A].
#    Is the match a test of the model?

# %%
from hfs_edu.widgets.crosstalk import CrossTalkView

CrossTalkView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. No. Healthy myelin stays quiet at any compression [TC:T], like the many people with a vessel on
#    the nerve who never twitch [N59:B]. Bare axons without compression hardly fire and drag no other
#    branch along; at 1, 8 of 24 fibres are blocked [TC:T]. Both are needed.
# 2. All four muscles contract in the same bursts: synkinesis. The first burst starts in one fibre,
#    and within a millisecond or two fibres of upper- and lower-face branches join it [TC:T].
# 3. More bursts: in episode 0, about 2 at pulsation 0 and about 9 at pulsation 1 [TC:T]. The model
#    adds the pulse to the drive at the lesion, an assumption, not a measurement.
# 4. About 3–4 ms, so 250–350 per second, Nielsen's range [S49:A]. Not a test: the train intervals
#    were set from Nielsen's numbers [TC:T].
# </details>

# %% [markdown]
# ## 6. The lateral spread response, as a clinician records it
#
# Spasms come and go; a test needs a response you can trigger. The
# [lateral spread response](glossary.md#lateral-spread-response) (LSR, or abnormal muscle response)
# is the one Mrs Ortiz had: stimulate one branch and record from a muscle of *another* branch, such
# as zygomatic → mentalis or marginal mandibular → orbicularis oculi. It appeared in all 23 patients
# tested, never in healthy people or on the unaffected side [N50:A].
#
# **How late is it?** Series differ by about 2 ms:
#
# - awake: 9.76 ± 1.1 ms in mentalis (zygomatic stimulation), 9.0 ± 1.09 ms in orbicularis oculi
#   (mandibular stimulation) [N50:A];
# - during surgery: 8.96 ± 0.72 ms in mentalis in 85 patients [N57:A]; "about 10 msec" in 40
#   patients [S59:A]; 11.03 ± 0.66 ms in orbicularis oculi in Møller and Jannetta's patients
#   [N420:A].
#
# Anaesthesia, electrodes, muscle and the definition of onset differ. This course uses **8–12 ms** as
# the typical window, roughly the awake mentalis mean ± 2 standard deviations [N50:A].

# %%
lsr = ct.lateral_spread_response(0.8, 0.7, "zygomatic", "mentalis")
own = ct.direct_response("zygomatic")          # the stimulated branch's own muscle
hfs.show(lsr_fig.lsr_figure(lsr, own), "3.6")
print(f"LSR onset {lsr.latency_ms:.1f} ms; ephaptic transfer of the first unit {lsr.transfer_time_ms:.2f} ms")

# %% [markdown]
# **Where do the 10 ms go? The peripheral interpretation.** The stimulated branch's own muscle
# answers within 1–2 ms. On the peripheral reading the LSR is later because the impulse travels
# [antidromically](glossary.md#antidromic) (backwards) up the stimulated fibres to the REZ, crosses to
# another branch's fibres, and returns [orthodromically](glossary.md#orthodromic) (in the normal
# direction) to a different muscle. The crossing would take about 1 ms: 3 mm beyond the compression,
# one group recorded a second nerve peak 1.1 ms after the first, which vanished with the LSR after
# decompression [N52:B]. The cell splits the model's latency into four legs; Figure 3.7 stacks them.

# %%
budget = ct.latency_budget(0.8, 0.7, "zygomatic", "mentalis")
for part, ms in budget.parts().items():
    print(f"{part:22s} {ms:4.1f} ms")
print(f"{'first unit arrives':22s} {budget.total_ms:4.1f} ms (onset read from the trace {lsr.latency_ms:.1f} ms)")
print(f"the unit that answers first conducts at {budget.fibre_cv_m_per_s:.0f} m/s")

# %%
budget = ct.latency_budget(0.8, 0.7, "marginal mandibular", "orbicularis oculi")
onset = ct.lateral_spread_response(0.8, 0.7, "marginal mandibular", "orbicularis oculi").latency_ms
hfs.show(lsr_fig.latency_budget_figure(budget, onset, ct.lsr_latencies()), "3.7")
for leg, model_ms, measured_ms in budget.compare_measured(ct.lsr_latencies()).rows():
    print(f"{leg:36s} model {model_ms:5.2f} ms   measured [N420] {measured_ms:5.2f} ms")

# %% [markdown]
# **What was measured in patients.** Møller and Jannetta measured both legs during surgery
# [N420:A]:
#
# - mandibular branch → REZ (the backward leg): 3.87 ± 0.36 ms;
# - REZ → orbicularis oculi (the way back): 4.65 ± 0.25 ms;
# - sum 8.52 ms, yet the abnormal muscle response came at 11.03 ± 0.66 ms.
#
# The response came about 2.5 ms after the round trip [N420:A]. A 1 ms crossing leaves more than a
# millisecond unexplained, and the authors read the extra time as a relay through the facial
# nucleus. The model's antidromic leg (printed above) is about 1 ms faster than the measured one,
# which helps its peripheral budget land near 9 ms [TC:T]. So the 10 ms budget is the *peripheral
# interpretation*, not settled proof.

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
# range is under a millisecond, and the latest responses come from lesions that barely reach
# threshold [TC:T]. The agreement with patients was built in by the two calibrations. It shows that
# the observations fit together, not that they had to.

# %% tags=["deeper"]
import numpy as np

grid = np.linspace(0.0, 1.0, 11)  # every 0.1 of each slider
for branch, muscle in (("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi")):
    results = [ct.lateral_spread_response(d, c, branch, muscle) for d in grid for c in grid]
    onsets = np.array([r.latency_ms for r in results if r.present])
    print(f"{branch} -> {muscle}: {onsets.size} lesion states with an LSR, onset {onsets.min():.1f}-"
          f"{onsets.max():.1f} ms, median {np.median(onsets):.1f} ms")

# %% [markdown]
# ### Try it: record a lateral spread response
#
# You are the neurophysiologist. The upper trace is the stimulated branch's own muscle (its direct
# response); the lower trace is the muscle you record. The shaded band is the 8–12 ms window and a
# dashed line marks the onset. The text under the figure gives the latency.
#
# **Controls.** *stimulate*: the branch you stimulate. *record from*: the muscle you record.
# *demyelination* and *compression*: the lesion, 0–1 each. *decompressed*: the surgeon moves the
# vessel away; compression becomes 0, the damaged myelin stays.
#
# **Questions to explore**
#
# 1. At the start settings (zygomatic → mentalis, demyelination 0.80, compression 0.70), read the
#    onset. Is it in the window? Which legs of Figure 3.7 make up most of it?
# 2. Stimulate the marginal mandibular branch and record orbicularis oculi. Is there a response, and
#    is its latency similar?
# 3. Set demyelination to 0. Then restore 0.80 and tick *decompressed*. What does the surgeon see on
#    the monitor, and what has *not* changed inside the nerve?
# 4. At demyelination 0.80, lower the compression in steps of 0.05 until the response disappears.
#    What happens to the number of motor units and to the latency just before?

# %%
from hfs_edu.widgets.crosstalk import LSRView

LSRView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. About 9.2 ms, inside the window [TC:T]. The antidromic leg, the way back to the foramen and the
#    distal motor latency make up most of it; the crossing adds about 1 ms.
# 2. Yes, at about 8.9 ms: the model cross-talks both ways, as in patients [S49:A]. Orbicularis oculi
#    has the shorter distal motor latency [N51:A].
# 3. Demyelination 0: no response. *Decompressed*: the trace goes flat at once, though the myelin is
#    as damaged as before; only the crowding has gone [TC:T]. In theatre the response vanished in 131
#    of 145 patients [S79:A].
# 4. Two units down to 0.45, then one; the latency creeps from about 9.2 to 10.0 ms at 0.25, and at
#    0.20 the response is gone [TC:T]. A barely sufficient drive charges the membrane slowly.
# </details>

# %% [markdown]
# ## 7. How good a test is the LSR?
#
# "How good is the test?" hides two questions.
#
# **Diagnosis.** The LSR was absent in only 13 of 306 candidates for surgery (4.2%) [S61:A]. But it
# is not unique to HFS: after a facial palsy, regrowing fibres can reach the wrong branches, and it
# was found in 79.5% of 78 patients with such post-paralytic synkinesis [S62:A]. So the LSR separates
# HFS from blepharospasm or tics, but the history separates it from post-paralytic synkinesis.
#
# **Prognosis.** Surgeons watch the LSR during [microvascular decompression](glossary.md#MVD) (MVD),
# the operation that moves the vessel off the nerve. Does its disappearance predict cure?
# [Sensitivity](glossary.md#sensitivity) is the share of patients with an outcome whom a test flags;
# [specificity](glossary.md#specificity) the share without it whom the test clears. Three
# meta-analyses seem to disagree (Figure 3.8, panel A):
#
# - 26 studies, 7,479 patients: sensitivity 40–41%, specificity 89–90% [S63:A];
# - 42 studies: sensitivity 91.1%, specificity 45.1% in the short term [S65:A];
# - a third: sensitivity 91%, specificity 34% in the short term [S66:A].
#
# The numbers look reversed because they are. The 26-study analysis calls the test "positive" when
# the LSR **persists** and asks whether that predicts **persisting spasm**. The third calls it
# positive when the LSR **disappears** and asks whether that predicts **cure** [S66:A]. The 42-study
# one appears to do the same; its abstract does not say, but its numbers match. Aligned (panel B),
# they agree: about 9 in 10 cured patients lose their LSR, but only 3–4.5 in 10 patients whose spasm
# continues keep it [S63:A; S65:A; S66:A].

# %%
hfs.show(dx_fig.lsr_diagnostic_figure(ct.aligned_meta_analyses()), "3.8")

# %% [markdown]
# **A persisting LSR is specific, not sensitive: what it means at the bedside.** The
# [positive predictive value](glossary.md#PPV) (PPV) is the share of patients with a positive test who
# have the outcome; the [negative predictive value](glossary.md#NPV) (NPV) the share with a negative
# test who do not. Both depend on how common the outcome is. Of 1,000 operated patients about 91.1%
# are cured [S13:A], so about 89 keep their spasm. Apply sensitivity 40% and specificity 89% [S63:A]:

# %%
counts = ct.natural_frequencies(sensitivity_pct=40, specificity_pct=89, persist_pct=8.9)
print(f"LSR persisted: {counts.ppv_pct:.0f}% of these patients keep their spasm")
print(f"LSR disappeared: {counts.spasm_if_lsr_gone_pct:.0f}% of these patients keep their spasm")
hfs.show(dx_fig.outcome_frequency_figure(counts), "3.9")

# %% [markdown]
# The PPV is low: about three in four patients who leave theatre with an LSR are spasm-free at one
# year. The NPV is high: about 94 in 100 whose LSR vanished are cured [S63:A; S13:A]. The 26-study
# analysis measured close to this: at one year, spasm persisted in 24.4% with a persisting LSR and in
# 4.0% with a resolved one [S63:A]. A persisting LSR is a warning, worth a second look for a missed
# vessel before closing, not a verdict [S63:A].

# %% [markdown] tags=["deeper"]
# ### Going deeper: does monitoring the LSR improve outcomes?
#
# *Optional: skip it on the core path.*
#
# The sources disagree. One meta-analysis found cure 4.2 times more likely when the response was
# abolished, and recommended routine monitoring [S64:A]. That figure is an
# [odds ratio](glossary.md#odds-ratio) (OR): the odds of an outcome in one group divided by the odds in
# another, so 1 means no difference. But in a prospective comparison of 283 patients, relief at one
# year was similar with and without monitoring (93.1% vs 94.2%) [S79:A]. The link with long-term
# outcome was not significant in 10 of 16 long-term studies [S77:A]. The sources agree on one point:
# the LSR predicts the short-term outcome better than the long-term one. An LSR that persisted after
# surgery raised the odds of a later recurrence (OR 9.44) [S82:A].

# %% [markdown]
# ## 8. Two theories: where does the signal jump?
#
# So far the impulse crossed **at the compression site**: the peripheral, or ephaptic, theory. The
# central theory places the crossing in the **facial motor nucleus**: antidromic impulses reach
# motoneurons made over-excitable by years of irritation, and these fire neighbours that supply other
# muscles. Figure 3.10 draws both routes.

# %%
hfs.show(dx_fig.two_theories_figure(), "3.10")

# %% [markdown]
# Six findings that carry much of the argument:
#
# | Finding | Points to |
# |---|---|
# | With **double stimulation**, the second LSR followed a fixed refractory period without facilitation, like an axon, not a pool of motoneurons [S57:A] | peripheral |
# | A second nerve peak 1.1 ms after the first, 3 mm beyond the compression, vanished with the LSR; too short for a trip to the nucleus [N52:B] | peripheral |
# | The response is generated where the lesion is: cerebellopontine angle in idiopathic HFS, petrous bone after Bell's palsy; the mechanism is left open [S56:A] | site of trigger (mechanism open) |
# | The LSR came about 2.5 ms after the measured round trip to the REZ and back [N420:A] | central |
# | [F waves](glossary.md#F-wave) were larger and more frequent on the spasm side, and normalised after successful surgery [N205:A] | central |
# | In rats, blocking conduction in the nerve *between* the artery and the brainstem abolished the abnormal response [N203:A] | central |
#
# An F wave is a small late muscle response: an antidromic volley reaches the motoneurons and a few
# fire back. Reviews still differ: one from 2023 sees recent electrophysiology favouring a central
# mechanism [S54:B], one from 2018 favours ephaptic cross-talk at the compression site [S55:B]. The
# theories need not exclude each other: a peripheral trigger could, over years, make the nucleus
# hyperexcitable [S50a:B].
#
# **What the toy model can and cannot say.** It shows that the peripheral mechanism is *sufficient*:
# a crossing at the REZ gives a response near the measured latencies, both ways, with bursts,
# synkinesis, and loss of the response when the vessel is moved [TC:T]. It cannot show that the
# central theory is wrong, because it has no nucleus, and it was tuned to the latencies it
# "predicts".

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
# stimulating the facial nerve itself, near the stylomastoid foramen.
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
# | Thresholds for a late response to magnetic stimulation differed between the spasm side and the normal side (by 20.7 ± 13.0%); the difference disappeared after surgery in the one patient retested [N202:A] | central |
# | In 36 of 53 patients the blink reflexes were abnormal, mostly a delayed facio-facial and a shortened trigemino-facial response; the authors inferred both nuclear hyperexcitability and nerve involvement [S52:A] | both |
# | The LSR could be evoked by skin stimulation (88%) and by facial nerve stimuli too weak to excite motor fibres (43%), like a trigeminal reflex [N201:A] | a third view |

# %% [markdown]
# ## 9. Decompression in the model
#
# MVD moves the vessel off the nerve and keeps it away with a small pad. In the model compression
# becomes 0, and the damaged myelin recovers over months [TC:T]. The repair rate was fitted to the
# time to cure in one cohort whose patients were all eventually cured, so it copies the slower end of
# what patients experience (see below) [S150:A; TC:T].

# %%
mvd = ct.decompress(0.8, 0.7, age_years=50)
print(f"Before surgery: {mvd.units_before} mentalis motor units answer the zygomatic stimulus")
print(f"LSR gone on day {mvd.day_lsr_gone:.0f} after decompression")
print(f"Myelin left at day 0: {1 - mvd.demyelination[0]:.2f}; at day 365: {1 - mvd.demyelination[-1]:.2f}")

# %%
states = {"demyelination 0.8, compression 0.8": (0.8, 0.8), "demyelination 0.97, compression 0.8": (0.97, 0.8)}
results = {label: ct.decompress(d, c, days=240, n_points=241) for label, (d, c) in states.items()}
hfs.show(dx_fig.decompression_figure(results, ct.decompression_signs()), "3.11")

# %% [markdown]
# In the model the LSR vanishes at once unless the axons are nearly bare [TC:T]. So it did in
# theatre: in 131 of 145 patients [S79:A]. Patients followed afterwards tell a slower story. Nielsen
# studied 59 patients before surgery [S50:A]. Of the 53 re-examined one week after decompression,
# ephaptic transmission had gone in only 23% [S50:A]. Of the 30 re-examined at 2–8 months, it had
# gone in 73% [S50:A]. Not every sign is that slow: of 66 patients examined before and after
# decompression, the eye–mouth synkinesis of the blink reflex disappeared rapidly, often within 10
# days, in 81% of those without earlier nerve-block procedures [N207:A]. Relief of the spasm varies
# between series too. Complete relief within the first week came in 35% of 175 patients in one
# cohort and in 67% of 100 in another [S150:A; S151:A]. The 175, all eventually cured, took a median
# of 30 days, so that cohort describes the slower end of the range [S150:A].
#
# Why the delay? One explanation is remyelination, as Nielsen proposed [S50:A]; the model builds it
# in [TC:T]. Another is a slowly normalising facial nucleus: enhanced F waves normalise after surgery
# [N205:A], and in rats stimulation-induced responses faded over 4–8 weeks [N208:A]. The model cannot
# choose between them.

# %% [markdown]
# ## Exercise
#
# **Mrs Ortiz's lateral spread response.** In the model her nerve has lost most of its myelin at the
# REZ: demyelination 0.80 [TC:T]. You will predict her LSR, record it, find how much pressure her
# nerve needs to cross-talk, and watch the surgeon move the vessel. It practises reading an LSR.
# **Time:** about 10 min.
#
# You can use the LSR view above (stimulate *zygomatic*, record from *mentalis*); no programming is
# needed. Replace each `...` with your answer (text in quotes, like `"absent"`) and run the cell: it
# marks each answer and gives hints.
#
# 1. *Predict before you look:* will the response come at "1-2 ms", "8-12 ms" or "30-50 ms"? Think of
#    the route.
# 2. At compression 0.70, read the onset latency (ms) from the text under the figure.
# 3. Lower the compression in steps of 0.05. What is the lowest value at which a response is still
#    present?
# 4. Set compression back to 0.70 and tick *decompressed*. Is the response "present" or "absent"?

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
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models.crosstalk import lateral_spread_response

# 1. The response needs a round trip towards the brainstem: all the way up the stimulated fibres
#    from the cheek to the REZ, across to another branch's fibres, and down again to the chin. The
#    crossing is either about 1 ms at the REZ (peripheral reading) or a relay through the facial
#    nucleus (central reading); both give 8-12 ms, not 1-2 ms (the direct response of the
#    stimulated branch) and not 30-50 ms. The model has only the peripheral route [TC].
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
      lowest_compression=lowest_compression, after_decompression=after_decompression, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("03_crosstalk")

# %% [markdown]
# ## Key takeaways
#
# - In the model, a vessel touching healthy myelin does not make fibres talk [TC:T], consistent with
#   vessel contact in many people without HFS [N59:B]. Cross-talk needs bare membrane **and**
#   crowding; then one ectopic burst spreads across branches, and eye and mouth contract together.
# - Routine facial nerve conduction studies are normal in HFS because they stimulate distal to the
#   REZ and never cross the lesion; the blink reflex crosses it and stays normal because the lesion is
#   short [S53:A].
# - The LSR (stimulate one branch, record a muscle of another) comes at about 9–11 ms
#   [N50:A; N420:A]. The peripheral interpretation reads it as a round trip to the REZ with a 1 ms
#   crossing; but the measured round trip is shorter than the response, which its authors read as a
#   nuclear relay [N420:A]. The model shows the peripheral route is sufficient, not that it is the
#   route.
# - The LSR is present in almost all patients with HFS, but also after a facial palsy [S62:A].
#   During surgery a persisting LSR is a specific but insensitive predictor of persisting spasm
#   (its disappearance a sensitive but non-specific sign of cure): a warning, not a verdict
#   [S63:A; S65:A; S66:A].
# - Moving the vessel abolishes the LSR at once in most operations [S79:A]. Other signs fade at
#   different speeds: synkinesis often within 10 days [N207:A], ephaptic transmission over weeks to
#   months, through remyelination, a calming nucleus, or both [S50:A]. Relief of the spasm comes
#   within the first week in 35–67% of patients, depending on the series [S150:A; S151:A].
#
# **Next:** [chapter 04](04_clinical_picture.ipynb) follows the spasm this model produces through months
# and years, on the face and in a patient's life.
