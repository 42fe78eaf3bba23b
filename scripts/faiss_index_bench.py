#!/usr/bin/env python3
"""faiss side of scripts/bench-index.sh: HMA's index over the same data as Assay's HashIndex benchmark.

Loads a data file written by io.assay.bench.IndexData (magic "ASYHASH1", int64 N, int64 Q, then N + Q records of
32 bytes), builds faiss.IndexBinaryMultiHash(256, 16, 16) with nflip = 1 (what ThreatExchange HMA uses), runs
range_search for every query on one thread, and prints lookups/second (best wall-clock pass, and best
pass on the process's CPU clock, which leaves out time spent waiting for a core on a shared machine), the index's memory (RSS delta across
add()) and whether its (query, id, distance) pairs are identical to Assay's (a file of sorted int64
q << 40 | id << 8 | d from `IndexData pairs`).

faiss's binary range_search keeps results with distance strictly below the radius, so "distance <= 31" is
radius 32; the script checks that on the index itself before timing (an entry queried with radius 0 must not
come back, with radius 1 it must). With 16 substrings of 16 bits and nflip = 1 the multi-hash index is exact up
to distance 16 * 2 - 1 = 31.

Needs Debian's faiss: apt-get install -y python3-faiss (run with /usr/bin/python3).
Usage: faiss_index_bench.py DATA_FILE ASSAY_PAIRS_FILE [RADIUS_INCLUSIVE=31] [REPEATS=3]
Prints one line: faiss version=... n=... q=... lookups_per_s=... rss_delta_bytes=... pairs=... identical=yes|no
"""
import sys
import time

try:
    import faiss
except ImportError:
    sys.exit("faiss_index_bench.py: the faiss Python module is missing; install Debian's build with "
             "`apt-get install -y python3-faiss` and run this script with /usr/bin/python3")
import numpy as np


def rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return -1


def load(path):
    with open(path, "rb") as f:
        head = f.read(24)
        if head[:8] != b"ASYHASH1":
            sys.exit(f"{path}: not an index data file")
        n, q = np.frombuffer(head[8:], dtype="<i8")
        body = np.fromfile(f, dtype=np.uint8, count=int(n + q) * 32)
    body = body.reshape(int(n + q), 32)
    return np.ascontiguousarray(body[:n]), np.ascontiguousarray(body[n:])


def pairs(lims, D, I):
    q_of = np.repeat(np.arange(len(lims) - 1, dtype=np.int64), np.diff(lims.astype(np.int64)))
    return np.sort((q_of << 40) | (I.astype(np.int64) << 8) | D.astype(np.int64))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data, assay_pairs = sys.argv[1], sys.argv[2]
    r = int(sys.argv[3]) if len(sys.argv) > 3 else 31
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    faiss.omp_set_num_threads(1)
    xb, xq = load(data)

    index = faiss.IndexBinaryMultiHash(256, 16, 16)
    index.nflip = 1
    rss0 = rss_bytes()
    t0 = time.perf_counter()
    index.add(xb)
    build_s = time.perf_counter() - t0
    rss_delta = rss_bytes() - rss0

    # radius semantics: strict "<" expected; adjust so that the search means distance <= r
    _, d0, _ = index.range_search(xb[:1], 0)
    _, d1, _ = index.range_search(xb[:1], 1)
    strict = len(d0) == 0 and len(d1) >= 1
    radius = r + 1 if strict else r

    runs, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        lims, D, I = index.range_search(xq, radius)
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)  # one thread: the process's CPU time, without waits for a core
    best = min(runs)  # faiss's best run (JMH reports Assay's mean)
    got = pairs(lims, D, I)
    ref = np.fromfile(assay_pairs, dtype="<i8")
    identical = got.shape == ref.shape and bool(np.array_equal(got, ref))
    if not identical:
        gs, rs = set(got.tolist()), set(ref.tolist())
        print(f"# mismatch: faiss {len(got)} pairs, assay {len(ref)}; only faiss {len(gs - rs)}, only assay {len(rs - gs)}",
              file=sys.stderr)
    print(f"faiss version={faiss.__version__} n={len(xb)} q={len(xq)} radius_arg={radius} strict={strict} "
          f"build_s={build_s:.2f} runs_s={','.join(f'{x:.2f}' for x in runs)} "
          f"lookups_per_s={len(xq) / best:.1f} cpu_lookups_per_s={len(xq) / min(cpu):.1f} rss_delta_bytes={rss_delta} pairs={len(got)} "
          f"identical={'yes' if identical else 'no'}")


if __name__ == "__main__":
    main()
