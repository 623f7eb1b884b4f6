"""The reviews' figures as data and as drawings (issue 11).

Data: every diagram loads, every reference number is in its review's list, the genes of the
tables a figure covers appear as nodes, and bad files fail with the file and row named. Drawing:
deterministic SVG with links and tooltips, the visual grammar covers every kind, the model's
diagram covers every reaction.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from ifnalpha.evidence import diagrams, regulator_network, tables
from ifnalpha.model import diagram as model_diagram
from ifnalpha.model.spec import REACTIONS, SPECIES
from ifnalpha.paths import REPO_ROOT
from ifnalpha.reviews import REVIEWS

FIXTURES = Path(__file__).parent / "fixtures" / "diagrams"
IDS = diagrams.diagram_ids()
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz (dot) is not installed")


def glossary_terms() -> set[str]:
    text = (REPO_ROOT / "chapters" / "appendix" / "glossary.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {line.strip() for line in block.splitlines()
            if line and not line.startswith((" ", ":")) and line.strip()}


# --- data ---


def test_the_index_names_every_figure_of_both_reviews():
    index = diagrams.figure_index()
    drawn = {(r, p) for r, p in zip(index["review"], index["panel"], strict=True)}
    assert drawn == {("A", f) for f in REVIEWS["A"].figures} | {("B", "Fig. 3"), ("B", "Fig. 4")}


@pytest.mark.parametrize("figure_id", IDS)
def test_every_reference_number_exists_in_its_review(figure_id):
    d = diagrams.load(figure_id)
    count = REVIEWS[d.review].reference_count
    assert all(1 <= n <= count for refs in d.edges["references"] for n in refs)
    assert d.citations, "a figure of a review cites the review"


@pytest.mark.parametrize("figure_id", IDS)
def test_nodes_and_edges_are_well_formed(figure_id):
    d = diagrams.load(figure_id)
    assert d.nodes["id"].is_unique and d.edges["id"].is_unique
    assert set(d.edges["source"]) | set(d.edges["target"]) <= set(d.nodes["id"])
    assert set(d.nodes["kind"]) <= set(diagrams.NODE_KINDS)
    assert set(d.edges["kind"]) <= set(diagrams.EDGE_KINDS)
    linked = set(d.edges["source"]) | set(d.edges["target"])
    assert set(d.nodes["id"]) <= linked, "every node takes part in an edge"


@pytest.mark.parametrize("figure_id", IDS)
def test_glossary_links_name_real_terms(figure_id):
    d = diagrams.load(figure_id)
    used = {t for t in d.nodes["glossary"] if t}
    assert used <= glossary_terms()


def test_fig1a_and_fig1b_hold_the_genes_of_review_a_table1_as_they_draw_them():
    a1 = tables.load("A", 1)
    genes = {c: set(a1.loc[a1["complex"] == c, "gene"]) for c in ("ISGF3", "U-ISGF3", "GAS")}
    fig1a = diagrams.load("a-fig1a").nodes.set_index("id")["genes"]
    fig1b = diagrams.load("a-fig1b").nodes.set_index("id")["genes"]
    assert set(fig1a["isgf3_targets"]) == genes["ISGF3"]
    assert set(fig1a["gas_targets"]) == genes["GAS"]
    assert set(fig1b["u_isgf3_targets"]) == genes["U-ISGF3"]


def test_fig4_holds_every_regulator_and_target_of_tables_3_and_4():
    d = diagrams.load("b-fig4")
    rows = regulator_network.regulator_rows()
    labels = set(d.nodes["label"])
    assert set(rows["regulator"]) <= labels
    for number in (3, 4):
        frame = tables.load("B", number)
        gene_products = set(frame.loc[frame["gene"] != "", "gene"])
        assert gene_products <= set(d.genes)
        targets = {t.strip() for cell in frame["target"] for t in cell.split(",")}
        assert targets <= labels
    # one edge per (row, target), with that row's citation
    table_edges = d.edges[d.edges["id"].str.match(r"b[34]_")]
    assert len(table_edges) == len(rows)
    assert set(table_edges["action"]) == set(tables.ACTIONS)


def test_fig3_places_every_table_regulator_and_every_table1_pathway():
    d = diagrams.load("b-fig3")
    boxes = d.nodes[d.nodes["kind"] == "regulator_group"]
    named = " ".join(boxes["label"])
    assert all(name in named for name in regulator_network.regulator_rows()["regulator"])
    b1 = tables.load("B", 1)
    cited = {n for refs in b1["citations"] for n in refs}
    assert cited <= set(d.citations)
    kinds = set(d.edges.loc[d.edges["source"].isin(boxes["id"]), "kind"])
    assert {"activates", "inhibits"} <= kinds


def test_fig2_names_the_sensors_the_review_names_with_current_symbols():
    nodes = diagrams.load("a-fig2").nodes.set_index("id")
    assert nodes.loc["rig_i", "genes"] == ("RIGI",)
    assert nodes.loc["cgas", "genes"] == ("CGAS",)
    assert nodes.loc["sting", "genes"] == ("STING1",)
    for added in ("MAVS", "TBK1", "MYD88", "TICAM1", "IKBKE"):
        assert added not in {g for genes in nodes["genes"] for g in genes}


def test_the_receptor_departure_is_drawn_and_explained():
    edges = diagrams.load("a-fig1a").edges.set_index("id")
    binding = edges.loc["ifna_binds_ifnar2"]
    assert binding["target"] == "ifnar2"
    assert binding["note"].startswith("Departure from the review:")
    assert "10.1074/jbc.R700006200" in binding["note"]
    assert diagrams.load("a-fig1a").summary()["departures"] >= 1


# --- validation errors name the file and the row ---


@pytest.mark.parametrize(("nodes", "edges", "message"), [
    ("good", "unknown-node", r"unknown-node\.edges\.csv: row 2 \(line 3\), column 'target': "
                             r"unknown node: 'c'"),
    ("good", "unknown-kind", r"unknown-kind\.edges\.csv: row 1 \(line 2\), column 'kind': "
                             r"unknown edge kind"),
    ("unknown-kind", "good", r"unknown-kind\.nodes\.csv: row 2 \(line 3\), column 'kind': "
                             r"unknown node kind"),
    ("good", "bad-reference", r"bad-reference\.edges\.csv: row 2 \(line 3\), column "
                              r"'references': bad reference .*between 1 and 59, got 60"),
    ("duplicate-id", "good", r"duplicate-id\.nodes\.csv: row 3 \(line 4\), column 'id': "
                             r"duplicate node id: 'a'"),
    ("good", "missing-column", r"missing-column\.edges\.csv: line 1 \(header\), column 'kind': "
                               r"missing column"),
])
def test_bad_files_fail_naming_file_row_and_column(nodes, edges, message):
    with pytest.raises(ValueError, match=message):
        diagrams.load_files(FIXTURES / f"{nodes}.nodes.csv", FIXTURES / f"{edges}.edges.csv", "A")


def test_a_good_fixture_loads():
    d = diagrams.load_files(FIXTURES / "good.nodes.csv", FIXTURES / "good.edges.csv", "A")
    assert d.edges["references"].tolist() == [(19,)]


def test_unknown_figure_id_is_refused():
    with pytest.raises(ValueError, match="`figure_id` must be one of"):
        diagrams.load("a-fig9")


# --- the model's wiring ---


def test_the_model_diagram_covers_every_reaction_and_species():
    nodes, edges = model_diagram.wiring()
    processes = set(nodes.loc[nodes["kind"] == "process", "id"])
    assert processes == {r.id for r in REACTIONS}
    assert {s.id for s in SPECIES} <= set(nodes["id"])
    for r in REACTIONS:
        touching = edges[(edges["source"] == r.id) | (edges["target"] == r.id)]
        for species, coefficient in r.stoichiometry.items():
            kind = "produces" if coefficient > 0 else "consumes"
            assert ((touching["kind"] == kind)
                    & ((touching["source"] == species) | (touching["target"] == species))).any()


def test_the_feedback_brakes_inhibit_receptor_activation():
    _, edges = model_diagram.wiring()
    e = edges.set_index("id")
    assert e.loc["receptor_activation:usp18_protein:modifier", "kind"] == "inhibits"
    assert e.loc["receptor_activation:ifn_pM:modifier", "kind"] == "activates"


def test_fig1a_mapping_names_real_nodes_and_quantities():
    from ifnalpha import model

    fig1a = set(diagrams.load("a-fig1a").nodes["id"])
    assert set(model_diagram.FIG1A_QUANTITIES) <= fig1a
    for source, name in model_diagram.FIG1A_QUANTITIES.values():
        assert name in (model.READOUTS if source == "readout" else model.STATE_NAMES)
    states = model_diagram.fig1a_states((0.0, 2.0))
    assert states["scaled"].between(0, 1).all()
    at2 = states[states["time_h"] == 2.0].set_index("node")["scaled"]
    assert at2["isgf3"] > 0.5, "ISGF3 is well up 2 h after a 100 pM dose"


def test_fig1a_states_refuses_bad_times():
    with pytest.raises(ValueError, match="times_h"):
        model_diagram.fig1a_states((-1.0,))


# --- drawing ---


def test_the_visual_grammar_covers_every_kind():
    from ifnalpha.book.diagram_style import EDGE_STYLE, NODE_STYLE

    assert set(NODE_STYLE) == set(diagrams.NODE_KINDS)
    assert set(EDGE_STYLE) == set(diagrams.EDGE_KINDS)


def test_glossary_anchors_are_spelled_as_sphinx_spells_them():
    from ifnalpha.book.diagram_style import glossary_anchor

    assert glossary_anchor("IFNAR1") == "term-IFNAR1"
    assert glossary_anchor("NF-κB") == "term-NF-B"
    assert glossary_anchor("M1 and M2 macrophages") == "term-M1-and-M2-macrophages"
    built = REPO_ROOT / "_build" / "html" / "chapters" / "appendix" / "glossary.html"
    if built.is_file():
        ids = set(re.findall(r'id="(term-[^"]+)"', built.read_text(encoding="utf-8")))
        assert {glossary_anchor(t) for t in glossary_terms()} <= ids


@needs_dot
def test_svg_is_deterministic_and_carries_links_and_tooltips():
    from ifnalpha.book import diagrams as drawing

    first = drawing.review_figure("a-fig1a")
    again = drawing.review_figure("a-fig1a")
    assert first.svg == again.svg
    assert "Generated by graphviz" not in first.svg
    assert 'xlink:href="../appendix/glossary.html#term-IFNAR2"' in first.svg
    assert "<title>IFN-α binds IFNAR2 [A 19]." in html.unescape(first.svg)
    assert "http://" not in first.svg.replace("http://www.w3.org", "")
    assert "<script" not in first.svg
    assert first.svg.startswith('<svg role="img" aria-label="Diagram of review A')


@needs_dot
@pytest.mark.parametrize("figure_id", IDS)
def test_every_figure_draws_with_caption_alt_text_and_citations(figure_id):
    from ifnalpha.book import diagrams as drawing

    fig = drawing.review_figure(figure_id)
    assert fig.caption and fig.alt_text.startswith("Diagram of")
    assert fig.numbers["nodes"] == len(fig.data) and fig.numbers["edges"] == len(fig.edges)
    assert fig.citations[fig.id[0].upper()]
    assert fig.svg.count('class="edge"') >= len(fig.edges)


@needs_dot
def test_files_are_written_as_svg_pdf_and_graphml(tmp_path):
    from ifnalpha.book import diagrams as drawing

    written = drawing.write_files(tmp_path, formats=("svg", "pdf", "graphml"))
    names = {p.name for p in written}
    assert {f"{i}.svg" for i in IDS} <= names
    assert {"model-wiring.svg", "a-fig1a-model.svg", "b-fig4.graphml"} <= names
    assert (tmp_path / "b-fig4.pdf").read_bytes().startswith(b"%PDF")
    graphml = (tmp_path / "b-fig4.graphml").read_text(encoding="utf-8")
    assert graphml.count("<edge ") == len(diagrams.load("b-fig4").edges)


@needs_dot
def test_a_diagram_is_a_book_figure_shown_as_inline_svg_and_reproducible_pdf():
    from ifnalpha.book import diagrams as drawing
    from ifnalpha.book.figure import BookFigure

    fig = drawing.review_figure("a-fig1b")
    assert isinstance(fig, BookFigure) and fig.is_diagram
    assert fig._repr_png_() is None
    assert fig._repr_html_().startswith('<div class="ifnalpha-diagram"><svg')
    assert fig._repr_latex_().endswith("{diagram-a-fig1b.pdf}")
    pdf = fig.pdf()
    assert pdf.startswith(b"%PDF") and pdf == drawing.review_figure("a-fig1b").pdf()
    assert b"D:20000101000000" in pdf
    with pytest.raises(TypeError, match="diagram"):
        fig.render()


@needs_dot
def test_the_build_writes_downloads_for_html_and_vector_pdfs_for_latex(tmp_path):
    from ifnalpha.book.diagram_files import write_for_builder
    from ifnalpha.book.diagram_pages import diagram_page

    html_files = {p.relative_to(tmp_path).as_posix() for p in write_for_builder("html", tmp_path)}
    for figure_id in ("a-fig1a", "b-fig4", "model-wiring"):
        page = diagram_page(figure_id)
        for name in page.downloads.files():
            assert f"_static/diagrams/{name}" in html_files
            assert f'href="../../_static/diagrams/{name}"' in page.downloads._repr_html_()
    latex = tmp_path / "latex"
    pdfs = write_for_builder("latex", latex)
    assert {p.name for p in pdfs} >= {"diagram-a-fig1a.pdf", "diagram-b-fig3.pdf"}
    fig = diagram_page("a-fig2").figure
    assert "diagram-a-fig2.pdf" in fig._repr_latex_() and (latex / "diagram-a-fig2.pdf").is_file()
    assert (latex / "diagram-a-fig2.pdf").read_bytes().startswith(b"%PDF")
    assert write_for_builder("text", tmp_path / "text") == []
