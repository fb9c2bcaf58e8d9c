# The project's commands. Each sets up .venv from the pinned requirements when it is missing or stale.
VENV      := .venv
PY        := $(VENV)/bin/python
MKDOCS    := $(VENV)/bin/mkdocs
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
NODE_DEPS := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check test lint schemas clean bench

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(SITE_DEPS): requirements.txt requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt -c requirements.lock
	touch $@

$(TEST_DEPS): $(SITE_DEPS) requirements-test.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt -c requirements.lock
	touch $@

# Test-only npm tools (axe-core, vnu-jar), exactly as locked. --ignore-scripts: vnu-jar's
# postinstall would download a Java build from outside the package registries.
$(NODE_DEPS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

## serve: build and serve the site at http://127.0.0.1:8000, reloading on edits to docs/, data/ and macros/
serve: $(SITE_DEPS)
	$(MKDOCS) serve --strict -a 127.0.0.1:8000

## build: strict build into site/; on any error every message is printed and the previous site/ is left as it was
# (macros/hooks.py builds into .site.building and swaps it in only after a whole, warning-free build;
# no -q: it would hide strict mode's warnings, leaving only "Aborted with 1 warnings").
build: $(SITE_DEPS)
	@$(MKDOCS) build --strict && echo "built site/"

## check: validate data/ and the pages' macro calls; fast, writes nothing
check: $(SITE_DEPS)
	@$(PY) -m macros.check

## schemas: regenerate schemas/*.schema.json from the models
schemas: $(SITE_DEPS)
	$(PY) -m macros.schemas

## lint: ruff
lint: $(TEST_DEPS)
	$(VENV)/bin/ruff check .

## test: install what the tests need, then ruff and the whole pytest suite
test: $(TEST_DEPS)
	@bash scripts/ensure-browser.sh
	@$(MAKE) --no-print-directory $(NODE_DEPS)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n 2 -q

## bench: our build against a bare Material build, at real and synthetic scale (not part of test; ~10 min)
bench: $(SITE_DEPS) bench/requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check -r bench/requirements.txt -c requirements.lock
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site .site.building .site.old .pytest_cache
