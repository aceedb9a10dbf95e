-- Shared by every scenario: per-thread ids and seeds, and the seed's figures from the environment.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  sequence = 0
  -- names stay unique across threads, rounds and runs, and across two wrk processes started in the same second
  -- against two servers over one database (the port tells them apart)
  salt = os.time() .. "-" .. (wrk.port or "") .. "-" .. math.random(1000000000)
end

profiles = tonumber(os.getenv("BENCH_PROFILES") or "100000")
types = tonumber(os.getenv("BENCH_TYPES") or "100000")

function leaf()
  return leaves[math.random(#leaves)]
end

leaves = {}
for key in string.gmatch(os.getenv("BENCH_LEAVES") or "1", "[^,]+") do
  leaves[#leaves + 1] = key
end

function unique(prefix)
  sequence = sequence + 1
  return prefix .. " " .. salt .. "-" .. tid .. "-" .. sequence
end

json = { ["Content-Type"] = "application/json" }

-- One machine-readable line for run.sh.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50ms=%.2f p99ms=%.2f non2xx=%d socketErrors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, errors))
end

-- one request of a mixed run: GET profile, GET type, profile page, type page, query, POST profile, PATCH profile,
-- or a type moved, chosen with the cumulative shares (out of 100) of the first seven in `b`
function mixed_request(b)
  local dice = math.random(100)
  if dice <= b[1] then
    return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles))
  elseif dice <= b[2] then
    return wrk.format("GET", "/objects/accounts-receivable/customer-type/" .. math.random(types))
  elseif dice <= b[3] then
    return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/?page=" .. math.random(math.floor(profiles / 30)))
  elseif dice <= b[4] then
    return wrk.format("GET", "/objects/accounts-receivable/customer-type?start=" .. math.random(types - 100))
  elseif dice <= b[5] then
    return wrk.format("POST", "/services/core/query", json,
      '{"object": "accounts-receivable/customer-type", "filters": [{"$eq": {"parent.key": "' .. math.random(types) .. '"}}]}')
  elseif dice <= b[6] then
    return wrk.format("POST", "/api/v1.0/companies/0/setup/customerProfiles/", json, '{"Name": "' .. unique("Mixed") .. '"}')
  elseif dice <= b[7] then
    return wrk.format("PATCH", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles), json,
      '{"Archived": ' .. (math.random(2) == 1 and "true" or "false") .. '}')
  else
    return wrk.format("PATCH", "/objects/accounts-receivable/customer-type/" .. leaf(), json,
      '{"parent": {"key": "' .. math.random(1000) .. '"}}')
  end
end
