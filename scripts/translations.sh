#!/usr/bin/env bash
# Brings the Spanish catalogues up to date: extract the marked messages into a .pot, merge them
# into each language's .po (new ones come in empty, changed ones marked fuzzy), then report what
# is left to translate. Two catalogues: app/web/locale (messages: the participant's pages) and
# app/exports/locale (documents: the rationale's sentences). Nothing is compiled: the service
# compiles the .po files in memory when it first needs them (app/web/i18n.py, app/exports/i18n.py).
# Usage: scripts/translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
extract() {  # config, domain folder, domain name, inputs...
  local cfg=$1 dir=$2 domain=$3
  shift 3
  "$PYBABEL" extract -F "$cfg" -k _ -k N_ -k ngettext:1,2 --no-location --sort-output \
    --project "Backbone Select" --copyright-holder "Backbone Select" \
    -o "$dir/$domain.pot" "$@"
  for po in "$dir"/*/LC_MESSAGES/"$domain.po"; do
    local language
    language=$(basename "$(dirname "$(dirname "$po")")")
    "$PYBABEL" update --no-wrap -i "$dir/$domain.pot" -d "$dir" -D "$domain" -l "$language" \
      --ignore-obsolete
    "$PYBABEL" compile --statistics -D "$domain" -d "$dir" -o /dev/null -i "$po" -l "$language"
  done
}
extract babel.cfg app/web/locale messages app/web/i18n.py templates
extract babel-documents.cfg app/exports/locale documents app/exports templates/exports
