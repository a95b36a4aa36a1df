#!/usr/bin/env bash
# Query benchmark (see bench/README.md): generates (or reuses) a directory bundle, indexes it in
# process, then p50/p95 of a filtered search, a facet count, a histogram and a heatmap, beside
# rg over the same files for the search.
#   bench/run-query.sh                          10M records, seed 1, 3 nodes
#   bench/run-query.sh --records 300000 --runs 20
# Env: BUNDLES (default bench/bundles), BENCH_JAVA_OPTS (default -Xmx2g).
set -euo pipefail
bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$bench")"
jar="$bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$bench/src" "$bench/pom.xml" -newer "$jar" -print -quit)" ]; then
  # Needs the other modules installed in ~/.m2 (./bundlescope build does that).
  (cd "$repo" && mvn -o -q -B -pl bench package -DskipTests)
fi
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$jar" io.bundlescope.bench.QueryBench \
  --bundles "${BUNDLES:-$bench/bundles}" "$@"
