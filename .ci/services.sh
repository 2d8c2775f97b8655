#!/usr/bin/env bash
# Services the tests need, installed when missing:
# - the PostgreSQL server binaries: the store tests start and stop their own throwaway cluster
#   (tests/pgcluster.py);
# - Debian's chromium: the explorer's browser tests drive it with Playwright for Python
#   (executable_path=/usr/bin/chromium; Playwright's own browser download cannot work offline).
set -euo pipefail
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
    missing+=(postgresql)
fi
if [ ! -x /usr/bin/chromium ]; then
    missing+=(chromium)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "services: installing ${missing[*]} (apt-get install)"
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
    echo "services: postgresql installed but no initdb under /usr/lib/postgresql/*/bin" >&2
    exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "services: chromium installed but /usr/bin/chromium is missing" >&2
    exit 1
fi
