dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("POST", "/services/core/query", json,
    '{"object": "accounts-receivable/customer-type", "fields": ["key", "id"], "start": '
    .. math.random(types - 100) .. ', "size": 100}')
end
