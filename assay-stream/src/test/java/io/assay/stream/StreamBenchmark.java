package io.assay.stream;

import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.policy.PolicyLoader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of one stream instance on one core, and the time a new bank entry takes to reach every instance.
 * The broker and the load generator run in this JVM; the measured instance runs in a JVM of its own, pinned to a
 * core of its own with taskset when there is one (scripts/bench-stream.sh pins this JVM to the other core).
 * Uploads are produced before the instance starts, so it runs flat out; the rate is counted from its first
 * committed verdict to its last.
 *
 * <p>Arguments: {@code [SMALL_UPLOADS] [JPEG_UPLOADS] [BANK_ENTRIES] [PROPAGATION_ROUNDS]} (defaults 3000 400 10000 30).
 */
public final class StreamBenchmark {

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int jpegs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int bankSize = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        System.out.printf("Java %s, %d processors visible to the load JVM, %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), cpuModel());
        try (KafkaTestCluster kafka = new KafkaTestCluster()) {
            List<byte[]> smallImages = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                smallImages.add(TestImages.png(10_000 + i, 64));
            }
            run(kafka, "small", "64x64 PNG", small, smallImages, bankSize);
            List<byte[]> bigImages = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < 40; i++) {
                byte[] j = TestImages.jpeg(20_000 + i, 1000, 1000);
                bigImages.add(j);
                bytes += j.length;
            }
            run(kafka, "jpeg", "1000x1000 JPEG (q 0.85, mean " + bytes / bigImages.size() / 1024 + " KiB)", jpegs, bigImages, bankSize);
            propagation(kafka, rounds);
        }
    }

    private static void run(KafkaTestCluster kafka, String prefix, String what, int n, List<byte[]> images, int bankSize)
            throws Exception {
        StreamTopics.ensure(kafka.bootstrap(), StreamClusterTest.topics(prefix), 4, (short) 1);
        try (KafkaProducer<String, byte[]> p = kafka.producer()) {
            Random r = new Random(prefix.hashCode());
            for (int i = 0; i < bankSize; i++) {
                StringBuilder hex = new StringBuilder();
                for (int w = 0; w < 4; w++) {
                    hex.append(String.format("%016x", r.nextLong()));
                }
                p.send(new ProducerRecord<>(StreamClusterTest.topics(prefix).signals(), Long.toString(i + 1),
                        StreamClusterTest.JSON.writeValueAsBytes(SignalEvent.pdq("bench", hex.toString(), "random " + i))));
            }
            for (int i = 0; i < n; i++) {
                String id = prefix + "-" + i;
                p.send(new ProducerRecord<>(StreamClusterTest.topics(prefix).uploads(), id,
                        StreamClusterTest.upload(id, images.get(i % images.size()), "acct-" + (i % 50), null)));
                if (i % 100 == 99) {
                    p.flush();
                }
            }
            p.flush();
        }
        Path state = Files.createTempDirectory("assay-bench-" + prefix);
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/taskset")) && Runtime.getRuntime().availableProcessors() >= 1) {
            cmd.addAll(List.of("/usr/bin/taskset", "-c", System.getProperty("bench.instanceCpu", "1")));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                StreamInstanceMain.class.getName(), kafka.bootstrap(), "bench-" + prefix, state.toString(), "bench", prefix));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .lines().filter(l -> !l.contains(" WARN ")).forEach(l -> { }));
        try (KafkaConsumer<String, byte[]> c = kafka.committedReader(StreamClusterTest.topics(prefix).verdicts())) {
            long first = 0, last = 0, half = 0;
            int seen = 0, firstCount = 0, halfCount = 0;
            double scanMillis = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                var batch = c.poll(Duration.ofMillis(100));
                int got = batch.count();
                for (var rec : batch) {
                    scanMillis += StreamClusterTest.JSON.readTree(rec.value()).get("scanMillis").asDouble();
                }
                if (got > 0) {
                    long now = System.nanoTime();
                    if (first == 0) {
                        first = now;
                        firstCount = got;
                    }
                    last = now;
                    seen += got;
                    if (half == 0 && seen >= n / 2) {
                        half = now;
                        halfCount = seen;
                    }
                }
            }
            long cpu = child.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            child.destroy();
            child.waitFor();
            double secs = (last - first) / 1e9;
            System.out.printf(Locale.ROOT, "%-45s %6d uploads, %6d verdicts in %.1f s: %.1f uploads/s on one core, "
                            + "%.1f/s over the second half (warm JIT); pipeline scan %.2f ms/upload on average "
                            + "(instance JVM CPU %.1f s incl. start-up and loading %d bank entries)%n",
                    what, n, seen, secs, (seen - firstCount) / secs, (seen - halfCount) / ((last - half) / 1e9),
                    scanMillis / seen, cpu / 1000.0, bankSize);
        }
    }

    private static void propagation(KafkaTestCluster kafka, int rounds) throws Exception {
        String prefix = "propagation";
        StreamTopics.ensure(kafka.bootstrap(), StreamClusterTest.topics(prefix), 4, (short) 1);
        Path tmp = Files.createTempDirectory("assay-bench-prop");
        List<AssayStream> instances = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            instances.add(new AssayStream(StreamClusterTest.config(kafka.bootstrap(), "bench-prop", tmp.resolve(name), name, prefix),
                    AnalyzerSettings.NONE, PolicyLoader.defaults(), Duration.ofSeconds(10)));
        }
        try (KafkaProducer<String, byte[]> p = kafka.producer()) {
            instances.forEach(AssayStream::start);
            while (instances.stream().anyMatch(s -> s.state() != KafkaStreams.State.RUNNING)) {
                Thread.sleep(50);
            }
            List<Double> millis = new ArrayList<>();
            Random r = new Random(7);
            for (int i = 0; i < rounds; i++) {
                long id = 1_000_000 + i;
                String hex = String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
                long t0 = System.nanoTime();
                p.send(new ProducerRecord<>(StreamClusterTest.topics(prefix).signals(), Long.toString(id),
                        StreamClusterTest.JSON.writeValueAsBytes(SignalEvent.pdq("bench", hex, "round " + i))));
                p.flush();
                while (!instances.stream().allMatch(s -> s.bank().entry(id).isPresent())) {
                    Thread.onSpinWait();
                }
                millis.add((System.nanoTime() - t0) / 1e6);
                Thread.sleep(100);
            }
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "new bank entry in every bank of %d instances (send to last bank, %d rounds): "
                            + "median %.1f ms, p95 %.1f ms, max %.1f ms%n", instances.size(), rounds,
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.getLast());
        } finally {
            instances.forEach(s -> s.close(Duration.ofSeconds(10)));
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    private StreamBenchmark() {
    }
}
