# %% [markdown]
# # 03 · The cross-talk model: why an artery touching a nerve makes a face twitch
#
# In the operating theatre, before the surgeon touches the nerve, the neurophysiologist sends a
# small electric pulse into the zygomatic branch of the facial nerve, just in front of the ear.
# That branch goes to the eyelid, and the eyelid twitches, as expected. But about ten
# milliseconds later the **chin** twitches too, although no fibre of the zygomatic branch goes to
# the chin. All 40 patients in one surgical series showed this response [S59:A]. Then the surgeon
# lifts the artery off the nerve, and in most patients the chin response vanishes on the monitor:
# in 131 of 145 in one series [S79:A]. This chapter explains that observation. You will build a
# small model of the nerve step by step, from one healthy fibre to a face in spasm, then record
# the response the way a clinician does, judge how useful it is as a test, and weigh the two
# theories of where the signal jumps between fibres.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. explain why fibres with intact myelin do not excite each other, and what demyelination does
#    to conduction (slowing, then block) and to the fibre's neighbours;
# 2. explain why compression has to come on top of demyelination, and how ectopic bursts
#    (after-discharges) arise at the compression site;
# 3. read a spike raster and EMG traces, and recognise synkinesis, the eye and mouth contracting
#    together;
# 4. describe how the lateral spread response (LSR) is recorded, account for its latency of about
#    10 ms, and interpret its diagnostic and prognostic value, including why a test can be
#    specific without being sensitive;
# 5. weigh the evidence for the peripheral (ephaptic) and the central (facial nucleus) theory, and
#    say what a toy model can and cannot prove about them.
#
# **Estimated time:** 75–90 minutes.
#
# **Prerequisites:** chapters 01 (branches, root exit zone) and 02 (how compression wears myelin
# away). From physiology: saltatory conduction and the safety factor, the refractory period, the
# compound muscle action potential, the F wave, and sensitivity and specificity.

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
# A model is a deliberately simplified copy of reality, built to test whether a proposed
# mechanism *can* produce what we observe. This one is a toy: small enough to run in a few
# milliseconds, so you can move a slider and watch the nerve respond.
#
# - **The fibres.** The real facial nerve carries about 7,000 motor fibres [N1:C]. The model has
#   24, six per branch [TC:T], so one model fibre stands for a group of real ones. It follows four
#   branches, each to one muscle: temporal to frontalis, zygomatic to orbicularis oculi, buccal to
#   orbicularis oris, marginal mandibular to mentalis. That is a simplification: chapter 01 showed
#   that orbicularis oculi also receives temporal fibres [N15:B].
# - **Where the fibres lie.** Near the brainstem the nerve has no fascicles, so fibres for all
#   branches are mixed together [N12:A; S51:B]. The model puts its lesion there: a stretch of about
#   2.5 mm, the length of the central-myelin segment of the root [N6:A].
# - **Three layers.** A *lesion* layer computes how impulses cross the damaged stretch and how
#   strongly fibres influence each other there; a *nerve and muscle* layer carries impulses to
#   four muscles and turns them into EMG; the slow changes of myelin over months come from the
#   compression model of chapter 02.
#
# **How to read the numbers.** Every number the model produces is a **teaching calibration**,
# marked [TC:T]: a value chosen so that the model reproduces measured facts, such as a lateral
# spread response at about 10 ms [S59:A; N50:A], a crossing time between fibres of about 1 ms
# [N52:B], cross-talk carried by slow fibres and bursts at 250–350 Hz [S49:A]. The table below lists the model's main constants and
# where they come from; the full table is `data/crosstalk_parameters.csv`. Keep one caution in mind
# throughout: when a model reproduces a number it was tuned to reproduce, that is a consistency
# check, not evidence.

# %%
hfs.show_table("crosstalk_parameters", columns=["parameter", "value", "unit", "source_key", "tier"],
               max_rows=22)

# %% [markdown]
# ## 2. Step 1: one healthy fibre
#
# Start with a single motor fibre on its way from the facial nucleus to orbicularis oculi. Its
# impulse crosses the root exit zone, runs through the cerebellopontine angle and the facial
# canal to the stylomastoid foramen, 43–66 mm in all [N3:C; N4:A], then along the zygomatic
# branch to the neuromuscular junction. Measured during surgery, the facial nerve conducts at
# 33–46 m/s [N7:A]; the model's median fibre conducts at 35 m/s [TC:T]. From the foramen to the
# start of the muscle response takes 2.70 ± 0.28 ms for orbicularis oculi on the healthy side of
# patients with a facial palsy [N51:A], a time that includes the thin terminal branch and the
# neuromuscular junction.

# %%
speed = ct.conduction_velocity(0.0)          # demyelination 0 = healthy myelin
print(f"Healthy fibre: {speed:.0f} m/s through the root exit zone")
to_foramen = ct.GEOMETRY.lesion_to_foramen_mm
print(f"{to_foramen:.0f} mm from the root exit zone to the foramen: {to_foramen / speed:.1f} ms")  # mm/(m/s) = ms

# %%
hfs.show(xt_fig.journey_figure([ct.journey(0.0)]), "3.1")

# %% [markdown]
# Under 5 ms from brainstem to eyelid [TC:T]. In a healthy nerve every impulse stays in its own
# fibre and reaches only its own muscle: that is what lets you smile without closing your eye.

# %% [markdown]
# ## 3. Step 2: two neighbours with intact myelin: no cross-talk
#
# An impulse is a wave of inward sodium current at one node of Ranvier and outward current at the
# nodes ahead of it. The current closes its loop through the fluid around the fibre. A
# neighbouring fibre lying in that fluid feels a small voltage from the loop: an **ephaptic**
# influence (from the Greek for "touching"), as opposed to a synaptic one. In a healthy root three
# things keep this influence far below threshold:
#
# 1. **Myelin insulates.** Current crosses the membrane almost only at the nodes; the internodes,
#    which make up nearly all the fibre's length, are sealed.
# 2. **There is room around the fibres.** In the cerebellopontine angle the root is bathed in
#    cerebrospinal fluid. A large, well-conducting extracellular space carries the loop current
#    around the neighbours rather than through them. In squid giant axons, one fibre excited its
#    neighbour when the fluid around the contact was replaced by oil, which raises the
#    extracellular resistance, or when calcium was lowered: a restricted extracellular volume is
#    what made transmission possible [N60:A].
# 3. **The safety margin is large.** A resting fibre needs a sizeable depolarisation before it
#    fires.
#
# The model computes how much a resting neighbour is depolarised when one whole branch fires
# together, and compares it with the neighbour's threshold:

# %%
threshold = ct.ephaptic_threshold_mv(0.0)
for compression in (0.0, 0.5, 1.0):
    drive = ct.ephaptic_drive_mv(0.0, compression)   # demyelination 0, one branch firing
    print(f"compression {compression:.1f}: neighbour depolarised by {drive:4.1f} mV, "
          f"threshold {threshold:.0f} mV")

# %% [markdown]
# Even when the vessel presses as hard as the model allows, a neighbour with healthy myelin gets a
# few millivolts, well short of its threshold [TC:T]. In the model, healthy myelin never
# cross-talks. This matches a fact from chapter 02: a vessel touches the facial nerve in about
# half of people who never develop HFS (≥ 50% [S50a:B]; 44% of 200 nerves on MRI [N59:B]).
# Contact alone is not enough.

# %% [markdown]
# ## 4. Step 3: strip the myelin
#
# Now let the pulsating vessel wear the central myelin thin (chapter 02). Three things change.
#
# - **Conduction slows, then fails.** A node must now charge a leakier, larger stretch of
#   membrane before the next node fires, so each step takes longer. The **safety factor**, the
#   current available divided by the current needed to excite the next node, falls. Once it drops
#   below 1, the impulse stops: **conduction block**. A computer model of demyelinated fibre
#   bundles found that conduction survives surprisingly thin myelin and then fails abruptly, at
#   about 2% of the normal thickness [N54:A]. Figure 3.2 shows the same shape in our toy.
# - **The bare membrane is exposed.** A neighbour's loop current now flows across membrane that
#   myelin no longer covers, so it depolarises the fibre far more. Demyelinated axons also tend to
#   be more excitable: in the model their threshold falls as they lose myelin [TC:T].
# - **Bare stretches become sources of impulses.** In the spinal roots of dystrophic mice, whose
#   axons lack myelin in places, impulses jumped from one single fibre to its neighbour within
#   100–240 µs, and an impulse passing a damaged site could set off a burst of further impulses
#   [N53:A].

# %%
hfs.show(xt_fig.conduction_figure(), "3.2")

# %%
hfs.show(xt_fig.journey_figure([ct.journey(d) for d in (0.0, 0.5, 0.9, 0.97)]), "3.3")

# %% [markdown]
# Figure 3.3 answers a clinical puzzle. The demyelinated stretch is only about 2.5 mm long [N6:A],
# so even heavy slowing there adds a fraction of a millisecond to a trip of several milliseconds.
# Standard facial nerve conduction studies therefore look normal: in 23 patients with HFS the
# facial nerve conduction latencies were normal [S53:A]. A routine nerve conduction study cannot
# see the lesion; you need a test that makes the impulse *cross* it twice.
#
# Is demyelination alone enough for cross-talk? Run the model's clinical test, which you will meet
# properly in section 6, in three states: healthy myelin with a pressing vessel (step 2),
# demyelination without pressure (step 3), and both together (step 4, next section).

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
# Press the demyelinated stretch. The vessel squeezes extracellular fluid out of the root, so
# the fibres lie closer together in less fluid: the extracellular resistance rises, and more of an
# active fibre's loop current is forced through its neighbours, the squid-axon situation of
# section 3 [N60:A]. Now the drive on exposed membrane reaches threshold. Figure 3.4 runs the full
# model over every combination of demyelination and compression: cross-talk appears only where
# both are high enough, and only nearly bare axons cross-talk under light pressure. Rats told the same story: a branch of the facial nerve laid against
# an artery developed an abnormal cross-response only if it had first been slightly injured at the
# contact point [N203:A] (the authors read that result differently, as section 8 explains).

# %%
hfs.show(xt_fig.coupling_map_figure(ct.coupling_map()), "3.4")

# %% [markdown]
# Not every fibre can be pulled along. Nielsen found that the transmission between branches took
# place in a fraction of slow-conducting fibres [S49:A]. The model takes this literally: only fibres
# slower than 32 m/s, below the 33–46 m/s measured for the nerve as a whole [N7:A], can be excited
# across the lesion, however strong the drive [TC:T]. That is two of each branch's six model
# fibres, so at most 2 of the 6 mentalis units answer in Figure 3.4 [TC:T]. Faster fibres still
# fire when they are stimulated, and their impulses still add to the field that drives the slow ones.
#
# Two more things happen at the compression site.
#
# - **Ectopic discharges.** The pressed, demyelinated fibres fire on their own; in the model they
#   do so more often when the artery's pulse peaks [TC:T]. In 62 patients Nielsen recorded after-activity as single potentials
#   or trains firing at 250–350 impulses per second (250–350 Hz), and overbreathing, which lowers
#   ionised calcium, set off clonic-tonic spasms [S49:A]. The model fires its trains at the same
#   rate [S49:A].
# - **An avalanche.** An ectopic impulse in one fibre excites its exposed neighbours ephaptically,
#   whatever branch they belong to; they excite theirs. A spontaneous spasm is, in the model, an
#   avalanche that spreads across branches within a millisecond or two [TC:T], so muscles of the
#   upper and lower face contract at the same moment.
#
# Figure 3.5 shows two seconds in a nerve with established HFS (demyelination 0.8, compression
# 0.7 [TC:T]). **Panel A** is a cross-section of the root: each symbol is a fibre (its shape and
# colour give its branch), the dark ring around it is its myelin, and a dashed circle marks a fibre
# that fired at the lesion. **Panel B** is a spike raster: one row per fibre, one tick per impulse
# reaching the muscle. **Panel C** zooms into the first burst. **Panel D** shows the EMG of the
# four muscles, with the arterial pulse below.

# %%
spasm = ct.simulate(0.8, 0.7, duration_ms=2000)
summary = ct.spasm_summary(spasm)
hfs.show(xt_fig.spasm_figure(spasm, summary), "3.5")
print(summary)   # the same in words

# %% [markdown]
# Read the figure like an electromyographer. Ticks of upper-face fibres (temporal, zygomatic) and
# lower-face fibres (buccal, marginal mandibular) line up in the same columns: the eye and mouth
# contract together, which is **synkinesis**. Real recordings look like this: in 24 patients,
# irregular motor-unit activity appeared synchronously in four facial muscles in every patient
# [N50:A], and needle EMG shows brief, irregular high-frequency bursts of 150–400 Hz [S18:C]. In
# the zoom (panel C), each fibre fires a short train with one impulse every 3–4 ms [TC:T], which is
# Nielsen's 250–350 Hz [S49:A].

# %% [markdown]
# ### Try it: make a face twitch
#
# The view below runs the whole model each time you move a slider: the cross-section, the raster,
# the zoom on the first burst and the EMG are recomputed for two seconds of activity. The text
# under the figure says in words what happened.
#
# **Controls.** *demyelination*: the share of myelin lost at the root exit zone, 0 (healthy) to
# 1 (bare axons). *compression*: how hard the vessel presses, 0 (not at all) to 1 (as hard as the
# model allows). *pulsation*: how strongly the artery pulses, 0 (steady) to 1. *episode*: another
# two seconds of the same nerve; the ectopic events are random, so each episode differs. All model
# numbers are teaching calibrations [TC:T].
#
# **Questions to explore:**
# - Set demyelination to 0 and push compression to 1. Does anything happen? Which fact about
#   people without HFS does this imitate?
# - Set compression to 0 and raise demyelination step by step to 1. Do fibres fire on their own?
#   Do they drag fibres of other branches along?
# - With both high, which muscles contract together? In the raster, does the first fibre to fire
#   belong to the upper or the lower face, and does that decide which muscles join in?
# - Keep the lesion fixed and move pulsation from 0 to 1. What changes? Chapter 02 linked high
#   blood pressure to HFS: how could a stronger pulse make spasms more frequent?
# - In panel C, measure the interval between two ticks of one fibre and convert it to a
#   frequency (1000 divided by the interval in ms gives Hz). Does it match Nielsen's 250–350 Hz
#   [S49:A]?

# %%
from hfs_edu.widgets.crosstalk import CrossTalkView

CrossTalkView()

# %% [markdown]
# ## 6. The lateral spread response, as a clinician records it
#
# Spontaneous spasms come and go; a test needs something you can trigger. The **lateral spread
# response** (LSR), also called the abnormal muscle response, is that test. Stimulate one branch
# of the facial nerve and record from a muscle supplied by *another* branch: for example, stimulate
# the zygomatic (or temporal) branch and record from mentalis, or stimulate the marginal mandibular
# branch and record from orbicularis oculi [S57:A; N50:A]. In healthy people, and on the unaffected side
# of patients, stimulating one branch never evoked a response in another branch's muscle [N50:A].
# On the affected side, a delayed response appeared in every one of 23 patients tested [N50:A].
#
# **How late is it?** The sources agree to within about a millisecond:
#
# - 9.76 ± 1.1 ms in mentalis after zygomatic stimulation, and 9.0 ± 1.09 ms in orbicularis oculi
#   after marginal mandibular stimulation, in awake patients [N50:A];
# - 8.96 ± 0.72 ms in mentalis in 85 patients during surgery [N57:A], and 8.69 ms (mentalis) and
#   9.10 ms (orbicularis oculi) in 113 patients [N58:B];
# - "about 10 msec" in 40 of 40 patients during surgery [S59:A], and an early component with a mean
#   onset of 10.0 ms recorded over orbicularis oris [N201:A].
#
# The small differences come from anaesthesia, electrode sites, which muscle is recorded and how
# onset is defined. This course uses **8–12 ms** as the typical window: roughly the mean ± 2
# standard deviations of the awake mentalis values, 7.6–12.0 ms (derived from [N50:A]); for
# orbicularis oculi the same rule gives 6.8–11.2 ms. In the model, the latency stays inside the window
# in both directions wherever a response exists [TC:T]; the end of this section shows why, and the
# exercise compares both directions with patients.

# %%
lsr = ct.lateral_spread_response(0.8, 0.7, "zygomatic", "mentalis")
own = ct.direct_response("zygomatic")          # the stimulated branch's own muscle
hfs.show(lsr_fig.lsr_figure(lsr, own), "3.6")
print(f"LSR onset {lsr.latency_ms:.1f} ms; ephaptic transfer of the first unit {lsr.transfer_time_ms:.2f} ms")

# %% [markdown]
# **Where do the 10 ms go?** The direct response of the stimulated branch's own muscle starts about
# 1–2 ms after the stimulus, because the stimulus is close to the muscle. The LSR is much later
# because the impulse first travels *backwards* (antidromically) up the stimulated fibres to the
# root exit zone, crosses to fibres of another branch, and travels all the way back down to a
# different muscle. The crossing itself takes about 1 ms: recording from the nerve 3 mm beyond the
# compression during surgery, one group saw a second peak 1.1 ms after the first, which vanished
# together with the LSR when the vessel was moved [N52:B]. An alternative route through the facial
# nucleus would need a longer detour, a point section 8 returns to.
#
# `ct.latency_budget` splits the model's latency into these parts for the first motor unit to
# answer, and Figure 3.7 stacks them. The parts add up to the moment that unit reaches the muscle;
# the onset read from the trace comes a little later, where the summed motor-unit potentials
# become visible.

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
# **Why the latency hardly depends on how bad the lesion is.** In patients the LSR comes at about
# the same time from one person to the next: about 10 ms in all 40 patients of one series [S59:A],
# with a standard deviation of about 1 ms (1.1 ms [N50:A], 0.72 ms [N57:A]). A worse lesion could
# make the model's response *earlier* in two ways. A stronger drive fires a neighbour sooner, down to
# the 0.1–0.24 ms measured between single bare fibres in mouse roots [N53:A]; and it recruits fast
# fibres, which are quicker on the way back to the muscle. Without the two teaching calibrations
# below [TC:T], the model's response came as early as 7.6–7.8 ms at severe lesions, about 2 ms
# earlier than near threshold and more than 1 SD below the patients' means [N50:A]. Each
# calibration rests on an observation:
#
# 1. **A minimum time to fire.** An ephaptically depolarised, demyelinated node has to charge its
#    large exposed membrane and build up its sodium current before its impulse regenerates,
#    however strong the drive. The model does not let the transfer fall below 1.0 ms, the
#    transmission time estimated in patients [N52:B]; only a neighbour driven barely to threshold
#    takes longer.
# 2. **Only slow fibres cross-talk** [S49:A], as in section 5, so the answering unit always
#    returns at less than 32 m/s, not at up to 46 m/s [TC:T].
#
# The cell below scans every lesion state on a grid and keeps those that produce an LSR.

# %%
import numpy as np

grid = np.linspace(0.0, 1.0, 21)
for branch, muscle in (("zygomatic", "mentalis"), ("marginal mandibular", "orbicularis oculi")):
    results = [ct.lateral_spread_response(d, c, branch, muscle) for d in grid for c in grid]
    onsets = np.array([r.latency_ms for r in results if r.present])
    print(f"{branch} -> {muscle}: {onsets.size} lesion states with an LSR, onset {onsets.min():.1f}-"
          f"{onsets.max():.1f} ms, median {np.median(onsets):.1f} ms")

# %% [markdown]
# The model's range is about a millisecond, no wider than the patients' standard deviation, and the
# latest responses come from lesions that barely reach threshold. Keep in mind what this agreement means: the two
# calibrations were chosen so that the latency lands here [TC:T]. The model shows that the
# observations fit together (a 1 ms crossing, slow fibres, the measured distances and velocities),
# not that they had to.

# %% [markdown]
# ### Try it: record a lateral spread response
#
# You are the neurophysiologist. The upper trace is the muscle of the branch you stimulate (its
# ordinary direct response); the lower trace is the muscle you record from. The shaded band marks
# the typical 8–12 ms window and a dashed line marks the onset the model measures. The text under
# the figure reports the latency and whether it lies in the window.
#
# **Controls.** *stimulate*: the branch you stimulate. *record from*: the muscle you record.
# *demyelination* and *compression*: the lesion, 0–1 each, as before. *decompressed*: the surgeon
# moves the vessel away; compression becomes 0, but the damaged myelin stays as it is. All model
# numbers are teaching calibrations [TC:T].
#
# **Questions to explore:**
# - At the default settings, read the onset latency. Is it in the window? Which segments of
#   Figure 3.7 account for most of it?
# - Reverse the montage: stimulate the marginal mandibular branch and record orbicularis oculi. Is
#   there a response, and is its latency similar? Nielsen found transmission in both directions
#   [S49:A].
# - Set demyelination to 0. Then restore it and press *decompressed*. What does the surgeon see on
#   the monitor, and what has *not* changed inside the nerve?
# - At demyelination 0.8, lower the compression until the response disappears. What happens to the
#   latency just before it does, and why might a barely sufficient drive take longer to fire a
#   neighbour?
# - Now push demyelination and compression towards the top. Does the latency get shorter as the
#   lesion worsens? Which parts of Figure 3.7 would have to shrink, and what stops them?
# - Record from the muscle of the branch you stimulate. Why is that not a lateral spread?

# %%
from hfs_edu.widgets.crosstalk import LSRView

LSRView()

# %% [markdown]
# ## 7. How good a test is the LSR?
#
# "How good is the test?" hides two different questions.
#
# **Diagnosis: does this patient have HFS?** The LSR is present in almost everyone with HFS: in
# 40 of 40 patients during surgery [S59:A] and 23 of 23 awake patients [N50:A]; recording from
# orbicularis oris, another group found it in 24 of 28 patients (86%) [N201:A]; it was absent on
# the preoperative EMG of 13 of 306 candidates for surgery (4.2%), most of whom were nevertheless
# cured [S61:A]. It is absent in healthy people [N50:A]. But it is not unique to HFS: after a facial
# palsy, regenerating fibres may grow into the wrong branches, and the response was found in
# 79.5% of 78 patients with post-paralytic synkinesis, against 100% of 132 with HFS [S62:A]. So
# the LSR separates HFS from blepharospasm or tics, but the history, not the test, separates it
# from post-paralytic synkinesis.
#
# **Prognosis: the LSR disappears during surgery; is the patient cured?** Surgeons watch the
# response while they move the vessel. Three meta-analyses have pooled how well its final state
# predicts the outcome, and at first sight they disagree (Figure 3.8, panel A):
#
# - 26 studies, 7,479 patients: specificity 89–90% and sensitivity 40–41%, at discharge, 3 months
#   and 1 year [S63:A];
# - 42 studies: sensitivity 91.1% and specificity 45.1% in the short term, 87.1% and 39% in the
#   long term [S65:A];
# - a third: sensitivity 0.91 and specificity 0.34 in the short term [S66:A].
#
# The numbers look reversed because they are. The first analysis calls the test "positive" when
# the LSR **persists**, and asks whether that predicts **persisting spasm**. The third calls it
# positive when the LSR **disappears**, and asks whether that predicts **cure** [S66:A]; the second
# appears to use the same direction as the third (its abstract does not say, but its numbers
# match). Sensitivity in one framing is specificity in the other. Aligned (panel B), all three
# agree: about 9 in 10 cured patients lose their LSR, but only about 3 to 4.5 in 10 patients whose
# spasm continues keep theirs [S63:A; S65:A; S66:A].

# %%
hfs.show(dx_fig.lsr_diagnostic_figure(ct.aligned_meta_analyses()), "3.8")

# %% [markdown]
# **Specific, not sensitive: what that means at the bedside.** Specificity is high, so a
# persisting LSR is rare in patients who will be cured. Sensitivity is low, so most patients whose
# spasm persists had *lost* their LSR on the table. Predictive values depend on how common the
# outcome is. Take 1,000 operated patients: about 91.1% are cured in a large systematic review
# [S13:A], so about 89 will keep their spasm. Apply a sensitivity of 40% and a specificity of 89%
# [S63:A]:

# %%
counts = ct.natural_frequencies(sensitivity_pct=40, specificity_pct=89, persist_pct=8.9)
print(f"LSR persisted: {counts.ppv_pct:.0f}% of these patients keep their spasm")
print(f"LSR disappeared: {counts.spasm_if_lsr_gone_pct:.0f}% of these patients keep their spasm")
hfs.show(dx_fig.outcome_frequency_figure(counts), "3.9")

# %% [markdown]
# The arithmetic lands close to what the first meta-analysis measured directly: at 1 year, spasm
# persisted in 24.4% of patients whose LSR had persisted and in 4.0% of those whose LSR had
# resolved [S63:A]. A persisting LSR is therefore a warning, worth a second look for a missed
# vessel before closing [S63:A], not a verdict. And the warning fades with time: spasm persisted
# in 47.8% of such patients at discharge but in 24.4% at one year [S63:A], in keeping with the
# delayed relief many patients experience (median 30 days to become spasm-free [S150:A]).
#
# **Where the sources disagree.** One meta-analysis found cure 4.2 times more likely when the
# response was abolished and recommended routine monitoring [S64:A]. But in a prospective
# comparison of 283 patients, relief at one year was similar with and without monitoring (93.1% vs
# 94.2%) [S79:A]; the link with long-term outcome was not significant in 10 of 16 long-term studies
# [S77:A]; and the third meta-analysis called the disappearance "almost ineffective" for predicting
# the long-term outcome [S66:A]. They agree on one point: the LSR predicts the short-term outcome
# better than the long-term one. An LSR still present one month after surgery predicted a worse
# outcome at one year (PPV 50.7%) [S81:A], and a persisting LSR raised the odds of recurrence (OR
# 9.44) [S82:A].

# %% [markdown]
# ## 8. Two theories: where does the signal jump?
#
# Everything so far assumed that the impulse crosses between fibres **at the compression site**:
# the peripheral, or ephaptic, theory. The alternative holds that the crossing happens in the
# **facial motor nucleus**: impulses travel backwards up the nerve, and motoneurons made
# over-excitable by years of irritation fire neighbours that supply other muscles. Figure 3.10
# draws both routes.

# %%
hfs.show(dx_fig.two_theories_figure(), "3.10")

# %% [markdown]
# | Finding | Source | Points to |
# |---|---|---|
# | Impulses crossed between the zygomatic and mandibular branches in **both directions**, through a fraction of slow-conducting fibres; after-activity at 250–350 Hz; overbreathing triggered spasms | [S49:A] | peripheral |
# | The intracranial root has no fascicles and only an arachnoid covering, and shows demyelination in HFS | [S51:B] | peripheral |
# | With **double stimulation**, the second LSR followed a fixed refractory period without facilitation, like an axon rather than a pool of motoneurons | [S57:A] | peripheral |
# | A nerve action potential 3 mm beyond the compression had a second peak **1.1 ms** after the first, which vanished with the LSR after decompression; 1.1 ms is too short for a trip to the nucleus | [N52:B] | peripheral |
# | Diazepam, which damps motoneurons, abolished or slowed the synkinetic blink response in all 6 patients but left the LSR latency unchanged | [N200:A] | peripheral |
# | The site of cross-transmission follows the lesion: cerebellopontine angle in idiopathic HFS, petrous bone after Bell's palsy, extracranial after a hypoglossal–facial anastomosis | [S56:A] | peripheral |
# | Eye–mouth synkinesis disappeared rapidly after decompression, often within 10 days, in 81% of patients without earlier nerve-block procedures | [N207:A] | peripheral |
# | Recordings from the intracranial nerve during surgery made ephaptic transmission at the lesion an unlikely explanation | [N204:A; S50a:B] | central |
# | **F waves** (motoneurons backfiring) were larger, longer and more frequent on the spasm side, and normalised after successful surgery | [N205:A] | central |
# | The durations of the LSR's after-discharge and of the enhanced F wave were correlated, so the LSR looked like an "exaggerated F wave" | [N206:A] | central |
# | Daily electrical stimulation of a rat's facial nerve produced an LSR-like response (6.5–15 ms) in 12 of 18 rats; it disappeared 4–8 weeks after stimulation stopped | [N208:A] | central |
# | In rats, blocking conduction in the nerve *between* the artery and the brainstem abolished the abnormal response | [N203:A] | central |
# | Thresholds for a late response to magnetic stimulation differed between the spasm side and the normal side (by 20.7 ± 13.0%), and the difference disappeared after surgery in the one patient retested | [N202:A] | central |
# | Delayed facio-facial blink responses with shortened trigemino-facial ones; 5 of 53 patients were hyperactive in both | [S52:A] | both |
# | The LSR could be evoked by skin stimulation (88%) and by facial nerve stimuli too weak to excite motor fibres (43%), like a trigeminal reflex | [N201:A] | a third view |
#
# Reviews still differ. One from 2023 notes that recent electrophysiology increasingly favours a
# central mechanism [S54:B]; one from 2018 judges a purely nuclear origin unlikely and favours a
# mechanical trigger with ephaptic cross-talk at the compression site [S55:B]. The two theories
# need not exclude each other: a peripheral trigger that keeps sending abnormal impulses up the
# nerve could, over years, make the nucleus hyperexcitable through maladaptive plasticity
# [S50a:B], and both would subside once the trigger is removed, the nucleus perhaps more slowly.
#
# **What the toy model can and cannot say.** It shows that the peripheral mechanism is
# *sufficient*: with distances and velocities inside the measured ranges, a crossing at the root
# exit zone produces a response close to the measured 9–10 ms (the exercise asks how close), in
# both directions, with bursts at 250–350 Hz, eye and mouth co-contraction, and a response that
# vanishes when the vessel is moved. That is a useful
# consistency check. It cannot show that the central theory is wrong, because the model has no
# nucleus. Its coupling strengths are teaching calibrations [TC:T], tuned to reproduce the very
# latencies it "predicts" (including the minimum transfer time and the slow-fibres-only rule of
# section 6), and 24 fibres are not 7,000 [N1:C]. A model that fits what it was
# fitted to proves little; its value is in making the argument explicit and testable.

# %% [markdown]
# ## 9. Decompression in the model
#
# Microvascular decompression moves the vessel off the nerve and keeps it away with a small pad.
# In the model this sets compression to 0, while the damaged myelin stays and recovers slowly
# (chapter 02's repair process, months at the age of 50 [TC:T]).

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
# In the model, removing the pressure restores the extracellular space at once, the drive on the
# neighbours falls below threshold, and the LSR disappears immediately, unless the axons are
# nearly bare. That matches the operating theatre: the response was eliminated in 131 of 145
# patients (90.34%) [S79:A]; in 85 patients it disappeared completely in 32 and was much reduced in
# 41 when the vessel was held away [N57:A].
#
# Patients studied in the weeks after surgery tell a slower story. In 59 patients Nielsen found,
# one week after decompression, ephaptic transmission gone in only 23%, and changed from two-way
# to one-way in 45%; after-discharges had gone in 64% and synkinesis in 53%. At 2–8 months,
# transmission was abolished in 73% (one-way in 17%), and after-discharges and synkinesis had gone
# in 90% [S50:A]. Clinical relief follows a similar clock (median 30 days [S150:A]).
#
# The toy model reproduces the immediate effect of decompression but not this slow fade for a
# moderately damaged nerve. Two explanations are possible, and the model cannot choose between
# them: cross-talk that depends on the damaged membrane itself and fades only as myelin is
# rebuilt, or a hyperexcitable nucleus that calms down over weeks, as the enhanced F waves
# normalise after surgery [N205:A] and the rat responses faded 4–8 weeks after stimulation stopped
# [N208:A]. An honest model says where it stops.

# %% [markdown]
# ## Exercise
#
# A patient's facial nerve has lost most of its myelin at the root exit zone: demyelination 0.8
# in the model [TC:T].
#
# 1. Find the lowest compression, in steps of 0.05, at which the model shows a lateral spread
#    response when you stimulate the zygomatic branch and record mentalis.
# 2. At compression 0.7, record the LSR in both directions (zygomatic to mentalis, and marginal
#    mandibular to orbicularis oculi). Are both within the 8–12 ms window? Compare each with the
#    patients' values for the same montage, 9.76 ± 1.1 ms and 9.0 ± 1.09 ms [N50:A]: how many
#    standard deviations away is the model? Then compare the two latency budgets: which part
#    makes the difference between the directions?
# 3. What does the model predict the moment the vessel is moved away (compression 0)? Which part of
#    Nielsen's findings after decompression [S50:A] does it fail to reproduce?
#
# Use `ct.lateral_spread_response(demyelination, compression, stimulate_branch, record_muscle)`;
# its result has `.present`, `.latency_ms` and `.n_units`. `ct.latency_budget(...)` takes the same
# arguments and its `.parts()` gives the legs in ms. Work in the empty cell, then compare with the
# worked solution.

# %% tags=["exercise"]
# Your code here


# %% [markdown]
# **Worked solution** (click the three dots "···" to expand the hidden cell):

# %% tags=["solution"]
import numpy as np

# 1. Scan compression from 0 to 1 at demyelination 0.8.
for compression in np.arange(0.0, 1.0001, 0.05):
    lsr = ct.lateral_spread_response(0.8, round(compression, 2), "zygomatic", "mentalis")
    if lsr.present:
        print(f"1. First LSR at compression {compression:.2f}: {lsr.n_units} unit(s), onset {lsr.latency_ms:.1f} ms")
        break
# Near threshold only the most excitable (slow, thin) fibres answer, and the barely sufficient
# drive charges their membrane slowly, so the first responses come a little later.

# 2. Both directions at compression 0.7, compared with patients (mean, SD in ms) [N50].
montages = {("zygomatic", "mentalis"): (9.76, 1.1), ("marginal mandibular", "orbicularis oculi"): (9.0, 1.09)}
for (branch, muscle), (mean, sd) in montages.items():
    r = ct.lateral_spread_response(0.8, 0.7, branch, muscle)
    z = (r.latency_ms - mean) / sd
    print(f"2. {branch} -> {muscle}: onset {r.latency_ms:.1f} ms, in 8-12 ms: {lsr_fig.in_window(r.latency_ms)}, "
          f"{z:+.1f} SD from patients")
    b = ct.latency_budget(0.8, 0.7, branch, muscle)
    print("   budget: " + ", ".join(f"{part} {ms:.2f} ms" for part, ms in b.parts().items()))
# The response appears in both directions, as Nielsen found [S49], and both lie in the window.
# Read the z-scores: within +-2 SD the model is compatible with patients, and a negative sign means
# it answers early. Here it is about half an SD early for mentalis and close to the mean for
# orbicularis oculi, and near the intraoperative means (8.96 ms [N57]; 8.69 and 9.10 ms [N58]).
# That closeness was built in by the calibration [TC], so it is a consistency check, not a test.
# The budgets differ only in the last part: the same volley and the same slow fibre cross, but
# orbicularis oculi has the shorter distal motor latency (2.70 vs 2.97 ms [N51]). In patients the
# gap is larger (9.0 vs 9.76 ms [N50]), so something the model leaves out (electrode sites, the
# branch lengths, which fibres cross) adds to it. A fixed 8-12 ms window suits the mentalis montage;
# for orbicularis oculi, 9.0 +- 2 x 1.09 gives 6.8-11.2 ms.

# 3. Decompression: the myelin damage stays, but the extracellular space returns.
after = ct.lateral_spread_response(0.8, 0.0, "zygomatic", "mentalis")
print(f"3. Vessel moved away: LSR present = {after.present}")
# The model loses the LSR at once. Nielsen's patients [S50] lost it gradually: only 23% at one
# week, 73% at 2-8 months, so the model misses the slow component (myelin repair or central
# changes that settle over weeks).

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("03_crosstalk")

# %% [markdown]
# ## Key takeaways
#
# - Healthy myelin and a roomy, fluid-filled extracellular space keep the ephaptic influence of
#   one fibre on another far below threshold; a vessel touching a healthy nerve does not make
#   fibres talk [S50a:B; N60:A].
# - Demyelination slows conduction and can block it, but over a 2.5 mm lesion it hardly changes
#   nerve conduction latencies, which are normal in HFS [N6:A; S53:A; N54:A].
# - Cross-talk needs exposed membrane **and** compression that crowds the fibres; then a single
#   ectopic burst (250–350 Hz [S49:A]) can spread across branches, and eye and mouth contract
#   together [N50:A].
# - The lateral spread response (stimulate one branch, record another branch's muscle) appears
#   at about 9–10 ms, the time to reach the root exit zone, cross in about 1 ms and return
#   [N50:A; N57:A; S59:A; N52:B]. It varies little between patients; in the model it stays there
#   because the crossing takes at least about 1 ms and only slow fibres cross [S49:A; TC:T].
# - As a diagnostic sign it is present in almost all patients with HFS but also after facial palsy
#   [S59:A; S62:A]. As an intraoperative predictor it is specific but not sensitive: a vanished
#   LSR is reassuring, a persisting one is a warning, not a verdict [S63:A; S66:A].
# - Peripheral (ephaptic) and central (nuclear) theories both have evidence; the toy model shows
#   that the peripheral route is sufficient, not that the central one is wrong.
# - Moving the vessel abolishes the LSR at once in most operations, but abnormal signs fade over
#   weeks to months after surgery [S79:A; S50:A].
