# shellcheck shell=bash
# The portal's signing keys: one PKCS#11 token (SoftHSM2) per organisation, and the portal's
# identities enrolled into them.
# Sourced by deploy/network.sh, whose settings it uses (NET, LOGS, HOST, organisations, ports);
# loading it only defines functions (and constants).

# The portal's signing keys: one PKCS#11 token per organisation, SoftHSM2 here, a hardware HSM in
# production by configuration alone (library and slot; docs/hsm.md). Each key pair is generated
# inside the token and only its CSR leaves it (FabricCaEnrolment), so no file holds a portal key.
# SoftHSM2 sees only the tokens that existed when a process first loaded it: these are made before
# any portal starts, and a portal started earlier must be restarted after "up" (up.sh does).
token_home() { echo "$NET/tokens"; }
softhsm_conf() { echo "$NET/softhsm2.conf"; }
token_config() { echo "$(token_home)/$1.pkcs11.cfg"; }
token_pin_file() { echo "$(token_home)/$1.pin"; }

softhsm_library() {
  local lib
  for lib in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so; do
    [[ -f "$lib" ]] && { echo "$lib"; return; }
  done
  return 1
}

setup_tokens() {
  local library org slot out pin
  command -v softhsm2-util >/dev/null && library="$(softhsm_library)" \
    || die "SoftHSM2 is missing (the portal's keys live in PKCS#11 tokens): apt-get install softhsm2"
  mkdir -p "$(token_home)/objects"
  printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$(token_home)/objects" > "$(softhsm_conf)"
  for org in "${PEER_ORGS[@]}"; do
    pin="$(openssl rand -hex 16)"
    # softhsm2-util takes PINs only as arguments or from a terminal; a hardware HSM has its own tool.
    out="$(SOFTHSM2_CONF="$(softhsm_conf)" softhsm2-util --init-token --free --label "druk-$org" \
      --pin "$pin" --so-pin "$(openssl rand -hex 16)" 2>&1)" || die "could not make the token of $org: $out"
    [[ "$out" =~ reassigned\ to\ slot\ ([0-9]+) ]] || die "softhsm2-util did not name the slot of $org's token: $out"
    slot="${BASH_REMATCH[1]}"
    printf '%s\n' "$pin" > "$(token_pin_file "$org")"
    chmod 0400 "$(token_pin_file "$org")"
    cat > "$(token_config "$org")" <<EOF
name = Druk-$org
library = $library
slot = $slot
attributes(generate, CKO_PRIVATE_KEY, *) = {
  CKA_TOKEN = true
  CKA_PRIVATE = true
  CKA_SENSITIVE = true
  CKA_EXTRACTABLE = false
}
attributes(generate, CKO_PUBLIC_KEY, *) = {
  CKA_TOKEN = true
}
EOF
  done
}

# The Java side of enrolment (FabricCaEnrolment) runs from the portal's build, made first if missing.
portal_classpath() {
  local web="${DRUK_BUILD_DIR:-$REPO_DIR/target}/druk-registry/WEB-INF"
  if [[ ! -f "$web/classes/bt/druk/registry/infrastructure/fabric/FabricCaEnrolment.class" ]]; then
    log "Building the portal (its enrolment step puts keys into the tokens)"
    mvn -q -B -ntp -f "$REPO_DIR/pom.xml" package -DskipTests ${DRUK_BUILD_DIR:+-Ddruk.build.dir="$DRUK_BUILD_DIR"} \
      >>"$LOGS/portal-build.log" 2>&1 || die "portal build failed: see $LOGS/portal-build.log"
  fi
  echo "$web/classes:$web/lib/*"
}

# enrol_tokens: each organisation's demo identities into its token (one JVM per organisation),
# with the second use of their enrolment secrets, which are deleted afterwards whatever happened.
enrol_tokens() {
  local classpath org entry name o jobs=() names
  classpath="$(portal_classpath)"
  for org in "${PEER_ORGS[@]}"; do
    names="$(registrar_name "$org"),$(crl_admin_name "$org")"
    for entry in "${DEMO_IDENTITIES[@]}"; do
      read -r name o _ <<<"$entry"
      [[ "$o" == "$org" ]] && names+="${names:+,}$name"
    done
    (
      SOFTHSM2_CONF="$(softhsm_conf)" java -cp "$classpath" bt.druk.registry.infrastructure.fabric.FabricCaEnrolment \
        --token-config "$(token_config "$org")" --pin-file "$(token_pin_file "$org")" --ca-url "$(ca_url "$org")" \
        --ca-name "ca-$org" --tls-ca-cert "$(ca_tls_root "$org")" --names "$names" --secret-dir "$NET/ca/$org-secrets" \
        >>"$LOGS/token-enrolment.log" 2>&1
      status=$?
      for name in ${names//,/ }; do rm -f "$NET/ca/$org-secrets/$name"; done
      exit "$status"
    ) & jobs+=($!)
  done
  wait_all "enrolling the portal's identities into the tokens (see $LOGS/token-enrolment.log)" "${jobs[@]}"
}
