#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for tests: own data folder, loopback only, given port.
#   throwaway-postgres.sh start <dir> <port>   → creates database "druk" (user druk, password druk)
#   throwaway-postgres.sh stop  <dir>
# As root, the server runs as the "postgres" system user (initdb refuses root).
set -euo pipefail
cmd="$1"; dir="$2"; port="${3:-55439}"

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]] && bindir="$candidate"
done
if [[ -z "$bindir" ]]; then
  echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2
  exit 3
fi

as_owner() {
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ "$(id -u)" == "0" ]] && chown postgres "$dir"
    printf 'druk\n' > "$dir/pw"
    [[ "$(id -u)" == "0" ]] && chown postgres "$dir/pw"
    as_owner "$bindir/initdb" -D "$dir/data" -U druk --pwfile="$dir/pw" -A scram-sha-256 -E UTF8 >"$dir/initdb.log" 2>&1
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
    PGPASSWORD=druk "$bindir/psql" -h 127.0.0.1 -p "$port" -U druk -d postgres -qc "CREATE DATABASE druk" >/dev/null
    echo "postgres ready on 127.0.0.1:$port (data in $dir/data)"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
