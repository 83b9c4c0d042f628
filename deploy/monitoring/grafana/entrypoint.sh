#!/bin/sh
# Grafana of the compose profile "monitoring" refuses to start without a real admin password. The check lives
# here rather than as ${GRAFANA_ADMIN_PASSWORD:?} in docker-compose.yml: compose interpolates the whole file
# whatever the profile, so a required variable there would stop the plain start (and its `config`) too.
set -eu
password="${GF_SECURITY_ADMIN_PASSWORD:-}"
if [ "${#password}" -lt 12 ] || [ "$password" = "admin" ]; then
  echo "Grafana not started: set GRAFANA_ADMIN_PASSWORD (at least 12 characters) in the environment or .env" >&2
  exit 1
fi
exec /run.sh "$@"
