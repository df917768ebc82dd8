# shellcheck shell=bash
# Ledger snapshots: a peer's snapshot at its last committed block (for add-org's new peers and for
# deploy/backup.sh), and a peer joining the channel from one.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, organisations, ports); loading it
# only defines functions.

# A snapshot of ORG's peer 0 at its last committed block, moved to DIR/snapshot (a snapshot holds
# the public ledger state and hashes only). Prints that directory.
take_snapshot() {
  local org="$1" dir="$2" height completed block
  height="$(channel_height "$org")"
  completed="$NET/data/$(peer_name "$org" 0)/snapshots/completed/$CHANNEL"
  as_org_admin "$org" "$FABRIC_BIN/peer" snapshot submitrequest -c "$CHANNEL" -b 0 \
    --peerAddress "$(org_host "$org"):${PEER_PORT[$org]}" --tlsRootCertFile "$(org_dir "$org")/msp/tlscacerts/ca.pem" \
    >>"$LOGS/snapshots.log" 2>&1 || die "$org's peer refused the snapshot request: see $LOGS/snapshots.log"
  # (at the block last committed when the request arrived: this one or a later one)
  wait_until "$org's snapshot" 120 snapshot_since "$completed" $((height - 1))
  block="$(snapshot_since "$completed" $((height - 1)))"
  mkdir -p "$dir"
  rm -rf "$dir/snapshot"
  cp -r "$completed/$block" "$dir/snapshot"
  rm -rf "${completed:?}/$block"
  echo "$dir/snapshot"
}

# The newest completed snapshot in DIR at block FROM or later (its directory's name is the block).
snapshot_since() {
  local newest
  newest="$(find "$1" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -n | tail -1)"
  [[ -n "$newest" ]] && ((newest >= $2)) && echo "$newest"
}

join_by_snapshot() {
  local org="$1" n="$2" snapshot="$3"
  as_org_admin_on "$org" "$n" "$FABRIC_BIN/peer" channel joinbysnapshot --snapshotpath "$snapshot" \
    >>"$LOGS/snapshots.log" 2>&1 || die "$(peer_name "$org" "$n") could not join from the snapshot: see $LOGS/snapshots.log"
  wait_until "$(peer_name "$org" "$n") to load the snapshot" 300 snapshot_join_done "$org" "$n"
}

snapshot_join_done() {
  local status
  status="$(as_org_admin_on "$1" "$2" "$FABRIC_BIN/peer" channel joinbysnapshotstatus 2>/dev/null)" || return 1
  [[ "$status" == *"No joinbysnapshot operation is in progress"* ]]
}

# network.sh rejoin ORG --snapshot DIR | --genesis BLOCK: ORG's peers, their ledger lost (a dead
# disk), start empty and join again: from a snapshot (deploy/restore.sh --peer: the backup's),
# fetching only the blocks after it, or from the genesis block, replaying the whole chain (what a
# peer that others read history from needs: a peer joined from a snapshot has no earlier blocks).
# Then they run ORG's chaincode package again and catch up with the channel.
cmd_rejoin() {
  (($# == 3)) && [[ "$2" == --snapshot || "$2" == --genesis ]] || die "usage: network.sh rejoin ORG --snapshot DIR | --genesis BLOCK"
  local org="$1" how="$2" from sequence n started=$EPOCHREALTIME
  [[ -n "${PEER_PORT[$org]:-}" ]] || die "no organisation named $org"
  from="$(realpath -m "$3")"
  if [[ "$how" == --snapshot ]]; then
    [[ -f "$from/_snapshot_signable_metadata.json" ]] || die "$from is not a ledger snapshot"
  else
    [[ -f "$from" ]] || die "no genesis block at $from"
  fi
  sequence="$(cat "$NET/chaincode/sequence")"
  for ((n = 0; n < $(peer_count); n++)); do
    stop_process "$(peer_name "$org" "$n")"
    rm -rf "${NET:?}/data/$(peer_name "$org" "$n")"
    start_process "$(peer_name "$org" "$n")"
    wait_for_peer "$org" "$n"
    if [[ "$how" == --snapshot ]]; then join_by_snapshot "$org" "$n" "$from"; else join_channel "$org" "$n" "$from"; fi
  done
  local other height
  other="$(for o in "${PEER_ORGS[@]}"; do [[ "$o" == "$org" ]] || { echo "$o"; break; }; done)"
  height="$(channel_height "$other")"
  # The package once the chain is replayed: installed while the peer commits the block defining the
  # chaincode, it held that commit about a minute.
  for ((n = 0; n < $(peer_count); n++)); do
    wait_until "$(peer_name "$org" "$n") to reach height $height" 600 peer_reached "$org" "$n" "$height"
    install_package "$org" "$n" "$NET/chaincode/package-$sequence-$org/$CHAINCODE.tgz" \
      || die "$org's chaincode package could not be installed again: see $LOGS/lifecycle.log"
  done
  wait_for_chaincode_ready
  log "$org's peers rejoined ($(if [[ "$how" == --snapshot ]]; then echo "from the snapshot at block $(jq -r .last_block_number "$from/_snapshot_signable_metadata.json")"; else echo "replaying from the genesis block"; fi)) and reached height $height in $(seconds_since "$started") s"
}
