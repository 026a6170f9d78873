#!/usr/bin/env bash
# Load benchmark: wrk on loopback against /api/search and /articles/{id} pages of an ingested archive.
# Usage: [SERVER_ARGS="--archive.search.cached-results=0"] bench/load/run.sh DATA_DIR [SECONDS]
# (needs: apt-get install -y wrk; ./mvnw package and the classpath file)
# Every run is bounded: wrk runs for SECONDS per connection count and targets only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR=${1:?usage: bench/load/run.sh DATA_DIR [SECONDS]}
SECONDS_PER_RUN=${2:-30}
PORT=18181
OUT=target/load
mkdir -p "$OUT"

java -Xmx512m -XX:+UseG1GC -jar target/news-archive.jar --archive.data-dir="$DATA_DIR" --archive.seeds-dir= \
    --server.port=$PORT --logging.level.root=WARN ${SERVER_ARGS:-} > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/api/stats" > /dev/null && break
    sleep 1
done

java -cp "target/classes:$(cat target/classpath.txt)" bench/LoadPaths.java "http://127.0.0.1:$PORT" "$OUT"

for target in search article; do
    # Warm up the JIT and the caches before measuring.
    PATHS="$OUT/$target-paths.txt" wrk -t2 -c16 -d10s -s bench/load/rotate.lua "http://127.0.0.1:$PORT" > /dev/null
    for connections in 16 64; do
        echo "== $target, $connections connections, ${SECONDS_PER_RUN}s"
        PATHS="$OUT/$target-paths.txt" wrk -t2 -c$connections -d${SECONDS_PER_RUN}s --latency \
            -s bench/load/rotate.lua "http://127.0.0.1:$PORT"
    done
done
echo "== server heap after the runs"
jcmd $SERVER GC.heap_info | head -5
