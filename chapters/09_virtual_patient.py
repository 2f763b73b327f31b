# %% [markdown]
# # 09 · The virtual patient: choosing a treatment together, over years
#
# Go back to the visit of chapter 07. It was two years after the first flicker of Mrs Ana Ortiz's
# left lower eyelid; in front of her class the eye squeezed shut several times an hour and the left
# corner of her mouth was pulled up with it. "What would you do?" she asked. She chose injections
# every 13 weeks (chapter 07); when each one wore off before the next, she chose an operation
# (chapter 08). That was one path through one possible future. This last chapter replays that first
# visit: the same patient on the same day, played over the next three years under other plans and
# other strokes of luck. You will meet two other patients with other lives and other wishes, and
# practise the part no model can do for you: deciding *with* the patient. (Mrs Ortiz and the other
# two patients are teaching cases [TC:T].)

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
# **Estimated time:** about 60 min core path (+1 min going deeper)
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
# ago, other illnesses and medicines, and what they want. The onset columns feed the untreated-course
# model of chapter 04 [TC:T]. All three have had an MRI showing a vessel against the facial nerve
# and no other cause (chapters 02 and 06); without that, the first step is imaging, not treatment.

# %%
hfs.show_table("virtual_patients", columns=["name", "age_years", "job", "onset", "years_since_onset",
                                            "other_illnesses", "medicines", "preferences"])

# %% [markdown]
# The four options, and what the course's sources say about each:
#
# - **[Watchful waiting](glossary.md#watchful-waiting)**: no treatment for now, and a plan to look
#   again. Untreated HFS is rarely dangerous, but it seldom goes away. In one clinic's 104 patients
#   followed without treatment, 10.6% worsened, 38.5% were unchanged, 9.6% improved partly and
#   41.3% remitted; remission began a mean of 6.4 years after onset and was not always permanent
#   [S97:A]. Those 104 had declined treatment, a selected group; in a tertiary referral series 5.7%
#   remitted [N602:A].
# - **An oral drug** (here carbamazepine). No drug has shown benefit in a controlled trial; the only
#   randomised trial, of clonazepam, was negative [S116:A], and the response rate "is low and
#   evidence is almost exclusively anecdotal" [S99:B]. A tablet is not free of risk: carbamazepine
#   carries boxed warnings for rare but serious reactions (SJS/TEN, aplastic anaemia and
#   agranulocytosis) [N742:B], can lower the blood sodium (in 26% of epilepsy patients [N745:A]),
#   weakens other drugs such as anticoagulants [N742:B; N1006:B], and needs blood tests before and
#   during treatment, and HLA-B\*15:02 testing in people of Han Chinese or Thai origin [N741:B].
#   The model gives the drug a small, uncertain relief and a 30% chance of dizziness or drowsiness
#   [TC:T]; its serious risks have no number in the model, so the tables name them instead.
# - **[Botulinum toxin](glossary.md#botulinum-toxin)** every three months: 89–96% of patients
#   respond in HFS series [S132:A; N715:A], benefit lasts about 12–13 weeks, and response and
#   benefit were unchanged after ten years of injections [S119:A]; in practice the dose is adjusted
#   to the response ([dose titration](glossary.md#dose-titration)) [S110:A]. Side effects are local
#   and usually wear off within weeks: in large series a drooping eyelid in 3.3–4.5% and facial
#   weakness in 9.1–17.9% of patients over years of injections [S110:A; N715:A]; in one early
#   12-patient series lower-face weakness was common and not always fully reversible [S123:A].
#   Bruising at the injection sites occurs too (2 of 49 patients in one series [S129:B]).
# - **Referral for [MVD](glossary.md#MVD)**: the only option aimed at the cause. In a systematic
#   review of 5,685 patients, 91.1% were spasm-free and the spasm returned in 2.4% [S13:A]; across
#   series the figure runs from about 63% (complete resolution at 12 months, prospective [S145:A]) to
#   97% (excellent or good [S137:A]), depending on the definition and the follow-up. The price is a
#   small risk of permanent harm: hearing loss 2.3% and facial weakness 0.9%, stroke and death each
#   under 1 in 1,000 [S13:A]; in three series 2.9–7.1% of patients kept some permanent complication
#   [S145:A; S161:A; S141:A]. Transient problems (a facial weakness for weeks, a CSF leak) are more
#   common.
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
# days; it wears off before the next one if the toxin's effect is short for her. The untreated
# spasm keeps growing underneath, and the model raises the dose with it (dose titration), so that
# each cycle controls the spasm as the first one did: in the real series the benefit was unchanged
# after ten years [S119:A]. A fixed dose in the model would lose control year by year, an artefact
# of the model, not a finding [TC:T].
#
# Side effects are drawn **per patient first**: a minority of patients is prone to, say, a
# drooping eyelid, and gets it after most of their injections; the others never do. Drawing each
# injection independently at a per-patient rate would give almost every patient a side effect
# within three years, which is not what the series report: their per-patient rates count "at least
# once over years", their per-injection rates count treatments [S110:A; N711:A] [TC:T].

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
# [decision point](glossary.md#decision-point): injections for a year, then the operation. The
# table shows the mean months of good control with the lowest and highest future, the months with
# side effects and with a complication of the operation, the injections, and the risk of permanent
# harm taken.

# %%
table = vp.compare_strategies("ortiz", years=3.0, seed=0, futures=20)
vp.readable_comparison(table)

# %%
hfs.show(figs.strategy_comparison_figure("ortiz", futures=20), "9.3")

# %% [markdown]
# Four things to notice. Watchful waiting and the drug give almost no good control for her, and the
# drug adds side effects [TC:T]. The toxin and the operation both give most of the three years and
# differ little on average, consistently across sets of futures; what happens to *her* varies far more
# than that (the whiskers). The toxin's price is an injection every three months and some weeks of
# side effects; the operation's is a short complication in about 1 in 6 operations and, in the
# model, the only risk of permanent harm, the same few percent for everyone who chooses it,
# whatever then happens [TC:T]. The drug's serious risks are real too but rare, and have no number
# in the model [N742:B].
#
# The plans are fixed in advance: in the model a patient with no response to the toxin gets a
# second try and then no more injections, and a failed operation is followed by nothing, while a
# real clinician would offer the other treatment. To decide *at* the decision point, play *same*,
# look at the first year, then choose the second step: the luck stays the same [TC:T].

# %% [markdown]
# ### Try it: play the decisions
#
# The view plays one future of one patient under a plan of two choices: one at today's visit and
# one at a decision point. The table under the figure compares your plan with the four single
# choices in the same future.
#
# **Controls.** *patient*: which virtual patient. *year 0*: the first choice. *decision point*: the
# second choice (*same* keeps the first). *decision at year*: when the second choice is made (it
# does nothing while the decision point is *same*). *possible future*: another draw of chance for
# the same plan; futures 0–19 are the 20 futures of the table above.
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
#    cannot bring it down [TC:T]. Good control starts about a week after the first injection, just
#    after month 12.
# 2. From 0 to about 24 of 36 months [TC:T]. In futures 1 and 4 she does not respond to the toxin
#    (about 1 patient in 20 in the model, as in the series [S119:A]); in the others the toxin works
#    but its effect is short for her, so part of each cycle is above the line.
# 3. Cured in all eleven; a transient complication in two (a facial palsy in future 2, a lower
#    cranial nerve palsy in future 6: the view's readout names them), no permanent harm. The risk
#    she took was still the same 3.4% [TC:T]: eleven futures are far too few to see a risk of a few
#    percent.
# 4. In these futures the operation gives more good control (33–36 months, against 0–36 with the
#    toxin) [TC:T]. In future 4 he responds only partly: each injection brings the spasm down, but
#    not below the good-control line. The model gives him the same surgical risks as everyone; it
#    knows nothing of what his age, heart disease and anticoagulant do to them (section 4).
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
# A [decision aid](glossary.md#decision-aid) (for example an evaluated leaflet or web tool) helps:
# in randomised trials people using one knew more, perceived risks more accurately and were
# clearer about their values [N1001:A]; for surgical decisions, fewer chose the invasive treatment
# [N1007:A]. The view shows the *idea* of a decision aid; it is a teaching model, not a validated
# decision aid for real patients.
#
# The reflection questions below have no single right answer. Discuss them with a partner, or
# write your answer down before you open the points a good answer covers. For Ms Novak, here are
# her plans over the same 20 futures:

# %%
vp.readable_comparison(vp.compare_strategies("novak", years=3.0, seed=0, futures=20))

# %% [markdown]
# **Reflection questions**
#
# - *Mrs Ortiz* wants her eye open in class and is afraid of brain surgery. Injections in the school
#   holidays fit her plan. What would you tell her about the 1 in 20 who do not respond, and what
#   would make her revisit surgery at the next decision point?
# - *Ms Novak* wants one decision, travels for work and accepts a small risk for a chance of cure.
#   Is the operation the obvious choice? What is the cost of waiting a year on injections first
#   (the table above, last row)?
# - *Mr Berg* would rather avoid an operation and lives far from the clinic. Four visits a year for
#   injections, or one operation with its risks: who should weigh that, and how?
# - A patient says "I'll take any risk to be rid of it"; another says "I would never accept even a
#   tiny chance of deafness". Both are [risk attitudes](glossary.md#risk-attitude): values, not errors.
#   How do you check that each has understood the numbers?

# %% [markdown] tags=["answer"]
# <details><summary><b>Points a good answer covers</b> (open after you have written yours)</summary>
#
# - *Mrs Ortiz*: 1 in 20 do not respond [S119:A], and they are known after the first one or two
#   injections, so she does not lose much by trying; a partial response, side effects she cannot
#   accept, or being tired of four visits a year are reasons to look at surgery again. Her fear is a
#   value to respect, and it can change.
# - *Ms Novak*: in the model the operation and the toxin give her about the same months of good
#   control; the operation ends the visits (her wish) at the price of the same small risk of
#   permanent harm (read the last column). A year on injections first costs little control, some
#   weeks of side effects and four visits, and takes the same risk a year later. "Obvious" is her
#   call, not the model's.
# - *Mr Berg*: he weighs the visits and the driving, the clinician brings what the model lacks (his
#   age, his anticoagulant, his heart; section below). Four visits a year are a real cost for him,
#   and so is stopping his anticoagulant for an operation.
# - *Risk attitudes*: ask each to say the numbers back in their own words ("about 3 in 100 left with
#   a permanent problem, such as deafness on one side"), use natural frequencies, and check that the
#   "any risk" patient has heard what the risk is and the "never" patient what the alternatives cost.
# </details>

# %% [markdown]
# **What the evidence can and cannot say.** The rates come from selected series, mostly of
# surgical centres, with different definitions of cure [S160:A; S13:A]. Some risks depend on the
# patient: complications were more frequent when the vertebral artery was involved [N737:A]. In
# 151 patients aged 30 or under, 96.7% improved, with no permanent facial palsy or hearing loss
# [S157:A]. Series comparing older and younger patients disagree: cure was similar, and in the
# largest (699 patients) complications, especially hearing loss, were more common at 60 or older
# even after adjusting for other factors [N1002:A]; two smaller series found no clear difference
# [N1003:A; N1004:A]. For Mr Berg an operation also means planning the interruption of his
# anticoagulant, which with atrial fibrillation carries a risk of stroke, with his cardiologist
# because of his stent [N1005:B]; injections are a much smaller procedure, though bruising at the
# injection sites is possible. A tablet is not harmless for him either: carbamazepine lowers the effect of
# anticoagulants (the apixaban label says to avoid the combination [N1006:B]), needs an ECG with
# heart disease and can lower sodium, which with dizziness raises the risk of falls at his age
# [N741:B; N745:A]. The model knows none of this: it gives Mr Berg the same rates as Ms Novak, a gap
# in the model, not a finding. And it values only good-control months; a real person also weighs
# visits, costs, fear and hope.

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
# **Mrs Ortiz: toxin or operation, and at what risk.** Use the table of section 3 (or Figure 9.3):
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
# 3. Botulinum toxin against the operation: the botulinum row's mean minus the MVD row's, in
#    months (it may be negative).
# 4. What risk of permanent harm (in %) does MVD take?
#
# Then, without a checker: which plan would you discuss first with Mrs Ortiz, and what would you
# say about the injections, the side effects and the risk? Write two sentences, using her own wishes.

# %% tags=["exercise"]
from hfs_edu.exercises import check

best_plan = ...             # 1. e.g. "MVD" (a name from the table's plan column)
best_months = ...           # 2. its mean months of good control, out of 36
botulinum_minus_mvd = ...   # 3. botulinum's mean minus MVD's, in months
mvd_risk_pct = ...          # 4. MVD's risk of permanent harm, in percent

check("09", best_plan=best_plan, best_months=best_months, botulinum_minus_mvd=botulinum_minus_mvd,
      mvd_risk_pct=mvd_risk_pct)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models.virtual_patient import compare_strategies

months = compare_strategies("ortiz", years=3.0, seed=0, futures=20).set_index("strategy")
best_plan = months["good_control_months"].idxmax()            # 1. the largest mean
best_months = months.loc[best_plan, "good_control_months"]    # 2.
good = months["good_control_months"]
botulinum_minus_mvd = good["botulinum"] - good["MVD"]          # 3. may be negative
mvd_risk_pct = 100 * months.loc["MVD", "risk_permanent_harm"]  # 4. taken on the day of the choice
# Toxin and operation differ by a month or two on average, far less than one future from another; the
# toxin costs visits and some side effects, the operation a small risk of permanent harm. For Mrs Ortiz,
# who fears surgery, that trade-off is hers to weigh.
check("09", best_plan=best_plan, best_months=best_months, botulinum_minus_mvd=botulinum_minus_mvd,
      mvd_risk_pct=mvd_risk_pct, collapsed=True)

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
#   away [S97:A; N602:A]; oral drugs have no controlled evidence of benefit and rare serious risks
#   [S116:A; S99:B; N742:B]; botulinum toxin helps most patients for about three months at a time,
#   with side effects that usually wear off, for years at adjusted doses [S119:A; S110:A]; MVD cures
#   most patients once, at a small risk of permanent harm [S13:A].
# - One possible future is a story, not a prediction. Compare plans against the same luck and over
#   many futures: plans can differ a little on average, consistently, while what happens to one
#   patient varies far more [TC:T].
# - A risk is taken on the day of the choice, whatever then happens: a patient who was lucky did not
#   take a smaller risk.
# - Shared decision-making is choice talk, option talk and decision talk: the evidence from the
#   clinician, the values from the patient [N1000:B]; decision aids help people understand the
#   numbers and their own values [N1001:A].
# - Know the gaps: average rates from selected series, a model that knows nothing of a patient like
#   Mr Berg (age, anticoagulant, heart), and that counts months of control but not what a person
#   values.
