r"""Read the rows of one of the book's hand-written CSV data files, checking its header.

The evidence files (notes on the reviews, evidence grades, the IFN-α gene family, the genes
named in the texts) are read the same way: the header must be exactly the declared columns,
and each row is returned with its line number in the file, so that a validation error can
name file, line and column.

Examples
--------
>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "x.csv"
>>> _ = path.write_text("a,b\n1,2\n", encoding="utf-8")
>>> read_rows(path, ("a", "b"))
[(2, {'a': '1', 'b': '2'})]
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["read_rows"]


def read_rows(path: Path | str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    r"""Return (line number, row) for every row of the CSV file `path`.

    Parameters
    ----------
    path : Path or str
        The CSV file (UTF-8).
    columns : tuple of str
        The header the file must have, in order.

    Raises
    ------
    ValueError
        If the header is not `columns`; the message names the file, the expected and the found
        columns.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = path.write_text("a,c\n1,2\n", encoding="utf-8")
    >>> read_rows(path, ("a", "b"))
    Traceback (most recent call last):
    ...
    ValueError: ...x.csv: columns must be a, b, got a, c
    """
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        found = tuple(reader.fieldnames or ())
        if found != tuple(columns):
            raise ValueError(f"{path}: columns must be {', '.join(columns)}, "
                             f"got {', '.join(found)}")
        return list(enumerate(reader, start=2))
