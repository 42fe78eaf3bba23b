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
import java.util.concurrent.TimeUnit;

/**
 * {@link HashIndex} range lookups per second at radius 31 (inclusive), one thread, over the data files that
 * {@link IndexData} writes (scripts/bench-index.sh makes them; scripts/faiss_index_bench.py queries the same files
 * with faiss). One invocation runs every query of the file once, so the score is lookups per second. The index
 * size and {@code estimatedBytes()} are printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class IndexLookupBenchmark {

    /** Queries per data file; must match the Q the files were generated with. */
    public static final int QUERIES = 10_000;

    /** Data file pattern; {@code %s} is the shape. */
    @Param("target/index-data/%s-1000000.bin")
    public String data;

    @Param({"random", "clustered"})
    public String shape;

    @Param("31")
    public int radius;

    private HashIndex index;
    private long[] queries;

    @Setup(Level.Trial)
    public void load() throws Exception {
        IndexData.Data d = IndexData.read(Path.of(String.format(data, shape)));
        if (d.q() != QUERIES) {
            throw new IllegalStateException("file has " + d.q() + " queries, the benchmark assumes " + QUERIES);
        }
        long t0 = System.nanoTime();
        index = d.build();
        queries = d.queries();
        System.out.printf("# %s: size=%d build_s=%.2f estimated_bytes=%d%n", shape, index.size(),
                (System.nanoTime() - t0) / 1e9, index.estimatedBytes());
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public long lookups() {
        long[] count = {0};
        long[] q = queries;
        for (int j = 0; j < QUERIES; j++) {
            index.search(q[4 * j], q[4 * j + 1], q[4 * j + 2], q[4 * j + 3], radius, (id, d) -> count[0] += id + d);
        }
        return count[0];
    }
}
