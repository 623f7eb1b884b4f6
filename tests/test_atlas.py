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
    assert len(idx) == 153  # 150 rows, and STAT3's target ISGF3 as its three members
    stat3 = idx[idx["context"].str.contains("STAT3 as part of ISGF3")]
    assert sorted(stat3["gene"]) == ["IRF9", "STAT1", "STAT2"]
    assert set(stat3["label"]) == {"ISGF3"}


# --- the atlas -----------------------------------------------------------------------------


def test_every_table_gene_is_in_the_atlas_with_all_its_rows():
    index = atlas.gene_index()
    frame = atlas.atlas()
    table_rows = frame[frame["source"] == "review table"]
    assert len(table_rows) == len(index)
    assert set(index["gene"]) <= set(frame["gene"])


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
    assert list(summary.columns) == atlas.SUMMARY_COLUMNS[1:]
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


# --- genes named in the reviews' text, legends and other table cells ------------------------

import re  # noqa: E402

from shared_files import review_text  # noqa: E402

from ifnalpha.evidence import text_genes  # noqa: E402
from ifnalpha.evidence.citations import places  # noqa: E402
from ifnalpha.reviews import section_paths  # noqa: E402


def _forms(chunk: str) -> list[str]:
    """The chunk on one line: line-end hyphens kept (``TIMP-1``) and dropped (``com-plex``)."""
    kept = re.sub(r"(?<=[-\u2010\u2011])\n", "", chunk)
    dropped = re.sub(r"[-\u2010\u2011]\n", "", chunk)
    return [" ".join(x.split()) for x in (kept, dropped)]


def _places(review: str):
    text = review_text(review)
    marks = places._headings(review, text)
    blocks = places._blocks(review, text)
    starts = [m[0] for m in marks] + [len(text)]
    spans = {path: (starts[i], starts[i + 1]) for i, path in enumerate(section_paths(review))}
    return text, spans, blocks, marks


@pytest.mark.parametrize("review", ["A", "B"])
def test_every_text_named_gene_is_printed_at_its_section(review):
    text, spans, blocks, marks = _places(review)
    frame = text_genes.load()
    missing = []
    for row in frame[frame["review"] == review].itertuples(index=False):
        a, b = spans[row.section]
        if row.location == "text":
            chunk = text[a:b]
            for _, x, y in blocks:
                chunk = chunk.replace(text[x:y], " ") if a <= x < b else chunk
            found = any(row.printed in form for form in _forms(chunk))
        else:
            mine = [(x, y) for name, x, y in blocks if name == row.location]
            found = any(row.printed in f for x, y in mine for f in _forms(text[x:y]))
            anchor = places._first_mention(text, row.location, blocks)
            section, sub = places._section_at(marks, anchor)
            assert row.section.split(" > ")[0] == section, (row.line, row.location)
        if not found:
            missing.append((row.line, row.section, row.location, row.printed))
    assert not missing, f"printed names not found at their section: {missing}"


def test_text_named_genes_cover_the_signalling_core():
    frame = text_genes.load()
    symbols = {s for row in frame["symbols"] for s in row}
    for gene in ("IFNAR1", "IFNAR2", "JAK1", "TYK2", "STAT1", "STAT2", "IRF9", "IRF3", "IRF7",
                 "ISG15", "USP18", "SOCS1", "CD274", "RHOC", "CGAS", "STING1", "RIGI", "HIF1A"):
        assert gene in symbols, gene
    rig = frame[frame["printed"].isin(["RIG1", "RIG-I"])]
    assert set(rig["review"]) == {"A", "B"} and {s for r in rig["symbols"] for s in r} == {"RIGI"}
    nfkb = frame[frame["group"] == "NF-κB"]
    assert len(nfkb) >= 4 and all(not s for s in nfkb["symbols"]), "no guessed NF-κB members"


def test_families_expand_only_to_named_members():
    members = atlas.complex_members()
    assert members["ISGF3"] == ("STAT1", "STAT2", "IRF9")
    frame = atlas.atlas()
    assert "TLR (family)" in set(frame["gene"]) and "TLR1" not in set(frame["gene"])
    mx = frame[(frame["printed"] == "MXs")]
    assert sorted(mx["gene"]) == ["MX1", "MX2"]


def test_text_file_errors_name_file_line_and_column(tmp_path):
    good = text_genes.default_path().read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "text_genes.csv"
    bad.write_text("\n".join([good[0], good[1].replace(",text,", ",Figure 9 legend,", 1)]) + "\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"text_genes.csv, line 2: column 'location'"):
        text_genes.load_file(bad)
    bad.write_text("\n".join([good[0], good[1].replace(",Background,", ",Nowhere,", 1)]) + "\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: column 'section'"):
        text_genes.load_file(bad)


@pytest.mark.parametrize("typed, gene", [("c-KIT", "KIT"), ("HIF-1α", "HIF1A"),
                                          ("pd-l1", "CD274"), ("NFκB", "NF-κB (family)")])
def test_plain_typing_finds_printed_names(typed, gene):
    assert atlas.lookup(typed)["gene"].unique().tolist() == [gene]
    assert atlas.search_form("c\u2011KIT") == "c-KIT"
