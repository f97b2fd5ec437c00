/** Benchmark B7: latency and throughput the gateway adds in front of a JSON endpoint (not a test; run-b7.sh). */
package io.linea.bench.gateway;
