#!/usr/bin/env bash
# Benchmark of assay-stream (figures in assay-stream/README.md): uploads per second through one stream instance on
# one core (64x64 PNGs, then 1000x1000 JPEGs), and the time a new bank entry takes to reach every instance. The
# broker and the load generator are pinned to core 0, the measured instance (a JVM of its own) to core 1.
#   scripts/bench-stream.sh [SMALL_UPLOADS] [JPEG_UPLOADS] [BANK_ENTRIES] [PROPAGATION_ROUNDS]   (defaults 3000 400 10000 30)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -o -q -pl assay-stream -am install -DskipTests
./mvnw -o -q -pl assay-stream org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="assay-stream/target/test-classes:assay-stream/target/classes:$(cat assay-stream/target/bench.classpath)"
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi
exec "${PIN[@]}" "$JAVA_HOME/bin/java" -Xmx4g -Dbench.instanceCpu=1 -cp "$CP" \
  io.assay.stream.StreamBenchmark "${1:-3000}" "${2:-400}" "${3:-10000}" "${4:-30}"
