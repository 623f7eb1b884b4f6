import pandas as pd
import pytest

from ifnalpha.book.table_display import init_tables, interactive_table


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


def test_init_embeds_the_library_and_is_empty_in_latex():
    init = init_tables()
    assert "injectModule" in init.html and len(init.html) > 100_000
    assert init._repr_latex_() == ""


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
