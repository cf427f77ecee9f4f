#!/usr/bin/env bash
# Known covariates end to end on synthetic store sales (see make-data.py). From the repository root, after
# mvn -B -q install -DskipTests:  bash bench/results/issue20/covariates/run.sh
set -euo pipefail
cd "$(dirname "$0")"
JAR=../../../target/automl.jar
python3 make-data.py
rm -rf out-with-promo out-without
java -jar "$JAR" run --config without.yaml > without.log 2>&1
java -jar "$JAR" run --config with-promo.yaml > with-promo.log 2>&1
java -jar "$JAR" predict --model out-with-promo/model.automl --data sales.csv --future future.csv --out predict.csv > predict.log 2>&1
python3 score.py out-without/forecast.csv out-with-promo/forecast.csv predict.csv | tee scores.txt
