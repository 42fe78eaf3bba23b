package io.assay.bench;

import io.assay.hash.pdq.PdqHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PDQ throughput on the shared corpus's images, one thread, reference preparation ({@code new PdqHasher()}). One
 * operation is one image (the set's files in turn), so the scores are images per second:
 * <ul>
 *   <li>{@code file}: {@code hash(Path)}, open + read + decode + hash, as {@code pdq-photo-hasher FILE...} does
 *   (the files are in the page cache after the first pass on both sides);</li>
 *   <li>{@code bytes}: decode + hash from the file's bytes held in memory (no file system);</li>
 *   <li>{@code decodeOnly}: the JDK decoder alone, from the bytes;</li>
 *   <li>{@code hashOnly}: a pre-decoded {@link BufferedImage}: luma, 512x512 nearest-neighbour sampling, blur,
 *   DCT, threshold.</li>
 * </ul>
 * scripts/bench-pdq.sh runs it beside the C++ reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PdqHashBenchmark {

    /** bridge: bridge-mods/*.jpg (1600x1004); labelme: reg-test-input/labelme-subset/*.jpg (256x256). */
    @Param({"bridge", "labelme"})
    public String set;

    /** The shared corpus's PDQ folder (../shared/corpus/pdq from the repository root). */
    @Param("../shared/corpus/pdq")
    public String corpus;

    private final PdqHasher hasher = new PdqHasher();
    private Path[] files;
    private byte[][] bytes;
    private BufferedImage[] decoded;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        files = files(Path.of(corpus), set).toArray(Path[]::new);
        bytes = new byte[files.length][];
        decoded = new BufferedImage[files.length];
        for (int i = 0; i < files.length; i++) {
            bytes[i] = Files.readAllBytes(files[i]);
            decoded[i] = hasher.decode(files[i]);
        }
        System.out.println("# " + set + ": " + files.length + " images, " + decoded[0].getWidth() + "x"
                + decoded[0].getHeight());
    }

    /** The files of a set, sorted by name. */
    public static List<Path> files(Path corpus, String set) throws IOException {
        Path dir = switch (set) {
            case "bridge" -> corpus.resolve("bridge-mods");
            case "labelme" -> corpus.resolve("reg-test-input/labelme-subset");
            default -> throw new IllegalArgumentException("unknown set " + set);
        };
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList());
        }
    }

    private int advance() {
        int i = next;
        next = i + 1 == files.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Object file() throws IOException {
        return hasher.hash(files[advance()]);
    }

    @Benchmark
    public Object bytes() throws IOException {
        int i = advance();
        return hasher.hash(hasher.decode(new ByteArrayInputStream(bytes[i]), "image"));
    }

    @Benchmark
    public Object decodeOnly() throws IOException {
        int i = advance();
        return hasher.decode(new ByteArrayInputStream(bytes[i]), "image");
    }

    @Benchmark
    public Object hashOnly() {
        return hasher.hash(decoded[advance()]);
    }

    /**
     * Without JMH, for a machine shared with other work: {@code hashes [corpus]} prints "hash,quality,file" for every
     * image of both sets, as pdq-photo-hasher does; {@code cpu SECONDS [corpus]} runs each mode of each set for
     * SECONDS (after as long a warm-up) and prints images per second of wall time and of this thread's CPU time
     * (the fairer figure when other processes compete for the core).
     */
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "hashes";
        if (what.equals("hashes")) {
            Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpus/pdq");
            PdqHasher hasher = new PdqHasher();
            for (String set : List.of("bridge", "labelme")) {
                for (Path f : files(corpus, set)) {
                    var h = hasher.hash(f);
                    System.out.println(h.toHex() + "," + h.quality() + "," + corpus.relativize(f));
                }
            }
            return;
        }
        if (!what.equals("cpu")) {
            throw new IllegalArgumentException("usage: PdqHashBenchmark hashes|cpu SECONDS [corpus]");
        }
        double seconds = Double.parseDouble(args[1]);
        String corpus = args.length > 2 ? args[2] : "../shared/corpus/pdq";
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String set : List.of("bridge", "labelme")) {
            PdqHashBenchmark b = new PdqHashBenchmark();
            b.set = set;
            b.corpus = corpus;
            b.load();
            for (String mode : List.of("file", "bytes", "decodeOnly", "hashOnly")) {
                for (int phase = 0; phase < 2; phase++) { // warm-up, then measurement
                    long n = 0;
                    long sink = 0;
                    long wall0 = System.nanoTime();
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long end = wall0 + (long) (seconds * 1e9);
                    do {
                        for (int k = 0; k < b.files.length; k++, n++) {
                            Object r = switch (mode) {
                                case "file" -> b.file();
                                case "bytes" -> b.bytes();
                                case "decodeOnly" -> b.decodeOnly();
                                default -> b.hashOnly();
                            };
                            sink += r.hashCode();
                        }
                    } while (System.nanoTime() < end);
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                    if (phase == 1) {
                        System.out.printf(java.util.Locale.ROOT,
                                "set=%s mode=%s images=%d wall_s=%.3f cpu_s=%.3f per_wall_s=%.1f per_cpu_s=%.1f sink=%d%n",
                                set, mode, n, wall, cpu, n / wall, n / cpu, sink & 1);
                    }
                }
            }
        }
    }
}
