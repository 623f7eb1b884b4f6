# The book's commands. Each target sets up what it needs by itself (idempotent).
#   make book     build the HTML book into _build/html, Sphinx warnings as errors
#   make test     lint, unit tests, nbval over every chapter notebook, strict HTML build
#   make outputs  re-execute every chapter notebook in place (new expected outputs for nbval)
#   make live     open the book's notebooks in JupyterLab (what Binder gives a reader)
#   make bench    benchmark the signalling model
#   make clean    remove build output (keeps .venv)

SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON_BOOTSTRAP ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
NOTEBOOKS := $(shell find chapters -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
JB_FLAGS := -W -n --keep-going
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help venv book test unit nbval html lint outputs live bench clean freeze

help:
	@sed -n '2,8p' Makefile | sed 's/^# *//'

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" >/dev/null
	@touch $(STAMP)

venv: $(STAMP)

book: html

html: $(STAMP)
	$(VENV)/bin/jupyter-book build . --builder html $(JB_FLAGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check code tests $(wildcard benchmarks)

unit: $(STAMP)
	$(PY) -m pytest tests -q

nbval: $(STAMP)
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg \
		-p no:cacheprovider -q $(NOTEBOOKS)

test: lint unit nbval html

outputs: $(STAMP)
	$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False \
		--ExecutePreprocessor.kernel_name=python3 $(NOTEBOOKS)

live: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=. chapters

bench: $(STAMP)
	$(PY) -m pytest benchmarks -q --benchmark-enable --benchmark-only --benchmark-columns=min,median,max,rounds

freeze: $(STAMP)
	@{ sed -n '1,2p' requirements.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^ifnalpha' | sort -f; echo '-e .'; } > requirements.new
	@mv requirements.new requirements.txt

clean:
	rm -rf _build .pytest_cache
