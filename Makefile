# tokensim: `make run` runs the bundled suite, `make test` runs every test.
SWIFT ?= swift
BIN = .build/release/tokensim

.PHONY: run test bench bench-compare build release reports format lint validate clean dependent-package fuzz

# Writes every run's reports to out/suite/ (git-ignored); never touches the committed Reports/.
run: release
	$(BIN) suite Scenarios --out out/suite
	@echo "make run: every run's reports in out/suite/ (out/suite/index.html); Reports/ holds the reviewed golden files"

test:
	$(SWIFT) build --build-tests 2>&1 | tee .build-test.log | grep -E "warning:|error:" && { echo "build produced warnings or errors"; exit 1; } || true
	$(SWIFT) test --skip-build
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Examples

# Measures the workloads of Scenarios/bench/ (release build), each in a process of its own.
bench: release
	$(BIN) bench Scenarios/bench/bench.json --json .build/bench.json

# The README's comparison table: the figures make bench left in .build/bench.json against
# BENCH_BASE (default: main before issue 19's work, docs/bench-main-331309b.json).
BENCH_BASE ?= docs/bench-main-331309b.json
bench-compare: release
	$(BIN) bench --figures .build/bench.json --compare $(BENCH_BASE)

build:
	$(SWIFT) build

# A longer fuzz than make test's (docs/FUZZ.md): the 10,000-scenario campaign of docs/FUZZ.md
# (about 40 minutes on two busy cores), findings and out/fuzz/fuzz.json in out/fuzz/;
# FUZZ_ARGS replaces the defaults (--runs 1000 --event-budget 50000 without --population for
# fewer, larger and longer runs).
FUZZ_ARGS ?= --runs 10000 --seed 16 --jobs 2 --population 2000 --event-budget 1000 --max-memory 256MiB --check-invariants every-event
fuzz: release
	$(BIN) fuzz $(FUZZ_ARGS) --out out/fuzz

# Dynamic exclusivity checks cost a fifth of a fleet run; the flag is passed here, not in
# Package.swift, so that TokenSimKit stays usable as a versioned dependency (make dependent-package).
RELEASE_FLAGS = -c release -Xswiftc -enforce-exclusivity=unchecked

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product tokensim

# Records the golden files: runs the suite into .build/reports-new and replaces Reports/ with
# exactly the files Reports/golden.txt lists (what `make test` compares byte for byte). Fails,
# leaving Reports/ alone, when a run does not come out as its scenario's expect section says.
reports: release
	rm -rf .build/reports-new
	$(BIN) suite Scenarios --out .build/reports-new
	find Reports -mindepth 1 ! -name golden.txt -delete
	grep -v -e '^#' -e '^ *$$' Reports/golden.txt | while read -r file; do \
	  mkdir -p "Reports/$$(dirname "$$file")" && cp ".build/reports-new/$$file" "Reports/$$file" || exit 1; \
	done
	@echo "make reports: wrote the $$(grep -cv -e '^#' -e '^ *$$' Reports/golden.txt) files of Reports/golden.txt; review them with git diff Reports/"

# Builds and runs Examples/CustomStrategy against a clone of the committed HEAD tagged 0.1.0, as
# a package that depends on TokenSimKit by version would (.ci/dependent-package says how).
dependent-package:
	SWIFT="$(SWIFT)" .ci/dependent-package

validate: release
	$(BIN) validate Scenarios/*.json

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Examples

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Examples

clean:
	rm -rf .build

# Installs the release binary as $(PREFIX)/bin/tokensim (PREFIX defaults to /usr/local; DESTDIR
# is prepended for packaging).
PREFIX ?= /usr/local
.PHONY: install
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tokensim

# Load and soak of `tokensim serve` (benchmarks, not part of `make test`): a load generator built
# from Tests/LiveClient/ServeBench drives the release server over loopback and stops by itself.
# serve-bench: 200 keep-alive connections of refresh_token grants for 20 s; serve-soak: MINUTES
# (default 10) of every fault kind with bounded traffic, checking descriptors and memory.
SWIFTC ?= swiftc
MINUTES ?= 10
.PHONY: serve-bench serve-soak
.build/serve-bench: $(wildcard Tests/LiveClient/ServeBench/*.swift)
	mkdir -p .build
	$(SWIFTC) -O $^ -o $@

serve-bench: release .build/serve-bench
	.build/serve-bench --server $(BIN) --connections 200 --seconds 20

serve-soak: release .build/serve-bench
	.build/serve-bench --soak --server $(BIN) --minutes $(MINUTES)
