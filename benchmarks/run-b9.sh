#!/usr/bin/env bash
# Benchmark B9 (ACD-09): accuracy of the queue wait forecast against Erlang C and last-to-enter-service, on a
# deterministic M/M/s(+M) simulation of three scenarios.
#   benchmarks/run-b9.sh [callers per scenario]      default 2000000
# Compiles cc-core's test classes offline and runs io.linea.cc.routing.ForecastAccuracyBenchmark; the
# results are printed and appended, with the date and git revision, to docs/benchmarks/b9-forecast.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$candidate/bin/java" ]] && export JAVA_HOME="$candidate" && break
  done
fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"

# Needs cc-core's dependencies in the local repository once:
#   mvn -B -o -q -Dlinea.npm.skip=true -pl cc-core -am install -DskipTests
mvn -B -o -q -Dlinea.npm.skip=true -pl cc-core test-compile

# The forecast, the simulation and the benchmark are plain JDK code: no dependency on the classpath.
OUTPUT="docs/benchmarks/b9-forecast.md"
REVISION="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- cc-core/src benchmarks/run-b9.sh || REVISION="$REVISION with uncommitted changes"
RESULT="$(mktemp)"
trap 'rm -f "$RESULT"' EXIT
java -Xmx1g -cp cc-core/target/classes:cc-core/target/test-classes \
  io.linea.cc.routing.ForecastAccuracyBenchmark "$@" | tee "$RESULT"

{
  echo
  echo "## Run $(date -u '+%Y-%m-%d %H:%M UTC'), revision $REVISION"
  echo
  echo "\`benchmarks/run-b9.sh${*:+ $*}\`, $(java -version 2>&1 | head -n1)."
  echo
  cat "$RESULT"
} >> "$OUTPUT"
echo "B9: appended to $OUTPUT"
