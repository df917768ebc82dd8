#!/usr/bin/env bash
# Hyperledger Caliper as an outside reference for druk-bench.jar's raw-submit: RegisterTitle from
# Caliper's fabric gateway binding (fabric:2.5), 2 workers, 128 transactions in flight.
#   deploy/bench/caliper.sh CONNECTION.json WORK-DIR SECONDS
# Installs @hyperledger/caliper-cli 0.6.0 into ~/.cache/druk-registry/caliper on first use. Prints,
# as its last line, "<tps> TPS (...)"; exits non-zero with the reason on stderr when it cannot.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CONNECTION="$(realpath "$1")"; WORK="$(realpath -m "$2")"; SECONDS_RUN="$3"
CACHE="${DRUK_CALIPER_DIR:-$HOME/.cache/druk-registry/caliper}"
mkdir -p "$CACHE" "$WORK"
command -v npm >/dev/null || { echo "npm is missing" >&2; exit 1; }
if [[ ! -x "$CACHE/node_modules/.bin/caliper" ]]; then
  npm install --no-audit --no-fund --prefix "$CACHE" @hyperledger/caliper-cli@0.6.0 >"$WORK/npm-install.log" 2>&1 \
    || { echo "npm install @hyperledger/caliper-cli@0.6.0 failed: $(tail -1 "$WORK/npm-install.log")" >&2; exit 1; }
fi
if [[ ! -d "$CACHE/node_modules/@hyperledger/fabric-gateway" ]]; then
  (cd "$CACHE" && node_modules/.bin/caliper bind --caliper-bind-sut fabric:2.5 --caliper-bind-cwd "$CACHE") >"$WORK/bind.log" 2>&1 \
    || { echo "caliper bind fabric:2.5 failed: $(tail -1 "$WORK/bind.log")" >&2; exit 1; }
fi
node "$BENCH_DIR/caliper/configure.js" "$CONNECTION" "$WORK" "$SECONDS_RUN" 128 "C$(openssl rand -hex 4)"
cd "$WORK"
NODE_PATH="$CACHE/node_modules" "$CACHE/node_modules/.bin/caliper" launch manager --caliper-workspace "$WORK" \
  --caliper-networkconfig network.json --caliper-benchconfig benchmark.json --caliper-flow-only-test \
  --caliper-report-path "$WORK/report.html" >"$WORK/caliper.log" 2>&1 \
  || { echo "caliper launch failed: $(grep -m1 -i error "$WORK/caliper.log" || tail -1 "$WORK/caliper.log")" >&2; exit 1; }
# The summary table: | RegisterTitle | Succ | Fail | Send Rate (TPS) | Max | Min | Avg Latency (s) | Throughput (TPS) |
row="$(grep -E '^\| RegisterTitle' "$WORK/caliper.log" | tail -1)" || { echo "no result row in $WORK/caliper.log" >&2; exit 1; }
IFS='|' read -r _ _ succ fail _ _ _ avg tps _ <<<"$row"
echo "$(echo "$tps" | xargs) TPS (Caliper 0.6.0 fabric:2.5, 2 workers, 128 in flight, $(echo "$succ" | xargs) succeeded, $(echo "$fail" | xargs) failed, avg latency $(echo "$avg" | xargs) s)"
