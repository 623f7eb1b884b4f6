"""Locations of the book's data files and of the shared review texts.

The package is installed editable from the repository, so the data folder is found relative to
this file. Environment variables point the package elsewhere:

``IFNALPHA_DATA``
    the data folder (default ``<repository>/data``);
``IFNALPHA_SHARED``
    the shared research folder (default ``<repository>/../shared``), which holds the reviews'
    plain texts (``reviews/``) and the verified references (``references/``);
``IFNALPHA_REVIEWS``
    the reviews' folder alone (default ``$IFNALPHA_SHARED/reviews``).

No path of one machine is written anywhere in the repository.
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


def shared_dir() -> Path:
    """Return the shared research folder (it may be missing on a reader's machine).

    Examples
    --------
    >>> shared_dir().name
    'shared'
    """
    return Path(os.environ.get("IFNALPHA_SHARED", REPO_ROOT.parent / "shared"))


def reviews_dir() -> Path:
    """Return the folder of the reviews' plain texts (it may be missing; callers check).

    Examples
    --------
    >>> reviews_dir().name
    'reviews'
    """
    return Path(os.environ.get("IFNALPHA_REVIEWS", shared_dir() / "reviews"))


def verified_references_file() -> Path:
    """Return the shared CSV of verified reference records (it may be missing; callers check).

    Examples
    --------
    >>> verified_references_file().name
    'verified-references.csv'
    """
    default = shared_dir() / "references" / "verified-references.csv"
    return Path(os.environ.get("IFNALPHA_REFERENCES", default))
