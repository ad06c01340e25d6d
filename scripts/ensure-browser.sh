#!/usr/bin/env bash
# Make sure a Chromium is there for the browser tests and `make check-site`.
# Playwright's own browser download cannot work here, so they drive the
# system's: $CHROMIUM if set, else chromium, chromium-browser or Google Chrome
# on PATH (GitHub's Ubuntu runners ship Chrome), else Debian's chromium,
# installed when running as root. In GitHub Actions the choice is written to
# $GITHUB_ENV, so later steps use the same browser. Without root and without
# a browser this only explains what to do.
set -euo pipefail

found=""
if [ -n "${CHROMIUM:-}" ]; then
  if [ ! -x "${CHROMIUM}" ]; then
    echo "CHROMIUM peker på ${CHROMIUM}, som ikke finnes eller ikke kan kjøres." >&2
    exit 1
  fi
  found="${CHROMIUM}"
else
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then
      found="$(command -v "$name")"
      break
    fi
  done
fi
if [ -z "$found" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and chromium-driver for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  found="$(command -v chromium)"
fi
if [ -z "$found" ]; then
  echo "Chromium is missing: browser tests will be skipped." >&2
  echo "Install it with: sudo apt-get install chromium chromium-driver" >&2
  exit 0
fi
if [ -n "${GITHUB_ENV:-}" ] && [ -z "${CHROMIUM:-}" ]; then
  echo "CHROMIUM=${found}" >>"${GITHUB_ENV}"
fi
echo "Chromium: ${found}"
