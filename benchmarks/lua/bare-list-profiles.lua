dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("GET", "/bare/profiles?page=" .. math.random(math.floor(profiles / 30)))
end
