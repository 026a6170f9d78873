-- Rotates through request paths read from the file named by the PATHS environment variable, one per line.
-- Each wrk thread starts at a different offset so that threads do not repeat each other's requests.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

local i = 0
request = function()
  i = i + 1
  local path = paths[((i + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end
