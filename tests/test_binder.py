"""Binder: what repo2docker builds from this repository runs every chapter notebook.

repo2docker reads the environment files from ``binder/`` (or ``.binder/``) when that folder
exists, else from the repository root: here ``runtime.txt`` (the Python version) and
``requirements.txt`` (installed with pip from the repository root; it ends with ``-e .``), and a
``postBuild`` script if there is one. This test does the same with nothing else: a fresh virtual
environment (``_build/binder-venv``) made by that Python version and filled only from
``requirements.txt``, a clean environment (no variables of the Makefile or of the shell, an empty
home directory), then every notebook under ``chapters/`` executed top to bottom by that
environment's ``jupyter nbconvert --execute`` into a temporary folder (the committed notebooks
are never written). pip's cache is shared with the book's own environment, so nothing is
downloaded twice.

Run by ``make binder-check`` (part of ``make test``), which sets ``IFNALPHA_BOOK_CHECKS=1``;
plain ``pytest tests`` (``make unit``) does not collect it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

__test__ = os.environ.get("IFNALPHA_BOOK_CHECKS") == "1"

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "_build" / "binder-venv"
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
# What repo2docker would use instead of (or besides) requirements.txt; this test does not
# emulate them, so it fails rather than pass without them.
UNSUPPORTED = ["environment.yml", "Pipfile", "Pipfile.lock", "setup.py", "Project.toml",
               "install.R", "DESCRIPTION", "start", "default.nix", "Dockerfile"]


def apt_packages(folder: Path) -> list[str]:
    """The Debian packages of ``apt.txt`` (repo2docker installs them with apt-get)."""
    path = folder / "apt.txt"
    if not path.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def config_dir() -> Path:
    for name in ("binder", ".binder"):
        if (ROOT / name).is_dir():
            return ROOT / name
    return ROOT


def clean_env(home: Path) -> dict[str, str]:
    """The variables a fresh Binder session has, in substance: a PATH and a home, no more."""
    cache = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    return {
        "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PIP_CACHE_DIR": cache,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "JUPYTER_PREFER_ENV_PATH": "1",
        "VIRTUAL_ENV": str(VENV),
    }


def run(command: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def binder(tmp_path_factory) -> dict[str, str]:
    """Build the environment as repo2docker would; the clean environment variables to use it."""
    folder = config_dir()
    found = [name for name in UNSUPPORTED if (folder / name).exists()]
    assert not found, f"repo2docker would also use {found}: extend tests/test_binder.py"
    # apt.txt: repo2docker installs these system-wide; here the project's own install script
    # has (make venv), so they must be installed before the notebooks run.
    for package in apt_packages(folder):
        status = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}", package],
                                capture_output=True, text=True)
        assert status.stdout == "installed", f"apt.txt lists {package}, which is not installed"
    requirements = folder / "requirements.txt"
    assert requirements.is_file(), f"{requirements} is missing"

    runtime = folder / "runtime.txt"
    version = "3"
    if runtime.is_file():
        match = re.fullmatch(r"python-(\d+\.\d+)", runtime.read_text().strip())
        assert match, f"runtime.txt must read python-X.Y, not {runtime.read_text()!r}"
        version = match.group(1)
    # The system's interpreter, not one of a virtual environment on PATH (such as .venv).
    path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep)
                           if d and not (Path(d).parent / "pyvenv.cfg").exists())
    python = shutil.which(f"python{version}", path=path)
    assert python, f"runtime.txt asks for Python {version}: python{version} is not on PATH"

    env = clean_env(tmp_path_factory.mktemp("binder-home"))
    start = time.monotonic()
    shutil.rmtree(VENV, ignore_errors=True)
    created = subprocess.run([python, "-m", "venv", str(VENV)], capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    pip = run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
               "-r", str(requirements)], env, timeout=3600)
    assert pip.returncode == 0, f"pip install -r {requirements.name} failed:\n{pip.stderr[-5000:]}"
    # repo2docker registers the environment's kernel; requirements.txt brings ipykernel.
    kernel = run([str(VENV / "bin" / "python"), "-m", "ipykernel", "install", "--sys-prefix",
                  "--name", "python3"], env, timeout=120)
    assert kernel.returncode == 0, f"requirements.txt lacks a working ipykernel:\n{kernel.stderr}"
    if (folder / "postBuild").is_file():
        post = run(["bash", str(folder / "postBuild")], env, timeout=1800)
        assert post.returncode == 0, f"postBuild failed:\n{post.stderr[-5000:]}"
    print(f"\nbinder environment: {time.monotonic() - start:.0f} s ({python}, {VENV})")
    return env


def test_the_kernel_is_the_binder_environment(binder):
    specs = run([str(VENV / "bin" / "jupyter"), "kernelspec", "list", "--json"], binder, 60)
    assert specs.returncode == 0, specs.stderr
    argv = json.loads(specs.stdout)["kernelspecs"]["python3"]["spec"]["argv"]
    assert Path(argv[0]).parent.resolve() == (VENV / "bin").resolve(), argv


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_top_to_bottom_on_binder(notebook, binder, tmp_path):
    start = time.monotonic()
    result = run([str(VENV / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                  "--output-dir", str(tmp_path), "--ExecutePreprocessor.timeout=600",
                  "--ExecutePreprocessor.kernel_name=python3", notebook], binder, timeout=1800)
    assert result.returncode == 0, f"{notebook} failed on Binder:\n{result.stderr[-8000:]}"
    executed = json.loads((tmp_path / Path(notebook).name).read_text(encoding="utf-8"))
    errors = [output for cell in executed["cells"] for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors, f"{notebook}: error outputs {errors}"
    print(f"\n{notebook}: {time.monotonic() - start:.1f} s")
