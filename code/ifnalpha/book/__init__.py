"""What the book's pages show: figures, explorers, table display, glue, the Sphinx extension.

Figures here only draw. Reads results of :mod:`ifnalpha.model` and :mod:`ifnalpha.evidence`;
neither of them imports anything from here.
"""
