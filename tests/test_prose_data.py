"""The chapters' numbers come from the data: glue, not typing.

Checks on the chapter notebooks that restate the reviews (Parts I-II and the Part III pages
two-faces, gene-atlas and reviews-differ):

(a) no ``% CLAIM:`` placeholder line is left;
(b) every glue key used in a page's markdown (``{glue:text}`key```, ``{glue}`key```,
    ``{glue:figure} key``, ...) is glued by that same page: by a literal call in a code cell
    (``glue_claims(...)``, ``glue("...")``, ``glue_text("...")``) or, for the texts a package
    function returns (``glue_texts(page.texts)``), as recorded in the page's stored outputs;
    every key shaped like a claim id is in the ledger;
(c) every ledger claim is glued and shown on the page of the review section it belongs to;
(d) the markdown prose types no digits, apart from citation and glue roles, labels and
    references, directive option lines, names that start with a letter (STAT1, IFN-α2b, E1684,
    SUM149), a gene name written out before its symbol ("regulatory factor 9 (IRF9)") and
    "Table N" / "Figure N" / "Fig. N" references (Roman numerals, as in "stage III", have no
    digits and need no rule);

plus the layout rules of the data cells (tags, and the DataTables loader before the first table).
The rule helpers are tested on small examples first, so that a broken rule cannot pass silently.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from ifnalpha.evidence import claims

ROOT = Path(__file__).resolve().parents[1]
# The pages that restate the reviews: every page of Parts I and II, and the Part III pages built
# on the reviews' text and tables. (Model pages state the model's own settings, which are not
# claims of the reviews, and are not checked here.)
REVIEW_PAGES = ("chapters/ibc/*.ipynb", "chapters/ifna2b/*.ipynb",
                "chapters/synthesis/two-faces.ipynb", "chapters/synthesis/gene-atlas.ipynb",
                "chapters/synthesis/reviews-differ.ipynb")
NOTEBOOKS = sorted({p for pattern in REVIEW_PAGES for p in ROOT.glob(pattern)})
IDS = lambda p: p.relative_to(ROOT).as_posix()  # noqa: E731

# The page that follows each top-level section of the reviews (the ledger's ``section`` column,
# before any " > subsection").
SECTION_PAGES: dict[tuple[str, str], str] = {
    ("A", "Abstract"): "chapters/ibc/abstract.ipynb",
    ("A", "Background"): "chapters/ibc/background.ipynb",
    ("A", "Interferon alpha in IBC"): "chapters/ibc/ifna-in-ibc.ipynb",
    ("A", "Overview of IFNα biology and signaling"): "chapters/ibc/ifna-biology.ipynb",
    ("A", "Intracellular regulation of IFNα production"): "chapters/ibc/ifna-production.ipynb",
    ("A", "Interferon alpha-stimulated genes in IBC tumors and resulting phenotypes"):
        "chapters/ibc/isgs-in-ibc.ipynb",
    ("A", "IFNα in the IBC tumor microenvironment"): "chapters/ibc/microenvironment.ipynb",
    ("A", "Conclusion"): "chapters/ibc/conclusion.ipynb",
    ("B", "Abstract"): "chapters/ifna2b/abstract.ipynb",
    ("B", "Background"): "chapters/ifna2b/background.ipynb",
    ("B", "Overview of IFN-α family proteins"): "chapters/ifna2b/ifna-family.ipynb",
    ("B", "Antitumour mechanism of IFN-α2b and relevant potential regulatory factors"):
        "chapters/ifna2b/antitumour-mechanism.ipynb",
    ("B", "Clinical application"): "chapters/ifna2b/clinical-application.ipynb",
    ("B", "The current challenges"): "chapters/ifna2b/current-challenges.ipynb",
    ("B", "Conclusions and future perspectives"): "chapters/ifna2b/conclusions.ipynb",
}

# ------------------------------------------------------------------------------------------------
# Reading notebooks


def cells_of(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def markdown_of(path: Path) -> str:
    return "\n\n".join(source(c) for c in cells_of(path) if c["cell_type"] == "markdown")


def tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


# ------------------------------------------------------------------------------------------------
# Glue keys: used in markdown, defined in code

_GLUE_ROLE = re.compile(r"\{glue(?::[a-z]+)?\}`([^`]+)`")
_GLUE_DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{glue(?::[a-z]+)?\}\s+(\S+)", re.M)


def glue_keys_used(markdown: str) -> set[str]:
    """Keys referenced by glue roles and directives (a role's ``:format`` part removed)."""
    keys = {m.group(1).split(":")[0].strip() for m in _GLUE_ROLE.finditer(markdown)}
    keys |= {m.group(1) for m in _GLUE_DIRECTIVE.finditer(markdown)}
    return keys


def _python(code: str) -> ast.Module:
    # IPython magics and shell escapes are not Python.
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in code.splitlines()]
    return ast.parse("\n".join(lines))


def glue_calls(code: str) -> tuple[set[str], set[str]]:
    """Return (claim ids passed to ``glue_claims``, keys glued by ``glue``/``glue_text``).

    Only string literals count: a key built at run time cannot be checked, so it fails (the
    returned key is then ``"<not a literal>"``).
    """
    claim_ids: set[str] = set()
    keys: set[str] = set()
    for node in ast.walk(_python(code)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "glue_claims":
            for arg in node.args:
                ok = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                claim_ids.add(arg.value if ok else "<not a literal>")
        elif name in ("glue", "glue_text") and node.args:
            arg = node.args[0]
            ok = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            keys.add(arg.value if ok else "<not a literal>")
    return claim_ids, keys


def stored_glue_keys(path: Path) -> set[str]:
    """Keys glued when the page was last executed, read from its stored outputs.

    A page's cell glues the texts a package function returns (``glue_texts(page.texts)``):
    those keys are not literals of the code, but myst-nb records each glued key in the output's
    metadata, and nbval checks that the stored outputs are what the code produces now.
    """
    keys: set[str] = set()
    for cell in cells_of(path):
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                keys.add(name)
    return keys


def glued_on(path: Path) -> tuple[set[str], set[str]]:
    """Claim ids and all keys (claims with their ``-q`` twins, plus other keys) glued on a page."""
    claim_ids: set[str] = set()
    keys: set[str] = stored_glue_keys(path)
    for cell in cells_of(path):
        if cell["cell_type"] == "code":
            found_claims, found_keys = glue_calls(source(cell))
            claim_ids |= found_claims
            keys |= found_keys
    keys |= claim_ids | {f"{claim_id}-q" for claim_id in claim_ids}
    return claim_ids, keys


def claim_of(key: str) -> str:
    return key.removesuffix("-q")


# ------------------------------------------------------------------------------------------------
# (d) Typed digits in prose

_ROLES_WITHOUT_PROSE = (
    "ra", "rb", "glue", "glue:text", "glue:any", "glue:md", "glue:figure", "ref", "numref", "doc",
    "term", "cite", "cite:p", "cite:t", "eq", "download", "grade",
)
_ROLE = re.compile(r"\{(" + "|".join(re.escape(r) for r in _ROLES_WITHOUT_PROSE) + r")\}`[^`]*`")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_LABEL_LINE = re.compile(r"^\s*\([\w.:-]+\)=\s*$")
_FENCE_LINE = re.compile(r"^\s*(?:`{3,}|:{3,})")
_OPTION_LINE = re.compile(r"^\s*:[\w-]+:")
_NUMBERED_REF = re.compile(
    r"\b(?:Tables?|Figures?|Figs?\.)\s*\d+[A-Za-z]?"
    r"(?:\s*(?:,|and|or|–|-)\s*\d+[A-Za-z]?)*"
)
# A number followed by a unit is a quantity wherever it stands (even glued to a name).
_QUANTITY = re.compile(
    r"\d\s*(?:%|per\s?cent|kDa|kb|bp|MU\b|IU\b|mg|µg|ml|years?\b|weeks?\b|days?\b|months?\b|"
    r"hours?\b|h\b|min\b|times\b|fold\b)"
)
# A gene written out in words, then its symbol: "interferon regulatory factor 9 ({term}`IRF9`)".
# The number is part of the name only when the symbol that follows ends with it.
_SPELLED_OUT = re.compile(r"\b(\d+)(\s*\((?:\{term\}`)?[A-Za-z][\w-]*?)\1(?=[`)\s<])")
# A name: starts with a letter (Latin or Greek), then letters, digits and the joiners used in
# gene, protein, cell-line and trial names (IFN-α2b, MX1/2, STAT1–STAT2, miR-93-5p, E1684).
_NAME = re.compile(r"(?<![\w\-‑–/.])[^\W\d_][\w\-‑–/.]*")


def prose_lines(markdown: str) -> list[str]:
    """The markdown's prose: no comments, labels, directive fences or option lines."""
    keep = []
    for line in markdown.splitlines():
        if line.lstrip().startswith("%") or _LABEL_LINE.match(line):
            continue
        if _FENCE_LINE.match(line) or _OPTION_LINE.match(line):
            continue
        keep.append(line)
    return keep


def typed_numbers(markdown: str) -> list[str]:
    """Return the places where the prose types a number (empty when it types none)."""
    problems = []
    for line in prose_lines(markdown):
        text = _SPELLED_OUT.sub(lambda m: "N" + m.group(0)[len(m.group(1)):], line)
        text = _ROLE.sub(" ", text)
        text = _INLINE_CODE.sub(" ", text)
        text = _LINK_TARGET.sub("]", text)
        text = _NUMBERED_REF.sub(" ", text)
        problems += [m.group(0) for m in _QUANTITY.finditer(text)]
        rest = _NAME.sub(" ", text)
        for match in re.finditer(r"\S*\d\S*", rest):
            start = max(match.start() - 30, 0)
            problems.append(f"{match.group(0)!r} in …{rest[start:match.end() + 30].strip()}…")
    return problems


# ------------------------------------------------------------------------------------------------
# The rules on small examples (they must be able to fail)


@pytest.mark.parametrize("text", [
    "IBC accounts for 3% of diagnoses.",
    "the five-year survival is 40–60% {ra}`2`",
    "tumours are 1.7 times more likely to metastasise",
    "In 2014, Bertucci and colleagues",
    "a dose of 20 MU/m2 daily",
    "relapse-free survival rose from 1 to 1.7 years",
    "IFITM1 is a 17-kDa protein",
    "(63.3 %) of breast cancers",
    "STAT1 rose 3-fold",
    "after IFN-α2b for 72 h",
    "E1684 reported 26% vs 37%",
    "interferon regulatory factor 9 ({term}`STAT1`)",
])
def test_typed_numbers_are_caught(text):
    assert typed_numbers(text), f"not caught: {text!r}"


@pytest.mark.parametrize("text", [
    "STAT1, STAT2 and IRF9 form ISGF3 with IFN-α2b and IFNα.",
    "the E1684 and E1690 trials; SUM149 and SUM190 cells; HER2-positive tumours",
    "MX1/2, OAS1/2/3, miR-93-5p, IL-2, SARS-CoV-2, HIF-1α, CD4 T cells, Th2, T4 tumours, p53",
    "STAT1–STAT2 dimers and JAK1–STAT3 signalling",
    "The review's Table 2, Tables 3 and 4, Figure 1b, Figure 1A and Fig. 3",
    "in stage III tumours and phase II trials",
    "IBC makes up {glue:text}`a-ibc-share-of-diagnoses` of diagnoses {ra}`1`, see {rb}`52–54`",
    "(ibc-background)=\n# Background",
    "```{glue:figure} fig-subtypes\n:alt: A chart\n:name: fig-subtypes\n\nCaption {ra}`5–7`.\n```",
    "see {numref}`fig-subtypes` and {ref}`b-clinical`; {cite:p}`provance2019`",
    "% CLAIM-free comment with 3%",
    "run `make live` or open [the data](../appendix/data-2.md)",
    "interferon regulatory factor 9 ({term}`IRF9`) and transmembrane protein 1 (IFITM1)",
])
def test_names_and_references_pass(text):
    assert typed_numbers(text) == []


def test_glue_keys_are_read_from_roles_and_directives():
    markdown = ("{glue:text}`a-x` and {glue:text}`a-y-q`, {glue}`n-genes`, {glue:text}`v:.1f`\n"
                "```{glue:figure} fig-one\n:name: fig-one\n```\n:::{glue:figure} fig-two\n:::")
    assert glue_keys_used(markdown) == {"a-x", "a-y-q", "n-genes", "v", "fig-one", "fig-two"}


def test_glue_calls_are_read_from_code():
    code = ('%matplotlib inline\nfrom ifnalpha.book.glue import glue_claims, glue_text\n'
            '_ = glue_claims("a-x", "b-y")\nglue("fig-one", fig, display=False)\n'
            'myst_nb.glue("k", 1)\n_ = glue_text("n-genes", str(3))\nglue_claims(*ids)')
    claim_ids, keys = glue_calls(code)
    assert claim_ids == {"a-x", "b-y", "<not a literal>"}
    assert keys == {"fig-one", "k", "n-genes"}


# ------------------------------------------------------------------------------------------------
# The book


def test_the_chapter_notebooks_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in NOTEBOOKS}
    assert set(SECTION_PAGES.values()) <= names
    assert len(names) == len(SECTION_PAGES) + 3, sorted(names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_claim_placeholder_is_left(path):
    left = [line for line in markdown_of(path).splitlines() if line.lstrip().startswith("% CLAIM")]
    assert not left, f"{IDS(path)}: replace these with glued numbers: {left}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_glue_key_used_is_glued_on_the_page(path):
    used = glue_keys_used(markdown_of(path))
    claim_ids, keys = glued_on(path)
    assert "<not a literal>" not in claim_ids | keys, f"{IDS(path)}: glue keys must be literals"
    missing = sorted(used - keys)
    assert not missing, f"{IDS(path)}: used in the text but glued nowhere on the page: {missing}"
    known = set(claims.ids())
    claim_shaped = {claim_of(k) for k in used | claim_ids if re.match(r"^[ab]-", k)}
    unknown = sorted(claim_shaped - known)
    assert not unknown, f"{IDS(path)}: not claim ids of data/claims.csv: {unknown}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_glued_claims_are_shown_and_glued_in_a_hidden_first_cell(path):
    claim_ids, _ = glued_on(path)
    if not claim_ids:
        return
    shown = {claim_of(k) for k in glue_keys_used(markdown_of(path))}
    unused = sorted(claim_ids - shown)
    assert not unused, f"{IDS(path)}: glued but never shown in the text: {unused}"
    first = next(c for c in cells_of(path) if c["cell_type"] == "code")
    assert "glue_claims" in source(first), f"{IDS(path)}: glue the claims in the first code cell"
    assert "remove-cell" in tags(first), f"{IDS(path)}: tag the glue cell remove-cell"
    assert not first.get("outputs") or all(
        o["output_type"] == "display_data" for o in first["outputs"]
    ), f"{IDS(path)}: the glue cell must not print a result (use `_ = glue_claims(...)`)"


def test_every_claim_is_shown_on_the_page_of_its_section():
    shown: dict[str, set[str]] = {}
    for path in NOTEBOOKS:
        claim_ids, _ = glued_on(path)
        used = {claim_of(k) for k in glue_keys_used(markdown_of(path))}
        for claim_id in claim_ids & used:
            shown.setdefault(claim_id, set()).add(path.relative_to(ROOT).as_posix())
    missing, misplaced = [], []
    for claim in claims.iter_claims():
        page = SECTION_PAGES[(claim.review, claim.section.split(" > ")[0])]
        if claim.claim_id not in shown:
            missing.append(claim.claim_id)
        elif page not in shown[claim.claim_id]:
            misplaced.append(f"{claim.claim_id} (section page {page}, shown on "
                             f"{sorted(shown[claim.claim_id])})")
    assert not missing, f"ledger claims glued on no page: {missing}"
    assert not misplaced, f"claims not shown on the page of their section: {misplaced}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_prose_types_no_numbers(path):
    problems = typed_numbers(markdown_of(path))
    assert not problems, f"{IDS(path)}: numbers typed by hand (glue them instead): {problems}"


def _html_of(cell: dict) -> str:
    return "".join("".join(o.get("data", {}).get("text/html", ""))
                   for o in cell.get("outputs", []))


def _shows_a_table(cell: dict) -> bool:
    return "new ITable(" in _html_of(cell) or "interactive_table(" in source(cell)


# Calls whose cells show a table, a figure's data or a widget: readers see the output, not code.
_DATA_CALLS = re.compile(
    r"\b(\w+_table|init_tables|lookup_widget|live_widget|glue_figure|explorer)\(")
ALL_PAGES = sorted(ROOT.glob("chapters/*/*.ipynb"))


@pytest.mark.parametrize("path", ALL_PAGES, ids=IDS)
def test_data_cells_hide_their_code_and_load_tables_first(path):
    cells = [c for c in cells_of(path) if c["cell_type"] == "code"]
    first_table = next((i for i, c in enumerate(cells) if _shows_a_table(c)), None)
    for cell in cells:
        text = source(cell)
        if _DATA_CALLS.search(text) or _shows_a_table(cell):
            assert tags(cell) & {"remove-input", "remove-cell"}, (
                f"{IDS(path)}: hide the code of this cell (tag remove-input): {text[:60]!r}")
    if first_table is None:
        return
    inits = [i for i, c in enumerate(cells) if "init_tables()" in source(c)]
    assert len(inits) == 1 and inits[0] < first_table, (
        f"{IDS(path)}: display init_tables() once, before the first interactive table")
    assert "remove-input" in tags(cells[inits[0]]), (
        f"{IDS(path)}: the init_tables() output must be kept (remove-input, not remove-cell)")


def test_table_cells_are_recognised_from_their_output():
    table = {"cell_type": "code", "source": "review_table('A', 1)", "outputs": [
        {"output_type": "execute_result", "data": {"text/html": ["<script>new ITable(t)"]}}]}
    plain = {"cell_type": "code", "source": "x = 1", "outputs": []}
    assert _shows_a_table(table) and not _shows_a_table(plain)
    assert _DATA_CALLS.search("fitted_peaks_table(peaks)") and not _DATA_CALLS.search("x = 1")


MAX_CELL_LINES = 15


@pytest.mark.parametrize("path", ALL_PAGES, ids=IDS)
def test_pages_keep_their_code_short_and_state_nothing_about_the_model(path):
    """A page calls the package and shows the result: its checks live in tests/."""
    for index, cell in enumerate(cells_of(path)):
        if cell["cell_type"] != "code":
            continue
        text = source(cell)
        assert len(text.splitlines()) <= MAX_CELL_LINES, (
            f"{IDS(path)}: cell {index} has {len(text.splitlines())} lines: move the code into "
            "the package (ifnalpha.book) and call it")
        asserts = [n for n in ast.walk(_python(text)) if isinstance(n, ast.Assert)]
        assert not asserts, (f"{IDS(path)}: cell {index} asserts about the model: make it a unit "
                             "test (tests/test_page_statements.py)")


# Pages that state model results: their numbers come from model runs, glued the same way.
MODEL_PAGES = sorted({*ROOT.glob("chapters/synthesis/fitted-model.ipynb"),
                      *ROOT.glob("chapters/appendix/model-reference.ipynb")})


def test_glued_keys_are_read_from_stored_outputs(tmp_path):
    page = tmp_path / "page.ipynb"
    output = {"output_type": "display_data", "data": {},
              "metadata": {"scrapbook": {"name": "n-genes"}}}
    cell = {"cell_type": "code", "source": "glue_texts(t)", "outputs": [output]}
    page.write_text(json.dumps({"cells": [cell]}))
    assert stored_glue_keys(page) == {"n-genes"}
    assert glued_on(page)[1] == {"n-genes"}


@pytest.mark.parametrize("path", MODEL_PAGES, ids=IDS)
def test_model_page_glue_keys_are_glued_on_the_page(path):
    used = glue_keys_used(markdown_of(path))
    claim_ids, keys = glued_on(path)
    assert "<not a literal>" not in claim_ids | keys, f"{IDS(path)}: glue keys must be literals"
    missing = sorted(used - keys)
    assert not missing, f"{IDS(path)}: used in the text but glued nowhere on the page: {missing}"


_FIGURE_BLOCK = re.compile(r"^(`{3,}|:{3,})\{glue:figure\}.*?^\1", re.S | re.M)


@pytest.mark.parametrize("path", ALL_PAGES, ids=IDS)
def test_figure_captions_carry_no_bibliography_citations(path):
    """A {cite} role inside a figure caption breaks the LaTeX build (a hyperlink in \\caption):
    cite the source in the text next to the figure instead ({ra}/{rb} are safe)."""
    for block in _FIGURE_BLOCK.finditer(markdown_of(path)):
        assert "{cite" not in block.group(0), f"{IDS(path)}: {block.group(0)[:80]!r}"


def test_the_caption_rule_catches_a_citation():
    text = "```{glue:figure} fig-x\n:name: fig-x\n\nFrom {cite:t}`kok2020`.\n```\n"
    assert any("{cite" in m.group(0) for m in _FIGURE_BLOCK.finditer(text))
