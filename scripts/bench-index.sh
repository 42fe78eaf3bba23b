#!/usr/bin/env bash
# Assay's HashIndex (JMH, assay-bench's IndexLookupBenchmark) against faiss's IndexBinaryMultiHash(256, 16, 16),
# nflip = 1 (HMA's index; scripts/faiss_index_bench.py), in the same run, on the same data files: radius 31
# inclusive, one thread each, Q queries (half near an indexed hash, half uniform) per shape, the same on both sides.
# Usage: scripts/bench-index.sh [N=1000000] [FAISS_REPEATS=3] [Q=10000, or 1000 above 2M entries]
#   (faiss: apt-get install -y python3-faiss). At 10M faiss 1.7.3 takes tens of ms per lookup and a few minutes to
#   build: run it in the background, e.g. nohup scripts/bench-index.sh 10000000 2 > bench-10m.log 2>&1 &
# Prints a table: shape, N, lookups/s on each side, ratio, memory, and whether both returned identical pairs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${1:-1000000}"
repeats="${2:-3}"
if [ "$n" -gt 2000000 ]; then q="${3:-1000}"; else q="${3:-10000}"; fi
radius=31
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
py="${PYTHON:-}"
if [ -z "$py" ]; then
  for c in /usr/bin/python3 python3; do
    if "$c" -c 'import faiss' 2>/dev/null; then py="$c"; break; fi
  done
fi

mvn() { ./mvnw -q -B -o "$@" 2>/dev/null || ./mvnw -q -B "$@"; }
mvn -pl assay-core,assay-index install -DskipTests
mvn -pl assay-bench package -DskipTests
cp=$(mvn -pl assay-bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
cp="assay-bench/target/classes:$cp"

out="assay-bench/target/index-data"
mkdir -p "$out"
for shape in random clustered; do
  f="$out/$shape-$n.bin"
  "$java_bin" -cp "$cp" io.assay.bench.IndexData generate "$shape" "$n" "$q" 42 "$f"
  "$java_bin" -Xms8g -Xmx8g -cp "$cp" io.assay.bench.IndexData pairs "$f" "$radius" "$out/$shape-$n.assay-pairs" \
    | tee "$out/$shape-$n.assay-info"
done

echo "# JMH: IndexLookupBenchmark (lookup: one query per op; bulk: searchAll of 100), N=$n, Q=$q"
"$java_bin" -cp "$cp" org.openjdk.jmh.Main IndexLookupBenchmark -p data="$out/%s-$n.bin" -p radius="$radius" \
  -rf csv -rff "$out/jmh-$n.csv"

for shape in random clustered; do
  if [ -n "$py" ]; then
    echo "# faiss: $shape, N=$n"
    "$py" scripts/faiss_index_bench.py "$out/$shape-$n.bin" "$out/$shape-$n.assay-pairs" "$radius" "$repeats" \
      | tee "$out/$shape-$n.faiss-info"
  else
    echo "# faiss: python module missing (apt-get install -y python3-faiss); faiss column left empty"
    : > "$out/$shape-$n.faiss-info"
  fi
done

"${py:-python3}" - "$out" "$n" <<'PY'
import csv, re, sys
out, n = sys.argv[1], sys.argv[2]
score = {}
with open(f"{out}/jmh-{n}.csv") as f:
    for row in csv.DictReader(f):
        score[(row["Param: shape"], row["Benchmark"].rsplit(".", 1)[-1])] = (float(row["Score"]), float(row["Score Error (99.9%)"]))
def kv(path):
    try:
        return dict(re.findall(r"(\w+)=(\S+)", open(path).read()))
    except OSError:
        return {}
print()
print("| shape | N | Q | Assay lookups/s (JMH ±99.9%) | Assay bulk searchAll /s | faiss lookups/s | Assay/faiss | "
      "Assay estimatedBytes | Assay heap delta | faiss RSS delta | Assay/faiss memory | identical |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
def jmh(shape, bench):
    return score.get((shape, bench), (float("nan"), float("nan")))
for shape in ("random", "clustered"):
    a, e = jmh(shape, "lookup")
    b, _ = jmh(shape, "bulk")
    ai, fi = kv(f"{out}/{shape}-{n}.assay-info"), kv(f"{out}/{shape}-{n}.faiss-info")
    fl = float(fi["lookups_per_s"]) if "lookups_per_s" in fi else None
    mb = lambda x: f"{int(x) / 2**20:,.0f} MiB ({int(x) / int(n):.0f} B/entry)"
    fm = int(fi["rss_delta_bytes"]) if "rss_delta_bytes" in fi else None
    mratio = f"{int(ai['estimated_bytes']) / fm:.2f}" if fm else "n/a"
    print(f"| {shape} | {int(n):,} | {ai.get('queries', '?')} | {a:,.0f} ± {e:,.0f} | {b:,.0f} | {f'{fl:,.0f}' if fl else 'n/a'} | "
          f"{f'{a / fl:.1f}x' if fl else 'n/a'} | {mb(ai['estimated_bytes'])} | {mb(ai['heap_delta_bytes'])} | "
          f"{mb(fm) if fm else 'n/a'} | {mratio} | "
          f"{fi.get('identical', 'n/a')} ({ai.get('pairs', '?')} pairs) |")
print()
print("CPU clock (one pass over the same queries, after a warm-up pass for Assay; best of the passes for faiss):")
print()
print("| shape | N | Q | Assay lookups/CPU-s | faiss lookups/CPU-s | Assay/faiss |")
print("|---|---|---|---|---|---|")
for shape in ("random", "clustered"):
    ai, fi = kv(f"{out}/{shape}-{n}.assay-info"), kv(f"{out}/{shape}-{n}.faiss-info")
    ac, fc = float(ai.get("cpu_lookups_per_s", "nan")), float(fi.get("cpu_lookups_per_s", "nan"))
    print(f"| {shape} | {int(n):,} | {ai.get('queries', '?')} | {ac:,.0f} | {fc:,.0f} | {ac / fc:.1f}x |")
print()
for shape in ("random", "clustered"):
    ai = kv(f"{out}/{shape}-{n}.assay-info")
    print(f"# {shape}: add_us={ai.get('add_us')} add_to_visible_us={ai.get('add_to_visible_us')} "
          f"median_us={ai.get('add_to_visible_median_us')} max_ms={ai.get('add_to_visible_max_ms')} "
          f"seen_after_add={ai.get('seen_after_add')} gone_after_remove={ai.get('gone_after_remove')} build_s={ai.get('build_s')}")
PY
