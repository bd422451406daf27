# Mitra's developer commands. `make help` lists them; README.md explains `make run` and `make test`.
# Every target uses the project virtualenv in .venv, which `make venv` creates from the pinned
# requirements and refreshes only when requirements/*.txt or pyproject.toml change. The packages
# are installed with uv (itself installed with pip into .venv): about 8 s instead of pip's 40 s.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/pip --disable-pip-version-check --quiet
UV := $(BIN)/uv
UV_INSTALL := $(UV) pip install --quiet --python $(BIN)/python
# Commands that need settings but no database or secret (checks, catalogue) use the test settings.
MITRA_CI := DJANGO_SETTINGS_MODULE=config.settings_test $(BIN)/mitra
# One definition of the catalogue update, shared with scripts/test.sh through `make messages`.
# English msgids need no English catalogue; file-only locations keep diffs to real changes.
MAKEMESSAGES := makemessages -l id --no-obsolete --add-location=file --ignore=staticfiles --ignore=media --ignore=build
COMPILEMESSAGES := compilemessages -l id '--ignore=.*' --ignore=staticfiles --ignore=build --ignore=node_modules
UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --python-version 3.12 --quiet
ARGS ?=

.PHONY: help venv run test lint fmt typecheck messages check refdata lock bench

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

venv: $(STAMP) ; @: ## Create .venv with Python 3.12 and install the pinned dev requirements (fast when up to date)

$(STAMP): requirements/base.txt requirements/dev.txt pyproject.toml scripts/check-python
	@python=$$(bash scripts/check-python) && if ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo "Creating $(VENV) with $$python"; rm -rf $(VENV) && "$$python" -m venv $(VENV); fi
	test -x $(UV) || $(PIP) install uv
	$(UV_INSTALL) -r requirements/dev.txt
	$(UV_INSTALL) --no-deps -e .
	@touch $@

run: export DEBUG = true
run: venv ## Migrate, load the demo data and serve on http://127.0.0.1:8000 (DEBUG on)
	$(BIN)/mitra $(COMPILEMESSAGES) && $(BIN)/mitra migrate && $(BIN)/mitra demo && $(BIN)/mitra serve

test: ## Every check CI runs: static checks, then pytest on SQLite and PostgreSQL (ARGS="-k foo" passes through)
	bash scripts/test.sh $(ARGS)

screenshots: ## make test, keeping the browser tests' screenshots to look at (build/screenshots/, test-artifacts/; ARGS=tests/browser for those alone)
	MITRA_SCREENSHOTS=1 bash scripts/test.sh $(ARGS)

lint: venv ## ruff lint and format check
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

fmt: venv ## Fix what ruff can fix, then format
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

typecheck: venv ## mypy (strict, with django-stubs)
	$(BIN)/mypy .

messages: venv ## Update locale/id/LC_MESSAGES/django.po from the code, then compile it
	$(MITRA_CI) $(MAKEMESSAGES) && $(MITRA_CI) $(COMPILEMESSAGES)

check: lint typecheck ## Static checks: lint, mypy, Django checks, migrations, catalogue
	$(MITRA_CI) check && $(MITRA_CI) makemigrations --check --dry-run && $(BIN)/python scripts/check_catalogue.py

refdata: venv ## Rebuild the committed reference data files (installs the refdata extras)
	$(PIP) install -r requirements/refdata.txt && $(BIN)/python scripts/build_refdata.py

lock: venv ## Recompile requirements/*.txt from pyproject.toml with uv (no download addresses)
	{ test -x $(UV) || $(PIP) install uv; } && $(UV_COMPILE) -o requirements/base.txt && $(UV_COMPILE) --extra dev -o requirements/dev.txt && $(UV_COMPILE) --extra refdata -o requirements/refdata.txt && ! grep -nE '://|^--(index-url|extra-index-url|find-links)' requirements/*.txt

bench: venv ## Run each benchmark script in bench/ and print its figures (ratios against a baseline)
	@set -e; for script in bench/*.py; do echo "== $$script"; $(BIN)/python "$$script"; done
