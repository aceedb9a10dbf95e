dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("POST", "/objects/accounts-receivable/customer-type", json,
    '{"id": "' .. unique("Bench") .. '", "parent": {"key": "' .. math.random(1000) .. '"}}')
end
