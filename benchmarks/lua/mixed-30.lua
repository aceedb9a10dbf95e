dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- seven reads in ten over both dialects, three writes in ten (mixed.lua's reads and writes, in those shares)
request = function()
  return mixed_request({15, 30, 42, 54, 70, 82, 91})
end
