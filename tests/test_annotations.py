"""The notes on the reviews: the data file, its checks, their places and the collected page."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from ifnalpha import reviews
from ifnalpha.evidence import annotations
from ifnalpha.paths import data_dir

ROOT = Path(__file__).resolve().parents[1]
COLLECTED = ROOT / "chapters" / "appendix" / "review-notes.md"


def page_markdown(page: str) -> str:
    """The markdown of a page, notebook or MyST file."""
    notebook = ROOT / f"{page}.ipynb"
    if notebook.is_file():
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return (ROOT / f"{page}.md").read_text(encoding="utf-8")


def test_the_file_loads_with_every_kind_of_the_issue():
    notes = annotations.load()
    assert len(notes) >= 15
    assert {n.kind for n in notes} == set(annotations.KINDS)
    assert len({n.id for n in notes}) == len(notes)


def test_every_note_names_a_real_review_section_and_references():
    bib = annotations.bib_keys()
    for note in annotations.load():
        assert note.section in reviews.section_paths(note.review)
        for number in note.review_refs:
            assert reviews.check_reference(note.review, number) == number
        assert set(note.sources) <= bib


@pytest.mark.parametrize("note", annotations.load(), ids=lambda n: n.id)
def test_every_note_stands_at_its_place(note):
    markdown = page_markdown(note.page)
    assert re.search(r"^```\{review-note\} " + re.escape(note.id) + r"\s*$", markdown, re.M), (
        f"{note.page} does not show {note.id}")


def test_no_page_shows_a_note_that_belongs_elsewhere_or_twice():
    places: dict[str, list[str]] = {}
    for path in sorted((ROOT / "chapters").rglob("*.ipynb")) + sorted(
            (ROOT / "chapters").rglob("*.md")):
        page = path.relative_to(ROOT).with_suffix("").as_posix()
        for ident in re.findall(r"^```\{review-note\}\s+(\S+)", page_markdown(page), re.M):
            places.setdefault(ident, []).append(page)
    by_id = {n.id: n for n in annotations.load()}
    for ident, pages in places.items():
        assert ident in by_id, ident
        assert pages == [by_id[ident].page], (ident, pages)


def test_the_collected_page_is_in_the_toc_and_lists_every_kind():
    text = COLLECTED.read_text(encoding="utf-8")
    for kind in annotations.KINDS:
        assert f"```{{review-notes}} {kind}\n```" in text
    assert "chapters/appendix/review-notes" in (ROOT / "_toc.yml").read_text(encoding="utf-8")


def test_the_ifnar_binding_order_is_corrected_where_the_review_states_it():
    note = annotations.get("a-ifnar-binding-order")
    assert note.kind == "error" and "deweerd2007" in note.sources
    assert note.note.index("IFNAR2") < note.note.index("IFNAR1")
    glossary = (ROOT / "chapters" / "appendix" / "glossary.md").read_text(encoding="utf-8")
    assert "binds interferon strongly" in glossary


_IFNAR1_FIRST = re.compile(r"(binds?|engages?|bind to)\s+(to\s+)?IFNAR1\b[^.]*\bfirst|"
                           r"first\s+(binds?|engages?)\s+(to\s+)?IFNAR1\b", re.I)


def test_no_page_states_the_ifnar1_first_order_as_its_own():
    """Pages may report the review's order only as the review's (and then correct it)."""
    for path in sorted((ROOT / "chapters").rglob("*.ipynb")) + sorted(
            (ROOT / "chapters").rglob("*.md")):
        page = path.relative_to(ROOT).with_suffix("").as_posix()
        for sentence in re.split(r"(?<=[.!?])\s+", page_markdown(page)):
            if _IFNAR1_FIRST.search(sentence):
                assert re.search(r"review|authors", sentence, re.I), (page, sentence)


# --- validation of malformed rows --------------------------------------------------------------

def _rows() -> list[dict[str, str]]:
    with (data_dir() / annotations.FILENAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "annotations.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=annotations.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("annotation_id", "A-Bad", "not a slug"),
        ("annotation_id", "b-ifnar-binding-order", "prefix does not match"),
        ("review", "C", "not a review id"),
        ("section", "Methods", "not a section path"),
        ("page", "chapters/ifna2b/background", "not a chapter page of review A"),
        ("page", "chapters/ibc/no-such-page", "no such page"),
        ("kind", "wrong", "not one of"),
        ("passage", "", "empty"),
        ("review_refs", "60", "reference number of review A"),
        ("note", "IFNAR2 first {ra}`60` {cite:p}`deweerd2007`.", "citation '60'"),
        ("note", "IFNAR2 first {ra}`21` {cite:p}`deweerd2007`.", "not all of it in review_refs"),
        ("sources", "deweerd2007; nosuchkey2099", "not in references.bib"),
        ("sources", "", "the note cites"),
        ("passage", " padded", "stray whitespace"),
    ],
)
def test_malformed_rows_are_refused_naming_file_line_and_column(tmp_path, column, value,
                                                                message):
    rows = _rows()
    first = next(i for i, r in enumerate(rows) if r["annotation_id"] == "a-ifnar-binding-order")
    rows[first][column] = value
    path = _write(tmp_path, rows)
    with pytest.raises(ValueError) as caught:
        annotations.read_annotations(path)
    text = str(caught.value)
    assert str(path) in text and f"line {first + 2}" in text and f"'{column}'" in text, text
    assert message in text, text


def test_a_repeated_id_and_wrong_columns_are_refused(tmp_path):
    rows = _rows()
    with pytest.raises(ValueError, match="repeats line 2"):
        annotations.read_annotations(_write(tmp_path, rows + rows[:1]))
    bad = tmp_path / "bad.csv"
    bad.write_text("annotation_id,review\nx,A\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns must be"):
        annotations.read_annotations(bad)


# --- rendering: the note at its place and on the collected page, linked both ways --------------

CONF = """
extensions = ["myst_parser", "ifnalpha.book.sphinxext"]
master_doc = "index"
exclude_patterns = ["_build"]
ifnalpha_annotations = {path!r}
"""

NOTE_ROW = {
    "annotation_id": "a-test-note", "review": "A",
    "section": "Overview of IFNα biology and signaling", "page": "chapters/ibc/ifna-biology",
    "kind": "error", "passage": "A passage in short.",
    "note": "The book's note, citing {ra}`19`.", "review_refs": "19", "sources": "",
}


def _build(tmp_path: Path, pages: dict[str, str], rows: list[dict[str, str]]):
    tmp_path.mkdir(parents=True, exist_ok=True)
    csv_path = _write(tmp_path, rows)
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF.format(path=str(csv_path)), encoding="utf-8")
    pages = dict(pages)
    toctree = "\n".join(pages)
    pages["refs"] = "# Refs\n\n```{citation-registry} A\n```\n"
    pages["index"] = f"# Index\n\n```{{toctree}}\n{toctree}\nrefs\n```\n"
    for name, text in pages.items():
        path = src / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    out, warnings = tmp_path / "out", tmp_path / "warnings.txt"
    code = build_main([str(src), str(out), "-b", "html", "-W", "-n", "--keep-going", "-q",
                       "-w", str(warnings)])
    return code, warnings.read_text(encoding="utf-8"), out


PLACE = "# Biology\n\nText.\n\n```{review-note} a-test-note\n```\n"
COLLECTED_PAGE = "# Notes\n\n## Errors\n\n```{review-notes} error\n```\n"


def test_a_note_renders_at_its_place_and_on_the_collected_page_linked_both_ways(tmp_path):
    code, warnings, out = _build(
        tmp_path, {"chapters/ibc/ifna-biology": PLACE, "notes": COLLECTED_PAGE}, [NOTE_ROW])
    assert code == 0, warnings
    place = (out / "chapters" / "ibc" / "ifna-biology.html").read_text(encoding="utf-8")
    assert "review-note review-note-error" in place
    assert 'id="review-note-a-test-note"' in place
    assert "Note on review A · error" in place and "A passage in short." in place
    assert "notes.html#note-entry-a-test-note" in place
    assert "#ref-a-19" in place  # the note's citation works like any other
    collected = (out / "notes.html").read_text(encoding="utf-8")
    assert 'id="note-entry-a-test-note"' in collected
    assert "chapters/ibc/ifna-biology.html#review-note-a-test-note" in collected


def test_a_note_on_the_wrong_page_or_missing_from_its_place_fails_the_build(tmp_path):
    wrong = _build(tmp_path / "wrong", {"other": PLACE, "notes": COLLECTED_PAGE}, [NOTE_ROW])
    assert wrong[0] != 0 and "belongs on" in wrong[1]
    missing = _build(tmp_path / "missing",
                     {"chapters/ibc/ifna-biology": "# Biology\n", "notes": COLLECTED_PAGE},
                     [NOTE_ROW])
    assert missing[0] != 0 and "review-note-a-test-note" in missing[1]
