"""Tests of the gene atlas (ifnalpha.evidence.atlas): the review tables and the claims ledger.

The atlas holds evidence only; the book's pages append the model's readouts (tests of those rows
live with the book layer).
"""

import pytest

from ifnalpha.evidence import atlas, tables


def _row(frame, **match):
    mask = None
    for column, value in match.items():
        hit = frame[column] == value
        mask = hit if mask is None else mask & hit
    selected = frame[mask]
    assert len(selected) == 1, f"expected one row for {match}, got {len(selected)}"
    return selected.iloc[0]


# --- gene index ----------------------------------------------------------------------------


def test_gene_index_columns_and_symbols():
    idx = atlas.gene_index()
    assert {"gene", "review", "table", "context", "citations", "label", "role"} <= set(idx.columns)
    assert idx["gene"].map(tables.is_gene_symbol).all()
    assert not idx.duplicated(["gene", "review", "table", "context"]).any()
    assert set(idx["role"]) == {"ISG", "regulator", "target"}


def test_gene_index_content():
    idx = atlas.gene_index()
    ifitm1 = idx[idx["gene"] == "IFITM1"]
    assert sorted(ifitm1.loc[ifitm1["table"] == 1, "context"]) == [
        "induced by GAS", "induced by ISGF3", "induced by U-ISGF3",
    ]  # fmt: skip
    assert set(ifitm1.loc[ifitm1["review"] == "A", "table"]) == {1, 2}
    socs1 = _row(idx, gene="SOCS1", review="A", table=2)
    assert socs1["context"] == "Negative regulation (inferred in IBC)"
    assert socs1["citations"] == (17, 22)
    assert _row(idx, gene="SOCS1", review="A", table=1)["label"] == "SOCS"
    tp53 = _row(idx, gene="TP53")
    assert (tp53["label"], tp53["role"], tp53["table"]) == ("p53", "regulator", 4)
    samhd1 = idx[idx["gene"] == "SAMHD1"]
    assert samhd1["context"].tolist() == [
        "tumour suppressor in Sézary syndrome",
        "tumour suppressor in Chronic lymphocytic leukemia",
        "tumour suppressor in Colon cancer",
    ]
    jak1_targets = idx[(idx["gene"] == "JAK1") & (idx["role"] == "target")]
    assert len(jak1_targets) == 26  # 13 intracellular + 13 exogenic regulators of JAK1
    assert ((idx["gene"] == "TYK2") & (idx["role"] == "target")).sum() == 6
    brca1 = idx[idx["gene"] == "BRCA1"]
    assert sorted(brca1["table"]) == [3, 4]


def test_gene_index_excludes_compounds_and_complexes():
    idx = atlas.gene_index()
    printed = set(idx["label"])
    for name in ("Sorafenib", "Quercein", "LDL", "Leptin", "Dexamethasone", "ISGF3"):
        assert name not in set(idx["gene"])
    assert "Sorafenib" not in printed and "LDL" not in printed
    assert "LEP" in set(idx["gene"])  # leptin is an exogenous protein, a gene product
    assert len(idx) == 150


# --- the atlas -----------------------------------------------------------------------------


def test_every_table_gene_is_in_the_atlas_with_all_its_rows():
    index = atlas.gene_index()
    frame = atlas.atlas()
    table_rows = frame[frame["source"] == "review table"]
    assert len(table_rows) == len(index)
    assert set(frame["gene"]) == set(index["gene"])


def test_atlas_holds_evidence_only_in_the_declared_columns():
    frame = atlas.atlas()
    assert list(frame.columns) == atlas.COLUMNS
    assert set(frame["source"]) == set(atlas.SOURCES)
    assert not hasattr(atlas, "MODEL_READOUTS") and not hasattr(atlas, "lookup_widget")


def test_claims_that_name_a_gene_are_attached():
    rows = atlas.lookup("TYK2")
    wheres = set(rows["where"])
    assert "claim b-tyk2-mutation-mpnst" in wheres
    assert "claim b-tyk2-mutation-acute-leukaemia" in wheres
    jak1 = set(atlas.lookup("JAK1")["where"])
    assert "claim b-jak1-mutation-prostate" in jak1
    assert not any("tyk2" in w for w in jak1), "symbols must match as whole words"
    ifitm1 = atlas.lookup("IFITM1")
    assert list(dict.fromkeys(ifitm1["source"])) == list(atlas.SOURCES)


def test_summary_counts_agree_with_rows():
    summary = atlas.gene_summary().set_index("gene")
    assert list(summary.columns) == ["tables", "table_rows", "claims"]
    usp18 = atlas.lookup("USP18")
    assert summary.loc["USP18", "table_rows"] == (usp18["source"] == "review table").sum()
    assert summary.loc["USP18", "claims"] == (usp18["source"] == "claims ledger").sum()
    assert "A1" in summary.loc["USP18", "tables"]


def test_atlas_is_a_copy():
    frame = atlas.atlas()
    frame.loc[0, "gene"] = "CHANGED"
    assert "CHANGED" not in set(atlas.atlas()["gene"])


@pytest.mark.parametrize("bad", ["IRF99", "", " "])
def test_unknown_gene_is_named(bad):
    with pytest.raises(ValueError, match=repr(bad)):
        atlas.lookup(bad)


@pytest.mark.parametrize("bad", [None, 3])
def test_gene_must_be_a_string(bad):
    with pytest.raises(TypeError, match=f"`gene` must be a string, got {bad!r}"):
        atlas.lookup(bad)


def test_unknown_gene_suggests_close_symbols():
    with pytest.raises(ValueError, match="IRF9"):
        atlas.lookup("IRF99")


def test_lookup_is_case_insensitive():
    assert atlas.lookup("irf9")["gene"].unique().tolist() == ["IRF9"]
    assert tables.is_gene_symbol("IRF9")
