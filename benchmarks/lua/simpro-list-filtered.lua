dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- nine in ten profiles are not archived; sorted by name descending
request = function()
  return wrk.format("GET", "/api/v1.0/companies/0/setup/customerProfiles/?columns=ID,Name,Archived&Archived=false&orderby=-Name&page="
    .. math.random(math.floor(profiles * 0.9 / 30)))
end
