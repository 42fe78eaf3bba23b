package io.assay.bench;

import io.assay.index.HashIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@link HashIndex} range lookups per second at radius 31 (inclusive), one thread, over the data files that
 * {@link IndexData} writes (scripts/bench-index.sh makes them; scripts/faiss_index_bench.py queries the same files
 * with faiss). {@code lookup}: one query per operation, cycling through the file's queries, so the score is
 * lookups per second. {@code bulk}: {@value #BATCH} consecutive queries per {@code searchAll} call (one read lock),
 * scored per query. The index size and {@code estimatedBytes()} are printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class IndexLookupBenchmark {

    /** Queries per {@code bulk} operation. */
    public static final int BATCH = 100;

    /** Data file pattern; {@code %s} is the shape. */
    @Param("target/index-data/%s-1000000.bin")
    public String data;

    @Param({"random", "clustered"})
    public String shape;

    @Param("31")
    public int radius;

    private HashIndex index;
    private long[] queries;
    private int nq;
    private int next;
    private long[] batches;
    private int nb;
    private int nextBatch;

    @Setup(Level.Trial)
    public void load() throws Exception {
        IndexData.Data d = IndexData.read(Path.of(String.format(data, shape)));
        long t0 = System.nanoTime();
        index = d.build();
        queries = d.queries();
        nq = d.q();
        nb = Math.max(1, nq / BATCH);
        batches = new long[4 * BATCH * nb];
        for (int i = 0; i < BATCH * nb; i++) {
            System.arraycopy(queries, 4 * (i % nq), batches, 4 * i, 4);
        }
        System.out.printf("# %s: size=%d queries=%d build_s=%.2f estimated_bytes=%d%n", shape, index.size(), nq,
                (System.nanoTime() - t0) / 1e9, index.estimatedBytes());
    }

    @Benchmark
    public long lookup() {
        int j = next;
        next = j + 1 == nq ? 0 : j + 1;
        long[] q = queries;
        long[] acc = {0};
        index.search(q[4 * j], q[4 * j + 1], q[4 * j + 2], q[4 * j + 3], radius, (id, d) -> acc[0] += id + d);
        return acc[0];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bulk() {
        int b = nextBatch;
        nextBatch = b + 1 == nb ? 0 : b + 1;
        long[] acc = {0};
        index.searchAll(Arrays.copyOfRange(batches, 4 * BATCH * b, 4 * BATCH * (b + 1)), radius,
                (j, id, d) -> acc[0] += j + id + d);
        return acc[0];
    }
}
