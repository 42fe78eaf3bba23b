#!/usr/bin/env bash
# PDQ end to end (decode + hash), one core: Assay's PdqHasher (assay-bench's PdqHashBenchmark) against Meta's C++
# reference pdq-photo-hasher, in the same run, rounds interleaved, on the shared corpus's images:
#   bridge  = pdq/bridge-mods/*.jpg (12 JPEGs, 1600x1004; both sides resize to 512x512 by nearest neighbour),
#   labelme = pdq/reg-test-input/labelme-subset/*.jpg (7 JPEGs, 256x256).
# Both sides are pinned to one core (taskset -c $CPU; the JVM's JIT and GC threads share it). The C++ side hashes the
# set's file list repeated (one process, start-up amortised); the Java side hashes the files in turn, after a
# warm-up as long as the measurement. Both read the files from the page cache. Java modes: file (hash(Path), the
# figure to compare), bytes (decode + hash from bytes in memory), decodeOnly (the JDK's JPEG decoder alone),
# hashOnly (pre-decoded image: luma, 512x512 sampling, blur, DCT). Images/s are given per wall second and per CPU
# second (user + sys of the C++ process, the Java thread's CPU time): on a shared machine the CPU figure is the fair
# one. Hashes are checked to be identical on both sides first.
#
# Usage: scripts/bench-pdq.sh [PATH_TO_pdq-photo-hasher]   (or PDQ_CPP=...; without it, only the Java side runs)
#   env: ROUNDS=3 (interleaved rounds), SECONDS_PER_MODE=3 (Java, per mode and set), CPU=1 (core to pin),
#        CPP_BRIDGE_REPEATS=25, CPP_LABELME_REPEATS=200, JMH=1 (also run the JMH benchmark, wall clock only),
#        CORPUS=../shared/corpus/pdq
#
# Building the C++ reference (not part of this repository): from a checkout of github.com/facebook/ThreatExchange,
#   apt-get install -y g++ libjpeg-dev libpng-dev     # Debian 12: libjpeg-turbo 2.1.5, libpng 1.6.39
#   cd pdq/cpp && g++ -std=c++11 -O3 -Dcimg_use_jpeg -Dcimg_use_png -I../.. -I. bin/pdq-photo-hasher.cpp \
#     common/pdqhashtypes.cpp io/hashio.cpp common/pdqhamming.cpp hashing/pdqhashing.cpp \
#     downscaling/downscaling.cpp io/pdqio.cpp hashing/torben.cpp common/pdqutils.cpp \
#     -o pdq-photo-hasher -lm -lpthread -ljpeg -lpng -lz
# (upstream's Makefile target pdq-photo-hasher with the same -O3, plus the two cimg_use_* defines and libraries so
# that CImg decodes JPEG/PNG with libjpeg-turbo/libpng itself instead of calling ImageMagick; CImg.h is vendored.)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
cpp="${1:-${PDQ_CPP:-}}"
rounds="${ROUNDS:-3}"
secs="${SECONDS_PER_MODE:-3}"
cpu="${CPU:-1}"
corpus="$(cd "${CORPUS:-$here/../shared/corpus/pdq}" && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
pin=(taskset -c "$cpu")
command -v taskset >/dev/null || pin=()

# Build through the reactor so that this checkout's assay-hash is measured, not a copy in ~/.m2.
mvn() { ./mvnw -q -B -o "$@" 2>/dev/null || ./mvnw -q -B "$@"; }
mvn -pl assay-bench -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="assay-bench/target/classes:$(cat assay-bench/target/classpath.txt)"

out="assay-bench/target/pdq-bench"
rm -rf "$out"
mkdir -p "$out"
ls "$corpus"/bridge-mods/*.jpg > "$out/bridge.files"
ls "$corpus"/reg-test-input/labelme-subset/*.jpg > "$out/labelme.files"

echo "# hashes: Java vs C++ on both sets"
"$java_bin" -cp "$cp" io.assay.bench.PdqHashBenchmark hashes "$corpus" | sort > "$out/java.hashes"
if [ -n "$cpp" ]; then
  (cd "$corpus" && "$cpp" bridge-mods/*.jpg reg-test-input/labelme-subset/*.jpg) | sort > "$out/cpp.hashes"
  if cmp -s "$out/java.hashes" "$out/cpp.hashes"; then echo "identical=yes ($(wc -l < "$out/java.hashes") images)";
  else echo "identical=NO"; diff "$out/java.hashes" "$out/cpp.hashes" || true; fi > "$out/identical"
  cat "$out/identical"
fi

cpp_round() { # set repeats
  local list=()
  for ((i = 0; i < $2; i++)); do mapfile -t -O "${#list[@]}" list < "$out/$1.files"; done
  local TIMEFORMAT="wall_s=%R user_s=%U sys_s=%S"
  { time "${pin[@]}" "$cpp" "${list[@]}" > /dev/null; } 2> "$out/time.tmp"
  echo "set=$1 images=${#list[@]} $(cat "$out/time.tmp")" | tee -a "$out/cpp.txt"
}

for ((r = 1; r <= rounds; r++)); do
  echo "# round $r/$rounds"
  if [ -n "$cpp" ]; then
    cpp_round bridge "${CPP_BRIDGE_REPEATS:-25}"
    cpp_round labelme "${CPP_LABELME_REPEATS:-200}"
  fi
  "${pin[@]}" "$java_bin" -cp "$cp" io.assay.bench.PdqHashBenchmark cpu "$secs" "$corpus" | grep '^set=' \
    | tee -a "$out/java.txt"
done

if [ "${JMH:-0}" = 1 ]; then
  echo "# JMH: PdqHashBenchmark (wall clock)"
  "${pin[@]}" "$java_bin" -cp "$cp" org.openjdk.jmh.Main PdqHashBenchmark -p corpus="$corpus" \
    -rf csv -rff "$out/jmh.csv"
fi

python3 - "$out" <<'PY'
import os, re, statistics, sys
out = sys.argv[1]
def rows(name):
    p = os.path.join(out, name)
    if not os.path.exists(p):
        return []
    return [dict(re.findall(r"(\w+)=(\S+)", l)) for l in open(p) if l.startswith("set=")]
java, cpp = rows("java.txt"), rows("cpp.txt")
med = lambda xs: statistics.median(xs) if xs else float("nan")
def jv(s, mode, key):
    return med([float(r[key]) for r in java if r["set"] == s and r["mode"] == mode])
def cv(s, cpu):
    return med([int(r["images"]) / (float(r["user_s"]) + float(r["sys_s"]) if cpu else float(r["wall_s"]))
                for r in cpp if r["set"] == s])
f = lambda x: "n/a" if x != x else f"{x:,.0f}"
ratio = lambda a, b: "n/a" if a != a or b != b else f"{a / b:.2f}x"
print()
n = len([r for r in java if r["set"] == "bridge" and r["mode"] == "file"])
print(f"Medians of {n} rounds; images/s per CPU second (per wall second in brackets).")
print("| set | C++ decode+hash | Java decode+hash (file) | Java/C++ | Java from bytes | Java decode only | Java hash only |")
print("|---|---|---|---|---|---|---|")
for s, label in (("bridge", "bridge 1600x1004 JPEG"), ("labelme", "labelme 256x256 JPEG")):
    c, cw = cv(s, True), cv(s, False)
    j, jw = jv(s, "file", "per_cpu_s"), jv(s, "file", "per_wall_s")
    cell = lambda m: f"{f(jv(s, m, 'per_cpu_s'))} ({f(jv(s, m, 'per_wall_s'))})"
    print(f"| {label} | {f(c)} ({f(cw)}) | {f(j)} ({f(jw)}) | {ratio(j, c)} ({ratio(jw, cw)}) | {cell('bytes')} | "
          f"{cell('decodeOnly')} | {cell('hashOnly')} |")
ident = os.path.join(out, "identical")
if os.path.exists(ident):
    print("hashes " + open(ident).readline().strip())
PY
