#!/usr/bin/env bash
# One command: set up with the test tools and run every test (extra arguments go to pytest).
# Browser tests need Debian's chromium at /usr/bin/chromium; .ci/run installs it.
# Set TEST_DATABASE_URL=postgresql://... to run the same suite on PostgreSQL.
# Tests run in parallel, TEST_WORKERS processes (pytest-xdist; default: one per CPU, "0" runs
# them in this process); tests that share a live server stay together (xdist_group).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadgroup "$@"
