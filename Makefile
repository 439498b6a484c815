# The two commands of the README: `make demo` and `make test`. Both install what is missing.
SWIFT ?= swift
BIN := .build/release/motion
DEBUG_BIN := .build/debug/motion

.PHONY: all deps resources build debug demo test bench clean

all: build

deps:
	@scripts/install-deps.sh

# The templates and glossary built into the tool, regenerated when they change.
resources:
	@python3 scripts/embed-resources.py

# A release binary with the Swift runtime linked in: it starts about twice as fast.
build: deps resources
	$(SWIFT) build -c release --static-swift-stdlib --product motion

debug: deps resources
	$(SWIFT) build --build-tests

demo: build
	@scripts/demo.sh $(BIN)

test: debug
	$(SWIFT) test --skip-build

bench: build
	@scripts/bench.sh

clean:
	rm -rf .build
