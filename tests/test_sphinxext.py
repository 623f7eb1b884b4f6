"""The citation roles: rendering, links to the publisher and the registry, cards, and failure
on unknown numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from ifnalpha.book import citation_role, sphinxext

CONF = """
extensions = ["myst_parser", "ifnalpha.book.sphinxext"]
master_doc = "index"
exclude_patterns = ["_build"]
"""


def build(tmp_path: Path, pages: dict[str, str], conf: str = CONF,
          builder: str = "html") -> tuple[int, str, Path]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(conf, encoding="utf-8")
    toctree = "\n".join(name for name in pages if name != "index")
    pages = dict(pages)
    pages["index"] = pages.get("index", "# Index\n") + f"\n```{{toctree}}\n{toctree}\n```\n"
    for name, text in pages.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    warnings = tmp_path / "warnings.txt"
    code = build_main([str(src), str(out), "-b", builder, "-W", "-n", "--keep-going", "-q",
                       "-w", str(warnings)])
    return code, warnings.read_text(encoding="utf-8"), out


REGISTRY_PAGE = """(references)=
# References

## A

```{citation-registry} A
```

## B

```{citation-registry} B
```
"""


def test_known_citations_render_compactly_and_link_both_ways(tmp_path):
    page = "# Page\n\nIBC {ra}`21–23` and {rb}`171` and {rb}`14, 38`.\n"
    code, warnings, out = build(tmp_path, {"page": page, "refs": REGISTRY_PAGE})
    assert code == 0, warnings
    html = (out / "page.html").read_text(encoding="utf-8")
    # every number shown links to the publisher's entry; the card links the book's entry
    article_a = "https://breast-cancer-research.biomedcentral.com/articles/10.1186/s13058-019-1140-1"
    assert f'href="{article_a}#ref-CR21">A21</a>–<a' in html
    assert f'href="{article_a}#ref-CR23">A23</a>]' in html
    assert 'href="refs.html#ref-a-21"' in html and 'href="refs.html#ref-a-23"' in html
    assert 'href="refs.html#ref-a-22"' in html, "a range's middle number is in the card too"
    assert 'href="refs.html#ref-b-171"' in html
    refs = (out / "refs.html").read_text(encoding="utf-8")
    entry = refs[refs.index('id="ref-b-171"'):]
    entry = entry[: entry.index("</p>")]
    assert 'href="page.html"' in entry, entry
    assert 'id="ref-a-59"' in refs and 'id="ref-b-268"' in refs


@pytest.mark.parametrize("bad", ["{ra}`60`", "{rb}`269`", "{ra}`0`", "{rb}`12–3`", "{ra}`x`"])
def test_unknown_or_malformed_citation_fails_the_build(tmp_path, bad):
    code, warnings, _ = build(tmp_path, {"page": f"# Page\n\nSee {bad}.\n", "refs": REGISTRY_PAGE})
    assert code != 0
    assert "bad citation of review" in warnings, warnings


def test_unknown_bibtex_key_fails_the_build(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{known, author={A, B}, title={T}, journal={J}, year={2000}}\n")
    conf = CONF.replace(
        '"ifnalpha.book.sphinxext"]', '"ifnalpha.book.sphinxext", "sphinxcontrib.bibtex"]'
    )
    conf += f"bibtex_bibfiles = [{str(bib)!r}]\n"
    code, warnings, _ = build(tmp_path, {"page": "# P\n\n{cite:p}`unknown2099`\n"}, conf)
    assert code != 0 and "unknown2099" in warnings


def test_labels_and_descriptions():
    assert citation_role.target_id("a", 14) == "ref-a-14"
    assert citation_role.label("B", 171) == "B171"
    assert "probable" in citation_role.describe_reference(
        {"title": "T", "first_author": "X", "year": 2001, "number_basis": "probable: claims"}
    ).lower()
    assert citation_role.describe_reference({}) == "No bibliographic record is known yet."
    with pytest.raises(ValueError, match="'C'"):
        citation_role.label("C", 1)
    assert citation_role.identifiers("B", 171) == {
        "publisher's entry": ("https://biomarkerres.biomedcentral.com/articles/"
                              "10.1186/s40364-022-00415-y#ref-CR171"),
        "DOI": "https://doi.org/10.1200/JCO.1996.14.1.7",
        "PubMed": "https://pubmed.ncbi.nlm.nih.gov/8558223/"}


def test_marked_latex_outputs_reach_the_pdf_as_latex_not_math(tmp_path):
    import nbformat

    from ifnalpha.book.table_display import RAW_LATEX_MARKER

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    cell = nbformat.v4.new_code_cell("table", execution_count=1)
    raw = f"{RAW_LATEX_MARKER}\n\\begin{{longtable}}{{l}}\nMX1 \\\\\n\\end{{longtable}}"
    cell.outputs = [
        nbformat.v4.new_output("execute_result", {"text/latex": raw, "text/plain": "t"},
                               execution_count=1),
        nbformat.v4.new_output("display_data", {"text/latex": "", "text/plain": "x"}),
        nbformat.v4.new_output("display_data", {"text/latex": "x^2", "text/plain": "x"}),
    ]
    notebook.cells = [nbformat.v4.new_markdown_cell("# Page"), cell]
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_nb", "ifnalpha.book.sphinxext"]\nmaster_doc = "index"\n'
        'nb_execution_mode = "off"\n'
        'latex_documents = [("index", "book.tex", "Book", "Us", "manual")]\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   page\n", encoding="utf-8")
    nbformat.write(notebook, src / "page.ipynb")
    out = tmp_path / "out"
    warnings = tmp_path / "warnings.txt"
    code = build_main([str(src), str(out), "-b", "latex", "-q", "-w", str(warnings)])
    assert code == 0, warnings.read_text(encoding="utf-8")
    tex = (out / "book.tex").read_text(encoding="utf-8")
    body = tex[tex.index("MX1") - 200:]
    assert "\\begin{longtable}{l}\nMX1" in tex
    assert "\\begin{equation*}" not in body[:200], "the table must not sit inside math"
    assert "x^2" in tex, "ordinary LaTeX outputs stay equations"


def test_duplicate_inline_scripts_are_dropped():
    from sphinx.builders.html._assets import _JavaScript

    body = {"body": "const THEBE_JS_URL = 'x'"}
    context = {"script_files": [_JavaScript("a.js"), _JavaScript(None, **body),
                                _JavaScript("", **body), _JavaScript("b.js", defer="defer")]}
    sphinxext._dedupe_scripts(None, "page", "page.html", context, None)
    assert [(s.filename, s.attributes) for s in context["script_files"]] == [
        ("a.js", {}), (None, body), ("b.js", {"defer": "defer"})]


def _card(html: str, link_text: str) -> str:
    """The card of the citation whose first number shows ``link_text``."""
    import re

    anchor = re.search(rf'<a aria-describedby="([\w-]+)"[^>]*>{link_text}</a>', html)
    assert anchor, f"no citation link {link_text} described by a card"
    start = html.index(f'id="{anchor.group(1)}"')
    start = html.rindex("<span", 0, start)
    depth, index = 0, start
    for match in re.finditer(r"<(/?)span\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            index = start + match.end()
            break
    return html[start:index + 1]


def test_citations_show_their_reference_in_a_card_on_hover_and_focus(tmp_path):
    page = "# Page\n\nTrial {rb}`171` and {ra}`21–23`.\n"
    code, warnings, out = build(tmp_path, {"page": page, "refs": REGISTRY_PAGE})
    assert code == 0, warnings
    html = (out / "page.html").read_text(encoding="utf-8")
    card = _card(html, "B171")
    assert 'role="tooltip"' in card and 'class="review-cite-card"' in card
    assert '<span class="review-cite-text">B171: Kirkwood JM et al. Interferon alfa-2b' in card
    assert ('>publisher\'s entry</a>' in card and ">DOI</a>" in card and ">PubMed</a>" in card
            and ">in this book</span></a>" in card), card
    assert 'href="https://doi.org/10.1200/JCO.1996.14.1.7"' in card
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/8558223/"' in card
    assert 'href="refs.html#ref-b-171"' in card
    card = _card(html, "A21")
    assert "A22: No bibliographic record is known yet." in card and "A23:" in card
    middle = card[card.index("A22:"):card.index("A23:")]
    assert "#ref-CR22" in middle and "refs.html#ref-a-22" in middle and "DOI" not in middle
    assert html.count('aria-describedby="' + card.split('id="')[1].split('"')[0]) == 2
    assert 'title="' not in html[html.index("<p>Trial"):html.index("</p>", html.index("<p>Trial"))]
    refs = (out / "refs.html").read_text(encoding="utf-8")
    entry = refs[refs.index('id="ref-b-171"'):]
    entry = entry[: entry.index("</p>")]
    assert ("https://biomarkerres.biomedcentral.com/articles/10.1186/s40364-022-00415-y"
            "#ref-CR171") in entry
    assert "https://pmc.ncbi.nlm.nih.gov/articles/PMC9472737/#CR171" in entry
    assert "https://pubmed.ncbi.nlm.nih.gov/8558223/" in entry
    assert "https://doi.org/10.1200/JCO.1996.14.1.7" in entry
    first = refs[refs.index('id="ref-a-1"'):]
    assert "breast-cancer-research.biomedcentral.com" in first[: first.index("</p>")]


def _cited_numbers() -> dict[str, set[int]]:
    """Every reference number a page of the book cites with {ra} or {rb}."""
    import json
    import re

    from ifnalpha.evidence import citations

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in root.glob("chapters/*/*.md")]
    texts.append((root / "intro.md").read_text(encoding="utf-8"))
    for path in root.glob("chapters/*/*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        texts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    cited: dict[str, set[int]] = {"A": set(), "B": set()}
    for text in texts:
        for review, body in re.findall(r"\{r([ab])\}`([^`]+)`", text):
            cited[review.upper()].update(citations.parse(body))
    return cited


def test_every_cited_number_has_hover_text_from_the_registry():
    from ifnalpha.evidence import citations

    registry = citations.load_registry().set_index(["review", "number"])
    cited = _cited_numbers()
    assert len(cited["A"]) > 30 and len(cited["B"]) > 150
    for review, numbers in cited.items():
        lines = citation_role.hover_text(review, tuple(sorted(numbers))).split("\n")
        assert len(lines) == len(numbers)
        for number, line in zip(sorted(numbers), lines, strict=True):
            head, _, text = line.partition(": ")
            assert head == f"{review}{number}" and text.strip(), line
            row = registry.loc[(review, number)]
            title = "" if row["title"] != row["title"] else str(row["title"])
            if title:
                assert title in text, line
            if str(row["number_basis"]).lower().startswith("probable"):
                assert "Probable match" in text, line


def test_every_cited_number_shows_its_hover_text_in_the_html(tmp_path):
    cited = _cited_numbers()
    body = " ".join(f"{{r{review.lower()}}}`{n}`"
                    for review, numbers in cited.items() for n in sorted(numbers))
    code, warnings, out = build(tmp_path, {"page": f"# Page\n\n{body}\n", "refs": REGISTRY_PAGE})
    assert code == 0, warnings
    import html as html_lib

    page = html_lib.unescape((out / "page.html").read_text(encoding="utf-8"))
    for review, numbers in cited.items():
        for number in numbers:
            hover = citation_role.hover_text(review, (number,))
            assert f'<span class="review-cite-text">{hover}</span>' in page, hover


def test_citation_numbers_are_publisher_links_in_latex_with_no_card(tmp_path):
    page = "# Page\n\nTrial {rb}`171` and {ra}`21–23`.\n"
    conf = CONF + 'latex_documents = [("index", "book.tex", "Book", "Us", "manual")]\n'
    code, warnings, out = build(tmp_path, {"page": page, "refs": REGISTRY_PAGE}, conf, "latex")
    assert code == 0, warnings
    tex = (out / "book.tex").read_text(encoding="utf-8")
    line = next(x for x in tex.splitlines() if x.startswith("Trial"))
    assert ("{[}\\sphinxhref{https://biomarkerres.biomedcentral.com/articles/"
            "10.1186/s40364-022-00415-y\\#ref-CR171}{B171}{]}") in line, line
    assert "\\#ref-CR21}{A21}\\textendash{}\\sphinxhref{" in line, line
    assert "s entry" not in tex and "Kirkwood" not in line, "no card in the PDF"


def test_a_citation_without_a_registry_page_fails_the_build(tmp_path):
    code, warnings, _ = build(tmp_path, {"page": "# Page\n\nSee {rb}`171`.\n"})
    assert code != 0 and "ref-b-171" in warnings, warnings
