#!/usr/bin/env bash
# Builds what is needed, starts the Fabric network and the portal in the background, waits until
# the portal is ready and its ledger check passes (/health/ready), and prints its URL and the demo
# logins; if it does not get there it says why and exits non-zero. Stop it all with deploy/down.sh.
#
# The network and the portal's embedded H2 database are resumed if they exist, so records survive
# a down/up; deploy/down.sh --purge starts over. Settings: DRUK_PORT (default 8080),
# DRUK_DB_URL/DRUK_DB_USER/DRUK_DB_PASSWORD for PostgreSQL instead of the embedded H2 database,
# DRUK_BUILD_DIR (default target/), DRUK_RUN_DIR (default deploy/.run: database, logs, pid),
# DRUK_CERTIFICATE_KEYSTORE/DRUK_CERTIFICATE_KEYSTORE_PASSWORD for the certificates' signing key
# (default: a demo key made once in DRUK_RUN_DIR/data).
# Demo content: on an empty database the portal loads ~20 demo parcels with their histories through
# the real pipeline onto the ledger; `--no-demo` (or DRUK_DEMO_CONTENT=false) starts empty instead.
# `--no-build` starts the WAR already in DRUK_BUILD_DIR (the tests do, after their own build).
# DRUK_START_SECONDS (default 300): how long to wait for readiness.
# `--hosts` creates the network with each organisation on a host of its own (network.sh up --hosts);
# on such a network the portal runs on the Land Commission's host and listens on its address.
# Demo logins: an empty database gets demo users, each with a random password and a TOTP factor,
# printed once when this start seeded them and kept in DRUK_RUN_DIR/data/demo-logins.txt (0600).
# DRUK_DEMO_PASSWORD (scripts, tests) gives every demo user that password instead; only admin a factor.
set -euo pipefail
# The portal's data folder (H2 database, demo logins, uploaded files) and its logs are its user's alone.
umask 077

DEMO_CONTENT="${DRUK_DEMO_CONTENT:-true}"
BUILD=true
HOSTS=false
BIND_LEDGER="" BIND_REASON=""
usage="usage: deploy/up.sh [--no-demo] [--no-build] [--hosts] [--bind-ledger GENESIS_HASH --reason TEXT]"
while (($#)); do
  case "$1" in
    --no-demo) DEMO_CONTENT=false ;;
    --no-build) BUILD=false ;;
    --hosts) HOSTS=true ;;
    # The operator's command that moves this database to the ledger the network serves now, named by
    # its genesis block hash as the refusal gave it (deploy/README.md, "The portal's own ledger").
    --bind-ledger) BIND_LEDGER="${2:?$usage}"; shift ;;
    --reason) BIND_REASON="${2:?$usage}"; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
if [[ -n "$BIND_LEDGER" && -z "$BIND_REASON" ]]; then
  echo "--bind-ledger needs --reason: the binding is logged with who ordered it and why" >&2; exit 2
fi

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$DEPLOY_DIR")"
RUN="$(realpath -m "${DRUK_RUN_DIR:-$DEPLOY_DIR/.run}")"
PORT="${DRUK_PORT:-8080}"
BUILD_DIR="${DRUK_BUILD_DIR:-$REPO_DIR/target}"
started=$SECONDS

source "$DEPLOY_DIR/lib/portal-process.sh"
source "$DEPLOY_DIR/lib/hosts.sh"
# Where the portal listens: the loopback interface, like the network; on a network of hosts, the
# Land Commission's host (the namespace the portal runs in) at its address.
ON_HOST=()
PORTAL_ADDRESS="$(portal_address "$HOSTS")"
if [[ "$PORTAL_ADDRESS" != 127.0.0.1 ]]; then ON_HOST=(ip netns exec "$(host_namespace land)"); fi
URL="http://$PORTAL_ADDRESS:$PORT/"

# Exits 3 with the operator's choices when a readiness answer says the database belongs to another ledger.
exit_if_foreign_ledger() {
  if [[ "$1" == *'"reason":"ledger mismatch: '* ]]; then
    local reason="${1#*\"reason\":\"ledger mismatch: }"
    echo "The portal refuses this network's ledger: ${reason%%\"*}" >&2
    echo "It keeps serving pages (saying its receipts cannot be checked) and sends nothing to the ledger." >&2
    echo "Start the network this database belongs to, or, if this network is to be its ledger from now on," >&2
    echo "restart the portal bound to it: deploy/up.sh --bind-ledger <served genesis hash> --reason '<why>'" >&2
    exit 3
  fi
}

# The network as it was left: running, stopped (resumed) or never created (created).
ensure_network() {
  if "$DEPLOY_DIR/network.sh" status >/dev/null 2>&1; then
    echo "The network is running"
  elif [[ -d "$NETWORK_DIR/launch" ]]; then
    "$DEPLOY_DIR/network.sh" start
  elif [[ "$HOSTS" == true ]]; then
    "$DEPLOY_DIR/network.sh" up --hosts
  else
    "$DEPLOY_DIR/network.sh" up
  fi
}

# Ready means the whole path works: the application is deployed and it can evaluate on the ledger
# (/health/ready, see deploy/README.md). "/" answering is not enough: the portal serves pages
# before its ledger connection is known to work.
wait_until_ready() {
  local deadline=$((SECONDS + ${DRUK_START_SECONDS:-300})) readiness
  echo "Waiting until the portal is ready and its ledger check passes (${URL}health/ready) ..."
  until readiness="$(curl -s --max-time 20 "${URL}health/ready")" && [[ "$readiness" == '{"status":"UP"'* ]]; do
    # A database that belongs to another ledger will not become ready by waiting: say so now.
    exit_if_foreign_ledger "$readiness"
    if ! portal_pid >/dev/null; then
      tail -40 "$RUN/portal.log"; echo "The portal stopped while starting: see $RUN/portal.log" >&2; exit 1
    fi
    if ((SECONDS >= deadline)); then
      tail -20 "$RUN/portal.log"
      echo "The portal is not ready after ${DRUK_START_SECONDS:-300} s. Its readiness check says:" >&2
      echo "  ${readiness:-no answer}" >&2
      echo "See $RUN/portal.log and deploy/network.sh status; deploy/down.sh stops it." >&2
      exit 1
    fi
    sleep 2
  done
}

mkdir -p "$RUN/data"
# Running means serving: a pid that exists but does not answer (a JVM dying after kill -9, a hung
# one) is stopped and a fresh portal started.
if pid="$(portal_pid)"; then
  if [[ -n "$BIND_LEDGER" ]]; then
    echo "Stopping the portal to start it bound to ledger $BIND_LEDGER"
  elif portal_serves "$URL"; then
    # Running is not yet "up" (a network recreated under it, say): the same wait and answers as a start.
    echo "The portal is already running: $URL (deploy/down.sh stops it)"
    ensure_network
    wait_until_ready
    exit 0
  else
    echo "The portal process $pid does not answer on $URL: stopping it and starting a fresh one"
  fi
  portal_stop
fi

if [[ "$BUILD" == true ]]; then
  echo "Building the portal (first time takes a few minutes)..."
  mvn -q -B -ntp -f "$REPO_DIR/pom.xml" package -DskipTests -Ddruk.build.dir="$BUILD_DIR" >"$RUN/build.log" 2>&1 \
    || { tail -30 "$RUN/build.log"; echo "Build failed: see $RUN/build.log" >&2; exit 1; }
fi

ensure_network

# The key that signs every certificate (PAdES). A registry sets DRUK_CERTIFICATE_KEYSTORE (PKCS #12)
# and DRUK_CERTIFICATE_KEYSTORE_PASSWORD to its agency's key; otherwise one demo key per
# installation, kept beside the database, so certificates keep one signer across restarts.
if [[ -z "${DRUK_CERTIFICATE_KEYSTORE:-}" ]]; then
  DRUK_CERTIFICATE_KEYSTORE="$RUN/data/certificate-signing.p12"
  if [[ ! -f "$DRUK_CERTIFICATE_KEYSTORE" ]]; then
    (umask 077 && openssl rand -hex 16 > "$RUN/data/certificate-signing.password")
    keytool -genkeypair -noprompt -storetype PKCS12 -keystore "$DRUK_CERTIFICATE_KEYSTORE" \
      -storepass "$(cat "$RUN/data/certificate-signing.password")" -alias druk-certificates \
      -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 3650 -ext KeyUsage=digitalSignature,nonRepudiation \
      -dname "CN=Druk Registry demo certificate key, O=Druk Registry demo (not a government key), C=BT" >/dev/null
    chmod 600 "$DRUK_CERTIFICATE_KEYSTORE"
  fi
  DRUK_CERTIFICATE_KEYSTORE_PASSWORD="$(cat "$RUN/data/certificate-signing.password")"
fi

echo "Starting the portal on $URL ..."
# The demo users' logins (DemoStaffSeeder): on an empty database the portal gives each one its own
# random password and a TOTP factor (admin always has one) and writes them to demo-logins.txt,
# owner-readable only; a logins file newer than this mark was written by this start, and is shown once.
# DRUK_DEMO_PASSWORD, if the operator sets it (scripts, tests), gives every demo user that password
# and only admin a factor.
LOGINS="$RUN/data/demo-logins.txt"
touch "$RUN/portal.started"
# A fresh server root every start: Payara Micro records a deployed application in its root's
# domain.xml, so a kept root loads the previous start's application at boot and then --deploy
# redeploys it. That first instance started the ledger threads and gRPC and was undeployed under
# them: its threads went on with a closed class loader ("zip file closed", "This web container has
# not yet been started"), and requests were served by an instance about to go (deploy/README.md).
# Everything worth keeping lives in $RUN/data.
rm -rf "$RUN/micro-root"
# Keep the log of the previous start (the one that died is the one worth reading): portal.log.1 … .5
portal_rotate_log
# Only on $PORTAL_ADDRESS (see above). Set before boot: the same `set` after boot
# re-creates the running listener, and under load that left no listener at all ("Error adding
# HttpProbes. NetworkListener http-listeners GrizzlyProxy is NULL", nothing bound to the port).
# With it the portal's own server settings (no Server header; /metrics off after boot; the HTTP
# worker pool): docs/security.md, and deploy/README.md for the worker pool.
write_portal_preboot "$PORTAL_ADDRESS"
# If the JVM dies of memory it says so and leaves evidence in $RUN: an OutOfMemoryError ends the
# process at once (rather than leaving it half alive) after a heap dump; a JVM crash writes
# hs_err_pid<pid>.log; GC and safepoint pauses go to gc.log (5 x 10 MB), where a portal that stops
# answering without a word in portal.log shows whether it was collecting garbage.
JVM_EVIDENCE=(-XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$RUN" -XX:+ExitOnOutOfMemoryError
  "-XX:ErrorFile=$RUN/hs_err_pid%p.log" "-Xlog:gc*,safepoint:file=$RUN/gc.log:time,uptime,level,tags:filecount=5,filesize=10m")
(
  export DRUK_DATA_DIR="$RUN/data" DRUK_FABRIC_CONFIG="$NETWORK_DIR/connection.json"
  # The portal signs with keys in the network's PKCS#11 tokens; SoftHSM2 finds them through this file.
  export SOFTHSM2_CONF="${SOFTHSM2_CONF:-$NETWORK_DIR/softhsm2.conf}"
  export DRUK_DEMO_CONTENT="$DEMO_CONTENT"
  if [[ -n "${DRUK_DEMO_PASSWORD:-}" ]]; then export DRUK_DEMO_PASSWORD; else unset DRUK_DEMO_PASSWORD; fi
  export DRUK_CERTIFICATE_KEYSTORE DRUK_CERTIFICATE_KEYSTORE_PASSWORD="${DRUK_CERTIFICATE_KEYSTORE_PASSWORD:-}"
  # Links on certificates, proofs and OCDS releases name this address, never a request's Host header.
  export DRUK_PUBLIC_BASE_URL="${DRUK_PUBLIC_BASE_URL:-${URL%/}}"
  if [[ -n "$BIND_LEDGER" ]]; then
    export DRUK_LEDGER_BINDTO="$BIND_LEDGER" DRUK_LEDGER_BINDREASON="$BIND_REASON" DRUK_LEDGER_BINDBY="$(id -un)@$(hostname)"
  fi
  cd "$RUN"
  # DRUK_PORTAL_JAVA_OPTIONS (none by default) holds several options, so it is written unquoted.
  # shellcheck disable=SC2086
  setsid "${ON_HOST[@]}" java -Xms128m -Xmx768m "${JVM_EVIDENCE[@]}" ${DRUK_PORTAL_JAVA_OPTIONS:-} -jar "$BUILD_DIR/payara-micro.jar" --nohazelcast --disablephonehome --rootdir "$RUN/micro-root" --port "$PORT" \
    --contextroot / --prebootcommandfile "$RUN/preboot.asadmin" --postbootcommandfile "$DEPLOY_DIR/portal-postboot.asadmin" \
    --deploy "$BUILD_DIR/druk-registry.war" >"$RUN/portal.log" 2>&1 < /dev/null &
  echo $! > "$RUN/portal.pid"
)

wait_until_ready

if [[ -f "$LOGINS" && "$LOGINS" -nt "$RUN/portal.started" ]]; then
  staff_logins="passwords and TOTP secrets below"
  shown_logins="$(printf '\n  Demo logins, shown once; also in %s, readable only by you.\n' "$LOGINS"
    printf '  Add each totp URI to an authenticator app (or: oathtool --totp -b SECRET).\n'
    grep -v '^#' "$LOGINS" || true)"
elif [[ -f "$LOGINS" ]]; then
  staff_logins="passwords and TOTP secrets in $LOGINS"
  shown_logins=""
else
  staff_logins="no demo logins were seeded into this database (no $LOGINS)"
  shown_logins=""
fi

cat <<MSG

Druk Registry is up and its ledger check passes, in $((SECONDS - started)) s:  $URL
  Citizens: search and verify records without signing in.
  Staff sign-in (${URL}login.xhtml), demo logins: $staff_logins
    land.clerk, land.clerk2   land register clerks (Thimphu, Paro)
    procurement.clerk         procurement clerk
    notary.clerk              notary clerk
    inspector                 Royal Audit Authority inspector
    admin                     administrator (always with a TOTP second factor)
    supplier.druk, supplier.yangphel, supplier.kunleg  demo suppliers (CDB-2026-0101 to -0103)${shown_logins}
  Demo content: $(if [[ "$DEMO_CONTENT" == true ]]; then
    echo "on: an empty database gets 24 invented demo parcels (one subdivided into three, two merged), 6 tenders with sealed bids, 6 notarisations and a batch of 12, loaded onto the ledger in the background"
    echo "    (a minute or two; the home page says so). Try PIN KAW1-1108; deploy/up.sh --no-demo skips it."
  else echo "off (--no-demo / DRUK_DEMO_CONTENT=false)"; fi)
  Logs: $RUN/portal.log and $NETWORK_DIR/logs;  network: deploy/network.sh status
  Stop everything: deploy/down.sh
MSG
