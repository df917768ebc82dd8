# shellcheck shell=bash
# Orderers: launch scripts, their TLS CA, the first one that answers, the Raft leader.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

write_orderer_launch() {
  local n="$1" node="$(org_dir orderer)/nodes/orderer$1" data="$NET/data/orderer$1"
  local tls="$node/tls" ca host
  host="$(org_host orderer)"
  ca="$(org_dir orderer)/msp/tlscacerts/ca.pem"
  write_launch "orderer$n" \
    "export FABRIC_CFG_PATH='$NET/config'" \
    "export ORDERER_GENERAL_LISTENADDRESS=$host ORDERER_GENERAL_LISTENPORT=$(orderer_port "$n")" \
    "export ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR='$node/msp'" \
    "export ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY='$tls/keystore/key.pem'" \
    "export ORDERER_GENERAL_TLS_CERTIFICATE='$tls/signcerts/cert.pem' ORDERER_GENERAL_TLS_ROOTCAS='[$ca]'" \
    "export ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true" \
    "export ORDERER_FILELEDGER_LOCATION='$data/ledger'" \
    "export ORDERER_CONSENSUS_WALDIR='$data/etcdraft/wal' ORDERER_CONSENSUS_SNAPDIR='$data/etcdraft/snapshot'" \
    "export ORDERER_OPERATIONS_LISTENADDRESS=$host:$(orderer_ops_port "$n") ORDERER_METRICS_PROVIDER=prometheus" \
    "export ORDERER_ADMIN_LISTENADDRESS=$host:$(orderer_admin_port "$n") ORDERER_ADMIN_TLS_ENABLED=true" \
    "export ORDERER_ADMIN_TLS_CERTIFICATE='$tls/signcerts/cert.pem' ORDERER_ADMIN_TLS_PRIVATEKEY='$tls/keystore/key.pem'" \
    "export ORDERER_ADMIN_TLS_ROOTCAS='[$ca]' ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true ORDERER_ADMIN_TLS_CLIENTROOTCAS='[$ca]'" \
    "exec '$FABRIC_BIN/orderer'"
}

orderer_ca() { echo "$(org_dir orderer)/msp/tlscacerts/ca.pem"; }

# First orderer that answers; with three orderers one may be down.
live_orderer() {
  local n
  for ((n = 1; n <= $(orderer_count); n++)); do
    if port_open "$(orderer_port "$n")" "$(org_host orderer)"; then echo "$(org_host orderer):$(orderer_port "$n")"; return; fi
  done
  echo "$(org_host orderer):$(orderer_port 1)"
}

# The leader as the orderers' own metrics say (consensus_etcdraft_is_leader 1 for the channel).
cmd_raft_leader() {
  local n
  for n in $(seq 1 "$(orderer_count)"); do
    is_running "orderer$n" || continue
    if curl -sf --max-time 2 "http://$(org_host orderer):$(orderer_ops_port "$n")/metrics" \
        | grep -Eq "^consensus_etcdraft_is_leader\\{channel=\"$CHANNEL\"\\} 1\$"; then
      echo "orderer$n"
      return 0
    fi
  done
  die "no running orderer says it leads channel $CHANNEL (an election may be under way)"
}
