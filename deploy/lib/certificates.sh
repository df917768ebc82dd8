# shellcheck shell=bash
# Certificates: how long the CAs issue them for, and renewing every certificate the network's
# processes and this script's identities hold before it expires, with the network serving
# throughout (network.sh renew-certs). The portal renews its own identities in its tokens.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

# The lifetime of the certificates the CAs issue, a Go duration: a year, or what
# "up --cert-lifetime" chose (15m proves renewal in tests and benchmarks).
cert_lifetime() { cat "$NET/cert-lifetime" 2>/dev/null || echo 8760h; }

# reenroll ORG DIR [TLS_NAME]: a new certificate from ORG's CA for the key already in DIR, asked for
# with DIR's current certificate (no enrolment secret); with TLS_NAME a TLS certificate for that
# node. The key stays, so whatever pinned it (the ordering service's consenter set) still matches.
reenroll() {
  local org="$1" dir="$2" tls_name="${3:-}"
  local args=(--caname "ca-$org" -M "$dir" --csr.keyrequest.reusekey)
  [[ -n "$tls_name" ]] && args+=(--enrollment.profile tls --csr.hosts "$(tls_names "$org"),$tls_name")
  FABRIC_CA_CLIENT_URL="$(ca_url "$org")" ca_client "$org" reenroll "${args[@]}" \
    || die "$org's CA did not renew the certificate in $dir: see $LOGS/ca-client.log"
  stable_msp_names "$dir"
}

# The day and time a certificate file expires, as openssl prints it.
cert_expiry() { openssl x509 -in "$1" -noout -enddate | cut -d= -f2; }

# renew_ca_tls ORG: ORG's CA serves a new TLS certificate. The CA makes one (signed by itself, which
# its clients trust) when it starts without one; its enrolments pause for the restart.
renew_ca_tls() {
  local org="$1" home old key
  home="$(ca_home "$org")"
  stop_process "ca-$org"
  # The old certificate's key goes with it: a key no certificate names is one more secret to keep.
  old="$(openssl x509 -in "$home/tls-cert.pem" -noout -pubkey 2>/dev/null || true)"
  for key in "$home"/msp/keystore/*_sk; do
    [[ -n "$old" && -f "$key" && "$(openssl pkey -in "$key" -pubout 2>/dev/null)" == "$old" ]] && rm -f "$key"
  done
  rm -f "$home/tls-cert.pem"
  start_process "ca-$org"
  wait_until "ca-$org" 30 test -f "$home/tls-cert.pem"
  wait_until "ca-$org" 30 port_open "${CA_PORT[$org]}" "$(org_host "$org")"
}

# update_consenter N: the channel's consenter set names orderer N's renewed signing and TLS
# certificates (BFT: each orderer finds itself in the set by its signing certificate), and so does
# the block validation policy (BFT requires it to name exactly the consenters' identities). Its own
# organisation's orderer admin and the next ones, a majority, sign; then the update must have
# reached a peer before the orderer restarts under the new certificate.
update_consenter() {
  local n="$1" dir="$NET/exchange/consenter-$1" node signers=() k count
  node="$(orderer_node_dir "$n")"
  mkdir -p "$dir"
  fetch_channel_config "$(orderer_org "$n")" "$dir"
  jq --argjson id "$n" --arg identity "$(base64 -w0 "$node/msp/signcerts/cert.pem")" \
    --arg tls "$(base64 -w0 "$node/tls/signcerts/cert.pem")" \
    '(.channel_group.groups.Orderer.values.Orderers.value.consenter_mapping[] | select(.id == $id).identity) as $old
     | (.channel_group.groups.Orderer.values.Orderers.value.consenter_mapping[] | select(.id == $id))
         |= (.identity = $identity | .client_tls_cert = $tls | .server_tls_cert = $tls)
     | (.channel_group.groups.Orderer.policies.BlockValidation.policy.value.identities[].principal
         | select(.id_bytes == $old).id_bytes) = $identity' \
    "$dir/config.json" > "$dir/modified.json"
  config_update_envelope "$dir"
  count="$(orderer_count)"
  for ((k = 0; k < count / 2 + 1; k++)); do
    local m=$(((n - 1 + k) % count + 1))
    signers+=("$(orderer_msp "$m") $(orderer_org "$m")")
  done
  sign_and_submit "$dir/update-envelope.pb" "${signers[@]}"
  wait_until "orderer$n's new certificate in the channel configuration" 60 \
    peer_config_names "$(orderer_org "$n")" "$(sed -n 2p "$node/msp/signcerts/cert.pem")"
}

cmd_renew_certs() {
  (($# == 0)) || die "usage: network.sh renew-certs"
  [[ -d "$NET/launch" ]] || die "no network: run 'network.sh up' first"
  local started=$SECONDS org entry name o n i height
  log "Renewing every certificate (each key stays); processes restart one at a time"
  # The CAs one after another, although each organisation has its own. At once took 5 s rather than
  # 14 on an idle machine, but it moves the orderers' renewal restarts earlier, and on BFT SmartBFT's
  # lone view-change requests after restarts vary from run to run (HostsNetworkIT's renewal: 145 s,
  # 287 s at once, 212 s in turn again). The orderers keep the timing they were tuned with until that
  # is understood.
  for org in $(network_orgs); do renew_ca_tls "$org"; done
  # The identities this script acts as: each organisation's admin (CLI and osnadmin) and the PEM
  # copies of the demo identities (network.sh invoke and query).
  for org in $(network_orgs); do
    reenroll "$org" "$(org_dir "$org")/users/$org.admin/msp"
    reenroll "$org" "$(org_dir "$org")/users/$org.admin/tls" "$org.admin"
  done
  for entry in "${DEMO_IDENTITIES[@]}"; do
    read -r name o _ <<<"$entry"
    [[ -f "$(identity_dir "$o" "$name")/signcerts/cert.pem" ]] && reenroll "$o" "$(identity_dir "$o" "$name")"
  done

  # Peers one at a time: an organisation with two goes on through the other; with one, the portal's
  # outbox holds that register's writes for the few seconds of the restart.
  for org in "${PEER_ORGS[@]}"; do
    for ((i = 0; i < $(peer_count); i++)); do
      name="$(peer_name "$org" "$i")"
      height="$(channel_height "$org" "$i" || true)"
      reenroll "$org" "$(org_dir "$org")/nodes/peer$i.$org/msp"
      reenroll "$org" "$(org_dir "$org")/nodes/peer$i.$org/tls" "peer$i.$org"
      restart_process "$name"
      wait_until "$name" 60 http_ok "$(process_health_url "$name")"
      wait_until "$name to catch up" 120 peer_reached "$org" "$i" "${height:-0}"
      log "$name: certificates until $(cert_expiry "$(org_dir "$org")/nodes/peer$i.$org/tls/signcerts/cert.pem")"
    done
  done

  # Orderers one at a time, each back in step with the others and ordering before the next goes, so
  # that BFT's quorum (3 of 4) holds: the one restarted before, or a fault's, may have left stale
  # streams or a lone complainer (orderers_serve). Raft and BFT compare a consenter's TLS certificate
  # by its key, which stays; BFT also names each orderer's signing certificate in the channel's
  # consenter set, which is updated first (signed by a majority of the organisations' orderer admins).
  for ((n = 1; n <= $(orderer_count); n++)); do
    o="$(orderer_org "$n")"
    orderers_serve
    reenroll "$o" "$(orderer_node_dir "$n")/msp"
    reenroll "$o" "$(orderer_node_dir "$n")/tls" "orderer$n"
    if bft; then update_consenter "$n"; orderers_in_step; fi
    restart_orderer "$n"
    wait_until "orderer$n" 60 http_ok "$(process_health_url "orderer$n")"
    log "orderer$n: certificates until $(cert_expiry "$(orderer_node_dir "$n")/tls/signcerts/cert.pem")"
  done
  orderers_serve

  # The chaincode services' TLS certificates, and the client certificates their peers present to
  # them, which each package carries: renewed, then deployed as the next sequence (the old services
  # serve until the peers run the new definition, as in upgrade-chaincode).
  local jobs=()
  for org in "${PEER_ORGS[@]}"; do
    for name in chaincode chaincode-client; do
      reenroll "$org" "$(org_dir "$org")/nodes/$name.$org/tls" "$name.$org"
    done &
    jobs+=($!)
  done
  wait_all "renewing the chaincode services' certificates" "${jobs[@]}"
  deploy_chaincode
  wait_for_chaincode_ready
  log "Certificates renewed in $((SECONDS - started)) s"
  cmd_status || true
}
