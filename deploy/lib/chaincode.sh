# shellcheck shell=bash
# Chaincode as an external service: the jar, each organisation's package and service, the
# lifecycle (install, approve, commit), and waiting until it answers on every peer.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

CHAINCODE_JAR="$REPO_DIR/chaincode/target/registry-chaincode.jar"

build_chaincode_jar() {
  local newest
  newest="$(find "$REPO_DIR/chaincode/src" "$REPO_DIR/chaincode/pom.xml" -newer "$CHAINCODE_JAR" -print -quit 2>/dev/null || true)"
  if [[ ! -f "$CHAINCODE_JAR" || -n "$newest" ]]; then
    log "Building chaincode jar"
    mvn -q -B -f "$REPO_DIR/chaincode/pom.xml" package -DskipTests >>"$LOGS/chaincode-build.log" 2>&1 \
      || die "chaincode build failed: see $LOGS/chaincode-build.log"
  fi
}

# A sequence's services listen on one port of a pair (odd sequences on CHAINCODE_PORT, even ones one
# above) and run their own copy of the jar: during an upgrade the new services start beside the
# running ones, and the peers move to them when the new definition commits.
chaincode_port() { echo $((CHAINCODE_PORT[$1] + ($2 + 1) % 2)); }
chaincode_jar() { echo "$NET/chaincode/jar-$1/registry-chaincode.jar"; }

# The chaincode service of ORG: its own JVM, serving only that organisation's peer over mutual TLS
# (a server certificate from the organisation's CA; it requires a client certificate from that CA).
# Its floors, from this script's environment when it (re)deploys the chaincode: the land notice
# period keeps the production week unless set; the minimum bid period is 0 unless set, because the
# demo and the integration tests publish tenders whose deadlines are seconds to minutes away (the
# chaincode's own default, where nothing sets it, is a week). An upgrade keeps the floors the
# running services have unless the environment sets them. DRUK_CHAINCODE_JAVA_OPTIONS adds JVM options
# (the test build's -XX:TieredStopAtLevel=1: a service that lives minutes starts on a third less CPU).
# write_chaincode_launch ORG PACKAGE_ID SEQUENCE [PROCESS_NAME]
write_chaincode_launch() {
  local org="$1" package_id="$2" sequence="$3" name="${4:-chaincode-$1}" tls
  tls="$(org_dir "$org")/nodes/chaincode.$org/tls"
  write_launch "$name" \
    "export CHAINCODE_SERVER_ADDRESS=$(org_host "$org"):$(chaincode_port "$org" "$sequence") CORE_CHAINCODE_ID_NAME='$package_id'" \
    "export DRUK_CHAINCODE_TLS_CERT_FILE='$tls/signcerts/cert.pem' DRUK_CHAINCODE_TLS_KEY_FILE='$tls/keystore/key.pem'" \
    "export DRUK_CHAINCODE_TLS_CLIENT_CA_FILE='$(org_dir "$org")/msp/tlscacerts/ca.pem'" \
    "export DRUK_CHAINCODE_MAX_CLOCK_SKEW_SECONDS='$(chaincode_floor "$org" DRUK_CHAINCODE_MAX_CLOCK_SKEW_SECONDS 30)'" \
    "export DRUK_CHAINCODE_MIN_NOTICE_SECONDS='$(chaincode_floor "$org" DRUK_CHAINCODE_MIN_NOTICE_SECONDS 604800)'" \
    "export DRUK_CHAINCODE_MIN_BID_PERIOD_SECONDS='$(chaincode_floor "$org" DRUK_CHAINCODE_MIN_BID_PERIOD_SECONDS 0)'" \
    "exec java -Xms16m -Xmx96m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 ${DRUK_CHAINCODE_JAVA_OPTIONS:-} -jar '$(chaincode_jar "$sequence")'"
}

# chaincode_floor ORG NAME DEFAULT: the setting from this script's environment, else as ORG's running
# service was launched with, else DEFAULT.
chaincode_floor() {
  local org="$1" name="$2" default="$3" launched
  if [[ -n "${!name:-}" ]]; then echo "${!name}"; return; fi
  launched="$(grep -o "$name='[^']*'" "$NET/launch/chaincode-$org.sh" 2>/dev/null | head -1 | cut -d"'" -f2)"
  echo "${launched:-$default}"
}

# Installs a package on ORG's peer I; one installed already (an upgrade tried again) is no error.
install_package() {
  local org="$1" i="$2" package="$3" answer
  answer="$(as_org_admin_on "$org" "$i" "$FABRIC_BIN/peer" lifecycle chaincode install "$package" 2>&1)" \
    || [[ "$answer" == *"already successfully installed"* ]] || { printf '%s\n' "$answer" >>"$LOGS/lifecycle.log"; return 1; }
  printf '%s\n' "$answer" >>"$LOGS/lifecycle.log"
}

# A JSON string holding a PEM file's text.
pem_json() { awk 'BEGIN { printf "\"" } { printf "%s\\n", $0 } END { printf "\"" }' "$1"; }

# ORG's own package: where its chaincode service listens, the organisation's CA to check the service's
# certificate, and the TLS key pair its peers present to the service (chaincode-client.<org>, from
# the organisation's CA). Each organisation installs (on each of its peers) and approves only its
# own package, so its peers execute the contract in a process of their own organisation.
write_chaincode_package() {
  local org="$1" sequence="$2" work="$NET/chaincode/package-$2-$1" peer_tls
  peer_tls="$(org_dir "$org")/nodes/chaincode-client.$org/tls"
  rm -rf "$work"; mkdir -p "$work/code"
  {
    printf '{"address":"%s:%s","dial_timeout":"10s","tls_required":true,"client_auth_required":true,' "$(org_host "$org")" "$(chaincode_port "$org" "$sequence")"
    printf '"root_cert":%s,"client_cert":%s,"client_key":%s}\n' "$(pem_json "$(org_dir "$org")/msp/tlscacerts/ca.pem")" \
      "$(pem_json "$peer_tls/signcerts/cert.pem")" "$(pem_json "$peer_tls/keystore/key.pem")"
  } > "$work/code/connection.json"
  printf '{"type":"ccaas","label":"%s_%s_%s"}\n' "$CHAINCODE" "$org" "$sequence" > "$work/metadata.json"
  tar -C "$work/code" -czf "$work/code.tar.gz" connection.json
  tar -C "$work" -czf "$work/$CHAINCODE.tgz" metadata.json code.tar.gz
}

# ORG's package for SEQUENCE (and the TLS identities of its service and of its peers as the
# service's clients, the first time); prints its package id.
prepare_chaincode_package() {
  local org="$1" sequence="$2" who
  for who in chaincode chaincode-client; do
    [[ -f "$(org_dir "$org")/nodes/$who.$org/tls/signcerts/cert.pem" ]] \
      || enroll "$org" "$who.$org" client - "$(org_dir "$org")/nodes/$who.$org/tls" tls
  done
  write_chaincode_package "$org" "$sequence"
  as_org_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode calculatepackageid "$NET/chaincode/package-$sequence-$org/$CHAINCODE.tgz"
}

# approve_chaincode ORG PACKAGE_ID SEQUENCE ORDERER_ARGS: ORG's admin approves the definition.
approve_chaincode() {
  local org="$1" package_id="$2" sequence="$3" orderer="$4"
  # shellcheck disable=SC2086
  as_org_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode approveformyorg $orderer \
    --channelID "$CHANNEL" --name "$CHAINCODE" --version "$sequence" --sequence "$sequence" \
    --package-id "$package_id" --signature-policy "$ENDORSEMENT_POLICY" --waitForEventTimeout 120s \
    >>"$LOGS/lifecycle.log" 2>&1 || die "approve for $org failed: see $LOGS/lifecycle.log"
}

# The next sequence of the chaincode: each organisation's package installed on its peers, its new
# services started, the definition approved by each organisation and committed. On a running
# network (an upgrade) the old services keep serving until the peers run the new definition, then
# stop: registrations go on throughout.
deploy_chaincode() {
  local previous sequence
  previous="$(cat "$NET/chaincode/sequence" 2>/dev/null || echo 0)"
  sequence=$((previous + 1))
  build_chaincode_jar
  local org i jobs=()
  declare -A package_id
  for org in "${PEER_ORGS[@]}"; do
    package_id[$org]="$(prepare_chaincode_package "$org" "$sequence")"
    for ((i = 0; i < $(peer_count); i++)); do
      install_package "$org" "$i" "$NET/chaincode/package-$sequence-$org/$CHAINCODE.tgz" & jobs+=($!)
    done
  done
  log "Installing each organisation's chaincode package on its peers"
  wait_all "installing the chaincode packages" "${jobs[@]}"
  # The services run the jar copied into the network's state, so rebuilding the repo's jar does
  # not change a running network underneath.
  mkdir -p "$(dirname "$(chaincode_jar "$sequence")")"
  cp "$CHAINCODE_JAR" "$(chaincode_jar "$sequence")"
  # on a fresh network the services are the organisations' own; in an upgrade, beside them until the commit
  local next=""
  ((previous > 0)) && next=-next
  for org in "${PEER_ORGS[@]}"; do
    stop_process "chaincode-$org$next"
    write_chaincode_launch "$org" "${package_id[$org]}" "$sequence" "chaincode-$org$next"
    start_process "chaincode-$org$next"
  done
  for org in "${PEER_ORGS[@]}"; do
    wait_until "chaincode-$org service" 60 port_open "$(chaincode_port "$org" "$sequence")" "$(org_host "$org")"
  done
  log "Approving sequence $sequence for each organisation"
  local orderer
  orderer="$(orderer_args)"
  for org in "${PEER_ORGS[@]}"; do approve_chaincode "$org" "${package_id[$org]}" "$sequence" "$orderer"; done
  log "Committing chaincode definition"
  # shellcheck disable=SC2046
  as_org_admin land "$FABRIC_BIN/peer" lifecycle chaincode commit $orderer \
    --channelID "$CHANNEL" --name "$CHAINCODE" --version "$sequence" --sequence "$sequence" \
    --signature-policy "$ENDORSEMENT_POLICY" $(peer_args_for "${PEER_ORGS[@]}") --waitForEventTimeout 120s \
    >>"$LOGS/lifecycle.log" 2>&1 || die "commit failed: see $LOGS/lifecycle.log"
  echo "$sequence" > "$NET/chaincode/sequence"
  ((previous > 0)) && retire_chaincode_services "$previous"
  return 0
}

# After an upgrade's commit: once every peer answers through the new services, the old ones stop
# and the new ones take the organisation's service name (launch script, pid; their log stays
# chaincode-<org>-next.log until the next start).
retire_chaincode_services() {
  local previous="$1" org
  wait_until "chaincode to answer on every peer" 90 chaincode_answers_everywhere
  # All at once: each JVM takes a second or two to exit after SIGTERM.
  local jobs=()
  for org in "${PEER_ORGS[@]}"; do stop_process "chaincode-$org" & jobs+=($!); done
  wait_all "stopping the services of sequence $previous" "${jobs[@]}"
  for org in "${PEER_ORGS[@]}"; do
    mv "$NET/launch/chaincode-$org-next.sh" "$NET/launch/chaincode-$org.sh"
    mv "$PIDS/chaincode-$org-next.pid" "$PIDS/chaincode-$org.pid"
  done
  rm -rf "$(dirname "$(chaincode_jar "$previous")")"
  log "Sequence $((previous + 1)) serves; the services of sequence $previous are stopped"
}

# The first invocation after a (re)start connects the peers to the service; query until it answers.
# Clients' gateways find the other organisations' endorsers through gossip, so also wait until
# every peer knows every other peer on the channel (its operations endpoint's gossip metric).
wait_for_chaincode_ready() {
  wait_until "chaincode to answer on every peer" 90 chaincode_answers_everywhere
  wait_until "peers to discover each other" 90 peers_know_each_other
}

peers_know_each_other() {
  local org i known
  for org in "${PEER_ORGS[@]}"; do
    for ((i = 0; i < $(peer_count); i++)); do
      known="$(curl -sf --max-time 2 "http://$(org_host "$org"):$(peer_ops_port "$org" "$i")/metrics" \
        | sed -n "s/^gossip_membership_total_peers_known{channel=\"$CHANNEL\"} \([0-9]*\).*/\1/p")"
      [[ -n "$known" ]] && ((known >= ${#PEER_ORGS[@]} * $(peer_count) - 1)) || return 1
    done
  done
}

chaincode_answers_everywhere() {
  local org
  for org in "${PEER_ORGS[@]}"; do
    cmd_query inspector "$org" GetNoticePeriod >/dev/null 2>&1 || return 1
  done
}
