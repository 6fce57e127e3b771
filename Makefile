# tokensim: `make run` runs the bundled suite, `make test` runs every test.
SWIFT ?= swift
BIN = .build/release/tokensim

.PHONY: run test bench build release reports format lint validate clean

run: release
	$(BIN) suite Scenarios --out Reports

test:
	$(SWIFT) build --build-tests 2>&1 | tee .build-test.log | grep -E "warning:|error:" && { echo "build produced warnings or errors"; exit 1; } || true
	$(SWIFT) test --skip-build
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# Measures the workloads of Scenarios/bench/ (release build), each in a process of its own.
bench: release
	$(BIN) bench Scenarios/bench/bench.json --json .build/bench.json

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product tokensim

# Regenerates Reports/ from scratch (stale directories go) and fails when a run does not come
# out as its scenario's expect section says; nothing replaces Reports/ unless the suite passed.
reports: release
	rm -rf .build/reports-new
	$(BIN) suite Scenarios --out .build/reports-new
	rm -rf Reports && mv .build/reports-new Reports

validate: release
	$(BIN) validate Scenarios/*.json

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build

# Installs the release binary as $(PREFIX)/bin/tokensim (PREFIX defaults to /usr/local; DESTDIR
# is prepended for packaging).
PREFIX ?= /usr/local
.PHONY: install
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tokensim
