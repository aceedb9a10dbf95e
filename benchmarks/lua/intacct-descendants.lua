dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- the whole subtree below the root of about 10 000 types, in pages of 4000 (the largest size) taken in turn:
-- every request walks the whole subtree for its total, then reads the rows of its page
local subtree = os.getenv("BENCH_SUBTREE")
local size = tonumber(os.getenv("BENCH_SUBTREE_SIZE"))
local pages = math.max(1, math.ceil((size - 1) / 4000))
local sent = 0
request = function()
  sent = sent + 1
  local start = ((sent - 1) % pages) * 4000 + 1
  return wrk.format("GET", "/objects/accounts-receivable/customer-type/" .. subtree .. "/descendants?size=4000&start="
    .. start)
end
