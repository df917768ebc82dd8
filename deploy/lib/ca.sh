# shellcheck shell=bash
# Certificate authorities: one Fabric CA server per organisation, TLS on, issuing both the
# enrollment (identity) and TLS certificates of that organisation; registering and enrolling
# the organisations' admins, nodes and users, and where their MSP folders are.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

ca_home() { echo "$NET/ca/$1"; }
# A CA's address as its clients use it: localhost on the default loopback address (its certificate
# names both), the network's own address on another (DRUK_NETWORK_HOST), its
# organisation's address in hosts mode.
ca_host() { if hosts_mode; then host_address "$1"; elif [[ "$HOST" == 127.0.0.1 ]]; then echo localhost; else echo "$HOST"; fi; }
ca_url() { echo "https://$(ca_host "$1"):${CA_PORT[$1]}"; }
# The names an organisation's TLS certificates are valid for (and its own address in hosts mode).
tls_names() { if hosts_mode; then echo "localhost,$HOST,$(host_address "$1")"; else echo "localhost,$HOST"; fi; }
ca_tls_root() { echo "$(ca_home "$1")/ca-cert.pem"; }

write_ca_launch() {
  local org="$1"
  write_launch "ca-$org" \
    "export FABRIC_CA_SERVER_HOME='$(ca_home "$org")'" \
    "export FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS=$(org_host "$org"):$(ca_ops_port "$org")" \
    "# How long the certificates it issues last (lib/certificates.sh): identities, then TLS." \
    "export FABRIC_CA_SERVER_SIGNING_DEFAULT_EXPIRY=$(cert_lifetime) FABRIC_CA_SERVER_SIGNING_PROFILES_TLS_EXPIRY=$(cert_lifetime)" \
    "# The registrar's password from its file at start, in the environment, never on a command line." \
    "export FABRIC_CA_SERVER_BOOT=\"registrar:\$(cat '$(ca_home "$org")/bootstrap-secret')\"" \
    "exec '$FABRIC_BIN/fabric-ca-server' start \\
      --address $(org_host "$org") --port ${CA_PORT[$org]} --ca.name ca-$org --tls.enabled \\
      --csr.cn ca.$org.druk --csr.hosts $(tls_names "$org")"
}

ca_client() {
  local org="$1"; shift
  FABRIC_CA_CLIENT_HOME="$NET/ca-client/$org" "$FABRIC_BIN/fabric-ca-client" "$@" \
    --tls.certfiles "$(ca_tls_root "$org")" >>"$LOGS/ca-client.log" 2>&1
}

# register_identity ORG NAME TYPE ATTRS USES: registered by the CA's bootstrap registrar, with a random
# secret in $NET/ca/ORG-secrets/NAME (handed to fabric-ca-client in its environment).
register_identity() {
  local org="$1" name="$2" type="$3" attrs="$4" uses="$5"
  local secret_file="$NET/ca/$org-secrets/$name" attr_args=()
  mkdir -p "$(dirname "$secret_file")"
  openssl rand -hex 16 > "$secret_file"
  [[ "$attrs" != "-" ]] && attr_args=(--id.attrs "$attrs")
  FABRIC_CA_CLIENT_ID_SECRET="$(cat "$secret_file")" \
    ca_client "$org" register -u "$(ca_url "$org")" --caname "ca-$org" -M "$NET/ca-client/$org/admin-msp" \
    --id.name "$name" --id.type "$type" --id.maxenrollments "$uses" "${attr_args[@]}"
}

# The portal's registrar at each organisation's CA (in the token only): registers and enrols each
# staff member's own identity when an administrator creates the account, revokes it when the
# account is disabled, and issues the CRL. It may register clients with any attribute, nothing else.
registrar_name() { echo "$1.registrar"; }
# The organisation's admin that signs the channel configuration update putting the CA's new CRL into
# the organisation's MSP when a staff account is disabled (the MSP's mod_policy: OR('<Org>.admin')).
crl_admin_name() { echo "$1.crl-admin"; }
REGISTRAR_ATTRS='"hf.Registrar.Roles=client","hf.Registrar.Attributes=*",hf.Revoker=true,hf.GenCRL=true'

# enroll ORG NAME TYPE ATTRS OUT_DIR [tls]: register the identity (once) and enroll it into OUT_DIR.
# Enrolment secrets are single-use: a client identity may enrol once, a node or admin twice (its
# signing certificate, then its TLS certificate, always in that order), and the secret file is
# deleted after the last enrolment, so neither the CA nor the disk leaves a usable secret behind.
enroll() {
  local org="$1" name="$2" type="$3" attrs="$4" out="$5" profile="${6:-}"
  local secret_file="$NET/ca/$org-secrets/$name"
  local uses=2
  # A client enrols once, except the demo identities (profile "and-token"): a PEM copy for this
  # script's peer CLI and the tests, then the portal's own in its organisation's token (enrol_tokens).
  [[ "$type" == client && "$profile" != and-token ]] && uses=1
  [[ -f "$secret_file" ]] || register_identity "$org" "$name" "$type" "$attrs" "$uses"
  local enroll_args=(--caname "ca-$org" -M "$out")
  if [[ "$profile" == tls ]]; then
    enroll_args+=(--enrollment.profile tls --csr.hosts "$(tls_names "$org"),$name")
  fi
  # Secrets reach fabric-ca-client in its environment (FABRIC_CA_CLIENT_URL), never on a command line.
  FABRIC_CA_CLIENT_URL="https://$name:$(cat "$secret_file")@$(ca_host "$org"):${CA_PORT[$org]}" ca_client "$org" enroll "${enroll_args[@]}"
  if [[ "$profile" == tls || "$uses" == 1 ]]; then rm -f "$secret_file"; fi   # "and-token": enrol_tokens deletes it
  stable_msp_names "$out"
  [[ "$profile" == tls ]] || write_node_ous "$out"
}

# The file names the launch scripts and NodeOU configuration use, whatever fabric-ca-client named
# them: cacerts/ca.pem, tlscacerts/ca.pem and keystore/key.pem.
stable_msp_names() {
  local out="$1" f
  for f in "$out"/cacerts/*.pem; do [[ "$f" == */ca.pem ]] || mv "$f" "$out/cacerts/ca.pem"; done
  for f in "$out"/keystore/*; do [[ "$f" == */key.pem ]] || mv "$f" "$out/keystore/key.pem"; done
  if [[ -d "$out/tlscacerts" ]]; then
    for f in "$out"/tlscacerts/*.pem; do [[ "$f" == */ca.pem ]] || mv "$f" "$out/tlscacerts/ca.pem"; done
  fi
}

write_node_ous() {
  local dir="$1" ou
  {
    echo "NodeOUs:"
    echo "  Enable: true"
    for ou in Client:client Peer:peer Admin:admin Orderer:orderer; do
      echo "  ${ou%%:*}OUIdentifier:"
      echo "    Certificate: cacerts/ca.pem"
      echo "    OrganizationalUnitIdentifier: ${ou#*:}"
    done
  } > "$dir/config.yaml"
}

org_dir() { echo "$NET/orgs/$1"; }

# What an organisation hands the others, as files would pass between agencies: its MSP's public
# part (CA and TLS CA certificates, NodeOU configuration), published once into the exchange folder.
# Everything of one organisation that names another's reads it there, never in the other's folder.
public_msp() { echo "$NET/exchange/public/$1/msp"; }
publish_msp() { mkdir -p "$(public_msp "$1")"; cp -r "$(org_dir "$1")/msp/." "$(public_msp "$1")/"; }

setup_org_identities() {
  local org="$1" dir
  dir="$(org_dir "$org")"
  mkdir -p "$NET/ca-client/$org"
  FABRIC_CA_CLIENT_URL="https://registrar:$(cat "$(ca_home "$org")/bootstrap-secret")@$(ca_host "$org"):${CA_PORT[$org]}" \
    ca_client "$org" enroll --caname "ca-$org" -M "$NET/ca-client/$org/admin-msp"
  # The organisation's MSP as the channel knows it: its CA is both identity and TLS root.
  mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
  cp "$(ca_home "$org")/ca-cert.pem" "$dir/msp/cacerts/ca.pem"
  cp "$(ca_home "$org")/ca-cert.pem" "$dir/msp/tlscacerts/ca.pem"
  write_node_ous "$dir/msp"
  publish_msp "$org"
  enroll "$org" "$org.admin" admin - "$dir/users/$org.admin/msp"
  enroll "$org" "$org.admin" admin - "$dir/users/$org.admin/tls" tls
}

setup_node_identity() {
  local org="$1" node="$2" type="$3" dir
  dir="$(org_dir "$org")/nodes/$node"
  enroll "$org" "$node" "$type" - "$dir/msp"
  enroll "$org" "$node" "$type" - "$dir/tls" tls
}

identity_dir() { echo "$(org_dir "$1")/users/$2/msp"; }
