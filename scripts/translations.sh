#!/usr/bin/env bash
# Brings the Spanish catalogue up to date with the templates: extract the marked messages into
# app/web/locale/messages.pot, merge them into each language's messages.po (new ones come in empty,
# changed ones marked fuzzy), then report what is left to translate. Nothing is compiled: the
# service compiles the .po files in memory when it starts (app/web/i18n.py).
# Usage: scripts/translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
"$PYBABEL" extract -F babel.cfg -k N_ --no-location --sort-output \
  --project "Backbone Select" --copyright-holder "Backbone Select" \
  -o app/web/locale/messages.pot app/web/i18n.py templates
for po in app/web/locale/*/LC_MESSAGES/messages.po; do
  "$PYBABEL" update --no-wrap -i app/web/locale/messages.pot -d app/web/locale -l "$(basename "$(dirname "$(dirname "$po")")")" --ignore-obsolete
done
"$PYBABEL" compile --statistics -d app/web/locale -o /dev/null -i app/web/locale/es/LC_MESSAGES/messages.po -l es
