"""Book-level checks: layout, configuration, TOC coverage, pinned environment, notebooks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
NOTEBOOKS = sorted(
    p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)


def toc_files() -> list[str]:
    files = [TOC["root"]]
    for part in TOC["parts"]:
        for chapter in part["chapters"]:
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
    return files


def source_of(entry: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{entry}{suffix}").exists():
            return ROOT / f"{entry}{suffix}"
    raise AssertionError(f"TOC entry {entry!r} has no .ipynb or .md file")


def title_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        text = "\n".join(
            "".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "markdown"
        )
    else:
        text = path.read_text(encoding="utf-8")
    match = re.search(r"^# (.+)$", text, flags=re.M)
    assert match, f"{path} has no H1 title"
    return match.group(1).strip()


def test_layout_exists():
    for name in ["_config.yml", "_toc.yml", "intro.md", "README.md", "Makefile",
                 "pyproject.toml", "requirements.txt", "runtime.txt", ".ci/run",
                 "code/ifnalpha/__init__.py", "tests/nbval-sanitize.cfg", "data/references.bib"]:
        assert (ROOT / name).exists(), f"missing {name}"
    assert not (ROOT / "code" / "__init__.py").exists(), "code/ must not be a package"


def test_every_toc_entry_exists_and_every_page_is_in_the_toc():
    entries = toc_files()
    assert len(entries) == len(set(entries)), "a page is listed twice in _toc.yml"
    for entry in entries:
        source_of(entry)
    pages = {p.relative_to(ROOT).with_suffix("").as_posix()
             for p in (ROOT / "chapters").rglob("*") if p.suffix in {".ipynb", ".md"}
             and ".ipynb_checkpoints" not in p.parts}
    orphans = pages - set(entries)
    assert not orphans, f"pages not in _toc.yml: {sorted(orphans)}"


def test_parts_are_numbered_and_ordered():
    captions = [part["caption"] for part in TOC["parts"]]
    assert captions[0].startswith("Part I:") and "review A" in captions[0]
    assert captions[1].startswith("Part II:") and "review B" in captions[1]
    assert captions[2].startswith("Part III:")
    assert captions[3] == "Appendix"
    assert all(part.get("numbered") for part in TOC["parts"][:3])


# Section titles of the two reviews (see ../shared/reviews/README.md) and the page of each.
REVIEW_SECTIONS = {
    "chapters/ibc": ["at a glance", "Background", "Interferon alpha in IBC",
                     "Overview of IFNα biology and signalling",
                     "Intracellular regulation of IFNα production",
                     "Interferon alpha-stimulated genes in IBC tumours and resulting phenotypes",
                     "IFNα in the IBC tumour microenvironment", "Conclusion"],
    "chapters/ifna2b": ["at a glance", "Background", "Overview of IFN-α family proteins",
                        "Antitumour mechanism of IFN-α2b", "Clinical application",
                        "The current challenges", "Conclusions and future perspectives"],
    "chapters/synthesis": ["Two faces of interferon-alpha", "Gene atlas",
                           "Where the reviews differ", "A fitted model beside ours"],
    "chapters/appendix": ["Glossary", "References", "Notes on the reviews", "data",
                          "Model reference", "build"],
}


@pytest.mark.parametrize("folder", sorted(REVIEW_SECTIONS))
def test_every_section_has_its_page_in_order(folder):
    entries = [e for e in toc_files() if e.startswith(folder + "/")]
    titles = [title_of(source_of(e)) for e in entries]
    expected = REVIEW_SECTIONS[folder]
    assert len(titles) == len(expected), f"{folder}: pages {titles}"
    for title, wanted in zip(titles, expected, strict=True):
        assert wanted.lower() in title.lower(), f"{folder}: page {title!r} should be {wanted!r}"


def test_review_pages_summarise_with_reference_numbers():
    for entry in toc_files():
        if not entry.startswith(("chapters/ibc/", "chapters/ifna2b/")):
            continue
        path = source_of(entry)
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        role = "{ra}" if "/ibc/" in entry else "{rb}"
        assert role in text, f"{entry} cites no reference number of its review"
        paragraphs = [p for p in text.split("\n\n") if len(p.split()) >= 40
                      and not p.lstrip().startswith((":::", "```", "%", "#", "|"))]
        assert paragraphs, f"{entry} has no real paragraph"


def test_config_settings():
    execute = CONFIG["execute"]
    assert execute["execute_notebooks"] == "cache"
    assert execute["raise_on_error"] is True and execute["allow_errors"] is False
    assert execute["stderr_output"] == "remove"
    assert CONFIG["repository"]["branch"] == "main"
    assert CONFIG["launch_buttons"]["notebook_interface"] == "jupyterlab"
    assert CONFIG["launch_buttons"]["binderhub_url"]
    assert CONFIG["latex"]["latex_documents"]["targetname"].endswith(".tex")
    assert CONFIG["bibtex_bibfiles"] == ["data/references.bib"]
    assert CONFIG["sphinx"]["recursive_update"] is True
    assert "ifnalpha.book.sphinxext" in CONFIG["sphinx"]["extra_extensions"]


def test_readme_names_the_repository_of_the_config():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    url = CONFIG["repository"]["url"]
    assert url in readme
    assert "make book" in readme and "make test" in readme


def test_requirements_are_pinned():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1] == "-e .", "requirements.txt must end with '-e .' for Binder"
    for line in lines[:-1]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", line), f"not pinned: {line}"
    names = {line.split("==")[0].lower(): line.split("==")[1] for line in lines[:-1]}
    assert names["jupyter-book"] == "1.0.4.post1"
    for needed in ["myst-nb", "ipywidgets", "matplotlib", "pandas", "nbval", "sphinx",
                   "scipy", "itables", "sphinxcontrib-bibtex", "pytest", "ruff", "jupyterlab"]:
        assert needed in names, f"{needed} missing from requirements.txt"
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebooks_are_committed_executed_and_deterministic(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        assert cell["execution_count"] is not None, f"cell {index} was never executed"
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"cell {index} stores an error"
            assert output.get("name") != "stderr", f"cell {index} stores stderr output"
            text = json.dumps(output.get("data", {}).get("text/plain", output.get("text", "")))
            assert not re.search(r"at 0x[0-9a-f]{6,}", text), f"cell {index}: memory address"
            assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d", text), f"cell {index}: timestamp"
