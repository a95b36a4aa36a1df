#!/usr/bin/env bash
# JMH parser benchmarks, then their ratios to the baselines of the same run; see bench/README.md.
#   bench/run-jmh.sh                                  default (5 forks x long iterations)
#   bench/run-jmh.sh -f 1 -wi 2 -i 3 -w 2s -r 3s      brief
#   bench/run-jmh.sh HeaderParser -p order=GROUPED    any JMH options, e.g. a subset
set -euo pipefail
bench="$(cd "$(dirname "$0")" && pwd)"
jar="$bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$bench/src" "$bench/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$bench/.." && mvn -o -q -B -pl bench package -DskipTests)
fi
result="$bench/target/jmh-result.json"
java -jar "$jar" -rf json -rff "$result" "$@"
echo
java -cp "$jar" io.bundlescope.bench.JmhRatios "$result"
