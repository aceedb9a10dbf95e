dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("POST", "/api/v1.0/companies/0/setup/customerProfiles/", json,
    '{"Name": "' .. unique("Bench") .. '"}')
end
