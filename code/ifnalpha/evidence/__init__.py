"""What the reviews state: their tables, the claims ledger, the citation registry, the gene atlas.

Nothing here imports :mod:`ifnalpha.model` or :mod:`ifnalpha.book`.
"""
