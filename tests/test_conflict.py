"""Chapter 02, neurovascular conflict: the figures draw the sourced numbers, the view moves the right way.

These test facts (what is drawn equals what the tables say; what the captions claim is true of
the data; more severity, years or blood pressure never improve the myelin), not just that code runs.
"""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pytest

from hfs_edu import course_figures as cf
from hfs_edu.data import load_table
from hfs_edu.figures import myelin_wear, risk, vessels
from hfs_edu.figures.style import caption_of, render_png
from hfs_edu.models import compression
from hfs_edu.widgets.conflict import MyelinWearView, readout_html

BUILDERS = {
    "conflict_schematic": vessels.conflict_schematic,
    "offending_vessels_figure": cf.offending_vessels_figure,
    "contact_figure": cf.contact_figure,
    "hypertension_forest_plot": cf.hypertension_forest_plot,
    "aetiology_figure": cf.aetiology_figure,
    "wear_by_severity_figure": cf.wear_by_severity_figure,
    "myelin_wear_figure": lambda: myelin_wear.myelin_wear_figure(compression.wear_scenario()),
}
#: Axes whose x axis carries no quantity (a schematic, the forest plot's text column).
UNLABELLED_OK = {("conflict_schematic", 0), ("hypertension_forest_plot", 1)}
#: Axes whose x axis is categories named by their tick labels (the [S33] grades).
CATEGORIES = {("contact_figure", 1)}


@pytest.fixture(scope="module")
def figures():
    return {name: build() for name, build in BUILDERS.items()}


# -- every figure follows the course style -------------------------------------------------------------


@pytest.mark.parametrize("name", BUILDERS)
def test_figure_is_captioned_labelled_and_deterministic(figures, name):
    fig = figures[name]
    assert len(caption_of(fig)) > 40
    for i, ax in enumerate(fig.axes):
        if not ax.axison or (name, i) in UNLABELLED_OK:
            continue
        if (name, i) in CATEGORIES:
            assert all(t.get_text().strip() for t in ax.get_xticklabels()), f"{name}: axis {i} has unnamed ticks"
        else:
            assert ax.get_xlabel().strip(), f"{name}: axis {i} has no x label"
    again = BUILDERS[name]()  # built twice, rendered separately: the same bytes
    assert render_png(fig) == render_png(again)
    assert fig.dpi == 100


def test_figures_do_not_touch_pyplot_state():
    before = matplotlib._pylab_helpers.Gcf.get_num_fig_managers()
    for build in BUILDERS.values():
        build()
    assert matplotlib._pylab_helpers.Gcf.get_num_fig_managers() == before


def test_figures_take_their_data_as_arguments():
    df = load_table("offending_vessels")
    fig = vessels.offending_vessels_figure(df[df["vessel"] != "SCA"], {})
    assert ("S36", "SCA") not in fig.hfs_data["bars"]  # the figure draws what it is given
    with pytest.raises(TypeError, match="vessels"):
        vessels.offending_vessels_figure(None, {})
    with pytest.raises(TypeError, match="labels"):
        risk.aetiology_figure(load_table("aetiology"), None)


# -- offending vessels -----------------------------------------------------------------------------------


def test_vessel_chart_draws_exactly_the_table_numbers(figures):
    df = load_table("offending_vessels")
    bars = figures["offending_vessels_figure"].hfs_data["bars"]
    for key in vessels.VESSEL_SERIES:
        rows = df[df["source_key"] == key]
        assert {(key, v) for v in rows["vessel"]} == {k for k in bars if k[0] == key}
        for _, row in rows.iterrows():
            assert bars[(key, row["vessel"])] == pytest.approx(row["pct"])
    # the bars themselves have those widths
    widths = sorted(round(p.get_width(), 6) for ax in figures["offending_vessels_figure"].axes[:4] for p in ax.patches)
    assert widths == sorted(round(v, 6) for v in bars.values())


def test_aica_strip_matches_the_table_and_the_s36_denominator(figures):
    df = load_table("offending_vessels")
    data = figures["offending_vessels_figure"].hfs_data
    aica = df[df["vessel"] == "AICA"].set_index("source_key")["pct"]
    assert data["aica"] == pytest.approx(aica.to_dict())
    s36 = df[df["source_key"] == "S36"].set_index("vessel")
    compressed = s36.at["AICA", "n_patients"] - s36.at["none", "n_with_vessel"]  # 185 of 194 [S36]
    assert data["aica_of_compressed_S36"] == pytest.approx(100 * s36.at["AICA", "n_with_vessel"] / compressed)


def test_aica_is_the_commonest_main_offender_in_every_series_but_its_share_varies():
    df = load_table("offending_vessels")
    series = list(vessels.VESSEL_SERIES)
    main = df[df["source_key"].isin(series) & df["basis"].isin(["main offender", "vessel involved"])]
    for key, rows in main.groupby("source_key"):
        if len(rows) > 1:
            assert rows.loc[rows["pct"].idxmax(), "vessel"] == "AICA", key
    shares = df.loc[df["vessel"] == "AICA", "pct"]
    assert shares.min() == pytest.approx(37.8) and shares.max() == pytest.approx(75.8)
    # counting every vessel involved sums to more than 100% (a patient can count twice) [S34]
    s34 = df[(df["source_key"] == "S34") & (df["basis"] == "vessel involved")]
    assert s34["pct"].sum() > 100


# -- contact with and without HFS -------------------------------------------------------------------------


def test_contact_figure_matches_the_table(figures):
    df = load_table("compression_site")
    data = figures["contact_figure"].hfs_data
    rows = df[df["dimension"] == "contact_present"]
    assert data["contact"] == pytest.approx({(r.source_key, r.population): r.pct for r in rows.itertuples()})
    assert sum(data["severity"].values()) == pytest.approx(100)
    assert data["severity"]["moderate (indentation)"] == pytest.approx(61)


def test_contact_is_common_without_hfs():
    df = load_table("compression_site")
    without = df[(df["dimension"] == "contact_present") & (df["population"] == "people without HFS")]
    assert without["pct"].iloc[0] == pytest.approx(53)  # up to 53% of sides [S43]


# -- hypertension forest plot ------------------------------------------------------------------------------


def test_forest_plot_draws_one_ci_per_row_with_the_sourced_bounds(figures):
    fig = figures["hypertension_forest_plot"]
    df = load_table("hypertension_odds_ratios")
    lines = fig.hfs_data["ci_lines"]
    assert sorted(i for i, _ in lines) == list(df.index)
    for idx, line in lines:
        x = line.get_xdata()
        assert (x[0], x[-1]) == pytest.approx((df.at[idx, "ci_low"], df.at[idx, "ci_high"]))
        assert x[0] < df.at[idx, "odds_ratio"] < x[-1]
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    refs = [ln for ln in ax.get_lines() if list(ln.get_xdata()) == [1.0, 1.0]]
    assert refs, "no reference line at OR 1"


def test_forest_plot_groups_rows_by_study(figures):
    fig = figures["hypertension_forest_plot"]
    df = load_table("hypertension_odds_ratios")
    y = {idx: line.get_ydata()[0] for idx, line in fig.hfs_data["ci_lines"]}
    order = sorted(y, key=y.get)  # top to bottom (the y axis is inverted)
    keys = [df.at[i, "source_key"] for i in order]
    assert keys == sorted(keys, key=lambda k: list(dict.fromkeys(df["source_key"])).index(k))
    headings = " ".join(t.get_text() for t in fig.axes[0].texts)
    for key in dict.fromkeys(df["source_key"]):
        assert f"[{key}]" in headings


def test_forest_caption_claims_hold():
    df = load_table("hypertension_odds_ratios")
    overall = df[df["subgroup"] == "all"]
    assert (overall["ci_low"] > 1).all(), "every overall interval lies right of 1"
    crossing = df[(df["ci_low"] < 1) & (df["ci_high"] > 1)]
    assert list(crossing["subgroup"]) == ["right-sided HFS"] and list(crossing["source_key"]) == ["S45"]


# -- aetiology -----------------------------------------------------------------------------------------------


def test_aetiology_bars_fill_each_cohort(figures):
    segments = figures["aetiology_figure"].hfs_data["segments"]
    for key in risk.AETIOLOGY_COHORTS:
        total = sum(v for (k, _), v in segments.items() if k == key)
        assert total == pytest.approx(100, abs=0.2), key
    assert segments[("S15", "post-paralytic")] == pytest.approx(100 * 48 / 214)


# -- the compression model in figures and the view ---------------------------------------------------------


def test_wear_by_severity_orders_the_grades():
    onset = cf.wear_by_severity_figure().hfs_data["onset_years"]
    assert math.isnan(onset["touching (mild), artery"])
    assert (
        onset["displacing (severe), artery"]
        < onset["indenting (moderate), artery"]
        < onset["indenting (moderate), vein"]
    )


@pytest.fixture(scope="module")
def view():
    return MyelinWearView()


def test_view_has_one_figure_and_blits(view):
    dyn = view.dynamic_artists()
    assert dyn and all(a.figure is view.fig for a in dyn)
    engine = view.fig.get_layout_engine()
    assert engine is None or type(engine).__name__ == "PlaceHolderLayoutEngine"  # frozen after the first draw
    a = view.set(severity=0.6, years=20, systolic_bp_mmhg=160)
    b = view.set(severity=0.25, years=20, systolic_bp_mmhg=160)
    assert a != b and a[:8] == b"\x89PNG\r\n\x1a\n"
    assert set(view.PARAMS) == set(view.controls)


def _now(view, **params):
    view.set(**params)
    x, y = view.art.now.get_data()
    assert x[0] == pytest.approx(view.scenario.years)
    assert y[0] == pytest.approx(view.scenario.integrity_now)
    return float(y[0])


@pytest.mark.parametrize(
    "name, values",
    [
        ("severity", [0.0, 0.2, 0.35, 0.45, 0.6, 0.9]),
        ("years", [0, 2, 5, 10, 20, 40]),
        ("systolic_bp_mmhg", [90, 110, 130, 150, 170, 200]),
    ],
)
def test_more_severity_years_or_pressure_never_raise_integrity(view, name, values):
    base = dict(severity=0.45, years=15, systolic_bp_mmhg=140, age_years=45, vessel="artery")
    got = [_now(view, **{**base, name: v}) for v in values]
    assert all(b <= a + 1e-12 for a, b in zip(got, got[1:])), got
    assert got[-1] < got[0] - 0.2, f"{name} barely matters: {got}"


def test_pulsating_artery_wears_more_than_vein_and_touching_is_repaired(view):
    base = dict(severity=0.6, years=15, systolic_bp_mmhg=120, age_years=45)
    assert _now(view, **base, vessel="artery") < _now(view, **base, vessel="vein")
    assert _now(view, severity=0.25, years=40, systolic_bp_mmhg=120, age_years=45, vessel="artery") > 0.9


def test_view_curves_follow_the_model(view):
    view.set(severity=0.6, years=20, systolic_bp_mmhg=160, age_years=40, vessel="artery")
    t, y = view.art.past.get_data()
    course = compression.myelin_integrity(20, 0.6, compression.VESSELS["artery"], 160, 40)
    assert t[-1] == pytest.approx(20)
    assert np.interp(course.time_years, t, y) == pytest.approx(course.integrity, abs=1e-9)
    bx, by = view.art.bp_curve.get_data()
    assert list(bx) == list(compression.BP_GRID_MMHG)
    assert np.all(np.diff(by) <= 1e-12), "integrity falls as blood pressure rises"


def test_readout_explains_the_result_in_words(view):
    view.set(severity=0.6, years=20, systolic_bp_mmhg=160, age_years=40, vessel="artery")
    text = view.readout.value
    assert "20 years" in text and "160 mmHg" in text and "below" in text and "[TC:T]" in text
    view.set(severity=0.25, years=30, systolic_bp_mmhg=120, vessel="vein")
    assert "above" in view.readout.value and "repair keeps pace" in view.readout.value
    assert compression.severity_words(compression.contact_category(0.6)).endswith("(moderate)")


def test_readout_follows_the_models_indentation_switch(view):
    """At 0.45 and 120 mmHg the vessel indents (load past the repair gate) but no symptoms come:
    the readout must not call it indenting and then say repair keeps pace like a touching vessel."""
    view.set(severity=0.45, years=15, systolic_bp_mmhg=120, age_years=45, vessel="artery")
    text = view.readout.value
    assert view.scenario.category == "moderate" and "indents" in text
    assert "repair keeps pace" not in text and "slows repair" in text
    view.set(severity=0.3, systolic_bp_mmhg=120)
    assert "only touches" in view.readout.value
    view.set(severity=0.3, systolic_bp_mmhg=200)  # the same vessel, pressed harder by the pressure
    assert compression.contact_category(0.3, 200) != "mild" and "only touches" not in view.readout.value


def test_bad_input_in_the_notebook_shows_a_message_instead_of_failing():
    v = MyelinWearView()
    v.update = lambda **kw: (_ for _ in ()).throw(ValueError("severity=2 is out of range"))
    v.refresh()
    assert "severity=2" in v.error.value


def test_readout_html_needs_a_scenario():
    with pytest.raises(TypeError, match="WearScenario"):
        readout_html(None)
    with pytest.raises(TypeError):
        myelin_wear.update_myelin_wear(None, None)
