# Buurtkompas: `make run` to use the app, `make test` to test everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Test processes for everything but the browser tests (pytest-xdist; 0 = one process). The browser tests run
# after them in one process: each drives its own app server and chromium, and they time out under contention.
TEST_WORKERS ?= 2
LEAFLET := static/vendor/leaflet/leaflet.js
PROCESSED := data/processed/.built

.PHONY: run test lint data assets venv chromium bench clean i18n refresh

run: venv assets data
	$(PY) -m ui.serve --server.port $(PORT)

# Lint and the import contract first (seconds), then every test: unit, doctests, AppTest (in TEST_WORKERS
# processes, each test file in one of them), then the browser tests.
test: venv assets data chromium lint
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile -m "not browser"
	$(PY) -m pytest -q -m browser

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# `make data` builds Heerlen and the Parkstad neighbours at wijk level; `make data GM=GM0928` also builds a
# refreshed municipality (data/raw/GM0928 -> data/processed/GM0928), or without raw data its wijken from the
# national wijken table.
data: $(PROCESSED)
	@if [ -n "$(GM)" ]; then $(PY) -m geo.build --gemeente $(GM); fi
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

# The newest open data for one municipality into data/raw/<GM>/ (needs the network; offline it says so in one
# line and changes nothing): make refresh GM=GM0928 [REFRESH_ARGS="--editions 2019-2024 --force"], then make data.
refresh: venv
	@test -n "$(GM)" || { echo "usage: make refresh GM=GM0917 [REFRESH_ARGS='--editions 2019-2024']" >&2; exit 4; }
	$(PY) -m geo.refresh $(GM) $(REFRESH_ARGS)

# Leaflet from the npm registry at the pinned version in package.json; served by Streamlit's static server.
$(LEAFLET): package.json
	npm install --no-save --no-package-lock --no-audit --no-fund --silent --prefix build/npm leaflet@$$(node -p "require('./package.json').dependencies.leaflet")
	mkdir -p static/vendor/leaflet
	cp -r build/npm/node_modules/leaflet/dist/leaflet.js build/npm/node_modules/leaflet/dist/leaflet.css build/npm/node_modules/leaflet/dist/images static/vendor/leaflet/
	cp build/npm/node_modules/leaflet/LICENSE static/vendor/leaflet/LICENSE

# Browser tests drive Debian's chromium (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# Messages for the translators: extract every _()/N_()/ngettext() text and every method-text block into
# locale/messages.pot, then merge it into each language's catalogue (new entries arrive empty, for a translator).
I18N_SOURCES := app.py pages ui geo $(filter-out docs/method/README.md,$(wildcard docs/method/*.md))
i18n: venv
	PYTHONPATH=. $(VENV)/bin/pybabel --quiet extract -F babel.cfg -k N_ --add-location=file --no-wrap --sort-by-file \
		--project=Buurtkompas --copyright-holder=Buurtkompas -o locale/messages.pot $(I18N_SOURCES)
	for lang in nl en; do \
		if [ -f locale/$$lang/LC_MESSAGES/messages.po ]; then \
			$(VENV)/bin/pybabel --quiet update --no-wrap --ignore-obsolete -i locale/messages.pot -d locale -l $$lang; \
		else $(VENV)/bin/pybabel --quiet init --no-wrap -i locale/messages.pot -d locale -l $$lang; fi; \
	done

bench: venv assets data chromium
	$(PY) -m bench

clean:
	rm -rf data/processed static/vendor build

# `make print-VAR` prints a variable (the catalogue test reads I18N_SOURCES from here: one list of sources).
print-%:
	@echo $($*)
