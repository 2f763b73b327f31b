# %% [markdown]
# # 09 · The virtual patient: choosing a treatment together, over years
#
# Mrs Ana Ortiz comes back. It is two years since the first flicker of her left lower eyelid; now,
# in front of her class, the eye squeezes shut several times an hour and the left corner of her
# mouth is pulled up with it. She has read about tablets, injections and an operation on the brain.
# "What would you do?" she asks. This last chapter puts the course together: you will play her
# course over the next three years under different plans, with the uncertainty the evidence
# leaves, meet two other patients with other lives and other wishes, and practise the part no
# model can do for you: deciding *with* the patient. (Mrs Ortiz and the other two patients are
# teaching cases [TC:T].)

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. set out the four options for a patient with HFS (watchful waiting, an oral drug, botulinum
#    toxin every three months, referral for microvascular decompression) with what the evidence
#    says about the benefit and the harm of each;
# 2. play a virtual patient's course under a plan and read its timeline: the spasm with and
#    without treatment, the injections and the operation, side effects and complications;
# 3. compare plans side by side (months with good control, months with side effects, the risk
#    taken) and explain why one possible future is not a prediction;
# 4. use the steps of shared decision-making to match the options to what matters to a patient;
# 5. say what the evidence, and the model, cannot tell about one person.
#
# **Estimated time:** about 45 min core path (+1 min going deeper)
#
# **Prerequisites:** chapters 04 (how the spasm spreads untreated), 07 (oral drugs and botulinum
# toxin) and 08 (microvascular decompression). No new physiology.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.models import botulinum, mvd
from hfs_edu.models import virtual_patient as vp

hfs.setup()

# %% [markdown]
# ## 1. Three patients, four options
#
# The table holds the three virtual patients: their age, work, how their spasm began and how long
# ago, other illnesses and medicines, and what they want. The last columns feed the untreated-course
# model of chapter 04 [TC:T].

# %%
hfs.show_table("virtual_patients", columns=["name", "age_years", "job", "onset", "years_since_onset",
                                            "other_illnesses", "medicines", "preferences"])

# %% [markdown]
# The four options, and what the course's sources say about each:
#
# - **[Watchful waiting](glossary.md#watchful-waiting)**: no treatment for now, and a plan to look
#   again. Untreated HFS is rarely dangerous, but it seldom goes away: in one clinic's 104
#   untreated patients, 38.5% were unchanged and 10.6% worse after a mean of 6.4 years, while
#   41.3% remitted [S97:A]. Those 104 were a selected group (patients who declined treatment);
#   in a large unselected clinic remission was 5.7% [N602:A].
# - **An oral drug** (here carbamazepine). No drug has shown benefit in a controlled trial; the only
#   randomised trial, of clonazepam, was negative [S116:A], and the response rate "is low and
#   evidence is almost exclusively anecdotal" [S99:B]. The model gives the drug a small, uncertain
#   relief and a 30% chance of dizziness or drowsiness [TC:T].
# - **[Botulinum toxin](glossary.md#botulinum-toxin)** every three months: 89–96% of patients
#   respond in HFS series [S132:A; N715:A], benefit lasts about 12–13 weeks [S119:A], and it was
#   unchanged after ten years of injections [S119:A]. Side effects are local and transient:
#   a drooping eyelid in 3.3–16.7% and facial weakness in 9.1–17.9% of patients [S110:A; N715:A;
#   S123:A].
# - **Referral for [MVD](glossary.md#MVD)**: the only option aimed at the cause. In a systematic
#   review of 5,685 patients, 91.1% were spasm-free [S13:A]; across series the figure runs from
#   62% to 97%, depending on the definition and the follow-up [S160:A; S137:A]. The price is a
#   small risk of permanent harm: hearing loss 2.3% and facial weakness 0.9%, stroke and death each
#   about 0.1% [S13:A]; in three series 2.9–7.1% of patients kept some permanent complication
#   [S145:A; S161:A; S141:A].
#
# The model uses these rates as teaching calibrations inside the sourced ranges [TC:T]:

# %%
print(f"toxin responders: {botulinum.RESPONDER_PROBABILITY:.0%}; cured by MVD: {mvd.EVENTUAL_CURE:.0%}")
print(f"risk of a permanent complication of one MVD: {vp.MVD_PERMANENT_RISK:.1%} (any: {vp.MVD_ANY_RISK:.0%})")

# %% [markdown]
# ## 2. One possible future
#
# A **virtual patient** is played day by day for three years from today's visit. The untreated
# spasm comes from chapter 04's model for her history (it keeps spreading unless it remits); each
# treatment removes a share of it, as in chapters 07 and 08. Everything the evidence leaves to
# chance is drawn once: whether she responds to the toxin and how long each injection lasts for
# her, each injection's side effects, whether the operation cures her, when, and with which
# complications. One draw is a [possible future](glossary.md#possible-future), fixed by a *seed*:
# the same seed gives the same future, another seed another one [TC:T].
#
# "Good control" means a spasm at most a quarter of the scale, so mild that it hardly shows
# [TC:T]. Here is one future of Mrs Ortiz with injections every three months:

# %%
course = vp.simulate("ortiz", "botulinum", years=3.0, seed=0)
print(f"good control {course.good_control_months:.0f} of {course.months:.0f} months; "
      f"side effects {course.side_effect_months:.1f} months; injections {course.injections}")

# %%
hfs.show(figs.virtual_course_figure("ortiz", "botulinum", seed=0), "9.1")

# %% [markdown]
# Read the figure from the top: the injections (triangles), the side effects (bars), then the
# spasm, untreated (dashed) and with the plan (solid). Each injection brings the spasm down within
# days; it wears off before the next one if the toxin's effect is short for her, and the untreated
# spasm keeps growing underneath, so later cycles fight a stronger spasm [TC:T].

# %% [markdown]
# ## 3. The same future under four plans
#
# To compare plans fairly, play them against the **same luck**: with one seed, the patient's
# response to the toxin, the outcome of an operation and the untreated course are the same
# whatever the plan. Figure 9.2 shows Mrs Ortiz's future 0 under the four single choices.

# %%
hfs.show(figs.virtual_courses_figure("ortiz", seed=0), "9.2")

# %% [markdown]
# One future can mislead: in another, the toxin may fail or the operation may not cure. Figure 9.3
# and the table below average 20 futures per plan, and add a fifth plan with a
# [decision point](glossary.md#decision-point): injections for a year, then the operation.

# %%
table = vp.compare_strategies("ortiz", years=3.0, seed=0, futures=20)
table["risk_permanent_harm_pct"] = 100 * table["risk_permanent_harm"]
table[["strategy", "good_control_months", "good_control_months_min", "good_control_months_max",
       "side_effect_months", "risk_permanent_harm_pct"]].round(1)

# %%
hfs.show(figs.strategy_comparison_figure("ortiz", futures=20), "9.3")

# %% [markdown]
# Three things to notice. Watchful waiting and the drug give almost no good control for her, and the
# drug adds side effects [TC:T]. The toxin and the operation both give most of the three years,
# but the whiskers are long: the range over futures is far wider than the difference between the
# plans. And only plans with an operation take a risk of permanent harm, the same few percent for
# everyone who chooses it, whatever then happens [TC:T].

# %% [markdown]
# ### Try it: play the decisions
#
# The view plays one future of one patient under a plan of two choices: one at today's visit and
# one at a decision point. The table under the figure compares your plan with the four single
# choices in the same future.
#
# **Controls.** *patient*: which virtual patient. *year 0*: the first choice. *decision point*: the
# second choice (*same* keeps the first). *decision at year*: when the second choice is made.
# *possible future*: another draw of chance for the same plan.
#
# **Questions to explore**
#
# 1. Mrs Ortiz: year 0 *oral drug*, then *botulinum* at year 1, future 0. How many months of good
#    control does the first year give? Why?
# 2. Keep that plan and step the possible future from 0 to 10. How much do the good-control months
#    vary? In which futures is the toxin no help at all, and what is happening there?
# 3. Ms Novak wants one decision that ends it: choose *MVD* at year 0 and step futures 0 to 10. In
#    how many is she cured, and in how many does she keep permanent harm? What risk does the table
#    say she took?
# 4. Mr Berg, 74, on an anticoagulant: compare *botulinum* and *MVD* in futures 0 to 5. Which gives
#    more good control? What does the model *not* know about him that you would want to?

# %%
from hfs_edu.widgets.virtual_patient import VirtualPatientView

VirtualPatientView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. None: her untreated spasm is already above the good-control line, and the drug's small relief
#    cannot bring it down [TC:T]. Good control starts with the first injection at month 12.
# 2. From 0 to about 24 of 36 months [TC:T]. In futures 1 and 4 she does not respond to the toxin
#    (about 1 patient in 20 in the model, as in the series [S119:A]); in others the toxin works but
#    wears off early for her, or the untreated spasm has grown too strong for it to reach good
#    control.
# 3. Cured in all eleven; a transient complication in two (facial palsy, a lower cranial nerve
#    palsy), no permanent harm. The risk she took was still the same 3.4% [TC:T]: eleven futures
#    are far too few to see a risk of a few percent.
# 4. In these futures the operation gives more good control (about 33–36 against 0–36 months) [TC:T].
#    The model gives him the same surgical risks as everyone; it knows nothing of what his age,
#    heart disease and anticoagulant do to them, nor of bruising after injections (section 4).
# </details>

# %% [markdown]
# ## 4. Deciding together
#
# The model answers "what tends to happen"; it cannot answer "what should this person do". That
# needs [shared decision-making](glossary.md#shared-decision-making): the clinician and the patient
# share the best available evidence, and the patient is supported to consider the options and
# reach an informed preference [N1000:B]. One practical model has three steps [N1000:B]:
#
# - **Choice talk**: say that there is a real choice, and that it depends on what matters to her.
# - **Option talk**: describe each option, its benefits, harms and uncertainty, in numbers she can
#   use ("about 9 in 10 cured, about 3 in 100 left with a permanent problem" [TC:T]).
# - **Decision talk**: ask what matters most, and decide, now or at a later decision point.
#
# A [decision aid](glossary.md#decision-aid) (a leaflet or a tool like the view) helps: in
# randomised trials people using one knew more, perceived risks more accurately and were clearer
# about their values [N1001:A].
#
# **Reflection questions** (no single right answer; discuss them with a partner):
#
# - *Mrs Ortiz* wants her eye open in class and is afraid of brain surgery. Injections in the school
#   holidays fit her plan. What would you tell her about the 1 in 20 who do not respond, and what
#   would make her revisit surgery at the next decision point?
# - *Ms Novak* wants one decision, travels for work and accepts a small risk for a chance of cure.
#   Is the operation the obvious choice? What is the cost of waiting a year on injections first
#   (Figure 9.3, fifth row)?
# - *Mr Berg* would rather avoid an operation and lives far from the clinic. Four visits a year for
#   injections, or one operation with its risks: who should weigh that, and how?
# - A patient says "I'll take any risk to be rid of it"; another says "I would never accept even a
#   tiny chance of deafness". Both are [risk attitudes](glossary.md#risk-attitude): values, not errors.
#   How do you check that each has understood the numbers?
#
# **What the evidence can and cannot say.** The rates come from selected series, mostly of
# surgical centres, with different definitions of cure [S160:A; S13:A]. Some risks depend on the
# patient: complications were more frequent when the vertebral artery was involved [N737:A], and
# outcomes in young-onset patients were as good as in others [S157:A]. The course's tables give no
# complication rates for patients on anticoagulants or with heart disease, so the model gives
# Mr Berg the same rates as Ms Novak: that is a gap in the model, not a finding. And the model
# values only good-control months; a real person also weighs visits, costs, fear and hope.

# %% [markdown] tags=["deeper"]
# ### Going deeper: do many virtual patients reproduce the sources?
#
# *Optional: skip it on the core path.*
#
# A model of chance should reproduce, over many virtual patients, the rates it was calibrated to.
# The cell simulates 2,000 operations and 500 patients on the toxin and compares the counted rates
# with the model's probabilities; the tolerance is three
# [binomial standard errors](glossary.md#binomial-standard-error), the square root of p(1 - p)/n
# [TC:T]. The course's tests do the same with the sourced ranges of the tables.

# %% tags=["deeper"]
surgery, toxin = vp.population_rates("MVD", 2000, seed=1), vp.population_rates("botulinum", 500, seed=1)
palsy = mvd.complication_probability("facial_palsy")
for name, rate, p, n in (("cured by MVD", surgery.mvd_cured, mvd.EVENTUAL_CURE, 2000),
                         ("toxin responders", toxin.botulinum_response, botulinum.RESPONDER_PROBABILITY, 500),
                         ("facial palsy after MVD", surgery.complication_any["facial_palsy"], palsy, 2000)):
    se = (p * (1 - p) / n) ** 0.5
    print(f"{name}: {rate:.3f} (model {p:.3f} ± {3 * se:.3f})")

# %% [markdown]
# ## Exercise
#
# **Mrs Ortiz: most good control, and at what risk.** Use the table of section 3 (or Figure 9.3):
# Mrs Ortiz, three years, the same 20 possible futures for each plan. It practises reading a
# comparison of plans for what it says and what it hides.
#
# **Time:** about 12 min.
#
# No programming is needed: read the values from the table. Replace each `...` with your answer and
# run the cell: it marks each answer and gives hints.
#
# 1. Which plan gives the most months of good control on average (its name as in the table, in
#    quotes)?
# 2. How many months is that (out of 36)?
# 3. How many more months than botulinum toxin alone?
# 4. What risk of permanent harm (in %) does that plan take?
#
# Then, without a checker: would you recommend that plan to Mrs Ortiz? Write two sentences you would
# say to her, using her own wishes.

# %% tags=["exercise"]
from hfs_edu.exercises import check

best_plan = ...          # 1. e.g. "botulinum" (a name from the table's strategy column)
best_months = ...        # 2. its mean months of good control, out of 36
gap_vs_botulinum = ...   # 3. best plan minus botulinum alone, in months
risk_pct = ...           # 4. its risk of permanent harm, in percent

check("09", best_plan=best_plan, best_months=best_months, gap_vs_botulinum=gap_vs_botulinum,
      risk_pct=risk_pct)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models.virtual_patient import compare_strategies

by_plan = compare_strategies("ortiz", years=3.0, seed=0, futures=20).set_index("strategy")
best_plan = by_plan["good_control_months"].idxmax()           # 1. the largest mean
best_months = by_plan.loc[best_plan, "good_control_months"]   # 2.
gap_vs_botulinum = best_months - by_plan.loc["botulinum", "good_control_months"]  # 3.
risk_pct = 100 * by_plan.loc[best_plan, "risk_permanent_harm"]  # 4. taken on the day of the choice
# The gain over the toxin is a few months, smaller than the spread between futures; the toxin takes no
# risk of permanent harm. For Mrs Ortiz, who fears surgery, that trade-off is hers to weigh.
check("09", best_plan=best_plan, best_months=best_months, gap_vs_botulinum=gap_vs_botulinum,
      risk_pct=risk_pct, collapsed=True)

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("09_virtual_patient")

# %% [markdown]
# ## Key takeaways
#
# - Four options, four profiles. Watchful waiting costs nothing now, but untreated HFS seldom goes
#   away [S97:A; N602:A]; oral drugs have no controlled evidence of benefit [S116:A; S99:B];
#   botulinum toxin helps most patients for about three months at a time, with transient local side
#   effects [S119:A; S110:A]; MVD cures most patients once, at a small risk of permanent harm
#   [S13:A].
# - One possible future is a story, not a prediction. Compare plans against the same luck and over
#   many futures; the spread between futures is often larger than the difference between plans
#   [TC:T].
# - A risk is taken on the day of the choice, whatever then happens: a patient who was lucky did not
#   take a smaller risk.
# - Shared decision-making is choice talk, option talk and decision talk: the evidence from the
#   clinician, the values from the patient [N1000:B]; decision aids help people understand the
#   numbers and their own values [N1001:A].
# - Know the gaps: average rates from selected series, no rates for patients like Mr Berg, and a model
#   that counts months of control but not what a person values.
