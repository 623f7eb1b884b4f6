"""What the page "Where the reviews differ" glues and shows: the IFN-α family counts.

The reviews' own counts come from the claims ledger (glued on the page with
:func:`ifnalpha.book.glue.glue_claims`); the counts of the gene lists come from
``data/outside/ifna_genes.csv`` through :mod:`ifnalpha.evidence.ifna_family`.
"""

from __future__ import annotations

import re

import pandas as pd

from ifnalpha.book.glue import count
from ifnalpha.book.table_display import StaticTable, static_table
from ifnalpha.evidence import ifna_family

__all__ = ["reviews_differ_texts", "ifna_count_table"]

_WHO = {"hgnc-interferons": "HGNC gene list", "gtopdb-interferon-receptors":
        "IUPHAR/BPS Guide to Pharmacology"}


def reviews_differ_texts() -> dict[str, str]:
    """Return the texts the page glues (keys ``rd-...``), as the page prints them.

    Examples
    --------
    >>> texts = reviews_differ_texts()
    >>> texts["rd-hgnc-genes"], texts["rd-hgnc-pseudogenes"], texts["rd-distinct-proteins"]
    ('13', '4', '12')
    >>> texts["rd-hgnc-band"], texts["rd-chromosome"]
    ('9p21.3', '9')
    >>> texts["rd-shared-accession"], texts["rd-shared-genes"]
    ('P01562', 'IFNA1 and IFNA13')
    """
    counts = ifna_family.family_counts()
    if len(counts.shared_proteins) != 1 or len(counts.bands) != 1:
        raise ValueError("the page's wording expects one shared accession and one band, got "
                         f"{counts.shared_proteins} and {counts.bands}")
    (accession, genes), = counts.shared_proteins.items()
    return {
        "rd-hgnc-genes": count(counts.genes),
        "rd-hgnc-pseudogenes": count(counts.pseudogenes),
        "rd-hgnc-symbols": count(counts.symbols),
        "rd-hgnc-band": counts.bands[0],
        "rd-chromosome": re.match(r"^(\d+|X|Y)", counts.bands[0]).group(1),
        "rd-gtopdb-genes": f"{ifna_family.GTOPDB_GENE_QUALIFIER} {count(counts.genes)}",
        "rd-gtopdb-band": ifna_family.GTOPDB_CLUSTER_BAND,
        "rd-distinct-proteins": count(counts.distinct_proteins),
        "rd-shared-accession": accession,
        "rd-shared-genes": " and ".join(genes),
    }


def ifna_count_table() -> StaticTable:
    """Return the IFN-α counts of the two reviews and of the two gene lists, side by side.

    Examples
    --------
    >>> table = ifna_count_table()
    >>> list(table.frame.columns)
    ['Who', 'What is counted', 'Count']
    >>> table.frame["Count"].tolist()
    ['13', 'at least 24', '14', '13', '4', 'at least 13', '12']
    """
    frame = ifna_family.count_comparison()
    shown = pd.DataFrame({
        "Who": [_WHO.get(who, who.replace("review", "Review")) for who in frame["who"]],
        "What is counted": [f"IFN-α {what}" for what in frame["counts"]],
        "Count": [f"{q} {v}".strip()
                  for q, v in zip(frame["qualifier"], frame["value"], strict=True)],
    })
    return static_table(
        shown, "The size of the IFN-α family: the counts the two reviews print (claims ledger) "
        "and what two gene lists show (HGNC gene family set 598; Guide to Pharmacology family "
        "310, which gives IFNA1 and IFNA13 one UniProt accession).", widths=(1.8, 1.8, 0.8))
