#!/usr/bin/env bash
# Run a command that prints GitHub annotations (::error file=...::...) and list
# every one of them in the job summary too: GitHub shows only ten errors and
# ten warnings per step. Exits with the command's own status.
# Usage: annotate.sh "Overskrift i sammendraget" command [argument...]
set -uo pipefail
title=$1
shift
"$@" | python3 -m sitecheck.summary --title "$title"
exit "${PIPESTATUS[0]}"
