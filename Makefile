# Two commands do all set-up on a fresh machine: `make lab` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.ssi-kit-installed

.PHONY: lab app test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Opens lesson 00; jupyter/overrides.json presets JupyterLab so it never asks about Jupyter news.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

lab: $(STAMP)
	mkdir -p $(LAB_SETTINGS)
	cp jupyter/overrides.json $(LAB_SETTINGS)/overrides.json
	$(BIN)/jupyter lab --ServerApp.root_dir=lessons --LabApp.default_url=/lab/tree/00_bienvenida.ipynb $(ALLOW_ROOT)

# App mode: the lessons with their code hidden and their widgets live (Voilà), on this machine only.
# Voilà serves as root without a flag (it has no --allow-root).
app: $(STAMP)
	$(BIN)/voila lessons --no-browser --Voila.ip=127.0.0.1

# The linter and the type checker run first: a red check stops before the slower tests.
lint: $(STAMP)
	$(BIN)/ruff check ssi_kit
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis
