#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for tests: own data folder, loopback only, given port.
#   throwaway-postgres.sh start <dir> <port>   → creates database "druk" (user druk, password druk)
#   throwaway-postgres.sh stop  <dir>
#   throwaway-postgres.sh kill  <dir>          SIGKILL every process of the cluster (a crash; fault injection)
#   throwaway-postgres.sh start-again <dir> <port>   start the existing cluster (crash recovery from its WAL)
# Used by the PostgreSQL tests and by deploy/bench.sh --postgres.
# As root, the server runs as the "postgres" system user (initdb refuses root).
set -euo pipefail
cmd="$1"; dir="$2"; port="${3:-25439}"

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

serve() {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
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
    serve
    PGPASSWORD=druk "$bindir/psql" -h 127.0.0.1 -p "$port" -U druk -d postgres -qc "CREATE DATABASE druk" >/dev/null
    echo "postgres ready on 127.0.0.1:$port (data in $dir/data)"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1; then
        # a cluster killed and not started again leaves a stale postmaster.pid: nothing to stop then
        if as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
          echo "PostgreSQL in $dir did not stop" >&2; exit 1
        fi
      fi
    fi
    rm -rf "$dir"
    ;;
  kill)
    # the postmaster's pid is the first line of postmaster.pid; its children are the backends and workers
    pid="$(head -1 "$dir/data/postmaster.pid")"
    # shellcheck disable=SC2046 # one signal to all of them at once, as a crash of the machine would
    kill -KILL "$pid" $(pgrep -P "$pid")
    echo "killed PostgreSQL (postmaster $pid and its children)"
    ;;
  start-again)
    # After a kill postmaster.pid names a dead process, and PostgreSQL would start anyway and replay its
    # WAL; but until init reaps it the dead postmaster is a zombie that still "exists", so its lock files go.
    pid="$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]]; then
      state="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1 || true)"
      [[ -z "$state" || "$state" == Z || "$state" == X ]] || { echo "PostgreSQL (pid $pid) still runs" >&2; exit 1; }
      rm -f "$dir/data/postmaster.pid" "$dir/.s.PGSQL.$port.lock"
    fi
    serve
    echo "postgres ready again on 127.0.0.1:$port"
    ;;
  *)
    echo "usage: $0 start|stop|kill|start-again <dir> [port]" >&2; exit 2 ;;
esac
