#!/usr/bin/env bash
# B4: routing decision latency (ACD-02 … ACD-04): the routing engine with 10,000 agents and 1,000 waiting
# interactions against a naive scan of all agents, in one JMH run (SampleTime, fork 1). Target: p99 ≤ 1 ms.
# The benchmark lives with cc-core's tests (io.linea.cc.routing.RoutingDecisionBenchmark); extra arguments go
# to JMH, e.g. benchmarks/run-b4.sh -wi 1 -i 2 for a quick look.
# Output: benchmarks/target/b4/{jmh.txt,results.csv}; the last lines printed are p50/p99 and the ratios.
set -euo pipefail
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
cd "$(dirname "$0")/.."
OUT=benchmarks/target/b4
mkdir -p "$OUT"
MVN=(mvn -B -o -q -Dlinea.npm.skip=true)

# cc-core's platform dependencies come from the local repository; install them once if they are missing
if ! "${MVN[@]}" -pl cc-core test-compile; then
  "${MVN[@]}" -pl cc-core -am install -DskipTests
  "${MVN[@]}" -pl cc-core test-compile
fi
"${MVN[@]}" -pl cc-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/b4-classpath.txt

java -cp "cc-core/target/test-classes:cc-core/target/classes:$(cat cc-core/target/b4-classpath.txt)" \
  io.linea.cc.routing.RoutingDecisionBenchmark -rf csv -rff "$OUT/results.csv" "$@" | tee "$OUT/jmh.txt"
