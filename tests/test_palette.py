"""One palette: every figure module reads its colours from ifnalpha.book.palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.colors import to_rgb

from ifnalpha.book import palette
from ifnalpha.paths import REPO_ROOT

BOOK = REPO_ROOT / "code" / "ifnalpha" / "book"


def test_every_colour_is_a_valid_matplotlib_colour():
    colours = [*palette.READOUT_COLOURS.values(), *palette.GROUP_COLOURS,
               *palette.DOSE_COLOURS.values(), palette.NEUTRAL, palette.INPUT,
               palette.REFERENCE_LINE, palette.ACUTE_SHADE, palette.CHRONIC_SHADE]
    for colour in colours:
        to_rgb(colour)


def test_lookups_and_their_checks():
    assert palette.readout_colour("antiviral") == palette.READOUT_COLOURS["antiviral"]
    assert palette.readout_colour("receptor_total") == palette.INPUT
    assert palette.dose_colour(0) == palette.NEUTRAL
    with pytest.raises(TypeError, match="`dose_pM`"):
        palette.dose_colour("28")
    with pytest.raises(ValueError, match="`name`"):
        palette.readout_colour("")


def test_the_two_groups_differ_in_lightness():
    """Blue and vermillion stay apart in grey scale (relative luminance)."""

    def luminance(colour: str) -> float:
        r, g, b = to_rgb(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    first, second = palette.GROUP_COLOURS
    assert abs(luminance(first) - luminance(second)) > 0.05


#: The book's matplotlib figure modules (those that import matplotlib), palette aside.
FIGURE_MODULES = sorted(
    p for p in BOOK.glob("*.py")
    if re.search(r"^\s*(from|import) matplotlib", p.read_text(encoding="utf-8"), re.M)
    and p.name != "palette.py"
)


def test_the_figure_modules_are_found():
    names = {p.name for p in FIGURE_MODULES}
    assert {"figure.py", "time_figures.py", "dose_figures.py", "condition_figures.py",
            "claim_figures.py", "explorers.py"} <= names


@pytest.mark.parametrize("path", FIGURE_MODULES, ids=lambda p: p.name)
def test_no_figure_module_declares_its_own_colours(path: Path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"#[0-9A-Fa-f]{6}\b", text), f"{path.name}: a hex colour outside palette"
    assert not re.search(r"^_?COLOU?RS\s*=", text, re.M), f"{path.name}: its own colour table"
