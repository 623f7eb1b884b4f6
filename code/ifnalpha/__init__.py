"""Package behind the companion book to two reviews on interferon-alpha signalling in cancer.

Three layers and a few shared modules; arrows point one way (``tests/test_layers.py``):

reviews
    The two reviews: ids, bibliographic data, sections, figure and table ids.
paths
    Where the book's data files and the reviews' texts live.
checks
    Argument checks shared by every layer, with one message style.
model
    The signalling model as data, its integration, SBML export, dosing, the published
    reference model and the comparison.
evidence
    What the reviews state: tables, claims ledger, citations, gene atlas.
book
    What pages show: figures, explorers, table display, glue helpers, the Sphinx extension.

``model`` and ``evidence`` never import each other; nothing under them imports ``book``.
"""

__version__ = "0.1.0"
