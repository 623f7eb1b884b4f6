"""Where the reviews' texts are, and what a test does when they are missing.

Imported by test modules as ``from shared_files import review_text`` (a plain module, not a
conftest: ``tests/browser`` has a conftest of its own, and two modules named ``conftest``
cannot both be imported by name).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ifnalpha.paths import reviews_dir
from ifnalpha.reviews import REVIEWS


def require_shared(path: Path) -> Path:
    """Return ``path`` if it exists; otherwise skip the test, or fail it under ``CI=true``.

    The reviews' texts and the verified references are not part of the repository: they live
    in ``../shared`` beside it (override with ``IFNALPHA_SHARED`` or ``IFNALPHA_REVIEWS``).
    """
    if path.exists():
        return path
    message = f"shared research file absent: {path} (set IFNALPHA_SHARED or IFNALPHA_REVIEWS)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def review_text_path(review: str) -> Path:
    """Path of a review's plain text, skipping (or failing under CI) when it is absent."""
    return require_shared(reviews_dir() / REVIEWS[review].text_file)


def review_text(review: str) -> str:
    """A review's plain text, skipping (or failing under CI) when it is absent."""
    return review_text_path(review).read_text(encoding="utf-8")
