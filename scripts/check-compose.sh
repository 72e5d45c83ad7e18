#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (DESIGN Decision 13): the file's
# schema with Debian's docker-compose, every bind-mounted path it names, and the Omen
# config it mounts (with the example tokens of .env.example).
set -euo pipefail
cd "$(dirname "$0")/.."

docker-compose --env-file .env.example -f docker-compose.yml config -q
echo "docker-compose.yml: valid"

if docker-compose -f docker-compose.yml config -q 2>/dev/null; then
  echo "docker-compose.yml must refuse to start without the tokens of .env" >&2
  exit 1
fi

# Bind mounts name paths relative to the repository; the plugin's dist/ is built, not committed.
missing=0
while read -r path; do
  [[ $path == ./grafana-plugin/dist ]] && continue
  if [[ ! -e $path ]]; then
    echo "docker-compose.yml mounts $path, which does not exist" >&2
    missing=1
  fi
done < <(grep -oE "^\s+- '?\./[^:']+" docker-compose.yml | sed -E "s/^\s+- '?//")
((missing == 0)) || exit 1
echo "docker-compose.yml: every mounted path exists"

set -a
# shellcheck source=/dev/null
source .env.example
set +a
node exporter/bin/omen.js check-config config/compose.yaml
