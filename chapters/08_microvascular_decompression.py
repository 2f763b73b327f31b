# %% [markdown]
# # 08 · Microvascular decompression: moving the vessel off the nerve
#
# Mrs Ana Ortiz has had botulinum toxin injections every three months. They work, but each one wears
# off, and she is tired of a face that is calm for eight weeks and twitching for four [TC:T]. Her
# neurologist mentions an operation that could stop the spasm for good: the surgeon would move the
# artery loop of her MRI (chapter 02) off the facial nerve. She asks three questions. How often does
# it work? What can go wrong? And if she still twitches the week after, has it failed? (Mrs Ortiz is
# a teaching case [TC:T].) This chapter answers them from the surgical series, and uses the models
# of chapters 02 and 03 to explain why the answer to the third question is usually "no".

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. describe the operation step by step (approach, finding the offending vessel at the root exit
#    zone, interposition or transposition) and explain why it works;
# 2. say how often microvascular decompression cures the spasm, and why series report anything from
#    about 60% to 97% [S160:A; S137:A];
# 3. name its complications with their transient and permanent rates, and say which is the commonest
#    permanent one;
# 4. explain the delayed cure with chapter 02's repair model, and why reoperating too early is risky;
# 5. interpret the lateral spread response during surgery: what its disappearance or persistence
#    predicts, and what it does not.
#
# **Estimated time:** about 51 min core path (+8 min going deeper)
#
# **Prerequisites:** chapters 02 (the vessels, and the wear-and-repair model of the myelin) and 03
# (the lateral spread response, sensitivity and specificity). From anatomy: the cerebellopontine
# angle and the cranial nerves VII and VIII.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import compression, mvd

hfs.setup()

# %% [markdown]
# ## 1. When surgery is offered
#
# Botulinum toxin treats the symptom; it leaves the vessel where it is, so the injections go on for
# life. [Microvascular decompression](glossary.md#MVD) (MVD) treats the cause. A German review places
# it where medicines and injections are not enough, and reports success in about 85% [S8:B]. The
# choice is not only a last resort: a French series concludes that surgeons should propose it as soon
# as the injections become ineffective or poorly tolerated [S144:A], and some patients choose it
# first, for a cure rather than a schedule. In a systematic review of 22 studies and 5,685 patients,
# the spasm resolved completely in 91.1% over a median of 2.9 years [S13:A]: "about 90% cured" is
# the usual summary. Sections 4 and 6 show what that summary hides.

# %% [markdown]
# ## 2. The operation, step by step
#
# Figure 8.1 follows the steps: A the approach, B what the surgeon meets (the hearing nerve first,
# then the vessel at the root exit zone), C and D the two ways of keeping the vessel away.
#
# 1. **Approach.** Under general anaesthesia, through a cut behind the ear, the surgeon opens a
#    small window in the skull, a keyhole
#    [craniotomy](glossary.md#craniotomy), just behind the sigmoid sinus: the
#    [retrosigmoid approach](glossary.md#retrosigmoid-approach) [S144:A].
# 2. **Reaching the nerve.** Under the microscope the surgeon lifts the cerebellum gently and opens
#    the thin arachnoid around the nerves. [Cerebellar retraction](glossary.md#cerebellar-retraction)
#    stretches the hearing nerve, which the surgeon meets before the facial nerve. A series of 1,434
#    patients recommends working from below, along the lower cranial nerves rather than along the
#    hearing nerve, with sharp arachnoid dissection and as little retraction as possible [N961:A].
# 3. **Finding the [offending vessel](glossary.md#offending-vessel).** The surgeon follows the
#    facial nerve to the brainstem and inspects the [root exit zone](glossary.md#root-exit-zone). In
#    115 first operations the main offender was the [AICA](glossary.md#AICA) (anterior inferior
#    cerebellar artery) in 43%, the PICA (posterior inferior cerebellar artery) in 31% and the
#    vertebral artery in 23%; several vessels were involved in 38% [S33:A] (3–16% in other series
#    [S34:A; S35:A; S36:A]). Every one of them must be found.
# 4. **Keeping the vessel away.** In [interposition](glossary.md#interposition) a spacer, usually
#    [Teflon](glossary.md#Teflon) felt, is slipped between vessel and nerve. In
#    [transposition](glossary.md#transposition) the vessel is pulled away and fixed there with a
#    sling, a stitch to the dura or glue, so that no pad touches the nerve [N960:B]. In one cohort,
#    not transposing the vessel went with a slower cure [S150:A]. Too much Teflon, or a granuloma
#    around it, was found in 12.5% and 10.4% (in a series of 176 second operations) [S155:A].

# %%
hfs.show(figs.mvd_operation_figure(), "8.1")

# %% [markdown]
# **Why it works.** Jannetta described hemifacial spasm in 1975 as caused by a vessel compressing the
# nerve at the brainstem, reversed by moving the vessel away [S166:A]. No nerve is cut, and the
# offending artery is moved, not cut. In the
# language of chapters 02 and 03, the operation removes the *crowding* at once, and the damaged
# myelin can then *repair* over months. Section 3 shows the first effect on the monitor, section 6
# the second in the patients.

# %% [markdown]
# ## 3. Watching the nerve during surgery
#
# [Intraoperative monitoring](glossary.md#intraoperative-monitoring) records two signals during MVD.
#
# - **The lateral spread response** (chapter 03): stimulate the zygomatic branch, record the chin.
#   In a prospective series the response was eliminated in 131 of 145 monitored patients [S79:A];
#   yet in that comparison, monitoring did not improve the outcome at one week or at one year.
# - **[BAEP](glossary.md#BAEP)**, brainstem auditory evoked potentials: clicks in the ear and waves
#   recorded from the scalp. A wave V (the fifth wave, from the brainstem) delayed by 1 ms or halved in amplitude is the usual alarm
#   [S65:A], and a fall of more than half in amplitude went with hearing loss after surgery
#   [N961:A]. The surgeon then eases the retraction.
#
# What does the LSR at the end of surgery predict? In a meta-analysis of 26 studies, the spasm
# persisted at one year in 24.4% of patients whose LSR persisted and in 4.0% of those whose LSR
# resolved [S63:A]. The link is strongest in the short term; for the long-term outcome it is weak
# [S66:A]. An LSR still present one month after surgery predicted the one-year outcome better than
# the intraoperative one [S81:A]. The response under anaesthesia is not the response after surgery:
# in awake patients one week after decompression, the abnormal cross-talk had gone in only 23%, and
# after 2–8 months in 73% [S50:A], which fits a slow recovery (section 6).

# %% [markdown]
# ### Try it: monitor the lateral spread response
#
# The view runs chapter 03's model of Mrs Ortiz's nerve (demyelination 0.80, the vessel pressing
# at 0.70 [TC:T]). **A**: the root exit zone with the vessel; it indents the nerve as long as it
# presses, and the printed pressure is the model's; the grey pad goes in once the vessel is off. **B**: the chin (mentalis) after a zygomatic stimulus. **C**: the meta-analysis; the
# outlined bars are those that apply to what the monitor shows. The text below the figure gives the
# prediction in words.
#
# **Controls.** *vessel moved*: how far the surgeon has moved the vessel off the nerve, from none
# (still pressing) to all the way. *second vessel*: none, *missed* (a second vessel, not yet found,
# still presses) or *found and moved*.
#
# **Questions to explore**
#
# 1. Move the vessel one step at a time. At what setting does the response disappear? Has the
#    myelin changed?
# 2. Just before it disappears, how many motor units answer, and is the onset earlier or later than
#    with the vessel pressing?
# 3. Move the vessel all the way, then set *second vessel* to *missed*. What does the surgeon see,
#    and what should she do before closing? Then set it to *found and moved*.
# 4. With the response persisting, what share of patients still twitched at one year (panel C)? Is
#    a persisting response a verdict?

# %%
from hfs_edu.widgets.mvd import MonitoringView

MonitoringView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. At 70% [TC:T]: the compression in the model falls below the threshold of chapter 03
#    (about 0.24 at this myelin, printed in panel A), although the vessel still touches the nerve.
#    The myelin is exactly as damaged as before: only the crowding has
#    gone.
# 2. At 65% one motor unit answers, at about 10.2 ms, against two units at 9.2 ms with the vessel
#    pressing [TC:T]: a barely sufficient drive fires the neighbour slowly, as in chapter 03.
# 3. The response comes back: the second vessel keeps the nerve crowded. She should not close but
#    look for the second vessel and move it too; several vessels were involved in one series in 38%
#    of operations, in others in 3–16% [S33:A; S34:A; S35:A; S36:A], and a missed vessel is the
#    commonest finding at a second operation [S154:A; S156:A]. With *found and moved* the response
#    disappears.
# 4. 24.4%, against 4.0% when the response resolved [S63:A]. About three in four patients with a
#    persisting response are spasm-free at one year: it is a warning, not a verdict.
# </details>

# %% [markdown]
# ## 4. How often it works: outcomes across series
#
# Figure 8.2 places every first-operation series of the course's table on one axis, each dot sized
# by its number of patients. Half of the 20 series, holding most of the patients, lie between 85%
# and 95% (the diamond is a meta-analysis) [S13:A; S135:A]. The spread has reasons you can read off
# the labels:
#
# - **Definition.** "Excellent or good" counts a few remaining twitches as success: 94.6–96.7% in
#   large series [S136:A; S137:A]. "Complete resolution" does not: 88.5% (95% CI 86.7–90.4%) in a
#   meta-analysis of 27 studies [S14:A].
# - **Time point and method.** A prospective cohort assessed at 12 months found complete resolution
#   in 63.4% and at least 90% reduction in a further 13.9%, rated by the patients [S145:A]. Very
#   long follow-up also lowers the figure: Barker's series, followed for up to 20 years, reported 84%
#   excellent at 10 years [S12:A].
# - **Time point, again, in a small series.** The lowest value, 62%, is complete relief soon after the
#   operation in 13 patients; another 30% lost their spasm over 3 weeks to 2 months [S160:A].

# %%
hfs.show(figs.mvd_outcomes_figure(), "8.2")

# %% [markdown]
# ## 5. What can go wrong
#
# Most complications are transient. In the systematic review, facial palsy (9.5%), hearing deficit
# (3.2%) and [CSF leak](glossary.md#CSF-leak) (1.4%) were transient; hearing deficit (2.3%) and
# facial palsy (0.9%) were the commonest permanent ones, and stroke and death were each below 0.1%
# [S13:A]. Figure 8.3 shows how far series spread around these values.
#
# - **Hearing loss** is the commonest permanent harm: persistent in 0.4% of 1,434 patients
#   [N961:A], 1.1% in one large prospective series [S135:A], 15% in an early one [S140:A]. Counting
#   partial loss with deafness raises the totals: hearing was impaired in 9.1% in a French series
#   (unilateral deafness 5.45% and hearing loss 3.63%; the abstract calls only the facial palsy
#   permanent) [S144:A].
# - **Facial weakness** can start at once or after a delay.
#   [Delayed facial palsy](glossary.md#delayed-facial-palsy) began on days 2–23 after 7.4% of 1,354
#   operations, and most recovered fully, on average in 64 days [S142:A].
# - **Cerebellar or brainstem injury** from retraction or a damaged small vessel is rare:
#   cerebellar infarction or haemorrhage in 0.17% [S135:A], brainstem infarction in 0.3% [S12:A].
# - **Death** was 0.1% in Barker's series [S12:A]; one series had one death in 420, from herpes
#   encephalitis [S141:A].
#
# The black ticks are the course model's probabilities [TC:T], chosen inside the sourced ranges
# (tested). The cell prints them.

# %%
hfs.show(figs.mvd_complications_figure(), "8.3")
for name in ("hearing_loss", "facial_palsy", "csf_leak", "cerebellar_injury", "stroke", "death"):
    p_any, p_perm = (mvd.complication_probability(name, k) for k in ("any", "permanent"))
    print(f"{name:18s} any {p_any:6.2%}   permanent {p_perm:6.2%}   [TC]")

# %% [markdown]
# ## 6. The delayed cure
#
# Not everyone wakes up spasm-free. In 175 consecutive patients who were all eventually cured, 35.4%
# were spasm-free within 7 days; the median time to cure was 30 days, and 5 patients took more than
# a year [S150:A]. That cohort is the slowest in the course. Others were cured at once more often:
# 50.8% [N703:A], 55.63% [S96:A], 67% [S151:A], 72.3% of 415 (a series whose publication could
# not be traced) [N735:A] and 88% of 310 within 3 days [N962:A]; one series of 1,435 reports relief
# (not defined as complete) at once in 96.4% [N963:A]. The definitions of "at once" differ. The often-quoted "cure comes
# after about two months" fits only the slower patients. The blue curve of Figure 8.4 is the course
# model fitted to the 175 slow patients [TC:T]. It has two parts, a share cured at once and the rest
# cleared with a time constant of about 100 days [TC:T]. The green dashed curve is the course's
# default model: 90% eventually cured, failures and recurrences included, and a share cured at once
# set inside the middle half of the cohorts (about 58%) [TC:T]. Its open circles mark one and twelve
# months.

# %%
hfs.show(figs.mvd_cure_curve_figure(), "8.4")
print(f"delayed cures, time constant {mvd.DELAYED_CURE_TIME_CONSTANT_DAYS:.0f} days [TC]")
repair = compression.decompression_recovery(0.2, age_years=52)   # chapter 02, after the vessel is moved
print(f"chapter 02's myelin repair after decompression at 52: {repair.time_constant_days:.0f} days [TC]")

# %% [markdown]
# **The repair model behind it.** The two time constants match because chapter 02's repair rate
# was set from this cohort [TC:T]. So the match is a consistency check, not evidence. What it
# expresses is a hypothesis: the spasm stops at once when the crowding goes, and otherwise when
# enough myelin has grown back, as Nielsen proposed [S50:A]. A slowly calming facial nucleus would
# give the same curve (chapter 03). Late responders were older [S146:A], and the model repairs more
# slowly with age. Two cautions: the 175 patients contain no failures, and the curve's values at 1,
# 3, 6 and 12 months for cohorts with failures are interpolations of the model, not published
# numbers [TC:T]. In a series of 1,341 patients the outcome at 6–9 months already equalled the outcome
# after a year [S139:A].

# %% [markdown] tags=["deeper"]
# ### Going deeper: explore the cure curve
#
# *Optional: skip it on the core path.*
#
# The view draws the model's curve (failures and recurrences included) for a cohort you set, over
# the sourced points of Figure 8.4. The open circles mark one and twelve months; the text below
# the figure says how many are spasm-free after a week, and how many of those still twitching at a
# month would clear without a second operation.
#
# The view starts at the slow, all-cured cohort (the blue curve of Figure 8.4), not at the course's
# default model.
#
# **Controls.** *cured at once*: the share of the eventual cures that are spasm-free within the
# first week. *eventually cured*: the share of patients ever cured. *delay (days)*: the time
# constant of the delayed cures.
#
# **Questions to explore**
#
# 1. Raise *cured at once* from the fitted value to the first-days values of the other cohorts
#    (diamonds). Which part of the curve moves: the first months or the plateau?
# 2. Lower *eventually cured* to the lowest strict series of Figure 8.2, then raise it to the
#    highest. What moves now?
# 3. Halve the delay. In chapter 02's repair model, what kind of patient would remyelinate that
#    fast?

# %% tags=["deeper"]
from hfs_edu.widgets.mvd import CureCurveView

CureCurveView()

# %% [markdown] tags=["answer", "deeper"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. The first months: at 70% cured at once, about 78% are spasm-free at one month instead of about
#    50%, but the twelve-month value hardly changes (98% against 97%) [TC:T]. Cohorts that look
#    better early need not do better in the end.
# 2. The plateau: at 63% eventually cured, about 61% are spasm-free at twelve months; at 97%, about
#    94% [TC:T]. The text changes too: with many true failures, fewer of those twitching at one
#    month would still clear (about 46% instead of all of them in this all-cured cohort) [TC:T].
# 3. At a 50-day delay, about 63% are spasm-free at one month [TC:T]. In chapter 02's model repair is
#    faster in younger patients: its time constant is about 75 days at 30 years and 137 days at 70
#    [TC:T], and late responders were older in one series [S146:A].
# </details>

# %% [markdown]
# ## 7. Recurrence and a second operation
#
# **[Recurrence](glossary.md#recurrence).** After an initially successful MVD the spasm came back
# in 1.0% by one year, 1.7% by two and 2.9% by five [S47:A], and 86% of recurrences came within two
# years [S152:A]. In series of more than 50 patients recurrence ranges from 0.4% [S136:A] to about
# 11% [S36:A; S140:A], and up to 18% in a small series [S158:A].
#
# **Reoperation.** A [repeat MVD](glossary.md#repeat-MVD) was done in 1.2% of patients in the
# systematic review [S13:A], 9% in Barker's series [S12:A] and 18% of 55 in a small series
# [S158:A]. At the second operation surgeons most often find a missed vessel: in 10 of 21
# [S154:A] and in 21 of 27 ineffective first operations [S156:A];
# after a recurrence, adhesions are common [S156:A]. A second operation cures most (77.6% complete
# at a median 8.6 years) but leaves more permanent complications, 24.1% [S153:A].
#
# **When?** The sources disagree. One series advises reoperating if there is no improvement after a
# week [S36:A]; Barker found second operations less successful unless done within 30 days [S12:A].
# Others advise waiting much longer: in one series delayed remissions came after a median of 9.1
# months [S151:A], and an untraced 415-patient series advises at least a year [N735:A]. The best
# guide to who is a true failure is an LSR that persists after surgery [S81:A]: in a series of 1,435,
# the response was retested the day after surgery in the 51 patients not relieved; it was present in
# 48, and the 3 without it cleared within a week; all 31 reoperated within a week were relieved
# [N963:A]. A Taipei series concluded that reoperation can wait 3–4 weeks [N962:A]. Figure 8.5 shows the
# model's view of the trade-off: if every patient still twitching were reoperated, how many of them
# would have cleared anyway?

# %%
hfs.show(figs.mvd_reoperation_figure(), "8.5")
for days in (30, 182, 365):
    o = mvd.reoperation_outlook(days)
    print(f"decide at {days:3d} days: {o.candidates:4.0%} reoperated, {o.unnecessary_share:4.0%} of them needlessly [TC]")

# %% [markdown]
# In the course model, reoperating at one month would operate on about a third of all patients, and
# most of them would have cleared on their own [TC:T]. The model reoperates everyone still
# twitching; it leaves out what argues for acting earlier: a clearly missed vessel, a response that
# persists after surgery [S81:A], or Barker's finding [S12:A].

# %% [markdown]
# ## 8. Mrs Ortiz's course
#
# Mrs Ortiz has three injections, then a left retrosigmoid MVD nine months after her first visit:
# the AICA loop is lifted off the root exit zone and kept away with Teflon [TC:T]. Figure 8.6 draws
# one virtual patient of the model for her, on the course timeline of chapter 07. The last injection
# wears off, the spasm stops about ten weeks after surgery, and a delayed facial weakness from day
# 10 recovers within three months [TC:T]. The model draws the cure as a single day, although in a
# patient the spasm fades over weeks (section 6). This is one draw from the model's probabilities,
# not a prediction.

# %%
hfs.show(figs.mvd_patient_course_figure(), "8.6")

# %% [markdown] tags=["deeper"]
# ### Going deeper: why a persisting LSR predicts less in the long run
#
# *Optional: skip it on the core path.*
#
# In chapter 03's model the LSR vanishes once the crowding goes, and the myelin repairs afterwards.
# A response that persists at the end of surgery can mean a missed vessel, which would keep the
# spasm, or nerve so bare that it cross-talks without pressure, which may still repair. Over months
# the second kind clears, and the two groups look more alike: that is one reading of why the
# prediction weakens with time [S66:A; TC:T]. A persisting LSR after surgery was also linked to
# recurrence (odds ratio 9.44) [S82:A].

# %% [markdown]
# ## Exercise
#
# **Mrs Ortiz's operation.** She wants numbers. You will give her the course model's share of a
# typical cohort spasm-free at one and at twelve months (a calibration to the middle of the series,
# not her personal chance), the spread of success across the large series, the
# expected permanent hearing losses in 200 operations, and a decision for a month after surgery. It
# practises reading the cure curve and turning rates into counts.
#
# **Time:** about 10 min.
#
# You can read the answers from Figures 8.2, 8.4 and 8.5, or compute them with `mvd.cure_course()`,
# `mvd.complication_probability()` and `mvd.expected_events()`. Replace each `...` and run the cell.
#
# 1. The share (%) spasm-free one month after surgery, from the green dashed curve of Figure 8.4
#    (its open circle at one month; read it against the horizontal grid lines).
# 2. The same at twelve months.
# 3. The lowest and highest success (%) among the first-operation series of at least 1,000 patients
#    in Figure 8.2, as `(lowest, highest)`.
# 4. The expected number of permanent hearing losses in 200 operations with the model's rate.
# 5. One month after surgery she still twitches: `"wait"` or `"reoperate"`?

# %% tags=["exercise"]
from hfs_edu.exercises import check
from hfs_edu.models import mvd

at_1_month_pct = ...          # 1. % spasm-free at 1 month (model with failures)
at_12_months_pct = ...        # 2. % spasm-free at 12 months
large_series_range_pct = ...  # 3. (lowest, highest) % among series with >= 1,000 patients
hearing_losses_in_200 = ...   # 4. expected permanent hearing losses in 200 operations
decision_at_1_month = ...     # 5. "wait" or "reoperate"

check("08", at_1_month_pct=at_1_month_pct, at_12_months_pct=at_12_months_pct,
      large_series_range_pct=large_series_range_pct, hearing_losses_in_200=hearing_losses_in_200,
      decision_at_1_month=decision_at_1_month)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.data import load_table
from hfs_edu.exercises import check
from hfs_edu.models import mvd

# 1-2. The green dashed curve: 90% eventually cured [TC], minus recurrences, on a 1-day grid.
course = mvd.cure_course(400.0)
at_1_month_pct = round(100 * course.spasm_free[30], 1)
at_12_months_pct = round(100 * course.spasm_free[365], 1)
# 3. First MVD, at least 1,000 patients: read the dots with n >= 1,000.
out = load_table("mvd_outcomes")
big = out[(out["surgery_type"] == "first MVD") & (out["n_patients"].fillna(0) >= 1000)]["success_pct"]
large_series_range_pct = (big.min(), big.max())
# 4. Rate x number of operations (the model's permanent rate, inside the sourced 1.1-15%).
hearing_losses_in_200 = mvd.expected_events(200, mvd.complication_probability("hearing_loss", "permanent"))
# 5. Most patients still twitching at one month are delayed cures (Figure 8.5): wait.
decision_at_1_month = "wait"

check("08", at_1_month_pct=at_1_month_pct, at_12_months_pct=at_12_months_pct,
      large_series_range_pct=large_series_range_pct, hearing_losses_in_200=hearing_losses_in_200,
      decision_at_1_month=decision_at_1_month, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("08_microvascular_decompression")

# %% [markdown]
# ## Key takeaways
#
# - MVD treats the cause: through a small retrosigmoid opening the surgeon moves the offending
#   vessel off the root exit zone and keeps it away by interposition or transposition; no nerve is
#   cut and the artery is only moved [S166:A; N960:B].
# - It cures about 9 in 10 patients (91.1% complete resolution in 5,685) [S13:A]; series range from
#   about 60% to 97% because they define, time and assess success differently (the lowest counts only
#   relief soon after the operation) [S14:A; S145:A; S160:A].
# - Complications are mostly transient; permanent hearing loss is the commonest lasting harm (2.3%
#   in the review, 0.4–15% across series), stroke and death are rare [S13:A; N961:A; S140:A].
# - Many cures are delayed: in most series half to three quarters are spasm-free within days, but in
#   one all-cured cohort only a third were, the median was a month and a few took over a year
#   [S150:A]. The model explains it as myelin repair after the crowding has gone, a hypothesis the
#   data fit but do not prove. Most patients still twitching in the first weeks clear on their own;
#   surgeons differ on when to reoperate (a week [S36:A], 30 days [S12:A], many months [S151:A]),
#   and a response that persists after surgery points to a missed vessel [S81:A].
# - The LSR usually vanishes when the vessel is moved [S79:A]; a persisting LSR is a warning to look
#   for a missed vessel, not a verdict (spasm at one year in 24.4% vs 4.0%) [S63:A]. Monitoring
#   itself did not improve outcomes in a prospective comparison [S79:A].
# - Recurrence is uncommon and early (2.9% by five years) [S47:A]; a second operation often finds a
#   missed vessel and carries more complications [S154:A; S153:A].
