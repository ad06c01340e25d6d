#!/usr/bin/env bash
# The site's address for the build (SITE_URL, read by mkdocs.yml): the
# repository variable SITE_URL when set (passed in as CONFIGURED_SITE_URL),
# else the repository's GitHub Pages address. Written to $GITHUB_ENV.
set -euo pipefail
url=${CONFIGURED_SITE_URL:-}
if [ -z "$url" ]; then
  owner=${GITHUB_REPOSITORY%%/*}
  repo=${GITHUB_REPOSITORY#*/}
  # Pages addresses have the owner in lower case; a repository named
  # <owner>.github.io is served from the root.
  owner=${owner,,}
  if [ "${repo,,}" = "${owner}.github.io" ]; then
    url="https://${owner}.github.io/"
  else
    url="https://${owner}.github.io/${repo}/"
  fi
fi
case "$url" in
  http://* | https://*) ;;
  *)
    echo "::error title=Ugyldig SITE_URL::Variabelen SITE_URL («${url}») må være en hel adresse som begynner med https://. Rett den under Settings > Secrets and variables > Actions > Variables."
    exit 1
    ;;
esac
case "$url" in */) ;; *) url="${url}/" ;; esac
echo "SITE_URL=${url}" >>"$GITHUB_ENV"
echo "Nettstedets adresse: ${url}"
