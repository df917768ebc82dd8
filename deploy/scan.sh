#!/usr/bin/env bash
# Scans a running portal with Wapiti, the web vulnerability scanner (PyPI wapiti3), and prints
# what it found; the reports stay in deploy/.run/scan/. A security check to run by hand against a
# throwaway portal (its attacks post forms), not part of the tests.
#
#   deploy/scan.sh [URL]      default: the portal deploy/up.sh started, http://127.0.0.1:${DRUK_PORT:-8080}/
#
# Two passes, each bounded by DRUK_SCAN_SECONDS (default 300): anonymous (public pages, verify,
# REST reads), then signed in as land.clerk with its demo password (land.clerk's line of
# DRUK_RUN_DIR/data/demo-logins.txt, else DRUK_DEMO_PASSWORD; a session from a real sign-in
# through the login form). Wapiti 3.2.3 is installed once into a virtual
# environment under ~/.cache/druk-registry.
set -euo pipefail
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="${DRUK_RUN_DIR:-$DEPLOY_DIR/.run}"
URL="${1:-http://127.0.0.1:${DRUK_PORT:-8080}/}"
SECONDS_PER_PASS="${DRUK_SCAN_SECONDS:-300}"
VENV="$HOME/.cache/druk-registry/wapiti-3.2.3"
OUT="$RUN/scan"
umask 077

if [[ ! -x "$VENV/bin/wapiti" ]]; then
  echo "Installing Wapiti 3.2.3 into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q wapiti3==3.2.3
fi
curl -sf -o /dev/null --max-time 10 "$URL" || { echo "No portal answers at $URL (start one with deploy/up.sh)" >&2; exit 1; }
mkdir -p "$OUT"

scan() {
  local name="$1"; shift
  echo "Scanning $URL ($name, at most ${SECONDS_PER_PASS} s)"
  "$VENV/bin/wapiti" -u "$URL" --scope folder --flush-session --max-scan-time "$SECONDS_PER_PASS" \
    --max-attack-time 60 --max-links-per-page 40 -x "${URL}api/*" -f json -o "$OUT/$name.json" \
    --no-bugreport "$@" >"$OUT/$name.log" 2>&1 || echo "  wapiti ended with $? (see $OUT/$name.log)"
}

# A demo user's password from the logins file the portal wrote when it seeded the demo users
# (a line "  <name> <role> <register> <office> password: <pw> [totp: <uri>]"); empty if none.
demo_password() {
  awk -v user="$1" '$1 == user { for (i = 2; i < NF; i++) if ($i == "password:") { print $(i + 1); exit } }' \
    "$RUN/data/demo-logins.txt" 2>/dev/null || true
}

# The TOTP secret (Base32) in a demo user's otpauth URI in the same file; empty if it has none.
demo_totp_secret() {
  awk -v user="$1" '$1 == user && match($0, /secret=[A-Z2-7]+/) { print substr($0, RSTART + 7, RLENGTH - 7); exit }' \
    "$RUN/data/demo-logins.txt" 2>/dev/null || true
}

# A page's Faces view state, from its HTML on standard input.
view_state() {
  grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

# A session of land.clerk: the login page's view state, then the form posted as a browser would,
# and the code page's the same way when the clerk has a second factor (oathtool computes the code).
clerk_cookie() {
  local jar="$OUT/clerk.cookies" page view password secret
  password="$(demo_password land.clerk)"
  password="${password:-${DRUK_DEMO_PASSWORD:-}}"
  [[ -n "$password" ]] || return 1
  page="$(curl -s -c "$jar" "${URL}login.xhtml")"
  view="$(view_state <<<"$page")"
  curl -s -b "$jar" -c "$jar" -o /dev/null "${URL}login.xhtml" --data-urlencode "login=login" \
    --data-urlencode "login:next=" --data-urlencode "login:username=land.clerk" \
    --data-urlencode "login:password=$password" --data-urlencode "login:signIn=" \
    --data-urlencode "jakarta.faces.ViewState=$view"
  secret="$(demo_totp_secret land.clerk)"
  if [[ -n "$secret" ]]; then
    command -v oathtool >/dev/null || { echo "land.clerk has a second factor: install oathtool" >&2; return 1; }
    page="$(curl -s -b "$jar" -c "$jar" "${URL}login-code.xhtml")"
    view="$(view_state <<<"$page")"
    curl -s -b "$jar" -c "$jar" -o /dev/null "${URL}login-code.xhtml" --data-urlencode "secondFactor=secondFactor" \
      --data-urlencode "secondFactor:next=" --data-urlencode "secondFactor:code=$(oathtool --totp -b "$secret")" \
      --data-urlencode "secondFactor:verify=" --data-urlencode "jakarta.faces.ViewState=$view"
  fi
  awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar" | tail -1
}

scan public
if cookie="$(clerk_cookie)" && [[ -n "$cookie" ]] \
    && curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "${URL}clerk/index.xhtml" | grep -q 200; then
  scan clerk -C "$cookie"
else
  echo "Could not sign in as land.clerk; the signed-in pass is skipped" >&2
fi

echo "Findings (Wapiti categories with at least one finding):"
for report in "$OUT"/*.json; do
  python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
name = sys.argv[1].rsplit('/', 1)[-1]
found = False
for section in ("vulnerabilities", "anomalies", "additionals"):
    for category, items in report.get(section, {}).items():
        for item in items:
            found = True
            print(f"  {name} {section}: {category}: {item.get('method', '')} {item.get('path', '')} {item.get('parameter', '')} -- {item.get('info', '')[:160]}")
crawled = len(report.get("infos", {}).get("crawled_pages", []) or [])
print(f"  {name}: {'see above' if found else 'nothing found'} ({crawled} pages crawled)")
PY
done
