"""The cross-review gene atlas: every gene the reviews name, and everything that mentions it.

Sources, in this order: the six review tables (:func:`gene_index`), the reviews' running text,
figure legends and table cells outside the gene columns (:mod:`ifnalpha.evidence.text_genes`)
and the claims ledger (a claim mentions a gene when its symbol, or a printed name of it, occurs
as a word in the claim's quantity, context or quoted phrase). A complex named as a target
(``ISGF3`` in review B's Table 4) expands to the members the reviews give it. Families the
reviews never break into named genes (``NF-κB``) are entries of their own. The atlas holds
evidence only: the book's pages add the model's readouts as rows of their own ``source``
(:data:`COLUMNS`, :data:`SOURCES`). :func:`search_form` writes a name as a reader types it.

Examples
--------
>>> lookup("TP53")["where"].tolist()[0]
'Table B4'
>>> lookup("p53")["source"].tolist()
['review table', 'review text', 'review text']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import pandas as pd

from ifnalpha import checks, reviews
from ifnalpha.evidence import claims, tables, text_genes

__all__ = ["COLUMNS", "INDEX_COLUMNS", "SOURCES", "SUMMARY_COLUMNS", "atlas", "complex_members",
           "gene_index", "gene_summary", "lookup", "search_form"]

#: Columns of the atlas, in order; rows from other sources (the book's model) use the same.
#: ``printed`` is the name as the source prints it (empty where it prints none).
COLUMNS = ["gene", "printed", "source", "review", "where", "context", "citations"]

#: The atlas's sources, in the order its rows list them for each gene.
SOURCES: tuple[str, ...] = ("review table", "review text", "claims ledger")

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def search_form(name: str) -> str:
    """Write a printed name as a reader would type it: plain hyphens, Greek letters kept.

    Non-breaking and other dashes become ``-`` and compatibility characters are folded
    (NFKC), so ``"c‑KIT"`` (U+2011, as review B prints it) becomes ``"c-KIT"``.

    Examples
    --------
    >>> search_form("HIF\u20111α") == "HIF-1α"
    True
    """
    return unicodedata.normalize("NFKC", checks.string("name", name)).translate(_DASHES)


@lru_cache(maxsize=1)
def _complex_members() -> dict[str, tuple[str, ...]]:
    members: dict[str, tuple[str, ...]] = {}
    for row in text_genes.load().itertuples(index=False):
        if row.kind == "complex" and row.symbols:
            known = members.setdefault(row.group, row.symbols)
            if set(known) != set(row.symbols):
                raise ValueError(f"complex {row.group!r} has members {known} and {row.symbols}")
    return members


def complex_members() -> dict[str, tuple[str, ...]]:
    """Return each complex's member genes as the reviews give them (from the text-genes file).

    Examples
    --------
    >>> complex_members()["ISGF3"]
    ('STAT1', 'STAT2', 'IRF9')
    """
    return dict(_complex_members())

#: Columns of :func:`gene_index`.
INDEX_COLUMNS = ["gene", "review", "table", "label", "role", "context", "citations"]


def _target_genes(target: str) -> Iterator[tuple[str, str]]:
    """Yield (gene, complex) for a printed target cell; a complex yields its members."""
    members = _complex_members()
    for part in target.split(","):
        name = part.strip()
        if name in tables.COMPLEXES:
            yield from ((gene, name) for gene in members.get(name, ()))
        elif tables.is_gene_symbol(name):
            yield name, ""


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
    for gene, complex_name in _target_genes(rec["target"]):
        part = f" as part of {complex_name}" if complex_name else ""
        context = f"target of {rec['regulator']}{part} ({action})"
        yield _index_entry(spec, gene, complex_name or gene, "target", context, rec["citations"])


def gene_index() -> pd.DataFrame:
    """Index every gene mentioned in the six tables.

    Sources: the ISGs of review A's Tables 1-2 and review B's Table 2, the regulators of review
    B's Tables 3-4 that are gene products (drugs, compounds and LDL are left out) and the genes
    those regulators target (a complex target, ``ISGF3``, as its members:
    :func:`complex_members`). Review B's Table 1 names no genes in a column of its own; its
    genes are in :mod:`ifnalpha.evidence.text_genes`.

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
        rows.append({
            "gene": row.gene,
            "printed": row.label,
            "source": "review table",
            "review": row.review,
            "where": f"Table {row.review}{row.table}",
            "context": f"{row.role}: {row.context}",
            "citations": _format_citations(row.review, tuple(row.citations)),
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def _text_where(section: str, location: str) -> str:
    where = section.replace(reviews.SUBSECTION_SEPARATOR, " › ")
    return where if location == "text" else f"{where} ({location})"


def _text_rows() -> pd.DataFrame:
    rows = []
    for row in text_genes.load().to_dict("records"):
        note = f"; {row['note']}" if row["note"] else ""
        for gene in text_genes.entry_names(row):
            rows.append({
                "gene": gene,
                "printed": row["printed"],
                "source": "review text",
                "review": row["review"],
                "where": _text_where(row["section"], row["location"]),
                "context": f"{row['kind']}: {row['context']}{note}",
                "citations": "",
            })
    return pd.DataFrame(rows, columns=COLUMNS)


def _aliases(frame: pd.DataFrame) -> dict[str, set[str]]:
    """Map each gene to the names a claim may use for it: its symbol and printed names."""
    names: dict[str, set[str]] = {gene: {gene} for gene in frame["gene"]}
    single = frame[frame["printed"].ne("") & frame["source"].ne("claims ledger")]
    for gene, printed in zip(single["gene"], single["printed"], strict=True):
        if len(printed) >= 3 and "/" not in printed and " " not in printed:
            names[gene].add(search_form(printed))
    return names


def _claim_rows(frame: pd.DataFrame) -> pd.DataFrame:
    ledger = claims.load()
    texts = {
        claim_id: search_form(" ".join(str(claim[c]) for c in ("quantity", "context", "quote")))
        for claim_id, claim in ledger.iterrows()
    }
    rows = []
    for gene, names in sorted(_aliases(frame).items()):
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![A-Za-z0-9-])(?:{alternatives})(?![A-Za-z0-9])")
        for claim_id, claim in ledger.iterrows():
            found = pattern.search(texts[claim_id])
            if found:
                rows.append({
                    "gene": gene,
                    "printed": found.group(0),
                    "source": "claims ledger",
                    "review": claim["review"],
                    "where": f"claim {claim_id}",
                    "context": f"{claim['quantity']}: {claims.text(claim_id)} ({claim['context']})",
                    "citations": _format_citations(claim["review"], claim["citation_numbers"]),
                })
    return pd.DataFrame(rows, columns=COLUMNS)


@lru_cache(maxsize=1)
def _atlas() -> pd.DataFrame:
    named = pd.concat([_table_rows(), _text_rows()], ignore_index=True)
    frame = pd.concat([named, _claim_rows(named)], ignore_index=True)
    frame["_order"] = frame["source"].map({source: i for i, source in enumerate(SOURCES)})
    frame = frame.sort_values(["gene", "_order", "review", "where"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def atlas() -> pd.DataFrame:
    """Return the whole atlas: one row per (gene, table row or claim).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``gene`` (an HGNC symbol, or a family or complex the
        reviews name without its genes, e.g. ``"NF-κB (family)"``), ``printed`` (the name as
        printed), ``source`` (:data:`SOURCES`), ``review``, ``where`` (``Table B3``, a
        section path with its location, or ``claim b-tyk2-mutation-mpnst``), ``context`` and
        ``citations`` (e.g. ``"B224, B225"``), sorted by gene, then source. A copy.

    Examples
    --------
    >>> "IFITM1" in set(atlas()["gene"])
    True
    """
    return _atlas().copy()


#: Columns of :func:`gene_summary`.
SUMMARY_COLUMNS = ["gene", "printed", "reviews", "tables", "table_rows", "text_places", "claims"]


def gene_summary() -> pd.DataFrame:
    """Return one row per gene: its printed names, where it occurs and how often.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SUMMARY_COLUMNS`: ``gene``, ``printed`` (the distinct printed names,
        ``"; "``-separated), ``reviews`` (``"A"``, ``"B"`` or ``"A, B"``), ``tables`` (e.g.
        ``"A1, A2, B4"``), ``table_rows``, ``text_places`` (rows from the running text,
        legends and other table cells) and ``claims``.

    Examples
    --------
    >>> usp18 = gene_summary().set_index("gene").loc["USP18"]
    >>> usp18["tables"], usp18["reviews"]
    ('A1, A2', 'A, B')
    """
    frame = _atlas()
    rows = []
    for gene, group in frame.groupby("gene", sort=True):
        in_tables = group[group["source"] == "review table"]
        named = group[group["source"] != "claims ledger"]
        rows.append({
            "gene": gene,
            "printed": "; ".join(dict.fromkeys(p for p in named["printed"] if p)),
            "reviews": ", ".join(sorted(set(named["review"]))),
            "tables": ", ".join(sorted({w.removeprefix("Table ") for w in in_tables["where"]})),
            "table_rows": int(len(in_tables)),
            "text_places": int((group["source"] == "review text").sum()),
            "claims": int((group["source"] == "claims ledger").sum()),
        })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def _key(name: str) -> str:
    return search_form(name).strip().casefold()


def lookup(gene: str) -> pd.DataFrame:
    """Return every atlas row of one gene, found by symbol or by a name the reviews print.

    Parameters
    ----------
    gene : str
        A symbol or entry name of the atlas, or a printed name, case-insensitive and with
        plain hyphens, e.g. ``"irf9"``, ``"c-KIT"`` or ``"PD-L1"``.

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
    >>> lookup("c-KIT")["gene"].unique().tolist()
    ['KIT']
    """
    checks.string("gene", gene)
    frame = _atlas()
    key = _key(gene)
    entries = {_key(g): g for g in frame["gene"]}
    if key not in entries:
        named = frame[frame["source"] != "claims ledger"]
        entries = {_key(p): g for p, g in zip(named["printed"], named["gene"], strict=True)
                   if p} | entries
    if not key or key not in entries:
        close = difflib.get_close_matches(gene.strip().upper(), sorted(frame["gene"].unique()),
                                          n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ValueError(f"gene {gene!r} is not in the atlas{hint}")
    return frame[frame["gene"] == entries[key]].reset_index(drop=True)
