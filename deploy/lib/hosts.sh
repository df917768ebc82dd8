# shellcheck shell=bash
# Hosts mode (issue 29): each organisation on a "host" of its own, a Linux network
# namespace this script creates, joined to the machine by a veth pair on a bridge it also creates.
# Addresses are the script's own, in 10.231.7.0/24: the machine's side of the bridge .1, then one
# per organisation. Nothing else is routed; `hosts_down` removes every namespace, veth and the bridge.
# Sourced by deploy/network.sh, whose settings it uses (PEER_ORGS); loading it only defines functions.

HOSTS_BRIDGE=druk-hosts
HOSTS_NET=10.231.7
declare -A HOST_OCTET=([land]=11 [procurement]=12 [justice]=13 [audit]=14 [orderer]=15)

host_namespace() { echo "druk-$1"; }
host_address() { echo "$HOSTS_NET.${HOST_OCTET[$1]}"; }
# veth names are at most 15 characters: "dk-" and the organisation's first 12.
host_veth() { local name="dk-$1"; echo "${name:0:15}"; }

no_ipv6() { sysctl -qw "net.ipv6.conf.$1.disable_ipv6=1" 2>/dev/null || true; }

# Runs a command on an organisation's host.
in_host() { local org="$1"; shift; ip netns exec "$(host_namespace "$org")" "$@"; }

hosts_up() {
  command -v ip >/dev/null || die "hosts mode needs iproute2 (apt-get install iproute2)"
  hosts_down
  ip link add "$HOSTS_BRIDGE" type bridge
  # No IPv6 on the machine's side: a link-local address with a zone (fe80::…%dk-land) is what some
  # programs then take for the machine's own address (Arquillian's Payara Micro did, and its URLs broke).
  no_ipv6 "$HOSTS_BRIDGE"
  ip addr add "$HOSTS_NET.1/24" dev "$HOSTS_BRIDGE"
  ip link set "$HOSTS_BRIDGE" up
  local org
  for org in $(network_orgs); do host_up "$org"; done
}

# One organisation's host, on the bridge.
host_up() {
  local org="$1" ns veth
  ns="$(host_namespace "$org")"
  veth="$(host_veth "$org")"
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  no_ipv6 "$veth"
  ip link set "$veth" master "$HOSTS_BRIDGE" up
  in_host "$org" ip addr add "$(host_address "$org")/24" dev eth0
  in_host "$org" ip link set eth0 up
  in_host "$org" ip link set lo up
}

# A namespace lives on while a process runs in it, and its veth with it: any process still there
# is killed first (the network's own are stopped before this), then the veth and the namespace go.
hosts_down() {
  local org ns pids
  for org in "${PEER_ORGS[@]}" orderer; do
    ns="$(host_namespace "$org")"
    pids="$(ip netns pids "$ns" 2>/dev/null || true)"
    if [[ -n "$pids" ]]; then
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
    fi
    ip link del "$(host_veth "$org")" 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  ip link del "$HOSTS_BRIDGE" 2>/dev/null || true
}
