#!/usr/bin/env bash
# The fan-out tests (several servers sharing boards) start a throwaway Redis of their own with
# Debian's redis-server. Installs the 'redis-server' package when missing (needs root and apt);
# Debian's service is not started (there is no systemd here, and the tests do not need it).
# Prints nothing when it is there. Without it those tests are skipped, with a message saying so.
set -euo pipefail
if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Redis is missing (no redis-server); install Debian's 'redis-server' package." >&2
  exit 1
fi
echo "Installing Redis for the fan-out tests (apt-get install redis-server)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends redis-server >/dev/null
echo "Redis installed: $(command -v redis-server)"
