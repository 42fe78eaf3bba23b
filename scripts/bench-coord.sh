#!/usr/bin/env bash
# Benchmark of assay-coord (figures in assay-coord/README.md): CooRTweet compatibility on the real datasets (beside
# CooRTweet's own times), batch detection on 1 million synthetic shares, streaming throughput. One core: the JVM is
# pinned with taskset and told it has one processor.
#   scripts/bench-coord.sh [REPETITIONS] [SHARES]      (defaults 5, 1000000; needs ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -o -q -pl assay-coord -am test-compile -DskipTests
./mvnw -o -q -pl assay-coord org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="assay-coord/target/test-classes:assay-coord/target/classes:assay-core/target/classes:assay-core/target/test-classes:$(cat assay-coord/target/bench.classpath)"
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi
exec "${PIN[@]}" "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx3g -cp "$CP" \
  io.assay.coord.bench.CoordBenchmark "${1:-5}" "${2:-1000000}"
