#!/usr/bin/env bash
# The PostgreSQL storage tests start a throwaway cluster of their own with Debian's PostgreSQL
# binaries (initdb, pg_ctl). Installs the 'postgresql' package when missing (needs root and apt),
# without the cluster Debian would otherwise create and start; prints nothing when it is there.
# Without it those tests are skipped, with a message saying so.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb); install Debian's 'postgresql' package." >&2
  exit 1
fi
echo "Installing PostgreSQL for the storage tests (apt-get install postgresql)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
# The tests need the binaries only: no 'main' cluster on port 5432 (as the official images do).
sed -ri 's/^#?\s*create_main_cluster\s*=.*/create_main_cluster = false/' \
  /etc/postgresql-common/createcluster.conf
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
echo "PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin/initdb | head -n 1)"
