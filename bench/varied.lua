-- wrk script: every request to /api/events draws its own filters, the mix of
-- `bench/bench_api.py --varied` (one to three of source, target, dyad, QuadClass, CAMEO
-- root, location country, since, until, text, near, country; a kind drawn twice keeps
-- its last value), seeded, so that no cache can answer and two runs ask the same questions.
--
--   wrk -t1 -c20 -d30s --latency -s bench/varied.lua http://127.0.0.1:8000
--
-- SEED (environment) changes the sequence; the default is 11, as bench_api.py's.

local iso3 = {"USA", "CHN", "RUS", "UKR", "ZMB", "VEN", "LBR", "ZWE", "NLD", "NZL", "FRA",
              "IND", "BRA", "NGA", "EGY", "GRC", "HKG", "JPN", "KOR", "PRK"}
local words = {"talks", "border", "protest", "refugees", "sanctions", "police", "summit",
               "court"}
local kinds = {"source", "target", "dyad", "quad", "cameo", "location_country", "since",
               "until", "text", "near", "country"}

local function pick(list)
  return list[math.random(#list)]
end

local function month()
  return string.format("%d-%02d", pick({2024, 2025}), math.random(1, 12))
end

local values = {
  source = function() return pick(iso3) end,
  target = function() return pick(iso3) end,
  country = function() return pick(iso3) end,
  location_country = function() return pick(iso3) end,
  dyad = function() return pick(iso3) .. "%2C" .. pick(iso3) end,
  quad = function() return tostring(math.random(1, 4)) end,
  cameo = function() return string.format("%02d", math.random(1, 20)) end,
  since = month,
  ["until"] = month,
  text = function() return pick(words) end,
  near = function()
    return string.format("%.1f%%2C%.1f%%2C%d", -50 + math.random() * 110,
                         -120 + math.random() * 270, pick({100, 300, 1000}))
  end,
}

function init(args)
  math.randomseed(tonumber(os.getenv("SEED") or "11"))
end

function request()
  local chosen, order = {}, {}
  for _ = 1, math.random(1, 3) do
    local kind = pick(kinds)
    if chosen[kind] == nil then
      order[#order + 1] = kind
    end
    chosen[kind] = values[kind]()
  end
  local parts = {}
  for _, kind in ipairs(order) do
    parts[#parts + 1] = kind .. "=" .. chosen[kind]
  end
  return wrk.format("GET", "/api/events?" .. table.concat(parts, "&"))
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, answers not 2xx or 3xx %d\n", summary.requests,
                         summary.errors.status))
end
