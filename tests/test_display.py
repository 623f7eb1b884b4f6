from pathlib import Path

import pandas as pd
import pytest

from ifnalpha.book.table_display import (
    BUNDLE_DIR,
    copy_bundle,
    init_tables,
    interactive_table,
    static_table,
)


@pytest.fixture
def frame():
    return pd.DataFrame({"gene": ["MX1", "OAS1"], "citations": [(21, 22, 23), (14,)],
                         "note": ["50% & more_x", None]})


def test_html_is_a_deterministic_offline_datatable(frame):
    table = interactive_table(frame, "demo-table", "Demo")
    html = table._repr_html_()
    assert html == interactive_table(frame, "demo-table", "Demo")._repr_html_()
    assert 'id="demo-table"' in html and "21, 22, 23" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()


def test_latex_is_a_static_longtable_with_escaped_cells(frame):
    latex = interactive_table(frame, "demo", "Genes & refs", widths=(1, 1, 2))._repr_latex_()
    assert r"\begin{longtable}" in latex and r"\caption{Genes \& refs}" in latex
    assert r"MX1 & 21, 22, 23 & 50\% \& more\_x \\" in latex
    assert r"OAS1 & 14 &  \\" in latex


def test_repr_is_short(frame):
    assert repr(interactive_table(frame, "demo", "Demo")) == "Demo (2 rows × 3 columns)"


@pytest.mark.parametrize(
    "kwargs, message",
    [({"table_id": "Bad Id"}, "Bad Id"), ({"widths": (1,)}, "widths"),
     ({"page_length": 0}, "page_length")],
)
def test_bad_arguments_are_named(frame, kwargs, message):
    args = {"table_id": "ok", "caption": "c"} | kwargs
    with pytest.raises(ValueError, match=message):
        interactive_table(frame, args.pop("table_id"), args.pop("caption"), **args)


def test_not_a_frame_is_rejected():
    with pytest.raises(ValueError, match="list"):
        interactive_table([1, 2], "x", "c")


def test_init_loads_the_bundle_the_book_ships_and_is_empty_in_latex():
    init = init_tables()
    # small: the bundle is not stored in every notebook
    assert len(init.html) < 2_000 and "injectModule" not in init.html
    # the book's copy on a book page (Sphinx's data-content_root), itables' CDN elsewhere
    assert "dataset.content_root" in init.html and f'"{BUNDLE_DIR}/"' in init.html
    assert "dt_bundle.js" in init.html and "dt_bundle.css" in init.html
    assert "unpkg.com/dt_for_itables@" in init.html, "the CDN address must pin a version"
    assert init._repr_latex_() == ""


def test_init_waits_for_the_event_and_name_the_tables_wait_for():
    from itables import javascript

    html = init_tables().html
    table = interactive_table(pd.DataFrame({"a": [1]}), "t", "c")._repr_html_()
    key = javascript._itables_underscore_version()
    assert f"window.{key}" in html and key in table
    assert javascript._itables_ready_event() in html


def test_init_can_embed_the_bundle_for_offline_jupyter():
    init = init_tables(embedded=True)
    assert "injectModule" in init.html and len(init.html) > 500_000
    with pytest.raises(TypeError, match="embedded"):
        init_tables(embedded="yes")


def test_the_bundle_is_copied_into_the_built_book(tmp_path):
    from itables import options

    target = copy_bundle(tmp_path)
    assert target == tmp_path / BUNDLE_DIR
    js = Path(options.dt_bundle)
    assert (target / "dt_bundle.js").read_bytes() == js.read_bytes()
    assert (target / "dt_bundle.css").read_bytes() == js.with_suffix(".css").read_bytes()
    assert "MIT" in (target / "LICENSE").read_text(encoding="utf-8")


def test_the_book_loads_the_extension_that_copies_the_bundle():
    import yaml

    config = yaml.safe_load((Path(__file__).parents[1] / "_config.yml").read_text())
    assert "ifnalpha.book.table_display" in config["sphinx"]["extra_extensions"]


def test_static_table_is_labelled_in_html_latex_and_text():
    frame = pd.DataFrame({"Readout": ["IFITM1 & co"], "Fold": [2.5]})
    table = static_table(frame, "Key numbers", widths=(2, 1))
    html = table._repr_html_()
    assert "<caption>Key numbers</caption>" in html and "IFITM1 &amp; co" in html
    assert '<th scope="col">Fold</th>' in html and "<td>2.5</td>" in html
    latex = table._repr_latex_()
    assert r"\caption{Key numbers}" in latex and r"IFITM1 \& co & 2.5 \\" in latex
    assert repr(table).startswith("Key numbers\n")
    with pytest.raises(ValueError, match="widths"):
        static_table(frame, "c", widths=(1,))
    with pytest.raises(TypeError, match="caption"):
        static_table(frame, 3)


def test_live_widget_keeps_the_view_and_replaces_static_fallbacks():
    import ipywidgets

    from ifnalpha.book.table_display import live_widget

    slider = ipywidgets.IntSlider(value=3)
    bundle = live_widget(slider, "Live on Binder.")._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == slider.model_id
    assert bundle["text/plain"] == "Live on Binder." and bundle["text/latex"] == ""
    with pytest.raises(ValueError, match="note"):
        live_widget(slider, " ")
    with pytest.raises(ValueError, match="widget"):
        live_widget(object(), "x")
