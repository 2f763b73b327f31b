"""hfs.show_table shows a table a student can read (student review §2.6)."""

import pandas as pd
import pytest

from hfs_edu.data import load_table, table_info
from hfs_edu.notebook import NA_MARK, column_label, table_frame


def test_missing_values_are_a_dash_never_NA():
    raw = load_table("offending_vessels")
    assert raw.isna().any().any(), "this test needs a table with missing values"
    out = table_frame("offending_vessels", max_rows=500)
    text = out.to_html()
    assert "&lt;NA&gt;" not in text and "<NA>" not in text and "NaN" not in text and "None" not in text
    assert (out == NA_MARK).sum().sum() == raw.isna().sum().sum()


def test_headers_are_human_labels_with_units():
    assert column_label("n_with_vessel", {"description": "", "unit": "patients"}) == "N with vessel (patients)"
    assert column_label("length_mm_low", {"description": "", "unit": "mm"}) == "Length low (mm)"
    assert column_label("study", {"description": "study name", "unit": ""}) == "Study name"
    assert column_label("x", {"label": "Length", "unit": "mm", "description": "long: text"}) == "Length (mm)"
    long = "primary_vs_secondary, secondary_cause, unusual_cause (surgical series), cause_overall"
    assert column_label("classification", {"description": long, "unit": ""}) == "Classification"
    out = table_frame("facial_nerve_segments")
    assert not any("_" in c for c in out.columns), list(out.columns)
    specs = table_info("facial_nerve_segments")["columns"]
    for raw, shown in zip(load_table("facial_nerve_segments").columns, out.columns):
        if specs[raw]["unit"]:
            assert shown.endswith(f"({specs[raw]['unit']})")


def test_a_column_selection_keeps_the_columns_that_tell_rows_apart():
    """Review §2.6: without `population` the sporadic row read as a second 'Familial HFS, Korea' row."""
    cols = ["study", "method", "vessel", "basis", "n_with_vessel", "pct", "source_key"]
    out = table_frame("offending_vessels", columns=cols, max_rows=500)
    assert not out.duplicated().any(), "two shown rows look identical"
    raw = load_table("offending_vessels")
    if raw[cols].astype(str).duplicated(keep=False).any():
        assert len(out.columns) > len(cols), "a disambiguating column should have been added back"
    out_all = table_frame("offending_vessels", max_rows=500)
    assert len(out_all.columns) == len(raw.columns)


def test_rows_can_be_selected_by_value_or_position():
    raw = load_table("offending_vessels")
    vessel = raw["vessel"].dropna().iloc[0]
    out = table_frame("offending_vessels", rows={"vessel": vessel}, max_rows=500)
    assert len(out) == int((raw["vessel"] == vessel).sum())
    out2 = table_frame("offending_vessels", rows=[0, 2])
    assert len(out2) == 2


@pytest.mark.parametrize(
    "kwargs, exc, words",
    [
        ({"rows": {"no_such_column": 1}}, ValueError, "rows"),
        ({"rows": [0, 10_000]}, ValueError, "rows"),
        ({"rows": "AICA"}, TypeError, "rows"),
        ({"columns": "study"}, TypeError, "columns"),
        ({"columns": ["nope"]}, ValueError, "columns"),
        ({"max_rows": 0}, ValueError, "max_rows"),
    ],
)
def test_bad_selections_are_named_errors(kwargs, exc, words):
    with pytest.raises(exc, match=words):
        table_frame("offending_vessels", **kwargs)


def test_numbers_read_well():
    from hfs_edu.notebook import _cell_text

    assert [_cell_text(v) for v in (pd.NA, None, float("nan"), 3.0, 10.6200, 0.00512, 17303.5, 250000, True)] == [
        NA_MARK,
        NA_MARK,
        NA_MARK,
        "3",
        "10.62",
        "0.00512",
        "17,303.5",
        "250,000",
        "yes",
    ]
