#!/usr/bin/env bash
# `npm test`: set up what is missing, then run every check (typecheck, lint, unit,
# builds, browser end-to-end, evaluation gate). Ends with "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-env.sh
exec node scripts/check.ts "$@"
