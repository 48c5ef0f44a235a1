# Buurtkompas: `make run` to use the app, `make test` to test everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
LEAFLET := static/vendor/leaflet/leaflet.js
PROCESSED := data/processed/.built

.PHONY: run test lint data assets venv chromium bench clean

run: venv assets data
	$(PY) -m ui.serve --server.port $(PORT)

# Lint and the import contract first (seconds), then every test: unit, doctests, AppTest, browser.
test: venv assets data chromium lint
	$(PY) -m pytest -q

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

data: $(PROCESSED)
venv: $(VENV)/.installed
assets: $(LEAFLET)

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Processed data is rebuilt when anything under data/raw or the build's own packages changes (whole folders,
# so a new build module needs no edit here).
$(PROCESSED): $(VENV)/.installed $(shell find data/raw geo/build geo/io geo/catalog geo/config.py geo/errors.py geo/vocab.py -type f -not -name '*.pyc' 2>/dev/null)
	$(PY) -m geo.build
	touch $@

# Leaflet from the npm registry at the pinned version in package.json; served by Streamlit's static server.
$(LEAFLET): package.json
	npm install --no-save --no-package-lock --no-audit --no-fund --silent --prefix build/npm leaflet@$$(node -p "require('./package.json').dependencies.leaflet")
	mkdir -p static/vendor/leaflet
	cp -r build/npm/node_modules/leaflet/dist/leaflet.js build/npm/node_modules/leaflet/dist/leaflet.css build/npm/node_modules/leaflet/dist/images static/vendor/leaflet/
	cp build/npm/node_modules/leaflet/LICENSE static/vendor/leaflet/LICENSE

# Browser tests drive Debian's chromium (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

bench: venv assets data chromium
	$(PY) -m bench

clean:
	rm -rf data/processed static/vendor build
