dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles))
end
