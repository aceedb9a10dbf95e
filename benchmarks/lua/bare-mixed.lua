dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- the baseline's warm-up: every read route it answers, so none of them is measured cold
request = function()
  local dice = math.random(100)
  if dice <= 40 then
    return wrk.format("GET", "/bare/profiles/" .. math.random(profiles))
  elseif dice <= 80 then
    return wrk.format("GET", "/bare/types/" .. math.random(types))
  elseif dice <= 90 then
    return wrk.format("GET", "/bare/profiles?page=" .. math.random(math.floor(profiles / 30)))
  else
    return wrk.format("GET", "/bare/types?start=" .. math.random(types - 100) .. "&size=100")
  end
end
