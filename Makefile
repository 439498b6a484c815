# The two commands of the README: `make demo` and `make test`. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
BIN := .build/release/motion
DEBUG_BIN := .build/debug/motion

.PHONY: all deps test-deps resources build debug demo test bench instructions link-order fuzz check-docx clean

all: build

deps:
	@scripts/install-deps.sh

# The templates and glossary built into the tool, regenerated when they change.
resources:
	@python3 scripts/embed-resources.py

# A release binary with the Swift runtime linked in (--static-swift-stdlib) and no dynamic
# loader at all (-static-executable): start-up is part of every command's time, and this halves it.
# libxml2's static archive needs what `pkg-config --static --libs libxml-2.0` lists (ICU, which
# is C++, and lzma) named explicitly.
#
# Every module, dependencies too, reaches generic type metadata through accessor functions, not
# mangled names: the runtime resolves a mangled name's requirements (`String: Hashable` for a
# `[String: Int]`) by scanning the whole protocol-conformance table, about 400,000 instructions a
# scan in this binary; three such scans were a quarter of `motion check`.
#
# Each function in a section of its own, and lld (the toolchain's) placing the functions that
# start-up, `check` and `diff` run side by side, and the static data they touch
# (scripts/link-order.txt, written by `make link-order`): read from disk, a binary maps its code
# a 64 KB window per page fault and its data a 4 KB page, and those paths had been spread over
# 30 MB of code and 1 MB of data.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -static-executable \
	$(foreach lib,xml2 icui18n icuuc icudata z lzma stdc++ m,-Xlinker -l$(lib)) \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld \
	-Xlinker --symbol-ordering-file=$(CURDIR)/scripts/link-order.txt -Xlinker --no-warn-symbol-ordering
export RELEASE_FLAGS

build: deps resources
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product motion 2>&1 \
		| sed '/statically linked applications requires at runtime/d; /the use of .mktemp. is dangerous/d' 
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product motion-serve 2>&1 \
		| sed '/statically linked applications requires at runtime/d; /the use of .mktemp. is dangerous/d' 
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product motion-pg 2>&1 \
		| sed '/statically linked applications requires at runtime/d; /the use of .mktemp. is dangerous/d' 

debug: deps resources
	$(SWIFT) build --build-tests

demo: build
	@scripts/demo.sh $(BIN)

# The end-to-end tests run the release binary, the one a delegate gets, and read its .docx
# files back with pandoc, python-docx and openxml-audit.
test-deps:
	@scripts/test-readers.sh

# Beside a throwaway PostgreSQL cluster, started and stopped around the run (the PostgreSQL
# store's tests fail, never skip, without it).
test: test-deps debug build
	scripts/with-postgres.sh env MOTION_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build

# LibreOffice's rendering of line numbers and tracked changes (heavy: not part of `make test`).
check-docx: build
	@scripts/check-docx.sh $(BIN)

bench: build
	@scripts/bench.sh

# Instruction counts (valgrind's callgrind) and times of start-up and of `motion diff` against
# git (issue 18): the table `make bench` includes, printed alone.
instructions: build
	@scripts/install-deps.sh valgrind
	@python3 Benchmarks/instructions.py

# Rewrites scripts/link-order.txt from runs of the current release build (see the script).
link-order: build
	@scripts/install-deps.sh valgrind linux-perf
	@scripts/link-order.sh

# libFuzzer on the motion reader and on wording parsed and applied, FUZZ_SECONDS each
# (default 600); not part of `make test`.
fuzz: deps resources
	@scripts/fuzz.sh

clean:
	rm -rf .build
