#!/usr/bin/env bash
# The searcher ablation of issue 3: the same suite, folds and budget for each searcher (random, tpe, gp, genetic,
# hybrid, all without ensembles) and for hybrid with ensembles; then the ranking table and the anytime curves.
#   [BUDGET=30] [VARIANTS="random tpe ..."] bench/ablation.sh OUTDIR [automl bench options, e.g. --folds 0,1]
# A variant is a searcher id, optionally with +ensemble (50 rounds of ensemble selection; otherwise none).
# Results go to OUTDIR/automl4j-<variant>.csv (resumable: rows already there are skipped), the test-score table to
# OUTDIR/ablation.md, the validation-score table to OUTDIR/validation.md and the curves to OUTDIR/anytime/. Needs bench/target/automl.jar (mvn -B -q install -DskipTests)
# or the jar named by JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bench/ablation.sh OUTDIR [automl bench options]}
shift
mkdir -p "$out"
jar=${JAR:-bench/target/automl.jar}
suite=../shared/datasets/suite.json
budget=${BUDGET:-30}
read -r -a variants <<< "${VARIANTS:-random tpe gp genetic hybrid hybrid+ensemble}"
details=()
files=()
for v in "${variants[@]}"; do
  searcher=${v%+ensemble}
  rounds=0
  [[ $v == *+ensemble ]] && rounds=50
  name=automl4j-${v/+/-}
  java -jar "$jar" bench --suite "$suite" --budget "$budget" --cores 2 --searcher "$searcher" --ensemble-rounds "$rounds" \
    --framework "$name" --out "$out/$name.csv" "$@"
  files+=("$out/$name.csv")
  details+=("$out/$name.csv.details.jsonl")
done
python3 ../shared/bench/peers/summarize.py "${files[@]}" > "$out/ablation.md"
python3 bench/ablation_validation.py "${details[@]}" > "$out/validation.md"
java -jar "$jar" anytime --details "$(IFS=,; echo "${details[*]}")" --labels "$(IFS=,; echo "${variants[*]}")" --out "$out/anytime"
echo "Table in $out/ablation.md, curves in $out/anytime"
