#!/usr/bin/env bash
# Brings a host back from a deploy/backup.sh backup (deploy/README.md "Backup and restore"):
# checks the backup against its manifest, then
#   - the portal: its database, file and envelope stores into an empty run folder (H2; the stores
#     always into DIR/data), or the database into the one
#     DRUK_DB_URL names (pg_restore); start it there with DRUK_RUN_DIR=DIR deploy/up.sh --no-build;
#   - --peer ORG: that organisation's peers, their ledger lost, join again from the backup's snapshot
#     (network.sh rejoin) and catch up with the channel; with --replay, from the backup's genesis
#     block, replaying the chain (for a peer others read history from: the auditor's);
#   - --passphrase-file: the private keys decrypted into DIR/secrets, for the operator to put back
#     on the host that lost them.
#
#   deploy/restore.sh BACKUP --run-dir DIR [--peer ORG [--replay]] [--passphrase-file FILE]
set -euo pipefail
umask 077

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NETWORK="$DEPLOY_DIR/network.sh"
BACKUP="${1:-}"
(($#)) && shift
RUN=""
PEER=""
REPLAY=false
PASSPHRASE_FILE=""
while (($#)); do
  case "$1" in
    --run-dir) RUN="$2"; shift 2 ;;
    --peer) PEER="$2"; shift 2 ;;
    --replay) REPLAY=true; shift ;;
    --passphrase-file) PASSPHRASE_FILE="$2"; shift 2 ;;
    *) BACKUP="" ; break ;;
  esac
done
usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ -n "$BACKUP" && -n "$RUN" ]] || usage
die() { echo "restore.sh: $*" >&2; exit 1; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
started=$SECONDS
BACKUP="$(realpath -m "$BACKUP")"
RUN="$(realpath -m "$RUN")"
[[ -f "$BACKUP/MANIFEST.sha256" ]] || die "$BACKUP holds no MANIFEST.sha256: not a backup of deploy/backup.sh"
[[ ! -e "$RUN" || -z "$(ls -A "$RUN")" ]] || die "$RUN is not empty: restore into a fresh folder"

log "Checking every file against the manifest"
(cd "$BACKUP" && sha256sum --quiet --strict -c MANIFEST.sha256) || die "the backup does not match its manifest"
if "$NETWORK" status >/dev/null 2>&1; then
  [[ "$("$NETWORK" ledger-id)" == "$(cat "$BACKUP/ledger/ledger-id")" ]] \
    || die "the running network's ledger is not the backup's ($(cat "$BACKUP/ledger/ledger-id")): the portal would refuse it"
fi

mkdir -p "$RUN/data"
if [[ -f "$BACKUP/portal/druk-h2.zip" ]]; then
  log "Portal database (H2) into $RUN/data"
  python3 -m zipfile -e "$BACKUP/portal/druk-h2.zip" "$RUN/data"
elif [[ -f "$BACKUP/portal/druk.pgdump" ]]; then
  DB_URL="${DRUK_DB_URL:-}"
  [[ "$DB_URL" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]] || die "the backup holds a PostgreSQL dump: set DRUK_DB_URL to the (empty) database to restore into"
  log "Portal database (PostgreSQL) into ${BASH_REMATCH[4]}"
  PGPASSWORD="${DRUK_DB_PASSWORD:-}" pg_restore -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" -U "${DRUK_DB_USER:-druk}" \
    --no-owner -d "${BASH_REMATCH[4]}" "$BACKUP/portal/druk.pgdump" || die "pg_restore failed"
fi
for store in files envelopes; do
  if [[ -f "$BACKUP/portal/$store.tar" ]]; then
    log "The $store store"
    mkdir -p "$RUN/data/$store"
    tar -C "$RUN/data/$store" -xf "$BACKUP/portal/$store.tar"
  fi
done

if [[ -n "$PASSPHRASE_FILE" ]]; then
  [[ -f "$BACKUP/secrets.tar.gz.enc" ]] || die "the backup holds no private keys (it was made without --passphrase-file)"
  log "Private keys into $RUN/secrets"
  mkdir -p "$RUN/secrets"
  openssl enc -d -aes-256-cbc -pbkdf2 -iter 600000 -pass "file:$PASSPHRASE_FILE" -in "$BACKUP/secrets.tar.gz.enc" \
    | tar -C "$RUN/secrets" -xzf - || die "the private keys could not be decrypted (wrong passphrase?)"
fi

if [[ -n "$PEER" ]]; then
  if [[ "$REPLAY" == true ]]; then
    log "$PEER's peers join again from the backup's genesis block"
    "$NETWORK" rejoin "$PEER" --genesis "$BACKUP/ledger/genesis.block"
  else
    log "$PEER's peers join again from the backup's snapshot"
    "$NETWORK" rejoin "$PEER" --snapshot "$BACKUP/ledger/snapshot"
  fi
fi
log "Restored in $((SECONDS - started)) s. Start the portal on it: DRUK_RUN_DIR=$RUN deploy/up.sh --no-build"
