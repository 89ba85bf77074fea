# Ungeforløb — `make run` starts the system with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_DIR ?= /tmp/ungeforlob-pg
PG_PORT ?= 5433
PG_BIN ?= $(firstword $(wildcard /usr/lib/postgresql/*/bin))
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run install setup serve messages test test-sqlite test-postgres system-deps postgres-start postgres-stop lint bench bench-scale clean

run: setup serve

## Python virtualenv + front-end assets (idempotent: only reinstalls when the pins change)
install: .venv/.installed node_modules/.installed

.venv/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0 2>/dev/null || true
	$(PY) manage.py seed_demo

serve:
	$(PY) manage.py rundev --addr $(HOST) --port $(PORT)

## Translations: extract the Danish texts into the English catalogue (then translate what is new or fuzzy:
## `msgattrib --untranslated --only-fuzzy ungeforlob/locale/en/LC_MESSAGES/django.po`) and compile it.
messages: install
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var --ignore=artifacts --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

## Debian packages the test suite drives for real: Chromium (browser tests), poppler (PDF → PNG),
## harfbuzz-subset (WeasyPrint), gettext (translations), PostgreSQL (production database).
system-deps:
	@missing=""; \
	for p in chromium poppler-utils libharfbuzz-subset0 gettext postgresql; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: install system-deps
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0 2>/dev/null || true
	$(PY) -m pytest -n 2 --dist loadfile -p no:cacheprovider $(PYTEST_ARGS)

## The same suite on a real PostgreSQL server (a private throw-away cluster on $(PG_PORT)).
test-postgres: install system-deps postgres-start
	DATABASE_URL=postgres://app:app@127.0.0.1:$(PG_PORT)/app $(PY) -m pytest -n 2 --dist loadfile -p no:cacheprovider $(PYTEST_ARGS); \
	  status=$$?; $(MAKE) --no-print-directory postgres-stop; exit $$status

postgres-start:
	@if [ -z "$(PG_BIN)" ]; then echo "PostgreSQL server not installed"; exit 1; fi
	@$(MAKE) --no-print-directory postgres-stop >/dev/null 2>&1 || true
	rm -rf $(PG_DIR) && mkdir -p $(PG_DIR) && chown postgres $(PG_DIR)
	runuser -u postgres -- $(PG_BIN)/initdb -D $(PG_DIR)/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	runuser -u postgres -- $(PG_BIN)/pg_ctl -D $(PG_DIR)/data -l $(PG_DIR)/server.log -w \
	  -o "-p $(PG_PORT) -k $(PG_DIR) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
	psql -q -h $(PG_DIR) -p $(PG_PORT) -U postgres -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE app OWNER app"

postgres-stop:
	@if [ -d $(PG_DIR)/data ]; then runuser -u postgres -- $(PG_BIN)/pg_ctl -D $(PG_DIR)/data -m fast stop >/dev/null || true; fi

lint: install
	.venv/bin/ruff check .

bench: install
	$(PY) -m ungeforlob.messaging.bench

## The pages at national scale (issue 14) on a private PostgreSQL cluster of its own (never the test cluster):
## SCALE_YOUTH young people (default 2000) in SCALE_MUNICIPALITIES; the result is appended to docs/benchmarks.md.
## SCALE_KEEP=1 leaves the cluster running (psql -h $(SCALE_PG_DIR) -p $(SCALE_PG_PORT) -U app app) for EXPLAIN.
SCALE_YOUTH ?= 2000
SCALE_MUNICIPALITIES ?= 1
SCALE_PG_DIR ?= /tmp/ungeforlob-pg-scale
SCALE_PG_PORT ?= 5434
bench-scale: install system-deps
	$(MAKE) --no-print-directory postgres-start PG_DIR=$(SCALE_PG_DIR) PG_PORT=$(SCALE_PG_PORT)
	export DATABASE_URL=postgres://app:app@127.0.0.1:$(SCALE_PG_PORT)/app DJANGO_SETTINGS_MODULE=ungeforlob.scale.bench_settings; \
	  $(PY) manage.py migrate --noinput -v0 \
	  && $(PY) manage.py generate_scale --youth $(SCALE_YOUTH) --municipalities $(SCALE_MUNICIPALITIES) \
	  && $(PY) -m ungeforlob.scale.bench --record docs/benchmarks.md \
	       --command "make bench-scale SCALE_YOUTH=$(SCALE_YOUTH) SCALE_MUNICIPALITIES=$(SCALE_MUNICIPALITIES)"; \
	  status=$$?; \
	  if [ -z "$(SCALE_KEEP)" ]; then $(MAKE) --no-print-directory postgres-stop PG_DIR=$(SCALE_PG_DIR) PG_PORT=$(SCALE_PG_PORT); fi; \
	  exit $$status

clean:
	rm -rf .venv node_modules staticfiles var
