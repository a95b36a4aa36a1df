#!/usr/bin/env bash
# End-to-end ingest benchmark (see bench/README.md): generates (or reuses) a bundle, measures the
# decompress + line-split baselines, then one node started by ./bundlescope ingesting it.
#   bench/run-ingest.sh                      1 GiB, seed 1, 3 nodes
#   bench/run-ingest.sh --size 256m --seed 7
#   bench/run-ingest.sh --no-node            bundle and baselines only
# Env: BUNDLES (default bench/bundles), BUNDLESCOPE_JAVA_OPTS (node JVM options).
set -euo pipefail
bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$bench")"
jar="$bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$bench/src" "$bench/pom.xml" -newer "$jar" -print -quit)" ]; then
  # Needs the other modules installed in ~/.m2 (./bundlescope build does that).
  (cd "$repo" && mvn -o -q -B -pl bench package -DskipTests)
fi
exec java -Xmx512m -cp "$jar" io.bundlescope.bench.IngestBench \
  --bundles "${BUNDLES:-$bench/bundles}" --launcher "$repo/bundlescope" --cores "$(nproc)" "$@"
