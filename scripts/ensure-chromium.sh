#!/usr/bin/env bash
# Browser tests drive Debian's Chromium: Playwright cannot download its own browsers here.
# Installs it when missing (needs root and apt); prints nothing when it is already there.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $CHROMIUM; install Debian's 'chromium' package (or set CHROMIUM_PATH)." >&2
  exit 1
fi
echo "Installing Chromium for the browser tests (apt-get install chromium)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "Chromium installed: $("$CHROMIUM" --version 2>/dev/null | tail -n 1)"
