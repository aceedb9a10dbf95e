dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- seven reads in ten over both dialects, three writes in ten (mixed.lua's reads and writes, in those shares)
request = function()
  local dice = math.random(100)
  if dice <= 15 then
    return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles))
  elseif dice <= 30 then
    return wrk.format("GET", "/objects/accounts-receivable/customer-type/" .. math.random(types))
  elseif dice <= 42 then
    return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/?page=" .. math.random(math.floor(profiles / 30)))
  elseif dice <= 54 then
    return wrk.format("GET", "/objects/accounts-receivable/customer-type?start=" .. math.random(types - 100))
  elseif dice <= 70 then
    return wrk.format("POST", "/services/core/query", json,
      '{"object": "accounts-receivable/customer-type", "filters": [{"$eq": {"parent.key": "' .. math.random(types) .. '"}}]}')
  elseif dice <= 82 then
    return wrk.format("POST", "/api/v1.0/companies/0/setup/customerProfiles/", json, '{"Name": "' .. unique("Mixed") .. '"}')
  elseif dice <= 91 then
    return wrk.format("PATCH", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles), json,
      '{"Archived": ' .. (math.random(2) == 1 and "true" or "false") .. '}')
  else
    return wrk.format("PATCH", "/objects/accounts-receivable/customer-type/" .. leaf(), json,
      '{"parent": {"key": "' .. math.random(1000) .. '"}}')
  end
end
