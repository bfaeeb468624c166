# Waymark — two commands set up a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
OUT ?= out

# Debian packages: what building needs, and what the tests' real consumers need.
APT_BUILD := pkg-config libxml2-dev libcmark-dev
APT_TEST := libxml2-utils cmark espeak-ng sox tidy ffmpeg
# Python packages the consumer checks use (validators, caption parsers, report parsers).
PIP_TEST := pytest jsonschema webvtt-py srt junitparser html5lib

.PHONY: demo test deps-build deps-test build build-release unit-test consumer-test clean fuzz fuzz-build sanitize sanitize-address sanitize-thread

## make demo: install what is missing, build (release), build the sample guides, say where they are.
demo: deps-build build-release
	./.build/release/waymark build SampleCaptures --out $(OUT)
	@echo
	@echo "Open $(abspath $(OUT))/index.html"

## make test: install what tests need, then run every test (unit, golden, end-to-end, consumer checks).
test: deps-build deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel
	$(PYTHON) -m pytest -q Tests/consumers

build:
	$(SWIFT) build

## make fuzz SECONDS=600: build the libFuzzer harness (.build-fuzz/) and run every target for SECONDS each.
## PARALLEL=2 runs two at a time; FUZZ_TARGETS="native-json config" picks targets. Results: FUZZING.md.
SECONDS ?= 60
PARALLEL ?= 1
fuzz-build:
	./scripts/build-fuzzers.sh

fuzz: fuzz-build
	PARALLEL=$(PARALLEL) ./scripts/run-fuzzers.sh $(SECONDS) $(FUZZ_TARGETS)

## make sanitize: the whole Swift test suite under AddressSanitizer, then ThreadSanitizer (own scratch paths,
## slow; not part of make test). The CLI tests run the sanitized binary of the same build.
sanitize: sanitize-address sanitize-thread

sanitize-address:
	$(SWIFT) build --build-tests --scratch-path .build-sanitize --sanitize=address
	WAYMARK_BINARY=$(abspath .build-sanitize/debug/waymark) ASAN_OPTIONS=detect_leaks=0 \
		$(SWIFT) test --skip-build --scratch-path .build-sanitize --sanitize=address

sanitize-thread:
	$(SWIFT) build --build-tests --scratch-path .build-sanitize-thread --sanitize=thread
	WAYMARK_BINARY=$(abspath .build-sanitize-thread/debug/waymark) \
		$(SWIFT) test --skip-build --scratch-path .build-sanitize-thread --sanitize=thread

build-release:
	$(SWIFT) build -c release

# Installs only the Debian packages that are missing (apt-get needs root, as on CI).
deps-build:
	@./scripts/ensure-apt $(APT_BUILD)

deps-test:
	@./scripts/ensure-apt $(APT_TEST)
	@./scripts/ensure-pip $(PIP_TEST)

clean:
	rm -rf .build $(OUT)

## make bench-check: time `waymark check` on 10,000 generated captures against sha256sum (a benchmark, not a test).
.PHONY: bench-check
bench-check: deps-build
	./scripts/bench-check.sh 10000
