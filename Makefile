# Two commands set up everything on a machine that has python3 and make:
#   make run    creates .venv, installs, serves the seed at http://127.0.0.1:8000/
#   make test   creates .venv, installs, runs the whole suite (SQLite and PostgreSQL)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench bench-tools browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/publisher run

# Debian's chromium drives the HTML page tests; installed here when missing.
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wqy; } || { \
	  echo "installing Debian's chromium and a CJK font for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	     chromium fonts-wqy-zenhei >/dev/null) \
	  || echo "could not install chromium: browser tests will fail"; }

test: $(STAMP) browser
	$(VENV)/bin/ruff check publisher tests bench
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check publisher tests bench
	$(VENV)/bin/mypy

# bench/bench_serve.py loads our server and nginx with wrk (Debian's nginx-light, wrk).
bench-tools:
	@{ command -v nginx >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1; } || { \
	  echo "installing Debian's nginx-light and wrk for the serving benchmark"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	     nginx-light wrk >/dev/null) \
	  || echo "could not install nginx-light and wrk: bench_serve.py will fail"; }

bench: $(STAMP) bench-tools
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) var feeds/*/ .pytest_cache .mypy_cache .ruff_cache
