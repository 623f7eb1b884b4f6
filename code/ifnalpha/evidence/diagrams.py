"""The reviews' figures as data: one node table and one edge table per figure, validated.

Review A's Figs. 1a, 1b, 2, 3a and 3b and the hand-drawn part of review B's Fig. 3 are written
as tidy CSV files under ``data/diagrams/`` (see the README there). Review B's Fig. 4 and the
regulators on its Fig. 3 are built from Tables 3 and 4 by
:mod:`ifnalpha.evidence.regulator_network`, never copied by hand.

Loading checks every file: the columns, unique ids, known node and edge kinds, edges between
known nodes, and every reference number against the review's reference list
(:func:`ifnalpha.reviews.check_reference`). A violation raises :class:`ValueError` naming the
file, the data row (and its line) and the column.

Examples
--------
>>> d = load("a-fig1a")
>>> d.panel, len(d.nodes) > 10
('Fig. 1a', True)
>>> d.edges.set_index("id").loc["ifna_binds_ifnar2", "references"]
(19,)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ifnalpha import checks
from ifnalpha.evidence import citations
from ifnalpha.paths import data_dir
from ifnalpha.reviews import check_reference, review

__all__ = [
    "DEPARTURE_MARKS",
    "EDGE_COLUMNS",
    "EDGE_KINDS",
    "FIGURE_COLUMNS",
    "NODE_COLUMNS",
    "NODE_KINDS",
    "Diagram",
    "diagram_ids",
    "diagrams_dir",
    "figure_index",
    "load",
    "load_files",
    "records",
    "validate",
]

#: What each kind of node is (the book draws each with its SBGN-like shape).
NODE_KINDS: dict[str, str] = {
    "protein": "a protein (SBGN macromolecule), or a protein family",
    "complex": "a complex of several molecules",
    "gene": "a gene or a set of genes (their DNA, read into RNA)",
    "dna_element": "a DNA element that a transcription factor binds (ISRE, GAS, VRE)",
    "small_molecule": "a small molecule: a drug, a natural compound, a metabolite",
    "nucleic_acid": "a nucleic acid: viral or misplaced DNA or RNA, a microRNA, an mRNA",
    "cell": "a whole cell",
    "phenotype": "an outcome for the cell: a behaviour or a state",
    "pathway": "a signalling pathway drawn as one box (SBGN submap)",
    "regulator_group": "a set of regulators acting alike on one step (review B's rounded boxes)",
    "process": "a reaction of the model (SBGN process)",
    "source_sink": "nothing: where synthesis starts or degradation ends (SBGN source/sink)",
}

#: What each kind of edge says about its source and target.
EDGE_KINDS: dict[str, str] = {
    "binds": "the source binds the target",
    "forms": "the source becomes part of (or turns into) the target",
    "recruits": "the source draws the target into a complex or a place",
    "phosphorylates": "the source phosphorylates the target",
    "activates": "the source stimulates the target",
    "inhibits": "the source inhibits the target",
    "transcribes": "the DNA element or factor drives transcription of the target genes",
    "produces": "the source makes the target (a gene its product, a cell a molecule)",
    "translocates": "the source moves into another compartment, becoming the target",
    "secretes": "the cell releases the target",
    "degrades": "the source causes degradation (or cleavage) of the target",
    "stabilises": "the source protects the target from degradation",
    "upregulates": "the source raises the amount (expression) of the target",
    "downregulates": "the source lowers the amount (expression) of the target",
    "regulates": "the source changes the target, in a direction the source does not give",
    "consumes": "the process uses up the source (model reactions)",
}

#: How a note that departs from the review's picture begins (the README explains each).
DEPARTURE_MARKS: tuple[str, ...] = (
    "Departure from the review:", "The book's addition:", "The book's reading:",
)

FIGURE_COLUMNS: tuple[str, ...] = ("id", "review", "panel", "title", "built_from")
NODE_COLUMNS: tuple[str, ...] = ("id", "label", "kind", "genes", "group", "glossary", "note")
EDGE_COLUMNS: tuple[str, ...] = ("id", "source", "target", "kind", "references", "note")
_REQUIRED = {
    "figures": ("id", "review", "panel", "title", "built_from"),
    "nodes": ("id", "label", "kind"),
    "edges": ("id", "source", "target", "kind"),
}


@dataclass(frozen=True)
class Diagram:
    """One figure of a review as nodes and edges.

    Attributes
    ----------
    id : str
        ``"a-fig1a"``, ``"b-fig4"``, ... (the rows of :func:`figure_index`).
    review, panel, title : str
        The review (``"A"`` or ``"B"``), the figure panel as printed (``"Fig. 1a"``) and the
        book's title for the diagram.
    nodes : pandas.DataFrame
        :data:`NODE_COLUMNS`; ``genes`` is a tuple of HGNC symbols.
    edges : pandas.DataFrame
        :data:`EDGE_COLUMNS` (``references`` a tuple of ints, ``references_printed`` the
        string) and, for diagrams built from a table, ``action`` (the table's action).
    """

    id: str
    review: str
    panel: str
    title: str
    nodes: pd.DataFrame
    edges: pd.DataFrame

    @property
    def citations(self) -> tuple[int, ...]:
        """Every reference number on an edge, sorted."""
        return tuple(sorted({n for refs in self.edges["references"] for n in refs}))

    @property
    def genes(self) -> tuple[str, ...]:
        """Every gene symbol a node names, sorted."""
        return tuple(sorted({g for genes in self.nodes["genes"] for g in genes}))

    def summary(self) -> dict[str, int | str]:
        """Return the counts a page prints beside the diagram.

        Examples
        --------
        >>> load("a-fig1b").summary()["panel"]
        'Fig. 1b'
        """
        notes = pd.concat([self.nodes["note"], self.edges["note"]])
        departures = notes.str.startswith(DEPARTURE_MARKS)
        return {
            "review": self.review,
            "panel": self.panel,
            "nodes": len(self.nodes),
            "edges": len(self.edges),
            "references": len(self.citations),
            "departures": int(departures.sum()),
        }


def diagrams_dir() -> Path:
    """Return the folder of the diagram tables (``data/diagrams``).

    Examples
    --------
    >>> diagrams_dir().name
    'diagrams'
    """
    return data_dir() / "diagrams"


def _read(path: Path, kind: str) -> list[tuple[int, int, dict[str, str]]]:
    """Read a CSV file into ``(row, line, record)`` triples, checking its header."""
    if not path.is_file():
        raise FileNotFoundError(f"diagram table not found: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None) or []
        expected = {"figures": FIGURE_COLUMNS, "nodes": NODE_COLUMNS, "edges": EDGE_COLUMNS}[kind]
        for column in expected:
            if column not in header:
                raise ValueError(f"{path}: line 1 (header), column {column!r}: missing column")
        for column in header:
            if column not in expected:
                raise ValueError(f"{path}: line 1 (header), column {column!r}: unexpected column")
        records = []
        for fields in reader:
            row = len(records) + 1
            if len(fields) != len(header):
                raise ValueError(f"{path}: row {row} (line {reader.line_num}): expected "
                                 f"{len(header)} fields, got {len(fields)}: {fields!r}")
            records.append((row, reader.line_num, dict(zip(header, fields, strict=True))))
    return records


def _bad(where: str, column: str, problem: str, value: object) -> ValueError:
    return ValueError(f"{where}, column {column!r}: {problem}: {value!r}")


def _check_cells(where: str, record: dict[str, str], kind: str) -> None:
    for column, value in record.items():
        if value != value.strip():
            raise _bad(where, column, "cell has leading or trailing spaces", value)
    for column in _REQUIRED[kind]:
        if not record[column]:
            raise _bad(where, column, "empty required cell", record[column])


@lru_cache(maxsize=4)
def _figure_index(path: Path) -> pd.DataFrame:
    records = _read(path, "figures")
    seen: set[str] = set()
    for row, line, record in records:
        where = f"{path}: row {row} (line {line})"
        _check_cells(where, record, "figures")
        if record["id"] in seen:
            raise _bad(where, "id", "duplicate id", record["id"])
        seen.add(record["id"])
        try:
            found = review(record["review"])
        except ValueError as exc:
            raise _bad(where, "review", str(exc), record["review"]) from None
        if record["panel"] not in found.figures:
            raise _bad(where, "panel", f"not a figure of review {found.id}", record["panel"])
    return pd.DataFrame([r for _, _, r in records], columns=list(FIGURE_COLUMNS))


def figure_index(path: str | Path | None = None) -> pd.DataFrame:
    """Return the diagrams the book draws: one row per figure panel (``figures.csv``).

    Examples
    --------
    >>> figure_index().set_index("id").loc["b-fig4", "panel"]
    'Fig. 4'
    """
    return _figure_index(Path(path) if path else diagrams_dir() / "figures.csv").copy()


def diagram_ids() -> tuple[str, ...]:
    """Ids of every diagram, in the index's order.

    Examples
    --------
    >>> diagram_ids()[0]
    'a-fig1a'
    """
    return tuple(figure_index()["id"])


def _references(where: str, review_id: str, text: str) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        numbers = citations.parse(text)
        return tuple(check_reference(review_id, n) for n in numbers)
    except (TypeError, ValueError) as exc:
        raise _bad(where, "references", f"bad reference ({exc})", text) from None


def validate(
    nodes: list[tuple[str, dict[str, str]]],
    edges: list[tuple[str, dict[str, str]]],
    review_id: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check node and edge records and return them as data frames.

    Parameters
    ----------
    nodes, edges : list of (str, dict)
        Each record with a description of where it comes from (``"file: row 3 (line 4)"``),
        used in error messages.
    review_id : str
        The review whose reference list the edges cite.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Nodes (``genes`` as tuples) and edges (``references`` as tuples of ints,
        ``references_printed`` as printed).

    Raises
    ------
    ValueError
        On an empty required cell, a duplicate id, an unknown node or edge kind, an edge to an
        unknown node, a malformed gene list or a reference outside the review's list.

    Examples
    --------
    >>> n = [("x: row 1", {"id": "a", "label": "A", "kind": "protein"})]
    >>> e = [("y: row 1", {"id": "e", "source": "a", "target": "b", "kind": "binds"})]
    >>> validate(n, e, "A")
    Traceback (most recent call last):
    ...
    ValueError: y: row 1, column 'target': unknown node: 'b'
    """
    found = review(review_id).id
    node_rows, ids = [], set()
    for where, record in nodes:
        record = {c: record.get(c, "") for c in NODE_COLUMNS}
        _check_cells(where, record, "nodes")
        if record["id"] in ids:
            raise _bad(where, "id", "duplicate node id", record["id"])
        ids.add(record["id"])
        if record["kind"] not in NODE_KINDS:
            raise _bad(where, "kind", f"unknown node kind (expected one of {tuple(NODE_KINDS)})",
                       record["kind"])
        genes = tuple(record["genes"].split())
        if any(not g.replace("-", "").isalnum() or g.upper() != g for g in genes):
            raise _bad(where, "genes", "not space-separated HGNC symbols", record["genes"])
        node_rows.append({**record, "genes": genes})
    edge_rows, edge_ids = [], set()
    for where, record in edges:
        extra = {k: v for k, v in record.items() if k not in EDGE_COLUMNS}
        record = {c: record.get(c, "") for c in EDGE_COLUMNS}
        _check_cells(where, record, "edges")
        if record["id"] in edge_ids:
            raise _bad(where, "id", "duplicate edge id", record["id"])
        edge_ids.add(record["id"])
        for end in ("source", "target"):
            if record[end] not in ids:
                raise _bad(where, end, "unknown node", record[end])
        if record["kind"] not in EDGE_KINDS:
            raise _bad(where, "kind", f"unknown edge kind (expected one of {tuple(EDGE_KINDS)})",
                       record["kind"])
        refs = _references(where, found, record["references"])
        edge_rows.append({**record, **extra, "references": refs,
                          "references_printed": record["references"]})
    node_frame = pd.DataFrame(node_rows, columns=list(NODE_COLUMNS))
    edge_frame = pd.DataFrame(edge_rows)
    if edge_frame.empty:
        edge_frame = pd.DataFrame(columns=[*EDGE_COLUMNS, "references_printed"])
    return node_frame, edge_frame


def records(path: str | Path, kind: str) -> list[tuple[str, dict[str, str]]]:
    """Read a diagram table (``kind`` ``"nodes"`` or ``"edges"``) as records for :func:`validate`.

    Each record comes with where it stands (``"file: row 3 (line 4)"``).

    Examples
    --------
    >>> records(diagrams_dir() / "a-fig1a.nodes.csv", "nodes")[0][1]["id"]
    'ifna'
    """
    path = Path(path)
    checks.choice("kind", kind, ("nodes", "edges"))
    return [(f"{path}: row {row} (line {line})", record)
            for row, line, record in _read(path, kind)]


def load_files(
    nodes_path: str | Path,
    edges_path: str | Path,
    review_id: str,
    *,
    figure_id: str = "",
    panel: str = "",
    title: str = "",
) -> Diagram:
    """Load and validate one node file and one edge file (e.g. a test fixture).

    Raises
    ------
    FileNotFoundError
        If a file is missing.
    ValueError
        As :func:`validate`, or for a missing or unexpected column or a short row; the message
        names the file, the row and the column.
    """
    checks.string("figure_id", figure_id, empty=True)
    nodes, edges = validate(records(nodes_path, "nodes"),
                            records(edges_path, "edges"), review_id)
    return Diagram(figure_id, review(review_id).id, panel, title, nodes, edges)


@lru_cache(maxsize=16)
def _load(figure_id: str) -> Diagram:
    index = figure_index().set_index("id")
    row = index.loc[figure_id]
    if figure_id in ("b-fig3", "b-fig4"):
        # built from review B's tables: imported here so this module loads on its own
        from ifnalpha.evidence import regulator_network

        return regulator_network.build_diagram(figure_id, row["title"])
    folder = diagrams_dir()
    return load_files(folder / f"{figure_id}.nodes.csv", folder / f"{figure_id}.edges.csv",
                      row["review"], figure_id=figure_id, panel=row["panel"],
                      title=row["title"])


def load(figure_id: str) -> Diagram:
    """Load one diagram by id (see :func:`diagram_ids`).

    Raises
    ------
    ValueError
        If the id is unknown, or a file breaks a rule (see :func:`validate`).

    Examples
    --------
    >>> load("b-fig4").summary()["panel"]
    'Fig. 4'
    >>> load("a-fig9")
    Traceback (most recent call last):
    ...
    ValueError: `figure_id` must be one of 'a-fig1a', 'a-fig1b', 'a-fig2', 'a-fig3a', \
'a-fig3b', 'b-fig3', 'b-fig4', got 'a-fig9'
    """
    chosen = checks.choice("figure_id", figure_id, diagram_ids())
    found = _load(chosen)
    return Diagram(found.id, found.review, found.panel, found.title, found.nodes.copy(),
                   found.edges.copy())
