#!/usr/bin/env bash
# Client search benchmark (CRM-03): GET /api/cc/clients?q=… over 1,000,000 clients of one tenant with
# 10 other tenants present, against a plain ILIKE search in SQL in the same run:
#   benchmarks/run-crm-search.sh [--clients N] [--other-tenants N] [--other-clients N] [--queries N]
#                                [--shared-buffers SIZE] [--hold-seconds N]
# PostgreSQL gets shared_buffers=4GB by default, as a database server sized for this data would (the
# embedded default of 128MB suits tests, not a million cards); --shared-buffers 128MB measures that.
# --hold-seconds N keeps the generated database open for N seconds before the searches (to look at plans
# with psql). One JVM runs cc-core on embedded PostgreSQL; generating the data takes a few minutes. Results are
# printed and appended to docs/benchmarks/crm-search.md.
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
SHARED_BUFFERS=4GB
COMMAND="benchmarks/run-crm-search.sh${*:+ $*} at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' with local changes')"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) PROPS+=("-Dlinea.bench.clients=$2"); shift 2 ;;
    --other-tenants) PROPS+=("-Dlinea.bench.other-tenants=$2"); shift 2 ;;
    --other-clients) PROPS+=("-Dlinea.bench.other-clients=$2"); shift 2 ;;
    --queries) PROPS+=("-Dlinea.bench.queries=$2"); shift 2 ;;
    --shared-buffers) SHARED_BUFFERS="$2"; shift 2 ;;
    --hold-seconds) PROPS+=("-Dlinea.bench.hold-seconds=$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mvn -B -o -q -Dlinea.npm.skip=true -pl cc-core -am install -DskipTests
rm -f cc-core/target/crm-search-latest.md
mvn -B -o -Dlinea.npm.skip=true -pl cc-core surefire:test -Dtest=ClientSearchBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -DredirectTestOutputToFile=false \
  -Dlinea.bench.output="$ROOT/docs/benchmarks/crm-search.md" -Dlinea.bench.command="$COMMAND" \
  "-Dlinea.db.server-config=shared_buffers=$SHARED_BUFFERS" \
  "${PROPS[@]}" | grep -v -e '^\[INFO\] Download' || true
test -f cc-core/target/crm-search-latest.md || { echo "the search benchmark did not finish; see the output above" >&2; exit 1; }
cat cc-core/target/crm-search-latest.md
