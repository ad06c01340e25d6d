#!/usr/bin/env bash
# Install Debian's Chromium and ChromeDriver for the browser tests, if missing.
# Playwright's own browser download cannot work here, so the tests drive the
# system Chromium. Without root this only explains what to do.
set -euo pipefail
# CI on GitHub points CHROMIUM at the runner's preinstalled Chrome.
if [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ]; then
  exit 0
fi
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and chromium-driver for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
else
  echo "Chromium is missing: browser tests will be skipped." >&2
  echo "Install it with: sudo apt-get install chromium chromium-driver" >&2
fi
