dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- the root of a subtree of about 10 000 types, moved back and forth between its parent and another type, on
-- one connection: every move checks the depth limit against the height of the whole subtree
local subtree = os.getenv("BENCH_SUBTREE")
local targets = { os.getenv("BENCH_SUBTREE_OTHER"), os.getenv("BENCH_SUBTREE_PARENT") }
local moves = 0
request = function()
  moves = moves + 1
  return wrk.format("PATCH", "/objects/accounts-receivable/customer-type/" .. subtree, json,
    '{"parent": {"key": "' .. targets[moves % 2 + 1] .. '"}}')
end
