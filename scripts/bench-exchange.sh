#!/usr/bin/env bash
# Signal-exchange propagation: two Assay servers on loopback, each with its own embedded PostgreSQL; a fact-checker
# banks a deepfake on A, and the time from the POST on A to B having the signal banked, and to a scan of a re-encoded
# copy on B answering known-deepfake, is measured per round: once with B following A's event stream (push, poll
# interval 30 s), once with B polling alone every 200 ms.
# Usage: scripts/bench-exchange.sh [ROUNDS=30]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="${1:-30}"
mvn() { ./mvnw -q -B -o "$@" 2>/dev/null || ./mvnw -q -B "$@"; }
mvn -pl assay-core,assay-index,assay-hash,assay-c2pa,assay-metadata,assay-watermark,assay-exchange,assay-server install -DskipTests
mvn -pl assay-server test-compile
cp=$(mvn -pl assay-server dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for mode in push poll; do
  "$java_bin" -cp "assay-server/target/test-classes:assay-server/target/classes:$cp" \
    io.assay.server.sync.ExchangePropagationBenchmark "$rounds" "$mode" 2>/dev/null | grep -E '^(rounds|post on|round )'
done
