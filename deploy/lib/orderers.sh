# shellcheck shell=bash
# Orderers: launch scripts, their TLS CAs, the first one that answers, their metrics, the leader,
# their heights, a restart that keeps a SmartBFT quorum, and whether they order (orderers_serve).
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

# The peer CLI's arguments for an orderer to send to. Under BFT the leader, which orders what it
# takes itself: a follower keeps a request in its pool and forwards it to the leader, and a forward
# over a stream gone stale after a restart or a change of routes was lost. The follower then asked
# alone for a view change and was restarted, 70 s each time (seen after the probes of renew-certs
# and add-org), and a configuration update forwarded late no longer applied. Otherwise, or when the
# leader does not answer, the first orderer that answers (with several, one may be down).
orderer_args() {
  local n live=1 leader
  if bft && leader="$(bft_leader_but 0)" && [[ "$leader" =~ ^[1-9][0-9]*$ ]] && ((leader <= $(orderer_count))) \
    && port_open "$(orderer_port "$leader")" "$(orderer_host "$leader")"; then
    live=$leader
  else
    for ((n = 1; n <= $(orderer_count); n++)); do
      if port_open "$(orderer_port "$n")" "$(orderer_host "$n")"; then live=$n; break; fi
    done
  fi
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

# orderer_metrics N: orderer N's metrics for the channel, "NAME VALUE" per line (fails when N does not
# answer). Read whole, then matched: a reader quitting early would fail curl with SIGPIPE (pipefail).
orderer_metrics() {
  local metrics
  metrics="$(curl -sf --max-time 5 "http://$(orderer_host "$1"):$(orderer_ops_port "$1")/metrics")" || return 1
  sed -n "s/^\([a-zA-Z0-9_]*\){channel=\"$CHANNEL\"} \([0-9]*\)\$/\1 \2/p" <<<"$metrics"
}

# orderer_metric N NAME: the value of one of them (empty when N does not answer or has none).
orderer_metric() {
  local metrics
  metrics="$(orderer_metrics "$1")" || return 0
  sed -n "s/^$2 //p" <<<"$metrics"
}

# The leader as the orderers' own metrics say: consensus_etcdraft_is_leader (Raft) or
# consensus_BFT_is_leader (SmartBFT, as of the latest block) 1 for the channel.
cmd_orderer_leader() {
  local n metric=consensus_etcdraft_is_leader
  bft && metric=consensus_BFT_is_leader
  for n in $(seq 1 "$(orderer_count)"); do
    is_running "orderer$n" || continue
    if [[ "$(orderer_metric "$n" "$metric")" == 1 ]]; then
      echo "orderer$n"
      return 0
    fi
  done
  die "no running orderer says it leads channel $CHANNEL (an election may be under way)"
}

# The channel's height on orderer N, as its admin endpoint says (empty when it does not answer).
orderer_height() {
  osnadmin_on "$1" channel list --channelID "$CHANNEL" 2>/dev/null | sed -n 's/.*"height": *\([0-9]*\).*/\1/p'
}

# orderer_reached N HEIGHT
orderer_reached() {
  local height
  height="$(orderer_height "$1")"
  [[ -n "$height" ]] && ((height >= $2))
}

# Every orderer has reached the height the highest had when asked, so each has the latest
# configuration (a fetch from any of them is current) and a restarted one is back in step; under BFT
# none asks for a view change alone. One that stays behind, or complains alone, is restarted: a
# SmartBFT follower was seen holding a request the others had already ordered (a configuration
# update it had forwarded), or one it had forwarded over a stale stream, complaining about the
# leader alone and syncing every 20 s without ever taking part again, until it restarted with an
# empty request pool.
orderers_in_step() {
  local n h target=0
  for ((n = 1; n <= $(orderer_count); n++)); do
    h="$(orderer_height "$n" || true)"   # (one restarting does not answer yet)
    [[ -n "$h" ]] && ((h > target)) && target=$h
  done
  for ((n = 1; n <= $(orderer_count); n++)); do
    if ! wait_for 45 orderer_reached "$n" "$target"; then
      log "orderer$n stays below height $target: restarting it"
      restart_orderer "$n"
      wait_until "orderer$n to reach height $target" 120 orderer_reached "$n" "$target"
    fi
    # A view change the others join ends within ViewChangeTimeout (20 s); one longer is a lone one.
    if bft && ! wait_for 30 not_complaining "$n"; then
      log "orderer$n has asked for a view change alone for 30 s: restarting it"
      restart_orderer "$n"
      wait_until "orderer$n to take part again" 120 not_complaining "$n"
    fi
  done
}

# not_complaining N: orderer N answers and waits for no view change it asked for (SmartBFT's next
# view is its current one).
not_complaining() {
  local metrics current next
  metrics="$(orderer_metrics "$1")" || return 1
  current="$(sed -n 's/^consensus_smartbft_viewchange_current_view //p' <<<"$metrics")"
  next="$(sed -n 's/^consensus_smartbft_viewchange_next_view //p' <<<"$metrics")"
  [[ -n "$current" && "$next" == "$current" ]]
}

# The orderer SmartBFT's current view is led by, as orderer N sees it (empty when N does not answer).
bft_view_leader() { orderer_metric "$1" consensus_smartbft_view_leader_id; }

# The leader as the first running orderer other than N sees it.
bft_leader_but() {
  local m leader
  for ((m = 1; m <= $(orderer_count); m++)); do
    ((m == $1)) && continue
    leader="$(bft_view_leader "$m")"
    [[ -n "$leader" ]] && { echo "$leader"; return 0; }
  done
  return 1
}

led_by_another() { local leader; leader="$(bft_leader_but "$1")" && [[ "$leader" != "$1" ]]; }

# restart_orderer N: with its renewed certificates. A SmartBFT leader restarted at once came back as
# the leader of the same view, and an orderer whose stream to it had gone stale kept complaining
# alone and never reached it again: writes stopped (seen here twice). So a leader stays stopped
# until the others have moved to a view another one leads, and comes back as a follower.
restart_orderer() {
  local n="$1"
  if bft && ! led_by_another "$n"; then
    stop_process "orderer$n"
    # (without a quorum among the others no view changes: then it starts again after 30 s)
    wait_for 30 led_by_another "$n" || log "no other orderer leads after 30 s; starting orderer$n again"
    start_process "orderer$n"
  else
    restart_process "orderer$n"
  fi
}

# ordering_probe: a read-only transaction (GetMinBidPeriod, as Land's clerk, endorsed by Land and the
# auditor) is ordered and committed within 30 s (the peer CLI's wait for its event). An orderer
# keeps its stream to another after the connection under it closed (the other restarted, or the
# routes changed), and the first messages it sends there are lost: SmartBFT then fails view after
# view, for a minute or more. A transaction ordered after such a change has renewed those streams.
ordering_probe() {
  cmd_invoke land.clerk GetMinBidPeriod >>"$LOGS/ordering-probe.log" 2>&1
}

# orderers_serve: every orderer in step (a lone complainer restarted) and a transaction ordered
# through the first that answers, which a change of streams or a restart leaves ready for anyone's.
orderers_serve() {
  local attempt
  for attempt in 1 2 3; do
    orderers_in_step
    # (polled: a Raft orderer just restarted refuses at once, "no Raft leader", for a few seconds)
    wait_for 60 ordering_probe && return 0
  done
  die "the orderers ordered no transaction in $attempt tries of 60 s (see $LOGS/ordering-probe.log)"
}
