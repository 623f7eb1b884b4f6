"""Tests for ifnalpha.evidence.tables: the six review tables, their loader and validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from shared_files import review_text

from ifnalpha.evidence import tables
from ifnalpha.reviews import REVIEWS

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
H = "\u2011"  # review B prints hyphens as non-breaking hyphens

ROW_COUNTS = {"A1": 38, "A2": 17, "B1": 10, "B2": 13, "B3": 32, "B4": 19}


def _load(key: str):
    return tables.load(key[0], int(key[1]))


def _row(frame, **match):
    mask = None
    for column, value in match.items():
        hit = frame[column] == value
        mask = hit if mask is None else mask & hit
    selected = frame[mask]
    assert len(selected) == 1, f"expected one row for {match}, got {len(selected)}"
    return selected.iloc[0]


# --- catalogue -----------------------------------------------------------------------------


def test_describe_lists_six_tables_with_titles():
    info = tables.describe().set_index("key")
    assert list(info.index) == ["A1", "A2", "B1", "B2", "B3", "B4"]
    assert info.loc["A1", "title"] == (
        "Transcription factor complexes and their control of interferon-stimulated genes"
    )
    assert info.loc["B1", "title"] == f"The pathways that could be activated by IFN{H}\u03b12b"
    assert info.loc["B3", "file"] == "review_b_table3.csv"
    assert info.loc["A1", "source"] == "adapted from [21\u201323]"


def test_every_table_file_exists():
    for spec in tables.TABLES:
        assert spec.path.is_file(), spec.path


@pytest.mark.parametrize("key", sorted(ROW_COUNTS))
def test_row_counts(key):
    assert len(_load(key)) == ROW_COUNTS[key]


def test_review_letter_is_case_insensitive():
    assert len(tables.load("b", 4)) == ROW_COUNTS["B4"]


@pytest.mark.parametrize(
    ("review", "number", "named"),
    [("C", 1, "'C'"), ("A", 3, "3"), ("B", 0, "0"), ("B", 5, "5")],
)
def test_unknown_table_raises_naming_value(review, number, named):
    with pytest.raises(ValueError, match=re.escape(named)):
        tables.load(review, number)


@pytest.mark.parametrize(
    ("review", "number", "message"),
    [("A", "1", "`number` must be an integer, got '1'"), (None, 1, "`review` must be a string")],
)
def test_wrong_argument_types_raise_type_error(review, number, message):
    with pytest.raises(TypeError, match=re.escape(message)):
        tables.load(review, number)


def test_specs_cover_exactly_the_reviews_tables():
    keys = {(spec.review, spec.number) for spec in tables.TABLES}
    assert keys == {(r.id, n) for r in REVIEWS.values() for n in r.tables}
    assert tables.get_spec("b", 4) is tables.TABLES[-1]


# --- A1: reading of the flattened layout ---------------------------------------------------


def test_a1_reading_isgf3_spans_two_subcolumns():
    a1 = _load("A1")
    columns = a1.groupby("table_column")["complex"].unique().to_dict()
    assert {k: list(v) for k, v in columns.items()} == {
        1: ["ISGF3"],
        2: ["ISGF3"],
        3: ["U-ISGF3"],
        4: ["GAS"],
    }
    second = a1[a1["table_column"] == 2].sort_values("table_row")
    assert second["label"].tolist() == ["IRF9", "IRF4", "cGAS", "STAT1", "STAT2", "NOS2"]


def test_a1_complex_membership():
    a1 = _load("A1")
    labels = {c: a1.loc[a1["complex"] == c, "label"].unique().tolist() for c in tables.COMPLEXES}
    assert labels["U-ISGF3"] == [
        "MX1/2", "IFITM1", "PLSCR1", "OAS1/2/3", "IRF7", "STAT1", "IFI27", "IFI44", "IRF2",
    ]  # fmt: skip
    assert labels["GAS"] == [
        "IFITM1", "STAT4", "IRF1", "IRF8", "IDO", "NOS2", "PDGFRA", "KRT14",
    ]  # fmt: skip
    assert len(labels["ISGF3"]) == 15
    assert a1.groupby("complex").size().to_dict() == {"GAS": 8, "ISGF3": 18, "U-ISGF3": 12}


def test_a1_printed_grid_matches_extraction_rows():
    """Rebuild the flattened lines (left to right) from table_row/table_column."""
    a1 = _load("A1").drop_duplicates(["table_row", "table_column"])
    lines = [
        " ".join(group.sort_values("table_column")["label"]) for _, group in a1.groupby("table_row")
    ]
    assert lines == [
        "MX1/2 IRF9 MX1/2 IFITM1",
        "IFITM1 IRF4 IFITM1 STAT4",
        "PLSCR1 cGAS PLSCR1 IRF1",
        "OAS1/2/3 STAT1 OAS1/2/3 IRF8",
        "SOCS STAT2 IRF7 IDO",
        "USP18 NOS2 STAT1 NOS2",
        "ISG15 IFI27 PDGFRA",
        "IRF3 IFI44 KRT14",
        "IRF7 IRF2",
    ]


def test_a1_groups_expanded_and_label_kept():
    a1 = _load("A1")
    isgf3 = a1[a1["complex"] == "ISGF3"]
    assert isgf3.loc[isgf3["label"] == "OAS1/2/3", "gene"].tolist() == ["OAS1", "OAS2", "OAS3"]
    assert isgf3.loc[isgf3["label"] == "MX1/2", "gene"].tolist() == ["MX1", "MX2"]
    assert not a1.duplicated(["complex", "gene"]).any()


def test_a1_corrections_only_where_symbol_differs():
    a1 = _load("A1")
    corrected = a1[a1["correction"] != ""]
    assert sorted(zip(corrected["label"], corrected["gene"], strict=True)) == [
        ("IDO", "IDO1"),
        ("SOCS", "SOCS1"),
        ("cGAS", "CGAS"),
    ]
    assert _row(a1, label="IDO")["correction"].startswith("gene: IDO \u2192 IDO1")


# --- exact cells ---------------------------------------------------------------------------


def test_a2_cells():
    a2 = _load("A2")
    row = _row(a2, function="Migration/invasion", gene="IFITM1")
    assert row["status_in_ibc"] == "Confirmed"
    assert row["citations"] == (14,)
    assert _row(a2, function="Negative regulation", gene="SOCS1")["citations"] == (17, 22)
    dna = a2[a2["function"] == "DNA damage resistance"]
    assert dna["label"].unique().tolist() == [
        "STAT1", "IFI27", "MX1/2", "PLSCR1", "OAS1/2/3", "IRF9", "IFITM1",
    ]  # fmt: skip
    assert set(dna["citations_printed"]) == {"14, 38"}
    assert a2.groupby("table_row")["status_in_ibc"].first().tolist() == [
        "Inferred", "Confirmed", "Inferred", "Inferred",
    ]  # fmt: skip


def test_b1_cells():
    b1 = _load("B1")
    first = b1.iloc[0]
    assert first["cell_type"] == "Jurkat, SupT1, H9, CEM, U937"
    assert first["mechanism"] == "Decreasing the phosphorylation level of MEK1/2 and ERK1/2"
    assert first["notes"] == (
        f"Time{H}dependence, failure to function within a short period, functioning "
        f"independently of the upstream signal of Ras and Raf{H}1"
    )
    row = _row(b1, citations_printed="36")
    assert row["mechanism"] == (
        "Activating NADPH oxidase complex and inducing the production of reactive oxygen species"
    )
    row = _row(b1, citations_printed="38")
    assert row["notes"] == (
        f"Using bone marrow mesenchymal stem cells that could express IFN{H}\u03b12b protein"
    )
    assert _row(b1, citations_printed="39")["mechanism"] == "NA"
    assert _row(b1, citations_printed="40")["notes"] == (
        "Functioning after 72 h. The function could be antagonized by G1P3 within a short period"
    )
    assert b1["citations"].tolist() == [(n,) for n in range(33, 43)]


def test_b2_cells():
    b2 = _load("B2")
    assert b2["gene"].unique().tolist() == ["IFIT2", "MX1", "SAMHD1", "APOBEC3", "EIF2AK2", "OAS1"]
    row = _row(b2, gene="IFIT2", cancer_type="Gastric cancer")
    assert row["anticancer_action"] == (
        "Inhibition of cell proliferation and migration and induction of cell cycle arrest"
    )
    assert row["antiviral_mechanism"] == (
        "Inhibiting viral protein synthesis and interfering with viral replication"
    )
    assert _row(b2, gene="SAMHD1", cancer_type="S\u00e9zary syndrome")["citations"] == (
        56, 57, 58, 59,
    )  # fmt: skip
    assert _row(b2, gene="EIF2AK2", cancer_type="Melanoma")["antiviral_mechanism"] == (
        "Phosphorylating eIF2\u03b1 and blocking viral mRNA translation"
    )
    assert b2.groupby("gene", sort=False)["cancer_type"].apply(list).to_dict() == {
        "IFIT2": ["Gallbladder carcinoma", "Colon cancer", "Gastric cancer"],
        "MX1": ["Prostate cancer"],
        "SAMHD1": ["Sézary syndrome", "Chronic lymphocytic leukemia", "Colon cancer"],
        "APOBEC3": ["Acute myeloid leukemia", "Ovarian cancer"],
        "EIF2AK2": ["Melanoma", "Breast cancer", "Cervical cancer"],
        "OAS1": ["Breast cancer"],
    }


def test_b3_cells():
    b3 = _load("B3")
    usp6 = _row(b3, regulator="USP6")
    assert (usp6["category"], usp6["cell_type"], usp6["target"], usp6["action"]) == (
        "intracellular", "Mouse preosteoblast cells", "JAK1", "Protein degradation",
    )  # fmt: skip
    assert usp6["mechanism"] == (
        "Directly binding, leading to deubiquitination and stabilization of JAK1"
    )
    assert _row(b3, regulator="TJP1")["mechanism"] == (
        f"Decreasing the phosphorylation level in an EGFR{H}dependent manner"
    )
    assert _row(b3, regulator="CTLA4")["cell_type"] == "Lymphoma cells and multiple myeloma cells"
    assert _row(b3, regulator="LDL")["cell_type"] == (
        "PC\u20103, LNCaP, MIA PaCa\u20102, PANC\u20101"
    )
    assert _row(b3, regulator=f"MUC1{H}C")["cell_type"] == f"ZR{H}75\u20131, MCF{H}7, MCF{H}10A"
    assert _row(b3, regulator="Cirsiliol")["citations"] == (89,)
    assert _row(b3, regulator=f"HIF{H}1\u03b1")["citations"] == (90,)
    last = b3.iloc[-1]
    assert last["regulator"] == f"17{H}Hydroxy{H}jolkinolide B"
    assert (last["category"], last["target"], last["citations"]) == ("exogenic", "TYK2", (121,))
    assert b3.groupby("category").size().to_dict() == {"exogenic": 16, "intracellular": 16}


def test_b3_continued_page_rows_follow_in_order():
    regulators = _load("B3")["regulator"].tolist()
    assert regulators[26:] == [
        f"HO{H}3867", "Fraxinellone", "Formononetin", "Cirsiliol", f"PU{H}H71",
        f"17{H}Hydroxy{H}jolkinolide B",
    ]  # fmt: skip


def test_b4_cells():
    b4 = _load("B4")
    assert b4["regulator"].iloc[0] == "TRIM24"
    stat3 = _row(b4, regulator="STAT3")
    assert stat3["target"] == "ISGF3"
    assert stat3["mechanism"] == "Downregulating STAT1, STAT2 and IRF9"
    assert stat3["cell_type"] == "Diffuse large B cell lymphoma cells"
    assert _row(b4, regulator="RNF168")["mechanism"] == (
        "Directly binding, leading to deubiquitination and stabilization of STAT1"
    )
    assert _row(b4, regulator="IFIT3")["target"] == "STAT1, STAT2"
    assert _row(b4, regulator="Dexamethasone")["mechanism"] == "Increasing the methylation level"
    assert _row(b4, regulator=f"PKC{H}\u03b8")["citations"] == (138,)
    assert b4.groupby("category").size().to_dict() == {"exogenic": 5, "intracellular": 14}


def test_typos_kept_as_printed_with_corrections():
    b1, b4 = _load("B1"), _load("B4")
    quercein = _row(b4, regulator="Quercein")
    assert "Quercetin" in quercein["correction"]
    assert b4.loc[b4["regulator"] != "Quercein", "correction"].eq("").all()
    upreg = _row(b1, citations_printed="37")
    assert upreg["mechanism"].startswith("Upregulting p53")
    assert "Upregulating" in upreg["correction"]
    assert _row(b1, citations_printed="35")["cell_type"].startswith("Kupfer cells")
    assert (b1["correction"] != "").sum() == 2
    assert (_load("B2")["correction"] != "").sum() == 0
    assert (_load("B3")["correction"] != "").sum() == 0


def test_regulator_genes_only_for_gene_products():
    for key in ("B3", "B4"):
        frame = _load(key)
        products = frame["regulator_type"] == "gene product"
        assert frame.loc[products, "gene"].map(tables.is_gene_symbol).all()
        assert frame.loc[~products, "gene"].eq("").all()
    b3 = _load("B3")
    assert _row(b3, regulator="Sorafenib")["gene"] == ""
    assert _row(b3, regulator="Leptin")["gene"] == "LEP"
    assert _row(_load("B4"), regulator="p53")["gene"] == "TP53"


# --- citations -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["A2", "B1", "B2", "B3", "B4"])
def test_citations_are_int_tuples_in_range(key):
    frame = _load(key)
    top = REVIEWS[key[0]].reference_count
    for cites in frame["citations"]:
        assert isinstance(cites, tuple) and cites
        assert all(isinstance(n, int) and 1 <= n <= top for n in cites)


def test_citation_ranges_expanded():
    b2 = _load("B2")
    assert _row(b2, gene="IFIT2", cancer_type="Colon cancer")["citations"] == (46, 52, 53, 54)
    assert _row(b2, gene="IFIT2", cancer_type="Colon cancer")["citations_printed"] == (
        "46, 52\u201354"
    )
    assert _row(b2, gene="APOBEC3", cancer_type="Ovarian cancer")["citations"] == (48, 49, 60)


def test_b3_b4_citation_numbers_in_print_order():
    b3 = [c for (c,) in _load("B3")["citations"]]
    assert b3 == [92, 93, 94, 95, 96, 97, 98, 99, 100, 90, *range(101, 120), 89, 120, 121]
    b4 = [c for (c,) in _load("B4")["citations"]]
    assert b4 == [142, 139, 138, 143, 144, 145, 146, 147, 148, 140, 149, 150, 151, 152,
                  *range(153, 158)]  # fmt: skip


# --- gene labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("MX1/2", ("MX1", "MX2")),
        ("OAS1/2/3", ("OAS1", "OAS2", "OAS3")),
        ("IFITM1", ("IFITM1",)),
        ("STAT1/STAT2", ("STAT1", "STAT2")),
        ("cGAS", ("cGAS",)),
        ("IFNAR1/2", ("IFNAR1", "IFNAR2")),
    ],
)
def test_expand_label(label, expected):
    assert tables.expand_label(label) == expected


@pytest.mark.parametrize(
    "label", ["", "MX1/", "/2", "MX/2", "MX1//2", "MX1 / 2", "MX1/2a", "MX1/1", "MX1,MX2"]
)
def test_expand_label_rejects_malformed(label):
    with pytest.raises(ValueError, match="label"):
        tables.expand_label(label)


def test_expand_label_needs_a_string():
    with pytest.raises(TypeError, match="`label` must be a string, got None"):
        tables.expand_label(None)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("IFITM1", True), ("HLA-A", True), ("C1orf112", True), ("cGAS", False), ("MX1/2", False),
     ("IFIT-", False), ("", False), ("SOCS 1", False), ("1ABC", False)],
)  # fmt: skip
def test_is_gene_symbol(text, ok):
    assert tables.is_gene_symbol(text) is ok


# --- validation of malformed files ---------------------------------------------------------


BAD_FILES = [
    ("a1_missing_column.csv", "A1", "line 1", "gene", "missing column"),
    ("a1_unknown_complex.csv", "A1", "row 2", "complex", "'ISGF4'"),
    ("a1_bad_gene.csv", "A1", "row 2", "gene", "'mx2'"),
    ("a1_gene_not_in_label.csv", "A1", "row 2", "gene", "'MX3'"),
    ("a1_duplicate.csv", "A1", "row 3", "complex, gene", "repeats row 1"),
    ("a1_bad_integer.csv", "A1", "row 1", "table_row", "'x'"),
    ("a2_empty_cell.csv", "A2", "row 2", "function", "empty required cell"),
    ("a2_unknown_status.csv", "A2", "row 1", "status_in_ibc", "'Likely'"),
    ("a2_bad_label.csv", "A2", "row 2", "label", "'MX/2'"),
    ("a2_out_of_range.csv", "A2", "row 2", "citations", "'14, 60'"),
    ("b1_bad_citation.csv", "B1", "row 2", "citations", "'34a'"),
    ("b1_out_of_range.csv", "B1", "row 2", "citations", "'34, 269'"),
    ("b1_wrong_field_count.csv", "B1", "row 1", "", "expected 6 fields, got 5"),
    ("b1_untrimmed.csv", "B1", "row 1", "cell_type", "'KB '"),
    ("b2_bad_gene.csv", "B2", "row 2", "gene", "'MX1/2'"),
    ("b3_unknown_category.csv", "B3", "row 2", "category", "'extracellular'"),
    ("b3_compound_with_gene.csv", "B3", "row 1", "gene", "'SORAFENIB'"),
    ("b4_gene_product_without_gene.csv", "B4", "row 2", "gene", "needs a gene symbol"),
    ("b4_unknown_action.csv", "B4", "row 1", "action", "'Binding'"),
    ("b4_unbalanced_citation.csv", "B4", "row 1", "citations", "'[147'"),
]


@pytest.mark.parametrize(("name", "key", "where", "column", "detail"), BAD_FILES)
def test_malformed_file_raises_naming_file_row_column(name, key, where, column, detail):
    spec = tables.get_spec(key[0], int(key[1]))
    with pytest.raises(ValueError) as caught:
        tables.load_file(FIXTURES / name, spec)
    message = str(caught.value)
    assert name in message
    assert where in message
    if column:
        assert f"column {column!r}" in message
    assert detail in message


def test_data_line_number_reported():
    spec = tables.get_spec("A", 2)
    with pytest.raises(ValueError, match=r"row 2 \(line 3\), column 'function'"):
        tables.load_file(FIXTURES / "a2_empty_cell.csv", spec)


def test_out_of_range_depends_on_review():
    """60 is out of range for review A; the same citation in a B table would be fine."""
    spec = tables.get_spec("A", 2)
    with pytest.raises(ValueError, match="between 1 and 59, got 60"):
        tables.load_file(FIXTURES / "a2_out_of_range.csv", spec)


def test_load_with_path_reads_fixture():
    frame = tables.load("B", 1, path=FIXTURES / "b1_valid.csv")
    assert frame["cell_type"].tolist() == ["KB", "HepG2"]
    assert frame["citations"].tolist() == [(41,), (34,)]
    assert frame["notes"].tolist() == ["NA", "NA"]  # a printed value, not a missing one


def test_missing_file_raises():
    with pytest.raises(FileNotFoundError):
        tables.load("B", 1, path=FIXTURES / "no_such_file.csv")


# --- against the review text (when the extractions are available) --------------------------

_SOFT_BREAK = r"(?:\u2011[ \t]*\n\s*|(?<=\u2011)[ \t]*\n\s*)?"


def _occurs(cell: str, text: str) -> bool:
    """Whether `cell` is in `text`, allowing line wraps and line-end word-break hyphens."""
    pattern = "".join(r"\s+" if c == " " else re.escape(c) + _SOFT_BREAK for c in cell)
    return re.search(pattern, text) is not None


def _table_text(review: str) -> str:
    return review_text(review)


_PRINTED = {
    "A1": ["label"],
    "A2": ["function", "status_in_ibc", "label", "citations_printed"],
    "B1": ["cell_type", "mechanism", "anticancer_action", "notes", "citations_printed"],
    "B2": ["gene", "antiviral_mechanism", "cancer_type", "anticancer_action", "citations_printed"],
    "B3": ["regulator", "cell_type", "target", "action", "mechanism", "citations_printed"],
    "B4": ["regulator", "cell_type", "target", "action", "mechanism", "citations_printed"],
}


@pytest.mark.parametrize("key", sorted(_PRINTED))
def test_every_printed_cell_occurs_in_review_text(key):
    text = _table_text(key[0])
    frame = _load(key)
    missing = [
        (i + 1, column, value)
        for i, row in frame.iterrows()
        for column in _PRINTED[key]
        for value in [row[column]]
        if not _occurs(value, text)
    ]
    assert missing == []


def test_occurs_helper_is_strict():
    text = "Activating NADPH oxidase com\u2011\nplex and IFN\u2011\n\u03b12b"
    assert _occurs("NADPH oxidase complex", text)
    assert _occurs("IFN\u2011\u03b12b", text)
    assert not _occurs("NADPH oxidase complexes", text)
    assert not _occurs("Activating NADPH oxidase complex and IFN", text.replace("and", "or"))
