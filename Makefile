# The book's commands. Each target sets up what it needs by itself (idempotent).
#   make book     build the HTML book into _build/html, Sphinx warnings as errors
#   make test     lint, unit tests and doctests, nbval over every chapter notebook, strict HTML
#                 build, PDF, browser and Binder checks
#   make outputs  re-execute every chapter notebook in place (new expected outputs for nbval)
#   make live     open the book's notebooks in JupyterLab (what Binder gives a reader)
#   make bench    benchmark the signalling model and the explorers in the browser
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
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help venv book test unit nbval html lint outputs live bench clean freeze

help:
	@sed -n '2,8p' Makefile | sed 's/^# *//'

# Graphviz (Debian) draws the book's diagrams: the notebooks need it wherever they run (Binder
# installs it from apt.txt).
$(STAMP): requirements.txt pyproject.toml tools/install-system-packages.sh
	tools/install-system-packages.sh graphviz
	@test -x $(PY) || $(PYTHON_BOOTSTRAP) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" >/dev/null
	@touch $(STAMP)

venv: $(STAMP)

book: html

# myst-nb's execution cache (shared by the HTML and PDF builds) is keyed on the notebooks' code
# only: when the package, the data or the pinned environment change, outputs computed from them
# would be stale, so the cache and the HTML build are dropped and every notebook runs again.
EXEC_CACHE := _build/.jupyter_cache
EXEC_INPUTS := $(shell find code data -type f -not -path '*/__pycache__/*' 2>/dev/null) requirements.txt
$(EXEC_CACHE)/.inputs: $(EXEC_INPUTS)
	rm -rf $(EXEC_CACHE) _build/.doctrees _build/html
	mkdir -p $(EXEC_CACHE) && touch $@

# Sphinx copies the book's _static/ files (CSS, JS) only into a fresh output folder: when one
# changes, the HTML output is dropped and written again (from the execution cache).
HTML_STATIC := _build/html/.static-files
$(HTML_STATIC): $(wildcard _static/*)
	rm -rf _build/html _build/.doctrees
	mkdir -p _build/html && touch $@

html: $(STAMP) $(EXEC_CACHE)/.inputs $(HTML_STATIC)
	$(VENV)/bin/jupyter-book build . --builder html $(JB_FLAGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check code tests $(wildcard benchmarks)

# Unit tests, and every example in the package's docstrings (doctests).
unit: $(STAMP)
	$(PY) -m pytest tests -q
	$(PY) -m pytest --doctest-modules code/ifnalpha -q -p no:cacheprovider

nbval: $(STAMP)
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg \
		-p no:cacheprovider -q $(NOTEBOOKS)

test: lint unit nbval html pdf-check browser-check binder-check

outputs: $(STAMP)
	$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False \
		--ExecutePreprocessor.kernel_name=python3 $(NOTEBOOKS)

live: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=. chapters

# The explorers in Chromium (benchmarks/bench_explorers.py) need the built book, Chromium and
# Lighthouse (npm, pinned in benchmarks/lighthouse, installed into _build/bench-node).
BENCH_NODE := _build/bench-node
$(BENCH_NODE)/.stamp: benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	tools/install-system-packages.sh node
	mkdir -p $(BENCH_NODE) && cp $^ $(BENCH_NODE)/
	cd $(BENCH_NODE) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

bench: $(STAMP) html $(BENCH_NODE)/.stamp
	$(PY) benchmarks/bench_model.py
	$(PY) -m pytest benchmarks/bench_reference.py -q -p no:cacheprovider --benchmark-enable \
		--benchmark-only --benchmark-columns=min,median,max,rounds
	tools/install-system-packages.sh browser
	$(PY) benchmarks/bench_explorers.py

freeze: $(STAMP)
	@{ sed -n '1,2p' requirements.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^ifnalpha' | sort -f; echo '-e .'; } > requirements.new
	@mv requirements.new requirements.txt

clean:
	rm -rf _build .pytest_cache

# ---------------------------------------------------------------------------------------------
# The three ways to read the book, tested (issue 7). Each sets up what it needs by itself.
#   make pdf            the whole book as one PDF: _build/pdf/<latex targetname>.pdf (LaTeX
#                       builder, xelatex, own output folder _build/pdf-build); installs TeX Live
#                       and friends from Debian's packages when missing
#   make pdf-check      tests/test_pdf.py: builds the PDF, checks its text and renders its pages
#   make browser-check  tests/browser: the HTML book served on localhost in Debian's Chromium
#                       (Playwright): console errors, failed requests, tables, widgets, search,
#                       buttons, alt text, axe-core accessibility; installs Chromium when missing
#   make binder-check   tests/test_binder.py: what repo2docker does (fresh venv from
#                       requirements.txt + runtime.txt), then every chapter notebook executed
#   make web            npm ci, then tools/vendor-web.sh: the widget manager, RequireJS and
#                       MathJax into _build/web, which Sphinx copies into the book's
#                       _static/vendor (html_extra_path): no CDN
# Without root (and no password-less sudo) the PDF and browser checks skip, naming the Debian
# packages to install; with CI=true they fail instead.
WEB_OUT := _build/web
WEB_STAMP := $(WEB_OUT)/.stamp
PDF_BUILD := _build/pdf-build
BOOK_CHECKS := IFNALPHA_BOOK_CHECKS=1 $(PY) -m pytest -p no:cacheprovider -q -rs --durations=5
PDF_NAME = $(shell $(PY) -c 'import yaml; print(yaml.safe_load(open("_config.yml"))["latex"]["latex_documents"]["targetname"].removesuffix(".tex"))')

.PHONY: web pdf pdf-check browser-check binder-check

# The HTML (and LaTeX) build reads _build/web through html_extra_path: make it first.
html: $(WEB_STAMP)

web: $(WEB_STAMP)

$(WEB_STAMP): package.json package-lock.json tools/vendor-web.sh tools/web/widgets-config.js
	tools/install-system-packages.sh node
	npm ci --include=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	tools/vendor-web.sh $(WEB_OUT)
	@touch $@

pdf: $(STAMP) $(WEB_STAMP) $(EXEC_CACHE)/.inputs
	tools/install-system-packages.sh pdf
	rm -rf $(PDF_BUILD)/_build/latex _build/pdf/$(PDF_NAME).pdf
	$(VENV)/bin/jupyter-book build . --builder pdflatex --path-output $(PDF_BUILD) $(JB_FLAGS) </dev/null
	test -s $(PDF_BUILD)/_build/latex/$(PDF_NAME).pdf
	mkdir -p _build/pdf && cp $(PDF_BUILD)/_build/latex/$(PDF_NAME).pdf _build/pdf/

pdf-check: $(STAMP)
	$(BOOK_CHECKS) tests/test_pdf.py

browser-check: $(STAMP) html
	$(BOOK_CHECKS) tests/browser

binder-check: $(STAMP)
	$(BOOK_CHECKS) tests/test_binder.py
