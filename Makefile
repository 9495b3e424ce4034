# skillfit: `make demo` sets up and screens the sample documents; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= demo.duckdb

.DEFAULT_GOAL := help
.PHONY: help install system-packages lock demo test test-latest lint typecheck validate samples bench eval clean report screenshot bench-fit
# -n auto: pytest-xdist spreads the tests over every core (CI has two: the suite takes half the time).
PYTEST_ARGS ?= -q -rs -n auto
# The lock: every package and its hashes, for Python 3.10+ on any platform (uv's universal resolution).
LOCK_CMD = $(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.10 --generate-hashes \
	--quiet -o requirements.lock

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

# Locked dependencies first (hashes checked), then skillfit and the example plugin themselves, built offline
# with the locked hatchling.
$(BIN)/skillfit: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --require-hashes -r requirements.lock
	$(BIN)/pip install -qq --no-deps --no-build-isolation -e . -e examples/hobby_filter
	@touch $@

install: system-packages $(BIN)/skillfit ## Create .venv and install skillfit with the locked dependencies, dev tools, example plugin

# OCR (Tesseract with English and Dutch data) and legacy .doc (catdoc) are programs, not Python packages: apt-get
# installs those missing when this is root on Debian or Ubuntu. Anyone else skips this quietly; skillfit then reports
# scans and images as no_text_layer, and .doc files as unsupported, each with what to install.
SYSTEM_PACKAGES = tesseract-ocr tesseract-ocr-eng tesseract-ocr-nld catdoc
system-packages: ## Install Tesseract (eng, nld) and catdoc with apt-get where missing (as root; skipped otherwise)
	@command -v dpkg-query >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] || exit 0; \
	missing=$$(for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	[ -n "$$missing" ] || exit 0; \
	echo "apt-get install" $$missing; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } || \
		echo "could not install $$missing: OCR or .doc reading stays off" >&2

lock: install ## Refresh requirements.lock to the newest versions pyproject.toml allows (uv pip compile)
	$(LOCK_CMD) --upgrade

demo: install ## Screen sample_docs/cvs against sample_docs/vacancies into demo.duckdb
	rm -f $(DB)
	$(BIN)/skillfit screen sample_docs/vacancies sample_docs/cvs --db $(DB) --top 5

test: install ## Run the test suite (tests/ and the examples' own tests), with skip reasons
	$(BIN)/python -m pytest $(PYTEST_ARGS) tests examples

test-latest: ## Run the tests against the newest versions pyproject.toml allows, in .venv-latest (drift shows here first)
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install -qq --upgrade -e ".[dev]" -e examples/hobby_filter
	.venv-latest/bin/pip list --format=freeze > .venv-latest/versions.txt
	.venv-latest/bin/python -m pytest $(PYTEST_ARGS) tests examples

lint: install typecheck ## Ruff over the code, mypy over the package
	$(BIN)/ruff check pipeline tests bench examples

typecheck: install ## mypy over pipeline/ (the package ships py.typed)
	$(BIN)/mypy pipeline

validate: install ## Validate the bundled taxonomy
	$(BIN)/skillfit taxonomy validate

samples: install ## Regenerate the sample PDF/DOCX/TXT documents
	$(BIN)/python sample_docs/make_samples.py

clean: ## Remove the virtualenv, caches and demo database
	rm -rf $(VENV) .venv-latest .pytest_cache $(DB) build dist *.egg-info

bench: install ## Benchmarks: throughput, stage shares, start-up, memory, PDF, OCR, DuckDB load, fit at scale
	$(BIN)/python bench/run.py

bench-fit: install ## Ranking benchmark: skill fit vs BM25 keyword search, 473 LiveCareer resumes, EN and NL roles
	$(BIN)/python bench/fit_ranking.py

report: demo ## Write demo-report.html from the demo database (one self-contained file; open it in any browser)
	$(BIN)/skillfit report --db $(DB) -o demo-report.html
	@echo "wrote demo-report.html; for a PNG screenshot: make screenshot (needs Chromium: apt-get install chromium)"

screenshot: install ## Screenshot the demo report to demo-report.png with headless Chromium (apt-get install chromium)
	bash bench/screenshot_report.sh demo-report.png

eval: install ## Score extraction: team set, real corpus (dev, test), metadata yardsticks, public data sets
	$(BIN)/skillfit eval tests/eval --no-show-errors
	$(BIN)/python bench/yardsticks.py
	$(BIN)/python bench/eval_public.py
