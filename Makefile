# enhance-qa — the two commands: `make demo` runs the product, `make test` runs every test.
# Every target sets up what it needs first, and skips what is already there.

export CARGO_BUILD_JOBS ?= 2
CARGO ?= cargo
WASM := wasm32-unknown-unknown
# wasm-bindgen-cli must be exactly the version Cargo.lock pins.
WB_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo demo-cli test setup setup-wasm setup-node setup-browser lint test-native test-wasm pkg bench boundary rules fuzz fuzz-smoke deny

setup:
	@command -v $(CARGO) >/dev/null || { echo "cargo is missing: install Rust (rustup) first" >&2; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt

setup-wasm: setup setup-node
	@rustup target list --installed | grep -qx $(WASM) || rustup target add $(WASM)
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WB_VERSION)" ] \
	  || $(CARGO) install wasm-bindgen-cli --version $(WB_VERSION) --locked \
	  || $(CARGO) install wasm-bindgen-cli --version $(WB_VERSION)

# wasm-opt comes from npm's binaryen (Debian's older one breaks wasm-bindgen output).
setup-node:
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are missing" >&2; exit 1; }
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

# Builds the package and serves the live form on 127.0.0.1 (PORT=9000 to move it).
PORT ?= 8080
demo: pkg
	@node js/serve.mjs --port $(PORT)

# Builds the command and runs it over the bundled examples (all clean), then
# over a half-filled draft to show what a report looks like.
demo-cli: setup
	$(CARGO) build --release --locked
	./target/release/enhance-qa check tests/examples
	@echo
	@./target/release/enhance-qa check tests/demo/course-draft.json \
	  || echo "(exit status $$?: the draft has errors, as a half-filled form does)"

lint: setup
	$(CARGO) fmt --check
	$(CARGO) clippy --locked --all-targets -- -D warnings

test-native: setup
	$(CARGO) test --locked

# The npm-style package: wasm-bindgen's ES module, the optimised wasm, types, README.
pkg: setup-wasm
	$(CARGO) build --locked --lib --target $(WASM) --profile wasm-release
	rm -rf pkg
	wasm-bindgen --target web --out-dir pkg --out-name enhance_qa target/$(WASM)/wasm-release/enhance_qa.wasm
	node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
	  pkg/enhance_qa_bg.wasm -o pkg/enhance_qa_bg.wasm
	node js/build-pkg.mjs

# The JS API in Node and headless Chromium, then the packed package and parity with native.
test-wasm: pkg setup-browser test-native
	$(CARGO) clippy --locked --target $(WASM) --lib --test wasm_node --test wasm_browser -- -D warnings
	$(CARGO) clippy --locked --target $(WASM) --lib --features serde-wasm-bindgen -- -D warnings
	$(CARGO) test --locked --target $(WASM) --test wasm_node --test wasm_browser
	node --test js/test/

test: lint test-native test-wasm deny fuzz-smoke

# Every fuzz target for FUZZ_SECONDS each, one after the other on one core
# (.ci/fuzz: nightly needed, cargo-fuzz installed if missing); `make test`
# runs each for a few seconds.
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 4
fuzz: setup
	.ci/fuzz $(FUZZ_SECONDS)

fuzz-smoke: setup
	.ci/fuzz $(FUZZ_SMOKE_SECONDS)

# Licences, bans and sources of what ships, always; advisories when the
# RustSec database can be fetched (or was before, then that copy is used).
ADVISORY_DB := https://github.com/rustsec/advisory-db
deny: setup
	@command -v cargo-deny >/dev/null || $(CARGO) install cargo-deny --locked
	$(CARGO) deny --locked check licenses bans sources
	@if timeout 15 git ls-remote --exit-code $(ADVISORY_DB) HEAD >/dev/null 2>&1; then \
	  $(CARGO) deny --locked check advisories; \
	elif ls -d $$HOME/.cargo/advisory-dbs/*/crates >/dev/null 2>&1; then \
	  echo "cargo deny: the advisory database cannot be fetched; checking against the copy of" \
	    "$$(git -C "$$(dirname "$$(ls -d $$HOME/.cargo/advisory-dbs/*/crates | head -1)")" log -1 --format=%cs)"; \
	  $(CARGO) deny --offline --locked check advisories; \
	else \
	  echo "cargo deny: advisories NOT checked: the advisory database ($(ADVISORY_DB)) cannot be reached from this machine"; \
	fi

bench: setup pkg setup-browser boundary
	$(CARGO) bench --locked --bench check
	$(CARGO) bench --locked --bench growth
	$(CARGO) bench --locked --bench catalogue
	node js/bench.mjs
	node js/boundary.mjs
	node js/latency.mjs

# The package's tape beside serde-wasm-bindgen, in one build made only for
# js/boundary.mjs (feature serde-wasm-bindgen; never shipped).
boundary: setup-wasm
	$(CARGO) build --locked --lib --target $(WASM) --profile wasm-release --features serde-wasm-bindgen
	wasm-bindgen --target web --out-dir target/boundary --out-name enhance_qa target/$(WASM)/wasm-release/enhance_qa.wasm
	node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
	  target/boundary/enhance_qa_bg.wasm -o target/boundary/enhance_qa_bg.wasm

rules:
	$(CARGO) run --quiet --locked -- rules
