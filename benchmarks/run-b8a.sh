#!/usr/bin/env bash
# B8a: row-level security overhead (TEN-01). Builds the benchmarks module offline and runs the JMH
# benchmarks of io.linea.bench.rls in one run (fork 1, warm-up 2 x 5 s, measurement 3 x 5 s).
# Output: benchmarks/target/b8a/{jmh.txt,results.csv,summary.txt}
set -euo pipefail
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export PATH="$JAVA_HOME/bin:$PATH"
cd "$(dirname "$0")/.."
OUT=benchmarks/target/b8a
rm -rf "$OUT/pgdata"   # forks share it within one run; never across runs
mkdir -p "$OUT"

mvn -B -o -q -Dlinea.npm.skip=true -pl benchmarks package -DskipTests
mvn -B -o -q -Dlinea.npm.skip=true -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/b8a/classpath.txt

java -cp "benchmarks/target/classes:$(cat "$OUT/classpath.txt")" org.openjdk.jmh.Main \
  'io.linea.bench.rls.RlsOverheadBenchmark' -rf csv -rff "$OUT/results.csv" "$@" | tee "$OUT/jmh.txt"
rm -rf "$OUT/pgdata"

# ratio = time per op / baseline time per op = baseline ops/s / ops/s
awk -F, 'NR > 1 {
    gsub(/"/, "", $1); n = split($1, part, "."); score[part[n]] = $5
  }
  END {
    printf "%-8s %12s %12s %12s %14s %16s\n", "query", "plain ops/s", "RLS ops/s", "hinted ops/s", "RLS/plain time", "hinted/plain time"
    split("ByName Count ById", q, " ")
    for (i = 1; i <= 3; i++) {
      p = score["plain" q[i]]; r = score["rls" q[i]]; h = score["hinted" q[i]]
      printf "%-8s %12.1f %12.1f %12.1f %13.3fx %15.3fx\n", q[i], p, r, h, p / r, p / h
    }
  }' "$OUT/results.csv" | tee "$OUT/summary.txt"
