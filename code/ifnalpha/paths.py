"""Locations of the book's data files.

The package is installed editable from the repository, so the data folder is found relative to
this file. Set the environment variable ``IFNALPHA_DATA`` to point the package at another copy.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Root of the repository (the folder that holds ``_config.yml``).
REPO_ROOT: Path = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the folder that holds the book's data files.

    Returns
    -------
    pathlib.Path
        ``$IFNALPHA_DATA`` if set, else ``<repository>/data``.

    Raises
    ------
    FileNotFoundError
        If the folder does not exist.

    Examples
    --------
    >>> data_dir().name
    'data'

    """
    path = Path(os.environ.get("IFNALPHA_DATA", REPO_ROOT / "data"))
    if not path.is_dir():
        raise FileNotFoundError(f"data folder not found: {path} (set IFNALPHA_DATA?)")
    return path
