#!/usr/bin/env bash
# JMH: C2PA validation throughput over the shared corpus (assay-bench's C2paValidationBenchmark).
# Extra arguments go to JMH (for example: -wi 1 -i 3). Prints the per-corpus time; divide the asset count by it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -q -B -DskipTests -pl assay-bench -am package
cp=$(./mvnw -q -B -pl assay-bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" -cp "assay-bench/target/classes:$cp" org.openjdk.jmh.Main C2paValidationBenchmark \
  -p corpus="$here/../shared/corpus/c2pa" "$@"
