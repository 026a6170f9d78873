#!/usr/bin/env bash
# Load benchmark: wrk on loopback against every read path of an ingested archive, each reported as a share of the
# rate of a static asset measured in the same run (the HTTP stack's floor), so that figures survive a noisy machine.
# Usage: [SERVER_ARGS="--archive.search.cached-results=0"] [JAR=other.jar] bench/load/run.sh DATA_DIR [SECONDS]
# (needs: apt-get install -y wrk; ./mvnw package and the classpath file)
# Every run is bounded: wrk runs for SECONDS per target and connection count, and targets only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR=${1:?usage: bench/load/run.sh DATA_DIR [SECONDS]}
SECONDS_PER_RUN=${2:-20}
PORT=18181
BASE="http://127.0.0.1:$PORT"
OUT=target/load
mkdir -p "$OUT"

java -Xmx512m -XX:+UseG1GC -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$OUT" \
    -jar "${JAR:-target/news-archive.jar}" --archive.data-dir="$DATA_DIR" --archive.seeds-dir= \
    --server.port=$PORT --logging.level.root=WARN ${SERVER_ARGS:-} > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "$BASE/api/stats" > /dev/null && break
    sleep 1
done

java -cp "target/classes:$(cat target/classpath.txt)" bench/LoadPaths.java "$BASE" "$OUT"
STYLESHEET=$(curl -sf "$BASE/" | grep -o '/assets/css/site[^"]*\.css' | head -1)
echo "$STYLESHEET" > "$OUT/static-paths.txt"
for page in / /about /api/stats /publishers /tags /timeline; do
    echo "$page" > "$OUT/page$(echo "$page" | tr '/' '_')-paths.txt"
done

# target name, paths file, connections
RUNS=(
    "static asset|static|16"
    "/api/search|api-search|16"
    "/api/search|api-search|64"
    "/search page|search-page|16"
    "/articles/{id}|article|16"
    "/api/articles/{id}|api-article|16"
    "/|page_|16"
    "/about|page_about|16"
    "/api/stats|page_api_stats|16"
    "/publishers|page_publishers|16"
    "/tags|page_tags|16"
    "/timeline|page_timeline|16"
    "static asset (again)|static|16"
)
# The whole stack warms up on the floor first, so that the first static run is not a cold one.
PATHS="$OUT/static-paths.txt" wrk -t2 -c16 -d15s -s bench/load/rotate.lua "$BASE" > /dev/null
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
for run in "${RUNS[@]}"; do
    IFS='|' read -r name paths connections <<< "$run"
    # Warm up the JIT before measuring.
    PATHS="$OUT/$paths-paths.txt" wrk -t2 -c"$connections" -d5s -s bench/load/rotate.lua "$BASE" > /dev/null
    PATHS="$OUT/$paths-paths.txt" wrk -t2 -c"$connections" -d"${SECONDS_PER_RUN}s" --latency \
        -s bench/load/rotate.lua "$BASE" > "$OUT/wrk.txt"
    rate=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk.txt")
    errors=$(awk '/Non-2xx/ {sum += $NF}
        /Socket errors/ {for (i = 3; i <= NF; i++) {v = $i; gsub(",", "", v); if (v ~ /^[0-9]+$/) sum += v}}
        END {print sum + 0}' "$OUT/wrk.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$connections" "$rate" "$p50" "$p99" "$errors" >> "$RESULTS"
    echo "== $name, $connections connections: $rate req/s, p50 $p50, p99 $p99, errors $errors"
done

echo
awk -F'\t' '
    $1 ~ /^static/ { static += $3; n++ }
    { rows[NR] = $0 }
    END {
        static /= n
        printf "%-22s %5s %10s %9s %9s %7s %8s\n", "target", "conns", "req/s", "p50", "p99", "errors", "share"
        for (i = 1; i <= NR; i++) {
            split(rows[i], f, "\t")
            printf "%-22s %5s %10.1f %9s %9s %7s %7.3fx\n", f[1], f[2], f[3], f[4], f[5], f[6], f[3] / static
        }
    }' "$RESULTS"
echo "(share: requests per second over the mean rate of the two static-asset runs)"
echo "== server heap after the runs"
jcmd $SERVER GC.heap_info | head -5
if grep -q OutOfMemoryError "$OUT/server.log"; then echo "OutOfMemoryError in the server log"; fi
