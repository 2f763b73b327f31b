# hfs-edu — two commands on a fresh machine with Python >= 3.10:
#   make lab    set up .venv on first run, then open the course in JupyterLab
#   make test   unit tests + strict nbval over every notebook
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888
LOCK := requirements/lock.txt
STAMP := $(VENV)/.installed
NB := notebooks
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tools/nbval_sanitize.cfg --nbval-cell-timeout=120

.PHONY: help venv lab test test-unit test-nb test-browser execute notebooks check-determinism bench lock clean

help:
	@echo "make lab          open the course in JupyterLab (first run installs .venv, ~1 min)"
	@echo "make test         unit tests + strict nbval on every notebook"
	@echo "make test-browser drive every notebook in headless Chromium (needs apt chromium)"
	@echo "make bench        performance benchmark of every interactive view"
	@echo "make notebooks    rebuild notebooks/*.ipynb from chapters/*.py and execute them"
	@echo "make execute      re-execute notebooks/*.ipynb in place (stored outputs for nbval)"
	@echo "make lock         re-resolve requirements/lock.txt from pyproject.toml (needs uv)"

venv: $(STAMP)

$(STAMP): $(LOCK) pyproject.toml
	@echo ">>> Creating $(VENV) with $$($(PYTHON) --version) and installing pinned packages from $(LOCK)"
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "hfs-edu needs Python >= 3.10")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --progress-bar on pip
	$(BIN)/python -m pip install --progress-bar on -r $(LOCK)
	$(BIN)/python -m pip install --no-deps -e .
	$(BIN)/python tools/jupyter_settings.py
	@touch $(STAMP)
	@echo ">>> $(VENV) ready"

lab: $(STAMP)
	@echo ">>> Starting JupyterLab on http://127.0.0.1:$(PORT) (override with: make lab PORT=9999). Stop with Ctrl-C."
	$(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
	  --ServerApp.port_retries=0 --ServerApp.root_dir=. \
	  --LabApp.default_url=/lab/tree/$(NB)/00_start_here.ipynb $(if $(filter 0,$(shell id -u)),--allow-root,)

test: $(STAMP)
	$(BIN)/python -m pytest tests $(NB) $(PYTEST_NBVAL) -m "not browser"

test-unit: $(STAMP)
	$(BIN)/python -m pytest tests -p no:nbval -m "not browser"

test-nb: $(STAMP)
	$(BIN)/python -m pytest $(NB) $(PYTEST_NBVAL)

test-browser: $(STAMP)
	$(BIN)/python -m pytest tests/browser -m browser -p no:nbval

notebooks: $(STAMP)
	$(BIN)/python tools/build_notebooks.py
	$(BIN)/python tools/execute_notebooks.py

execute: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py

check-determinism: $(STAMP)
	$(BIN)/python tools/check_determinism.py

.PHONY: html
html: $(STAMP)  ## one HTML page per notebook in build/html, worked solutions collapsed
	$(BIN)/python tools/export_html.py

bench: $(STAMP)
	$(BIN)/python tools/bench.py

lock:
	uv pip compile pyproject.toml --extra test --extra browser --universal --python-version 3.10 --no-header -o $(LOCK)

clean:
	rm -rf $(VENV) build *.egg-info
