#!/usr/bin/env bash
# `npm start`: set up, build the extension, scan the bundled demo listings with the
# CLI (so a headless machine shows something), then open Chromium with the
# extension loaded on the demo pages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-env.sh
npx wxt build >&2
node scripts/demo.ts "$@"
