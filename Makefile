# enhance-qa — the two commands: `make demo` runs the product, `make test` runs every test.
# Both set up what is missing first (idempotent: nothing is done twice).

export CARGO_BUILD_JOBS ?= 2
CARGO ?= cargo

.PHONY: demo test setup lint bench rules

setup:
	@command -v $(CARGO) >/dev/null || { echo "cargo is missing: install Rust (rustup) first" >&2; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt

# Builds the command-line checker and runs it over the bundled examples (all
# clean), then over a half-filled draft to show what a report looks like.
demo: setup
	$(CARGO) build --release --locked
	./target/release/enhance-qa check tests/examples
	@echo
	-./target/release/enhance-qa check tests/demo/course-draft.json

lint: setup
	$(CARGO) fmt --check
	$(CARGO) clippy --locked --all-targets -- -D warnings

test: setup lint
	$(CARGO) test --locked

bench: setup
	$(CARGO) bench --locked --bench check

rules:
	$(CARGO) run --quiet --locked -- rules
