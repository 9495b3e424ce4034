# skillfit: `make demo` sets up and screens the sample documents; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= demo.duckdb

.DEFAULT_GOAL := help
.PHONY: help install demo test lint validate samples bench eval clean report

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/skillfit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet -e examples/hobby_filter
	@touch $@

install: $(BIN)/skillfit ## Create .venv and install skillfit, its dev tools and the example plugin

demo: install ## Screen sample_docs/cvs against sample_docs/vacancies into demo.duckdb
	rm -f $(DB)
	$(BIN)/skillfit screen sample_docs/vacancies sample_docs/cvs --db $(DB) --top 5

test: install ## Run the test suite (tests/ and the examples' own tests)
	$(BIN)/python -m pytest -q tests examples

lint: install ## Ruff over the code
	$(BIN)/ruff check pipeline tests bench examples

validate: install ## Validate the bundled taxonomy
	$(BIN)/skillfit taxonomy validate

samples: install ## Regenerate the sample PDF/DOCX/TXT documents
	$(BIN)/python sample_docs/make_samples.py

clean: ## Remove the virtualenv, caches and demo database
	rm -rf $(VENV) .pytest_cache $(DB) build dist *.egg-info

bench: install ## Benchmarks: throughput, stage shares, start-up, memory, PDF, DuckDB load, fit at scale
	$(BIN)/python bench/run.py

report: demo ## Write demo-report.html from the demo database and a screenshot of it (needs chromium)
	$(BIN)/skillfit report --db $(DB) -o demo-report.html
	bash bench/screenshot_report.sh demo-report.png

eval: install ## Score extraction on tests/eval and on the public data sets in ../shared/data
	$(BIN)/skillfit eval tests/eval
	$(BIN)/python bench/eval_public.py
