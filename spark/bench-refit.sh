#!/usr/bin/env bash
# The distributed refit at scale (automl4j.spark.bench.RefitBenchmark, in the test sources: not part of the module's
# jar): a synthetic Parquet table is sampled to the driver, searched there, and the best XGBoost model refitted on all
# rows by Spark tasks; prints the driver's heap peaks, the refit time and the test quality against the sample-only
# model. The Parquet data is generated once under spark/target/bench-refit.
#   spark/bench-refit.sh                          1,000,000 rows, sample cap 50,000, 6 trials, local[2]
#   spark/bench-refit.sh 5000000 50000 6 local[2]
#   spark/bench-refit.sh 5000000 50000 6 standalone    on a standalone cluster this starts: a master and 2 workers of
#                                                      1 core, JVMs of their own (executor heap: BENCH_JAVA_OPTS=
#                                                      -Dbench.executorMemory=6g, worker -Dbench.workerMemory=7g)
#   spark/bench-refit.sh rounds-curve 1000000                the chosen config's test AUC by rounds on 50k and all rows
#   spark/bench-refit.sh 1000000 50000 6 local[2] compare   also: the best config on all rows by 1 task and in one JVM,
#                                                           and two configs in one JVM on 50k, 200k and all rows
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -o test-compile
cp_file=$(mktemp)
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec java -Xmx${BENCH_HEAP:-6g} ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$cp_file")" automl4j.spark.bench.RefitBenchmark "$@"
