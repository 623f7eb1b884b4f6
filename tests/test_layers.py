"""The package's layers: imports point one way, module names are unique in meaning.

``ifnalpha.model`` and ``ifnalpha.evidence`` never import each other; nothing under them imports
``ifnalpha.book``; the shared modules at the top (``reviews``, ``paths``, ``checks``) import no
layer. Every import is read from the source (top level and inside functions), so a lazy import
cannot hide an arrow that breaks the rule.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from ifnalpha.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "code" / "ifnalpha"
LAYERS = ("model", "evidence", "book")
SHARED = ("reviews", "paths", "checks")

#: For each layer, the layers it must never import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "model": ("evidence", "book"),
    "evidence": ("model", "book"),
    "book": (),
    "shared": LAYERS,
}

MAX_MODULE_LINES = 500


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) > 1 and parts[0] in LAYERS:
        return parts[0]
    if parts[0] == "__init__.py":
        return "root"
    return "shared"


def _imported(path: Path) -> set[str]:
    """Every ``ifnalpha`` module a file imports, resolved to dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ifnalpha"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("ifnalpha"):
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; write the absolute module name")
    return found


def _target_layer(dotted: str) -> str | None:
    parts = dotted.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    if len(parts) > 1 and parts[1] in SHARED:
        return "shared"
    return None


def arrows() -> list[tuple[str, str, str]]:
    """(file, its layer, imported module) for every import inside the package."""
    out = []
    for path in _modules():
        for dotted in sorted(_imported(path)):
            out.append((path.relative_to(PACKAGE).as_posix(), _layer(path), dotted))
    return out


def test_the_three_layers_and_the_shared_modules_exist():
    for layer in LAYERS:
        assert (PACKAGE / layer / "__init__.py").is_file(), layer
    for name in SHARED:
        assert (PACKAGE / f"{name}.py").is_file(), name


@pytest.mark.parametrize("layer", ["model", "evidence", "shared"])
def test_no_import_breaks_the_layer_rule(layer):
    broken = [
        f"{file} imports {dotted}"
        for file, source, dotted in arrows()
        if source == layer and _target_layer(dotted) in FORBIDDEN[layer]
    ]
    assert not broken, "\n".join(broken)


def test_the_rule_catches_a_broken_arrow(tmp_path, monkeypatch):
    """The walk sees lazy imports inside functions, the way a real breach would look."""
    fake = tmp_path / "ifnalpha"
    (fake / "model").mkdir(parents=True)
    (fake / "model" / "bad.py").write_text("def f():\n    from ifnalpha.book import glue\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    found = {a[2] for a in arrows() if a[1] == "model" and _target_layer(a[2]) == "book"}
    assert found == {"ifnalpha.book", "ifnalpha.book.glue"}


def test_no_module_is_over_the_size_limit():
    long = {
        p.relative_to(PACKAGE).as_posix(): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_top_level_module_is_left_in_the_flat_layout():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == sorted(("__init__", *SHARED)), top
