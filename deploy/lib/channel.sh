# shellcheck shell=bash
# Channel configuration: the channel's configtx.yaml (organisations, policies, Raft
# consenters), and peers joining the channel.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

write_configtx() {
  local n consenters="" endpoints="" application_orgs="" peer_org
  for peer_org in "${PEER_ORGS[@]}"; do application_orgs+="${application_orgs:+, }*${MSP[$peer_org]}"; done
  for ((n = 1; n <= $(orderer_count); n++)); do
    local tls
    tls="$(org_dir orderer)/nodes/orderer$n/tls/signcerts/cert.pem"
    consenters+="
          - Host: $(org_host orderer)
            Port: $(orderer_port "$n")
            ClientTLSCert: $tls
            ServerTLSCert: $tls"
    endpoints+="
      - $(org_host orderer):$(orderer_port "$n")"
  done
  {
    cat <<EOF
Organizations:
  - &Orderer
    Name: OrdererMSP
    ID: OrdererMSP
    MSPDir: $(org_dir orderer)/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('OrdererMSP.member')"}
      Writers: {Type: Signature, Rule: "OR('OrdererMSP.member')"}
      Admins: {Type: Signature, Rule: "OR('OrdererMSP.admin')"}
    OrdererEndpoints:$endpoints
EOF
    local org
    for org in "${PEER_ORGS[@]}"; do
      local m="${MSP[$org]}"
      cat <<EOF
  - &$m
    Name: $m
    ID: $m
    MSPDir: $(org_dir "$org")/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('$m.admin','$m.peer','$m.client')"}
      Writers: {Type: Signature, Rule: "OR('$m.admin','$m.client')"}
      Admins: {Type: Signature, Rule: "OR('$m.admin')"}
      Endorsement: {Type: Signature, Rule: "OR('$m.peer')"}
    AnchorPeers:
      - Host: $(org_host "$org")
        Port: ${PEER_PORT[$org]}
EOF
    done
    cat <<EOF
Profiles:
  Registry:
    Capabilities: {V3_0: true}
    Policies:
      Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
      Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
      Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    Orderer:
      OrdererType: etcdraft
      BatchTimeout: 500ms
      BatchSize: {MaxMessageCount: 200, AbsoluteMaxBytes: 10 MB, PreferredMaxBytes: 2 MB}
      EtcdRaft:
        Consenters:$consenters
      Organizations: [*Orderer]
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
join_channel() {
  local org="$1" n="$2" attempt answer
  for attempt in 1 2 3 4 5; do
    answer="$(as_org_admin_on "$org" "$n" "$FABRIC_BIN/peer" channel join -b "$NET/config/$CHANNEL.block" 2>&1)" && {
      printf '%s\n' "$answer" >>"$LOGS/channel.log"; return 0; }
    printf 'attempt %d: %s\n' "$attempt" "$answer" >>"$LOGS/channel.log"
    [[ "$answer" == *"already exists"* ]] && return 0
    sleep 2
  done
  die "$(peer_name "$org" "$n") could not join the channel; its last answer: ${answer##*$'\n'}"
}
