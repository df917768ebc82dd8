#!/usr/bin/env bash
# Druk Registry's Hyperledger Fabric network as native processes on 127.0.0.1 (no Docker).
#
#   network.sh up [--orderers 1|3] [--peers 1|2] [--hosts] [--orderer raft|bft] [--cert-lifetime D]
#                                    fresh network: CAs, identities, orderers, peers (per organisation),
#                                    channel, chaincode; --hosts: each organisation on a host of its own
#                                    (a network namespace, deploy/lib/hosts.sh); --orderer bft (the
#                                    default with --hosts): four SmartBFT orderers, one per organisation;
#                                    --cert-lifetime: the CAs' certificates last D (a Go duration,
#                                    default 8760h; 15m to prove renewal)
#   network.sh down                  stop everything and delete the network's state
#   network.sh stop | start          stop / resume the processes, keeping ledger data
#   network.sh status                each process with port and health; non-zero if any is down
#   network.sh upgrade-chaincode     rebuild the chaincode and deploy it as the next sequence, each
#                                    organisation approving its own package; registrations go on
#   network.sh renew-certs           a new certificate for every node, admin and chaincode service key,
#                                    each process restarted in turn; registrations go on
#   network.sh add-org NAME [--join snapshot|genesis]
#                                    a new organisation on its own host joins the channel as an observer:
#                                    update signed by a majority of admins, peers joined from a snapshot
#   network.sh invoke IDENTITY FUNCTION [ARG...]     submit through the issuing org's + the auditor's peers
#   network.sh query IDENTITY ORG FUNCTION [ARG...]  evaluate on one org's peer
#   network.sh transaction TXID      the committed transaction (hex ProcessedTransaction, via qscc)
#   network.sh kill NAME             SIGKILL one process (fault injection), e.g. orderer2
#   network.sh orderer-leader        the orderer that leads the channel's ordering now, e.g. orderer2
#   network.sh identity ORG NAME     how that organisation's CA sees an identity (type, max enrolments, attributes)
#   network.sh snapshot ORG DIR     that organisation's peer takes a ledger snapshot at its last block, into DIR/snapshot
#   network.sh rejoin ORG --snapshot DIR | --genesis BLOCK
#                                    that organisation's peers, their ledger lost, join again
#   network.sh channel-config DIR    the channel's latest configuration block and its genesis block
#   network.sh ledger-id             which ledger this is: channel/genesis block hash (what a portal binds to)
#   network.sh wan on [MS [JITTER]] | off | status
#                                    hosts mode: MS ± JITTER ms (default 50 ± 10) each way between the
#                                    organisations' hosts, through Toxiproxy (deploy/lib/wan.sh)
#
# State lives in deploy/.network (git-ignored); binaries in a cache outside the clone.
# The commands' functions are in deploy/lib/, one file per concern, sourced below.
set -euo pipefail
# Everything the network writes is its user's alone: enrolment and bootstrap secrets, private keys,
# CA configs (they hold the registrar's password) and launch scripts.
umask 077
shopt -s nullglob

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$DEPLOY_DIR")"
# shellcheck source=lib/fabric-bin.sh
source "$DEPLOY_DIR/lib/fabric-bin.sh"

NET="${DRUK_NETWORK_DIR:-$DEPLOY_DIR/.network}"
LOGS="$NET/logs"
PIDS="$NET/pids"
CHANNEL=registry
CHAINCODE=registry
# The loopback address the processes listen on; a test's network of its own takes another one
# (127.0.0.2, ...) and a DRUK_NETWORK_DIR, so that it runs beside the shared network on the same ports.
HOST="${DRUK_NETWORK_HOST:-127.0.0.1}"

# Organisations: name, MSP id, CA port, peer port (chaincode port = +1), peer operations port.
PEER_ORGS=(land procurement justice audit)
declare -A MSP=([land]=LandMSP [procurement]=ProcurementMSP [justice]=JusticeMSP [audit]=AuditMSP [orderer]=OrdererMSP)
# The organisation that issues each register's records; audit co-endorses them all. The same as the
# portal's register catalogue (src/main/java/.../domain/shared/Register.java): RegisterCatalogueTest.
declare -A REGISTER_ORG=([land]=land [procurement]=procurement [notary]=justice)
declare -A CA_PORT=([land]=7054 [procurement]=8054 [justice]=9054 [audit]=10054 [orderer]=11054)
declare -A PEER_PORT=([land]=7051 [procurement]=8051 [justice]=9051 [audit]=10051)
declare -A PEER_OPS_PORT=([land]=7444 [procurement]=8444 [justice]=9444 [audit]=10444)
# Each organisation runs the chaincode service its own peer calls (mutual TLS), on this port.
declare -A CHAINCODE_PORT=([land]=7057 [procurement]=8057 [justice]=9057 [audit]=10057)
# Orderers n=1..4: listen 7050/8050/9050/10050, admin +3, operations 7443/8443/9443/10443.
orderer_port() { echo $((6050 + 1000 * $1)); }
orderer_admin_port() { echo $((6053 + 1000 * $1)); }
orderer_ops_port() { echo $((6443 + 1000 * $1)); }
ca_ops_port() { echo $((CA_PORT[$1] + 10000)); }

# Demo client identities: name org attributes.
DEMO_IDENTITIES=(
  "land.clerk land role=clerk:ecert,register=land:ecert,office=THIMPHU:ecert"
  "land.clerk2 land role=clerk:ecert,register=land:ecert,office=PARO:ecert"
  "procurement.clerk procurement role=clerk:ecert,register=procurement:ecert,office=THIMPHU:ecert"
  # Another office's clerk: may not publish for Thimphu nor change Thimphu's tenders (adversarial tests).
  "procurement.clerk2 procurement role=clerk:ecert,register=procurement:ecert,office=PHUENTSHOLING:ecert"
  # The portal's public bid box: lodges and withdraws the sealed bids suppliers send on the public
  # pages, for every office's tenders; the chaincode lets role=bidbox do nothing else, not even read.
  "procurement.bidbox procurement role=bidbox:ecert,register=procurement:ecert,office=ONLINE:ecert"
  "notary.clerk justice role=clerk:ecert,register=notary:ecert,office=THIMPHU:ecert"
  # Another office's notary: may not notarise for Thimphu nor revoke or supersede Thimphu's notarisations.
  "notary.clerk2 justice role=clerk:ecert,register=notary:ecert,office=PARO:ecert"
  "inspector audit role=inspector:ecert"
  "admin land role=admin:ecert"
  # Sets the procurement register's minimum bid period (SetMinBidPeriod); not "procurement.admin",
  # the name of the organisation's own admin (setup_org_identities).
  "procurement.supervisor procurement role=admin:ecert"
  "portal.reader audit role=inspector:ecert"
  "citizen.nobody land -"
)
# A write needs its register's issuer and the auditor: OR(AND('LandMSP.peer','AuditMSP.peer'),…).
endorsement_policy() {
  local org terms=()
  for org in "${PEER_ORGS[@]}"; do
    if [[ " ${REGISTER_ORG[*]} " == *" $org "* ]]; then terms+=("AND('${MSP[$org]}.peer','${MSP[audit]}.peer')"); fi
  done
  local IFS=,
  echo "OR(${terms[*]})"
}
ENDORSEMENT_POLICY="$(endorsement_policy)"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'network.sh: %s\n' "$*" >&2; exit 1; }

orderer_count() { cat "$NET/orderer-count" 2>/dev/null || echo 1; }
# raft: the orderers belong to an ordering organisation of their own (OrdererMSP); bft: orderer n
# belongs to the n-th organisation, so that no single organisation orders the record.
orderer_type() { cat "$NET/orderer-type" 2>/dev/null || echo raft; }
bft() { [[ "$(orderer_type)" == bft ]]; }
orderer_org() { if bft; then echo "${PEER_ORGS[$(($1 - 1))]}"; else echo orderer; fi; }
# An organisation's orderers act under an MSP of their own on the channel (LandOrdererMSP: the same
# CA as LandMSP), so a change to LandMSP (a new CRL) never has to change the ordering service's side.
orderer_msp() { if bft; then local org; org="$(orderer_org "$1")"; echo "${MSP[$org]%MSP}OrdererMSP"; else echo OrdererMSP; fi; }
orderer_host() { org_host "$(orderer_org "$1")"; }
# The organisations, each with a CA and (in hosts mode) a host of its own: every peer organisation,
# and the ordering organisation under Raft (under BFT each organisation runs its own orderer).
network_orgs() { if bft; then echo "${PEER_ORGS[@]}"; else echo "${PEER_ORGS[@]}" orderer; fi; }
peer_count() { cat "$NET/peer-count" 2>/dev/null || echo 1; }
hosts_mode() { [[ -f "$NET/hosts-mode" ]]; }
# Where an organisation's processes listen: $HOST on one host, the organisation's own address in hosts mode.
org_host() { if hosts_mode; then host_address "$1"; else echo "$HOST"; fi; }

# Peer i (0 or 1) of an organisation: process name, node name, ports. Peer 0 keeps the names and
# ports of a one-peer network; peer 1 listens 10 above it (operations 1 above).
peer_name() { if (($2 == 0)); then echo "peer-$1"; else echo "peer-$1-$2"; fi; }
peer_port() { echo $((PEER_PORT[$1] + 10 * $2)); }
peer_ops_port() { echo $((PEER_OPS_PORT[$1] + $2)); }
# "peer-land-1" → "land 1"
peer_of() { local rest="${1#peer-}"; if [[ "$rest" == *-* ]]; then echo "${rest%-*} ${rest##*-}"; else echo "$rest 0"; fi; }

# The functions, by concern (deploy/README.md, "deploy/lib"); loaded after the settings above.
# shellcheck source=lib/hosts.sh
source "$DEPLOY_DIR/lib/hosts.sh"
# shellcheck source=lib/processes.sh
source "$DEPLOY_DIR/lib/processes.sh"
# shellcheck source=lib/ca.sh
source "$DEPLOY_DIR/lib/ca.sh"
# shellcheck source=lib/tokens.sh
source "$DEPLOY_DIR/lib/tokens.sh"
# shellcheck source=lib/connection.sh
source "$DEPLOY_DIR/lib/connection.sh"
# shellcheck source=lib/channel.sh
source "$DEPLOY_DIR/lib/channel.sh"
# shellcheck source=lib/orderers.sh
source "$DEPLOY_DIR/lib/orderers.sh"
# shellcheck source=lib/peers.sh
source "$DEPLOY_DIR/lib/peers.sh"
# shellcheck source=lib/chaincode.sh
source "$DEPLOY_DIR/lib/chaincode.sh"
# shellcheck source=lib/cli.sh
source "$DEPLOY_DIR/lib/cli.sh"
# shellcheck source=lib/network-up.sh
source "$DEPLOY_DIR/lib/network-up.sh"
# shellcheck source=lib/snapshots.sh
source "$DEPLOY_DIR/lib/snapshots.sh"
# shellcheck source=lib/add-org.sh
source "$DEPLOY_DIR/lib/add-org.sh"
# shellcheck source=lib/wan.sh
source "$DEPLOY_DIR/lib/wan.sh"
# shellcheck source=lib/certificates.sh
source "$DEPLOY_DIR/lib/certificates.sh"

main() {
  local command="${1:-}"
  (($#)) && shift
  # The organisations added to the running network join the founding ones ('up' makes a new network).
  [[ "$command" == up ]] || load_added_orgs
  case "$command" in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    stop) cmd_stop ;;
    start) cmd_start ;;
    status) cmd_status ;;
    upgrade-chaincode) deploy_chaincode; wait_for_chaincode_ready; cmd_status ;;
    add-org) cmd_add_org "$@" ;;
    renew-certs) cmd_renew_certs "$@" ;;
    snapshot) cmd_snapshot "$@" ;;
    rejoin) cmd_rejoin "$@" ;;
    channel-config) cmd_channel_config "$@" ;;
    invoke) cmd_invoke "$@" ;;
    query) cmd_query "$@" ;;
    transaction) cmd_transaction "$@" ;;
    kill) cmd_kill "$@" ;;
    orderer-leader) cmd_orderer_leader ;;
    identity) cmd_identity "$@" ;;
    ledger-id) cmd_ledger_id ;;
    wan) cmd_wan "$@" ;;
    *) awk 'NR > 1 && /^# State lives/ { exit } NR > 1' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [[ -z "$command" || "$command" == help ]] || exit 2 ;;
  esac
}

main "$@"
