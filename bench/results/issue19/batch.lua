-- wrk script: POST the JSON body in the file named by $BODY_FILE (an array of $ROWS rows) to /predict; the summary
-- line gives rows/s as requests/s x $ROWS.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = f:read("*a")
f:close()
local rows = tonumber(os.getenv("ROWS") or "1000")

function done(summary, latency, requests)
   local e = summary.errors
   local rps = summary.requests / (summary.duration / 1e6)
   io.write(string.format("SUMMARY requests=%d duration_s=%.3f req_per_s=%.1f rows_per_s=%.1f p50_ms=%.3f p95_ms=%.3f "
         .. "p99_ms=%.3f max_ms=%.3f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration / 1e6, rps, rps * rows,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect, e.read, e.write, e.timeout))
end
