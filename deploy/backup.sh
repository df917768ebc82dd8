#!/usr/bin/env bash
# A backup of the registry while it serves (issue 29; deploy/README.md "Backup and restore"):
#   - the portal's database: an online backup (H2's BACKUP TO, asked of the running portal with the
#     operator secret in its data folder), or pg_dump when DRUK_DB_URL names PostgreSQL;
#   - the portal's file and sealed-envelope stores (after the database, so every file the backup's
#     rows name is in them: a stored file is complete on disk before its row is written);
#   - a snapshot of the auditor's peer's ledger, the channel's latest configuration and genesis
#     blocks, the ledger id, and every organisation's public MSP material;
#   - with --passphrase-file only: every private key (the organisations' folders, CAs, CA clients
#     and the portal's PKCS#11 tokens), encrypted under that passphrase (AES-256, PBKDF2);
#   - MANIFEST.sha256 over all of it.
#
#   deploy/backup.sh [--out DIR] [--passphrase-file FILE] [--portal URL] [--data-dir DATA]
#
# DIR defaults to deploy/.backups/<UTC time>; DATA (the portal's data folder) to <run folder>/data.
# Settings as deploy/up.sh's: DRUK_RUN_DIR (the portal's run folder), DRUK_PORT, DRUK_DB_URL/
# DRUK_DB_USER/DRUK_DB_PASSWORD, DRUK_FILES_DIR, DRUK_ENVELOPES_DIR. restore.sh reads what this writes.
set -euo pipefail
umask 077

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$(realpath -m "${DRUK_RUN_DIR:-$DEPLOY_DIR/.run}")"
NET="$DEPLOY_DIR/.network"
NETWORK="$DEPLOY_DIR/network.sh"
source "$DEPLOY_DIR/lib/hosts.sh"
source "$DEPLOY_DIR/lib/portal-process.sh"

OUT=""
PASSPHRASE_FILE=""
PORTAL=""
DATA=""
while (($#)); do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --passphrase-file) PASSPHRASE_FILE="$2"; shift 2 ;;
    --portal) PORTAL="$2"; shift 2 ;;
    --data-dir) DATA="$2"; shift 2 ;;
    *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
die() { echo "backup.sh: $*" >&2; exit 1; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
started=$SECONDS
DATA="$(realpath -m "${DATA:-$RUN/data}")"
OUT="$(realpath -m "${OUT:-$DEPLOY_DIR/.backups/$(date -u +%Y%m%dT%H%M%SZ)}")"
[[ ! -e "$OUT" || -z "$(ls -A "$OUT")" ]] || die "$OUT is not empty"
[[ -z "$PASSPHRASE_FILE" || -s "$PASSPHRASE_FILE" ]] || die "the passphrase file $PASSPHRASE_FILE is empty or missing"
"$NETWORK" status >/dev/null || die "every process of the network must be up (deploy/network.sh status)"
mkdir -p "$OUT"/{portal,ledger,public}

# 1. The database first: the file store copied after it holds every file its rows name.
DB_URL="${DRUK_DB_URL:-}"
if [[ "$DB_URL" == jdbc:postgresql://* ]]; then
  [[ "$DB_URL" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]] || die "cannot read host and database from $DB_URL"
  log "Database: pg_dump of ${BASH_REMATCH[4]}"
  PGPASSWORD="${DRUK_DB_PASSWORD:-}" pg_dump -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" -U "${DRUK_DB_USER:-druk}" \
    -Fc -f "$OUT/portal/druk.pgdump" "${BASH_REMATCH[4]}" || die "pg_dump failed"
else
  PORTAL="${PORTAL:-http://$(portal_address):${DRUK_PORT:-8080}/}"
  secret="$DATA/operator.secret"
  answer="$OUT/portal/backup-answer.json"
  log "Database: online backup by the portal at $PORTAL"
  # The secret travels in a header read from a file by curl, never on a command line.
  [[ -f "$secret" ]] || curl -s -o /dev/null -X POST --max-time 30 "${PORTAL%/}/operations/backup" || true
  [[ -f "$secret" ]] || die "no operator secret in $DATA (is the portal whose data folder that is running?)"
  code="$(curl -s -o "$answer" -w '%{http_code}' --max-time 600 -X POST -H @<(printf 'Authorization: Bearer %s\n' "$(cat "$secret")") \
    "${PORTAL%/}/operations/backup")" || die "the portal at $PORTAL did not answer"
  [[ "$code" == 200 ]] || die "the portal refused the backup ($code): $(cat "$answer")"
  file="$(jq -r .file "$answer")"
  mv "$file" "$OUT/portal/druk-h2.zip"
fi
log "File and envelope stores"
files="${DRUK_FILES_DIR:-$DATA/files}"
envelopes="${DRUK_ENVELOPES_DIR:-$DATA/envelopes}"
if [[ -d "$files" ]]; then tar -C "$files" --exclude=./tmp -cf "$OUT/portal/files.tar" .; fi
if [[ -d "$envelopes" ]]; then tar -C "$envelopes" -cf "$OUT/portal/envelopes.tar" .; fi

# 2. The ledger's public side.
log "Ledger: a snapshot of the auditor's peer, the channel configuration, public MSP material"
"$NETWORK" snapshot audit "$OUT/ledger" >/dev/null
"$NETWORK" channel-config "$OUT/ledger"
"$NETWORK" ledger-id > "$OUT/ledger/ledger-id"
for msp in "$NET"/orgs/*/msp; do
  org="$(basename "$(dirname "$msp")")"
  mkdir -p "$OUT/public/$org"
  cp -r "$msp" "$OUT/public/$org/msp"
done

# 3. Private keys, only encrypted.
if [[ -n "$PASSPHRASE_FILE" ]]; then
  log "Private keys: encrypted under the passphrase"
  secrets=()
  for path in orgs ca ca-client tokens softhsm2.conf connection.json added-orgs; do
    [[ -e "$NET/$path" ]] && secrets+=("$path")
  done
  tar -C "$NET" -czf - "${secrets[@]}" \
    | openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -salt -pass "file:$PASSPHRASE_FILE" -out "$OUT/secrets.tar.gz.enc"
else
  log "Private keys: not backed up (no --passphrase-file)"
fi

(cd "$OUT" && find . -type f ! -name MANIFEST.sha256 -print0 | sort -z | xargs -0 sha256sum > MANIFEST.sha256)
log "Backup written to $OUT in $((SECONDS - started)) s ($(du -sh "$OUT" | cut -f1))"
