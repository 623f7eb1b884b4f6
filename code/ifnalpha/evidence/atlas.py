"""The cross-review gene atlas: every gene named in any table, and everything that mentions it.

Sources, in this order: the six review tables (via :func:`ifnalpha.evidence.tables.gene_index`), the
claims ledger (a claim mentions a gene when its symbol occurs as a word in the claim's quantity,
context or quoted phrase) and the book's signalling model (genes it has a readout for).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import pandas as pd

from ifnalpha.evidence import claims, tables

__all__ = ["MODEL_READOUTS", "atlas", "gene_summary", "lookup", "lookup_widget"]

#: Genes that the book's signalling model reads out: symbol -> (column of
#: ``ifnalpha.model.simulate(...).frame``, what the readout stands for).
MODEL_READOUTS: dict[str, tuple[str, str]] = {
    "IFITM1": ("ifitm1", "U-ISGF3-responsive ('robust') ISG: stays induced in chronic exposure"),
    "IRF1": ("irf1", "GAS-driven gene, induced by the phosphorylated STAT1 homodimer"),
    "USP18": ("usp18", "ISG and negative-feedback regulator: displaces JAK1 from IFNAR2"),
    "SOCS1": ("socs1", "ISG and negative-feedback regulator: inhibits JAK1/TYK2 signalling"),
    "STAT1": ("stat1", "ISG and positive-feedback component of ISGF3 and U-ISGF3"),
    "STAT2": ("stat2", "ISG and positive-feedback component of ISGF3 and U-ISGF3"),
    "IRF9": ("irf9", "ISG and positive-feedback component of ISGF3 and U-ISGF3"),
}

COLUMNS = ["gene", "source", "review", "where", "context", "citations"]


def _format_citations(review: str, numbers: tuple[int, ...]) -> str:
    return ", ".join(f"{review}{n}" for n in numbers)


def _table_rows() -> pd.DataFrame:
    index = tables.gene_index()
    rows = []
    for row in index.itertuples(index=False):
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


def _model_rows(genes: list[str]) -> pd.DataFrame:
    rows = [
        {"gene": gene, "source": "book model", "review": "", "where": f"readout {column}",
         "context": meaning, "citations": ""}
        for gene, (column, meaning) in MODEL_READOUTS.items() if gene in genes
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


@lru_cache(maxsize=1)
def _atlas() -> pd.DataFrame:
    table_rows = _table_rows()
    genes = sorted(table_rows["gene"].unique())
    frame = pd.concat([table_rows, _claim_rows(genes), _model_rows(genes)], ignore_index=True)
    order = {"review table": 0, "claims ledger": 1, "book model": 2}
    frame["_order"] = frame["source"].map(order)
    frame = frame.sort_values(["gene", "_order", "review", "where"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def atlas() -> pd.DataFrame:
    """Return the whole atlas: one row per (gene, table row / claim / model readout).

    Returns
    -------
    pandas.DataFrame
        Columns ``gene``, ``source`` (``review table``, ``claims ledger`` or ``book model``),
        ``review``, ``where`` (e.g. ``Table B3``, ``claim b-tyk2-mutation-mpnst``,
        ``readout ifitm1``), ``context`` and ``citations`` (e.g. ``"B224, B225"``), sorted by
        gene. A copy: changing it does not change the atlas.

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
        Columns ``gene``, ``tables`` (e.g. ``"A1, A2, B4"``), ``table_rows``, ``claims`` and
        ``model_readout`` (the model column, or empty).

    Examples
    --------
    >>> gene_summary().set_index("gene").loc["USP18", "model_readout"]
    'usp18'
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
            "model_readout": MODEL_READOUTS.get(gene, ("", ""))[0],
        })
    return pd.DataFrame(rows)


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
    ValueError
        If the gene is not in the atlas; the message names it and suggests close symbols.

    Examples
    --------
    >>> lookup("irf9")["gene"].unique().tolist()
    ['IRF9']
    """
    if not isinstance(gene, str) or not gene.strip():
        raise ValueError(f"gene must be a non-empty string, got {gene!r}")
    symbol = gene.strip().upper()
    frame = _atlas()
    rows = frame[frame["gene"] == symbol]
    if rows.empty:
        close = difflib.get_close_matches(symbol, sorted(frame["gene"].unique()), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ValueError(f"gene {gene!r} is not in the atlas{hint}")
    return rows.reset_index(drop=True)


def lookup_widget():  # pragma: no cover - exercised in the gene-atlas notebook
    """Return a live lookup widget: pick a gene, see every row that mentions it.

    Returns
    -------
    ipywidgets.VBox
        A combobox of the atlas's genes and an output area (works with a running kernel,
        for example on Binder).
    """
    import ipywidgets as widgets

    genes = sorted(_atlas()["gene"].unique())
    chooser = widgets.Dropdown(options=genes, value="IRF9" if "IRF9" in genes else genes[0],
                               description="Gene")
    output = widgets.Output()

    def show(change=None) -> None:
        # Set the output area's state rather than display() into it: no display messages are
        # sent, so the result is the same with or without a frontend (nbclient, nbval, Binder)
        # and the stored widget state is deterministic.
        output.outputs = (_lookup_output(chooser.value),)

    chooser.observe(show, names="value")
    show()
    return widgets.VBox([chooser, output])


def _lookup_output(gene: str) -> dict:
    """Return one gene's rows as a deterministic ``display_data`` output (HTML and text)."""
    rows = lookup(gene).drop(columns="gene")
    return {
        "output_type": "display_data",
        "data": {
            "text/html": rows.to_html(index=False, border=0, classes="atlas-lookup"),
            "text/plain": rows.to_string(index=False),
        },
        "metadata": {},
    }
