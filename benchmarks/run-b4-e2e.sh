#!/usr/bin/env bash
# Benchmark B4 end to end: a caller joining a queue → an agent's phone being called, under a sipp load,
# against Asterisk's own app_queue in the same run:
#   benchmarks/run-b4-e2e.sh [--rates 25,50,100,200] [--seconds S] [--agents N] [--talk-ms MS]
# One JVM runs cc-core (embedded PostgreSQL) against an Asterisk node of its own ('bench'). Needs root
# (the node runs in a chroot) and sipp, like ./linea test. Results are printed and appended to
# docs/benchmarks/b4-offer.md.
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
COMMAND="benchmarks/run-b4-e2e.sh${*:+ $*} at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' with local changes')"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rates) PROPS+=("-Dlinea.bench.rates=$2"); shift 2 ;;
    --seconds) PROPS+=("-Dlinea.bench.seconds=$2"); shift 2 ;;
    --agents) PROPS+=("-Dlinea.bench.agents=$2"); shift 2 ;;
    --talk-ms) PROPS+=("-Dlinea.bench.talk-ms=$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v sipp >/dev/null || { echo "B4 needs sipp: apt-get install -y sip-tester" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || true

mvn -B -o -q -Dlinea.npm.skip=true -pl cc-core -am install -DskipTests
rm -f cc-core/target/b4-offer-latest.md
mvn -B -o -Dlinea.npm.skip=true -pl cc-core surefire:test -Dtest=RoutingOfferBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -DredirectTestOutputToFile=false \
  -Dlinea.asterisk.name=bench -Dlinea.asterisk.sip-port=35060 -Dlinea.asterisk.tls-port=35061 \
  -Dlinea.asterisk.http-port=38088 -Dlinea.asterisk.https-port=38089 -Dlinea.asterisk.rtp=20000-24999 \
  -Dlinea.bench.output="$ROOT/docs/benchmarks/b4-offer.md" -Dlinea.bench.command="$COMMAND" \
  "${PROPS[@]}" | grep -v -e '^\[INFO\] Download' || true
test -f cc-core/target/b4-offer-latest.md || { echo "B4 did not finish; see the output above" >&2; exit 1; }
