-- wrk script: POST one JSON row of the demo churn schema to /predict, and print a parsable summary at the end
-- (wrk's own --latency table has no p95).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '[{"customer_id": "C000001", "age": 41, "tenure_months": 12, "monthly_fee": 29.5, "support_calls": 1, '
        .. '"plan": "basic", "region": "R3", "noise": 0.1}]'

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("SUMMARY requests=%d duration_s=%.3f req_per_s=%.1f rows_per_s=%.1f p50_ms=%.3f p95_ms=%.3f "
         .. "p99_ms=%.3f max_ms=%.3f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect, e.read, e.write, e.timeout))
end
