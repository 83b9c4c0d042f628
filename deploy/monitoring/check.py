#!/usr/bin/env python3
"""Checks the monitoring profile's files without Docker (run by .ci/run from the repository root).

Parses docker-compose.yml's monitoring services, the Prometheus configuration and rules, the Grafana provisioning
and the dashboard, and checks what ties them together: mounted files exist, rule and recorded-series names, the
datasource uid the dashboard uses, balanced brackets in every PromQL expression. Not a PromQL parser: when
promtool is available (PROMTOOL=path, or on the PATH), it also checks the rules and runs alerts_test.yml.
Needs PyYAML (the Python that runs Debian's docker-compose has it: compose itself needs it).
"""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

ROOT = os.getcwd()
MON = "deploy/monitoring"
errors = []


def fail(where, message):
    errors.append(f"{where}: {message}")


def load_yaml(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return yaml.safe_load(f)


def balanced(expr):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    quote = None
    for ch in expr:
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "\"'`":
            quote = ch
        elif ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack and quote is None


DURATION = re.compile(r"^(\d+(ms|s|m|h|d|w|y))+$")

# --- docker-compose.yml: the two services exist only in the profile, their mounts exist, no baked-in password
compose = load_yaml("docker-compose.yml")
services = compose.get("services", {})
for name in ("prometheus", "grafana"):
    service = services.get(name)
    if service is None:
        fail("docker-compose.yml", f"no service {name}")
        continue
    if service.get("profiles") != ["monitoring"]:
        fail("docker-compose.yml", f"{name} must have profiles: [monitoring]")
    for volume in service.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith("./") and not os.path.exists(os.path.join(ROOT, source)):
            fail("docker-compose.yml", f"{name} mounts {source}, which does not exist")
for name, service in services.items():
    if name not in ("prometheus", "grafana") and service.get("profiles"):
        fail("docker-compose.yml", f"{name} is in a profile: the plain start would no longer start it")
grafana_env = (services.get("grafana") or {}).get("environment") or {}
password = str(grafana_env.get("GF_SECURITY_ADMIN_PASSWORD", ""))
if not re.fullmatch(r"\$\{GRAFANA_ADMIN_PASSWORD(:?-)?\}", password):
    fail("docker-compose.yml", "grafana's GF_SECURITY_ADMIN_PASSWORD must be ${GRAFANA_ADMIN_PASSWORD:-} (no default)")

# --- Prometheus configuration
prom = load_yaml(f"{MON}/prometheus/prometheus.yml")
if prom.get("global", {}).get("scrape_interval") != "15s":
    fail("prometheus.yml", "global.scrape_interval must be 15s")
for rule_file in prom.get("rule_files", []):
    if not os.path.exists(os.path.join(ROOT, MON, "prometheus", os.path.basename(rule_file))):
        fail("prometheus.yml", f"rule file {rule_file} is not in {MON}/prometheus")
jobs = {}
for scrape in prom.get("scrape_configs", []):
    jobs[scrape.get("job_name")] = scrape
    if scrape.get("metrics_path") != "/actuator/prometheus":
        fail("prometheus.yml", f"job {scrape.get('job_name')}: metrics_path must be /actuator/prometheus")
    targets = [t for sc in scrape.get("static_configs", []) for t in sc.get("targets", [])]
    for target in targets:
        host = target.split(":")[0]
        if host not in services:
            fail("prometheus.yml", f"target {target} is not a compose service")
for name in ("command-service", "query-service", "realtime-service"):
    if name not in jobs:
        fail("prometheus.yml", f"no scrape job {name}")

# --- rules
rules_doc = load_yaml(f"{MON}/prometheus/alerts.yml")
alerts, records, exprs = set(), set(), []
for group in rules_doc.get("groups", []):
    if not group.get("name") or not isinstance(group.get("rules"), list):
        fail("alerts.yml", f"group {group.get('name')!r} needs a name and a list of rules")
        continue
    for rule in group["rules"]:
        kind = [k for k in ("alert", "record") if k in rule]
        if len(kind) != 1:
            fail("alerts.yml", f"rule {rule} must have exactly one of alert/record")
            continue
        name = rule[kind[0]]
        expr = rule.get("expr")
        if not isinstance(expr, str) or not expr.strip():
            fail("alerts.yml", f"{name}: no expr")
            continue
        if not balanced(expr):
            fail("alerts.yml", f"{name}: unbalanced brackets or quotes in expr")
        exprs.append((name, expr))
        for key in ("for", "keep_firing_for"):
            if key in rule and not DURATION.match(str(rule[key])):
                fail("alerts.yml", f"{name}: {key} {rule[key]!r} is not a duration")
        if kind[0] == "alert":
            if name in alerts:
                fail("alerts.yml", f"alert {name} defined twice")
            alerts.add(name)
            if rule.get("labels", {}).get("severity") not in ("critical", "warning", "info"):
                fail("alerts.yml", f"{name}: labels.severity must be critical, warning or info")
            if not rule.get("annotations", {}).get("summary"):
                fail("alerts.yml", f"{name}: annotations.summary is missing")
        else:
            if not re.fullmatch(r"[a-zA-Z_:][a-zA-Z0-9_:]*", name):
                fail("alerts.yml", f"record name {name} is not a valid metric name")
            records.add(name)
for name in ("ServiceDown", "Http5xxRate", "EventProcessorStuck", "TwitchSubscriptionRevoked"):
    if name not in alerts:
        fail("alerts.yml", f"alert {name} is missing")


def check_recorded(where, expr):
    for used in re.findall(r"\b(streamflix:[a-zA-Z0-9_:]+)", expr):
        if used not in records:
            fail(where, f"uses {used}, which no recording rule defines")


for name, expr in exprs:
    check_recorded(f"alerts.yml {name}", expr)

# --- Grafana provisioning and dashboard
datasources = load_yaml(f"{MON}/grafana/provisioning/datasources/prometheus.yml").get("datasources", [])
uids = {d.get("uid") for d in datasources}
for d in datasources:
    if d.get("type") == "prometheus" and d.get("url") != "http://prometheus:9090":
        fail("datasources/prometheus.yml", "the Prometheus datasource must point at http://prometheus:9090")
providers = load_yaml(f"{MON}/grafana/provisioning/dashboards/streamflix.yml").get("providers", [])
grafana_mounts = {v.split(":")[1]: v.split(":")[0] for v in (services.get("grafana") or {}).get("volumes", [])}
for provider in providers:
    path = provider.get("options", {}).get("path")
    if path not in grafana_mounts:
        fail("dashboards/streamflix.yml", f"provider path {path} is not mounted into grafana")

with open(os.path.join(ROOT, MON, "grafana/dashboards/streamflix.json"), encoding="utf-8") as f:
    dashboard = json.load(f)
if not dashboard.get("uid") or not dashboard.get("title"):
    fail("streamflix.json", "the dashboard needs a uid and a title")
ids = set()
for panel in dashboard.get("panels", []):
    pid = panel.get("id")
    if pid in ids:
        fail("streamflix.json", f"panel id {pid} used twice")
    ids.add(pid)
    if "gridPos" not in panel:
        fail("streamflix.json", f"panel {panel.get('title')!r} has no gridPos")
    if panel.get("type") == "row":
        continue
    if (panel.get("datasource") or {}).get("uid") not in uids:
        fail("streamflix.json", f"panel {panel.get('title')!r} uses a datasource that is not provisioned")
    if not panel.get("targets"):
        fail("streamflix.json", f"panel {panel.get('title')!r} has no query")
    for target in panel.get("targets", []):
        expr = target.get("expr", "")
        if not expr or not balanced(expr):
            fail("streamflix.json", f"panel {panel.get('title')!r}: empty or unbalanced query {expr!r}")
        check_recorded(f"streamflix.json {panel.get('title')!r}", expr)

# --- promtool, when there is one (PROMTOOL, or on the PATH): the PromQL itself and the rules' unit tests
promtool = os.environ.get("PROMTOOL") or shutil.which("promtool")
if promtool:
    for args in (["check", "rules", "alerts.yml"], ["test", "rules", "alerts_test.yml"]):
        result = subprocess.run([promtool, *args], cwd=os.path.join(ROOT, MON, "prometheus"),
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail("promtool " + " ".join(args), result.stdout + result.stderr)

if errors:
    print("monitoring files: " + str(len(errors)) + " problem(s)", file=sys.stderr)
    for error in errors:
        print("  " + error, file=sys.stderr)
    sys.exit(1)
print(f"monitoring files are valid ({len(alerts)} alerts, {len(records)} recording rules, "
      f"{len(ids)} dashboard panels{'; rules checked and unit-tested by promtool' if promtool else ''})")
