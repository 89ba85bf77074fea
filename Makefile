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

.PHONY: run install setup serve messages test test-sqlite test-postgres system-deps postgres-start postgres-stop lint bench bench-scale clean build serve-prod backup restore backup-drill

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

## Production (README "Production"): `make build` once per release, then `make serve-prod` on every start.
## Both run in the production environment (DJANGO_DEBUG=false, DJANGO_SECRET_KEY, CPR_ENCRYPTION_KEY, DATABASE_URL …).
## Static files are collected at build (hashed names + compressed copies for WhiteNoise), never per start:
## serve-prod only collects again when a static source is newer than the manifest (or it is missing).
WEB_WORKERS ?= 2
WEB_THREADS ?= 4
STATIC_SOURCES := $(shell find ungeforlob -path '*/static/*' -type f 2>/dev/null)

.venv/.installed-prod: pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet --disable-pip-version-check -e '.[prod]'
	touch $@

staticfiles/staticfiles.json: $(STATIC_SOURCES) node_modules/.installed .venv/.installed-prod
	@test "$$DJANGO_DEBUG" = false || { echo "make build: set DJANGO_DEBUG=false and the production settings (see .env.example)"; exit 1; }
	$(PY) manage.py collectstatic --noinput --clear -v0
	@test -f $@ || { echo "collectstatic wrote no manifest: is DJANGO_DEBUG=false?"; exit 1; }

build: .venv/.installed-prod node_modules/.installed staticfiles/staticfiles.json

## The web app (gunicorn, WEB_WORKERS x WEB_THREADS on HOST:PORT) and the worker beside it; stopping one stops both.
## Migrations are not run here: `.venv/bin/python manage.py migrate` once per release, before the start.
serve-prod: build
	@test "$$DJANGO_DEBUG" = false || { echo "make serve-prod: set DJANGO_DEBUG=false and the production settings"; exit 1; }
	$(PY) manage.py check --deploy
	$(PY) manage.py worker & worker=$$!; \
	  trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; \
	  .venv/bin/gunicorn config.wsgi:application --workers $(WEB_WORKERS) --threads $(WEB_THREADS) \
	    --bind $(HOST):$(PORT) --access-logfile - --graceful-timeout 20 & web=$$!; \
	  trap 'kill -TERM $$web $$worker 2>/dev/null; wait $$web; wait $$worker' EXIT INT TERM; \
	  wait -n $$web $$worker; status=$$?; echo "serve-prod: a process exited ($$status); stopping the other"; exit $$status

## Translations: extract the Danish texts into the English catalogue (then translate what is new or fuzzy:
## `msgattrib --untranslated --only-fuzzy ungeforlob/locale/en/LC_MESSAGES/django.po`) and compile it.
messages: install
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var --ignore=artifacts --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

## Debian packages the test suite drives for real: Chromium (browser tests), poppler (PDF → PNG),
## harfbuzz-subset (WeasyPrint), gettext (translations), PostgreSQL (production database), xmlsec1 (SAML signatures).
system-deps:
	@missing=""; \
	for p in chromium poppler-utils libharfbuzz-subset0 gettext postgresql xmlsec1; do \
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

## Load and faults (issue 14): Locust, headless, on 127.0.0.1, against gunicorn on a private PostgreSQL cluster of its
## own: LOAD_SECONDS per run, LOAD_RPS offered (2x the estimated national peak, docs/benchmarks.md), once per fault in
## LOAD_FAULTS (none; restart = `pg_ctl restart -m fast` at LOAD_FAULT_AT s; stop:N = down for N s). Each run is
## appended to docs/benchmarks.md; the target fails on an error outside the outage, anything but 503 during it,
## no recovery within 30 s, or an acknowledged write missing from the database.
LOAD_YOUTH ?= 2000
LOAD_SECONDS ?= 90
LOAD_RPS ?= 100
LOAD_FAULTS ?= none restart stop:15
LOAD_FAULT_AT ?= 40
LOAD_PG_DIR ?= /tmp/ungeforlob-pg-load
LOAD_PG_PORT ?= 5437
.PHONY: load-test
load-test: install system-deps
	$(MAKE) --no-print-directory postgres-start PG_DIR=$(LOAD_PG_DIR) PG_PORT=$(LOAD_PG_PORT)
	export DATABASE_URL=postgres://app:app@127.0.0.1:$(LOAD_PG_PORT)/app DJANGO_SETTINGS_MODULE=ungeforlob.scale.bench_settings; \
	  $(PY) manage.py migrate --noinput -v0 && $(PY) manage.py generate_scale --youth $(LOAD_YOUTH); status=$$?; \
	  for fault in $(LOAD_FAULTS); do \
	    [ $$status = 0 ] || break; \
	    $(PY) -m ungeforlob.scale.loadtest --seconds $(LOAD_SECONDS) --rps $(LOAD_RPS) --fault $$fault \
	      --fault-at $(LOAD_FAULT_AT) --pg-data $(LOAD_PG_DIR)/data --pg-ctl "runuser -u postgres -- $(PG_BIN)/pg_ctl" \
	      --record docs/benchmarks.md --command "make load-test LOAD_FAULTS=$$fault LOAD_RPS=$(LOAD_RPS)" || status=1; \
	  done; \
	  $(MAKE) --no-print-directory postgres-stop PG_DIR=$(LOAD_PG_DIR) PG_PORT=$(LOAD_PG_PORT); \
	  exit $$status

## Backups (PostgreSQL, DATABASE_URL): pg_dump custom format encrypted with BACKUP_ENCRYPTION_KEY (gpg AES-256)
## into BACKUP_DIR (default var/backups), with a manifest of every table's rows and checksum. README "Operations".
backup:
	$(PY) manage.py backup

## Restores BACKUP_FILE (default: the newest backup) into the database; its content is replaced.
restore:
	$(PY) manage.py restore $(BACKUP_FILE) --yes

## Takes a backup, restores it into a fresh database and compares every table with the manifest.
backup-drill:
	$(PY) manage.py backup_drill

clean:
	rm -rf .venv node_modules staticfiles var
