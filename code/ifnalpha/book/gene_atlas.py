"""The gene atlas page: the reviews' atlas joined with the book model's readouts, and its lookup.

:mod:`ifnalpha.evidence.atlas` gathers what the two reviews say about each gene (their tables
and the claims ledger). The book's signalling model declares which gene each of its readouts
stands for (:data:`ifnalpha.model.READOUTS`, attribute ``gene``). The two layers do not import
each other; this module joins them for the page, and holds what the page shows: the glued
counts (:func:`gene_atlas_texts`), the three tables and the live lookup widget.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ifnalpha import checks, model
from ifnalpha.book.glue import count
from ifnalpha.book.table_display import InteractiveTable, interactive_table
from ifnalpha.evidence import atlas as evidence_atlas

__all__ = ["MODEL_SOURCE", "atlas_table", "gene_atlas_texts", "gene_summary", "genes_table",
           "joined_atlas", "lookup", "lookup_table", "lookup_widget", "model_rows"]

#: The ``source`` of the atlas rows that come from the book's model.
MODEL_SOURCE = "book model"
_SOURCE_ORDER = {"review table": 0, "claims ledger": 1, MODEL_SOURCE: 2}
_HEADINGS = {"gene": "Gene", "source": "Source", "review": "Review", "where": "Where",
             "context": "Context", "citations": "References"}


def _review_rows() -> pd.DataFrame:
    frame = evidence_atlas.atlas()
    return frame[frame["source"] != MODEL_SOURCE]  # the reviews' rows only


def model_rows(genes: list[str] | None = None) -> pd.DataFrame:
    """Return one atlas row per readout of the model that stands for a gene.

    Parameters
    ----------
    genes : list of str, optional
        Keep only these genes (default: every gene a readout stands for).

    Returns
    -------
    pandas.DataFrame
        Columns as :func:`ifnalpha.evidence.atlas.atlas`: ``source`` is ``"book model"``,
        ``where`` names the readout (its label), ``context`` says what it is and its unit.

    Examples
    --------
    >>> rows = model_rows(["IRF9"])
    >>> sorted(rows["where"])
    ['model readout: IRF9 mRNA', 'model readout: IRF9 protein']
    """
    rows = [
        {"gene": r.gene, "source": MODEL_SOURCE, "review": "",
         "where": f"model readout: {r.label}", "context": f"{r.meaning} ({r.unit})",
         "citations": ""}
        for r in model.READOUTS.values()
        if r.gene and (genes is None or r.gene in genes)
    ]
    return pd.DataFrame(rows, columns=evidence_atlas.COLUMNS)


@lru_cache(maxsize=1)
def _joined() -> pd.DataFrame:
    reviews = _review_rows()
    genes = sorted(reviews["gene"].unique())
    frame = pd.concat([reviews, model_rows(genes)], ignore_index=True)
    order = frame["source"].map(_SOURCE_ORDER)
    frame = frame.assign(_order=order).sort_values(["gene", "_order", "review", "where"],
                                                   kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def joined_atlas() -> pd.DataFrame:
    """Return the atlas of the reviews with the model's readouts of the same genes.

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`ifnalpha.evidence.atlas.atlas` and of :func:`model_rows` for the
        atlas's genes, sorted by gene, then review tables, claims, model. A copy.

    Examples
    --------
    >>> frame = joined_atlas()
    >>> sorted(set(frame.loc[frame["gene"] == "IFITM1", "source"]))
    ['book model', 'claims ledger', 'review table']
    """
    return _joined().copy()


def gene_summary() -> pd.DataFrame:
    """Return one row per gene of the atlas: its review tables, rows, claims and model readouts.

    Returns
    -------
    pandas.DataFrame
        Columns ``gene``, ``tables`` (e.g. ``"A1, A2, B4"``), ``table_rows``, ``claims`` and
        ``model_readouts`` (the labels of the readouts that stand for it, or empty).

    Examples
    --------
    >>> gene_summary().set_index("gene").loc["IRF1", "model_readouts"]
    'IRF1 (GAS gene)'
    """
    summary = evidence_atlas.gene_summary()
    summary = summary.drop(columns=[c for c in summary if c not in
                                    ("gene", "tables", "table_rows", "claims")])
    labels: dict[str, list[str]] = {}
    for r in model.READOUTS.values():
        if r.gene:
            labels.setdefault(r.gene, []).append(r.label)
    summary["model_readouts"] = summary["gene"].map(lambda g: ", ".join(labels.get(g, [])))
    return summary.reset_index(drop=True)


def lookup(gene: str) -> pd.DataFrame:
    """Return every row of the joined atlas for one gene (symbol, case-insensitive).

    Raises
    ------
    ValueError
        If the gene is not in the atlas (the message suggests close symbols).

    Examples
    --------
    >>> set(lookup("irf9")["source"]) >= {"review table", "book model"}
    True
    """
    symbol = evidence_atlas.lookup(gene)["gene"].iloc[0]  # checks the symbol, suggests others
    frame = _joined()
    return frame[frame["gene"] == symbol].reset_index(drop=True)


def gene_atlas_texts() -> dict[str, str]:
    """Return the counts the gene atlas page states, keyed for glue.

    Returns
    -------
    dict
        ``n-genes``, ``n-atlas-rows``, ``n-table-rows``, ``n-genes-with-claims``,
        ``n-genes-with-readout``, ``n-genes-both-reviews`` and ``genes-both-reviews`` (the
        genes named in tables of both reviews, comma-separated).

    Examples
    --------
    >>> texts = gene_atlas_texts()
    >>> int(texts["n-genes"]) > int(texts["n-genes-with-readout"]) > 0
    True
    """
    summary = gene_summary()
    in_both = summary[summary["tables"].str.contains("A") & summary["tables"].str.contains("B")]
    return {
        "n-genes": count(len(summary)),
        "n-atlas-rows": count(len(_joined())),
        "n-table-rows": count(int(summary["table_rows"].sum())),
        "n-genes-with-claims": count(int((summary["claims"] > 0).sum())),
        "n-genes-with-readout": count(int((summary["model_readouts"] != "").sum())),
        "n-genes-both-reviews": count(len(in_both)),
        "genes-both-reviews": ", ".join(in_both["gene"]),
    }


def genes_table() -> InteractiveTable:
    """Return the genes of the atlas as the page's interactive table."""
    return interactive_table(
        gene_summary().rename(columns={"gene": "Gene", "tables": "Review tables",
                                       "table_rows": "Table rows", "claims": "Claims",
                                       "model_readouts": "Model readouts"}),
        "atlas-genes",
        "Genes of the atlas: the review tables that name each gene (A1 is review A, Table 1), "
        "how many table rows and ledger claims mention it, and the model readouts that "
        "represent it.",
        widths=(1.0, 1.4, 0.8, 0.8, 1.6),
    )


def atlas_table() -> InteractiveTable:
    """Return the whole joined atlas as the page's interactive table."""
    return interactive_table(
        joined_atlas().rename(columns=_HEADINGS),
        "atlas-full",
        "The gene atlas: every mention of a gene in the six review tables, in the claims "
        "ledger and in the book's model.",
        widths=(0.9, 1.0, 0.6, 1.6, 4.0, 1.1),
    )


def _lookup_frame(gene: str) -> pd.DataFrame:
    return lookup(gene).drop(columns="gene").rename(columns=_HEADINGS)


def lookup_table(gene: str) -> InteractiveTable:
    """Return one gene's rows as an interactive table (the page's example lookup).

    Examples
    --------
    >>> lookup_table("IRF9").table_id
    'atlas-lookup-irf9'
    """
    checks.string("gene", gene)
    symbol = lookup(gene)["gene"].iloc[0]
    return interactive_table(
        _lookup_frame(symbol),
        f"atlas-lookup-{symbol.lower()}",
        f"Example lookup: every atlas row for {symbol}.",
        widths=(1.0, 0.6, 1.8, 4.0, 1.0),
    )


def lookup_widget():
    """Return a live lookup widget: pick a gene, see every row of the atlas that mentions it.

    Returns
    -------
    ipywidgets.VBox
        A drop-down of the atlas's genes (IRF9 first shown) and an output area; it responds
        with a running kernel, for example on Binder.
    """
    import ipywidgets as widgets

    genes = sorted(_joined()["gene"].unique())
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
    rows = _lookup_frame(gene)
    return {
        "output_type": "display_data",
        "data": {
            "text/html": rows.to_html(index=False, border=0, classes="atlas-lookup"),
            "text/plain": rows.to_string(index=False),
        },
        "metadata": {},
    }
