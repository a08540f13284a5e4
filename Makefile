# Two commands do all set-up on a fresh machine: `make lab` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.ssi-kit-installed

.PHONY: lab app test lint bench clean lite

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Opens the course home. The package installs jupyter/overrides.json into JupyterLab's overrides.d,
# so it never asks about Jupyter news (pyproject.toml, shared-data).
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=lessons --LabApp.default_url=/lab/tree/00_inicio.ipynb $(ALLOW_ROOT)

# App mode: the course without code (Voilà), on this machine only, opened in the browser at its
# home (00_inicio.ipynb). `ssi-kit app` on the repository's own lessons/ (never copied onto
# themselves): ssi-kit's Spanish template, one kernel ready per lesson, the kernel culling, all
# from ssi_kit/cli.py (voila_options). Voilà serves as root without a flag (it has no --allow-root).
app: $(STAMP)
	$(BIN)/ssi-kit app lessons

# The linter and the type checker run first: a red check stops before the slower tests.
lint: $(STAMP)
	$(BIN)/ruff check ssi_kit tests benchmarks scripts
	$(BIN)/mypy

# Both cores (pytest-xdist), one test file per worker at a time: a notebook's cells share its kernel and
# a browser test file its servers. (--dist loadgroup would keep groups across files, but pytest-xdist 3.8
# cannot mark the groups on pytest 9.) `pytest FILE` alone runs in one process.
test: lint
	$(BIN)/python -m pytest -n auto --dist loadfile --durations=15

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis

# Experimental JupyterLite site in build/lite (docs/jupyterlite.md); not part of lab or test.
lite: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[lite]'
	$(BIN)/python scripts/build_lite.py
