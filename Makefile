# Waymark — two commands set up a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
OUT ?= out

# Debian packages: what building needs, and what the tests' real consumers need.
APT_BUILD := pkg-config libxml2-dev libcmark-dev
# chromium and chromium-driver also serve the Swift browser-adapter tests (Tests/WaymarkBrowserTests), which decode
# screenshots with zlib (zlib1g-dev).
APT_TEST := gdb libxml2-utils cmark espeak-ng sox tidy ffmpeg chromium chromium-driver fonts-dejavu-core poppler-utils zlib1g-dev
# Python packages the consumer checks use (validators, caption parsers, report parsers).
# ralph-malph is the Learning Record Store the cmi5 tests send statements to (Tests/consumers/test_package_runtimes.py).
PIP_TEST := pytest jsonschema webvtt-py srt junitparser html5lib selenium 'ralph-malph[lrs,cli]' requests

.PHONY: demo demo-replay test deps-build deps-test build build-release unit-test consumer-test browser-test clean fuzz fuzz-build sanitize sanitize-address sanitize-thread

## make demo: install what is missing, build (release), build the sample guides, say where they are.
demo: deps-build build-release
	./.build/release/waymark build SampleCaptures --out $(OUT)
	@echo
	@echo "Open $(abspath $(OUT))/index.html"

## make demo-replay: replay a Chrome Recorder recording of the demo application (SampleCaptures/demo-site, served on
## 127.0.0.1) for real screenshots and labels, build guides from it, then check it against the next release and see
## the check fail on the two steps that changed. Needs Chromium and chromedriver (installed here).
APT_REPLAY := chromium chromium-driver fonts-dejavu-core
demo-replay: deps-build build-release
	@./scripts/ensure-apt $(APT_REPLAY)
	OUT=$(OUT) ./scripts/demo-replay.sh

## make test: install what tests need, then run every test (unit, golden, end-to-end, consumer checks).
test: deps-build deps-test
	$(PYTHON) scripts/embed-resources.py --check
	$(SWIFT) build --build-tests
	./scripts/swift-test-watchdog.sh 600 $(SWIFT) test --skip-build --parallel
	$(PYTHON) -m pytest -q Tests/consumers

## make browser-test: open the sample guides and dashboard in headless Chromium and check them as people see them
## (console errors, images, highlight boxes, headings, alt text, Tab order, contrast, 375/1280 px, dark, print).
## `make test` runs it too (it is part of Tests/consumers). Screenshots land in out/_screens/.
browser-test: deps-build deps-test
	$(SWIFT) build
	$(PYTHON) -m pytest -q Tests/consumers/test_browser.py

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

# ---- Benchmarks (issue 7): synthetic corpora and one table of ratios against the C tools. See BENCHMARKS.md.
BENCH_DIR ?= .build/bench
APT_BENCH := libxml2-utils cmark pandoc time jq poppler-utils chromium chromium-driver

.PHONY: bench bench-corpus

## make bench-corpus: generate the benchmark corpora (deterministic) into $(BENCH_DIR)/corpora.
bench-corpus: deps-build
	$(SWIFT) build -c release --product waymark-bench
	@for n in 1000 10000 $(if $(BENCH_LARGE),100000); do \
	  ./.build/release/waymark-bench corpus --captures $$n --steps 40 --format xml --out $(BENCH_DIR)/corpora/xml-$$n || exit 1; \
	done
	./.build/release/waymark-bench corpus --captures 1000 --steps 40 --format json --out $(BENCH_DIR)/corpora/json-1000
	./.build/release/waymark-bench corpus --captures 1000 --steps 40 --format chrome --out $(BENCH_DIR)/corpora/chrome-1000
	./.build/release/waymark-bench corpus --captures 1000 --steps 40 --format side --out $(BENCH_DIR)/corpora/side-1000
	./.build/release/waymark-bench psr --size-mb 100 --out $(BENCH_DIR)/corpora/steps-recorder-100mb.mht

## make bench: release build, then one table of ratios (BENCH_LARGE=1 adds 100,000 captures; slow).
# (`swift build` takes one --product only, so this builds every release product, waymark and waymark-bench.)
bench: deps-build build-release
	@./scripts/ensure-apt $(APT_BENCH)
	BENCH_DIR=$(BENCH_DIR) BENCH_LARGE=$(BENCH_LARGE) $(PYTHON) scripts/bench.py

## make bench-check: time `waymark check` on 10,000 generated captures against sha256sum (a benchmark, not a test).
.PHONY: bench-check
bench-check: deps-build
	./scripts/bench-check.sh 10000
