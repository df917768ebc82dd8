#!/usr/bin/env bash
# The benchmark (BENCHMARKS.md): builds the portal and druk-bench.jar, makes sure the Fabric
# network runs, starts a portal of its own (fresh H2 database, no demo content, an OCDS prefix of
# its own) on port 18442, runs the scenarios of druk-bench.jar against it and the network side by
# side, prints one table and writes it to <build dir>/bench/bench-<time>.md, then stops the portal
# (and wrk, the bench and Caliper) it started, whatever happens.
#
#   deploy/bench.sh [--quick] [--seconds N] [--count N] [--no-build] [--use-running-network]
#                   [--port P] [--caliper] [--postgres] [-- druk-bench options...]
#   deploy/bench.sh --sealed-opening [--no-build] [-- --bids N --kib N --warmup N]
#   deploy/bench.sh --land-geometry [--no-build] [-- --parcels N --queries N --map-parcels N --rounds N]
#
# --quick              short runs: raw 6 s, each read 4 s, 40 registrations, 320 notary documents
# --seconds N          how long the raw submits and each wrk run last (default 20 s raw, 15 s each read)
# --count N            portal registrations (default 100) ; notary documents are 8 x N
# --no-build           use the WAR, Payara Micro and druk-bench.jar already in the build dir
# --use-running-network  never start the network: fail unless deploy/network.sh status says it runs
# -- --scenarios soak --soak-seconds 600   the 10-minute soak: rounds of --count registrations and
#                      --read-seconds of record pages; RSS and heap after a full GC after each round
# -- --scenarios faults [--faults chaincode,portal]   kill -9 each process in turn under a registration
#                      load and restart it; every acknowledged registration committed exactly once?
#                      (BENCHMARKS.md "Faults under load"; it kills and restarts this portal too;
#                      fault "upgrade" runs network.sh upgrade-chaincode under the load instead)
# --postgres           the portal on a throwaway PostgreSQL of its own (port DRUK_BENCH_PG_PORT, default
#                      25448) instead of H2; the faults scenario then also kills the database (fault "database")
# --caliper            also run Hyperledger Caliper (npm @hyperledger/caliper-cli, installed into
#                      ~/.cache/druk-registry/caliper) against the network as an outside reference
# --sealed-opening     only the portal's own opening of sealed bids (SealedBids.openAll, issue 25):
#                      1,000 bids of 1 MiB in an envelope store under the run's folder (~1.4 GB while
#                      it runs), a fake ledger; no network, no portal, no wrk. Runs the test classes
#                      (src/test/java) with their class path, which the build writes next to them
# --land-geometry      only issue 30's geometry goals in one process (LandGeometryBench): the overlap
#                      check against 100,000 live parcels and the map's GeoJSON for 10,000; the portal's
#                      own code over the unit tests' in-memory projection (no database, no HTTP, no network)
# Settings: DRUK_BUILD_DIR (default target/), DRUK_BENCH_PORT (default 18442), DRUK_NETWORK_SCRIPT (the
# network.sh of the running network, default the one next to this script); DRUK_* settings in
# the environment reach the portal as they are (e.g. DRUK_RATELIMIT_PERSECOND); DRUK_PORTAL_JAVA_OPTIONS
# adds options to the portal's JVM, as it does to deploy/up.sh's (e.g. -XX:StartFlightRecording=filename=/tmp/portal.jfr).
# DRUK_HTTP_THREADS sizes its HTTP worker pool as it does deploy/up.sh's (default four per core).
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$DEPLOY_DIR/lib/portal-process.sh"
source "$DEPLOY_DIR/lib/hosts.sh"
REPO_DIR="$(dirname "$DEPLOY_DIR")"
BUILD_DIR="$(realpath -m "${DRUK_BUILD_DIR:-$REPO_DIR/target}")"
NETWORK="${DRUK_NETWORK_SCRIPT:-$DEPLOY_DIR/network.sh}"
PORT="${DRUK_BENCH_PORT:-18442}"
BUILD=true
USE_RUNNING=false
CALIPER=false
POSTGRES=false
SEALED_OPENING=false
LAND_GEOMETRY=false
SECONDS_RAW=20
SECONDS_READ=15
COUNT=100
EXTRA=()
while (($#)); do
  case "$1" in
    --quick) SECONDS_RAW=6; SECONDS_READ=4; COUNT=40 ;;
    --seconds) SECONDS_RAW="$2"; SECONDS_READ="$2"; shift ;;
    --count) COUNT="$2"; shift ;;
    --no-build) BUILD=false ;;
    --use-running-network) USE_RUNNING=true ;;
    --port) PORT="$2"; shift ;;
    --caliper) CALIPER=true ;;
    --postgres) POSTGRES=true ;;
    --sealed-opening) SEALED_OPENING=true ;;
    --land-geometry) LAND_GEOMETRY=true ;;
    --) shift; EXTRA=("$@"); break ;;
    *) sed -n '8,34p' "$0" >&2; exit 2 ;;
  esac
  shift
done

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RUN="$BUILD_DIR/bench/run-$STAMP"
OUT="$BUILD_DIR/bench/bench-$STAMP.md"
mkdir -p "$RUN/data"

PORTAL_PID=""
PG_DIR=""
# A pid counts only while it is this run's Payara Micro (after the faults scenario's kill -9 it may be another's).
stop_portal() {
  local pid="$1"
  [[ -n "$pid" ]] && grep -qs "$RUN/micro-root" "/proc/$pid/cmdline" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  stop_portal "$PORTAL_PID"
  # the portal the faults scenario started again (portal-start.sh writes its pid)
  stop_portal "$(cat "$RUN/portal.pid" 2>/dev/null)"
  # wrk, the bench's JVM and Caliper are children of this script
  pkill -TERM -P $$ 2>/dev/null || true
  [[ -z "$PG_DIR" ]] || "$DEPLOY_DIR/lib/throwaway-postgres.sh" stop "$PG_DIR" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "$SEALED_OPENING" == true || "$LAND_GEOMETRY" == true ]]; then
  # These benchmarks are test classes (they wire the portal's code over the unit tests' fakes), run
  # like druk-bench.jar but on the test class path: test-classes, classes and every dependency.
  CLASSPATH_FILE="$BUILD_DIR/bench/test-classes.classpath"
  if [[ "$BUILD" == true ]]; then
    echo "Building the test classes ..."
    mvn -q -B -ntp -f "$REPO_DIR/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$CLASSPATH_FILE" -Ddruk.build.dir="$BUILD_DIR" >"$RUN/build.log" 2>&1 \
      || { tail -30 "$RUN/build.log"; echo "Build failed: see $RUN/build.log" >&2; exit 1; }
  fi
  [[ -f "$CLASSPATH_FILE" && -d "$BUILD_DIR/test-classes" ]] \
    || { echo "$CLASSPATH_FILE or $BUILD_DIR/test-classes is missing (run without --no-build)" >&2; exit 1; }
  echo "Load before: $(uptime)"
  status=0
  if [[ "$SEALED_OPENING" == true ]]; then
    java -Xmx1g -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")" \
      bt.druk.registry.application.procurement.SealedBidsOpeningBench --dir "$RUN/envelopes" --out "$OUT" "${EXTRA[@]}" &
  else
    java -Xmx1g -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")" \
      bt.druk.registry.interfaces.rest.LandGeometryBench --out "$OUT" "${EXTRA[@]}" &
  fi
  wait $! || status=$?
  rm -rf "$RUN/envelopes"
  exit "$status"
fi

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

if [[ "$BUILD" == true ]]; then
  echo "Building the portal and druk-bench.jar ..."
  mvn -q -B -ntp -f "$REPO_DIR/pom.xml" package -DskipTests -Ddruk.build.dir="$BUILD_DIR" >"$RUN/build.log" 2>&1 \
    || { tail -30 "$RUN/build.log"; echo "Build failed: see $RUN/build.log" >&2; exit 1; }
  # Payara Micro is copied in process-test-classes, which package -DskipTests still runs
fi
for f in druk-registry.war payara-micro.jar druk-bench.jar; do
  [[ -f "$BUILD_DIR/$f" ]] || { echo "$BUILD_DIR/$f is missing (run without --no-build)" >&2; exit 1; }
done

# The network's folder: DRUK_NETWORK_DIR, as network.sh reads it, or the one beside that script.
NETWORK_DIR="${DRUK_NETWORK_DIR:-$(dirname "$NETWORK")/.network}"
if "$NETWORK" status >/dev/null 2>&1; then
  echo "The network is running"
elif [[ "$USE_RUNNING" == true ]]; then
  echo "The network is not running (deploy/network.sh status) and --use-running-network was given" >&2; exit 1
elif [[ -d "$NETWORK_DIR/launch" ]]; then
  "$NETWORK" start
else
  "$NETWORK" up
fi
CONNECTION="$NETWORK_DIR/connection.json"
# On a network of hosts (network.sh up --hosts) the portal and the load driver run on the Land
# Commission's host, as deploy/up.sh's portal does: over a WAN (network.sh wan on) their links to the
# other organisations carry its delay.
ADDRESS="$(portal_address)"
ON_LAND=()
if [[ "$ADDRESS" != 127.0.0.1 ]]; then
  ON_LAND=(ip netns exec "$(host_namespace land)")
  [[ "$POSTGRES" == false ]] || { echo "--postgres runs on the machine's loopback, which the Land host cannot reach" >&2; exit 2; }
fi
# The portal and the load driver sign with keys in the network's PKCS#11 tokens (SoftHSM2 reads this).
export SOFTHSM2_CONF="${SOFTHSM2_CONF:-$NETWORK_DIR/softhsm2.conf}"

# Caliper first, while nothing else runs: its figure is an outside reference for raw-submit.
CALIPER_TEXT="not available (not run: deploy/bench.sh --caliper runs it)"
if [[ "$CALIPER" == true ]]; then
  CALIPER_TEXT="$("$DEPLOY_DIR/bench/caliper.sh" "$CONNECTION" "$RUN/caliper" "$SECONDS_RAW" 2>"$RUN/caliper.err" | tail -1)" \
    || CALIPER_TEXT="not available ($(tail -1 "$RUN/caliper.err"))"
fi

PASSWORD="Bench-$(openssl rand -hex 8)"
DATABASE_SETTINGS=""
DATABASE_OPTIONS=()
if [[ "$POSTGRES" == true ]]; then
  PG_PORT="${DRUK_BENCH_PG_PORT:-25448}"
  # not under the build dir: as root the server runs as the postgres user, who may not enter it
  PG_DIR="${TMPDIR:-/tmp}/druk-bench-pg-$STAMP"
  "$DEPLOY_DIR/lib/throwaway-postgres.sh" start "$PG_DIR" "$PG_PORT"
  DATABASE_SETTINGS="export DRUK_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/druk DRUK_DB_USER=druk DRUK_DB_PASSWORD=druk"
  # what the faults scenario's "database" fault runs: database.sh kill | database.sh start
  cat > "$RUN/database.sh" <<SCRIPT
#!/usr/bin/env bash
case "\$1" in
  kill) exec $(printf %q "$DEPLOY_DIR/lib/throwaway-postgres.sh") kill $(printf %q "$PG_DIR") ;;
  start) exec $(printf %q "$DEPLOY_DIR/lib/throwaway-postgres.sh") start-again $(printf %q "$PG_DIR") $PG_PORT ;;
  *) echo "usage: \$0 kill|start" >&2; exit 2 ;;
esac
SCRIPT
  chmod 700 "$RUN/database.sh"
  DATABASE_OPTIONS=(--database-control "$RUN/database.sh")
fi
echo "Starting a portal of the benchmark's own on port $PORT (log: $RUN/portal.log) ..."
# The same server settings as deploy/up.sh's portal, so that the bench measures what is deployed.
write_portal_preboot "$ADDRESS"
# The portal's start command as a script: the faults scenario starts the portal again with it after
# a kill -9, on the same data directory, password and OCDS prefix. It holds the password: ours only.
# The ledger outlives this portal's fresh database: an OCDS prefix of its own keeps its OCIDs apart.
# wrk reads from one address: the per-address limit on verify by hash would measure only itself.
# DRUK_PORTAL_JAVA_OPTIONS holds several options, so it is written unquoted.
(
  umask 077
  cat > "$RUN/portal-start.sh" <<SCRIPT
#!/usr/bin/env bash
echo \$\$ > $(printf %q "$RUN/portal.pid")
export DRUK_DATA_DIR=$(printf %q "$RUN/data") DRUK_FABRIC_CONFIG=$(printf %q "$CONNECTION") DRUK_DEMO_PASSWORD=$(printf %q "$PASSWORD") DRUK_DEMO_CONTENT=false
export SOFTHSM2_CONF=$(printf %q "$SOFTHSM2_CONF")
export DRUK_OCDS_PREFIX=ocds-$(openssl rand -hex 3)
$DATABASE_SETTINGS
export DRUK_RATELIMIT_PERSECOND=$(printf %q "${DRUK_RATELIMIT_PERSECOND:-1000000}") DRUK_RATELIMIT_BURST=$(printf %q "${DRUK_RATELIMIT_BURST:-1000000}")
cd $(printf %q "$RUN")
# a fresh server root: Payara Micro would deploy the WAR recorded in the old one as well (deploy/README.md)
rm -rf $(printf %q "$RUN/micro-root")
exec ${ON_LAND[*]} java -Xms128m -Xmx768m -XX:+ExitOnOutOfMemoryError ${DRUK_PORTAL_JAVA_OPTIONS:-} -jar $(printf %q "$BUILD_DIR/payara-micro.jar") --nohazelcast --disablephonehome \\
  --rootdir $(printf %q "$RUN/micro-root") --port $PORT --contextroot / --prebootcommandfile $(printf %q "$RUN/preboot.asadmin") \\
  --deploy $(printf %q "$BUILD_DIR/druk-registry.war") >>$(printf %q "$RUN/portal.log") 2>&1 </dev/null
SCRIPT
  chmod 700 "$RUN/portal-start.sh"
)
"$RUN/portal-start.sh" &
PORTAL_PID=$!
URL="http://$ADDRESS:$PORT"
deadline=$((SECONDS + ${DRUK_START_SECONDS:-300}))
until [[ "$(curl -s --max-time 20 "$URL/health/ready" || true)" == '{"status":"UP"'* ]]; do
  kill -0 "$PORTAL_PID" 2>/dev/null || { tail -40 "$RUN/portal.log"; echo "The portal stopped while starting" >&2; exit 1; }
  ((SECONDS < deadline)) || { tail -20 "$RUN/portal.log"; echo "The portal is not ready after ${DRUK_START_SECONDS:-300} s" >&2; exit 1; }
  sleep 2
done
echo "The portal is ready (pid $PORTAL_PID); running the scenarios ..."

"${ON_LAND[@]}" java -jar "$BUILD_DIR/druk-bench.jar" --connection "$CONNECTION" --portal "$URL" --password "$PASSWORD" \
  --portal-pid "$PORTAL_PID" --seconds "$SECONDS_RAW" --read-seconds "$SECONDS_READ" --count "$COUNT" \
  --notary-count "$((COUNT * 8))" --out "$OUT" --caliper "$CALIPER_TEXT" \
  --network-script "$NETWORK" --portal-restart "$RUN/portal-start.sh" "${DATABASE_OPTIONS[@]}" "${EXTRA[@]}" &
status=0
wait $! || status=$?
echo "Table written to $OUT"
exit "$status"
