"""A catalogue of the book's data files, for the appendix's data page."""

from __future__ import annotations

import csv

import pandas as pd

from ifnalpha.paths import data_dir

_KINDS = {
    ".csv": "table (CSV)",
    ".bib": "bibliography (BibTeX)",
    ".xml": "model (SBML)",
    ".sbml": "model (SBML)",
    ".sedml": "simulation (SED-ML)",
    ".md": "documentation (Markdown)",
    ".json": "record (JSON)",
}


def data_files() -> pd.DataFrame:
    """List every file under the data folder with its kind and, for CSV files, its row count.

    Returns
    -------
    pandas.DataFrame
        One row per file, sorted by path, with columns ``path`` (relative to the data folder,
        forward slashes), ``kind`` and ``rows`` (data rows of a CSV file; ``<NA>`` otherwise).

    Raises
    ------
    ValueError
        If a file has a suffix the catalogue does not know (a stray file in ``data/``).

    Examples
    --------
    >>> "references.bib" in set(data_files()["path"])
    True

    """
    root = data_dir()
    records = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if any(part.startswith(".") or part == "__pycache__" for part in path.parts):
            continue
        kind = _KINDS.get(path.suffix.lower())
        if kind is None:
            raise ValueError(f"data file of unknown kind: {relative!r}")
        rows = None
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                rows = max(sum(1 for _ in csv.reader(handle)) - 1, 0)
        records.append({"path": relative, "kind": kind, "rows": rows})
    frame = pd.DataFrame.from_records(records, columns=["path", "kind", "rows"])
    frame["rows"] = frame["rows"].astype("Int64")
    return frame
