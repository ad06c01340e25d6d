#!/usr/bin/env bash
# Does the pull request change code, or only the data the secretariat edits
# (followups.yaml, ipo_areas.yaml, privacy_exceptions.yaml, content/)?
# Writes code=true or code=false to $GITHUB_OUTPUT; the test job runs only on
# true. When the base cannot be compared, it says true: better a test run
# too many than a code change that skips the tests.
# Usage: changed-code.sh BASE [HEAD]
set -euo pipefail
base=$1
head=${2:-HEAD}
list=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/changed.XXXXXX")
trap 'rm -f "$list"' EXIT

code=false
# -z: names with æ, ø or å come unquoted; --no-renames: a file moved out of
# content/ shows as removed there and added elsewhere.
if ! git diff -z --no-renames --name-only "$base" "$head" -- >"$list"; then
  echo "Fant ikke ${base} å sammenligne med; kjører testene for sikkerhets skyld."
  code=true
fi
changed=0
while IFS= read -r -d '' file; do
  changed=$((changed + 1))
  case "$file" in
    followups.yaml | ipo_areas.yaml | privacy_exceptions.yaml | content/*) ;;
    *)
      echo "Kode endret: $file"
      code=true
      ;;
  esac
done <"$list"
if [ "$code" = false ]; then
  echo "Bare data er endret (${changed} filer): testene av koden hoppes over."
fi
echo "code=${code}" >>"${GITHUB_OUTPUT:-/dev/stdout}"
