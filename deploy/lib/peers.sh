# shellcheck shell=bash
# Peers: launch scripts, and the peer CLI's environment as an organisation's admin or a user.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

# Every peer is an org leader that pulls blocks from the orderers itself (core.yaml's default), so
# either peer of an organisation goes on alone; peer 1 finds its organisation through peer 0.
write_peer_launch() {
  local org="$1" i="$2" name node data port host
  host="$(org_host "$org")" name="$(peer_name "$org" "$i")" node="$(org_dir "$org")/nodes/peer$i.$org" data="$NET/data/$name"
  port="$(peer_port "$org" "$i")"
  local hosts_lines=()
  if hosts_mode; then
    # Gossip keeps one connection per pair of peers: two peers that dial each other at once each keep
    # the other's and close their own, so both die, and with the same retry interval they try again
    # at once, forever. Over a WAN's slow handshakes that happened to Land and Audit after every restart;
    # a retry interval of each host's own (6 s for Land, 9 s for Audit, ...) takes them apart.
    hosts_lines=("export CORE_PEER_GOSSIP_RECONNECTINTERVAL=$((5 + HOST_OCTET[$org] % 10))s")
  fi
  write_launch "$name" "${hosts_lines[@]}" \
    "export FABRIC_CFG_PATH='$NET/config'" \
    "export CORE_PEER_ID=peer$i.$org.druk CORE_PEER_LOCALMSPID=${MSP[$org]} CORE_PEER_MSPCONFIGPATH='$node/msp'" \
    "export CORE_PEER_ADDRESS=$host:$port CORE_PEER_LISTENADDRESS=$host:$port" \
    "export CORE_PEER_CHAINCODEADDRESS=$host:$((port + 1)) CORE_PEER_CHAINCODELISTENADDRESS=$host:$((port + 1))" \
    "export CORE_PEER_GOSSIP_BOOTSTRAP=$host:$(peer_port "$org" 0) CORE_PEER_GOSSIP_EXTERNALENDPOINT=$host:$port" \
    "export CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE='$node/tls/signcerts/cert.pem'" \
    "export CORE_PEER_TLS_KEY_FILE='$node/tls/keystore/key.pem' CORE_PEER_TLS_ROOTCERT_FILE='$node/tls/tlscacerts/ca.pem'" \
    "export CORE_OPERATIONS_LISTENADDRESS=$host:$(peer_ops_port "$org" "$i")" \
    "export CORE_PEER_FILESYSTEMPATH='$data' CORE_LEDGER_SNAPSHOTS_ROOTDIR='$data/snapshots'" \
    "export CORE_VM_ENDPOINT= CORE_METRICS_PROVIDER=prometheus" \
    "# A peer replaying the chain after losing its ledger lacks its organisation's own private data" \
    "# (lifecycle approvals) and asks its organisation's other peers for it: 5 s per block, not 60." \
    "export CORE_PEER_GOSSIP_PVTDATA_PULLRETRYTHRESHOLD=5s" \
    "exec '$FABRIC_BIN/peer' node start"
}

# Environment for the peer CLI acting as IDENTITY (a user name under some org) against ORG's peer.
peer_cli_env() {
  local identity_dir="$1" msp_id="$2" org="$3"
  export FABRIC_CFG_PATH="$NET/config" FABRIC_LOGGING_SPEC=error
  export CORE_PEER_LOCALMSPID="$msp_id" CORE_PEER_MSPCONFIGPATH="$identity_dir"
  export CORE_PEER_ADDRESS="$(org_host "$org"):${PEER_PORT[$org]}" CORE_PEER_TLS_ENABLED=true
  export CORE_PEER_TLS_ROOTCERT_FILE="$(public_msp "$org")/tlscacerts/ca.pem"
}

# The organisation's admin running a command against its first peer.
as_org_admin() {
  local org="$1"; shift
  as_org_admin_on "$org" 0 "$@"
}

# The organisation's admin running a command against its peer I: on the organisation's own host in
# hosts mode, as its admin would (installing, approving, joining the channel).
as_org_admin_on() {
  local org="$1" i="$2"; shift 2
  (peer_cli_env "$(org_dir "$org")/users/$org.admin/msp" "${MSP[$org]}" "$org"
   export CORE_PEER_ADDRESS="$(org_host "$org"):$(peer_port "$org" "$i")"
   if hosts_mode; then in_host "$org" "$@"; else "$@"; fi)
}

# wait_for_peer ORG N: peer N of ORG answers /healthz and takes its admin's calls. It answers /healthz
# before its gRPC service listens: a joinbysnapshot sent in between was refused (seen in CI).
wait_for_peer() {
  local org="$1" n="$2" name
  name="$(peer_name "$org" "$n")"
  wait_until "$name" 60 http_ok "http://$(org_host "$org"):$(peer_ops_port "$org" "$n")/healthz"
  wait_until "$name to take calls" 60 as_org_admin_on "$org" "$n" "$FABRIC_BIN/peer" channel list
}

peer_args_for() {
  local org
  for org in "$@"; do
    printf -- '--peerAddresses %s --tlsRootCertFiles %s ' "$(org_host "$org"):${PEER_PORT[$org]}" "$(public_msp "$org")/tlscacerts/ca.pem"
  done
}
