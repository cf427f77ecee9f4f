#!/usr/bin/env bash
# The forecasting pack by ../shared/bench/forecasting/PROTOCOL.md, two runs, on a quiet machine, from the repository
# root after `mvn -B -q install -DskipTests`:
#   automl4j        a local run: the default candidates (naive, snaive, naive2, theta, dotm, ets, arima), each series
#                   fitted on its own history; the ensemble's weights chosen per collection on backtests
#   automl4j-global the same candidates plus global-lightgbm and global-xgboost, learned across each collection's series
# Then R's summarize.R ranks both against the baselines (R from Debian 12: r-base-core, r-cran-forecast): by default
# those in r-baselines/, the shared results completed on this machine by `nice -n 19 Rscript baselines.R --workers 1
# --methods ets,arima,comb` (the shared copy lacked arima and comb on the monthly collections), and targets.py writes
# the targets table.
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=bench/results/issue20
PACK=../shared/datasets/forecasting/manifest.json
RBASE=${RBASE:-$OUT/r-baselines}
LOCALS=naive,snaive,naive2,theta,dotm,ets,arima
if [ "${SKIP_LOCAL:-0}" != 1 ]; then
  /usr/bin/time -v java -jar bench/target/automl.jar bench --suite "$PACK" --out "$OUT/automl4j_series.csv" --cores 2 \
    > "$OUT/automl4j.log" 2> "$OUT/automl4j.time"
fi
if [ "${SKIP_GLOBAL:-0}" != 1 ]; then
  /usr/bin/time -v java -jar bench/target/automl.jar bench --suite "$PACK" --out "$OUT/automl4j-global_series.csv" --cores 2 \
    --learners "$LOCALS,global-lightgbm,global-xgboost" > "$OUT/automl4j-global.log" 2> "$OUT/automl4j-global.time"
fi
if command -v Rscript > /dev/null; then
  Rscript ../shared/bench/forecasting/summarize.R "$RBASE/baselines_series.csv.gz" "$OUT/automl4j_series.csv" \
    "$OUT/automl4j-global_series.csv" --out "$OUT/summary.md" --csv "$OUT/summary.csv"
fi
python3 "$OUT/targets.py" > "$OUT/targets.md"
gzip -9f "$OUT/automl4j_forecasts.csv" "$OUT/automl4j-global_forecasts.csv"
