#!/usr/bin/env bash
# Builds the Hyperledger Fabric and Fabric CA command-line tools from Go sources through the Go
# module proxy, once per version, into a cache outside the clone so a fresh clone reuses them.
# The module proxy here refuses the v3.1.5 and v3.1.4 pseudo-versions (403 "not available"),
# so we pin v3.1.1 (commit 435a7f1a780a), the fallback named in the network issue.
set -euo pipefail

FABRIC_VERSION=3.1.1
FABRIC_MODULE_VERSION=v1.4.0-rc1.0.20250510200036-435a7f1a780a
FABRIC_CA_VERSION=1.5.18

# Our fixes to Fabric's sources, applied before the build; their digest keys the cache.
FABRIC_PATCHES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fabric-patches"
FABRIC_PATCH_ID="$(cat "$FABRIC_PATCHES"/*.patch | sha256sum | cut -c1-8)"

DRUK_CACHE="${DRUK_CACHE:-$HOME/.cache/druk-registry}"
FABRIC_HOME="$DRUK_CACHE/fabric-$FABRIC_VERSION-p$FABRIC_PATCH_ID-ca-$FABRIC_CA_VERSION"
FABRIC_BIN="$FABRIC_HOME/bin"
FABRIC_SAMPLECONFIG="$FABRIC_HOME/sampleconfig"

fabric_binaries_present() {
  local tool
  for tool in peer orderer configtxgen configtxlator osnadmin fabric-ca-server fabric-ca-client; do
    [[ -x "$FABRIC_BIN/$tool" ]] || return 1
  done
  [[ -f "$FABRIC_SAMPLECONFIG/core.yaml" ]]
}

# `go install pkg@version` asks the proxy for the module's version list, which it refuses here,
# so each tool set is built from a throwaway module that requires the pinned version instead.
# The checksum database has no entry for some of these versions (404), so it is skipped for them.
# build_go_tools BUILDER_ROOT OUTPUT REQUIREMENT LDFLAGS PACKAGE... (OUTPUT: a directory ending in /, or a file)
# GO_REPLACE, when set, is a `replace` line for the throwaway module (our patched source).
build_go_tools() {
  local requirement="$3" ldflags="$4" output="$2"
  local builder="$1/${requirement%% *}"
  shift 4
  mkdir -p "$builder"
  printf 'module druk.local/gobuilder\n\ngo 1.24\n\nrequire %s\n%s\n' "$requirement" "${GO_REPLACE:-}" > "$builder/go.mod"
  (cd "$builder" && GOFLAGS=-mod=mod GONOSUMDB=github.com/hyperledger \
    go build -trimpath -o "$output" -ldflags "$ldflags" "$@")
}

build_fabric_binaries() {
  if fabric_binaries_present; then return 0; fi
  echo "Building Fabric $FABRIC_VERSION and Fabric CA $FABRIC_CA_VERSION into $FABRIC_HOME (first time only)..."
  mkdir -p "$FABRIC_BIN"
  local metadata=github.com/hyperledger/fabric/common/metadata
  local ca_metadata=github.com/hyperledger/fabric-ca/lib/metadata
  local module_dir source="$FABRIC_HOME/fabric-source" patch
  module_dir="$(GONOSUMDB=github.com/hyperledger go mod download -json "github.com/hyperledger/fabric@$FABRIC_MODULE_VERSION" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')"
  rm -rf "$source"
  cp -r "$module_dir" "$source"
  chmod -R u+w "$source"
  for patch in "$FABRIC_PATCHES"/*.patch; do
    (cd "$source" && git apply -p1 "$patch")
  done
  # the patched package's own tests, ours among them, before anything is built from it
  (cd "$source" && GOFLAGS=-mod=mod GONOSUMDB=github.com/hyperledger go test ./core/common/validation/statebased/ > /dev/null)
  GO_REPLACE="replace github.com/hyperledger/fabric => $source" \
    build_go_tools "$FABRIC_HOME/builder" "$FABRIC_BIN/" "github.com/hyperledger/fabric $FABRIC_MODULE_VERSION" \
    "-X $metadata.Version=$FABRIC_VERSION -X $metadata.CommitSHA=435a7f1a780a-p$FABRIC_PATCH_ID" \
    github.com/hyperledger/fabric/cmd/{peer,orderer,configtxgen,configtxlator,osnadmin}
  build_go_tools "$FABRIC_HOME/builder" "$FABRIC_BIN/" "github.com/hyperledger/fabric-ca v$FABRIC_CA_VERSION" \
    "-X $ca_metadata.Version=$FABRIC_CA_VERSION" \
    github.com/hyperledger/fabric-ca/cmd/{fabric-ca-server,fabric-ca-client}
  rm -rf "$FABRIC_SAMPLECONFIG"
  cp -r "$module_dir/sampleconfig" "$FABRIC_SAMPLECONFIG"
  chmod -R u+w "$FABRIC_SAMPLECONFIG"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  build_fabric_binaries
  "$FABRIC_BIN/peer" version
fi
