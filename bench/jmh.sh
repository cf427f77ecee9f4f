#!/usr/bin/env bash
# Runs the JMH benchmarks of the bench module (they live in its test sources, outside the shaded jar).
#   bench/jmh.sh                         every benchmark
#   bench/jmh.sh FeaturizerThroughput    one, by name (any JMH arguments work: -p rows=100000 -i 1)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -DskipTests >/dev/null 2>&1 || mvn -B -q install -DskipTests
mvn -B -q -pl bench test-compile
cp_file=$(mktemp)
mvn -B -q -pl bench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec java -cp "bench/target/test-classes:bench/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
