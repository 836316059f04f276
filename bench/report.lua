-- Prints one line with the figures the notes quote: requests/s, p50, p95, p99 (ms), non-2xx.
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT %s requests=%d rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms errors=%d\n",
    os.getenv("ORBIT_SCENARIO") or "?", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
