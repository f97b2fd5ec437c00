#!/usr/bin/env bash
# Offer -> ringing in the browser (AGT-02): LINEA_BENCH_CALLS (default 30) sipp calls, one at a time, to a
# queue whose one agent is demo-agent1's browser softphone, on the browser tests' platform and Asterisk
# node (the same start as `./linea e2e`). Prints the percentiles and writes web/test-results/offer-ringing.md.
#   benchmarks/run-offer-ringing.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LINEA_BENCH=1 ./linea e2e offer-ringing.bench.ts
