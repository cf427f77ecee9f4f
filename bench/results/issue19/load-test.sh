#!/usr/bin/env bash
# Load test of `automl serve` (issue 19), loopback only. Run from anywhere, on a quiet machine, after building the
# tool (mvn -B -q package -pl bench -am -DskipTests). Writes bench/results/issue19/load-<date>.md.
#
#   (a)+(b) single-row requests: wrk, DURATION s at CONNECTIONS connections (default 60 s, 64)
#   (c)     batches of BATCH_ROWS rows (default 1000): rows/s
#   (d)     a promotion and a rollback in the middle of a single-row run against `serve --registry` (SWAP_S s)
#   (e)     the bad-request battery and slow-loris clients while a single-row run continues (BATTERY_S s)
#
# Environment (all optional): DURATION CONNECTIONS THREADS BATCH_ROWS SWAP_S BATTERY_S SLOW_CONNECTIONS SLOW_S
# PORT JAVA_OPTS MODEL (a model file; default: one written by `automl demo`), WORK (scratch folder),
# ONLY (a comma list of a,c,d,e to run only those parts; a covers b).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR="$ROOT/bench/target/automl.jar"
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BATCH_ROWS=${BATCH_ROWS:-1000}
SWAP_S=${SWAP_S:-30}
BATTERY_S=${BATTERY_S:-40}
SLOW_CONNECTIONS=${SLOW_CONNECTIONS:-32}
SLOW_S=${SLOW_S:-15}
PORT=${PORT:-18080}
WORK=${WORK:-$ROOT/bench/target/issue19-load}
ONLY=${ONLY:-a,c,d,e}
MAX_ROWS=1000
# Short connection timeouts so that slow-loris clients are cut within the battery; they do not touch normal requests.
SERVE_LIMITS=(--max-rows "$MAX_ROWS" --timeout-ms 5000 --idle-timeout-ms 5000)
OUT="$HERE/load-$(date +%Y-%m-%d-%H%M).md"
# shellcheck disable=SC2206
JAVA=(java ${JAVA_OPTS:-})

die() { echo "load-test.sh: $*" >&2; exit 1; }
want() { [[ ",$ONLY," == *",$1,"* ]]; }

[[ -f "$JAR" ]] || die "$JAR is missing; build it first: mvn -B -q package -pl bench -am -DskipTests"
command -v python3 >/dev/null || die "python3 is needed for the request bodies and the bad-request battery"
command -v curl >/dev/null || die "curl is needed"
if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package) ..." >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -q wrk >&2 || { apt-get update -q >&2 && apt-get install -y -q wrk >&2; }
    else sudo apt-get install -y -q wrk >&2 || { sudo apt-get update -q >&2 && sudo apt-get install -y -q wrk >&2; }; fi
fi
mkdir -p "$WORK"

SERVERS=()
cleanup() {
    for pid in "${SERVERS[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
    for pid in "${SERVERS[@]:-}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# start_server LOG ARGS...: starts `automl serve ARGS` in the background, waits for its ready line, sets URL.
start_server() {
    local log=$1; shift
    "${JAVA[@]}" -jar "$JAR" serve "$@" >"$log.out" 2>"$log.err" &
    SERVERS+=($!)
    local pid=$!
    for _ in $(seq 1 300); do
        if grep -q " at http" "$log.out" 2>/dev/null; then
            URL=$(sed -n 's/.* at \(http[^ ]*\)$/\1/p' "$log.out" | head -1)
            URL=${URL%/}
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || die "the server did not start: $(cat "$log.err")"
        sleep 0.2
    done
    die "the server did not print its ready line within 60 s"
}

stop_server() {
    local pid=${SERVERS[-1]}
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset 'SERVERS[-1]'
}

# wrk_run NAME SECONDS SCRIPT URL: runs wrk, keeps its output in $WORK/NAME.wrk, prints its SUMMARY line.
wrk_run() {
    local name=$1 secs=$2 script=$3 url=$4
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s --latency -s "$script" "$url" >"$WORK/$name.wrk" 2>&1
    grep '^SUMMARY' "$WORK/$name.wrk" || die "wrk printed no summary: $(cat "$WORK/$name.wrk")"
}

# field KEY LINE: the value of KEY=... in a SUMMARY line.
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

table_row() {   # table_row WHAT SUMMARY
    local s=$2
    echo "| $1 | $(field requests "$s") | $(field req_per_s "$s") | $(field rows_per_s "$s") | $(field p50_ms "$s") | $(field p95_ms "$s") | $(field p99_ms "$s") | $(field max_ms "$s") | $(field non2xx "$s") | $(field connect "$s")/$(field read "$s")/$(field write "$s")/$(field timeout "$s") |"
}

raw_block() {   # raw_block TITLE FILE
    printf '<details><summary>%s</summary>\n\n```\n' "$1"
    cat "$2"
    printf '```\n</details>\n\n'
}

# --- the demo model and bodies -------------------------------------------------------------------------------------
if [[ -z "${MODEL:-}" ]]; then
    MODEL="$WORK/demo/model.automl"
    if [[ ! -f "$MODEL" ]]; then
        echo "writing the demo model (automl demo, 60 s) ..." >&2
        rm -rf "$WORK/demo"
        "${JAVA[@]}" -jar "$JAR" demo --out "$WORK/demo" --budget 60 >"$WORK/demo.log" 2>&1 || die "automl demo failed: $WORK/demo.log"
    fi
fi
python3 "$HERE/loadkit.py" rows "$BATCH_ROWS" "$WORK/batch.json"

{
    echo "# Load test of automl serve, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);"
    echo "$("${JAVA[@]}" -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -c1-60)."
    echo "Loopback only; wrk and the server share the machine. wrk: $THREADS threads, $CONNECTIONS connections,"
    echo "\`--timeout 10s --latency\`; latencies from wrk's histogram (\`done()\` in the Lua scripts). Model: \`${MODEL#"$ROOT"/}\`."
    echo "Server limits: \`${SERVE_LIMITS[*]}\`, the rest at their defaults; JAVA_OPTS: \`${JAVA_OPTS:-none}\`."
    echo
} >"$OUT"

HEADER='| run | requests | req/s | rows/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | socket errors (connect/read/write/timeout) |
|---|---|---|---|---|---|---|---|---|---|'

# --- (a)-(c): single rows and batches ----------------------------------------------------------------------------
if want a || want c; then
    start_server "$WORK/serve" --model "$MODEL" --port "$PORT" "${SERVE_LIMITS[@]}"
    echo "server: $(cat "$WORK/serve.out")" >&2
    wrk -t1 -c4 -d5s -s "$HERE/one-row.lua" "$URL/predict" >/dev/null 2>&1 || true   # warm-up (JIT), not reported
    {
        echo "## Throughput and latency"
        echo
        echo "Server: \`java -jar bench/target/automl.jar serve --model MODEL --port $PORT ${SERVE_LIMITS[*]}\` (after a 5 s warm-up)."
        echo
        echo "$HEADER"
    } >>"$OUT"
    if want a; then
        echo "(a) single rows, ${DURATION}s ..." >&2
        S=$(wrk_run single "$DURATION" "$HERE/one-row.lua" "$URL/predict")
        table_row "single row, ${DURATION} s: \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s one-row.lua URL/predict\`" "$S" >>"$OUT"
    fi
    if want c; then
        echo "(c) batches of $BATCH_ROWS rows, ${DURATION}s ..." >&2
        S=$(BODY_FILE="$WORK/batch.json" ROWS="$BATCH_ROWS" wrk_run batch "$DURATION" "$HERE/batch.lua" "$URL/predict")
        table_row "$BATCH_ROWS rows a request, ${DURATION} s: \`BODY_FILE=batch.json ROWS=$BATCH_ROWS wrk ... -s batch.lua\`" "$S" >>"$OUT"
    fi
    echo >>"$OUT"
    want a && raw_block "wrk output, single rows" "$WORK/single.wrk" >>"$OUT"
    want c && raw_block "wrk output, batches" "$WORK/batch.wrk" >>"$OUT"
    stop_server
fi

# --- (d): promotion and rollback under load ------------------------------------------------------------------------
if want d; then
    REG="$WORK/registry.db"
    if [[ ! -f "$REG" ]]; then
        echo "(d) registering two versions of 'churn' (two short runs) ..." >&2
        python3 "$HERE/loadkit.py" train 2000 1 "$WORK/train.csv"
        for v in 1 2; do
            learner=$([[ $v == 1 ]] && echo xgboost || echo smile-logistic)
            cat >"$WORK/run$v.yaml" <<YAML
data:
  train: $WORK/train.csv
  target: churned
budget:
  seconds: 30
  max_trials: 4
search:
  learners: [$learner]
  seed: $v
output: $WORK/run$v
YAML
            rm -rf "$WORK/run$v"
            "${JAVA[@]}" -jar "$JAR" run --config "$WORK/run$v.yaml" --registry "$REG" --register churn >"$WORK/run$v.log" 2>&1 \
                || die "automl run failed: $WORK/run$v.log"
        done
    fi
    "${JAVA[@]}" -jar "$JAR" models promote churn 1 --stage production --registry "$REG" >/dev/null
    start_server "$WORK/serve-registry" --registry "$REG" --model churn --poll-ms 200 --port "$PORT" "${SERVE_LIMITS[@]}"
    wrk -t1 -c4 -d5s -s "$HERE/one-row.lua" "$URL/predict" >/dev/null 2>&1 || true
    echo "(d) promote at $((SWAP_S / 3)) s and roll back at $((2 * SWAP_S / 3)) s of a ${SWAP_S}s run ..." >&2
    wrk_run swap "$SWAP_S" "$HERE/one-row.lua" "$URL/predict" >"$WORK/swap.summary" &
    WRK=$!
    sleep $((SWAP_S / 3))
    "${JAVA[@]}" -jar "$JAR" models promote churn 2 --stage production --registry "$REG" >"$WORK/promote.out" 2>&1
    V_PROMOTED=$(sleep 2; curl -s "$URL/metadata" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
    sleep $((SWAP_S / 3 - 2))
    "${JAVA[@]}" -jar "$JAR" models rollback churn --registry "$REG" >"$WORK/rollback.out" 2>&1
    V_ROLLED=$(sleep 2; curl -s "$URL/metadata" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
    wait "$WRK"
    S=$(cat "$WORK/swap.summary")
    {
        echo "## Promotion and rollback under load"
        echo
        echo "Server: \`automl serve --registry registry.db --model churn --poll-ms 200 --port $PORT ${SERVE_LIMITS[*]}\`;"
        echo "version 1 (XGBoost) in production, version 2 (logistic regression) promoted at $((SWAP_S / 3)) s with"
        echo "\`automl models promote churn 2 --stage production\`, rolled back at $((2 * SWAP_S / 3)) s with \`automl models rollback churn\`."
        echo "Served 2 s after the promotion: \`$V_PROMOTED\`; 2 s after the rollback: \`$V_ROLLED\`."
        echo
        echo "$HEADER"
        table_row "single row, ${SWAP_S} s, promote + rollback" "$S"
        echo
        echo "The server's log (standard error):"
        echo
        echo '```'
        cat "$WORK/serve-registry.err"
        echo '```'
        echo
        echo "Swaps counted by the server: \`$(curl -s "$URL/metrics" | grep '^automl_serving_model_swaps_total')\`."
        echo
    } >>"$OUT"
    raw_block "wrk output, swap run" "$WORK/swap.wrk" >>"$OUT"
    stop_server
fi

# --- (e): bad requests and slow clients while the load goes on ---------------------------------------------------
if want e; then
    start_server "$WORK/serve-battery" --model "$MODEL" --port "$PORT" "${SERVE_LIMITS[@]}"
    echo "(e) bad-request battery and slow-loris during a ${BATTERY_S}s run ..." >&2
    wrk_run battery "$BATTERY_S" "$HERE/one-row.lua" "$URL/predict" >"$WORK/battery.summary" &
    WRK=$!
    sleep 3
    set +e
    python3 "$HERE/loadkit.py" battery "$URL" "$MAX_ROWS" >"$WORK/battery.md"
    BATTERY_OK=$?
    python3 "$HERE/loadkit.py" slowloris "$URL" "$SLOW_CONNECTIONS" "$SLOW_S" >"$WORK/slowloris.md"
    SLOW_OK=$?
    set -e
    wait "$WRK"
    S=$(cat "$WORK/battery.summary")
    AFTER=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$WORK/batch.json" "$URL/predict")
    {
        echo "## Bad requests and slow clients under load"
        echo
        echo "Sent while a single-row wrk run of ${BATTERY_S} s went on against the same server"
        echo "(\`automl serve --model MODEL ${SERVE_LIMITS[*]}\`); each request on its own connection (\`loadkit.py battery\`)."
        echo
        cat "$WORK/battery.md"
        echo
        echo "Every case as expected: $([[ $BATTERY_OK == 0 ]] && echo yes || echo '**no**')."
        echo
        cat "$WORK/slowloris.md"
        echo
        echo "/health answered 200 throughout the slow clients: $([[ $SLOW_OK == 0 ]] && echo yes || echo '**no**')."
        echo
        echo "The load meanwhile (its non-2xx are the load's own requests only):"
        echo
        echo "$HEADER"
        table_row "single row, ${BATTERY_S} s, during the battery" "$S"
        echo
        echo "After the battery a $BATCH_ROWS-row request answered $AFTER."
        echo
    } >>"$OUT"
    raw_block "wrk output, battery run" "$WORK/battery.wrk" >>"$OUT"
    stop_server
fi

echo "results: $OUT" >&2
