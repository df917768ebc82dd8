# shellcheck shell=bash
# Channel configuration: the channel's configtx.yaml (organisations, policies, Raft or BFT
# consenters), and peers joining the channel.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

# The ordering organisations: OrdererMSP with every orderer under Raft; under BFT one per
# organisation (LandOrdererMSP, …: the organisation's own CA), each with its own orderer.
write_orderer_orgs() {
  local n msp
  for ((n = 1; n <= $(orderer_count); n++)); do
    msp="$(orderer_msp "$n")"
    if ((n == 1)) || bft; then
      cat <<EOF
  - &$msp
    Name: $msp
    ID: $msp
    MSPDir: $(public_msp "$(orderer_org "$n")")
    Policies:
      Readers: {Type: Signature, Rule: "OR('$msp.member')"}
      Writers: {Type: Signature, Rule: "OR('$msp.member')"}
      Admins: {Type: Signature, Rule: "OR('$msp.admin')"}
    OrdererEndpoints:
EOF
    fi
    echo "      - $(orderer_endpoint "$n")"
  done
}

# The Orderer section's consensus: Raft consenters, or the BFT consenter mapping (id, endpoint,
# MSP, signing identity, TLS certificates) with SmartBFT's options.
write_consensus() {
  local n tls
  if ! bft; then
    echo "      OrdererType: etcdraft"
    echo "      EtcdRaft:"
    echo "        Consenters:"
    for ((n = 1; n <= $(orderer_count); n++)); do
      tls="$(orderer_node_dir "$n")/tls/signcerts/cert.pem"
      printf '          - {Host: %s, Port: %s, ClientTLSCert: %s, ServerTLSCert: %s}\n' \
        "$(orderer_host "$n")" "$(orderer_port "$n")" "$tls" "$tls"
    done
    return
  fi
  echo "      OrdererType: BFT"
  echo "      ConsenterMapping:"
  for ((n = 1; n <= $(orderer_count); n++)); do
    tls="$(orderer_node_dir "$n")/tls/signcerts/cert.pem"
    printf '        - {ID: %s, Host: %s, Port: %s, MSPID: %s, Identity: %s, ClientTLSCert: %s, ServerTLSCert: %s}\n' \
      "$n" "$(orderer_host "$n")" "$(orderer_port "$n")" "$(orderer_msp "$n")" \
      "$(orderer_node_dir "$n")/msp/signcerts/cert.pem" "$tls" "$tls"
  done
  # A leader silent for 10 s is replaced (the 1 min default would stop writes that long). A started
  # orderer first syncs with the others (SyncOnStart): without it, one restarted after the others had
  # ordered blocks without it was seen to take its old sequence and view from its WAL and wait there,
  # never catching up, even when restarted again.
  cat <<EOF
      SmartBFT:
        RequestBatchMaxInterval: 200ms
        RequestForwardTimeout: 2s
        RequestComplainTimeout: 10s
        RequestAutoRemoveTimeout: 3m0s
        ViewChangeResendInterval: 5s
        ViewChangeTimeout: 20s
        LeaderHeartbeatTimeout: 10s
        LeaderHeartbeatCount: 10
        CollectTimeout: 1s
        IncomingMessageBufferSize: 200
        RequestPoolSize: 100000
        SyncOnStart: true
EOF
}

# application_org_yaml ORG MSP_DIR: ORG as an application organisation of configtx.yaml (policies,
# anchor peer), its MSP read from MSP_DIR; for the channel's first configuration and for add-org.
application_org_yaml() {
  local org="$1" m="${MSP[$1]}"
  cat <<EOF
  - &$m
    Name: $m
    ID: $m
    MSPDir: $2
    Policies:
      Readers: {Type: Signature, Rule: "OR('$m.admin','$m.peer','$m.client')"}
      Writers: {Type: Signature, Rule: "OR('$m.admin','$m.client')"}
      Admins: {Type: Signature, Rule: "OR('$m.admin')"}
      Endorsement: {Type: Signature, Rule: "OR('$m.peer')"}
    AnchorPeers:
      - Host: $(org_host "$org")
        Port: ${PEER_PORT[$org]}
EOF
}

write_configtx() {
  local n application_orgs="" orderer_orgs="" peer_org
  for peer_org in "${PEER_ORGS[@]}"; do application_orgs+="${application_orgs:+, }*${MSP[$peer_org]}"; done
  for ((n = 1; n <= $(orderer_count); n++)); do
    if ((n == 1)) || bft; then orderer_orgs+="${orderer_orgs:+, }*$(orderer_msp "$n")"; fi
  done
  {
    echo "Organizations:"
    write_orderer_orgs
    local org
    for org in "${PEER_ORGS[@]}"; do application_org_yaml "$org" "$(public_msp "$org")"; done
    cat <<EOF
Profiles:
  Registry:
    Capabilities: {V3_0: true}
    Policies:
      Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
      Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
      Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    Orderer:
      BatchTimeout: 500ms
      BatchSize: {MaxMessageCount: 200, AbsoluteMaxBytes: 10 MB, PreferredMaxBytes: 2 MB}
$(write_consensus)
      Organizations: [$orderer_orgs]
      Capabilities: {V2_0: true}
      Policies:
        Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
        Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
        Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
        BlockValidation: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Application:
      Organizations: [$application_orgs]
      Capabilities: {V2_5: true}
      Policies:
        Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
        Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
        Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
        LifecycleEndorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
        Endorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
EOF
  } > "$NET/config/configtx.yaml"
}

# On a loaded machine a join can time out: try a few times. A join that reached the peer but whose
# answer was lost leaves the channel joined, which the next attempt reports as "already exists".
# join_channel ORG N [GENESIS_BLOCK]
join_channel() {
  local org="$1" n="$2" block="${3:-$NET/config/$CHANNEL.block}" attempt answer
  for attempt in 1 2 3 4 5; do
    answer="$(as_org_admin_on "$org" "$n" "$FABRIC_BIN/peer" channel join -b "$block" 2>&1)" && {
      printf '%s\n' "$answer" >>"$LOGS/channel.log"; return 0; }
    printf 'attempt %d: %s\n' "$attempt" "$answer" >>"$LOGS/channel.log"
    [[ "$answer" == *"already exists"* ]] && return 0
    sleep 2
  done
  die "$(peer_name "$org" "$n") could not join the channel; its last answer: ${answer##*$'\n'}"
}

# Channel configuration updates, as each organisation's admin makes them on its own host.

# as_admin_of MSP_ID ORG COMMAND...: ORG's admin acting under MSP_ID (its organisation's, or under
# BFT its orderers' LandOrdererMSP, …: the same CA, so the same admin certificate) against ORG's peer.
as_admin_of() {
  local msp_id="$1" org="$2"; shift 2
  (peer_cli_env "$(org_dir "$org")/users/$org.admin/msp" "$msp_id" "$org"
   if hosts_mode; then in_host "$org" "$@"; else "$@"; fi)
}

# fetch_channel_config ORG OUT_DIR: the latest configuration, fetched by ORG's admin, as OUT_DIR/config.json.
fetch_channel_config() {
  local org="$1" out="$2"
  # shellcheck disable=SC2046
  as_org_admin "$org" "$FABRIC_BIN/peer" channel fetch config "$out/config-block.pb" $(orderer_args) \
    -c "$CHANNEL" >>"$LOGS/channel.log" 2>&1 || die "the channel configuration could not be fetched: see $LOGS/channel.log"
  "$FABRIC_BIN/configtxlator" proto_decode --input "$out/config-block.pb" --type common.Block \
    | jq '.data.data[0].payload.data.config' > "$out/config.json"
}

# config_update_envelope DIR: the update from DIR/config.json to DIR/modified.json, as an unsigned
# envelope DIR/update-envelope.pb.
config_update_envelope() {
  local dir="$1" tx="$FABRIC_BIN/configtxlator"
  "$tx" proto_encode --input "$dir/config.json" --type common.Config --output "$dir/config.pb"
  "$tx" proto_encode --input "$dir/modified.json" --type common.Config --output "$dir/modified.pb"
  "$tx" compute_update --channel_id "$CHANNEL" --original "$dir/config.pb" --updated "$dir/modified.pb" \
    --output "$dir/update.pb" >>"$LOGS/channel.log" 2>&1 || die "no configuration update computed: see $LOGS/channel.log"
  "$tx" proto_decode --input "$dir/update.pb" --type common.ConfigUpdate \
    | jq --arg c "$CHANNEL" '{payload: {header: {channel_header: {channel_id: $c, type: 2}}, data: {config_update: .}}}' \
    > "$dir/update-envelope.json"
  "$tx" proto_encode --input "$dir/update-envelope.json" --type common.Envelope --output "$dir/update-envelope.pb"
}

# sign_and_submit ENVELOPE SIGNER...: each SIGNER ("MSP_ID ORG") signs the same file on its own
# host, the last one submits it (its submission is its signature) through orderer_args: under BFT
# to the leader.
sign_and_submit() {
  local orderer
  orderer="$(orderer_args)"
  local update="$1"; shift
  local signer
  while (($# > 1)); do
    signer="$1"; shift
    # shellcheck disable=SC2086
    as_admin_of $signer "$FABRIC_BIN/peer" channel signconfigtx -f "$update" >>"$LOGS/channel.log" 2>&1 \
      || die "the admin of ${signer#* } could not sign the update: see $LOGS/channel.log"
  done
  # shellcheck disable=SC2086
  as_admin_of $1 "$FABRIC_BIN/peer" channel update -f "$update" -c "$CHANNEL" $orderer \
    >>"$LOGS/channel.log" 2>&1 || die "the channel refused the update: see $LOGS/channel.log"
}
