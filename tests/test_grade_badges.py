"""The evidence-grade badges (``{grade}`` role) and the grade figures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_sphinxext import build

from ifnalpha.book import grade_badges
from ifnalpha.book.grade_figures import claim_grades_figure
from ifnalpha.evidence import grades

ROOT = Path(__file__).resolve().parents[1]
ROLE = re.compile(r"\{grade\}`([^`]+)`")


def test_every_grade_has_a_badge_label():
    assert set(grade_badges.BADGE_LABELS) == set(grades.GRADES)


def test_badge_renders_label_with_grade_and_basis_on_hover(tmp_path):
    page = "# Page\n\nTrial {grade}`b-e1684-os-hdi` and a row {grade}`table-b4-row-1`.\n"
    code, warnings, out = build(tmp_path, {"page": page})
    assert code == 0, warnings
    html = (out / "page.html").read_text(encoding="utf-8")
    assert 'class="evidence-grade evidence-grade-patient-cohort-or-trial"' in html
    assert 'title="Evidence grade: patient cohort or trial.' in html
    assert '<span class="visually-hidden">evidence: </span>trial/cohort</span>' in html
    assert ">animal model</span>" in html


def test_unknown_item_fails_the_build(tmp_path):
    code, warnings, _ = build(tmp_path, {"page": "# Page\n\nSee {grade}`a-no-such-claim`.\n"})
    assert code != 0
    assert "no evidence grade for 'a-no-such-claim'" in warnings, warnings


def test_every_badge_on_the_pages_names_a_graded_item():
    known = set(grades.load().index)
    for path in sorted(ROOT.glob("chapters/*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                for item in ROLE.findall("".join(cell["source"])):
                    assert item in known, f"{path.name}: {item}"


@pytest.mark.parametrize("review", ["A", "B"])
def test_grade_figure_counts_every_claim_and_table_row(review):
    bf = claim_grades_figure(review)
    frame = grades.load()
    assert bf.numbers["claims"] + bf.numbers["table_rows"] == int((frame["review"] == review).sum())
    assert list(bf.data.index) == list(grades.GRADES)
    assert str(bf.numbers["claims"]) in bf.caption and bf.alt_text.endswith(bf.caption)


PART_PAGES = sorted(ROOT.glob("chapters/ibc/*.ipynb")) + sorted(
    ROOT.glob("chapters/ifna2b/*.ipynb"))


def _markdown(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_the_part_pages_glue_claims():
    graded = grades.load()["grade"].to_dict()
    glued = {key for path in PART_PAGES
             for key in re.findall(r"\{glue:text\}`([^`]+)`", _markdown(path))}
    assert len(PART_PAGES) >= 10
    assert sum(key in graded for key in glued) >= 40


@pytest.mark.parametrize("path", PART_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_glued_claim_on_a_part_i_or_ii_page_has_a_badge_of_its_grade(path):
    graded = grades.load()["grade"].to_dict()
    missing = grade_badges.unbadged_claims(_markdown(path), graded)
    assert missing == [], (
        f"{path.name}: glued claims with no badge of their grade after them in their paragraph "
        f"(the rule of ifnalpha.book.grade_badges): {missing}")


@pytest.mark.parametrize("text, expected", [
    ("{glue:text}`b-e1684-os-hdi` {grade}`b-e1684-os-hdi`.", []),
    ("{glue:text}`b-e1684-os-hdi` and {glue:text}`b-e1684-os-control-q` "
     "{grade}`b-e1684-os-hdi`.", []),
    ("{glue:text}`b-e1684-os-hdi`.", ["b-e1684-os-hdi"]),
    ("{glue:text}`b-e1684-os-hdi` {grade}`b-trail-apoptosis-onset`.", ["b-e1684-os-hdi"]),
    ("{glue:text}`b-e1684-os-hdi`.\n\n{grade}`b-e1684-os-hdi`", ["b-e1684-os-hdi"]),
    ("{glue:text}`pt-dose` is not a claim.", []),
])
def test_the_badge_rule(text, expected):
    assert grade_badges.unbadged_claims(text, grades.load()["grade"].to_dict()) == expected
