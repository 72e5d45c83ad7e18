#!/usr/bin/env bash
# Every test, staged the way DESIGN Decision 16 orders them, with each stage's duration.
# Installs the Debian packages the tests need when run as root; otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(prometheus prometheus-alertmanager chromium docker-compose)
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing tools for the tests; install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${APT_PACKAGES[*]}" >&2
    exit 1
  fi
fi

stage() {
  local name=$1
  shift
  local started=$SECONDS
  echo "==> ${name}"
  "$@"
  echo "==> ${name} passed in $((SECONDS - started))s"
}

stage typecheck npm run typecheck --silent
stage lint npx eslint . --max-warnings=0
stage format npx prettier --check . --log-level warn
stage unit npm run test:unit --silent
stage alerting bash scripts/check-alerting.sh
stage build npm run build --silent
# docker-compose.yml and the config it mounts, validated offline (DESIGN Decision 13).
stage compose bash scripts/check-compose.sh
stage golden npm run test:golden --silent
stage integration npm run test:integration --silent

# The Grafana app plugin is its own npm project (its React/webpack tree stays out of the
# exporter's): its own install, then the scaffold's typecheck, lint and jest, and its webpack build.
plugin_checks() (
  cd grafana-plugin
  npm ci --no-audit --no-fund --loglevel=error
  npm run typecheck --silent
  npm run lint --silent
  npm run format:check --silent
  npm run test:ci --silent
  npm run build --silent >/dev/null
)
stage plugin plugin_checks
# Real Chromium renders the panels against a real exporter and demo (built above).
stage browser npm run test:browser --silent --prefix grafana-plugin
echo "all stages passed"
