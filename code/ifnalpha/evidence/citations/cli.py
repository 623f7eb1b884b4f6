"""The command line of the citation registry: ``python -m ifnalpha.evidence.citations``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ifnalpha.evidence.citations.coverage import coverage
from ifnalpha.evidence.citations.crossref import import_crossref
from ifnalpha.reviews import REVIEW_IDS


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: ``python -m ifnalpha.evidence.citations <command> ...``.

    Commands
    --------
    ``import-crossref FILE.json --review A|B [--registry CSV] [--dry-run] [--no-save]
    [--strict]``
        Fill the registry from a saved Crossref work record (see :func:`import_crossref`)
        and print a summary. Exit status 0, or 1 with ``--strict`` when there are conflicts.
    ``coverage TEXT --review A|B [--registry CSV]``
        Compare a review's text with the registry (see :func:`coverage`). Exit status 0 when
        text, registry and citing places agree, else 1.

    Errors (malformed files, wrong review) print a message and exit with status 2.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status.

    Examples
    --------
    >>> main(["coverage", "--help"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(
        prog="python -m ifnalpha.evidence.citations",
        description="The reviews' numbered citations: complete and check the registry.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    crossref = commands.add_parser(
        "import-crossref", help="fill empty registry fields from a saved Crossref work record"
    )
    crossref.add_argument("file", type=Path, help="JSON from api.crossref.org/works/{DOI}")
    crossref.add_argument("--review", required=True, type=str.upper, choices=REVIEW_IDS)
    crossref.add_argument("--registry", type=Path, default=None, help="registry CSV to complete")
    crossref.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    crossref.add_argument(
        "--no-save", action="store_true", help="do not keep a copy of the record for rebuilds"
    )
    crossref.add_argument("--strict", action="store_true", help="exit 1 if there are conflicts")
    check = commands.add_parser("coverage", help="compare a review's text with the registry")
    check.add_argument("file", type=Path, help="the review's plain text")
    check.add_argument("--review", required=True, type=str.upper, choices=REVIEW_IDS)
    check.add_argument("--registry", type=Path, default=None, help="registry CSV")
    args = parser.parse_args(argv)

    try:
        if args.command == "import-crossref":
            report = import_crossref(
                args.file,
                args.review,
                registry=args.registry,
                write=not args.dry_run,
                save=not args.no_save,
            )
            print(report.summary())
            return 1 if args.strict and report.conflicts else 0
        text = args.file.read_text(encoding="utf-8")
        result = coverage(args.review, text, args.registry)
        print(result.summary())
        return 0 if result.ok else 1
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
