"""The gene atlas page: the reviews' atlas joined with the book model's numbers and pages.

:mod:`ifnalpha.evidence.atlas` gathers what the two reviews say about each gene (their tables,
their text and legends, and the claims ledger). The book's signalling model declares which gene
each of its readouts stands for (:data:`ifnalpha.model.READOUTS`, attribute ``gene``) and
computes their values under a standard and a chronic exposure
(:func:`ifnalpha.model.gene_readouts.gene_readout_numbers`). The two layers do not import each
other; this module joins them for the page, finds the book's pages that discuss each gene
(:func:`book_pages`), and holds what the page shows: the glued counts
(:func:`gene_atlas_texts`), the tables and the live lookup widget.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pandas as pd

from ifnalpha import checks, model
from ifnalpha.book.glue import count, dose, fold, hours, significant
from ifnalpha.book.table_display import InteractiveTable, interactive_table
from ifnalpha.evidence import atlas as evidence_atlas
from ifnalpha.model import gene_readouts
from ifnalpha.paths import REPO_ROOT

__all__ = ["MODEL_SOURCE", "atlas_table", "book_pages", "gene_atlas_texts", "gene_summary",
           "genes_table", "joined_atlas", "lookup", "lookup_table", "lookup_widget",
           "model_numbers_table", "model_rows"]

#: The ``source`` of the atlas rows that come from the book's model.
MODEL_SOURCE = "book model"
_SOURCE_ORDER = {s: i for i, s in enumerate((*evidence_atlas.SOURCES, MODEL_SOURCE))}
_HEADINGS = {"gene": "Gene", "printed": "Printed", "source": "Source", "review": "Review",
             "where": "Where", "context": "Context", "citations": "References",
             "search": "Search"}
_SKIPPED_PAGES = ("chapters/synthesis/gene-atlas",)


def _value(value: float, is_fold: bool, unit: str) -> str:
    return f"×{fold(value)}" if is_fold else f"{significant(value, 2)} {unit}"


def _exposure_words() -> tuple[str, str]:
    at = f"at {hours(gene_readouts.STANDARD_HOURS)} h of {dose(gene_readouts.STANDARD_DOSE_PM)}"
    days = gene_readouts.CHRONIC_HOURS / 24
    return at, f"after {days:g} days of the same dose"


def model_rows(genes: list[str] | None = None) -> pd.DataFrame:
    """Return one atlas row per readout of the model that stands for a gene, with its numbers.

    Parameters
    ----------
    genes : list of str, optional
        Keep only these genes (default: every gene a readout stands for).

    Returns
    -------
    pandas.DataFrame
        Columns as :func:`ifnalpha.evidence.atlas.atlas`: ``source`` is ``"book model"``,
        ``where`` names the readout (its label), ``context`` gives its value at the standard
        dose and time and under chronic exposure (folds of rest, or the readout's unit).

    Examples
    --------
    >>> rows = model_rows(["IRF9"])
    >>> sorted(rows["where"])
    ['model readout: IRF9 mRNA', 'model readout: IRF9 protein']
    >>> "after 7 days" in rows["context"].iloc[0]
    True
    """
    at, chronic = _exposure_words()
    rows = []
    for r in gene_readouts.gene_readout_numbers().itertuples(index=False):
        if genes is not None and r.gene not in genes:
            continue
        rows.append({
            "gene": r.gene, "printed": r.label, "source": MODEL_SOURCE, "review": "",
            "where": f"model readout: {r.label}",
            "context": (f"{_value(r.standard, r.is_fold, r.unit)} {at}; "
                        f"{_value(r.chronic, r.is_fold, r.unit)} {chronic} "
                        f"({'fold of rest' if r.is_fold else r.unit})"),
            "citations": "",
        })
    return pd.DataFrame(rows, columns=evidence_atlas.COLUMNS)


def _chapter_pages() -> list[tuple[str, str, str]]:
    """(docname, title, markdown text) of every chapter page but the atlas itself."""
    pages = []
    for path in sorted((REPO_ROOT / "chapters").glob("*/*")):
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        elif path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
        else:
            continue
        doc = path.relative_to(REPO_ROOT).with_suffix("").as_posix()
        title = re.search(r"(?m)^# (.+)$", text)
        if doc not in _SKIPPED_PAGES and title:
            pages.append((doc, title.group(1).strip(), evidence_atlas.search_form(text)))
    return pages


def _names(gene: str, printed: set[str]) -> set[str]:
    names = {gene.removesuffix(" (family)").removesuffix(" (complex)")}
    names |= {evidence_atlas.search_form(p) for p in printed if len(p) >= 3 and "/" not in p}
    return names


@lru_cache(maxsize=1)
def _book_pages() -> dict[str, tuple[tuple[str, str], ...]]:
    frame = evidence_atlas.atlas()
    frame = frame[frame["source"] != "claims ledger"]
    pages = _chapter_pages()
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for gene, group in frame.groupby("gene", sort=True):
        names = sorted(_names(gene, set(group["printed"])), key=len, reverse=True)
        pattern = re.compile("(?<![A-Za-z0-9-])(?:" + "|".join(map(re.escape, names))
                             + ")(?![A-Za-z0-9])")
        found[gene] = tuple((doc, title) for doc, title, text in pages if pattern.search(text))
    return found


def book_pages() -> dict[str, tuple[tuple[str, str], ...]]:
    """Find the book's pages whose prose names each atlas gene (symbol or a printed name).

    The markdown of every chapter page (notebooks and ``.md`` pages, the atlas page itself
    excepted) is searched for the gene's symbol and the names the reviews print for it, as
    whole words with plain hyphens; glossary terms are the same names.

    Returns
    -------
    dict
        Gene → tuple of (docname, page title), in table-of-contents folder order.

    Examples
    --------
    >>> "chapters/ibc/isgs-in-ibc" in dict(book_pages()["IFITM1"])
    True
    """
    return dict(_book_pages())


def _review_rows() -> pd.DataFrame:
    frame = evidence_atlas.atlas()
    return frame[frame["source"] != MODEL_SOURCE]  # the reviews' rows only


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
        atlas's genes, sorted by gene, then review tables, text, claims, model. A copy.

    Examples
    --------
    >>> frame = joined_atlas()
    >>> sorted(set(frame.loc[frame["gene"] == "IFITM1", "source"]))
    ['book model', 'claims ledger', 'review table', 'review text']
    """
    return _joined().copy()


def gene_summary() -> pd.DataFrame:
    """Return one row per gene of the atlas: where the reviews name it, the model, the book.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`ifnalpha.evidence.atlas.gene_summary`, then
        ``model_readouts`` (the labels of the readouts that stand for it, or empty) and
        ``book_pages`` (titles of the pages that name it, ``"; "``-separated).

    Examples
    --------
    >>> gene_summary().set_index("gene").loc["IRF1", "model_readouts"]
    'IRF1 (GAS gene)'
    """
    summary = evidence_atlas.gene_summary()
    labels: dict[str, list[str]] = {}
    for r in model.READOUTS.values():
        if r.gene:
            labels.setdefault(r.gene, []).append(r.label)
    pages = _book_pages()
    summary["model_readouts"] = summary["gene"].map(lambda g: ", ".join(labels.get(g, [])))
    summary["book_pages"] = summary["gene"].map(
        lambda g: "; ".join(title for _, title in pages.get(g, ())))
    return summary.reset_index(drop=True)


def lookup(gene: str) -> pd.DataFrame:
    """Return every row of the joined atlas for one gene (symbol or printed name).

    Raises
    ------
    ValueError
        If the gene is not in the atlas (the message suggests close symbols).

    Examples
    --------
    >>> set(lookup("irf9")["source"]) >= {"review table", "book model"}
    True
    """
    symbol = evidence_atlas.lookup(gene)["gene"].iloc[0]  # checks the name, suggests others
    frame = _joined()
    return frame[frame["gene"] == symbol].reset_index(drop=True)


def gene_atlas_texts() -> dict[str, str]:
    """Return the counts and settings the gene atlas page states, keyed for glue.

    Returns
    -------
    dict
        ``n-genes`` (entries), ``n-genes-tables``, ``n-genes-text-only``, ``n-families``,
        ``n-atlas-rows``, ``n-table-rows``, ``n-text-rows``, ``n-genes-with-claims``,
        ``n-genes-with-readout``, ``n-genes-with-pages``, ``n-genes-both-reviews``,
        ``genes-both-reviews`` (genes named by both reviews, comma-separated) and the model's
        exposures ``standard-exposure`` and ``chronic-exposure``.

    Examples
    --------
    >>> texts = gene_atlas_texts()
    >>> int(texts["n-genes"]) > int(texts["n-genes-tables"]) > int(texts["n-genes-with-readout"])
    True
    """
    summary = gene_summary()
    in_both = summary[summary["reviews"] == "A, B"]
    in_both = in_both[~in_both["gene"].str.endswith(")")]
    at, chronic = _exposure_words()
    families = summary["gene"].str.endswith((" (family)", " (complex)"))
    return {
        "n-genes": count(len(summary)),
        "n-genes-tables": count(int((summary["table_rows"] > 0).sum())),
        "n-genes-text-only": count(int((summary["table_rows"] == 0).sum())),
        "n-families": count(int(families.sum())),
        "n-atlas-rows": count(len(_joined())),
        "n-table-rows": count(int(summary["table_rows"].sum())),
        "n-text-rows": count(int(summary["text_places"].sum())),
        "n-genes-with-claims": count(int((summary["claims"] > 0).sum())),
        "n-genes-with-readout": count(int((summary["model_readouts"] != "").sum())),
        "n-genes-with-pages": count(int((summary["book_pages"] != "").sum())),
        "n-genes-both-reviews": count(len(in_both)),
        "genes-both-reviews": ", ".join(in_both["gene"]),
        "standard-exposure": at,
        "chronic-exposure": chronic,
    }


def _search_column(frame: pd.DataFrame) -> pd.Series:
    """Each row's names as a reader types them (plain hyphens), for search only."""
    columns = [c for c in ("gene", "printed") if c in frame]
    return frame[columns].astype(str).agg(" ".join, axis=1).map(evidence_atlas.search_form)


def model_numbers_table() -> InteractiveTable:
    """Return the model's gene readouts with their numbers as the page's table."""
    at, chronic = _exposure_words()
    numbers = gene_readouts.gene_readout_numbers()
    frame = pd.DataFrame({
        "Gene": numbers["gene"], "Readout": numbers["label"],
        f"Value {at}": [_value(v, f, u) for v, f, u in
                        zip(numbers["standard"], numbers["is_fold"], numbers["unit"], strict=True)],
        f"Value {chronic}": [_value(v, f, u) for v, f, u in
                             zip(numbers["chronic"], numbers["is_fold"], numbers["unit"],
                                 strict=True)],
    })
    return interactive_table(
        frame, "atlas-model-numbers",
        f"The book model's readouts of genes: the value {at} (constant exposure) and the mean "
        f"over the last day {chronic}; × marks a fold of the resting level.",
        widths=(0.8, 1.4, 1.4, 1.4), page_length=15,
    )


def genes_table() -> InteractiveTable:
    """Return the genes of the atlas as the page's interactive table."""
    summary = gene_summary()
    summary["search"] = _search_column(summary)
    return interactive_table(
        summary.rename(columns={"gene": "Gene", "printed": "Printed as", "reviews": "Reviews",
                                "tables": "Review tables", "table_rows": "Table rows",
                                "text_places": "Text places", "claims": "Claims",
                                "model_readouts": "Model readouts", "book_pages": "Book pages",
                                "search": "Search"}),
        "atlas-genes",
        "Genes of the atlas: the names the reviews print, the reviews and tables that name "
        "each gene (A1 is review A, Table 1), how many table rows, places in the text and "
        "ledger claims mention it, the model readouts that represent it and the book's pages "
        "that discuss it.",
        widths=(0.9, 1.2, 0.6, 0.9, 0.5, 0.5, 0.5, 1.1, 2.0),
        search_only=("Search",),
    )


def atlas_table() -> InteractiveTable:
    """Return the whole joined atlas as the page's interactive table."""
    frame = joined_atlas()
    frame["search"] = _search_column(frame)
    return interactive_table(
        frame.rename(columns=_HEADINGS),
        "atlas-full",
        "The gene atlas: every mention of a gene in the six review tables, in the reviews' "
        "text and figure legends, in the claims ledger and in the book's model.",
        widths=(0.8, 0.9, 0.8, 0.5, 1.6, 3.2, 0.9),
        search_only=("Search",),
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
        "atlas-lookup-" + re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-"),
        f"Example lookup: every atlas row for {symbol}.",
        widths=(0.9, 0.8, 0.5, 1.6, 3.4, 0.9),
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
