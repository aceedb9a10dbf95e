dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- the children of one type: an indexed, selective filter
request = function()
  return wrk.format("POST", "/services/core/query", json,
    '{"object": "accounts-receivable/customer-type", "fields": ["key", "id", "status", "parent.id"],'
    .. ' "filters": [{"$eq": {"parent.key": "' .. math.random(types) .. '"}}]}')
end
