-- wrk script for benchmarks/api.py: each connection's requests cycle through the paths of a file
-- (one per line, given after `--`), every thread starting at its own place; at the end it prints
-- one JSON line with the latency percentiles (ms), requests, seconds and the non-2xx count.
local paths = {}
local next_index = 1
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    table.insert(paths, line)
  end
  if #paths == 0 then
    error("expected paths in " .. args[1] .. ", found an empty file")
  end
  next_index = (id * 997) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path, {["Accept"] = "application/json"})
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
