dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  local archived = math.random(2) == 1 and "true" or "false"
  return wrk.format("PATCH", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles), json,
    '{"Archived": ' .. archived .. '}')
end
