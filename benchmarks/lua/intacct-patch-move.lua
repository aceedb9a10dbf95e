dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- a leaf moves under one of the first thousand types (all shallow, all active)
request = function()
  return wrk.format("PATCH", "/objects/accounts-receivable/customer-type/" .. leaf(), json,
    '{"parent": {"key": "' .. math.random(1000) .. '"}}')
end
