dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("GET", "/objects/accounts-receivable/customer-type/" .. math.random(types))
end
