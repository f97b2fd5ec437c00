#!/usr/bin/env bash
# Client upsert benchmark (CRM-05): POST /api/integration/v1/clients:upsert with an API key, 100,000
# cards in requests of 1,000 (create, unchanged, changed), against plain JDBC batch inserts in the same run:
#   benchmarks/run-crm-upsert.sh [--rows N] [--streams N]
# --streams: requests in flight at a time (default: one per core), the baseline with as many connections.
# --db-config: PostgreSQL settings for the run, default "shared_buffers=4GB;max_wal_size=4GB", a server
# sized for a load of a million cards (the embedded default of 128MB and 1GB suits tests).
# One JVM runs cc-core on embedded PostgreSQL. Results are printed and appended to
# docs/benchmarks/crm-upsert.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$candidate/bin/java" ]] && export JAVA_HOME="$candidate" && break
  done
fi
[[ -n "${JAVA_HOME:-}" ]] && export PATH="$JAVA_HOME/bin:$PATH"

PROPS=()
DB_CONFIG="shared_buffers=4GB;max_wal_size=4GB"
COMMAND="benchmarks/run-crm-upsert.sh${*:+ $*} at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' with local changes')"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) PROPS+=("-Dlinea.bench.rows=$2"); shift 2 ;;
    --streams) PROPS+=("-Dlinea.bench.streams=$2"); shift 2 ;;
    --db-config) DB_CONFIG="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mvn -B -o -q -Dlinea.npm.skip=true -pl cc-core -am install -DskipTests
rm -f cc-core/target/crm-upsert-latest.md
mvn -B -o -Dlinea.npm.skip=true -pl cc-core surefire:test -Dtest=ClientUpsertBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -DredirectTestOutputToFile=false \
  -Dlinea.bench.output="$ROOT/docs/benchmarks/crm-upsert.md" -Dlinea.bench.command="$COMMAND" \
  "-Dlinea.db.server-config=$DB_CONFIG" \
  "${PROPS[@]}" | grep -v -e '^\[INFO\] Download' || true
test -f cc-core/target/crm-upsert-latest.md || { echo "the upsert benchmark did not finish; see the output above" >&2; exit 1; }
cat cc-core/target/crm-upsert-latest.md
