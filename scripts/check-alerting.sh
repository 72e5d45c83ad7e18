#!/usr/bin/env bash
# Checks Omen's alerting provisioning with the real tools (Debian's prometheus and
# prometheus-alertmanager): the Prometheus config and its rules, the rules' unit tests,
# the Alertmanager config, and where Alertmanager routes each kind of Omen alert.
set -euo pipefail
cd "$(dirname "$0")/../provisioning"

promtool check config --lint=all prometheus/prometheus.yml
promtool check rules --lint=all prometheus/rules/*.yml
promtool test rules prometheus/rules/tests/*.test.yml
amtool check-config alertmanager/alertmanager.yml

# Routing: `amtool config routes test` prints the receivers an alert with these labels reaches.
route() {
  local expected=$1
  shift
  local got
  # amtool warns that --config.file overrides --alertmanager.url: expected, so filtered out.
  got=$(amtool config routes test --config.file=alertmanager/alertmanager.yml "$@" 2>&1 |
    grep -v '^Warning: --config.file')
  if [[ $got != "$expected" ]]; then
    echo "alert {$*} routes to '$got', expected '$expected'" >&2
    exit 1
  fi
  echo "routes {$*} -> $got"
}
route 'oncall-webhook,team-slack' alertname=OmenBreachImminent severity=critical kind=predicted service=checkout signal=error_ratio
route 'oncall-webhook,team-slack' alertname=OmenThresholdBreached severity=critical kind=threshold service=checkout signal=error_ratio
route team-slack alertname=OmenBreachPredicted severity=warning kind=predicted service=checkout signal=error_ratio
route omen-operators-email alertname=OmenExporterDown severity=critical kind=health job=omen
route omen-operators-email alertname=OmenSourceDown severity=warning kind=health source=demo
route team-webhook alertname=SomethingElse
