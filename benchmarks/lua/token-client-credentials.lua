-- A client_credentials token request, the client authenticating by HTTP Basic (BENCH_BASIC: base64 of id:secret).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local headers = { ["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC"),
                  ["Content-Type"] = "application/x-www-form-urlencoded" }
request = function()
  return wrk.format("POST", "/oauth2/token", headers, "grant_type=client_credentials")
end
