package io.assay.bench;

import io.assay.index.HashIndex;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic data for the index benchmarks, shared with scripts/faiss_index_bench.py through a binary file.
 *
 * <p>File layout (little-endian): magic {@code "ASYHASH1"}, int64 N, int64 Q, then N hashes and Q query hashes,
 * 32 bytes each: the four words {@code w0..w3} of a 256-bit hash, each as 8 little-endian bytes (so byte {@code j}
 * of the record holds bits {@code 8j..8j+7}; faiss reads the same 32 bytes as its binary vector, and Hamming
 * distances agree). Entry {@code i} has id {@code i}.
 *
 * <p>Shapes: {@code random}, N uniform hashes; {@code clustered}, N/16 uniform seeds and N entries, each a random
 * seed with 2..30 distinct bits flipped (near-duplicate groups, as in real PDQ sets). Queries: even-numbered ones
 * are a random indexed hash with 0..31 bits flipped, odd-numbered ones are uniform.
 *
 * <p>Commands: {@code generate <shape> <N> <Q> <seed> <file>}; {@code pairs <file> <radius> <out>} builds a
 * {@link HashIndex}, prints its size, build time and {@code estimatedBytes()}, and writes every (query, id,
 * distance) result as one sorted int64 {@code q << 40 | id << 8 | d} (little-endian) to {@code out}.
 */
public final class IndexData {

    static final byte[] MAGIC = "ASYHASH1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Hashes (4 words each) and queries (4 words each). */
    public record Data(long[] words, long[] queries) {
        public int n() {
            return words.length / 4;
        }

        public int q() {
            return queries.length / 4;
        }

        public long[] ids() {
            long[] ids = new long[n()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            return ids;
        }

        public HashIndex build() {
            HashIndex index = new HashIndex(n());
            index.addAll(words, ids());
            return index;
        }
    }

    private IndexData() {
    }

    public static Data generate(String shape, int n, int q, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] words = new long[4 * n];
        switch (shape) {
            case "random" -> {
                for (int i = 0; i < words.length; i++) {
                    words[i] = rnd.nextLong();
                }
            }
            case "clustered" -> {
                int seeds = Math.max(1, n / 16);
                long[] s = new long[4 * seeds];
                for (int i = 0; i < s.length; i++) {
                    s[i] = rnd.nextLong();
                }
                for (int i = 0; i < n; i++) {
                    int c = rnd.nextInt(seeds);
                    System.arraycopy(s, 4 * c, words, 4 * i, 4);
                    flip(words, 4 * i, 2 + rnd.nextInt(29), rnd);
                }
            }
            default -> throw new IllegalArgumentException("shape must be random or clustered: " + shape);
        }
        long[] queries = new long[4 * q];
        for (int j = 0; j < q; j++) {
            if (j % 2 == 0) {
                System.arraycopy(words, 4 * rnd.nextInt(n), queries, 4 * j, 4);
                flip(queries, 4 * j, rnd.nextInt(32), rnd);
            } else {
                for (int w = 0; w < 4; w++) {
                    queries[4 * j + w] = rnd.nextLong();
                }
            }
        }
        return new Data(words, queries);
    }

    /** Flips {@code k} distinct random bits of the hash at {@code a[off..off+3]}. */
    private static void flip(long[] a, int off, int k, SplittableRandom rnd) {
        long[] mask = new long[4];
        int done = 0;
        while (done < k) {
            int b = rnd.nextInt(256);
            long bit = 1L << (b & 63);
            if ((mask[b >>> 6] & bit) == 0) {
                mask[b >>> 6] |= bit;
                done++;
            }
        }
        for (int w = 0; w < 4; w++) {
            a[off + w] ^= mask[w];
        }
    }

    public static void write(Data d, Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            buf.put(MAGIC).putLong(d.n()).putLong(d.q());
            for (long[] arr : new long[][] {d.words(), d.queries()}) {
                for (long w : arr) {
                    if (!buf.hasRemaining()) {
                        drain(buf, ch);
                    }
                    buf.putLong(w);
                }
            }
            drain(buf, ch);
        }
    }

    private static void drain(ByteBuffer buf, FileChannel ch) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }

    public static Data read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[8];
            all.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not an index data file: " + file);
            }
            int n = Math.toIntExact(all.getLong());
            int q = Math.toIntExact(all.getLong());
            long[] words = new long[4 * n];
            long[] queries = new long[4 * q];
            all.asLongBuffer().get(words).get(queries);
            return new Data(words, queries);
        }
    }

    /** Heap in use after a full collection (settled over a few calls). */
    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /**
     * Adds 20,000 new entries one by one (each a uniform hash under a fresh id), looks each one up at radius 0
     * right after its {@code add} returns, removes it and looks it up again. Returns the mean add time, the mean
     * add-to-visible time (the add plus the lookup that finds it), how many were found right after their add and
     * how many were gone right after their remove.
     */
    static String addThenLookup(HashIndex index, Data d) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int n = 20_000, seen = 0, gone = 0;
        long base = 1L << 38;
        long addNs = 0, visibleNs = 0;
        long[] each = new long[n];
        for (int i = 0; i < n; i++) {
            long w0 = rnd.nextLong(), w1 = rnd.nextLong(), w2 = rnd.nextLong(), w3 = rnd.nextLong();
            long id = base + i;
            boolean[] hit = {false, false};
            long t0 = System.nanoTime();
            index.add(w0, w1, w2, w3, id);
            long t1 = System.nanoTime();
            index.search(w0, w1, w2, w3, 0, (x, dist) -> hit[0] |= x == id);
            long t2 = System.nanoTime();
            index.remove(id);
            index.search(w0, w1, w2, w3, 0, (x, dist) -> hit[1] |= x == id);
            addNs += t1 - t0;
            each[i] = t2 - t0;
            visibleNs += t2 - t0;
            seen += hit[0] ? 1 : 0;
            gone += hit[1] ? 0 : 1;
        }
        Arrays.sort(each);
        // The mean includes the first add's growth of the slot arrays (the bulk load presized them exactly).
        return String.format("add_us=%.1f add_to_visible_us=%.1f add_to_visible_median_us=%.1f add_to_visible_max_ms=%.1f "
                        + "seen_after_add=%d/%d gone_after_remove=%d/%d",
                addNs / 1e3 / n, visibleNs / 1e3 / n, each[n / 2] / 1e3, each[n - 1] / 1e6, seen, n, gone, n);
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> {
                long t0 = System.nanoTime();
                Data d = generate(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
                write(d, Path.of(args[5]));
                System.out.printf("generated %s N=%d Q=%d in %.1f s -> %s%n", args[1], d.n(), d.q(),
                        (System.nanoTime() - t0) / 1e9, args[5]);
            }
            case "pairs" -> {
                Data d = read(Path.of(args[1]));
                int radius = Integer.parseInt(args[2]);
                long heap0 = usedHeap();
                long t0 = System.nanoTime();
                HashIndex index = d.build();
                double build = (System.nanoTime() - t0) / 1e9;
                long heapDelta = usedHeap() - heap0;
                long[][] out = {new long[1 << 16]};
                int[] count = {0};
                long[] qw = d.queries();
                long t1 = System.nanoTime();
                for (int j = 0; j < d.q(); j++) {
                    long qHigh = (long) j << 40;
                    index.search(qw[4 * j], qw[4 * j + 1], qw[4 * j + 2], qw[4 * j + 3], radius, (id, dist) -> {
                        if (count[0] == out[0].length) {
                            out[0] = Arrays.copyOf(out[0], out[0].length * 2);
                        }
                        out[0][count[0]++] = qHigh | id << 8 | dist;
                    });
                }
                double lookups = (System.nanoTime() - t1) / 1e9;
                // A second pass (the JIT is warm now), timed on wall clock and on this thread's CPU clock: on a
                // shared machine the CPU clock leaves out the time the thread waited for a core.
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long[] sink = {0};
                long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
                for (int j = 0; j < d.q(); j++) {
                    index.search(qw[4 * j], qw[4 * j + 1], qw[4 * j + 2], qw[4 * j + 3], radius, (id, dist) -> sink[0] += id);
                }
                double wall2 = (System.nanoTime() - t2) / 1e9, cpu2 = (mx.getCurrentThreadCpuTime() - c2) / 1e9;
                long[] pairs = Arrays.copyOf(out[0], count[0]);
                Arrays.sort(pairs);
                try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[3]))))) {
                    for (long p : pairs) {
                        os.writeLong(Long.reverseBytes(p));
                    }
                }
                long estimated = index.estimatedBytes(); // before the add test grows the slot arrays
                String visible = addThenLookup(index, d);
                System.out.printf("assay size=%d queries=" + d.q() + " build_s=%.2f first_pass_lookups_per_s=%.0f second_pass_lookups_per_s=%.0f cpu_lookups_per_s=%.0f estimated_bytes=%d heap_delta_bytes=%d pairs=%d %s%n",
                        index.size(), build, d.q() / lookups, d.q() / wall2, d.q() / cpu2, estimated, heapDelta, pairs.length, visible);
            }
            default -> {
                System.err.println("usage: IndexData generate <random|clustered> <N> <Q> <seed> <file>");
                System.err.println("       IndexData pairs <file> <radius> <out>");
                System.exit(2);
            }
        }
    }
}
