#!/usr/bin/env bash
# The driver-scale simulation (issue 21): the real search loop, searcher, journal and leaderboard against a simulated
# cluster of instant trials. Arguments as key=value: trials (10000), slots (256), searcher (tpe), chunk (500),
# out (driver-scale.csv).
#   bench/driver-scale.sh trials=10000 slots=256 out=bench/results/issue21/driver-scale.csv
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -DskipTests >/dev/null 2>&1 || mvn -B -q install -DskipTests
mvn -B -q -pl bench test-compile
cp_file=$(mktemp)
mvn -B -q -pl bench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx2g -cp "bench/target/test-classes:bench/target/classes:$(cat "$cp_file")" automl4j.bench.sim.DriverScale "$@"
