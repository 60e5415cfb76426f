# PoolPlay — the two commands a newcomer needs:
#   make play   build and start the playground
#   make test   install what the tests need (apt packages, pinned Python venvs), build, run the whole suite
# and, for a system-wide copy:
#   make install PREFIX=/usr/local   the binary (lessons inside) and bash, zsh and fish completions
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local
CONFIG ?= release

.PHONY: play test deps python build clean install install-files

deps:
	@missing=""; \
	pkg-config --exists libedit 2>/dev/null || missing="$$missing libedit-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v tmux >/dev/null || missing="$$missing tmux"; \
	python3 -c 'import venv, ensurepip' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

play: build
	@$$($(SWIFT) build --show-bin-path)/poolplay

python:
	bash scripts/setup-python.sh

# The suites run in four groups, each its own test process, so that no group starves another of the machine's
# two cores: the pure, CPU-bound suites (the pool machine's property tests, the simulator's queueing-theory runs,
# the interpreter); the engine and the mock on loopback, whose timeouts run on real time; the playground's
# sessions one at a time (a sync client's call still parks a thread of Swift's two-thread pool, so two sessions
# at once can hold up a third one's timers); then the binary in a terminal, the real SDK and the corpora.
PURE_SUITES := PoolCoreTests|SimulatorTests|PoolScriptTests|TrafficModelsTests|LessonsTests|TerminalUITests|LayoutTests
LOOPBACK_SUITES := PoolEngineTests|MockServerTests|SimulatorCrossCheckTests|LineEditingTests

test: deps python
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter '$(PURE_SUITES)'
	$(SWIFT) test --skip-build --filter '$(LOOPBACK_SUITES)'
	$(SWIFT) test --skip-build --no-parallel --filter PlaygroundTests
	$(SWIFT) test --skip-build --skip '$(PURE_SUITES)|$(LOOPBACK_SUITES)|PlaygroundTests'

install: deps
	$(SWIFT) build -c $(CONFIG) --product poolplay
	@$(MAKE) --no-print-directory install-files BIN="$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/poolplay"

# Copies a built binary (BIN) and the completion scripts it generates (swift-argument-parser) under PREFIX.
install-files:
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
		"$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BIN)" "$(DESTDIR)$(PREFIX)/bin/poolplay"
	"$(BIN)" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/poolplay"
	"$(BIN)" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_poolplay"
	"$(BIN)" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/poolplay.fish"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/poolplay and its shell completions"

clean:
	rm -rf .build
