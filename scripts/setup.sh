#!/usr/bin/env bash
# Installs what the service needs into ./.venv and builds the front-end assets from npm.
# Usage: scripts/setup.sh [--test]
#   without --test: the service as a package (`pip install .`), as it runs in production;
#   --test: editable (`pip install -e`) with the test and docs tools, so tests run the checkout's code.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
started=$SECONDS
step() { printf '==> %s (%ss)\n' "$*" "$((SECONDS - started))"; }
# pip's own progress, less the long list of what is already there.
progress() { { grep --line-buffered -E '^(Collecting|Installing|Successfully)' || true; } | sed 's/^/    /'; }

step "Python environment in .venv"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip

# The front-end comes first: a package install copies static/dist into the environment.
step "Front-end libraries from npm (package-lock.json) into static/dist"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build

if [ "${1:-}" = "--test" ]; then
  step "Python packages: the service (editable), the test tools and the docs site's"
  PYTHONUNBUFFERED=1 .venv/bin/python -m pip install --progress-bar off -e '.[test,docs]' | progress
else
  step "Python packages: the service and its dependencies (first run: about a minute)"
  rm -rf build  # setuptools would package stale files left there by an earlier build
  PYTHONUNBUFFERED=1 .venv/bin/python -m pip install --progress-bar off . | progress
fi
step "Set up"
