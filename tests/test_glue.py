import pytest

from ifnalpha.book import glue as book
from ifnalpha.evidence import claims


def test_glued_text_has_no_quotes():
    assert repr(book.GluedText("3%")) == "3%"


def test_glue_claims_glues_plain_and_qualified(monkeypatch):
    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: glued.update({name: value}))
    result = book.glue_claims("a-ibc-survival-15yr")
    assert result == {"a-ibc-survival-15yr": claims.text("a-ibc-survival-15yr")}
    assert glued["a-ibc-survival-15yr-q"] == claims.text("a-ibc-survival-15yr", qualified=True)
    assert glued["a-ibc-survival-15yr-q"] != glued["a-ibc-survival-15yr"]


@pytest.mark.parametrize("bad", [(), ("no-such-claim",)])
def test_bad_ids_are_refused(bad):
    with pytest.raises(ValueError, match="claim" if bad else "at least one"):
        book.glue_claims(*bad)


def test_glue_text_checks_arguments():
    with pytest.raises(ValueError, match="non-empty"):
        book.glue_text("", "x")
    with pytest.raises(ValueError, match="3"):
        book.glue_text("k", 3)
