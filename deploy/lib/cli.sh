# shellcheck shell=bash
# Commands acting on a running network as a client: invoke, query, transaction, ledger-id,
# identity, snapshot, channel-config.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

identity_org() { local entry; for entry in "${DEMO_IDENTITIES[@]}"; do read -r n o _ <<<"$entry"; [[ "$n" == "$1" ]] && { echo "$o"; return; }; done; return 1; }

cmd_invoke() {
  (($# >= 2)) || die "usage: network.sh invoke IDENTITY FUNCTION [ARG...]"
  local identity="$1" function="$2"; shift 2
  local org register
  org="$(identity_org "$identity")" || die "unknown identity $identity"
  # Endorse on the identity's own org and the auditor, as the endorsement policy requires.
  local orgs=("$org")
  [[ "$org" != audit ]] && orgs+=(audit)
  # shellcheck disable=SC2046
  (peer_cli_env "$(identity_dir "$org" "$identity")" "${MSP[$org]}" "$org"
   "$FABRIC_BIN/peer" chaincode invoke $(orderer_args) \
     -C "$CHANNEL" -n "$CHAINCODE" $(peer_args_for "${orgs[@]}") --waitForEvent \
     -c "$(ctor_json "$function" "$@")")
}

cmd_query() {
  (($# >= 3)) || die "usage: network.sh query IDENTITY ORG FUNCTION [ARG...]"
  local identity="$1" target="$2" function="$3"; shift 3
  local org
  org="$(identity_org "$identity")" || die "unknown identity $identity"
  (peer_cli_env "$(identity_dir "$org" "$identity")" "${MSP[$org]}" "$target"
   "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$CHAINCODE" -c "$(ctor_json "$function" "$@")")
}

# {"Args":["Function","arg",...]} with JSON string escaping.
ctor_json() {
  local out='{"Args":[' sep='' a
  for a in "$@"; do
    a="${a//\\/\\\\}"; a="${a//\"/\\\"}"
    out+="$sep\"$a\""; sep=','
  done
  echo "$out]}"
}

# qscc FUNCTION ARG...: the hex answer of the first peer that has what is asked, the auditor's first
# (a peer joined from a snapshot has no blocks before it).
qscc() {
  local org
  for org in audit "${PEER_ORGS[@]}"; do
    (peer_cli_env "$(identity_dir audit inspector)" AuditMSP "$org"
     "$FABRIC_BIN/peer" chaincode query --hex -C "$CHANNEL" -n qscc -c "$(ctor_json "$@")") 2>/dev/null && return 0
  done
  return 1
}

cmd_transaction() {
  (($# == 1)) || die "usage: network.sh transaction TXID"
  qscc GetTransactionByID "$CHANNEL" "$1" || die "no peer has transaction $1"
}

# Which ledger this network serves, as the portal records it (LedgerIdentity): the channel and the
# hash of its genesis block, read here as Fabric itself wrote it, block 1's previous-block hash.
cmd_ledger_id() {
  local hex
  hex="$(qscc GetBlockByNumber "$CHANNEL" 1)" || die "block 1 of channel $CHANNEL could not be read"
  # Block.header (field 1, 70 bytes) = number 1 (field 1), previous_hash (field 2, 32 bytes), ...
  [[ "$hex" =~ ^0a4608011220([0-9a-f]{64}) ]] || die "block 1 does not start as a Fabric block header"
  echo "$CHANNEL/${BASH_REMATCH[1]}"
}

cmd_identity() {
  (($# == 2)) || die "usage: network.sh identity ORG NAME"
  [[ -n "${CA_PORT[$1]:-}" ]] || die "no organisation named $1"
  FABRIC_CA_CLIENT_HOME="$NET/ca-client/$1" "$FABRIC_BIN/fabric-ca-client" identity list --id "$2" \
    -u "$(ca_url "$1")" --caname "ca-$1" -M "$NET/ca-client/$1/admin-msp" --tls.certfiles "$(ca_tls_root "$1")"
}

# network.sh snapshot ORG DIR: ORG's peer 0 takes a snapshot of its ledger at its last block, into DIR/snapshot.
cmd_snapshot() {
  (($# == 2)) || die "usage: network.sh snapshot ORG DIR"
  [[ -n "${PEER_PORT[$1]:-}" ]] || die "no organisation named $1"
  take_snapshot "$1" "$(realpath -m "$2")"
}

# network.sh channel-config DIR: the channel's latest configuration block (DIR/config-block.pb) and
# its genesis block (DIR/genesis.block, what a peer replaying the chain joins with), fetched by Land's admin.
cmd_channel_config() {
  (($# == 1)) || die "usage: network.sh channel-config DIR"
  local dir block
  dir="$(realpath -m "$1")"
  mkdir -p "$dir"
  for block in config:config-block.pb oldest:genesis.block; do
    # shellcheck disable=SC2046
    as_org_admin land "$FABRIC_BIN/peer" channel fetch "${block%%:*}" "$dir/${block#*:}" $(orderer_args) -c "$CHANNEL" \
      >>"$LOGS/snapshots.log" 2>&1 || die "the channel's ${block%%:*} block could not be fetched: see $LOGS/snapshots.log"
  done
}
