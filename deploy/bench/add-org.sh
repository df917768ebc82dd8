#!/usr/bin/env bash
# Joining from a snapshot against replaying the chain (issue 29, BENCHMARKS.md "Adding an
# organisation"): on the running network, druk-bench's raw submits first add HISTORY seconds of
# registrations to the chain; then two observer organisations join, one from a snapshot of the
# auditor's peer (snapshot time + join), one replaying every block from the first (join); prints
# both and the chain's height. Each run adds two organisations to the network for good (a fresh
# 'network.sh up' drops them).
#
#   deploy/bench/add-org.sh [--history-seconds N] [--no-build]
set -euo pipefail
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(dirname "$DEPLOY_DIR")"
BUILD_DIR="$(realpath -m "${DRUK_BUILD_DIR:-$REPO_DIR/target}")"
NETWORK="$DEPLOY_DIR/network.sh"
HISTORY=60
BUILD=true
while (($#)); do
  case "$1" in
    --history-seconds) HISTORY="$2"; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
"$NETWORK" status >/dev/null || { echo "the network must be running (deploy/network.sh up)" >&2; exit 1; }
if [[ "$BUILD" == true ]]; then
  mvn -q -B -ntp -f "$REPO_DIR/pom.xml" package -DskipTests -Ddruk.build.dir="$BUILD_DIR" >/dev/null
fi
CONNECTION="$DEPLOY_DIR/.network/connection.json"
export SOFTHSM2_CONF="${SOFTHSM2_CONF:-$DEPLOY_DIR/.network/softhsm2.conf}"
# Two names no run used yet on this network (letters only): bsnapa and breplaya, then …b, …
run=a
while grep -qs "^bsnap$run " "$DEPLOY_DIR/.network/added-orgs"; do run="$(echo "$run" | tr a-y b-z)"; done

echo "History: $HISTORY s of raw submits ..."
java -jar "$BUILD_DIR/druk-bench.jar" --connection "$CONNECTION" --scenarios raw --seconds "$HISTORY" | grep "^| raw" || true

seconds_of() { sed -n "s/.*$1 in \([0-9.]*\) s.*/\1/p" <<<"$2" | head -1; }
snapshot_run="$("$NETWORK" add-org "bsnap$run")"
replay_run="$("$NETWORK" add-org "breplay$run" --join genesis)"
height="$(sed -n 's/.*peers caught up to height \([0-9]*\).*/\1/p' <<<"$replay_run")"
taken="$(seconds_of "took a snapshot at block [0-9]*" "$snapshot_run")"
joined="$(seconds_of "peers caught up to height [0-9]*" "$snapshot_run")"
replayed="$(seconds_of "peers caught up to height [0-9]*" "$replay_run")"
echo
echo "| chain height | snapshot taken | joined from it | replayed from block 0 |"
echo "|---|---|---|---|"
echo "| $height blocks | $taken s | $joined s | $replayed s |"
