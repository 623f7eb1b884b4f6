"""Tests of ifnalpha.evidence.citations and the citation registry in data/citations/."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from shared_files import require_shared, review_text, review_text_path

from ifnalpha import reviews
from ifnalpha.evidence import citations
from ifnalpha.evidence.citations import (
    REGISTRY_COLUMNS,
    check_numbers,
    coverage,
    entry,
    find_citations,
    import_crossref,
    load_places,
    load_registry,
    main,
    missing_from_registry,
    parse,
)
from ifnalpha.evidence.citations import build as build_registry
from ifnalpha.evidence.citations import places as citing_places
from ifnalpha.paths import REPO_ROOT, reviews_dir, verified_references_file
from ifnalpha.reviews import REVIEW_IDS, REVIEWS, section_paths, section_titles

DATA = REPO_ROOT / "data" / "citations"
FIXTURE = Path(__file__).parent / "fixtures" / "citations" / "crossref_sample.json"
REVIEWS_DIR = reviews_dir()
SHARED_CSV = verified_references_file()


def shared_records() -> list[dict[str, str]]:
    with require_shared(SHARED_CSV).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A temporary copy of data/citations, with IFNALPHA_DATA pointing at it."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root / "citations")
    monkeypatch.setenv("IFNALPHA_DATA", str(root))
    return root / "citations"


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# ------------------------------------------------------------------------------------------
# parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[1]", (1,)),  # single number
        ("[10, 11]", (10, 11)),  # comma list
        ("[5–7]", (5, 6, 7)),  # en dash range
        ("[14, 17, 22, 38]", (14, 17, 22, 38)),  # longer list
        ("[46, 52–54]", (46, 52, 53, 54)),  # mixed list and range
        ("[14, 21–23]", (14, 21, 22, 23)),  # mixed, as in the brief
        ("[174, 255–\n257]", (174, 255, 256, 257)),  # range broken over a line
        ("[192,\n193]", (192, 193)),  # list broken over a line
        ("[230, 241,\n242]", (230, 241, 242)),
        ("(141, 152)", (141, 152)),  # parenthesised (review B)
        ("[39]", (39,)),
        ("[5-7]", (5, 6, 7)),  # hyphen
        ("[5\u20117]", (5, 6, 7)),  # non-breaking hyphen, frequent in review B
        ("[5 — 7]", (5, 6, 7)),  # em dash with spaces
        ("[1,\u00a02]", (1, 2)),  # no-break space
        ("[ 8 , 12 ]", (8, 12)),
        ("[2; 3]", (2, 3)),
        ("7", (7,)),  # bare
        ("[2, 2–3]", (2, 3)),  # duplicates removed
    ],
)
def test_parse_accepts_printed_forms(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "[]", "()", "[12", "12]", "[a]", "[0]", "[5–3]", "[1,,2]", "[1, 2,]",
     "[[1]]", "[1–2–3]", "(1, 2]", "[1–]", "[–3]", "[1 2]", "[٣]"],
)
def test_parse_rejects_malformed_input_naming_it(text):
    with pytest.raises(ValueError) as info:
        parse(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("value", [None, 12, ["[1]"]])
def test_parse_rejects_non_strings(value):
    with pytest.raises(TypeError, match="`citation` must be a string"):
        parse(value)


def test_review_ids_and_numbers():
    assert reviews.review("a").id == "A"
    with pytest.raises(ValueError, match="'C'"):
        check_numbers("C", (1,))
    with pytest.raises(TypeError, match="`review` must be a string"):
        check_numbers(None, (1,))
    assert check_numbers("B", (1, 268)) == (1, 268)
    for bad in (0, 60):
        with pytest.raises(ValueError, match=f"between 1 and 59, got {bad}$"):
            check_numbers("A", (bad,))
    for bad in (True, "3"):
        with pytest.raises(TypeError, match=re.escape(f"must be an integer, got {bad!r}")):
            check_numbers("A", (bad,))


def test_every_citation_printed_in_either_review_parses():
    forms: set[str] = set()
    for review in REVIEW_IDS:
        text = review_text(review)
        for cite in find_citations(text):
            assert parse(cite.raw) == cite.numbers
            assert parse(cite.printed) == cite.numbers
            check_numbers(review, cite.numbers)
            shape = re.sub(r"[0-9]+", "n", cite.raw)
            forms.add(re.sub(r"\s+", " ", shape))
    # the shapes named in the brief all occur and are covered by the parametrised tests
    assert {"[n]", "[n, n]", "[n–n]", "(n, n)", "[n, n–n]", "[n, n– n]", "[n, n, n]"} <= forms


# ------------------------------------------------------------------------------------------
# find_citations


def test_find_citations_positions_lines_and_numbers():
    text = "IBC is rare [1].\nIt spreads [5–7] and (141, 152);\nsee [174, 255–\n257]."
    found = find_citations(text)
    assert [c.numbers for c in found] == [(1,), (5, 6, 7), (141, 152), (174, 255, 256, 257)]
    assert [c.line for c in found] == [1, 2, 2, 3]
    assert [c.printed for c in found] == ["[1]", "[5–7]", "(141, 152)", "[174, 255–257]"]
    for cite in found:
        assert text[cite.start : cite.end] == cite.raw


def test_find_citations_skips_things_that_are_not_citations():
    text = (
        "ER/PR+ (35–40%, 60–70% in non-IBC), three things: (1) a; (2) b. "
        "Page 2 of 23Xiong et al. Biomarker Research (2022) 10:69. Fig. 1A, JAK1–3, "
        "STAT1–4, [1–5%], [a], [Fig. 2], 20 MU/m2, (5-FU), (27.3%)"
    )
    assert find_citations(text) == []
    assert find_citations("one [0] and [5–3] and [12") == []


def test_find_citations_handles_a_page_header_inside_a_citation():
    text = (
        "follicular lymphoma [192,\n\nPage 5 of 23Xiong et al. Biomarker Research"
        "           (2022) 10:69 \n\n193]. Next"
    )
    (cite,) = find_citations(text)
    assert cite.numbers == (192, 193)
    assert cite.printed == "[192, 193]"


def test_find_citations_parentheses_optional_and_strict_mode():
    assert find_citations("(141, 152)", parentheses=False) == []
    with pytest.raises(ValueError, match="line 2"):
        find_citations("fine [3]\nbroken [12 here", strict=True)
    with pytest.raises(ValueError, match="1–5%"):
        find_citations("rates [1–5%]", strict=True)
    with pytest.raises(ValueError, match=re.escape("[5–3]")):
        find_citations("odd [5–3]", strict=True)


def test_review_texts_have_nothing_suspicious_in_brackets():
    for review in REVIEW_IDS:
        find_citations(review_text(review), strict=True)  # raises on anything odd


# ------------------------------------------------------------------------------------------
# The registry files


def test_registry_covers_each_reference_list_exactly():
    reg = load_registry()
    for item in REVIEWS.values():
        numbers = reg.loc[reg["review"] == item.id, "number"].tolist()
        assert numbers == list(range(1, item.reference_count + 1))
    assert len(reg) == sum(item.reference_count for item in REVIEWS.values())
    assert list(reg.columns[: len(REGISTRY_COLUMNS)]) == list(REGISTRY_COLUMNS)
    for column in ("review", "number", "first_author", "year", "title", "doi", "number_basis",
                   "cited_for"):
        assert column in reg.columns


def test_every_verified_record_is_in_the_registry_with_its_doi():
    reg = load_registry().set_index(["review", "number"])
    records = shared_records()
    numbered = [r for r in records if r["number"].strip()]
    assert len(numbered) == 12
    for record in numbered:
        row = reg.loc[(record["review"], int(record["number"]))]
        assert row["doi"] == record["doi"], record
        assert row["title"] == record["title"]
        assert row["number_basis"] == record["number_basis"]
        assert row["verified_from"] == record["verified_from"]
        assert row["record_year"] == record["year"]
    # the two records without a number are the reviews themselves: not numbered references
    reviews = [r for r in records if not r["number"].strip()]
    dois = {item.doi for item in REVIEWS.values()}
    assert {r["doi"] for r in reviews} == dois
    assert not reg["doi"].isin(list(dois)).any()
    bib = REPO_ROOT / "data" / "references.bib"
    if bib.is_file():
        for doi in dois:
            assert doi in bib.read_text(encoding="utf-8")


def test_registry_holds_nothing_beyond_its_sources():
    """Every bibliographic value comes from a shared record (or an import that says so)."""
    records = {(r["review"], int(r["number"])): r for r in shared_records() if r["number"]}
    _, extra = read_rows(DATA / "curated" / "records.csv")
    records.update({(r["review"], int(r["number"])): r for r in extra})
    reg = load_registry()
    for row in reg.to_dict("records"):
        if row["completed_from"]:
            continue
        record = records.get((row["review"], row["number"]))
        for column in ("authors", "title", "journal", "volume", "issue", "pages", "doi",
                       "pmid", "pmcid", "number_basis", "verified_from"):
            expected = " ".join(record[column].split()) if record else ""
            assert row[column] == expected, (row["review"], row["number"], column)


def test_first_authors_named_in_the_text():
    reg = load_registry().set_index(["review", "number"])
    named = {k: v for k, v in reg["first_author"].items() if v}
    assert named[("A", 13)] == "Bertucci"
    assert named[("A", 8)] == "Lim"
    assert named[("B", 171)] == "Kirkwood"
    assert reg.loc[("A", 13), "year"] == "2014"
    assert reg.loc[("B", 171), "year"] == "1996"
    assert len([k for k in named if k[0] == "A"]) == 7
    # ambiguous names are not tied to a number
    assert reg.loc[("B", 48), "first_author"] == reg.loc[("B", 49), "first_author"] == ""
    for review in REVIEW_IDS:
        flat = " ".join(review_text(review).replace("\u00a0", " ").split())
        flat = re.sub(r"(\w)[-\u2010\u2011] (\w)", r"\1\2", flat)
        for (rev, number), name in named.items():
            if rev == review:
                assert name in flat, (rev, number, name)


def test_citing_places_match_the_review_texts():
    places = load_places()
    for review in REVIEW_IDS:
        found = find_citations(review_text(review))
        mine = places[places["review"] == review]
        expected = sorted((c.line, c.printed, n) for c in found for n in c.numbers)
        actual = sorted(zip(mine["line"], mine["citation"], mine["number"], strict=True))
        assert actual == expected
        assert mine["place"].nunique() == len(found)
    assert places.groupby("review")["place"].nunique().to_dict() == {"A": 94, "B": 200}


def test_coverage_both_ways_from_the_review_texts():
    for review_id in REVIEW_IDS:
        text = review_text(review_id)
        result = coverage(review_id, text)
        assert result.missing_from_registry == ()
        assert result.never_cited == ()
        assert result.missing_places == ()
        assert result.extra_places == ()
        assert result.ok
        assert len(result.cited) == REVIEWS[review_id].reference_count
        assert missing_from_registry(review_id, text) == ()


def test_coverage_detects_gaps_in_both_directions():
    result = coverage("A", "only [1] and [2–3], and a misread [61]")
    assert result.cited == (1, 2, 3, 61)
    assert result.missing_from_registry == (61,)
    assert result.never_cited == tuple(range(4, 60))
    assert result.extra_places == tuple(range(4, 60))
    assert not result.ok
    assert "missing from registry: 61" in result.summary()


def test_sections_and_tables_of_citing_places():
    places = load_places()
    for row in places.to_dict("records"):
        assert row["section"] in section_titles(row["review"])
        if row["subsection"]:
            prefix = row["section"] + " > "
            named = {
                citations.place_subsection(path.removeprefix(prefix))
                for path in section_paths(row["review"])
                if path.startswith(prefix)
            }
            assert row["subsection"] in named, row
        if row["location"].startswith("Table"):
            assert row["cited_for"].startswith(row["location"] + ":"), row
    index = places.set_index(["review", "place"])
    table2 = index.loc[("A", 53)].iloc[0]
    assert (table2["location"], table2["citation"]) == ("Table 2", "[14, 38]")
    assert table2["section"].startswith("Interferon alpha-stimulated genes")
    paren = places[(places["review"] == "B") & (places["citation"] == "(141, 152)")]
    assert set(paren["number"]) == {141, 152}
    assert set(paren["subsection"]) == {"Potential regulatory factors: ISGF3"}
    legend = places[(places["review"] == "A") & (places["location"] == "Figure 3 legend")]
    assert legend["number"].tolist() == [8]
    table3 = places[(places["review"] == "B") & (places["location"] == "Table 3")]
    assert len(table3) == 32  # 27 rows, then 5 after "Table 3 (continued)"


def test_cited_for_labels_are_short_and_in_our_own_words():
    places = load_places()
    texts = {}
    for review in REVIEW_IDS:
        flat = " ".join(review_text(review).replace("\u00a0", " ").split()).lower()
        texts[review] = re.sub(r"(\w)[-\u2010\u2011] (\w)", r"\1\2", flat)
    for row in places.drop_duplicates(["review", "place"]).to_dict("records"):
        label = row["cited_for"]
        assert 2 <= len(label.split()) <= 12, label
        if len(label.split()) >= 5:
            assert label.lower() not in texts[row["review"]], f"pasted from the text: {label}"


def test_load_registry_joins_the_labels_of_all_citing_places():
    reg = load_registry().set_index(["review", "number"])
    row = reg.loc[("A", 14)]
    assert row["n_places"] == 11
    labels = row["cited_for"].split("; ")
    assert "IFITM1 overexpressed in TN-IBC versus HER2+ IBC" in labels
    assert "Table 2: IFITM1 and STAT2 in migration and invasion (confirmed in IBC)" in labels
    assert row["sections"].split("; ") == [
        "Background",
        "Interferon alpha in IBC",
        "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes",
    ]
    assert reg.loc[("B", 141), "citations"] == "[141]; (141, 152)"
    assert (reg["n_places"] >= 1).all()


def test_heading_markers_pair_one_to_one_with_the_book_section_paths():
    for review_id in REVIEW_IDS:
        marks = citing_places.headings(review_id)
        assert [m[1] for m in marks] == [p.split(" > ")[0] for p in section_paths(review_id)]
    assert citing_places.headings("A")[5][1:] == (
        "Intracellular regulation of IFNα production", "Transcriptional regulation")


def test_build_defaults_to_the_shared_folder_beside_the_repository():
    source = Path(build_registry.__file__).read_text(encoding="utf-8")
    assert str(REPO_ROOT.parent) not in source  # no absolute path of this machine
    parser_help = subprocess.run(
        [sys.executable, "-m", "ifnalpha.evidence.citations.build", "--help"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "../shared/reviews" in parser_help


def test_build_is_deterministic_and_reproduces_the_committed_files(tmp_path):
    review_text("A")
    shared_records()
    out = tmp_path / "citations"
    shutil.copytree(DATA / "curated", out / "curated")
    if (DATA / "crossref").is_dir():
        shutil.copytree(DATA / "crossref", out / "crossref")
    build_registry.build(require_shared(REVIEWS_DIR), require_shared(SHARED_CSV), out)
    for name in ("registry.csv", "citing_places.csv"):
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), name


# ------------------------------------------------------------------------------------------
# entry


def test_entry_returns_the_known_record():
    ref = entry("a", 8)
    assert (ref.review, ref.number, ref.first_author) == ("A", 8, "Lim")
    assert ref.doi == "10.1038/s41568-018-0010-y"
    assert ref.url == "https://doi.org/10.1038/s41568-018-0010-y"
    assert ref.has_record and not ref.probable
    assert "Figure 3 (IFNα in the IBC microenvironment) adapted from this source" in ref.cited_for
    assert entry("A", 14).probable
    kirkwood = entry("B", 171)
    assert (kirkwood.year, kirkwood.record_year, kirkwood.label) == ("1996", "1996",
                                                                     "Kirkwood et al. 1996")
    unknown = entry("B", 100)
    assert not unknown.has_record and unknown.url == "" and unknown.label == "[100]"
    assert unknown.cited_for == (
        "Table 3: TJP1 and JAK1 phosphorylation in myeloma (EGFR-dependent)",
    )


@pytest.mark.parametrize(("review", "number", "named"), [("A", 60, "60"), ("B", 0, "0"),
                                                         ("B", 269, "269"), ("C", 1, "'C'")])
def test_entry_rejects_unknown_numbers(review, number, named):
    with pytest.raises(ValueError, match=named):
        entry(review, number)


# ------------------------------------------------------------------------------------------
# Crossref import


def frozen_values(path: Path) -> dict[tuple[str, str, str], str]:
    """Every non-empty cell of a registry file, by (review, number, column)."""
    _, rows = read_rows(path)
    return {(r["review"], r["number"], c): v for r in rows for c, v in r.items() if v}


def test_import_crossref_fills_empty_fields_and_reports_conflicts(data_copy, capsys):
    registry = data_copy / "registry.csv"
    before = frozen_values(registry)
    status = main(["import-crossref", str(FIXTURE), "--review", "b"])
    out = capsys.readouterr().out
    assert status == 0
    after = frozen_values(registry)
    # nothing that was there changed, except provenance notes on filled rows
    changed = {k for k in before if after.get(k) != before[k]}
    assert changed == set()
    reg = load_registry().set_index(["review", "number"])
    third = reg.loc[("B", 3)]
    assert third["title"] == "A synthetic third entry"
    assert third["doi"] == "10.5555/synthetic.3"
    assert (third["record_year"], third["volume"], third["issue"], third["pages"]) == (
        "2001", "1", "2", "10")
    assert third["record_first_author"] == "Testauthor A"
    assert third["number_basis"] == "reference list entry 3 (Crossref)"
    assert "entry 3: doi" in third["completed_from"]
    second = reg.loc[("B", 2)]
    assert second["record_year"] == "2020"  # verified value kept against Crossref's 2019
    assert second["doi"] == "10.5555/synthetic.2"  # from the unstructured text
    assert second["reference_text"].startswith("Kuroki L, Guntupalli SR.")
    assert second["number_basis"] == "reference list entry 2 (publisher metadata)"
    first = reg.loc[("B", 1)]
    assert first["doi"] == "10.3322/caac.21590" and first["completed_from"] == ""
    assert reg.loc[("B", 5), "title"] == "A synthetic book title"
    assert reg.loc[("B", 5), "doi"] == ""
    assert "[2] record_year: registry '2020' vs Crossref '2019'" in out
    assert "DOIs confirmed: 1" in out
    assert "entries with nothing usable: 4" in out
    assert "'not a doi'" in out
    saved = data_copy / "crossref" / "review-B.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["message"]["reference"][2]["DOI"] == (
        "10.5555/synthetic.3")


def test_import_crossref_is_idempotent_and_dry_run_writes_nothing(data_copy):
    registry = data_copy / "registry.csv"
    original = registry.read_bytes()
    report = import_crossref(FIXTURE, "B", write=False)
    assert report.path is None and registry.read_bytes() == original
    assert {(n, c) for n, c, _ in report.filled} >= {(3, "title"), (2, "doi")}
    import_crossref(FIXTURE, "B")
    once = registry.read_bytes()
    assert once != original
    again = import_crossref(FIXTURE, "B")
    assert again.filled == [] and registry.read_bytes() == once
    assert [c[:2] for c in again.conflicts] == [(2, "record_year")]


def test_import_crossref_never_overwrites_a_named_or_verified_field(data_copy):
    record = {"message": {"DOI": REVIEWS["A"].doi, "reference": [{}] * 12 + [
        {"key": "CR13", "author": "Smith J", "year": "2014", "journal-title": "Ann Oncol",
         "article-title": "Something else entirely"}]}}
    report = import_crossref(record, "A", save=False)
    conflicts = {(n, c) for n, c, _, _ in report.conflicts}
    assert conflicts == {(13, "record_first_author"), (13, "title"), (13, "first_author")}
    row = entry("A", 13)
    assert row.first_author == "Bertucci" and row.title.startswith("Gene expression profiles")
    assert row.journal == "Annals of Oncology"  # "Ann Oncol" abbreviates it: no conflict
    assert not (data_copy / "crossref").exists()


@pytest.mark.parametrize(
    ("record", "review", "message"),
    [
        ({"message": {"DOI": "10.1186/s40364-022-00415-y", "reference": []}}, "A", "not review A"),
        ({"message": {"DOI": REVIEWS["B"].doi}}, "B", "no 'reference' list"),
        ({"message": {"reference": [{"key": "x_CR2"}]}}, "B", "not in reference-list order"),
        ({"message": {"reference": [{}] * 60}}, "A", "lists 60 references"),
        ({"message": {"reference": ["text"]}}, "A", "entry 1 is not an object"),
        ({"message": []}, "A", "no 'message' object"),
    ],
)
def test_import_crossref_rejects_wrong_records(data_copy, record, review, message):
    original = (data_copy / "registry.csv").read_bytes()
    with pytest.raises(ValueError, match=re.escape(message)):
        import_crossref(record, review)
    assert (data_copy / "registry.csv").read_bytes() == original


def test_command_line_import_crossref(data_copy, tmp_path):
    env = dict(os.environ, IFNALPHA_DATA=str(data_copy.parent))
    command = [sys.executable, "-m", "ifnalpha.evidence.citations", "import-crossref", str(FIXTURE),
               "--review", "B"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "filled" in done.stdout and "conflicts (registry value kept): 1" in done.stdout
    strict = subprocess.run([*command, "--strict"], capture_output=True, text=True, env=env,
                            check=False)
    assert strict.returncode == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    failed = subprocess.run(command[:4] + [str(bad), "--review", "B"], capture_output=True,
                            text=True, env=env, check=False)
    assert failed.returncode == 2 and "not valid JSON" in failed.stderr


def test_rebuild_replays_a_saved_crossref_record(data_copy, tmp_path):
    review_text("B")
    shared_records()
    import_crossref(FIXTURE, "B")
    imported = (data_copy / "registry.csv").read_bytes()
    build_registry.build(require_shared(REVIEWS_DIR), require_shared(SHARED_CSV), data_copy)
    assert (data_copy / "registry.csv").read_bytes() == imported


# ------------------------------------------------------------------------------------------
# Malformed files


def corrupt(path: Path, review: str, number: str, column: str, value: str) -> None:
    header, rows = read_rows(path)
    for row in rows:
        if row["review"] == review and row["number"] == number:
            row[column] = value
            break
    else:
        raise AssertionError("row not found")
    write_rows(path, header, rows)


@pytest.mark.parametrize(
    ("number", "column", "value", "message"),
    [
        ("8", "doi", "doi:10.1038/x", "is not a DOI"),
        ("8", "doi", "https://doi.org/10.1038/x", "is not a DOI"),
        ("13", "year", "14", "is not a four-digit year"),
        ("32", "pmid", "PMID29050360", "is not a PubMed ID"),
        ("32", "pmcid", "5642635", "is not a PMC ID"),
        ("8", "number_basis", "", "the row has a record"),
        ("8", "verified_from", "", "the row has a record"),
        ("13", "name_in_text", "", "first_author is set"),
        ("3", "title", " padded", "stray whitespace"),
        ("3", "number", "60", "is not a reference number 1-59"),
        ("3", "number", "x", "is not a reference number"),
        ("3", "review", "C", "is not 'A' or 'B'"),
        ("3", "number", "4", "repeats line"),
    ],
)
def test_malformed_registry_raises_naming_file_line_column_value(
    data_copy, number, column, value, message
):
    registry = data_copy / "registry.csv"
    corrupt(registry, "A", number, column, value)
    with pytest.raises(ValueError) as info:
        load_registry()
    text = str(info.value)
    assert str(registry) in text and message in text
    if message != "repeats line":
        assert f"column {column!r}" in text and repr(value) in text
    assert re.search(r"line \d+", text)


def test_registry_with_a_missing_row_or_column_raises(data_copy):
    registry = data_copy / "registry.csv"
    header, rows = read_rows(registry)
    write_rows(registry, header, [r for r in rows if (r["review"], r["number"]) != ("B", "7")])
    with pytest.raises(ValueError, match="review B lacks numbers 7"):
        load_registry()
    write_rows(registry, [h for h in header if h != "doi"],
               [{k: v for k, v in r.items() if k != "doi"} for r in rows])
    with pytest.raises(ValueError, match="missing column.*'doi'"):
        load_registry()


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("cited_for", "", "is empty"),
        ("cited_for", "one two three four five six seven eight nine ten eleven twelve 13",
         "≤ 12 words"),
        ("cited_for", "a; b", "without ';'"),
        ("citation", "[2]", "does not cite number 1"),
        ("citation", "[1", "is not a citation"),
        ("section", "Discussion", "is not a section of review A"),
        ("subsection", "Melanoma", "is not a subsection of 'Background'"),
        ("line", "0", "is not a positive integer"),
    ],
)
def test_malformed_places_raise(data_copy, column, value, message):
    places = data_copy / "citing_places.csv"
    corrupt(places, "A", "1", column, value)
    with pytest.raises(ValueError) as info:
        load_registry()
    assert str(places) in str(info.value) and message in str(info.value)


def test_missing_files_raise(tmp_path, monkeypatch):
    monkeypatch.setenv("IFNALPHA_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="registry.csv"):
        load_registry()
    assert main(["coverage", str(tmp_path / "none.txt"), "--review", "A"]) == 2


def test_command_line_coverage(capsys):
    path = review_text_path("A")
    review_text("A")
    assert main(["coverage", str(path), "--review", "A"]) == 0
    assert "59 numbers cited" in capsys.readouterr().out
