#!/usr/bin/env bash
# Rows/s per core of the Spark transformer (local[2]) against AutoMlModel.predict in one JVM, on the same rows and
# model files (automl4j.spark.bench.TransformerThroughput, in the test sources: not part of the module's jar).
#   spark/bench-scoring.sh               1,000,000 rows
#   spark/bench-scoring.sh 2000000       any row count; the Parquet data is generated once under spark/target
# Environment:
#   BENCH_HEAP     the JVM's heap (default 6g; 10,000,000 rows hold the rows twice, a table and Spark's cache: 14g)
#   BENCH_MODELS   golden-xgboost,xgboost-300x6 (default both)
#   BENCH_SCORERS  scoring,engine (default both)
#   BENCH_INPUTS   cached,parquet (default both)
#   BENCH_REPEATS  timed runs after the warm-up, median kept (default 3; 1 from 5,000,000 rows on)
# 10,000,000 rows, everything: about 10-15 minutes on 2 cores, e.g.
#   BENCH_HEAP=14g spark/bench-scoring.sh 10000000
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -o test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java "-Xmx${BENCH_HEAP:-6g}" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    automl4j.spark.bench.TransformerThroughput "$@"
