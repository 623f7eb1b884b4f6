"""The cross-review gene atlas: every gene named in any table, and everything that mentions it.

Sources, in this order: the six review tables (:func:`gene_index`) and the claims ledger (a
claim mentions a gene when its symbol occurs as a word in the claim's quantity, context or
quoted phrase). The atlas holds evidence only: the book's pages add the model's readouts as
rows of their own ``source`` (:data:`COLUMNS`, :data:`SOURCES`).

Examples
--------
>>> lookup("TP53")["where"].tolist()
['Table B4']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import lru_cache

import pandas as pd

from ifnalpha import checks
from ifnalpha.evidence import claims, tables

__all__ = ["COLUMNS", "INDEX_COLUMNS", "SOURCES", "atlas", "gene_index", "gene_summary", "lookup"]

#: Columns of the atlas, in order; rows from other sources (the book's model) use the same.
COLUMNS = ["gene", "source", "review", "where", "context", "citations"]

#: The atlas's sources, in the order its rows list them for each gene.
SOURCES: tuple[str, ...] = ("review table", "claims ledger")

#: Columns of :func:`gene_index`.
INDEX_COLUMNS = ["gene", "review", "table", "label", "role", "context", "citations"]


def _target_genes(target: str) -> Iterator[str]:
    """Yield the gene symbols named in a printed target cell (complexes are skipped)."""
    for part in target.split(","):
        name = part.strip()
        if tables.is_gene_symbol(name) and name not in tables.COMPLEXES:
            yield name


def _index_entry(
    spec: tables.TableSpec, gene: str, label: str, role: str, context: str, cites: tuple[int, ...]
) -> dict[str, object]:
    """Build one gene-index row."""
    return {
        "gene": gene,
        "review": spec.review,
        "table": spec.number,
        "label": label,
        "role": role,
        "context": context,
        "citations": cites,
    }


def _index_rows(spec: tables.TableSpec, frame: pd.DataFrame) -> Iterator[dict[str, object]]:
    """Yield gene-index rows for one table."""
    for rec in frame.to_dict("records"):
        if spec.key == "A1":
            context = f"induced by {rec['complex']}"
            yield _index_entry(spec, rec["gene"], rec["label"], "ISG", context, ())
        elif spec.key == "A2":
            context = f"{rec['function']} ({rec['status_in_ibc'].lower()} in IBC)"
            yield _index_entry(spec, rec["gene"], rec["label"], "ISG", context, rec["citations"])
        elif spec.key == "B2":
            context = f"tumour suppressor in {rec['cancer_type']}"
            yield _index_entry(spec, rec["gene"], rec["gene"], "ISG", context, rec["citations"])
        elif spec.gene_rule == "regulator":
            yield from _regulator_index_rows(spec, rec)


def _regulator_index_rows(spec: tables.TableSpec, rec: dict) -> Iterator[dict[str, object]]:
    """Yield gene-index rows for one regulator row: the regulator if a gene, then its targets."""
    action = rec["action"].lower()
    if rec["gene"]:
        context = f"{rec['category']} regulator of {rec['target']} ({action})"
        yield _index_entry(
            spec, rec["gene"], rec["regulator"], "regulator", context, rec["citations"]
        )
    for gene in _target_genes(rec["target"]):
        context = f"target of {rec['regulator']} ({action})"
        yield _index_entry(spec, gene, gene, "target", context, rec["citations"])


def gene_index() -> pd.DataFrame:
    """Index every gene mentioned in the six tables.

    Sources: the ISGs of review A's Tables 1-2 and review B's Table 2, the regulators of review
    B's Tables 3-4 that are gene products (drugs, compounds and LDL are left out) and the genes
    those regulators target. Review B's Table 1 names no genes in a column of its own.

    Returns
    -------
    pandas.DataFrame
        One row per (gene, review, table, context) with columns ``gene`` (HGNC symbol),
        ``review``, ``table`` (number), ``label`` (as printed), ``role`` (``"ISG"``,
        ``"regulator"`` or ``"target"``), ``context`` (a short description of that row) and
        ``citations`` (tuple of int; empty for review A's Table 1, which cites no rows).

    Examples
    --------
    >>> idx = gene_index()
    >>> idx.loc[(idx["gene"] == "TP53"), "context"].tolist()
    ['intracellular regulator of IRF9 (regulation of gene expression)']

    """
    rows = [
        row
        for spec in tables.TABLES
        for row in _index_rows(spec, tables.load(spec.review, spec.number))
    ]
    return pd.DataFrame(rows, columns=INDEX_COLUMNS).drop_duplicates(
        subset=["gene", "review", "table", "role", "context"], ignore_index=True
    )


def _format_citations(review: str, numbers: tuple[int, ...]) -> str:
    return ", ".join(f"{review}{n}" for n in numbers)


def _table_rows() -> pd.DataFrame:
    rows = []
    for row in gene_index().itertuples(index=False):
        label = f" (printed {row.label})" if row.label != row.gene else ""
        rows.append({
            "gene": row.gene,
            "source": "review table",
            "review": row.review,
            "where": f"Table {row.review}{row.table}",
            "context": f"{row.role}: {row.context}{label}",
            "citations": _format_citations(row.review, tuple(row.citations)),
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def _claim_rows(genes: list[str]) -> pd.DataFrame:
    ledger = claims.load()
    rows = []
    for gene in genes:
        pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(gene)}(?![A-Za-z0-9])")
        for claim_id, claim in ledger.iterrows():
            text = " ".join(str(claim[c]) for c in ("quantity", "context", "quote"))
            if pattern.search(text):
                rows.append({
                    "gene": gene,
                    "source": "claims ledger",
                    "review": claim["review"],
                    "where": f"claim {claim_id}",
                    "context": f"{claim['quantity']}: {claims.text(claim_id)} ({claim['context']})",
                    "citations": _format_citations(claim["review"], claim["citation_numbers"]),
                })
    return pd.DataFrame(rows, columns=COLUMNS)


@lru_cache(maxsize=1)
def _atlas() -> pd.DataFrame:
    table_rows = _table_rows()
    genes = sorted(table_rows["gene"].unique())
    frame = pd.concat([table_rows, _claim_rows(genes)], ignore_index=True)
    frame["_order"] = frame["source"].map({source: i for i, source in enumerate(SOURCES)})
    frame = frame.sort_values(["gene", "_order", "review", "where"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def atlas() -> pd.DataFrame:
    """Return the whole atlas: one row per (gene, table row or claim).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``gene``, ``source`` (``review table`` or ``claims ledger``),
        ``review``, ``where`` (e.g. ``Table B3``, ``claim b-tyk2-mutation-mpnst``),
        ``context`` and ``citations`` (e.g. ``"B224, B225"``), sorted by gene, then source.
        A copy: changing it does not change the atlas.

    Examples
    --------
    >>> "IFITM1" in set(atlas()["gene"])
    True
    """
    return _atlas().copy()


def gene_summary() -> pd.DataFrame:
    """Return one row per gene: where it occurs and how often.

    Returns
    -------
    pandas.DataFrame
        Columns ``gene``, ``tables`` (e.g. ``"A1, A2, B4"``), ``table_rows`` and ``claims``.

    Examples
    --------
    >>> gene_summary().set_index("gene").loc["USP18", "tables"]
    'A1, A2'
    """
    frame = _atlas()
    rows = []
    for gene, group in frame.groupby("gene", sort=True):
        in_tables = group[group["source"] == "review table"]
        rows.append({
            "gene": gene,
            "tables": ", ".join(sorted({w.removeprefix("Table ") for w in in_tables["where"]})),
            "table_rows": int(len(in_tables)),
            "claims": int((group["source"] == "claims ledger").sum()),
        })
    return pd.DataFrame(rows, columns=["gene", "tables", "table_rows", "claims"])


def lookup(gene: str) -> pd.DataFrame:
    """Return every atlas row of one gene.

    Parameters
    ----------
    gene : str
        An official gene symbol as used in the atlas (case-insensitive), e.g. ``"irf9"``.

    Returns
    -------
    pandas.DataFrame
        The gene's rows, columns as in :func:`atlas`.

    Raises
    ------
    TypeError
        If `gene` is not a string.
    ValueError
        If the gene is blank or not in the atlas; the message names it and suggests close
        symbols.

    Examples
    --------
    >>> lookup("irf9")["gene"].unique().tolist()
    ['IRF9']
    """
    checks.string("gene", gene)
    symbol = gene.strip().upper()
    frame = _atlas()
    rows = frame[frame["gene"] == symbol]
    if rows.empty:
        close = difflib.get_close_matches(symbol, sorted(frame["gene"].unique()), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ValueError(f"gene {gene!r} is not in the atlas{hint}")
    return rows.reset_index(drop=True)
