"""The book as one PDF (Jupyter Book's LaTeX builder, xelatex), checked from the outside.

The PDF is built by ``make pdf`` into its own output folder and copied to
``_build/pdf/<targetname>.pdf``. These tests build it (incrementally, sharing the notebook
execution cache with the HTML build), read its text with ``pdftotext`` and render its pages with
``pdftoppm``: every page of the TOC is in it under its title, Greek letters print, and no widget
repr, HTML, ANSI code or Python object repr leaked into it.

Run by ``make pdf-check`` (part of ``make test``), which sets ``IFNALPHA_BOOK_CHECKS=1``; plain
``pytest tests`` (``make unit``) does not collect them. The Debian packages they need (TeX Live,
poppler-utils, ...) are installed by ``tools/install-system-packages.sh pdf`` when missing; where
that is impossible (not root, no sudo) the tests skip naming the packages, except under
``CI=true``, where they fail.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

__test__ = os.environ.get("IFNALPHA_BOOK_CHECKS") == "1"

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
TARGET = CONFIG["latex"]["latex_documents"]["targetname"].removesuffix(".tex")
PDF = ROOT / "_build" / "pdf" / f"{TARGET}.pdf"
LATEX_DIR = ROOT / "_build" / "pdf-build" / "_build" / "latex"
EXECUTED = ROOT / "_build" / "pdf-build" / "_build" / "jupyter_execute"
IN_CI = os.environ.get("CI") == "true"


def toc_entries() -> list[str]:
    entries = [TOC["root"]]
    for part in TOC.get("parts", []):
        for chapter in part["chapters"]:
            entries.append(chapter["file"])
            entries.extend(section["file"] for section in chapter.get("sections", []))
    return entries


def source_of(entry: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{entry}{suffix}").exists():
            return ROOT / f"{entry}{suffix}"
    raise AssertionError(f"TOC entry {entry!r} has no .ipynb or .md file")


def prose_of(path: Path) -> str:
    """The Markdown of a page (for a notebook: its Markdown cells not removed from the book)."""
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join(
        "".join(cell["source"]) for cell in cells
        if cell["cell_type"] == "markdown"
        and "remove-cell" not in cell.get("metadata", {}).get("tags", [])
    )


def plain(markdown: str) -> str:
    """Markdown/MyST inline markup reduced to the text a reader sees."""
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)\s*(<[^>]*>)?`", r"\1", markdown)  # {role}`text <t>`
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url)
    return re.sub(r"[`*_]", "", text)


def title_of(entry: str) -> str:
    match = re.search(r"^# (.+)$", prose_of(source_of(entry)), flags=re.M)
    assert match, f"{entry} has no H1 title"
    return plain(match.group(1)).strip()


def squash(text: str) -> str:
    """Letters and digits only, case-folded: immune to line breaks, hyphenation and ligatures."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in text if char.isalnum())


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, **kwargs)


def latex_errors() -> str:
    """The errors in the LaTeX log, with the lines of the .tex file they point to."""
    log = LATEX_DIR / f"{TARGET}.log"
    if not log.is_file():
        return ""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    report = []
    for number, line in enumerate(lines):
        if line.startswith("! ") and "Emergency stop" not in line:
            report.extend(lines[number:number + 4])
    tex = (LATEX_DIR / f"{TARGET}.tex").read_text(encoding="utf-8", errors="replace").splitlines()
    for where in re.findall(r"^l\.(\d+)", "\n".join(report), flags=re.M)[:3]:
        start = max(int(where) - 8, 0)
        report.append(f"--- {TARGET}.tex, lines {start + 1}-{where}:")
        report.extend(tex[start:int(where)])
    return "\n\nLaTeX errors:\n" + "\n".join(report) if report else ""


@pytest.fixture(scope="session")
def pdf_build() -> dict:
    """Install the TeX toolchain when missing (or skip), then ``make pdf``, once per session."""
    install = run(str(ROOT / "tools" / "install-system-packages.sh"), "pdf")
    if install.returncode == 3 and not IN_CI:
        pytest.skip(install.stdout.strip())
    assert install.returncode == 0, f"installing the PDF toolchain failed:\n{install.stdout}" \
        f"{install.stderr}"
    start = time.monotonic()
    build = run("make", "--no-print-directory", "pdf", stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    if build.returncode != 0:
        return {"error": "make pdf failed:\n" + (build.stdout + build.stderr)[-3000:]
                + latex_errors(), "reported": False}
    print(f"\nmake pdf: {seconds:.0f} s, {PDF.relative_to(ROOT)}")
    return {"error": None}


@pytest.fixture
def pdf(pdf_build) -> Path:
    """The PDF's path; a failed build fails the first test in full and the others briefly."""
    if pdf_build["error"]:
        if pdf_build["reported"]:
            pytest.fail("make pdf failed (the first failing test shows why)", pytrace=False)
        pdf_build["reported"] = True
        pytest.fail(pdf_build["error"], pytrace=False)
    assert PDF.is_file() and PDF.stat().st_size > 0, f"make pdf did not write {PDF}"
    return PDF


@functools.cache
def pdftotext(path: str, mtime: float) -> str:
    result = run("pdftotext", "-enc", "UTF-8", path, "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def text(pdf: Path) -> str:
    return pdftotext(str(pdf), pdf.stat().st_mtime)


@pytest.fixture
def pages(pdf: Path) -> int:
    info = run("pdfinfo", str(pdf))
    assert info.returncode == 0, info.stderr
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.M).group(1))


def test_pdf_has_a_page_for_every_toc_entry(pages):
    print(f"\nPDF pages: {pages}")
    assert pages >= len(toc_entries())


@pytest.mark.parametrize("entry", toc_entries())
def test_every_page_of_the_toc_is_in_the_pdf_under_its_title(entry, text):
    title = title_of(entry)
    # Once in the table of contents and once as the chapter heading (or the title page).
    count = squash(text).count(squash(title))
    assert count >= 2, f"title {title!r} of {entry} appears {count} time(s) in the PDF text"


# Static renderings only: widget reprs, HTML-only outputs and object reprs must not leak into it.
ARTEFACTS = {
    "widget repr": re.compile(
        r"\b(IntSlider|FloatSlider|FloatLogSlider|IntRangeSlider|FloatRangeSlider|Dropdown|"
        r"SelectMultiple|Select|RadioButtons|ToggleButtons|Checkbox|Button|Text|Textarea|"
        r"VBox|HBox|Box|Tab|Accordion|Output|Label|HTML|HTMLMath|Play|interactive)"
        r"\((value|children|options|description|layout|outputs|index|style|msg_id)="
    ),
    "widget repr (short)": re.compile(
        r"(IntSlider|FloatSlider|Dropdown|VBox|HBox|interactive|Output)\("
    ),
    "IPython display object": re.compile(r"<IPython\.core\.display"),
    "Python object repr": re.compile(r"<[A-Za-z_][\w.]*(?: object)? at 0x[0-9a-fA-F]+>"),
    "matplotlib figure repr": re.compile(r"<(Figure|Axes|matplotlib\.[\w.]+) size [\d.]+x"),
    "raw HTML tag": re.compile(
        r"</?(div|span|table|thead|tbody|tr|td|th|script|style|iframe|img|br|p|a|ul|li|"
        r"button|input|select|option|label|details|summary|svg|link|meta|head|body|html)"
        r"(\s[^<>]*)?/?>",
        flags=re.I,
    ),
    "HTML entity": re.compile(r"&(nbsp|lt|gt|amp|quot|#\d+|#x[0-9a-f]+);", flags=re.I),
    "ANSI escape": re.compile(r"\x1b\[|\[\d{1,3}(;\d{1,3})*m"),
    "DataTables text": re.compile(r"Loading ITables|DataTables warning|itables_[0-9a-f]{8}"),
}


@pytest.mark.parametrize("name", sorted(ARTEFACTS))
def test_no_artefacts_of_html_only_outputs(name, text):
    hits = []
    for number, page in enumerate(text.split("\f"), start=1):
        for match in ARTEFACTS[name].finditer(page):
            start = max(match.start() - 60, 0)
            hits.append(f"page {number}: …{page[start:match.end() + 60]!r}…")
    assert not hits, f"{name} in the PDF text:\n" + "\n".join(hits[:20])


def greek_words() -> dict[str, list[str]]:
    """Words with a Greek letter in the book's prose, and the TOC entries they are on."""
    words: dict[str, list[str]] = {}
    for entry in toc_entries():
        for word in re.findall(r"\S*[\u0370-\u03ff]\S*", plain(prose_of(source_of(entry)))):
            key = squash(word)
            if key and entry not in words.setdefault(key, []):
                words[key].append(entry)
    return words


@pytest.mark.parametrize("letter", ["α", "β", "γ", "κ"])
def test_greek_letters_print(letter, text):
    """Each of the four letters the reviews use is in the book's prose and prints in the PDF."""
    in_prose = [word for word in greek_words() if letter in word]
    assert in_prose, f"{letter} no longer occurs in the book's prose: update this test"
    assert letter in text, f"{letter} is missing from the PDF text"


def test_every_word_with_a_greek_letter_prints(text):
    squashed = squash(text)
    missing = {word: entries for word, entries in greek_words().items() if word not in squashed}
    assert not missing, f"words with Greek letters missing from the PDF: {missing}"


def test_latex_log_has_no_missing_glyphs_or_undefined_references(pdf):
    log = (LATEX_DIR / f"{TARGET}.log").read_text(encoding="utf-8", errors="replace")
    problems = [line for line in log.splitlines()
                if "Missing character" in line or "undefined references" in line
                or "Citation" in line and "undefined" in line
                or "Reference" in line and "undefined" in line]
    assert not problems, "LaTeX log:\n" + "\n".join(problems[:20])


IMAGE_MIMES = ("image/png", "image/jpeg", "application/pdf", "image/svg+xml")
GLUE_REFERENCE = re.compile(r"\{glue(?::figure)?\}[`\s]+(?:[\w./-]+::)?([\w.-]+)")


def expected_images() -> int:
    """Figures the PDF must show: image outputs of the executed notebooks (cells not removed),
    and every use of a glued image ({glue:figure} or {glue}) in the pages' prose."""
    count = 0
    glued: set[str] = set()
    for notebook in EXECUTED.rglob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            tags = set(cell.get("metadata", {}).get("tags", []))
            removed = {"remove-cell", "remove-output"} & tags
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                name = output.get("metadata", {}).get("scrapbook", {}).get("name")
                if name and any(f"application/papermill.record/{m}" in data for m in IMAGE_MIMES):
                    glued.add(name)
                elif not removed and any(m in data for m in IMAGE_MIMES):
                    count += 1
    for entry in toc_entries():
        count += sum(1 for key in GLUE_REFERENCE.findall(prose_of(source_of(entry)))
                     if key in glued)
    return count


def test_figures_are_in_the_pdf(pdf):
    listing = run("pdfimages", "-list", str(pdf))
    assert listing.returncode == 0, listing.stderr
    images = sum(1 for line in listing.stdout.splitlines()[2:] if line.split()[2:3] == ["image"])
    expected = expected_images()
    print(f"\nPDF images: {images} (figure outputs in the notebooks: {expected})")
    assert images >= expected


def test_pages_render(pdf, pages, tmp_path):
    result = run("pdftoppm", "-r", "24", "-gray", "-png", str(pdf), str(tmp_path / "page"))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == pages
    assert all(png.stat().st_size > 0 for png in rendered)
    # The title page is not blank: a 24 dpi greyscale render has some dark pixels.
    first = subprocess.run(["pdftoppm", "-r", "24", "-gray", "-f", "1", "-l", "1", str(pdf)],
                           capture_output=True, check=True).stdout  # binary PGM (P5)
    magic, width, height, maxval, pixels = first.split(maxsplit=4)
    assert magic == b"P5" and len(pixels) >= int(width) * int(height)
    assert min(pixels) < int(maxval) // 2, "the title page renders blank"
