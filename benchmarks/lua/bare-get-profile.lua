dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("GET", "/bare/profiles/" .. math.random(profiles))
end
