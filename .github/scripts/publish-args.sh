#!/usr/bin/env bash
# What a manually started publication republishes, from its input (RUNDE):
# empty = every edition whose pages changed, «alle» = all of them, an edition
# id = that one. Writes args=<PUBLISH_ARGS> to $GITHUB_OUTPUT. The id is
# checked here, as it ends up on make's command line.
set -euo pipefail
choice=${RUNDE:-}
choice=${choice//[[:space:]]/}
if [ -z "$choice" ]; then
  args=""
  echo "Publiserer rapporteringsrundene med endrede sider."
elif [ "${choice,,}" = "alle" ]; then
  args="--all"
  echo "Publiserer alle rapporteringsrundene på nytt."
elif [[ "$choice" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]]; then
  args="--edition ${choice}"
  echo "Publiserer rapporteringsrunden ${choice} på nytt."
else
  shown=${choice//%/%25}
  echo "::error title=Ugyldig rapporteringsrunde::«${shown}» er ikke id-en til en rapporteringsrunde. Skriv id-en slik den står under editions i followups.yaml (for eksempel 2026-01), «alle», eller la feltet stå tomt for å publisere rundene med endrede sider."
  exit 1
fi
echo "args=${args}" >>"$GITHUB_OUTPUT"
