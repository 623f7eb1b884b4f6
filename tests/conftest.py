"""Fixtures shared by the unit tests (the helpers themselves live in ``shared_files``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_files import require_shared

from ifnalpha.paths import reviews_dir, verified_references_file


@pytest.fixture
def reviews_folder() -> Path:
    """The reviews' folder (skips, or fails under CI, when absent)."""
    return require_shared(reviews_dir())


@pytest.fixture
def verified_references() -> Path:
    """The shared CSV of verified reference records (skips, or fails under CI, when absent)."""
    return require_shared(verified_references_file())
