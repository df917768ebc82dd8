#!/usr/bin/env bash
# Stops the portal and the Fabric network started by deploy/up.sh, keeping their data.
#   down.sh --purge   also deletes the ledger and the portal's database (a fresh start)
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$DEPLOY_DIR/.run"

if [[ -f "$RUN/portal.pid" ]]; then
  pid="$(cat "$RUN/portal.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/portal.pid"
  echo "Portal stopped"
fi

if [[ "${1:-}" == --purge ]]; then
  "$DEPLOY_DIR/network.sh" down
  rm -rf "$RUN"
else
  "$DEPLOY_DIR/network.sh" stop
fi
