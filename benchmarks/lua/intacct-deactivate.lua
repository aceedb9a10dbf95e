dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- a leaf's status set to inactive, then to active on the next request of the same connection thread: leaves have
-- no children, so every deactivation is allowed, and their parents are active, so every reactivation is too
request = function()
  sequence = sequence + 1
  local status = sequence % 2 == 1 and "inactive" or "active"
  return wrk.format("PATCH", "/objects/accounts-receivable/customer-type/" .. leaf(), json,
    '{"status": "' .. status .. '"}')
end
