"""Package behind the companion book to two reviews on interferon-alpha signalling in cancer.

Modules
-------
paths
    Where the book's data files live.
citations
    Parse the reviews' numbered citations and load the citation registry.
tables
    The six review tables as validated data frames.
claims
    The ledger of quantitative statements made by the two reviews.
model
    An educational ODE model of interferon-alpha signalling.
dosing
    Interferon-alpha exposure over time: constants, pulses and clinical regimens.
sphinxext
    A Sphinx extension that renders the reviews' numbered citations in the book.
"""

__version__ = "0.1.0"
