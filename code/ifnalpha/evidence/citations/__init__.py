"""The reviews' numbered citations: parsing, the citation registry, coverage, Crossref import.

The face re-exports the public API, so ``from ifnalpha.evidence import citations`` then
``citations.parse(...)`` reads as it should. One job per module:

parse
    Printed citations: :func:`parse`, :func:`find_citations`, :func:`check_numbers`.
schema
    Columns of the registry files and the rules their rows follow.
registry
    Reading, writing and loading the registry files; one :class:`Reference`.
coverage
    How a review's text and the registry match.
crossref
    Completing the registry from a saved Crossref work record.
places, build
    Rebuilding the registry from the reviews' texts (``python -m
    ifnalpha.evidence.citations.build``).
cli
    The command line (``python -m ifnalpha.evidence.citations``).

The reviews' reference counts, DOIs and sections are in :mod:`ifnalpha.reviews`.
"""

from ifnalpha.evidence.citations.cli import main
from ifnalpha.evidence.citations.coverage import Coverage, coverage, missing_from_registry
from ifnalpha.evidence.citations.crossref import CrossrefImport, apply_crossref, import_crossref
from ifnalpha.evidence.citations.parse import (
    Citation,
    check_numbers,
    cited_numbers,
    find_citations,
    number_ranges,
    parse,
)
from ifnalpha.evidence.citations.registry import (
    Reference,
    entry,
    load_places,
    load_registry,
    places_path,
    read_table,
    registry_path,
    write_table,
)
from ifnalpha.evidence.citations.schema import (
    MAX_LABEL_WORDS,
    PLACE_SUMMARY_COLUMNS,
    PLACES_COLUMNS,
    RECORD_FIELDS,
    REGISTRY_COLUMNS,
    place_subsection,
    validate_place_rows,
    validate_registry_rows,
)

__all__ = [
    "RECORD_FIELDS",
    "REGISTRY_COLUMNS",
    "PLACES_COLUMNS",
    "PLACE_SUMMARY_COLUMNS",
    "MAX_LABEL_WORDS",
    "parse",
    "check_numbers",
    "number_ranges",
    "Citation",
    "find_citations",
    "cited_numbers",
    "registry_path",
    "places_path",
    "read_table",
    "write_table",
    "validate_registry_rows",
    "validate_place_rows",
    "place_subsection",
    "load_registry",
    "load_places",
    "Reference",
    "entry",
    "Coverage",
    "coverage",
    "missing_from_registry",
    "CrossrefImport",
    "apply_crossref",
    "import_crossref",
    "main",
]
