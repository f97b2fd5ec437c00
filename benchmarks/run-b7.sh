#!/usr/bin/env bash
# Benchmark B7: gateway overhead. The same JSON endpoint direct and through the gateway, in one run.
#   benchmarks/run-b7.sh                      built-in upstream (JDK HttpServer, ~1 KB JSON)
#   benchmarks/run-b7.sh --upstream URL       any JSON endpoint the gateway routes to LINEA_IDENTITY_URL,
#                                             e.g. http://127.0.0.1:8081/.well-known/openid-configuration
# Extra options: --duration S (20), --warmup S (10), --concurrency N (64), --rate R (1000), --output FILE.
# Results are printed and appended to docs/benchmarks/b7-gateway-overhead.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$candidate/bin/java" ]] && export JAVA_HOME="$candidate" && break
  done
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

JAR="$(ls gateway/target/gateway-*.jar 2>/dev/null | grep -v -e '-plain' -e '\.original' | head -n1 || true)"
if [[ -z "$JAR" ]]; then
  echo "B7: building the gateway jar"
  mvn -B -o -q -Dlinea.npm.skip=true -pl gateway -am package -DskipTests
  JAR="$(ls gateway/target/gateway-*.jar | head -n1)"
fi

# The runner needs only the JDK (java.net.http, com.sun.net.httpserver): compile this package alone instead of the
# whole benchmarks module and its JMH/PostgreSQL classpath.
CLASSES="benchmarks/target/b7-classes"
mkdir -p "$CLASSES"
"$JAVAC" -d "$CLASSES" --release 21 benchmarks/src/main/java/io/linea/bench/gateway/*.java

OUTPUT="docs/benchmarks/b7-gateway-overhead.md"
ARGS=("$@")
for ((i = 0; i < ${#ARGS[@]}; i++)); do
  [[ "${ARGS[$i]}" == "--output" ]] && OUTPUT="${ARGS[$((i + 1))]}"
done
exec "$JAVA" -Xmx1g -cp "$CLASSES" io.linea.bench.gateway.GatewayOverheadBenchmark \
  --gateway-jar "$JAR" --gateway-log benchmarks/target/gateway-b7.log --output "$OUTPUT" \
  --command "benchmarks/run-b7.sh${*:+ $*}" "$@"
