"""The human IFN-α genes as two gene lists give them, and the counts the reviews print.

``data/outside/ifna_genes.csv`` holds one row per IFNA symbol of the HUGO Gene Nomenclature
Committee's interferon family list (``hgnc-interferons``: symbol, approved name, band) with the
UniProt accession the IUPHAR/BPS Guide to Pharmacology gives each gene
(``gtopdb-interferon-receptors``); layout in ``data/outside/README.md``. The counts the book
states (genes, pseudogenes, distinct protein entries) are computed from it, and set beside the
counts the two reviews print (claims of ``data/claims.csv``).

Examples
--------
>>> counts = family_counts()
>>> counts.genes, counts.pseudogenes, counts.symbols, counts.distinct_proteins
(13, 4, 17, 12)
>>> counts.shared_proteins
{'P01562': ('IFNA1', 'IFNA13')}
>>> counts.bands
('9p21.3',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from ifnalpha.evidence import annotations, claims
from ifnalpha.evidence.csv_rows import read_rows
from ifnalpha.paths import data_dir

__all__ = ["FILENAME", "COLUMN_SOURCES", "GTOPDB_GENE_QUALIFIER", "GTOPDB_CLUSTER_BAND",
           "REVIEW_COUNT_CLAIMS", "FamilyCounts", "read_genes", "load", "family_counts",
           "count_comparison"]

#: The file, relative to the data folder.
FILENAME = "outside/ifna_genes.csv"

#: Which source each column comes from (keys of ``references.bib``).
COLUMN_SOURCES: dict[str, str] = {
    "symbol": "hgnc-interferons",
    "hgnc_name": "hgnc-interferons",
    "hgnc_band": "hgnc-interferons",
    "gtopdb_uniprot": "gtopdb-interferon-receptors",
}

#: How the Guide to Pharmacology qualifies its count of IFN-α genes ("at least 13 ... genes").
GTOPDB_GENE_QUALIFIER = "at least"

#: Where the Guide to Pharmacology places the IFN-α gene cluster (human chromosome 9p22).
GTOPDB_CLUSTER_BAND = "9p22"

#: The ledger claims that hold the reviews' own counts.
REVIEW_COUNT_CLAIMS: tuple[str, ...] = (
    "a-ifna-subtype-count", "b-ifna-subtype-count", "b-ifna-gene-count")

_COLUMNS = tuple(COLUMN_SOURCES)
_SYMBOL = re.compile(r"^IFNA([1-9]\d*)(P?)$")
_BAND = re.compile(r"^(?:[1-9]|1\d|2[0-2]|X|Y)[pq]\d+(?:\.\d+)?$")
_UNIPROT = re.compile(r"^(?:[OPQ]\d[A-Z0-9]{3}\d|[A-NR-Z]\d(?:[A-Z][A-Z0-9]{2}\d){1,2})$")


def read_genes(path: Path, bib: Path | None = None) -> pd.DataFrame:
    """Read and check a gene list; return it indexed by symbol, with a ``pseudogene`` column.

    Parameters
    ----------
    path : Path
        A CSV file with the columns of :data:`COLUMN_SOURCES`.
    bib : Path, optional
        The BibTeX file whose keys the sources must be (default: the book's).

    Returns
    -------
    pandas.DataFrame
        One row per symbol, in file order; ``gtopdb_uniprot`` is ``""`` for a pseudogene.

    Raises
    ------
    ValueError
        Naming the file, line and column: wrong columns, a malformed or repeated symbol, a name
        that does not match the symbol, a malformed band or accession, an accession on a
        pseudogene or none on a gene, or a source missing from ``references.bib``.
    """
    path = Path(path)
    missing = sorted(set(COLUMN_SOURCES.values()) - annotations.bib_keys(bib))
    if missing:
        raise ValueError(f"{path}: sources not in references.bib: {', '.join(missing)}")
    records, seen = [], {}
    for line, row in read_rows(path, _COLUMNS):
        def fail(column: str, reason: str, line=line, row=row) -> ValueError:
            return ValueError(f"{path}: line {line} (symbol {row.get('symbol')!r}), column "
                              f"{column!r}: bad value {row.get(column)!r}: {reason}")

        match = _SYMBOL.match(row["symbol"])
        if not match:
            raise fail("symbol", "must read IFNA<number>, or IFNA<number>P for a pseudogene")
        if row["symbol"] in seen:
            raise fail("symbol", f"repeats line {seen[row['symbol']]}")
        seen[row["symbol"]] = line
        number, pseudogene = match.group(1), bool(match.group(2))
        name = f"interferon alpha {number}" + (", pseudogene" if pseudogene else "")
        if row["hgnc_name"] != name:
            raise fail("hgnc_name", f"the symbol's approved name reads {name!r}")
        if not _BAND.match(row["hgnc_band"]):
            raise fail("hgnc_band", "must be a chromosomal band such as 9p21.3")
        accession = row["gtopdb_uniprot"]
        if pseudogene and accession:
            raise fail("gtopdb_uniprot", "a pseudogene has no protein entry")
        if not pseudogene and not _UNIPROT.match(accession):
            raise fail("gtopdb_uniprot", "a gene needs a UniProt accession such as P01562")
        records.append({**row, "pseudogene": pseudogene})
    if not records:
        raise ValueError(f"{path}: no genes")
    return pd.DataFrame.from_records(records).set_index("symbol")


@cache
def _load(path: str) -> pd.DataFrame:
    return read_genes(Path(path))


def load(path: Path | None = None) -> pd.DataFrame:
    """Return the checked gene list (default ``data/outside/ifna_genes.csv``).

    See :func:`read_genes` for the checks.

    Examples
    --------
    >>> load().loc["IFNA13", "gtopdb_uniprot"]
    'P01562'
    """
    return _load(str(Path(path) if path is not None else data_dir() / FILENAME)).copy()


@dataclass(frozen=True)
class FamilyCounts:
    """What the gene lists show about the IFN-α family.

    Attributes
    ----------
    genes, pseudogenes, symbols : int
        IFNA genes, IFNA pseudogenes and both together, as the nomenclature committee lists
        them (``hgnc-interferons``).
    distinct_proteins : int
        Distinct UniProt accessions the Guide to Pharmacology gives the genes
        (``gtopdb-interferon-receptors``).
    shared_proteins : dict
        Each accession given to more than one gene, with those genes.
    bands : tuple of str
        The chromosomal bands of all the symbols.
    """

    genes: int
    pseudogenes: int
    symbols: int
    distinct_proteins: int
    shared_proteins: dict[str, tuple[str, ...]]
    bands: tuple[str, ...]


def family_counts(path: Path | None = None) -> FamilyCounts:
    """Count genes, pseudogenes and distinct protein entries in the gene list.

    Examples
    --------
    >>> family_counts().genes
    13
    """
    frame = load(path)
    genes = frame[~frame["pseudogene"]]
    by_accession = genes.groupby("gtopdb_uniprot", sort=True).groups
    shared = {acc: tuple(sorted(symbols, key=lambda s: int(_SYMBOL.match(s).group(1))))
              for acc, symbols in by_accession.items() if len(symbols) > 1}
    return FamilyCounts(
        genes=len(genes), pseudogenes=int(frame["pseudogene"].sum()), symbols=len(frame),
        distinct_proteins=len(by_accession), shared_proteins=shared,
        bands=tuple(sorted(set(frame["hgnc_band"]))))


def count_comparison(path: Path | None = None) -> pd.DataFrame:
    """Set the reviews' counts beside those of the gene lists, one row per count.

    Returns
    -------
    pandas.DataFrame
        Columns ``who`` (review A, review B, or a source key), ``counts`` (what is counted),
        ``value`` (int) and ``qualifier`` (as printed, e.g. "at least"; may be empty).

    Examples
    --------
    >>> frame = count_comparison()
    >>> frame.loc[frame["counts"] == "distinct protein entries", "value"].item()
    12
    """
    ledger = claims.load()
    counts = family_counts(path)
    rows = []
    for claim_id in REVIEW_COUNT_CLAIMS:
        claim = ledger.loc[claim_id]
        what = "genes" if claim_id.endswith("gene-count") else "subtypes"
        qualifier = str(claim["qualifier"]) if pd.notna(claim["qualifier"]) else ""
        rows.append((f"review {claim['review']}", what, int(claim["value"]), qualifier))
    hgnc, gtopdb = COLUMN_SOURCES["hgnc_name"], COLUMN_SOURCES["gtopdb_uniprot"]
    rows += [(hgnc, "genes", counts.genes, ""),
             (hgnc, "pseudogenes", counts.pseudogenes, ""),
             (gtopdb, "genes", counts.genes, GTOPDB_GENE_QUALIFIER),
             (gtopdb, "distinct protein entries", counts.distinct_proteins, "")]
    return pd.DataFrame.from_records(rows, columns=["who", "counts", "value", "qualifier"])
