# The portal's process as deploy/up.sh, deploy/down.sh, deploy/bench.sh and deploy/backup.sh see
# it; sourced by them, needs $RUN and $DEPLOY_DIR.
#
# A pid file is not proof of a running portal: right after a kill -9 the dying JVM (or its zombie,
# until its parent reaps it) still answers `kill -0`, and after a reboot the pid may belong to some
# other program. So "running" means: the pid is a live Payara Micro started from $RUN, and
# "serving" means it also answers HTTP.

# The pid from $RUN/portal.pid if it is a live (not zombie) Payara Micro process of this run directory.
portal_pid() {
  local pid state cmdline
  [[ -f "$RUN/portal.pid" ]] || return 1
  pid="$(cat "$RUN/portal.pid")"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/stat" ]] || return 1
  state="$(sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f1)"
  [[ "$state" != Z && "$state" != X ]] || return 1
  cmdline="$(tr '\0' ' ' < "/proc/$pid/cmdline")"
  [[ "$cmdline" == *payara-micro* && "$cmdline" == *"--rootdir $RUN/micro-root"* ]] || return 1
  echo "$pid"
}

# The network the portal uses: deploy/.network, or DRUK_NETWORK_DIR's (as network.sh).
NETWORK_DIR="${DRUK_NETWORK_DIR:-$DEPLOY_DIR/.network}"

# Where the portal listens: the loopback interface, like the network; on a network of hosts (or with
# $1 true, for one about to start), the Land Commission's host, at its address (needs lib/hosts.sh).
portal_address() {
  if [[ "${1:-false}" == true || -f "$NETWORK_DIR/hosts-mode" ]]; then host_address land; else echo 127.0.0.1; fi
}

# True if the portal answers HTTP at $1 (any status: a 500 is still a portal that serves).
portal_serves() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true)"
  [[ "$code" =~ ^[1-5][0-9][0-9]$ ]]
}

# Stops the portal: TERM, then KILL after 10 s; waits until the process is gone. Removes the pid file.
portal_stop() {
  local pid
  if pid="$(portal_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do portal_pid >/dev/null || break; sleep 0.2; done
    if portal_pid >/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do portal_pid >/dev/null || break; sleep 0.2; done
    fi
  fi
  rm -f "$RUN/portal.pid"
}

# Keeps the logs of earlier starts: portal.log -> portal.log.1 -> ... -> portal.log.5 (the oldest goes).
portal_rotate_log() {
  local log="$RUN/portal.log" keep=5 i
  [[ -s "$log" ]] || return 0
  rm -f "$log.$keep"
  for ((i = keep - 1; i >= 1; i--)); do
    [[ -f "$log.$i" ]] && mv "$log.$i" "$log.$((i + 1))"
  done
  mv "$log" "$log.1"
}

# Writes $RUN/preboot.asadmin, the server settings read before the portal boots: listen on ADDRESS
# only, from the first instant (default loopback; on a network of hosts, the Land host's address),
# the settings of deploy/portal-preboot.asadmin, and an HTTP worker pool of DRUK_HTTP_THREADS
# threads (default four per core). Payara's default of up to 200 let 32 keep-alive readers run 32
# requests at once on 2 cores: side by side, 8 threads served the record page at 1,900-2,700 req/s
# with p99 31-60 ms against 1,400-2,000 and 87-143 ms (BENCHMARKS.md).
write_portal_preboot() {
  local address="${1:-127.0.0.1}" threads="${DRUK_HTTP_THREADS:-$(($(nproc) * 4))}"
  [[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "DRUK_HTTP_THREADS must be a positive number, not '$threads'" >&2; return 1; }
  {
    echo 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address='"$address"
    grep -v '^#' "$DEPLOY_DIR/portal-preboot.asadmin"
    echo "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=$threads"
  } > "$RUN/preboot.asadmin"
}
