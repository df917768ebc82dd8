# shellcheck shell=bash
# Client connection settings for the portal: deploy/.network/connection.json.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

write_connection_file() {
  local file="$NET/connection.json" org first=1 entry
  {
    echo "{"
    echo "  \"channel\": \"$CHANNEL\","
    echo "  \"tokens\": {"
    first=1
    for org in "${PEER_ORGS[@]}"; do
      ((first)) || echo ","
      first=0
      printf '    "%s": {"config": "%s", "pinFile": "%s"}' "${MSP[$org]}" "$(token_config "$org")" "$(token_pin_file "$org")"
    done
    echo ""
    echo "  },"
    first=1
    echo "  \"chaincode\": \"$CHAINCODE\","
    # Each organisation's CA, and the portal's registrar there (its key is in the organisation's token).
    echo "  \"authorities\": {"
    first=1
    for org in "${PEER_ORGS[@]}"; do
      ((first)) || echo ","
      first=0
      printf '    "%s": {"url": "%s", "caName": "ca-%s", "tlsCaCert": "%s", "registrar": "%s", "crlAdmin": "%s"}' \
        "${MSP[$org]}" "$(ca_url "$org")" "$org" "$(ca_tls_root "$org")" "$(registrar_name "$org")" "$(crl_admin_name "$org")"
    done
    echo ""
    echo "  },"
    # Where channel configuration updates (new CRLs) are sent.
    printf '  "orderers": [%s],\n' "$(for ((n = 1; n <= $(orderer_count); n++)); do
      printf '%s{"endpoint": "%s", "hostOverride": "localhost", "tlsCaCert": "%s"}' "$( ((n > 1)) && echo ", ")" \
        "$(orderer_endpoint "$n")" "$(orderer_ca "$n")"; done)"
    first=1
    echo "  \"peers\": {"
    for org in "${PEER_ORGS[@]}"; do
      ((first)) || echo ","
      first=0
      local endpoints="" i
      for ((i = 0; i < $(peer_count); i++)); do endpoints+="${endpoints:+, }\"$(org_host "$org"):$(peer_port "$org" "$i")\""; done
      printf '    "%s": {"endpoint": "%s:%s", "endpoints": [%s], "hostOverride": "localhost", "tlsCaCert": "%s"}' \
        "${MSP[$org]}" "$(org_host "$org")" "${PEER_PORT[$org]}" "$endpoints" "$(public_msp "$org")/tlscacerts/ca.pem"
    done
    echo ""
    echo "  },"
    echo "  \"identities\": {"
    first=1
    for entry in "${DEMO_IDENTITIES[@]}"; do
      local name org attrs role="" register="" office="" dir
      read -r name org attrs <<<"$entry"
      [[ "$attrs" =~ role=([a-z]+) ]] && role="${BASH_REMATCH[1]}"
      [[ "$attrs" =~ register=([a-z]+) ]] && register="${BASH_REMATCH[1]}"
      [[ "$attrs" =~ office=([A-Z]+) ]] && office="${BASH_REMATCH[1]}"
      dir="$(identity_dir "$org" "$name")"
      ((first)) || echo ","
      first=0
      printf '    "%s": {"mspId": "%s", "certificate": "%s", "privateKey": "%s", "role": "%s", "register": "%s", "office": "%s"}' \
        "$name" "${MSP[$org]}" "$dir/signcerts/cert.pem" "$dir/keystore/key.pem" "$role" "$register" "$office"
    done
    echo ""
    echo "  }"
    echo "}"
  } > "$file"
}
