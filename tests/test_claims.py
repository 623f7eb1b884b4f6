"""Tests for the claims ledger (data/claims.csv) and its loader ifnalpha.evidence.claims."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from shared_files import review_text

from ifnalpha.evidence import claims
from ifnalpha.paths import data_dir
from ifnalpha.reviews import REVIEWS, section_paths

FIXTURES = Path(__file__).parent / "fixtures" / "claims"

LEDGER = claims.load()
ALL_IDS = list(LEDGER.index)

#: Printed number words and their values (for value_text without digits).
WORDS = {
    "one half": 0.5,
    "no": 0,
    "once per week": 1,
    "two": 2,
    "second": 2,
    "three": 3,
    "trimodality": 3,
    "three times a week": 3,
    "four": 4,
    "seven": 7,
    "thirteen": 13,
    "fourteen": 14,
    "twenty-four": 24,
    "thousandfold": 1000,
}


# ------------------------------------------------------------------ the ledger itself


def test_ledger_loads_with_both_reviews():
    assert LEDGER.index.is_unique
    counts = LEDGER["review"].value_counts()
    assert counts["A"] >= 20
    assert counts["B"] >= 50
    assert set(claims.COLUMNS) - {"claim_id"} <= set(LEDGER.columns)


def test_ids_unique_in_raw_file():
    with open(data_dir() / "claims.csv", encoding="utf-8", newline="") as fh:
        raw_ids = [row["claim_id"] for row in csv.DictReader(fh)]
    duplicates = [i for i, n in Counter(raw_ids).items() if n > 1]
    assert not duplicates
    assert raw_ids == ALL_IDS


@pytest.mark.parametrize("claim_id", ALL_IDS)
def test_row_well_formed(claim_id):
    claim = claims.get(claim_id)
    assert re.fullmatch(r"[ab](-[a-z0-9]+)+", claim.claim_id)
    assert claim.claim_id[0] == claim.review.lower()
    assert claim.section in section_paths(claim.review)
    assert claim.unit in claims.UNITS
    assert claim.quantity.strip() and claim.context.strip() and claim.value_text.strip()
    assert claim.quote, "every ledger row carries a verbatim quote"
    assert claim.value_text in claim.quote
    if claim.is_range:
        low, high = claims.bounds(claim_id)
        assert type(low) is float and type(high) is float
        assert low <= high
        with pytest.raises(ValueError, match="range"):
            claims.value(claim_id)
    else:
        assert type(claims.value(claim_id)) is float
        assert claim.value_low is None and claim.value_high is None
    assert bool(claim.citations) == bool(claim.citation_scope)
    assert claims.text(claim_id) == claim.value_text


@pytest.mark.parametrize("claim_id", ALL_IDS)
def test_reference_numbers_exist_in_review(claim_id):
    claim = claims.get(claim_id)
    top = REVIEWS[claim.review].reference_count
    assert all(1 <= n <= top for n in claim.citations), (claim_id, claim.citations)


@pytest.mark.parametrize("claim_id", ALL_IDS)
def test_value_matches_value_text(claim_id):
    """The numeric columns must say what value_text prints (no rounding or conversion)."""
    raw = LEDGER.loc[claim_id]
    printed = raw["value_text"]
    if re.search(r"\d", printed):
        digits = re.findall(r"\d+(?:\.\d+)?", printed)
        if claims.get(claim_id).is_range:
            low, high = claims.bounds(claim_id)
            assert digits[:2] == [_plain(low), _plain(high)]
        else:
            assert _plain(claims.value(claim_id)) in digits
    else:
        assert printed.lower() in WORDS, f"unknown number word {printed!r}; add it to WORDS"
        assert claims.value(claim_id) == WORDS[printed.lower()]


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def test_groups_have_several_members():
    groups = LEDGER.loc[LEDGER["group"] != "", "group"].value_counts()
    assert not groups.empty
    assert (groups >= 2).all(), groups[groups < 2]


# ------------------------------------------------------------------ sample values vs the text

SAMPLE = [
    # claim_id, value or (low, high), value_text, unit, citations
    ("a-ibc-share-of-diagnoses", 3.0, "3%", "%", (1,)),
    ("a-ibc-share-of-deaths", 10.0, "10%", "%", (1,)),
    ("a-ibc-survival-5yr", (40.0, 60.0), "40–60%", "%", (2,)),
    ("a-ibc-survival-15yr", 20.0, "20%", "%", (3,)),
    ("a-subtype-her2-ibc", (35.0, 50.0), "35–50%", "%", (5, 6, 7)),
    ("a-subtype-tn-non-ibc", (15.0, 20.0), "15–20%", "%", (5, 6, 7)),
    ("a-ifn-signature-metastasis-risk", 1.7, "1.7 times", "fold", (16,)),
    ("a-ifitm1-molecular-weight", 17.0, "17-kDa", "kDa", ()),
    ("a-breast-cancers-ifna-positive", 63.3, "63.3%", "%", (43,)),
    ("a-ifna-subtype-count", 13.0, "Thirteen", "count", (18,)),
    ("b-ifna-molecular-weight", (16.0, 26.0), "16 to 26 kDa", "kDa", (15, 16, 17, 18)),
    ("b-ifna-subtype-count", 24.0, "twenty-four", "count", (14,)),
    ("b-jak3-homology-jak2", 87.0, "87%", "%", (78,)),
    ("b-hdi-induction-dose", 20.0, "20 MU/m2", "MU/m2", (172,)),
    ("b-hdi-maintenance-weeks", 48.0, "48 weeks", "weeks", (172,)),
    ("b-e1684-os-hdi", 3.8, "3.8 years", "years", (171,)),
    ("b-cml-survival-3yr-maloisel", 79.0, "79%", "%", (186, 187)),
    ("b-jak1-mutation-acute-leukaemia", 27.3, "27.3%", "%", (224, 225, 226, 227)),
    ("b-trail-apoptosis-onset", 72.0, "72 h", "h", (40,)),
]


@pytest.mark.parametrize(("claim_id", "expected", "printed", "unit", "refs"), SAMPLE)
def test_sample_values(claim_id, expected, printed, unit, refs):
    claim = claims.get(claim_id)
    if isinstance(expected, tuple):
        assert claims.bounds(claim_id) == expected
        assert claim.value is None
    else:
        assert claims.value(claim_id) == expected
    assert claims.text(claim_id) == printed
    assert claim.unit == unit
    assert claim.citations == refs


def test_qualified_text():
    assert claims.text("a-ibc-survival-15yr", qualified=True) == "approximately 20%"
    assert claims.text("b-ifna-subtype-count", qualified=True) == "at least twenty-four"
    assert claims.text("a-ibc-share-of-deaths", qualified=True) == "10%"
    assert str(claims.get("b-tyk2-mutation-mpnst")) == "approximately 60%"


def test_ids_filter_by_review():
    a_ids, b_ids = claims.ids("A"), claims.ids("b")
    assert a_ids and b_ids
    assert all(i.startswith("a-") for i in a_ids)
    assert all(i.startswith("b-") for i in b_ids)
    assert len(a_ids) + len(b_ids) == len(ALL_IDS)
    assert [c.claim_id for c in claims.iter_claims("A")] == a_ids


def test_load_returns_a_copy():
    frame = claims.load()
    frame.loc["a-ibc-share-of-diagnoses", "value_text"] = "changed"
    assert claims.text("a-ibc-share-of-diagnoses") == "3%"


# ------------------------------------------------------------------ errors


def test_get_unknown_id_raises_with_suggestion():
    with pytest.raises(ValueError, match="a-ibc-share-of-diagnoses") as info:
        claims.get("a-ibc-share-of-diagnose")
    assert "unknown claim id" in str(info.value)
    with pytest.raises(ValueError, match="unknown claim id 'zzz'"):
        claims.value("zzz")
    with pytest.raises(ValueError, match="unknown claim id"):
        claims.text("b-nothing-like-this-at-all")


def test_wrong_argument_types_raise_type_error():
    with pytest.raises(TypeError, match="`claim_id` must be a string, got 3"):
        claims.get(3)
    with pytest.raises(TypeError, match="`qualified` must be True or False, got 1"):
        claims.text("a-ibc-survival-15yr", qualified=1)
    with pytest.raises(ValueError, match="`review` must be one of 'A', 'B', got 'C'"):
        claims.ids("C")


def test_sections_are_the_review_section_paths():
    assert not hasattr(claims, "SECTIONS")
    used = set(LEDGER["section"])
    assert used <= set(section_paths("A")) | set(section_paths("B"))


def test_valid_fixture_loads_via_path():
    path = FIXTURES / "valid.csv"
    frame = claims.load(path=path)
    assert list(frame.index) == ["a-ibc-share-of-diagnoses", "b-ifna-molecular-weight"]
    assert claims.bounds("b-ifna-molecular-weight", path=path) == (16.0, 26.0)
    assert claims.get("a-ibc-share-of-diagnoses", path=path).citations == (1,)


MALFORMED = [
    # file, column named in the message, extra text expected in the message
    ("missing_column.csv", "unit", "line 1"),
    ("duplicate_id.csv", "claim_id", "duplicate"),
    ("bad_slug.csv", "claim_id", "b-IFNA_Molecular weight"),
    ("wrong_prefix.csv", "claim_id", "prefix"),
    ("bad_review.csv", "review", "'C'"),
    ("bad_section.csv", "section", "'Results'"),
    ("non_numeric_value.csv", "value", "'16 kDa'"),
    ("range_reversed.csv", "value_low", "exceeds"),
    ("range_incomplete.csv", "value_high", "both"),
    ("value_and_range.csv", "value_low", "single value"),
    ("empty_unit.csv", "unit", "empty"),
    ("unknown_unit.csv", "unit", "kilodaltons"),
    ("empty_quantity.csv", "quantity", "empty"),
    ("empty_value_text.csv", "value_text", "empty"),
    ("citation_out_of_range.csv", "citations", "60"),
    ("citation_out_of_range_b.csv", "citations", "269"),
    ("citation_malformed.csv", "citations", "15-x"),
    ("citation_descending.csv", "citations", "18–15"),
    ("bad_qualifier.csv", "qualifier", "roughly"),
    ("scope_without_citation.csv", "citation_scope", "empty"),
    ("quote_mismatch.csv", "quote", "value_text"),
    ("bad_location.csv", "location", "Figure 1"),
]


@pytest.mark.parametrize(("name", "column", "detail"), MALFORMED)
def test_malformed_fixture_raises_naming_row_and_column(name, column, detail):
    path = FIXTURES / name
    with pytest.raises(ValueError) as info:
        claims.load(path=path)
    message = str(info.value)
    assert name in message, message
    assert f"'{column}'" in message or f" {column}" in message, message
    assert detail in message, message
    if name != "missing_column.csv":
        assert "line 3" in message, message  # the second data row is the bad one


def test_missing_file_raises():
    with pytest.raises(FileNotFoundError):
        claims.load(path=FIXTURES / "no-such-file.csv")


# ------------------------------------------------------------------ against the reviews' text


def _normalised_variants(text: str) -> tuple[str, str]:
    """Return the text with line-end hyphens removed and kept, whitespace collapsed."""
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00a0", " ")
    text = re.sub(r"–[ \t]*\n\s*", "–", text)  # ranges broken after the en dash
    joined = re.sub(r"-[ \t]*\n\s*", "", text)  # "transcrip-\ntion" -> "transcription"
    kept = re.sub(r"-[ \t]*\n\s*", "-", text)  # "IFN-\nα2a" -> "IFN-α2a"
    return " ".join(joined.split()), " ".join(kept.split())


@pytest.fixture(scope="module")
def review_texts() -> dict[str, tuple[str, str]]:
    return {review: _normalised_variants(review_text(review)) for review in REVIEWS}


def _occurs(snippet: str, variants: tuple[str, str]) -> bool:
    snippet = " ".join(snippet.replace("\u2011", "-").split())
    return any(snippet in variant for variant in variants)


@pytest.mark.parametrize("claim_id", ALL_IDS)
def test_value_text_and_quote_occur_in_review(claim_id, review_texts):
    claim = claims.get(claim_id)
    variants = review_texts[claim.review]
    assert _occurs(claim.value_text, variants), f"{claim_id}: {claim.value_text!r} not in text"
    assert _occurs(claim.quote, variants), f"{claim_id}: quote {claim.quote!r} not in text"


_UNIT_NUMBER = re.compile(
    r"\d+(?:\.\d+)?(?:\s?(?:–|to)\s?\d+(?:\.\d+)?)?"
    r"(?:%|[- ]?kDa\b|[- ]?kb\b| MU/m2| years\b| weeks\b| days\b| h\b| times\b|fold\b)"
)


@pytest.mark.parametrize("review", ["A", "B"])
def test_every_number_with_a_unit_is_in_the_ledger(review, review_texts):
    """Coverage: each printed number carrying a unit (%, kDa, years, …) is quoted by a claim."""
    joined = review_texts[review][0]
    quotes = " | ".join(" ".join(c.quote.split()) for c in claims.iter_claims(review) if c.quote)
    missing = sorted(
        {m.group(0) for m in _UNIT_NUMBER.finditer(joined) if m.group(0) not in quotes}
    )
    assert not missing, f"review {review}: numbers not covered by any claim: {missing}"
