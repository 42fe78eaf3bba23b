#!/usr/bin/env bash
# Chromaprint fingerprinting throughput: Assay's Java implementation (assay-hash, io.assay.hash.audio) against
# fpcalc (Chromaprint 1.5.1, C++, FFmpeg decoding) on the same WAV files in the same run, one thread each, plus
# AudioMatcher comparisons per second.
# Usage: scripts/bench-audio.sh [FPCALC_RUNS=5]     (needs ffmpeg, fpcalc: apt-get install ffmpeg libchromaprint-tools)
# Java: CPU time of the benchmark thread per fingerprint after a warm-up, decoding of the WAV included ("from wav")
# and from PCM already in memory ("from pcm"). fpcalc: user+sys CPU of the whole process (start-up, WAV decoding
# with FFmpeg, resampling, fingerprinting), fpcalc -raw -length 0, best of FPCALC_RUNS.
# Prints a CSV per side and a summary table (audio seconds fingerprinted per CPU second).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-5}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v fpcalc >/dev/null || { echo "fpcalc missing: apt-get install -y libchromaprint-tools" >&2; exit 2; }
command -v ffmpeg >/dev/null || { echo "ffmpeg missing: apt-get install -y ffmpeg" >&2; exit 2; }

corpus="${ASSAY_SHARED:-$(dirname "$here")/shared}/corpus/audio"
[ -f "$corpus/orig.wav" ] || { echo "shared audio corpus missing: $corpus" >&2; exit 2; }

mvn() { ./mvnw -q -B -o "$@" 2>/dev/null || ./mvnw -q -B "$@"; }
mvn -pl assay-hash test-compile
cp=$(mvn -pl assay-hash dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
cp="assay-hash/target/classes:assay-hash/target/test-classes:$cp"

out="assay-hash/target/bench-audio"
mkdir -p "$out"
# A longer input (about 8 minutes: corpus clips twice, 22050 Hz mono) so that fpcalc's start-up weighs less.
long="$out/long.wav"
if [ ! -f "$long" ]; then
  list="$out/concat.txt"; : > "$list"
  for i in 1 2; do for c in orig loud noisy cut fast; do echo "file '$corpus/$c.wav'" >> "$list"; done; done
  ffmpeg -v error -y -f concat -safe 0 -i "$list" -ac 1 -ar 22050 -c:a pcm_s16le "$long"
fi
files=("$corpus/orig.wav" "$corpus/orig44.wav" "$corpus/tel.wav" "$long")

echo "# Java (assay-hash), one thread"
"$java_bin" -cp "$cp" io.assay.hash.audio.AudioBenchmark "${files[@]}" | tee "$out/java.csv"

echo "# fpcalc $(fpcalc -version | head -1 | sed 's/^fpcalc version //'), one process at a time, best of $runs"
python3 - "$runs" "${files[@]}" <<'PY' | tee "$out/fpcalc.csv"
import json, os, resource, subprocess, sys, time
runs = int(sys.argv[1])
print("file,audio_s,cpu_s_per_run,audio_s_per_cpu_s,wall_s_per_run")
for f in sys.argv[2:]:
    best = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        r = subprocess.run(["fpcalc", "-json", "-raw", "-length", "0", f], capture_output=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode not in (0, 3) or not r.stdout:
            sys.exit(f"fpcalc failed on {f}: {r.stderr.decode()}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = (cpu, wall) if best is None or cpu < best[0] else best
    duration = json.loads(r.stdout)["duration"]
    print(f"{os.path.basename(f)},{duration:.2f},{best[0]:.4f},{duration / best[0]:.0f},{best[1]:.4f}")
PY

python3 - "$out" <<'PY'
import csv, sys
out = sys.argv[1]
java = {r["file"]: r for r in csv.DictReader(l for l in open(f"{out}/java.csv") if not l.startswith("matcher"))}
fp = {r["file"]: r for r in csv.DictReader(open(f"{out}/fpcalc.csv"))}
print()
print("| file | audio s | Java from WAV (audio s / CPU s) | Java from PCM | fpcalc (incl. start-up + FFmpeg decode) | Java(WAV) / fpcalc |")
print("|---|---|---|---|---|---|")
for name, j in java.items():
    f = fp.get(name)
    a, b = float(j["audio_s_per_cpu_s_from_wav"]), float(f["audio_s_per_cpu_s"]) if f else None
    print(f"| {name} | {float(j['audio_s']):.1f} | {a:,.0f} | {float(j['audio_s_per_cpu_s_from_pcm']):,.0f} | "
          f"{f'{b:,.0f}' if b else 'n/a'} | {f'{a / b:.2f}x' if b else 'n/a'} |")
for l in open(f"{out}/java.csv"):
    if l.startswith("matcher"):
        kv = dict(p.split("=") for p in l.strip().split(",")[1:])
        print()
        print(f"AudioMatcher.search: {float(kv['comparisons_per_cpu_s']):,.0f} comparisons per CPU second "
              f"({kv['us_per_comparison']} us each; {kv['items_per_fingerprint']}-item fingerprints, offsets -120..+120, "
              f"bank of {kv['bank']}, one thread)")
PY
