# The two commands a newcomer needs: `make book` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RAW ?= ../shared/raw
PYTEST_WORKERS ?= 2

.PHONY: book test data bench execute html pdf venv clean faults

# One build at a time in this folder: `make book`, `make html` and `make data` take this lock,
# and a second run started meanwhile stops at once with a message (exit 75) instead of
# writing into the same files.
LOCK_FILE := _build/.lock
LOCKED = @mkdir -p _build && flock --nonblock --conflict-exit-code 75 $(LOCK_FILE) $(1) \
	|| { rc=$$?; if [ $$rc = 75 ]; then echo "make: another build (make book, html or data) is running in $(CURDIR); wait for it to finish and run this again" >&2; fi; exit $$rc; }

## venv: create or refresh the project-local virtualenv from requirements.txt, and node_modules/
##       from package-lock.json (the Vega runtime the book ships; axe-core for the tests only)
NODE_STAMP := node_modules/.installed
venv: $(VENV)/.installed $(NODE_STAMP)
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@
$(VENV)/.installed: requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

## execute: re-execute (in parallel) the notebooks whose inputs changed
execute: venv
	$(call LOCKED,sh -c '$(BIN)/python -m azbook.data.check && $(BIN)/python -m azbook.book.execute')

# Everything the HTML depends on; when none of it is newer than the last good build,
# the (slow to start) Sphinx run is skipped.
BOOK_SOURCES := _config.yml _toc.yml book.yml $(wildcard *.md *.bib *.ipynb chapters/*.ipynb chapters/*.md data/* azbook/*.py azbook/*/*.py azbook/*/*/*.py azbook/*/*/*.csv azbook/book/static/* azbook/book/js/* azbook/book/templates/*) requirements.txt package-lock.json
HTML_STAMP := _build/html/.built

## html: build the HTML book from the notebooks' stored outputs, warnings as errors, into a
##       staging folder; _build/html is replaced only when the whole build succeeds (the data
##       check runs beside Sphinx and stops it if a table fails)
html: venv $(HTML_STAMP)
$(HTML_STAMP): $(BOOK_SOURCES) $(VENV)/.installed $(NODE_STAMP)
	$(call LOCKED,$(BIN)/python -m azbook.book.publish)

## book: set up, execute what needs executing, build _build/html
book: execute html

## pdf: the PDF edition, _build/pdf/<book.yml's pdf> (and a copy beside the HTML), printed from the
##      HTML by Debian's Chromium; skipped when it is newer than the HTML and its code
pdf: venv html
	$(BIN)/python -m azbook.book.pdf --if-stale

## test: set up, build the book from the committed outputs, run every test
test: venv html
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --nbval

## faults: plant each fault in a temporary copy of the book and print what happened (also run by make test)
faults: venv html
	$(BIN)/python -m pytest -p no:xdist -q tests/faults

## data: rebuild the tidy tables in data/ (and the data appendix) from raw publisher files
##       RAW=folder laid out like shared/raw (its sibling facts/ holds the research notes);
##       the Natural Earth shapes come from the npm package world-atlas, fetched into GEO once.
##       ONLY="trade arms_transfers" rebuilds only those tables.
GEO ?= /tmp/azbook-geo
data: venv
	@test -f $(GEO)/countries-50m.json || $(BIN)/python -m azbook.data.datasets.region_map fetch $(GEO)
	$(call LOCKED,sh -c 'AZBOOK_GEO=$(GEO) $(BIN)/python -m azbook.data.build $(RAW) $(if $(ONLY),--only $(ONLY)) \
		&& $(BIN)/python -m azbook.book.appendix && $(BIN)/python -m azbook.book.citation')

## bench: print build, execution, test and page timings and sizes
bench: venv html
	$(BIN)/python scripts/bench.py

clean:
	rm -rf _build azbook/_vendor node_modules
