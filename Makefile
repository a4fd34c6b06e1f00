# One command per chore; CI (.ci/run) calls `make test`.
PYTHON ?= python3.11
VENV   := .venv
UV     := .tools/bin/uv
UV_VERSION := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
BIN    := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/actionplan
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install system-deps lint test test-sqlite test-postgres bench demo lock clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Install exactly what the lock file says (fails if pyproject.toml and uv.lock disagree).
install: $(UV)
	$(UV) sync --frozen --python $(PYTHON) --quiet

# System packages the tests need (Chromium for the browser tests, CJK fonts, PostgreSQL up).
system-deps:
	scripts/system-deps

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test-sqlite: install
	$(BIN)/pytest

test-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest

test: system-deps lint test-sqlite test-postgres

bench: install
	$(BIN)/python -m bench

demo: install
	$(BIN)/actionplan demo --host $(HOST) --port $(PORT)

lock: $(UV)
	$(UV) lock --python $(PYTHON)

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache
