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


def test_glue_texts_glues_every_key(monkeypatch):
    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: glued.update({name: value}))
    assert book.glue_texts({"a": "1", "b": "2 pM"}) == {"a": "1", "b": "2 pM"}
    assert glued == {"a": "1", "b": "2 pM"} and repr(glued["b"]) == "2 pM"
    with pytest.raises(ValueError, match="non-empty mapping"):
        book.glue_texts({})
    with pytest.raises(ValueError, match="string"):
        book.glue_texts({"a": 1.5})


def test_glue_figure_glues_the_drawable_figure(monkeypatch):
    glued, shown = {}, {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: (
        glued.update({name: value}), shown.update({name: display})))

    class Wrapper:  # a claim figure: holds a matplotlib figure, has no PNG form itself
        figure = "the matplotlib figure"

    class Drawable:
        def _repr_png_(self):
            return b""

    drawable = Drawable()
    book.glue_figure("fig-a", Wrapper())
    book.glue_figure("fig-b", drawable, display=True)
    assert glued == {"fig-a": "the matplotlib figure", "fig-b": drawable}
    assert shown == {"fig-a": False, "fig-b": True}
    with pytest.raises(TypeError, match="display"):
        book.glue_figure("fig-c", drawable, display=1)


@pytest.mark.parametrize("call, text", [
    (lambda: book.fold(2.45), "2.5"), (lambda: book.fold(0.0449, 2), "0.04"),
    (lambda: book.percent(0.9), "90%"), (lambda: book.percent(0.00386, 2), "0.39%"),
    (lambda: book.dose(100.0), "100 pM"), (lambda: book.dose(0.02345, 2), "0.023 pM"),
    (lambda: book.hours(48.0), "48"), (lambda: book.count(9), "9"),
    (lambda: book.significant(0.004, 1), "0.004"), (lambda: book.decimals(0.8976, 2), "0.90"),
])
def test_number_formats(call, text):
    assert call() == text


@pytest.mark.parametrize("call, error", [
    (lambda: book.fold("2"), TypeError), (lambda: book.percent(True), TypeError),
    (lambda: book.count(-1), ValueError), (lambda: book.count(2.0), TypeError),
    (lambda: book.decimals(1.0, -1), ValueError),
])
def test_number_formats_refuse_bad_input(call, error):
    with pytest.raises(error):
        call()
