#!/usr/bin/env bash
# Renders haproxy.cfg for a set of Bundlescope nodes.
#   haproxy/render.sh [--bind ADDR:PORT] [--map FILE] [--runtime-api SOCKET] host:port...
# Each host:port is a node's HTTP API (its --host and --port), exactly as the node names itself
# in X-Served-By and hosting_worker_vm_ip. Writes the configuration on stdout; creates the map
# file (empty) if it does not exist.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bind="*:8000"
map="/var/lib/haproxy/bundle-owners.map"
api="/run/haproxy/admin.sock"
nodes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bind) bind="$2"; shift 2 ;;
    --map) map="$2"; shift 2 ;;
    --runtime-api) api="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) nodes+=("$1"); shift ;;
  esac
done
[ ${#nodes[@]} -gt 0 ] || { echo "render.sh: name at least one node host:port" >&2; exit 2; }
mkdir -p "$(dirname "$map")"
[ -f "$map" ] || : > "$map"

use_servers=""
servers=""
i=0
for node in "${nodes[@]}"; do
  i=$((i + 1))
  use_servers+="    use-server node$i if { var(txn.owner) -m str $node }"$'\n'
  servers+="    server node$i $node"$'\n'
done

while IFS= read -r line; do
  case "$line" in
    @USE_SERVERS@) printf '%s' "$use_servers" ;;
    @SERVERS@) printf '%s' "$servers" ;;
    *)
      line="${line//@BIND@/$bind}"
      line="${line//@MAP@/$map}"
      line="${line//@RUNTIME_API@/$api}"
      printf '%s\n' "$line"
      ;;
  esac
done < "$here/haproxy.cfg.template"
