"""The IFN-α gene list (data/outside/ifna_genes.csv): checks, counts, and agreement with the
notes on the reviews and with the page that states them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ifnalpha.book import differ_page
from ifnalpha.evidence import annotations, claims, ifna_family

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "chapters" / "synthesis" / "reviews-differ.ipynb"
HEADER = "symbol,hgnc_name,hgnc_band,gtopdb_uniprot\n"


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "genes.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_counts_are_what_the_two_gene_lists_show():
    counts = ifna_family.family_counts()
    assert (counts.genes, counts.pseudogenes, counts.symbols) == (13, 4, 17)
    assert counts.distinct_proteins == 12
    assert counts.shared_proteins == {"P01562": ("IFNA1", "IFNA13")}
    assert counts.bands == ("9p21.3",)
    pseudo = ifna_family.load().query("pseudogene").index.tolist()
    assert pseudo == ["IFNA11P", "IFNA12P", "IFNA20P", "IFNA22P"]


def test_the_reviews_counts_come_from_the_ledger():
    frame = ifna_family.count_comparison()
    reviews = frame[frame["who"].str.startswith("review")]
    assert reviews[["who", "counts", "value", "qualifier"]].values.tolist() == [
        ["review A", "subtypes", 13, ""], ["review B", "subtypes", 24, "at least"],
        ["review B", "genes", 14, ""]]
    ledger = claims.load()
    assert all(ledger.loc[c, "value"] == v for c, v in zip(
        ifna_family.REVIEW_COUNT_CLAIMS, reviews["value"], strict=True))


def test_the_notes_on_the_reviews_say_the_same():
    words = {4: "four", 12: "twelve", 13: "thirteen"}
    counts = ifna_family.family_counts()
    for ident in ("a-ifna-subtype-count", "b-ifna-subtype-count"):
        note = annotations.get(ident).note
        assert f"{words[counts.genes]} protein-coding IFNA genes" in note, ident
        assert f"{words[counts.pseudogenes]} IFNA pseudogenes" in note, ident
        assert "IFNA1 and IFNA13" in note and "P01562" in note, ident
    assert counts.bands[0] in annotations.get("a-ifna-cluster-chromosome").note
    assert ifna_family.GTOPDB_CLUSTER_BAND in annotations.get("a-ifna-cluster-chromosome").note


@pytest.mark.parametrize(("row", "column", "reason"), [
    ("IFNX1,interferon alpha 1,9p21.3,P01562", "symbol", "IFNA<number>"),
    ("IFNA1,interferon alpha 2,9p21.3,P01562", "hgnc_name", "approved name"),
    ("IFNA11P,interferon alpha 11,9p21.3,", "hgnc_name", "pseudogene"),
    ("IFNA1,interferon alpha 1,9q,P01562", "hgnc_band", "band"),
    ("IFNA1,interferon alpha 1,9p21.3,", "gtopdb_uniprot", "UniProt"),
    ("IFNA11P,\"interferon alpha 11, pseudogene\",9p21.3,P01562", "gtopdb_uniprot",
     "no protein"),
])
def test_a_bad_row_is_named(tmp_path, row, column, reason):
    with pytest.raises(ValueError, match=rf"line 2 .*column '{column}'.*{reason}"):
        ifna_family.read_genes(write(tmp_path, row))


def test_a_repeated_symbol_and_wrong_columns_are_named(tmp_path):
    row = "IFNA1,interferon alpha 1,9p21.3,P01562"
    with pytest.raises(ValueError, match="line 3 .*repeats line 2"):
        ifna_family.read_genes(write(tmp_path, row, row))
    bad = tmp_path / "bad.csv"
    bad.write_text("symbol,band\nIFNA1,9p21.3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns must be"):
        ifna_family.read_genes(bad)


def test_the_sources_must_be_in_the_bibliography(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{other,\n  title = {x},\n}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not in references.bib"):
        ifna_family.read_genes(write(tmp_path, "IFNA1,interferon alpha 1,9p21.3,P01562"), bib)


def test_the_page_states_the_counts_and_a_verdict_for_every_point():
    cells = json.loads(PAGE.read_text(encoding="utf-8"))["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for key in differ_page.reviews_differ_texts():
        assert f"{{glue:text}}`{key}`" in markdown, key
    sections = markdown.split("\n## ")[1:]
    for section in sections:
        title = section.splitlines()[0]
        assert "**Verdict" in section, f"reviews-differ: no verdict under {title!r}"
    assert "compatible, and review B's is more specific" not in markdown
