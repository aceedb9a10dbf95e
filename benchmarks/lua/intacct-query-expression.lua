dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("POST", "/services/core/query", json,
    '{"object": "accounts-receivable/customer-type", "fields": ["key", "id", "parent.key"],'
    .. ' "filters": [{"$eq": {"parent.key": "' .. math.random(types) .. '"}}, {"$eq": {"parent.key": "'
    .. math.random(types) .. '"}}, {"$eq": {"status": "active"}}],'
    .. ' "filterExpression": "(1 or 2) and 3", "orderBy": [{"id": "desc"}]}')
end
