import pytest

from ifnalpha.evidence import atlas, tables


def test_every_table_gene_is_in_the_atlas_with_all_its_rows():
    index = tables.gene_index()
    frame = atlas.atlas()
    table_rows = frame[frame["source"] == "review table"]
    assert len(table_rows) == len(index)
    assert set(frame["gene"]) == set(index["gene"])


def test_claims_that_name_a_gene_are_attached():
    rows = atlas.lookup("TYK2")
    wheres = set(rows["where"])
    assert "claim b-tyk2-mutation-mpnst" in wheres
    assert "claim b-tyk2-mutation-acute-leukaemia" in wheres
    jak1 = set(atlas.lookup("JAK1")["where"])
    assert "claim b-jak1-mutation-prostate" in jak1
    assert not any("tyk2" in w for w in jak1), "symbols must match as whole words"


def test_model_readouts_are_attached():
    rows = atlas.lookup("IFITM1")
    assert "readout ifitm1" in set(rows["where"])
    assert {"review table", "claims ledger", "book model"} <= set(rows["source"])


def test_summary_counts_agree_with_rows():
    summary = atlas.gene_summary().set_index("gene")
    usp18 = atlas.lookup("USP18")
    assert summary.loc["USP18", "table_rows"] == (usp18["source"] == "review table").sum()
    assert summary.loc["USP18", "model_readout"] == "usp18"
    assert "A1" in summary.loc["USP18", "tables"]


@pytest.mark.parametrize("bad", ["IRF99", "", None, 3])
def test_unknown_gene_is_named(bad):
    with pytest.raises(ValueError, match=repr(bad) if bad not in ("",) else "non-empty"):
        atlas.lookup(bad)


def test_unknown_gene_suggests_close_symbols():
    with pytest.raises(ValueError, match="IRF9"):
        atlas.lookup("IRF99")


def test_lookup_widget_shows_the_chosen_gene_without_display_messages():
    pytest.importorskip("ipywidgets")
    box = atlas.lookup_widget()
    chooser, output = box.children
    assert chooser.value == "IRF9"
    (first,) = output.outputs
    assert first["output_type"] == "display_data" and "Table A2" in first["data"]["text/html"]
    assert first == atlas._lookup_output("IRF9"), "the output must be deterministic"
    chooser.value = "TP53"
    (shown,) = output.outputs
    assert "regulator of IRF9" in shown["data"]["text/plain"]
