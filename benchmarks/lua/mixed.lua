dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- nine reads in ten over both dialects, one write in ten
request = function()
  return mixed_request({20, 40, 55, 70, 90, 94, 97})
end
