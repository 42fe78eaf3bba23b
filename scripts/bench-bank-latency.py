#!/usr/bin/env python3
"""Time from adding a hash to a bank until a lookup through the HTTP API finds it (issue 4 goal: under 100 ms).

Against a running Assay server (e.g. `ASSAY_API_KEY=... ./assay serve --port 8099 --data-dir /tmp/assay-bench`):
  scripts/bench-bank-latency.py http://127.0.0.1:8099 KEY [ROUNDS=200] [PRELOAD=0]
Each round banks a fresh random PDQ hash (POST /v1/banks/{bank}/entries, JSON) and, as soon as that request
returns, looks the hash up (POST /v1/match). Reported: the add request, the lookup request, and add-start ->
lookup-found (the figure the goal is about), as median / p95 / max in milliseconds, plus how many lookups missed
(must be 0: adds are visible at once). PRELOAD random hashes are banked first to see the cost at a bank's size.
Python standard library only; one client thread on loopback.
"""
import json
import os
import random
import statistics
import sys
import time
import urllib.request


def call(base, key, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read() or b"null")


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    base, key = sys.argv[1].rstrip("/"), sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    preload = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    rng = random.Random(42)
    bank = "latency-%d" % os.getpid()
    call(base, key, "POST", "/v1/banks", {"name": bank})
    for start in range(0, preload, 5000):
        n = min(5000, preload - start)
        call(base, key, "POST", "/v1/banks/%s/entries" % bank,
             {"signals": [{"type": "pdq", "value": "%064x" % rng.getrandbits(256), "quality": 100} for _ in range(n)]})
    add_ms, lookup_ms, total_ms, missed = [], [], [], 0
    for i in range(rounds + 20):
        h = "%064x" % rng.getrandbits(256)
        t0 = time.perf_counter()
        s, _ = call(base, key, "POST", "/v1/banks/%s/entries" % bank, {"signals": [{"type": "pdq", "value": h, "quality": 100}]})
        t1 = time.perf_counter()
        s2, m = call(base, key, "POST", "/v1/match", {"signals": [{"type": "pdq", "value": h}]})
        t2 = time.perf_counter()
        found = any(x["signal"] == h for x in m["matches"])
        if i < 20:
            continue  # warm-up
        missed += 0 if found else 1
        add_ms.append((t1 - t0) * 1000)
        lookup_ms.append((t2 - t1) * 1000)
        total_ms.append((t2 - t0) * 1000)
    print("bank size: %d preloaded + %d added; rounds: %d; lookups that missed the new hash: %d" % (preload, rounds + 20, rounds, missed))
    for name, xs in (("add (POST entries)", add_ms), ("lookup (POST /v1/match)", lookup_ms), ("add start -> found", total_ms)):
        print("%-26s median %6.1f ms   p95 %6.1f ms   max %6.1f ms" % (name, statistics.median(xs), pct(xs, 95), max(xs)))


if __name__ == "__main__":
    main()
