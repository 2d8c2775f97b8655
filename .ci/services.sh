#!/usr/bin/env bash
# Services the tests need. The PostgreSQL store tests start and stop their own throwaway cluster
# (tests/pgcluster.py), so CI only has to provide the server binaries: install them when missing.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; then
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "services: installing the PostgreSQL server (apt-get install postgresql)"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    echo "services: postgresql installed but no initdb under /usr/lib/postgresql/*/bin" >&2
    exit 1
fi
