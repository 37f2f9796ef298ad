-- wrk script for benchmarks/api.py: each thread sends its own share of the paths of a file (one per
-- line, given after `--` with the number of threads): line i goes to thread i mod threads, so no
-- two threads send the same path. A thread that has sent all its paths starts them again (the
-- server's ready answers may then answer): it counts those requests, and the summary reports them.
-- At the end it prints one JSON line with the latency percentiles (ms), requests, seconds, the
-- non-2xx count, the distinct paths sent and the requests that repeated a path.
local paths = {}
local next_index = 1
local threads = {}
sent = 0
distinct = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count = tonumber(args[2]) or 1
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % count == id then
      table.insert(paths, line)
    end
    line_number = line_number + 1
  end
  if #paths == 0 then
    error("expected paths in " .. args[1] .. " for thread " .. id .. ", found none")
  end
  distinct = #paths
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  sent = sent + 1
  return wrk.format("GET", path, {["Accept"] = "application/json"})
end

function done(summary, latency, requests)
  local errors = summary.errors
  local used, repeated = 0, 0
  for _, thread in ipairs(threads) do
    local n, d = thread:get("sent"), thread:get("distinct")
    used = used + math.min(n, d)
    repeated = repeated + math.max(0, n - d)
  end
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,"non2xx":%d,"socket_errors":%d,'
    .. '"distinct_sent":%d,"repeated":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout, used, repeated))
end
