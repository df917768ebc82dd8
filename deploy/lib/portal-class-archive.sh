#!/usr/bin/env bash
# Writes a class-data archive (JDK CDS) of a booted portal, for the test portals to start from:
#   portal-class-archive.sh <payara-micro.jar> <war> <archive> "<the test portals' JVM options>"
# The test portals (PortalUnderTest, the Arquillian servers) boot with -XX:SharedArchiveFile=<archive>
# when it exists. With it and the serial collector, a boot to the first page took 17-18 CPU seconds
# against 25-28 without (2026-12-06, both cores busy), and CI boots about 30 of them.
# The JVM checks every archived class against the bytes it loads and ignores an archive that does not
# match, so a stale one costs time, never a wrong class. Failing here leaves no archive and exits 0:
# the tests then boot without it.
set -uo pipefail
micro_jar="$1"; war="$2"; archive="$3"; java_options="$4"
project_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(dirname "$archive")/portal-class-archive"
port="${DRUK_CLASS_ARCHIVE_PORT:-18097}"

rm -rf "$work" "$archive"
mkdir -p "$work/data"
started=$SECONDS
# The test portals' JVM options (pom.xml's druk.testPortal.javaOptions), and the archive written as
# the JVM exits. The options are several words.
# shellcheck disable=SC2086
DRUK_DATA_DIR="$work/data" DRUK_DEMO_PASSWORD="Archive-$RANDOM$RANDOM" DRUK_HOME="$project_dir" \
  DRUK_DEMO_CONTENT=false DRUK_FABRIC_CONFIG="$work/no-fabric.json" \
  java $java_options -XX:ArchiveClassesAtExit="$work/archive.jsa" \
  -jar "$micro_jar" --deploy "$war" --contextroot druk-registry --port "$port" --nohazelcast --disablephonehome \
  --rootdir "$work/micro-root" \
  --prebootcommandfile "$project_dir/deploy/portal-preboot.asadmin" \
  --postbootcommandfile "$project_dir/deploy/portal-postboot.asadmin" > "$work/payara.log" 2>&1 &
pid=$!

served=false
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || break
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/druk-registry/index.xhtml")" == 200 ]]; then
    served=true
    break
  fi
  sleep 0.5
done
if $served; then
  # A few pages more, so that what rendering them loads is archived too.
  for page in login.xhtml records/search.xhtml verify.xhtml tenders/index.xhtml; do
    curl -s -o /dev/null --max-time 30 "http://127.0.0.1:$port/druk-registry/$page"
  done
fi
kill -TERM "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if $served && [[ -s "$work/archive.jsa" ]]; then
  mv "$work/archive.jsa" "$archive"
  echo "portal class archive: $archive ($(du -m "$archive" | cut -f1) MB, $((SECONDS - started)) s)"
  rm -rf "$work"
else
  echo "WARNING: no portal class archive (test portals boot without one); see $work/payara.log" >&2
fi
exit 0
