dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("GET", "/bare/types?start=" .. math.random(types - 100) .. "&size=100")
end
