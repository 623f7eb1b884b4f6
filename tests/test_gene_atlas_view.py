"""The gene atlas page: the reviews' atlas joined with the model's readouts, tables and lookup."""

from __future__ import annotations

import pytest

from ifnalpha import model
from ifnalpha.book import gene_atlas
from ifnalpha.evidence import atlas as evidence_atlas


def test_every_gene_readout_of_the_model_is_a_model_row_of_its_gene():
    joined = gene_atlas.joined_atlas()
    genes = set(evidence_atlas.atlas()["gene"])
    declared = {(r.gene, f"model readout: {r.label}") for r in model.READOUTS.values()
                if r.gene in genes}
    rows = joined[joined["source"] == gene_atlas.MODEL_SOURCE]
    assert set(zip(rows["gene"], rows["where"], strict=True)) == declared
    assert declared, "the model declares no readout of an atlas gene"


def test_the_reviews_rows_are_kept_as_the_evidence_layer_gives_them():
    joined = gene_atlas.joined_atlas()
    reviews = joined[joined["source"] != gene_atlas.MODEL_SOURCE]
    evidence = evidence_atlas.atlas()
    evidence = evidence[evidence["source"] != gene_atlas.MODEL_SOURCE]
    assert len(reviews) == len(evidence)
    assert set(reviews["where"]) == set(evidence["where"])


def test_model_rows_come_last_for_each_gene():
    rows = gene_atlas.lookup("IFITM1")
    sources = list(rows["source"])
    assert sources.index(gene_atlas.MODEL_SOURCE) > max(
        i for i, s in enumerate(sources) if s != gene_atlas.MODEL_SOURCE)
    assert {"review table", "claims ledger", "book model"} <= set(sources)


def test_the_summary_names_the_readouts_of_each_gene():
    summary = gene_atlas.gene_summary().set_index("gene")
    assert "USP18 protein" in summary.loc["USP18", "model_readouts"]
    assert "USP18 mRNA" in summary.loc["USP18", "model_readouts"]
    assert summary.loc["MX1", "model_readouts"] == ""
    usp18 = gene_atlas.lookup("USP18")
    assert summary.loc["USP18", "table_rows"] == (usp18["source"] == "review table").sum()


def test_the_glued_counts_agree_with_the_tables():
    texts = gene_atlas.gene_atlas_texts()
    summary = gene_atlas.gene_summary()
    assert texts["n-genes"] == str(len(summary)) == str(len(gene_atlas.genes_table().frame))
    assert texts["n-atlas-rows"] == str(len(gene_atlas.atlas_table().frame))
    readouts = {r.gene for r in model.READOUTS.values() if r.gene} & set(summary["gene"])
    assert texts["n-genes-with-readout"] == str(len(readouts))
    both = texts["genes-both-reviews"].split(", ")
    assert texts["n-genes-both-reviews"] == str(len(both)) and "STAT1" in both


def test_the_tables_show_reader_headings():
    table = gene_atlas.atlas_table()
    assert list(table.frame.columns) == [
        "Gene", "Printed", "Source", "Review", "Where", "Context", "References", "Search"]
    assert table.search_only == ("Search",)
    assert "c-KIT" in set(table.frame["Search"].str.split(" ").explode())
    assert "c\u2011KIT" in set(table.frame["Printed"]), "the printed form is kept on show"
    lookup = gene_atlas.lookup_table("irf9")
    assert lookup.table_id == "atlas-lookup-irf9" and "IRF9" in lookup.caption
    assert "Gene" not in lookup.frame.columns


@pytest.mark.parametrize("bad", ["IRF99", ""])
def test_an_unknown_gene_is_named(bad):
    with pytest.raises((ValueError, TypeError)):
        gene_atlas.lookup(bad)


def test_lookup_widget_shows_the_chosen_gene_without_display_messages():
    pytest.importorskip("ipywidgets")
    box = gene_atlas.lookup_widget()
    chooser, output = box.children
    assert chooser.value == "IRF9"
    (first,) = output.outputs
    assert first["output_type"] == "display_data" and "Table A2" in first["data"]["text/html"]
    assert "model readout: IRF9 protein" in first["data"]["text/plain"]
    assert first == gene_atlas._lookup_output("IRF9"), "the output must be deterministic"
    chooser.value = "TP53"
    (shown,) = output.outputs
    assert "regulator of IRF9" in shown["data"]["text/plain"]


def test_model_rows_carry_the_models_numbers():
    from ifnalpha.model import gene_readouts

    numbers = gene_readouts.gene_readout_numbers().set_index("readout")
    rows = gene_atlas.model_rows(["USP18"]).set_index("where")
    text = rows.loc["model readout: USP18 protein", "context"]
    assert f"×{numbers.loc['usp18', 'standard']:.1f}" in text
    assert f"×{numbers.loc['usp18', 'chronic']:.1f}" in text
    assert gene_atlas.model_numbers_table().frame.shape == (len(numbers), 4)


def test_rest_is_a_fold_of_one_and_chronic_differs_from_early():
    from ifnalpha import model
    from ifnalpha.model import gene_readouts

    rest = model.simulate(0.0, 1.0).frame.iloc[0]
    table = gene_readouts.gene_readout_numbers()
    for row in table[table["is_fold"]].itertuples():
        assert abs(rest[row.readout] - 1.0) < 1e-6
    assert (table["standard"] != table["chronic"]).all()
    with pytest.raises(ValueError):
        gene_readouts.gene_readout_numbers(chronic_hours=10.0)


def test_book_pages_name_the_gene():
    pages = dict(gene_atlas.book_pages()["IFITM1"])
    assert "chapters/ibc/isgs-in-ibc" in pages
    assert "chapters/synthesis/gene-atlas" not in pages
    texts = gene_atlas.gene_atlas_texts()
    summary = gene_atlas.gene_summary()
    assert texts["n-genes-with-pages"] == str((summary["book_pages"] != "").sum())
    assert int(texts["n-genes"]) == int(texts["n-genes-tables"]) + int(texts["n-genes-text-only"])
