-- simpro-get-item with the bearer token run.sh took from the token endpoint (BENCH_TOKEN).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local bearer = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
request = function()
  return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/" .. math.random(profiles), bearer)
end
