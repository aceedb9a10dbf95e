dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function()
  return wrk.format("POST", "/bare/profiles", json, '{"Name": "' .. unique("Bare") .. '"}')
end
