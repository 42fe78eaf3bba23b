#!/usr/bin/env bash
# vPDQ hashing throughput on the shared video corpus (6 MP4s, 2995 frames, 99.8 s of video), every frame hashed.
#
#   ours:     io.assay.hash.video.VpdqThroughput (assay-hash test classes): ffmpeg decode + RGB conversion through the
#             pipe alone, PDQ hashing of in-memory frames alone (1 thread), and VpdqHasher end to end with 1 and
#             N hashing threads; best of REPEATS runs per video.
#   ffmpeg:   the system ffmpeg decoding alone (-f null) and decoding + RGB24 conversion to /dev/null, for reference.
#   upstream: Meta's C++ vpdq-hash-video -r 0 (-t 1 and -t N) on the same files, if a binary is given by
#             VPDQ_HASH_VIDEO or THREATEXCHANGE_SRC points at a ThreatExchange checkout to build it from (in
#             ${TMPDIR:-/tmp}/vpdq-upstream-build; needs cmake, g++, libav{codec,format,device,filter}-dev,
#             libswscale-dev, libswresample-dev). Its output is checked against ours (identical files expected).
#
# Usage: scripts/bench-video.sh [THREADS=nproc] [REPEATS=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
threads="${1:-$(nproc)}"
repeats="${2:-3}"
videos="${VIDEOS:-$here/../shared/corpus/video/videos}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="${TMPDIR:-/tmp}/assay-bench-video"
mkdir -p "$work"

mvn() { ./mvnw -q -B -o "$@" 2>/dev/null || ./mvnw -q -B "$@"; }
mvn -pl assay-hash test-compile
cp=$(mvn -pl assay-hash dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
cp="assay-hash/target/classes:assay-hash/target/test-classes:$cp"

now() { date +%s.%N; }
secs() { python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }
frames=2995
video_seconds=99.83

echo "# ours (assay-hash VpdqHasher), $threads threads, best of $repeats"
"$java_bin" -cp "$cp" io.assay.hash.video.VpdqThroughput "$videos" "$threads" "$repeats"

echo
echo "# system ffmpeg alone, all videos, one pass each (wall seconds)"
t0=$(now)
for v in "$videos"/*.mp4; do ffmpeg -nostdin -v error -i "$v" -map 0:v:0 -f null - ; done
t1=$(now)
for v in "$videos"/*.mp4; do
  ffmpeg -nostdin -v error -i "$v" -map 0:v:0 -vsync passthrough -sws_flags area -f rawvideo -pix_fmt rgb24 - > /dev/null
done
t2=$(now)
echo "decode only: $(secs "$t0" "$t1") s; decode + RGB24 conversion: $(secs "$t1" "$t2") s (for $frames frames)"

bin="${VPDQ_HASH_VIDEO:-}"
if [ -z "$bin" ] && [ -n "${THREATEXCHANGE_SRC:-}" ]; then
  build="${TMPDIR:-/tmp}/vpdq-upstream-build"
  if [ ! -x "$build/apps/vpdq-hash-video" ]; then
    echo "# building upstream vpdq-hash-video in $build"
    mkdir -p "$build"
    cmake -S "$THREATEXCHANGE_SRC/vpdq/cpp" -B "$build" -DCMAKE_BUILD_TYPE=Release > "$build/cmake.log"
    make -C "$build" -j"$(nproc)" vpdq-hash-video > "$build/make.log"
  fi
  bin="$build/apps/vpdq-hash-video"
fi
if [ -n "$bin" ] && [ -x "$bin" ]; then
  for t in 1 "$threads"; do
    best=""
    for r in $(seq "$repeats"); do
      out="$work/upstream-t$t"
      rm -rf "$out"; mkdir -p "$out"
      t0=$(now)
      for v in "$videos"/*.mp4; do "$bin" -i "$v" -r 0 -t "$t" -d "$out" > /dev/null; done
      t1=$(now)
      s=$(secs "$t0" "$t1")
      best=$(python3 -c "import sys; a=[float(x) for x in sys.argv[1:] if x]; print('%.2f' % min(a))" "$s" "$best")
    done
    python3 -c "import sys; s=float(sys.argv[1]); print('# upstream vpdq-hash-video -r 0 -t %s: %.2f s for %d frames: %.1f frames/s, %.2f video s/s (best of %s)' % (sys.argv[2], s, int(sys.argv[3]), int(sys.argv[3]) / s, float(sys.argv[4]) / s, sys.argv[5]))" \
      "$best" "$t" "$frames" "$video_seconds" "$repeats"
  done
  # same output as ours? (VpdqHash files written by a tiny Java run would be slower to set up; compare with the corpus)
  if [ -d "$here/../shared/corpus/video/vpdq-recomputed" ]; then
    if diff -rq "$work/upstream-t1" "$here/../shared/corpus/video/vpdq-recomputed" --exclude=README.md > /dev/null; then
      echo "# upstream output identical to vpdq-recomputed/ (which our hashes equal byte for byte, see VpdqHasherCorpusTest)"
    else
      echo "# upstream output differs from vpdq-recomputed/ (another FFmpeg build?)"
    fi
  fi
else
  echo "# upstream: set VPDQ_HASH_VIDEO=/path/to/vpdq-hash-video or THREATEXCHANGE_SRC=/path/to/ThreatExchange to compare"
fi
