#!/usr/bin/env bash
# One command: set up, create the SQLite database, load the demo workshop and serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
scripts/setup.sh
echo "==> Database: migrating"
.venv/bin/backbone migrate
echo "==> Demo workshop"
.venv/bin/backbone demo --host "$HOST" --port "$PORT"
echo "Serving Backbone Select on http://$HOST:$PORT  (Ctrl-C to stop)"
exec .venv/bin/backbone serve --host "$HOST" --port "$PORT"
