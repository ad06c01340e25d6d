#!/usr/bin/env bash
# Bring the published branch (gh-pages) in from origin, so publishing builds on
# what readers see. The branch is absent before the first publication.
set -euo pipefail
if git ls-remote --exit-code --heads origin gh-pages >/dev/null; then
  git fetch --no-tags origin gh-pages:gh-pages
else
  echo "origin har ingen gh-pages ennå: dette blir første publisering."
fi
