# shellcheck shell=bash
# A wide-area network between the hosts (issue 29): dzongkhag offices reach the data centre, and the
# agencies each other, over links with tens of milliseconds of delay. This kernel has no `tc netem`,
# so the delay is added in user space by Toxiproxy (built from Go sources, like Fabric), on the
# machine's side of the hosts' bridge. In every organisation's namespace, nftables sends each
# connection to another organisation's CA, peers or orderer to a Toxiproxy listener instead, which
# passes it on to the real address with the delay added in both directions. Traffic inside a host and
# from the machine itself (the operator's commands, the tests' checks) stays direct. TLS is end to end:
# the proxy only moves bytes, and each client still checks the certificate of the address it dialled.
# Sourced by deploy/network.sh (hosts mode only); loading it only defines functions.

TOXIPROXY_VERSION=2.5.0
TOXIPROXY_BIN="${DRUK_CACHE:-$HOME/.cache/druk-registry}/toxiproxy-$TOXIPROXY_VERSION/bin/toxiproxy-server"
# The proxy's API, for this script alone: on the machine's loopback, not on the hosts' bridge.
WAN_API=127.0.0.1:8474

wan_enabled() { [[ -f "$NET/wan" ]]; }

build_toxiproxy() {
  [[ -x "$TOXIPROXY_BIN" ]] && return 0
  echo "Building Toxiproxy $TOXIPROXY_VERSION into $(dirname "$TOXIPROXY_BIN") (first time only)..."
  build_go_tools "$(dirname "$(dirname "$TOXIPROXY_BIN")")/builder" "$TOXIPROXY_BIN" \
    "github.com/Shopify/toxiproxy/v2 v$TOXIPROXY_VERSION" "" github.com/Shopify/toxiproxy/v2/cmd/server
}

# Every address another organisation dials: "ORG ADDRESS PORT", one per line (CAs, peers, orderers).
wan_endpoints() {
  local org i n
  for org in $(network_orgs); do echo "$org $(org_host "$org") ${CA_PORT[$org]}"; done
  for org in "${PEER_ORGS[@]}"; do
    for ((i = 0; i < $(peer_count); i++)); do echo "$org $(org_host "$org") $(peer_port "$org" "$i")"; done
  done
  for ((n = 1; n <= $(orderer_count); n++)); do echo "$(orderer_org "$n") $(orderer_host "$n") $(orderer_port "$n")"; done
}

# Every endpoint with the proxy's listener for it, on the bridge (port 20000 + the host's last
# octet × 100 + the endpoint's place among its host's): "ORG ADDRESS PORT LISTENER", one per line.
wan_links() {
  local org address port k=0 previous=""
  while read -r org address port; do
    [[ "$org" == "$previous" ]] || { k=0; previous="$org"; }
    echo "$org $address $port $HOSTS_NET.1:$((20000 + HOST_OCTET[$org] * 100 + k))"
    k=$((k + 1))
  done < <(wan_endpoints | sort -s -k1,1)
}

# Writes the proxies, one for every endpoint, to $NET/wan-proxies.json (the proxy also reads it when
# it starts again), has the running proxy take them (the same names keep their connections and
# delays), then sets the delay on each.
wan_configure() {
  local latency jitter org address port listener proxies=() list stream toxic
  read -r latency jitter < "$NET/wan"
  while read -r org address port listener; do
    proxies+=("{\"name\":\"$org-$port\",\"listen\":\"$listener\",\"upstream\":\"$address:$port\",\"enabled\":true}")
  done < <(wan_links)
  list="$(printf '%s,' "${proxies[@]}")"
  echo "[${list%,}]" > "$NET/wan-proxies.json"
  curl -sf --max-time 10 -X POST "http://$WAN_API/populate" --data-binary "@$NET/wan-proxies.json" >/dev/null \
    || die "Toxiproxy refused the WAN's proxies (see $LOGS/wan.log)"
  while read -r org address port listener; do
    for stream in upstream downstream; do
      toxic="{\"name\":\"wan-$stream\",\"type\":\"latency\",\"stream\":\"$stream\",\"attributes\":{\"latency\":$latency,\"jitter\":$jitter}}"
      curl -sf --max-time 10 -X POST "http://$WAN_API/proxies/$org-$port/toxics/wan-$stream" -d "$toxic" >/dev/null \
        || curl -sf --max-time 10 -X POST "http://$WAN_API/proxies/$org-$port/toxics" -d "$toxic" >/dev/null \
        || die "Toxiproxy refused the delay on $org-$port"
    done
  done < <(wan_links)
}

# In each organisation's namespace: connections to another organisation's endpoints go to the proxy.
wan_route() {
  local source org address port listener rules
  for source in $(network_orgs); do
    rules=""
    while read -r org address port listener; do
      [[ "$org" == "$source" ]] || rules+="    ip daddr $address tcp dport $port dnat to $listener"$'\n'
    done < <(wan_links)
    in_host "$source" nft -f - <<RULES
table ip druk_wan
delete table ip druk_wan
table ip druk_wan {
  chain out {
    type nat hook output priority -100; policy accept;
$rules  }
}
RULES
  done
}

# Connections made before the routes changed still go the old way: in each host, close those to
# another host (not those inside it, nor the machine's), and their programs dial again.
wan_reconnect() {
  local org
  for org in $(network_orgs); do
    in_host "$org" ss -K "dst $HOSTS_NET.0/24 and not dst $HOSTS_NET.1 and not dst $(org_host "$org")" >/dev/null 2>&1 || true
  done
}

wan_unroute() {
  local org
  for org in $(network_orgs); do in_host "$org" nft delete table ip druk_wan 2>/dev/null || true; done
}

# The proxy as one of the network's processes (stop, start and status know it while the WAN is on).
write_wan_launch() {
  write_launch wan \
    "export LOG_LEVEL=warn" \
    "exec '$TOXIPROXY_BIN' -host ${WAN_API%:*} -port ${WAN_API#*:} -config '$NET/wan-proxies.json'"
}

# After the links changed, on a running network: until the peers know each other again and the
# orderers order again over their new connections (ordering_probe), before anyone's registration
# meets the streams the reset left behind.
wan_await_network() {
  cmd_status >/dev/null || return 0
  wait_until "peers to discover each other" 120 peers_know_each_other
  orderers_serve
}

wan_start() {
  start_process wan
  wait_until "the WAN's proxy" 30 http_ok "http://$WAN_API/version"
  wan_configure
  wan_route
  wan_reconnect
}

# network.sh wan on [LATENCY_MS [JITTER_MS]] | off | status
cmd_wan() {
  hosts_mode || die "a WAN joins hosts: start the network with 'network.sh up --hosts'"
  case "${1:-status}" in
    on)
      local latency="${2:-50}" jitter="${3:-10}"
      [[ "$latency" =~ ^[0-9]+$ && "$jitter" =~ ^[0-9]+$ ]] && ((jitter <= latency)) \
        || die "usage: network.sh wan on [LATENCY_MS [JITTER_MS]] (whole milliseconds, jitter at most the latency)"
      command -v nft >/dev/null || die "the WAN needs nftables (apt-get install nftables)"
      build_toxiproxy
      echo "$latency $jitter" > "$NET/wan"
      write_wan_launch
      wan_start
      wan_await_network
      log "WAN on: ${latency} ms ± ${jitter} ms each way between the organisations' hosts"
      ;;
    off)
      wan_unroute
      stop_process wan
      rm -f "$NET/wan"
      wan_await_network
      log "WAN off: the hosts reach each other directly"
      ;;
    status)
      if wan_enabled; then
        local latency jitter
        read -r latency jitter < "$NET/wan"
        echo "WAN on: ${latency} ms ± ${jitter} ms each way, proxy $(is_running wan && echo running || echo DOWN)"
      else
        echo "WAN off"
      fi
      ;;
    *) die "usage: network.sh wan on [LATENCY_MS [JITTER_MS]] | off | status" ;;
  esac
}
