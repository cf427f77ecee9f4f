#!/usr/bin/env bash
# Issue 14: `automl bench` under CPU contention. Starts HOGS busy-loop processes (default 2: two extra cores' worth of
# work beside the benchmark's own 2 cores), runs the suite at BUDGET seconds per fold, and writes a summary: folds,
# folds without a model, failed folds, fallback models, and the worst and mean fold process wall time / budget (the
# wall time of each fold's JVM as `automl bench` saw it, column process_seconds).
#   [BUDGET=10] [FOLDS=0,1] [HOGS=2] [DATASETS=iris,cpu] [HOG_LIMIT=seconds] bench/contention.sh OUTDIR [bench options]
# Results: OUTDIR/automl4j-contention-b<BUDGET>.csv (resumable: rows already there are skipped; the summary covers all
# rows), its .details.jsonl, and the summary OUTDIR/automl4j-contention-b<BUDGET>.md. The hogs are killed when the
# script exits (a trap), and each ends by itself after HOG_LIMIT seconds (default: 6 hours). Needs
# bench/target/automl.jar (mvn -B -q -pl bench -am package -DskipTests) or the jar named by JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bench/contention.sh OUTDIR [automl bench options]}
shift
mkdir -p "$out"
jar=${JAR:-bench/target/automl.jar}
suite=${SUITE:-../shared/datasets/suite.json}
budget=${BUDGET:-10}
folds=${FOLDS:-0,1}
hogs=${HOGS:-2}
hog_limit=${HOG_LIMIT:-21600}
name=automl4j-contention-b$budget

pids=()
stop_hogs() {
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
}
trap stop_hogs EXIT
trap 'exit 130' INT TERM
for ((i = 0; i < hogs; i++)); do
  timeout "$hog_limit" sh -c 'while :; do :; done' &
  pids+=("$!")
done
echo "contention: $hogs busy loops (pids ${pids[*]}), budget $budget s, folds $folds"

args=(bench --suite "$suite" --budget "$budget" --cores 2 --folds "$folds" --framework "$name" --out "$out/$name.csv")
if [[ -n ${DATASETS:-} ]]; then
  args+=(--datasets "$DATASETS")
fi
java -jar "$jar" "${args[@]}" "$@"
stop_hogs

python3 - "$out/$name.csv" "$out/$name.csv.details.jsonl" "$budget" "$hogs" > "$out/$name.md" <<'PY'
import csv, json, os, sys
rows_file, details_file, budget, hogs = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
rows = list(csv.DictReader(open(rows_file)))
fallbacks = 0
if os.path.exists(details_file):
    for line in open(details_file):
        line = line.strip()
        if line and json.loads(line).get("fallback"):
            fallbacks += 1
grace = max(2.0, 0.05 * budget)
failed = [r for r in rows if r["status"] != "ok"]
no_model = [r for r in failed if "no trial completed" in r.get("error", "") or "no model" in r.get("error", "")]
walls = [float(r["process_seconds"]) for r in rows if r.get("process_seconds")]
ratios = [w / budget for w in walls]
over = [r for r in rows if r.get("process_seconds") and float(r["process_seconds"]) > budget + grace]
print(f"# Contention benchmark: budget {budget:g} s, {hogs} busy loops beside the run\n")
print("| folds | folds without a model | failed folds | fallback models | worst process wall / budget | mean process wall / budget | folds over budget + grace |")
print("|---|---|---|---|---|---|---|")
worst = f"{max(ratios):.2f}" if ratios else "-"
mean = f"{sum(ratios) / len(ratios):.2f}" if ratios else "-"
print(f"| {len(rows)} | {len(no_model)} | {len(failed)} | {fallbacks} | {worst} | {mean} | {len(over)} |")
print(f"\nGrace: max(2 s, 5 % of the budget) = {grace:g} s. Load average is in each details record (loadavg_1min).")
if failed:
    print("\nFailed folds:\n")
    for r in failed:
        print(f"- {r['dataset']} fold {r['fold']}: {r.get('error', '')}")
if over:
    print("\nFolds over budget + grace:\n")
    for r in over:
        print(f"- {r['dataset']} fold {r['fold']}: {float(r['process_seconds']):.1f} s")
PY
cat "$out/$name.md"
