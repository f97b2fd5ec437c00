#!/usr/bin/env bash
# Benchmarks B1 (call capacity) and B3 (ARI events) of the telephony core, in one run:
#   benchmarks/run-b1-b3.sh [--seconds S] [--max-rate R] [--start-rate R] [--agents N] [--talk-ms MS] [--b3-rate R]
# sipp calls a real Asterisk node ('bench', on ports of its own) through a plain dialplan (the baseline)
# and through cc-core's ARI path, and binary-searches the highest call rate each sustains; B3 measures
# ARI event latency and bytes at 50 calls/s. Needs root (the node runs in a chroot) and sipp, like
# ./linea test. Results are printed and appended to docs/benchmarks/b1-b3-telephony.md.
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
COMMAND="benchmarks/run-b1-b3.sh${*:+ $*} at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' with local changes')"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) PROPS+=("-Dlinea.bench.seconds=$2"); shift 2 ;;
    --max-rate) PROPS+=("-Dlinea.bench.max-rate=$2"); shift 2 ;;
    --start-rate) PROPS+=("-Dlinea.bench.start-rate=$2"); shift 2 ;;
    --agents) PROPS+=("-Dlinea.bench.agents=$2"); shift 2 ;;
    --talk-ms) PROPS+=("-Dlinea.bench.talk-ms=$2"); shift 2 ;;
    --b3-rate) PROPS+=("-Dlinea.bench.b3-rate=$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v sipp >/dev/null || { echo "B1/B3 need sipp: apt-get install -y sip-tester" >&2; exit 1; }
# thousands of RTP sockets for sipp and Asterisk
ulimit -n 65536 2>/dev/null || true

# The node 'bench' leaves a dev node (5060/8088) and the test node (25060/28088) alone; RTP below sipp's 40000+.
mvn -B -o -q -Dlinea.npm.skip=true -pl cc-core -am install -DskipTests
rm -f cc-core/target/b1-b3-latest.md
mvn -B -o -Dlinea.npm.skip=true -pl cc-core surefire:test -Dtest=CallCapacityBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -DredirectTestOutputToFile=false \
  -Dlinea.asterisk.name=bench -Dlinea.asterisk.sip-port=35060 -Dlinea.asterisk.tls-port=35061 \
  -Dlinea.asterisk.http-port=38088 -Dlinea.asterisk.https-port=38089 -Dlinea.asterisk.rtp=20000-24999 \
  -Dlinea.bench.output="$ROOT/docs/benchmarks/b1-b3-telephony.md" -Dlinea.bench.command="$COMMAND" \
  "${PROPS[@]}" | grep -v -e '^\[INFO\] Download' || true
test -f cc-core/target/b1-b3-latest.md || { echo "B1/B3 did not finish; see the output above" >&2; exit 1; }
