-- wrk script: GET random article paths from a file (one path a line, e.g. the <loc>s of
-- the sitemaps with the origin cut off), uniformly or by Zipf's law.
--   wrk -s random-articles.lua URL -- paths.txt uniform
--   wrk -s random-articles.lua URL -- paths.txt zipf 1.1
-- Zipf: the k-th path of the file (newest first) is asked 1/k^s as often as the first.
local paths = {}
local cdf = nil

function init(args)
  -- Each request formatted once, here: a request that makes no garbage never starts Lua's
  -- collector, whose passes over a million paths stalled the thread for 100 ms and more;
  -- wrk's correction for coordinated omission then counted every request such a stall
  -- delayed, and nginx's own p99 read 130-190 ms (docs/benchmark.md).
  for line in io.lines(args[1]) do
    paths[#paths + 1] = wrk.format("GET", line)
  end
  if args[2] == "zipf" then
    local s = tonumber(args[3] or "1.1")
    local sum = 0
    cdf = {}
    for k = 1, #paths do
      sum = sum + 1 / (k ^ s)
      cdf[k] = sum
    end
    for k = 1, #paths do
      cdf[k] = cdf[k] / sum
    end
  end
  -- Each wrk thread draws its own sequence.
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function zipf()
  local r = math.random()
  local lo, hi = 1, #paths
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < r then lo = mid + 1 else hi = mid end
  end
  return lo
end

function request()
  local k = cdf and zipf() or math.random(#paths)
  return paths[k]
end
