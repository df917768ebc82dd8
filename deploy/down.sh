#!/usr/bin/env bash
# Stops the portal and the Fabric network started by deploy/up.sh, keeping their data.
#   down.sh --purge   also deletes the ledger and the portal's database (a fresh start)
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$(realpath -m "${DRUK_RUN_DIR:-$DEPLOY_DIR/.run}")"
source "$DEPLOY_DIR/lib/portal-process.sh"

# Whether it serves or not (hung, dying after kill -9): TERM, KILL after 10 s, wait until it is gone.
if [[ -f "$RUN/portal.pid" ]]; then
  portal_stop
  echo "Portal stopped"
fi

if [[ "${1:-}" == --purge ]]; then
  "$DEPLOY_DIR/network.sh" down
  rm -rf "$RUN"
else
  "$DEPLOY_DIR/network.sh" stop
fi
