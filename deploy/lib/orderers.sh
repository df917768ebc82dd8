# shellcheck shell=bash
# Orderers: launch scripts, their TLS CAs, the first one that answers, the leader.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

orderer_node_dir() { echo "$(org_dir "$(orderer_org "$1")")/nodes/orderer$1"; }

write_orderer_launch() {
  local n="$1" node data="$NET/data/orderer$1"
  local tls ca host roots org
  node="$(orderer_node_dir "$n")" tls="$(orderer_node_dir "$n")/tls"
  host="$(orderer_host "$n")"
  ca="$(org_dir "$(orderer_org "$n")")/msp/tlscacerts/ca.pem"   # its own organisation's TLS CA
  # Under BFT the orderers of every organisation talk to each other: trust each one's TLS CA.
  roots="$ca"
  if bft; then roots=""; for org in "${PEER_ORGS[@]}"; do roots+="${roots:+,}$(public_msp "$org")/tlscacerts/ca.pem"; done; fi
  write_launch "orderer$n" \
    "export FABRIC_CFG_PATH='$NET/config'" \
    "export ORDERER_GENERAL_LISTENADDRESS=$host ORDERER_GENERAL_LISTENPORT=$(orderer_port "$n")" \
    "export ORDERER_GENERAL_LOCALMSPID=$(orderer_msp "$n") ORDERER_GENERAL_LOCALMSPDIR='$node/msp'" \
    "export ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY='$tls/keystore/key.pem'" \
    "export ORDERER_GENERAL_TLS_CERTIFICATE='$tls/signcerts/cert.pem' ORDERER_GENERAL_TLS_ROOTCAS='[$roots]'" \
    "export ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true" \
    "export ORDERER_FILELEDGER_LOCATION='$data/ledger'" \
    "export ORDERER_CONSENSUS_WALDIR='$data/etcdraft/wal' ORDERER_CONSENSUS_SNAPDIR='$data/etcdraft/snapshot'" \
    "export ORDERER_OPERATIONS_LISTENADDRESS=$host:$(orderer_ops_port "$n") ORDERER_METRICS_PROVIDER=prometheus" \
    "export ORDERER_ADMIN_LISTENADDRESS=$host:$(orderer_admin_port "$n") ORDERER_ADMIN_TLS_ENABLED=true" \
    "export ORDERER_ADMIN_TLS_CERTIFICATE='$tls/signcerts/cert.pem' ORDERER_ADMIN_TLS_PRIVATEKEY='$tls/keystore/key.pem'" \
    "export ORDERER_ADMIN_TLS_ROOTCAS='[$ca]' ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true ORDERER_ADMIN_TLS_CLIENTROOTCAS='[$ca]'" \
    "exec '$FABRIC_BIN/orderer'"
}

# The TLS CA of orderer N (its organisation's CA) as the others have it, from the exchange.
orderer_ca() { echo "$(public_msp "$(orderer_org "$1")")/tlscacerts/ca.pem"; }
orderer_endpoint() { echo "$(orderer_host "$1"):$(orderer_port "$1")"; }

# The peer CLI's arguments for the first orderer that answers (with several, one may be down).
orderer_args() {
  local n live=1
  for ((n = 1; n <= $(orderer_count); n++)); do
    if port_open "$(orderer_port "$n")" "$(orderer_host "$n")"; then live=$n; break; fi
  done
  echo "-o $(orderer_endpoint "$live") --tls --cafile $(orderer_ca "$live")"
}

# Orderer N's admin (osnadmin) as its organisation's admin, over mutual TLS.
orderer_admin_tls() { local org; org="$(orderer_org "$1")"; echo "$(org_dir "$org")/users/$org.admin/tls"; }

# osnadmin_on N ARGS...: osnadmin against orderer N's admin endpoint, as that admin.
osnadmin_on() {
  local n="$1" tls
  shift
  tls="$(orderer_admin_tls "$n")"
  "$FABRIC_BIN/osnadmin" "$@" -o "$(orderer_host "$n"):$(orderer_admin_port "$n")" --ca-file "$(orderer_ca "$n")" \
    --client-cert "$tls/signcerts/cert.pem" --client-key "$tls/keystore/key.pem"
}

# The leader as the orderers' own metrics say: consensus_etcdraft_is_leader (Raft) or
# consensus_BFT_is_leader (SmartBFT, as of the latest block) 1 for the channel.
cmd_orderer_leader() {
  local n metric=consensus_etcdraft_is_leader
  bft && metric=consensus_BFT_is_leader
  local metrics
  for n in $(seq 1 "$(orderer_count)"); do
    is_running "orderer$n" || continue
    # Read whole, then matched: grep -q quitting early would make curl fail with SIGPIPE (pipefail).
    metrics="$(curl -sf --max-time 5 "http://$(orderer_host "$n"):$(orderer_ops_port "$n")/metrics")" || continue
    if grep -Eq "^$metric\\{channel=\"$CHANNEL\"\\} 1\$" <<<"$metrics"; then
      echo "orderer$n"
      return 0
    fi
  done
  die "no running orderer says it leads channel $CHANNEL (an election may be under way)"
}
