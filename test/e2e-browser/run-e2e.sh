#!/usr/bin/env bash
# Runs the browser end-to-end tests: installs the toolchain (idempotent),
# compiles the TypeScript, then mocha on out/test/e2e-browser/**/*.e2e.js.
# Extra arguments go to mocha, e.g.:
#   bash test/e2e-browser/run-e2e.sh --grep smoke
#   bash test/e2e-browser/run-e2e.sh out/test/e2e-browser/smoke.e2e.js   (only that file)
# Env: E2E_SKIP_SETUP=1 / E2E_SKIP_BUILD=1 skip those steps; E2E_TIMEOUT_MS,
# E2E_KEEP_TMP=1, E2E_VERBOSE=1 are read by the harness.
# The real-extension test needs imr-letter-tools.vsix (npm run package) first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[ "${E2E_SKIP_SETUP:-0}" = 1 ] || bash scripts/e2e-setup.sh
[ "${E2E_SKIP_BUILD:-0}" = 1 ] || npx tsc -b
if [ "$#" -gt 0 ] && [ -e "$1" ]; then
  # Explicit spec files: mocha would add them to the config's spec glob, so
  # pass the config's other options by hand instead.
  exec npx mocha --no-config --timeout 180000 --slow 60000 --exit --reporter spec "$@"
fi
exec npx mocha --config test/e2e-browser/.mocharc.e2e.json "$@"
