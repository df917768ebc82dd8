# shellcheck shell=bash
# network.sh up: a fresh network, step by step (CAs, identities, tokens, channel, orderers,
# peers, chaincode).
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

cmd_up() {
  local orderers="" peers=1 hosts=0 type="" lifetime=8760h
  while (($#)); do
    case "$1" in
      --orderers) orderers="$2"; shift 2 ;;
      --peers) peers="$2"; shift 2 ;;
      --hosts) hosts=1; shift ;;
      --orderer) type="$2"; shift 2 ;;
      --cert-lifetime) lifetime="$2"; shift 2 ;;
      *) die "unknown option for up: $1" ;;
    esac
  done
  # On hosts of their own the organisations order the record together (BFT); on one host, Raft.
  if [[ -z "$type" ]]; then if ((hosts)); then type=bft; else type=raft; fi; fi
  [[ "$type" == raft || "$type" == bft ]] || die "--orderer must be raft or bft"
  if [[ "$type" == bft ]]; then
    [[ -z "$orderers" || "$orderers" == "${#PEER_ORGS[@]}" ]] || die "--orderer bft runs one orderer per organisation (${#PEER_ORGS[@]})"
    orderers="${#PEER_ORGS[@]}"
  fi
  orderers="${orderers:-1}"
  [[ "$type" == bft || "$orderers" == 1 || "$orderers" == 3 ]] || die "--orderers must be 1 or 3"
  [[ "$peers" == 1 || "$peers" == 2 ]] || die "--peers must be 1 or 2"
  [[ "$lifetime" =~ ^([0-9]+h)?([0-9]+m)?$ && -n "$lifetime" ]] || die "--cert-lifetime must be hours and/or minutes, e.g. 8760h or 15m"
  local started=$SECONDS
  build_fabric_binaries
  # (with the organisations added to it, whose processes and hosts go too)
  if [[ -d "$NET" ]]; then (load_added_orgs; cmd_down); fi
  mkdir -p "$NET"/{config,logs,pids,chaincode,data}
  echo "$orderers" > "$NET/orderer-count"
  echo "$type" > "$NET/orderer-type"
  echo "$peers" > "$NET/peer-count"
  echo "$lifetime" > "$NET/cert-lifetime"
  if ((hosts)); then
    touch "$NET/hosts-mode"
    log "Creating a host (network namespace) per organisation"
    hosts_up
  fi
  cp "$FABRIC_SAMPLECONFIG/core.yaml" "$FABRIC_SAMPLECONFIG/orderer.yaml" "$NET/config/"
  # Our own chaincode-as-a-service builder replaces the sample's (absolute path required).
  sed -i -e "s#name: ccaas_builder#name: druk_ccaas#" -e "s#path: /opt/hyperledger/ccaas_builder#path: $DEPLOY_DIR/ccaas-builder#" "$NET/config/core.yaml"
  build_chaincode_jar

  log "Starting certificate authorities"
  local org n
  for org in $(network_orgs); do
    mkdir -p "$(ca_home "$org")"
    openssl rand -hex 16 > "$(ca_home "$org")/bootstrap-secret"
    write_ca_launch "$org"
    start_process "ca-$org"
  done
  for org in $(network_orgs); do
    wait_until "ca-$org" 30 test -f "$(ca_home "$org")/ca-cert.pem"
    wait_until "ca-$org" 30 port_open "${CA_PORT[$org]}" "$(org_host "$org")"
  done

  log "Enrolling identities"
  local jobs=()
  for org in $(network_orgs); do setup_org_identities "$org" & jobs+=($!); done
  wait_all "enrolling organisation admins" "${jobs[@]}"
  jobs=()
  for org in "${PEER_ORGS[@]}"; do
    for ((n = 0; n < peers; n++)); do setup_node_identity "$org" "peer$n.$org" peer & jobs+=($!); done
  done
  for ((n = 1; n <= orderers; n++)); do setup_node_identity "$(orderer_org "$n")" "orderer$n" orderer & jobs+=($!); done
  wait_all "enrolling nodes" "${jobs[@]}"
  jobs=()
  local entry name attrs
  for entry in "${DEMO_IDENTITIES[@]}"; do
    read -r name org attrs <<<"$entry"
    enroll "$org" "$name" client "$attrs" "$(identity_dir "$org" "$name")" and-token & jobs+=($!)
  done
  wait_all "enrolling users" "${jobs[@]}"
  for org in "${PEER_ORGS[@]}"; do
    register_identity "$org" "$(registrar_name "$org")" client "$REGISTRAR_ATTRS" 1
    register_identity "$org" "$(crl_admin_name "$org")" admin - 1
  done
  setup_tokens
  enrol_tokens
  write_connection_file

  log "Creating channel '$CHANNEL' with $orderers $(if bft; then echo BFT; else echo Raft; fi) orderer(s)"
  write_configtx
  "$FABRIC_BIN/configtxgen" -configPath "$NET/config" -profile Registry -channelID "$CHANNEL" \
    -outputBlock "$NET/config/$CHANNEL.block" >>"$LOGS/configtxgen.log" 2>&1 || die "configtxgen failed: see $LOGS/configtxgen.log"
  for ((n = 1; n <= orderers; n++)); do
    write_orderer_launch "$n"
    start_process "orderer$n"
  done
  for ((n = 1; n <= orderers; n++)); do
    wait_until "orderer$n admin port" 30 port_open "$(orderer_admin_port "$n")" "$(orderer_host "$n")"
    osnadmin_on "$n" channel join --channelID "$CHANNEL" --config-block "$NET/config/$CHANNEL.block" >>"$LOGS/osnadmin.log" 2>&1 \
      || die "orderer$n could not join the channel: see $LOGS/osnadmin.log"
  done

  log "Starting $peers peer(s) per organisation and joining them to the channel"
  for org in "${PEER_ORGS[@]}"; do
    for ((n = 0; n < peers; n++)); do
      write_peer_launch "$org" "$n"
      start_process "$(peer_name "$org" "$n")"
    done
  done
  for org in "${PEER_ORGS[@]}"; do
    for ((n = 0; n < peers; n++)); do
      wait_for_peer "$org" "$n"
      join_channel "$org" "$n"
    done
  done

  deploy_chaincode
  wait_for_chaincode_ready
  log "Network up in $((SECONDS - started)) s"
  cmd_status || true
  echo "Connection settings for clients: $NET/connection.json"
}
