#!/usr/bin/env bash
# Rows/s per core of the Spark transformer (local[2]) against AutoMlModel.predict in one JVM, on the same rows and
# model files (automl4j.spark.bench.TransformerThroughput, in the test sources: not part of the module's jar).
#   spark/bench-scoring.sh               1,000,000 rows
#   spark/bench-scoring.sh 2000000       any row count; the Parquet data is generated once under spark/target
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -o test-compile
cp_file=$(mktemp)
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat "$cp_file")" automl4j.spark.bench.TransformerThroughput "$@"
