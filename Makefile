# `make run` and `make test` work from a clean clone: they create .venv and install first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
TS     := $(wildcard resources/i18n/*.ts)
QM     := $(TS:.ts=.qm)
UI     := $(wildcard forms/*.ui)
UIPY   := $(patsubst forms/%.ui,archive_desk/ui/forms/ui_%.py,$(UI))

.PHONY: setup run test i18n lupdate forms bench lint clean-venv dist

setup: $(STAMP) i18n

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

i18n: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code and forms (then translate what is new).
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none \
	  $$(find archive_desk -name '*.py' -not -path '*/forms/*' | sort) forms/*.ui -ts $(TS)

# Compile Qt Designer forms into committed Python (never edited by hand).
forms: $(STAMP)
	$(PY) -m archive_desk.ui.build_forms

run: setup
	$(PY) -m archive_desk

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) bench/search.py

lint: setup
	$(VENV)/bin/ruff check archive_desk tests bench tools migrations
	$(VENV)/bin/ruff format --check archive_desk tests bench tools migrations

dist: setup
	$(PY) -m pip install --quiet -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm archive_desk.spec

clean-venv:
	rm -rf $(VENV)
