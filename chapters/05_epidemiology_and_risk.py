# %% [markdown]
# # 05 · Epidemiology and risk: doing the numbers yourself
#
# Mrs Ana Ortiz, the 52-year-old teacher with left-sided hemifacial spasm who is a teaching case
# rather than a real patient, lives in a city of about one million people [TC:T]. At her second
# visit she asks two questions. "How many people in my city have what I have?" And: "Did my blood
# pressure cause it?" Chapter 00 turned a prevalence into a number of people, and chapter 02
# showed a forest plot of the hypertension studies. This chapter goes one step further: you do
# the numbers yourself, with the course's tables and a few lines of Python, and you put an
# interval on every answer.

# %% [markdown]
# ## Learning objectives
#
# By the end of this chapter you can:
#
# 1. tell [incidence](glossary.md#incidence) from [prevalence](glossary.md#prevalence) and say why
#    published rates differ;
# 2. compute an interval for a count and for a proportion, and explain why small series scatter;
# 3. say which differences in sex, side and age at onset between cohorts are more than chance;
# 4. put intervals on the shares of secondary and familial HFS;
# 5. pool odds ratios, read their heterogeneity, and say what case–control evidence can and cannot
#    show about cause;
# 6. select rows and columns of a course table with pandas.
#
# **Estimated time:** about 65 min core path (+4 min going deeper); longer if Python is new to you.
#
# **Prerequisites:** chapters 00 and 02 (expected cases from a prevalence; how to read a forest
# plot). No Python experience is needed: every code cell is short and explained, and you can
# change a number in it and run it again.

# %%
import hfs_edu as hfs
from hfs_edu import course_figures as figs
from hfs_edu.data import load_table
from hfs_edu.models import cohorts
from hfs_edu.models.statistics import poisson_interval, pooled_odds_ratio, wilson_interval

hfs.setup()

# %% [markdown]
# ## 1. A table is a data frame
#
# Every number in this course lives in a table in the folder `data/`. In Python a table is a
# **[DataFrame](glossary.md#DataFrame)**, from the library *pandas*: rows and named columns, like a
# spreadsheet. `load_table("epidemiology")` reads one. Three operations are all you need here:
#
# - `table.query("measure == 'prevalence'")` keeps the rows for which the condition is true (text
#   goes in single quotes, `==` means "equals", `and` combines conditions);
# - `table[["study", "value_per_100000"]]` (two brackets, a list of names) keeps those columns;
#   `table["n_cases"]` (one bracket, one name) is a single column;
# - `.sum()`, `.min()` and `.max()` summarise a column.
#
# Two more pieces of Python appear later. Several results come as a *tuple*, a fixed group of
# values such as (estimate, low, high): `x[1]` is its second item, because Python counts from 0,
# and `x[1:]` keeps the items from the second to the end. And `name = ...` in a cell gives a result
# a name you can use in the next line.
#
# The cell below keeps the prevalence rows of the original studies and six of their columns:
# `sex` says whether a row is for everyone ("all"), women or men, and `n_cases` is the study's
# whole count, repeated on each of its rows. Run it, then change `'prevalence'` to `'incidence'`
# and run it again.

# %%
epi = load_table("epidemiology")
rows = epi.query("measure == 'prevalence' and data_origin == 'original study'")
rows[["study", "basis", "sex", "age_group", "n_cases", "value_per_100000"]]

# %% [markdown]
# ## 2. Prevalence and incidence: why the rates differ
#
# **Prevalence** counts the people *living with* HFS at one time; **[incidence](glossary.md#incidence)**
# counts the people who *develop* it, per 100,000 people per year.
#
# The course has two original studies. In Oslo, 50 patients treated for HFS on 1 January 2001 gave
# a prevalence of 9.8 per 100,000 [S4:B]. In Finland's largest hospital district, 279 patients seen
# in 2014–2019 gave an age-standardised prevalence of 10.62 and an incidence of 1.53 per 100,000 per
# year, 1.94 in women and 1.05 in men [S5:A]. Older figures of about 0.8 new cases per 100,000 per
# year are quoted without naming their study [S3:C; S29:C]. They probably come from a records-based
# count in Rochester, Minnesota, 1960–1984 [S173:A], whose numbers the course could not read, so
# they are not checked here. The numbers differ for three reasons:
#
# - **Population.** Oslo and a Finnish district are not the world; no population-based estimate
#   from Asia was found.
# - **Case finding.** Oslo counted patients *treated* in the four departments that offered
#   treatment, a [service-based study](glossary.md#service-based-study) [S4:B]; Finland counted
#   consecutive patients seen in neurology and neurosurgery of one district [S5:A]. Both miss people
#   who never saw a specialist, so both are floors. No door-to-door survey of HFS was found.
# - **Method.** Oslo's rate is [crude](glossary.md#crude-rate), Finland's
#   [age-standardised](glossary.md#age-standardised), recalculated to a standard age structure.
#   HFS is commoner in old age, so the two methods give different numbers for the same people.

# %% [markdown]
# ## 3. How sure is a rate? Intervals for counts and proportions
#
# Oslo's 9.8 rests on 50 patients [S4:B]. Had the count been 45 or 55, which chance alone easily
# produces, the rate would have been different. A count of rare events follows the
# **[Poisson distribution](glossary.md#Poisson-distribution)**, and its exact 95%
# [confidence interval](glossary.md#confidence-interval) is found from that distribution [N841:A].
# The rate's interval is the count's interval scaled by the same factor, rate / count. The cell
# takes Oslo's row from the table (`.iloc[0]` picks the first row of a selection), gives its count
# and rate two names at once (`cases, rate = ...`), and prints them; `{x:.1f}` inside an `f"..."`
# text prints the number x with one decimal.

# %%
oslo = epi.query("source_key == 'S4' and age_group == 'all'").iloc[0]
cases, rate = int(oslo["n_cases"]), oslo["value_per_100000"]
ci = poisson_interval(cases)                 # exact 95% interval for the count
print(f"count {cases}: {ci.low:.1f} to {ci.high:.1f}")
print(f"rate {rate}: {rate * ci.low / cases:.1f} to {rate * ci.high / cases:.1f} per 100,000")

# %% [markdown]
# So Oslo's prevalence is 9.8, with an interval of about 7.3–12.9 per 100,000 [S4:B; N841:A].
# Finland's 10.62 lies inside it [S5:A], so chance alone could explain the gap, although the two
# figures are not strictly comparable: one is crude and one age-standardised, one counts patients
# treated on one day and the other patients seen over years.
#
# A **proportion** needs a different interval. The textbook recipe is the estimate ± 1.96
# [standard errors](glossary.md#standard-error); the standard error is the typical size of the
# chance error of an estimate, and 1.96 standard errors on either side cover 95% of a bell-shaped
# spread. That recipe misbehaves in small series (it can go below zero), so the course uses the
# **[Wilson interval](glossary.md#Wilson-interval)** [N840:A]. For 5 of 100 it is 2.2–11.2%, not
# symmetric around 5%, because a share cannot fall below zero.

# %%
wilson_interval(5, 100).pct                  # (estimate, low, high) in percent

# %% [markdown]
# ### Try it: why small series scatter
#
# Twenty simulated clinics share the same true share of patients with some feature (being a woman,
# say); each reports its estimate with a 95% Wilson interval, so any difference between them is
# chance. An interval that misses the truth is red, with a cross [N840:A]. The simulation is seeded,
# and a bigger clinic keeps its first patients and adds more.
#
# **Controls.** *patients per clinic*: how many patients each clinic counts, from 10 to 1,000.
# *true share (%)*: the share of patients with the feature, the same in every clinic.
#
# **Questions to explore:**
#
# 1. At 20 patients per clinic and a true share of 60%, how far apart are the lowest and the
#    highest estimate? How wide is a typical interval? (A simulation [TC:T].)
# 2. Move to 1,000 patients. What happens to the spread of the estimates and to the width of the
#    intervals? By roughly what factor does the width shrink when the series is 50 times bigger?
# 3. Count the intervals that miss the truth at several settings. About how many of 20 do you
#    expect to miss, and why is the answer not zero?
# 4. Set the true share to 5% and the series to 20 patients. What do the estimates look like, and
#    why does the interval of a clinic that saw no case at all still reach above 10%?

# %%
from hfs_edu.widgets.statistics import SmallSeriesView

SmallSeriesView()

# %% [markdown] tags=["answer"]
# <details><summary><b>What you should see</b> (open after you have tried)</summary>
#
# 1. The 20 estimates run from 55% to 80%, and an interval is on average about 39 percentage points
#    wide [TC:T]. Why: with 20 patients, one patient more or less moves the share by 5 points.
# 2. At 1,000 patients the estimates crowd around 60% (from about 56% to 63%) and an interval is
#    about 6 points wide [TC:T]. The width shrinks with the square root of the series size:
#    50 times more patients make it about 6–7 times narrower (√50 ≈ 7).
# 3. On average one in 20 (that is what "95%" means): none at 20 patients, one at 100, 200, 500 or
#    1,000 with a true share of 60% [TC:T]. A 95% interval is right about 19 times in 20, not always.
# 4. The clinics see 0 to 3 cases, so the shares jump in steps of 5% (0% to 15%). A clinic with no
#    case has an interval of 0% to about 16%: seeing nothing in 20 patients is quite compatible with
#    a feature that 1 patient in 10 has [N840:A]. The two clinics with 3 cases (15%) narrowly miss
#    the truth: chance can also make a rare feature look common [TC:T].
# </details>

# %% [markdown]
# ## 4. Who gets HFS: sex, side and age across cohorts
#
# Most clinic series count more women than men (chapter 02). With intervals you can ask which
# differences between series are more than chance. The function
# `cohorts.cohort_shares("women")` takes each cohort's count of women, or derives it from the printed
# percentage where only that is given (for example 64.3% of 1,003 in China, from a ratio of 1.0 to
# 1.8 [S22:A]), and adds a Wilson interval. Derived counts are flagged in the column
# `count_derived`. Figure 5.1 draws the result.

# %%
hfs.show(figs.cohort_shares_figure("women"), "5.1")

# %% [markdown]
# Six cohorts from the USA, Italy, China, Finland and Singapore lie between about 61% and 66% women,
# and their intervals overlap [S11:A; S15:A; S22:A; S5:A; S12:A; S10:A]. The Indian movement-disorders
# clinic found 49.2% and reported a "lack of female preponderance" [S21:A]. Is that more than
# chance? You will answer it in part 3 of the exercise.
# Finland's 62% comes from a sentence that pairs sex and side ("62% of patients were women and had
# left-sided spasms"), so read it with care [S5:A]. The course keeps it for sex, which is what the
# sentence begins with, and leaves Finland out of the side figure, where the sentence is ambiguous;
# without Finland the other five still give about 64% women, so no conclusion depends on it.
#
# Reading overlap is a strict test. Two 95% intervals that do not overlap at all are a safe sign of
# a difference beyond chance; two that overlap a little can still differ, and a direct test of the
# difference is more sensitive [N845:A]. Overlap only shows that these data cannot tell the cohorts
# apart.
#
# The **side** is closer to even. Figure 5.2 shows five cohorts; each single interval but one
# crosses 50% [S10:A; S15:A; S11:A; S23:A].

# %%
hfs.show(figs.cohort_shares_figure("left side"), "5.2")

# %% [markdown]
# Added together, the five cohorts give a clearer answer than any one of them. The cell adds the
# counts with `.sum()` and puts one Wilson interval on the total.

# %%
left = cohorts.cohort_shares("left side")
total_left, total_n = int(left["count"].sum()), int(left["n"].sum())
wilson_interval(total_left, total_n).pct

# %% [markdown]
# About 55% of 594 patients had left-sided spasm, with an interval of about 51–59%: a small but
# real excess of the left side across these cohorts [S10:A; S15:A; S11:A; S23:A]. Adding counts is
# fair here only because each cohort counts different patients. One clue to why: in 370 operated
# patients the PICA and multiple arteries were mainly left-sided culprits, the AICA mainly
# right-sided [S32:A].
#
# **Age at onset.** Cohorts print a mean and a standard deviation (SD, the spread of individual
# ages). The interval for a *mean* is much narrower than the spread of ages: mean ± 1.96 × SD / √n,
# where SD / √n is the standard error of the mean.

# %%
ages = cohorts.onset_ages()
ages[["label", "setting", "n", "mean_years", "sd_years", "low_years", "high_years"]].round(1)

# %% [markdown]
# The means run from 43.9 years in a Hispanic surgical series to 57.0 in Italian secondary HFS
# [S36:A; S15:A], and many intervals do not overlap. These are real differences between the
# groups, not chance. The reasons are guesses, not tested: surgical selection, who is referred, and
# the mix of primary and secondary HFS (China's 46.6 is primary HFS only, Italy's 57.0 secondary
# HFS) [S22:A; S15:A]. Individual patients vary far more: SDs of
# 11.5–14.1 years mean that onset at 30 or at 70 is unremarkable [S22:A; S11:A].

# %% [markdown]
# ## 5. Primary, secondary and familial: small shares, wide intervals
#
# Chapter 02 described the causes of [secondary HFS](glossary.md#secondary-HFS). Here are the
# counts behind the shares, with Wilson intervals ("hereditary" in the table is what the text calls
# familial). You need not write a cell like this one; read its comments to see what each line does.

# %%
# keep three kinds of rows (`in [...]`: the category is one of these), and only rows with a count
aet = load_table("aetiology").query("category in ['secondary', 'hereditary', 'tumour']")
aet = aet.dropna(subset=["n_patients"])
# one Wilson interval per row: k patients of n; each interval is (estimate, low, high) in percent
ci_pct = [wilson_interval(int(k), int(n)).pct for k, n in zip(aet["n_patients"], aet["n_total"])]
# add two new columns, the low (item 1) and the high end (item 2) of each interval
aet = aet.assign(low_pct=[c[1] for c in ci_pct], high_pct=[c[2] for c in ci_pct])
aet[["study", "category", "n_patients", "n_total", "pct", "low_pct", "high_pct"]].round(1)

# %% [markdown]
# - **Secondary HFS** was 19% of 215 referrals in Houston, 23% of 214 patients in Italy and 21.5% of
#   321 in India (derived: the abstract gives 78.5% primary) [S16:A; S15:A; S21:A]. Mind the
#   denominators: 38 of the Houston referrals turned out not to have HFS at all (mimics), so among
#   the 177 who had HFS the 40 secondary cases are about 23% (17–29%) [S16:A]. The intervals overlap
#   (roughly 14–30%): one true value is possible. A letter's "under 5% post-paralytic" in 200
#   patients is far outside them, a difference of definitions or patients, not chance [N341:B].
# - **Familial HFS**, 4 of 215 referrals (2%), lies between about 0.7% and 4.7%, or 0.9–5.7% of the
#   177 with HFS [S16:A]: the Italian 2.0–2.9% and the Chinese 2.3% agree with it [S15:A; S22:A].
# - **Tumours**, 7 of 1,642 operated patients (0.4%), lie between about 0.2% and 0.9% [S17:A]. That
#   is a surgical series; how many tumours a series finds depends on who is referred and imaged.

# %% [markdown]
# ## 6. Hypertension: pooling the studies, and what they can say about cause
#
# ### Pooling odds ratios
#
# A published [odds ratio](glossary.md#odds-ratio) with its 95% interval contains its own precision.
# On the log scale the interval is the estimate ± 1.96 standard errors, so the
# **[standard error](glossary.md#standard-error)** is (ln high − ln low) / (2 × 1.96) [N842:A].
# **[Inverse-variance pooling](glossary.md#inverse-variance-pooling)** averages the log odds ratios,
# each weighted by 1 / SE², so precise studies count more, and the pooled interval is narrower than
# any single one [N842:A]. The two case–control studies of chapter 02 pool as follows.

# %%
ors = load_table("hypertension_odds_ratios")
two = ors.query("design == 'case-control' and subgroup == 'all'")
pooled = pooled_odds_ratio(two)
print(f"pooled OR {pooled.odds_ratio:.2f} ({pooled.low:.2f}-{pooled.high:.2f}), I² = {pooled.i2_pct:.0f}%")

# %% [markdown]
# The two studies, 2.76 and 2.64, pool to about 2.70 (1.67–4.37) [S44:A; S45:A; N842:A]. Two
# numbers measure **[heterogeneity](glossary.md#heterogeneity)**, the disagreement between studies. **Cochran's Q**
# adds up each study's weighted squared distance from the pooled value; with *k* studies, chance
# alone gives Q about *k* − 1. **[I²](glossary.md#I-squared)** = (Q − (*k* − 1)) / Q, at least 0, is
# the share of the scatter that is more than chance [N843:A]. Here I² is 0%: no more scatter than chance would give.
# With only two studies that means little, and they may share patients: the 2003 study comes from an
# Italian group, and the 2000 study is a multicentre Italian study that may include the same centres
# (its author list could not be checked here) [S44:A; S45:A]. Pooling the same patients twice would
# fake precision.
#
# The meta-analysis of six studies gave 1.72 (1.12–2.31) [S46:A], smaller than the two Italian
# studies, for at least two reasons. It used both neurological and general-population controls, and
# which controls a study chooses can change its odds ratio. And it used a *random-effects* model,
# which allows the true effect to differ between studies; the course's fixed-effect pool does not
# [S46:A]. Its interval is symmetric around 1.72 on the ordinary scale, not on the log scale, a sign
# of a different method: do not read its standard error back with the formula above.

# %% [markdown] tags=["deeper"]
# ### Going deeper: heterogeneity you can see
#
# *Optional: skip it on the core path.*
#
# Figure 5.3 pools the left- and right-sided patients of one study, 4.0 (1.4–11.5) and 1.05
# (0.36–3.1) [S45:A]. I² is about 67%, but Cochran's Q is about 3.0 on 1 degree of freedom, p ≈ 0.08:
# chance is not excluded, and with only two estimates I² is very uncertain [N843:A]. The larger 2003
# study found the link on both sides, left 2.76 (1.18–6.44) and right 3.02 (1.13–8.1) [S44:A]: a
# subgroup difference that did not replicate, the classic way chance finds a pattern in subgroups.
# Treat the figure as an illustration only: the subgroups share their controls, so they are not
# independent studies.

# %% tags=["deeper"]
hfs.show(figs.side_subgroups_forest(), "5.3")

# %% [markdown]
# ### What a case–control study can and cannot say
#
# A [case–control study](glossary.md#case-control-study) starts from people who have HFS and
# people who do not, and looks back at how often each group had high blood pressure. It can show an
# **association**. It cannot, by itself, show that hypertension *causes* HFS:
#
# - **[Confounding](glossary.md#confounding).** Both HFS and hypertension become commoner with age.
#   Without matching or adjusting for age, any disease of older people would seem "linked" to
#   hypertension. The Italian study matched its controls for age, sex and centre and still found an
#   adjusted odds ratio of 2.76 [S44:A].
# - **[Selection bias](glossary.md#selection-bias).** Controls from a neurology clinic are not the
#   general population, and healthy volunteers are not patients either.
# - **Detection bias.** Patients who see doctors often have their blood pressure measured, and found
#   high, more often. This matters most when the controls are healthy people (as in the Polish
#   study [N154:A]) rather than other outpatients (as in the Italian ones [S44:A; S45:A]).
# - **Which came first.** A case–control study can record dates, but only partly show the order. In
#   the Italian studies hypertension sometimes preceded and sometimes followed the spasm; in patients
#   aged 60 or over it was, on average, diagnosed first [S44:A; S45:A]. A date of diagnosis is not a
#   date of onset.
# - **A common cause, or a path.** In the Polish study, vessels pressing on the part of the medulla
#   that regulates blood pressure went with hypertension, in patients and in controls alike
#   [N154:A]: the vascular anatomy may be a common cause of both. The opposite path is also
#   proposed: long-standing hypertension elongates arteries, and elongated, tortuous arteries
#   compress the nerve; one clinic found hypertension went with tortuous vessels beside the
#   brainstem [N844:A]. A case–control study cannot tell these apart.
# - **Not every study agrees.** In the Polish study the difference was not significant [N154:A]; you
#   will add it to the forest plot in the exercise.
#
# For Mrs Ortiz this means: her treated hypertension fits a repeatedly reported association of
# modest size.
# It does not show that it caused her spasm. Treating it protects her heart and brain; nothing in
# the course's sources shows that it treats the twitching.

# %% [markdown] tags=["deeper"]
# ### Going deeper: two kinds of uncertainty for a city, and incidence × duration
#
# *Optional: skip it on the core path.*
#
# In a steady state, prevalence is about incidence times the average duration of the disease. Here
# that rule does not give the duration of HFS. Finland's prevalence rose steadily over 2014–2019
# [S5:A]: more people entered than left, and then prevalence / incidence *underestimates* the
# duration. Both figures also count only patients seen in hospital neurology and neurosurgery
# [S5:A], so 10.62 / 1.53, about 7 years, says more about how long patients stay in contact with
# those services than about how long they have HFS. The disease lasts far longer: patients at one
# US centre had already had symptoms for 11.4 years on average (SD 8.5) when first seen [S11:A],
# and spontaneous remission is described as very rare [S98:A].
#
# The exercise asks how many people with HFS a city of one million should expect, and how sure
# that estimate is. There are two different uncertainties, and it pays to keep them apart:
#
# - **How sure is the rate?** Oslo's rate rests on 50 patients, so the true rate could be anywhere
#   from about 7.3 to 12.9 per 100,000 [S4:B]. This is the interval the exercise asks for.
# - **How much does one city vary by chance, even if the rate were known exactly?** A city expecting
#   98 patients will, by Poisson chance, count between about 79 and 118 in 95 of 100 such cities
#   [N841:A]. The code below computes that range. It is narrower, because a million people give far
#   more cases than Oslo's 50.
#
# Both are smaller than the uncertainty that no interval shows: every estimate counts only people who
# reached care, so the true number is probably higher [S4:B; S5:A].

# %% tags=["deeper"]
from hfs_edu.models.statistics import poisson_range

poisson_range(98.0)                          # counts that 95% of cities expecting 98 would see

# %% [markdown]
# ## Exercise: Mrs Ortiz's city, her blood pressure, and two clinics
#
# Three parts, each with its own checker. **What it practises:** an interval for an expected count,
# pooling a forest plot, comparing cohorts. Parts 1 and 3 reuse the cells of sections 3 and 4;
# part 2 needs four counts and one query.
#
# **Time:** about 20 min (longer if Python is new to you).
#
# **Part 1.** Mrs Ortiz's city has 1,000,000 people [TC:T]. At the Oslo prevalence of 9.8 per
# 100,000, how many people with HFS should it expect (`city_expected`)? Give the interval
# `city_interval = (low, high)` that comes from the 50 patients behind the Oslo rate (section 3).

# %% tags=["exercise"]
from hfs_edu.exercises import check
from hfs_edu.models.statistics import poisson_interval

city_expected = ...          # people x rate / 100,000
city_interval = (..., ...)   # (low, high): scale poisson_interval(50) by city_expected / 50

check("05", city_expected=city_expected, city_interval=city_interval)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models.statistics import poisson_interval

from hfs_edu.data import load_table

oslo = load_table("epidemiology").query("source_key == 'S4' and age_group == 'all'").iloc[0]
cases = int(oslo["n_cases"])                                  # 50 treated patients [S4]
city_expected = 1_000_000 * oslo["value_per_100000"] / 100_000   # 98 people
ci = poisson_interval(cases)                                  # 37.1 to 65.9
city_interval = (city_expected * ci.low / cases, city_expected * ci.high / cases)   # about 73 to 129
check("05", city_expected=city_expected, city_interval=city_interval, collapsed=True)

# %% [markdown] tags=["solution"]
# <details><summary><b>What the city number means</b> (open after you have tried)</summary>
#
# About 98 people, with an interval of about 73–129, answers one question only: how sure is the
# Oslo rate, which rests on 50 patients [S4:B; N841:A]. It is not how much one city varies by chance:
# even with the rate known exactly, a city expecting 98 would count between about 79 and 118 in 95 of
# 100 such cities, a narrower range because a million people give more cases than Oslo's 50
# [N841:A]. Neither interval shows the larger uncertainty: the count assumes Mrs Ortiz's city has
# Oslo's rate, and Oslo counted only treated patients, so the true number is probably higher [S4:B].
# </details>

# %% [markdown]
# **Part 2.** Add the Polish study to the forest plot. Its table `hypertension_counts` gives 37 of 60
# cases and 27 of 60 controls with hypertension (counts derived from the printed 61.6% and 45.0%;
# 37 of 60 is 61.7%, so the paper's own denominator or rounding differs slightly) [N154:A]. A
# case–control study's counts form a **2 × 2 table**:
#
# | | hypertension (exposed) | no hypertension (unexposed) |
# |---|---|---|
# | cases (HFS) | a = 37 | b = the rest of the 60 cases |
# | controls | c = 27 | d = the rest of the 60 controls |
#
# The odds of hypertension are a / b in the cases and c / d in the controls, and the
# [odds ratio](glossary.md#odds-ratio) is their ratio, (a / b) / (c / d) = ad / bc. Its standard
# error on the log scale is √(1/a + 1/b + 1/c + 1/d) (Woolf's method) [N842:A]; `studies_table`
# computes both for you.
#
# Before you pool, know what you are mixing. The Polish odds ratio is crude, from healthy
# age-matched controls, and ignores the matching; the Italian ones are adjusted, from neurological
# controls [N154:A; S44:A; S45:A]. Pooling them is an exercise in the method, not a valid
# meta-analysis.
#
# Fill in the four cells as `polish_counts`, and write the query that keeps one whole-study row per
# case–control study of `hypertension_odds_ratios` (look at section 6). Then run the cell:
# `studies_table` builds your table, and `pool_and_draw` pools it and draws the forest plot
# (Figure 5.4).

# %% tags=["exercise"]
from hfs_edu.exercises import check
from hfs_edu.exercises.ch05 import pool_and_draw, studies_table

polish_counts = {
    "cases_exposed": ...,        # a
    "cases_unexposed": ...,      # b
    "controls_exposed": ...,     # c
    "controls_unexposed": ...,   # d
}
rows_to_pool = ...           # a query string, e.g. "design == '...' and subgroup == '...'"

studies = studies_table(rows_to_pool, polish_counts)
pooled_or = pool_and_draw(studies)
check("05", polish_counts=polish_counts, rows_to_pool=rows_to_pool, studies=studies, pooled_or=pooled_or)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.exercises.ch05 import pool_and_draw, studies_table

from hfs_edu.data import load_table

# 37 of 60 cases and 27 of 60 controls had hypertension [N154]
r = load_table("hypertension_counts").iloc[0]
a, c = int(r["n_cases_hypertension"]), int(r["n_controls_hypertension"])
polish_counts = {"cases_exposed": a, "cases_unexposed": int(r["n_cases"]) - a,
                 "controls_exposed": c, "controls_unexposed": int(r["n_controls"]) - c}
# one row per study: the whole-study case-control rows, not subgroups, not the meta-analysis
rows_to_pool = "design == 'case-control' and subgroup == 'all'"
studies = studies_table(rows_to_pool, polish_counts)
pooled_or = pool_and_draw(studies, draw=False)   # about 2.45 (1.64-3.67), I² 0%; your cell draws it
check("05", polish_counts=polish_counts, rows_to_pool=rows_to_pool, studies=studies, pooled_or=pooled_or,
      collapsed=True)

# %% [markdown] tags=["solution"]
# <details><summary><b>What the forest plot means</b> (open after you have tried)</summary>
#
# The Polish study's crude odds ratio is about 1.97 (0.95–4.07): its interval crosses 1, as the
# authors' "not significant" says [N154:A]. Pooled with the two Italian studies it gives about 2.45
# (1.64–3.67) with I² of 0% [S44:A; S45:A; N154:A]. Three cautions: the Polish figure is crude
# (unadjusted) while the Italian ones are adjusted; the Italian studies may share patients; and a
# pool of three small studies is not the meta-analysis of six, 1.72 (1.12–2.31) [S46:A]. Adding the
# meta-analysis to your table would count the same patients twice.
# </details>

# %% [markdown]
# **Part 3.** Is the Indian clinic's 49.2% women (158 of 321) different from the other cohorts of
# Figure 5.1 by more than chance [S21:A]? Give its 95% Wilson interval in percent as `(low, high)`,
# the same for the other six cohorts added together (sum their counts of women and of patients, as
# for the left side in section 4), and say whether they differ by more than chance: `True` if the
# two intervals do *not* overlap, `False` if they do. `wilson_interval(...).pct` gives the tuple
# (estimate, low, high); `.pct[1:]` keeps (low, high).

# %% tags=["exercise"]
from hfs_edu.exercises import check
from hfs_edu.models import cohorts
from hfs_edu.models.statistics import wilson_interval

women = cohorts.cohort_shares("women")             # one row per cohort: count of women, n
others = women.query("source_key != 'S21'")        # every cohort except the Indian clinic
india_interval = (..., ...)          # (low, high) in percent: wilson_interval(158, 321).pct[1:]
others_interval = (..., ...)         # the same for others["count"].sum() of others["n"].sum()
differ_by_more_than_chance = ...     # True if the two intervals do NOT overlap, False if they do
check("05", india_interval=india_interval, others_interval=others_interval,
      differ_by_more_than_chance=differ_by_more_than_chance)

# %% [markdown] tags=["solution"]
# **Worked solution** — open it after you have tried (click the three dots "···" to expand the hidden cell).

# %% tags=["solution"]
from hfs_edu.exercises import check
from hfs_edu.models import cohorts
from hfs_edu.models.statistics import wilson_interval

women = cohorts.cohort_shares("women")
others = women.query("source_key != 'S21'")
india = women.query("source_key == 'S21'").iloc[0]                         # 158 of 321 [S21]
india_interval = wilson_interval(int(india["count"]), int(india["n"])).pct[1:]   # about 43.8-54.7%
pooled = wilson_interval(int(others["count"].sum()), int(others["n"].sum()))   # 1,559 of 2,439
others_interval = pooled.pct[1:]                                           # about 62.0-65.8%
differ_by_more_than_chance = india_interval[1] < others_interval[0]        # no overlap: True
check("05", india_interval=india_interval, others_interval=others_interval,
      differ_by_more_than_chance=differ_by_more_than_chance, collapsed=True)

# %% [markdown] tags=["solution"]
# <details><summary><b>What the comparison means</b> (open after you have tried)</summary>
#
# The Indian clinic's interval (about 44–55%) lies wholly below that of the other six cohorts
# added together (about 62–66%), so chance alone is an unlikely explanation [S21:A; N840:A].
# Something differs: the population, who is referred to a tertiary movement-disorders clinic, or
# how patients were recruited (prospectively, at their first visit), or which of the 582 patients
# with HFS had complete records and so made up the 321 [S21:A]. Adding the six cohorts
# is fair because they count different patients; four of their counts are derived from printed
# percentages.
# </details>

# %% [markdown]
# ## Self-check quiz
#
# Choose an answer and press **Check**: you get immediate feedback with the source.

# %%
hfs.quiz("05_epidemiology_and_risk")

# %% [markdown]
# ## Key takeaways
#
# - **Prevalence** counts people living with HFS, **incidence** new cases per year: about 10 and
#   1.5 per 100,000 in the two original studies, both floors [S4:B; S5:A]. Rates differ with
#   population, case finding and method (crude or age-standardised).
# - **Every count has an interval**: Oslo's 50 patients give 7.3–12.9 per 100,000 [S4:B; N841:A].
#   Small series scatter by chance, and about 1 interval in 20 misses the truth [N840:A].
# - **Across cohorts** most series count 61–66% women; India's 49% differs by more than chance
#   [S21:A; S22:A]. The left side is slightly commoner, and mean age at onset (43.9–57.0 years)
#   differs with the setting [S36:A; S15:A].
# - **Secondary HFS** is about one patient in five to one in four in three clinics (mind the
#   denominator: referrals or patients with HFS), **familial** HFS about 2% (interval up to about
#   6%), **tumours** under 1% in a large surgical series [S16:A; S15:A; S21:A; S17:A].
# - **Pooling** weights studies by precision, and **I²** estimates the share of disagreement beyond
#   chance, very imprecisely when there are few studies [N843:A]. Hypertension is associated with
#   HFS in most case–control studies (pooled 1.72, 1.12–2.31 [S46:A]); a small study found no
#   significant difference, and case–control evidence cannot show cause [N154:A].
