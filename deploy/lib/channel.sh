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
  # A leader silent for 10 s is replaced (the 1 min default would stop writes that long).
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

# A peer answers /healthz before its gRPC service takes calls, so on a loaded machine the first
# join can time out: try a few times. A join that reached the peer but whose answer was lost
# leaves the channel joined, which the next attempt reports as "already exists".
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
