# shellcheck shell=bash
# network.sh add-org NAME: an organisation joins the running channel as an observer (it endorses no
# register's records, its peers keep a full copy of the ledger and answer queries), e.g. the
# Anti-Corruption Commission. Its admin makes its CA, identities and MSP on its own host; a
# majority of the existing organisations' admins sign the channel configuration update, each on its
# own host, passing one signature file along; its peers join from a ledger snapshot of the
# auditor's peer rather than replaying every block (or, with --join genesis, from the first block,
# to compare).
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, organisations, ports); loading
# it only defines functions, and the organisations added before (load_added_orgs).

# $NET/added-orgs: one line per added organisation, "NAME INDEX"; INDEX places its ports (12000 +
# 1000 × INDEX: CA 12054, peer 12051, operations 12444, chaincode 12057) and its host address.
added_orgs_file() { echo "$NET/added-orgs"; }

org_msp_name() { echo "${1^}MSP"; }

define_added_org() {
  local org="$1" index="$2" base=$((12000 + 1000 * $2))
  PEER_ORGS+=("$org")
  MSP[$org]="$(org_msp_name "$org")"
  CA_PORT[$org]=$((base + 54))
  PEER_PORT[$org]=$((base + 51))
  PEER_OPS_PORT[$org]=$((base + 444))
  CHAINCODE_PORT[$org]=$((base + 57))
  HOST_OCTET[$org]=$((16 + index))
}

load_added_orgs() {
  local org index
  [[ -f "$(added_orgs_file)" ]] || return 0
  while read -r org index; do define_added_org "$org" "$index"; done < "$(added_orgs_file)"
}

cmd_add_org() {
  local org="${1:-}" join=snapshot
  (($#)) && shift
  while (($#)); do
    case "$1" in
      --join) join="$2"; shift 2 ;;
      *) die "unknown option for add-org: $1" ;;
    esac
  done
  [[ "$org" =~ ^[a-z]{2,12}$ ]] || die "usage: network.sh add-org NAME [--join snapshot|genesis] (NAME: 2 to 12 lower-case letters)"
  [[ "$join" == snapshot || "$join" == genesis ]] || die "--join must be snapshot or genesis"
  [[ -z "${MSP[$org]:-}" ]] || die "an organisation named $org is on the network already"
  cmd_status >/dev/null || die "every process of the network must be up to add an organisation (network.sh status)"
  command -v jq >/dev/null || die "add-org needs jq (apt-get install jq)"
  local started=$SECONDS index
  index=0; [[ -f "$(added_orgs_file)" ]] && index="$(wc -l < "$(added_orgs_file)")"
  # The signers: a majority of the organisations on the channel now (its Admins policy).
  local members=("${PEER_ORGS[@]}")
  local signers=("${members[@]:0:$((${#members[@]} / 2 + 1))}")
  echo "$org $index" >> "$(added_orgs_file)"
  define_added_org "$org" "$index"

  log "$org: a host, a CA and identities of its own"
  if hosts_mode; then host_up "$org"; fi
  # Over a WAN, the new host's links are as slow as the others' (both ways).
  if wan_enabled; then wan_configure; wan_route; fi
  start_org_ca "$org"
  setup_org_identities "$org"
  local n
  for ((n = 0; n < $(peer_count); n++)); do setup_node_identity "$org" "peer$n.$org" peer; done

  local exchange="$NET/exchange/add-$org"
  mkdir -p "$exchange"
  write_org_definition "$org" "$exchange"
  log "$org: configuration update signed by ${signers[*]}"
  channel_update_adding "$org" "$exchange" "${signers[@]}"

  log "$org: peers join the channel ($join)"
  local snapshot="" join_started
  if [[ "$join" == snapshot ]]; then
    join_started=$EPOCHREALTIME
    snapshot="$(take_snapshot audit "$exchange")"
    log "$org: the auditor's peer took a snapshot at block $(jq -r .last_block_number "$snapshot/_snapshot_signable_metadata.json") in $(seconds_since "$join_started") s"
  fi
  join_started=$EPOCHREALTIME
  for ((n = 0; n < $(peer_count); n++)); do
    write_peer_launch "$org" "$n"
    start_process "$(peer_name "$org" "$n")"
    wait_for_peer "$org" "$n"
    if [[ "$join" == snapshot ]]; then join_by_snapshot "$org" "$n" "$snapshot"; else join_channel "$org" "$n"; fi
  done
  local height
  height="$(channel_height audit)"
  for ((n = 0; n < $(peer_count); n++)); do
    wait_until "$(peer_name "$org" "$n") to reach height $height" 600 peer_reached "$org" "$n" "$height"
  done
  log "$org: peers caught up to height $height in $(seconds_since "$join_started") s from joining ($join)"

  install_observer_chaincode "$org"
  wait_for_chaincode_ready
  log "$org added in $((SECONDS - started)) s"
  cmd_status || true
}

# Seconds (one decimal) since an $EPOCHREALTIME.
seconds_since() { awk -v from="$1" -v now="$EPOCHREALTIME" 'BEGIN { printf "%.1f", now - from }'; }

start_org_ca() {
  local org="$1"
  mkdir -p "$(ca_home "$org")"
  openssl rand -hex 16 > "$(ca_home "$org")/bootstrap-secret"
  write_ca_launch "$org"
  start_process "ca-$org"
  wait_until "ca-$org" 30 test -f "$(ca_home "$org")/ca-cert.pem"
  wait_until "ca-$org" 30 port_open "${CA_PORT[$org]}" "$(org_host "$org")"
}

# The organisation's definition as the channel will hold it (public material only: its CA
# certificates, NodeOU configuration, policies and anchor peer), written by its own admin.
write_org_definition() {
  local org="$1" exchange="$2" m="${MSP[$1]}" dir="$NET/orgs/$1/definition"
  mkdir -p "$dir"
  { echo "Organizations:"; application_org_yaml "$org" "$(org_dir "$org")/msp"; } > "$dir/configtx.yaml"
  "$FABRIC_BIN/configtxgen" -configPath "$dir" -printOrg "$m" > "$exchange/$m.json" 2>>"$LOGS/configtxgen.log" \
    || die "configtxgen could not print $m's definition: see $LOGS/configtxgen.log"
}

# The update adding ORG to the channel's Application group: the first signer's admin fetches the
# current configuration and computes the update; each signer signs the same file on its own host;
# the last one submits it (its submission is its signature).
channel_update_adding() {
  local org="$1" exchange="$2"; shift 2
  local m="${MSP[$org]}" signer signers=()
  # After a restart (a fault's, a renewal's) an orderer may lag, complain alone or hold stale streams.
  orderers_serve
  fetch_channel_config "$1" "$exchange"
  jq -s --arg m "$m" '.[0] * {channel_group: {groups: {Application: {groups: {($m): .[1]}}}}}' \
    "$exchange/config.json" "$exchange/$m.json" > "$exchange/modified.json"
  config_update_envelope "$exchange"
  for signer in "$@"; do signers+=("${MSP[$signer]} $signer"); done
  sign_and_submit "$exchange/update-envelope.pb" "${signers[@]}"
  # The auditor's peer must have the new configuration before the snapshot is taken.
  wait_until "the configuration update to commit" 60 peer_config_names audit "$m"
  # And every orderer, before the new organisation's first transaction (its chaincode approval): one
  # restarted just before (a lone complainer) was seen refusing it as a writer it did not know yet.
  orderers_in_step
}

# ORG's peer 0 runs the channel under a configuration that names MSP_ID.
peer_config_names() {
  local config
  config="$(as_org_admin "$1" "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n cscc \
    -c "$(ctor_json GetChannelConfig "$CHANNEL")" 2>/dev/null | tr -d '\0')" || return 1
  [[ "$config" == *"$2"* ]]
}

# The channel's height (blocks) on ORG's peer N (default 0).
channel_height() {
  as_org_admin_on "$1" "${2:-0}" "$FABRIC_BIN/peer" channel getinfo -c "$CHANNEL" 2>/dev/null \
    | sed -n 's/.*"height":\([0-9]*\).*/\1/p'
}

# peer_reached ORG N HEIGHT: ORG's peer N has at least HEIGHT blocks.
peer_reached() {
  local height
  height="$(channel_height "$1" "$2")"
  [[ -n "$height" ]] && ((height >= $3))
}

# The observer runs the chaincode too, to answer queries: its own package and service, installed
# on its peers and approved at the sequence already committed (nothing else changes).
install_observer_chaincode() {
  local org="$1" sequence package_id i
  sequence="$(cat "$NET/chaincode/sequence")"
  package_id="$(prepare_chaincode_package "$org" "$sequence")"
  for ((i = 0; i < $(peer_count); i++)); do
    install_package "$org" "$i" "$NET/chaincode/package-$sequence-$org/$CHAINCODE.tgz" || die "install on $org failed: see $LOGS/lifecycle.log"
  done
  write_chaincode_launch "$org" "$package_id" "$sequence"
  start_process "chaincode-$org"
  wait_until "chaincode-$org service" 60 port_open "$(chaincode_port "$org" "$sequence")" "$(org_host "$org")"
  approve_chaincode "$org" "$package_id" "$sequence" "$(orderer_args)"
}
