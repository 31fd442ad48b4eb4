# commune_portal: `make start` serves a demo commune site, `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTANCE := instance
SITE_ID ?= Plone
HOST ?= 127.0.0.1
PORT ?= 8080
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin
PYTEST_ARGS ?=
# make test: one pytest-xdist worker per core (TEST_JOBS=0: no workers).
TEST_JOBS ?= auto

SOURCES := $(wildcard src tests scripts bench)
XML_FILES = $(shell find src -name '*.zcml' -o -name '*.xml' | sort)

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-zA-Z_.-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q -c constraints.txt pip setuptools wheel
	$(BIN)/python -m pip install -q -c constraints.txt Plone -e ".[test,lint]"
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv with the pinned versions and install the add-on (editable)

$(INSTANCE)/etc/zope.conf: | $(VENV)/.installed
	$(BIN)/mkwsgiinstance -d $(INSTANCE) -u $(ADMIN_USER):$(ADMIN_PASSWORD)
	$(BIN)/python scripts/configure_instance.py $@

.PHONY: instance
instance: $(INSTANCE)/etc/zope.conf ## Create the WSGI Zope instance (FileStorage in instance/var)

.PHONY: site
site: $(VENV)/.installed $(INSTANCE)/etc/zope.conf ## Create or update the demo commune site
	SITE_ID=$(SITE_ID) ADMIN_USER=$(ADMIN_USER) $(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/create_site.py

.PHONY: start
start: site ## Install, create the demo site and serve it on http://$(HOST):$(PORT)
	sed -i -e 's|^host = .*|host = $(HOST)|' -e 's|^port = .*|port = $(PORT)|' $(INSTANCE)/etc/zope.ini
	@echo ""
	@echo "  Commune portal: http://localhost:$(PORT)/$(SITE_ID)"
	@echo "  Log in as '$(ADMIN_USER)' with password '$(ADMIN_PASSWORD)' (demo only)."
	@echo ""
	exec $(BIN)/runwsgi $(INSTANCE)/etc/zope.ini

.PHONY: test
test: $(VENV)/.installed browser-deps cluster-deps ## Install what is missing and run the whole test suite (browser journeys and cluster included)
	AXE_CORE_JS=$(AXE_JS) $(BIN)/pytest -n $(TEST_JOBS) --no-loadscope-reorder $(PYTEST_ARGS)

.PHONY: journeys
journeys: $(VENV)/.installed browser-deps ## Run the browser journeys and accessibility checks alone (tests/journeys)
	AXE_CORE_JS=$(AXE_JS) $(BIN)/pytest tests/journeys $(PYTEST_ARGS)

# The benchmarks on a few hundred documents, once, in their own results
# folder (rebuilt every time): they measure nothing worth reading, but CI
# fails when one of them no longer runs or the ways of listing disagree.
BENCH_SMOKE_RESULTS := bench/results/smoke

.PHONY: bench-smoke
bench-smoke: $(VENV)/.installed ## Run every benchmark script on 300 documents, once (CI)
	rm -rf $(BENCH_SMOKE_RESULTS)
	BENCH_RESULTS=$(BENCH_SMOKE_RESULTS) $(BIN)/python bench/directives.py --sizes 300 \
		--reps 1 --warmup 0 --http-requests 1 --check
	BENCH_RESULTS=$(BENCH_SMOKE_RESULTS) $(BIN)/python bench/search.py --sizes 300 --reps 1
	BENCH_RESULTS=$(BENCH_SMOKE_RESULTS) $(BIN)/python bench/creation.py --documents 200 --batch 100
	BENCH_RESULTS=$(BENCH_SMOKE_RESULTS) $(BIN)/python bench/procedures.py --smoke --check
	BENCH_RESULTS=$(BENCH_SMOKE_RESULTS) $(BIN)/python bench/council.py --smoke --check
	$(BIN)/python bench/facets_scaling.py --sizes 300 --reps 1

PLAYWRIGHT ?= playwright==1.65.2
UI_LABEL ?= current

# Browser scripts: Playwright driving Debian's chromium (apt-get install
# chromium chromium-l10n); Playwright is not a dependency of the add-on.
.PHONY: playwright
playwright: $(VENV)/.installed
	$(BIN)/python -c "import playwright" 2>/dev/null || $(BIN)/python -m pip install -q "$(PLAYWRIGHT)"

# The browser journeys (tests/journeys, docs/development.md): Debian's
# chromium and its translations, espeak-ng (the server's Vietnamese voice of
# "Nghe bài viết") and lame (its MP3) installed with apt-get where missing
# and apt-get runs as root; Playwright into .venv; axe-core from npm into
# .cache/ (git-ignored). What cannot be installed is said here, and the
# tests that need it are skipped with the same reason.
BROWSER_PACKAGES := chromium chromium-l10n espeak-ng lame
AXE_CORE_VERSION := 4.14.1
AXE_DIR := .cache/axe-core-$(AXE_CORE_VERSION)
AXE_JS := $(AXE_DIR)/node_modules/axe-core/axe.min.js

.PHONY: browser-deps
browser-deps: $(VENV)/.installed ## Install what the journeys need: chromium, espeak-ng, lame, Playwright, axe-core
	@missing="$$(for package in $(BROWSER_PACKAGES); do \
		dpkg-query -W -f='$${db:Status-Status}' $$package 2>/dev/null | grep -qx installed || echo $$package; \
	done | xargs)"; \
	if [ -z "$$missing" ]; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "apt-get install $$missing"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
			|| echo "apt-get could not install $$missing: the journeys that need it are skipped"; \
	else \
		echo "Not installed: $$missing (apt-get as root installs it): the journeys that need it are skipped"; \
	fi
	@$(MAKE) --no-print-directory playwright \
		|| echo "Playwright could not be installed: the browser journeys are skipped"
	@test -f $(AXE_JS) || { command -v npm >/dev/null && npm install --prefix $(AXE_DIR) \
		--no-save --no-package-lock --no-audit --no-fund --silent axe-core@$(AXE_CORE_VERSION); } \
		|| echo "axe-core could not be installed with npm: the accessibility checks are skipped"

.PHONY: ui-coverage
ui-coverage: playwright ## Count the English strings left on the editor screens of a running site (PORT; needs chromium)
	$(BIN)/python scripts/measure_vietnamese_ui.py --base http://localhost:$(PORT)/$(SITE_ID) \
		--user $(ADMIN_USER) --password $(ADMIN_PASSWORD) --label $(UI_LABEL)

.PHONY: guide-screenshots
guide-screenshots: playwright ## Retake the pictures of docs/huong-dan-bien-tap.md on a fresh running demo site (PORT)
	$(BIN)/python scripts/guide_screenshots.py --base http://localhost:$(PORT)/$(SITE_ID)

# The province cluster (docs/deployment.md): PostgreSQL from Debian's
# packages (its binaries, run as user postgres), RelStorage, CLUSTER_PROCESSES
# Zope processes and HAProxy on 127.0.0.1:CLUSTER_PORT, everything in
# var/cluster/ (git-ignored). What cannot be installed is said here; the
# cluster tests are then skipped with the same reason.
CLUSTER_PROCESSES ?= 2
CLUSTER_PORT ?= 8080
CLUSTER_PACKAGES := postgresql haproxy
CLUSTER := CLUSTER_PROCESSES=$(CLUSTER_PROCESSES) CLUSTER_PORT=$(CLUSTER_PORT) SITE_ID=$(SITE_ID) \
	ADMIN_USER=$(ADMIN_USER) ADMIN_PASSWORD=$(ADMIN_PASSWORD) $(BIN)/python scripts/cluster/cluster.py
CSV ?= scripts/cluster/hai-phong.csv
STORAGE ?= filestorage

.PHONY: cluster-deps
cluster-deps: $(VENV)/.installed ## Install what the cluster needs: PostgreSQL, HAProxy (apt-get), RelStorage, psycopg2, ZEO (pip)
	@missing="$$(for package in $(CLUSTER_PACKAGES); do \
		dpkg-query -W -f='$${db:Status-Status}' $$package 2>/dev/null | grep -qx installed || echo $$package; \
	done | xargs)"; \
	if [ -z "$$missing" ]; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "apt-get install $$missing"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
			|| echo "apt-get could not install $$missing: the cluster tests are skipped"; \
	else \
		echo "Not installed: $$missing (apt-get as root installs it): the cluster tests are skipped"; \
	fi
	@$(BIN)/python -c "import relstorage, psycopg2, ZEO" 2>/dev/null \
		|| $(BIN)/python -m pip install -q -c constraints.txt -e ".[cluster]" \
		|| echo "RelStorage could not be installed: the cluster tests are skipped"

.PHONY: start-cluster
start-cluster: cluster-deps ## Serve the demo site from PostgreSQL, CLUSTER_PROCESSES Zope processes and HAProxy on http://localhost:$(CLUSTER_PORT)
	$(CLUSTER) start

.PHONY: stop-cluster
stop-cluster: ## Stop HAProxy, the Zope processes and PostgreSQL of the cluster
	$(CLUSTER) stop

.PHONY: status-cluster
status-cluster: ## Show what runs in the cluster, the database size and memory per process
	$(CLUSTER) status

.PHONY: start-zeo
start-zeo: cluster-deps ## The alternative: a ZEO server and CLUSTER_PROCESSES Zope processes (var/zeo-cluster)
	$(CLUSTER) start --storage zeo

.PHONY: stop-zeo
stop-zeo: ## Stop the ZEO cluster
	$(CLUSTER) stop --storage zeo

.PHONY: province
province: cluster-deps ## Create or update the commune sites of CSV in the cluster (SITES=N, DEMO=1)
	$(BIN)/zconsole run var/cluster/instance/etc/zope-script.conf scripts/province.py \
		--csv $(CSV) $(if $(SITES),--sites $(SITES)) $(if $(DEMO),--demo)

.PHONY: backup
backup: ## Back up the database: STORAGE=filestorage (make start; repozo and blobs) or relstorage (pg_dump)
	$(BIN)/python scripts/cluster/backup.py backup --storage $(STORAGE)

.PHONY: restore
restore: ## Restore the latest backup (BACKUP_DATE=… for FileStorage, BACKUP_FILE=… for RelStorage)
	$(BIN)/python scripts/cluster/backup.py restore --storage $(STORAGE) \
		$(if $(BACKUP_DATE),--date $(BACKUP_DATE)) $(if $(BACKUP_FILE),--file $(BACKUP_FILE))

.PHONY: load
load: ## Load test of the running cluster with 1, 2 and 4 processes (bench/load.py; minutes)
	$(BIN)/python bench/load.py

.PHONY: test-cluster
test-cluster: cluster-deps ## Run the cluster tests alone (tests/cluster: smoke, faults, restore drill)
	$(BIN)/pytest tests/cluster $(PYTEST_ARGS)

.PHONY: lint
lint: $(VENV)/.installed ## Check code style (ruff, zpretty)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/zpretty --check $(XML_FILES)

.PHONY: format
format: $(VENV)/.installed ## Fix code style in place
	$(BIN)/ruff check --fix $(SOURCES)
	$(BIN)/ruff format $(SOURCES)
	$(BIN)/zpretty -i $(XML_FILES)

LOCALES := src/commune_portal/locales
# Vietnamese for Plone's own domains (plone, widgets ...) is in
# src/commune_portal/locales_plone: kept by hand, never synced from a template
# (docs/translations.md), and a Zope may leave it out.

.PHONY: i18n
i18n: $(VENV)/.installed ## Rebuild the message template and sync the vi and en catalogs
	@# Compiled catalogs of Plone's domains left in locales/ by an older checkout
	@# would still be registered with the add-on's own domain.
	rm -f $(filter-out %/commune_portal.mo,$(wildcard $(LOCALES)/*/LC_MESSAGES/*.mo))
	$(BIN)/i18ndude rebuild-pot --pot $(LOCALES)/commune_portal.pot --create commune_portal src/commune_portal
	for lang in vi en; do $(BIN)/i18ndude sync --pot $(LOCALES)/commune_portal.pot $(LOCALES)/$$lang/LC_MESSAGES/commune_portal.po; done

.PHONY: constraints
constraints: $(VENV)/.installed ## Re-pin constraints.txt from the current, verified .venv
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --all | grep -v -i -E '^-e|^commune[-_]portal'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

versions.cfg: constraints.txt scripts/versions_cfg.py ## Generate buildout's versions.cfg from constraints.txt
	$(PYTHON) scripts/versions_cfg.py constraints.txt > $@

.PHONY: buildout
buildout: versions.cfg $(VENV)/.installed ## Build the same instance with zc.buildout (bin/instance)
	$(BIN)/python -m pip install -q -c constraints.txt zc.buildout plone.recipe.zope2instance
	$(BIN)/buildout -N -c buildout.cfg

.PHONY: clean
clean: ## Remove .venv, the buildout parts and compiled files (keeps instance/ data)
	rm -rf $(VENV) bin develop-eggs eggs parts .installed.cfg .mr.developer.cfg
	find src tests -name '__pycache__' -prune -exec rm -rf {} +
	find src -name '*.mo' -delete
