#!/usr/bin/env bash
# The forecasting pack by ../shared/bench/forecasting/PROTOCOL.md, two runs, on a quiet machine, from the repository
# root after `mvn -B -q install -DskipTests`:
#   automl4j        a local run: the default candidates (naive, snaive, naive2, theta, dotm, ets, arima), each series
#                   fitted on its own history; the ensemble's weights chosen per collection on backtests
#   automl4j-global the same candidates plus global-lightgbm and global-xgboost, learned across each collection's series
# Then R's summarize.R ranks both against the baselines (R from Debian 12: r-base-core, r-cran-forecast), with the
# baselines completed by `Rscript baselines.R --methods ets,arima,comb` where RBASE points (default: the shared ones).
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=bench/results/issue20
PACK=../shared/datasets/forecasting/manifest.json
RBASE=${RBASE:-../shared/bench/forecasting/results}
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
  Rscript ../shared/bench/forecasting/summarize.R "$RBASE/baselines_series.csv" "$OUT/automl4j_series.csv" \
    "$OUT/automl4j-global_series.csv" --out "$OUT/summary.md" --csv "$OUT/summary.csv"
fi
