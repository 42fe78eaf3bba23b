package io.assay.stream;

import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.media.AssetLimits;
import io.assay.core.policy.PolicyLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream pipeline against a real KRaft broker in this JVM, with two stream instances (one of them, in the
 * failover test, a separate JVM killed with SIGKILL mid-stream).
 */
class StreamClusterTest {

    static final int PARTITIONS = 4;
    static final JsonMapper JSON = AssayStream.json();
    static KafkaTestCluster kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaTestCluster();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    static StreamConfig.Topics topics(String prefix) {
        return new StreamConfig.Topics(prefix + ".uploads", prefix + ".verdicts", prefix + ".signals",
                prefix + ".dead-letters", prefix + ".retro-hunts", prefix + ".shares", prefix + ".co-shares");
    }

    static StreamConfig config(String bootstrap, String app, Path stateDir, String instance, String prefix) {
        return new StreamConfig(bootstrap, app, instance, topics(prefix), stateDir, 1, null,
                AssetLimits.DEFAULT.withMaxBytes(4L * 1024 * 1024), null, Duration.ofMillis(200), Duration.ofMinutes(1),
                KafkaTestCluster.fastFailover());
    }

    AssayStream instance(String app, String name, String prefix) {
        return new AssayStream(config(kafka.bootstrap(), app, tmp.resolve(name), name, prefix),
                AnalyzerSettings.NONE, PolicyLoader.defaults(), Duration.ofSeconds(10));
    }

    static byte[] upload(String id, byte[] media, String account, String object) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("name", id + ".png");
        e.put("media", media);
        if (account != null) {
            e.put("context", Map.of("platform", "example-social", "account", account));
        }
        if (object != null) {
            e.put("object", object);
        }
        return JSON.writeValueAsBytes(e);
    }

    static void publishSignal(KafkaProducer<String, byte[]> p, String topic, long id, String hex) throws Exception {
        p.send(new ProducerRecord<>(topic, Long.toString(id),
                JSON.writeValueAsBytes(SignalEvent.pdq("election-fakes", hex, "fake ballot video still " + id)))).get();
    }

    static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Reads verdicts as they commit, keeping every record (duplicates included). */
    static final class Collector {
        final KafkaConsumer<String, byte[]> consumer;
        final List<JsonNode> records = new ArrayList<>();

        Collector(String topic) {
            consumer = kafka.committedReader(topic);
        }

        List<JsonNode> poll() {
            for (ConsumerRecord<String, byte[]> r : KafkaTestCluster.drain(consumer)) {
                records.add(JSON.readTree(r.value()));
            }
            return records;
        }

        Set<String> ids() {
            Set<String> s = new HashSet<>();
            records.forEach(n -> s.add(n.get("uploadId").asString()));
            return s;
        }

        Set<String> instances() {
            Set<String> s = new HashSet<>();
            records.forEach(n -> s.add(n.get("instance").asString()));
            return s;
        }
    }

    @Test
    void killingAnInstanceMidStreamLosesAndDoublesNoVerdict() throws Exception {
        String prefix = "failover";
        StreamTopics.ensure(kafka.bootstrap(), topics(prefix), PARTITIONS, (short) 1);
        byte[] fake = TestImages.png(1_000, 96);
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            publishSignal(producer, topics(prefix).signals(), 1, TestImages.pdq(fake));

            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process other = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    StreamInstanceMain.class.getName(), kafka.bootstrap(), "assay-failover",
                    tmp.resolve("b").toString(), "b", prefix).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            List<String> childLog = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread pump = Thread.ofVirtual().start(() -> out.lines().forEach(childLog::add));
            try (AssayStream a = instance("assay-failover", "a", prefix)) {
                a.start();
                await("instance b runs (log: " + childLog + ")", Duration.ofSeconds(60), () -> childLog.contains("running"));
                await("instance a runs", Duration.ofSeconds(60), () -> a.state() == KafkaStreams.State.RUNNING);

                Map<String, Boolean> expectFake = new LinkedHashMap<>();
                Collector verdicts = new Collector(topics(prefix).verdicts());
                int n = 0;
                // first wave: until both instances have given verdicts, so both hold partitions
                while (verdicts.instances().size() < 2 || n < 40) {
                    n = send(producer, prefix, n, 20, fake, expectFake);
                    verdicts.poll();
                    if (n > 400) {
                        throw new AssertionError("one instance gave every verdict: " + verdicts.instances());
                    }
                }
                // second wave: kill b while uploads are flowing through it
                int killAt = n + 20;
                while (n < killAt + 60) {
                    n = send(producer, prefix, n, 10, fake, expectFake);
                    if (n == killAt) {
                        other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                }
                assertThat(other.isAlive()).isFalse();
                producer.flush();
                await("a verdict for each of " + n + " uploads", Duration.ofSeconds(90),
                        () -> verdicts.poll() != null && verdicts.ids().size() == expectFake.size());
                // let any late duplicate commit (a transaction of b that were not aborted would show now)
                Thread.sleep(2000);
                verdicts.poll();

                Map<String, Integer> count = new HashMap<>();
                Map<String, String> label = new HashMap<>();
                for (JsonNode v : verdicts.records) {
                    count.merge(v.get("uploadId").asString(), 1, Integer::sum);
                    label.put(v.get("uploadId").asString(), v.get("label").asString());
                }
                assertThat(count.keySet()).isEqualTo(expectFake.keySet());
                assertThat(count.values()).as("verdicts per upload").containsOnly(1);
                expectFake.forEach((id, isFake) ->
                        assertThat(label.get(id)).as(id).isEqualTo(isFake ? "known-deepfake" : "none"));
                assertThat(verdicts.instances()).containsExactlyInAnyOrder("a", "b");
                verdicts.consumer.close();
            } finally {
                other.destroyForcibly();
                pump.join(5000);
            }
        }
    }

    /** Sends {@code k} uploads from number {@code n}; every fifth is a re-encoded copy of the banked fake. */
    private static int send(KafkaProducer<String, byte[]> p, String prefix, int n, int k, byte[] fake,
                            Map<String, Boolean> expectFake) throws Exception {
        for (int i = 0; i < k; i++, n++) {
            String id = "up-" + n;
            boolean isFake = n % 5 == 0;
            p.send(new ProducerRecord<>(topics(prefix).uploads(), id, upload(id, isFake ? fake : TestImages.png(n, 64), null, null)));
            expectFake.put(id, isFake);
        }
        p.flush();
        Thread.sleep(20);
        return n;
    }

    /** Keys that the default partitioner sends to each partition of the uploads topic. */
    static List<String> oneKeyPerPartition(String stem) {
        Map<Integer, String> byPartition = new java.util.TreeMap<>();
        for (int i = 0; byPartition.size() < PARTITIONS; i++) {
            String k = stem + i;
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(k.getBytes(StandardCharsets.UTF_8))) % PARTITIONS, k);
        }
        return List.copyOf(byPartition.values());
    }

    @Test
    void newSignalReachesEveryInstanceRetroHuntsRecentUploadsAndBadEventsAreDeadLettered() throws Exception {
        String prefix = "signals";
        String app = "assay-signals";
        StreamTopics.ensure(kafka.bootstrap(), topics(prefix), PARTITIONS, (short) 1);
        byte[] earlyFake = TestImages.png(7_001, 80);   // uploaded before anyone banked it
        byte[] lateFake = TestImages.png(7_002, 80);    // uploaded after the signal
        try (KafkaProducer<String, byte[]> producer = kafka.producer();
             AssayStream a = instance(app, "a", prefix);
             AssayStream b = instance(app, "b", prefix)) {
            a.start();
            b.start();
            await("both instances run", Duration.ofSeconds(60),
                    () -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING);
            Collector verdicts = new Collector(topics(prefix).verdicts());

            // an upload of a fake nobody has banked yet, plus two shares of one post by two accounts
            producer.send(new ProducerRecord<>(topics(prefix).uploads(), "early", upload("early", earlyFake, "acct-1", "post-9"))).get();
            producer.send(new ProducerRecord<>(topics(prefix).uploads(), "echo", upload("echo", TestImages.png(5, 64), "acct-2", "post-9"))).get();
            // bad events: not JSON, no media, a URL reference
            producer.send(new ProducerRecord<>(topics(prefix).uploads(), "bad-json", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(topics(prefix).uploads(), "no-media", JSON.writeValueAsBytes(Map.of("id", "no-media")))).get();
            producer.send(new ProducerRecord<>(topics(prefix).uploads(), "url", JSON.writeValueAsBytes(
                    Map.of("id", "url", "path", "http://10.0.0.1/x.jpg")))).get();
            await("the early upload's verdict", Duration.ofSeconds(30), () -> verdicts.poll() != null && verdicts.ids().contains("early"));
            assertThat(verdicts.records).filteredOn(v -> v.get("uploadId").asString().equals("early"))
                    .singleElement().satisfies(v -> assertThat(v.get("label").asString()).isEqualTo("none"));

            // a new signal for both fakes: it reaches both instances' banks
            publishSignal(producer, topics(prefix).signals(), 41, TestImages.pdq(earlyFake));
            publishSignal(producer, topics(prefix).signals(), 42, TestImages.pdq(lateFake));
            await("the new signals in both banks", Duration.ofSeconds(30), () ->
                    a.bank().entry(41).isPresent() && b.bank().entry(41).isPresent()
                            && a.bank().entry(42).isPresent() && b.bank().entry(42).isPresent());

            // copies of the late fake on every partition: whichever instance scans them labels them
            List<String> keys = oneKeyPerPartition("copy-");
            for (String k : keys) {
                producer.send(new ProducerRecord<>(topics(prefix).uploads(), k, upload(k, lateFake, null, null))).get();
            }
            await("verdicts for the copies", Duration.ofSeconds(30), () -> verdicts.poll() != null && verdicts.ids().containsAll(keys));
            List<JsonNode> copies = verdicts.records.stream().filter(v -> keys.contains(v.get("uploadId").asString())).toList();
            assertThat(copies).hasSize(keys.size()).allSatisfy(v -> {
                assertThat(v.get("label").asString()).isEqualTo("known-deepfake");
                assertThat(v.get("matches").get(0).asLong()).isEqualTo(42);
            });
            assertThat(copies.stream().map(v -> v.get("instance").asString()).distinct()).containsExactlyInAnyOrder("a", "b");

            // the retro-hunt finds the early upload (scanned before the signal), once, and not the copies
            Collector hunts = new Collector(topics(prefix).retroHunts());
            await("the retro-hunt hit", Duration.ofSeconds(30), () -> !hunts.poll().isEmpty());
            Thread.sleep(1000);
            hunts.poll();
            assertThat(hunts.records).singleElement().satisfies(h -> {
                assertThat(h.get("uploadId").asString()).isEqualTo("early");
                assertThat(h.get("entryId").asLong()).isEqualTo(41);
            });

            // coordination: the two shares of post-9 by two accounts form one co-share pair
            Collector pairs = new Collector(topics(prefix).coShares());
            await("the co-share pair", Duration.ofSeconds(30), () -> !pairs.poll().isEmpty());
            assertThat(pairs.records).singleElement().satisfies(p -> {
                assertThat(p.get("object").asString()).isEqualTo("post-9");
                assertThat(List.of(p.get("earlier").get("account").asString(), p.get("later").get("account").asString()))
                        .containsExactlyInAnyOrder("acct-1", "acct-2");
            });

            // the bad events each got a dead letter saying why, and no verdict
            Collector dead = new Collector(topics(prefix).deadLetters());
            await("three dead letters", Duration.ofSeconds(30), () -> dead.poll().size() >= 3);
            Map<String, String> reasons = new HashMap<>();
            dead.records.forEach(d -> reasons.put(d.get("uploadId").asString(), d.get("reason").asString() + ": " + d.get("detail").asString()));
            assertThat(reasons).containsOnlyKeys("bad-json", "no-media", "url");
            assertThat(reasons.get("bad-json")).startsWith("bad-event: not an upload event");
            assertThat(reasons.get("no-media")).startsWith("bad-event: the event has no media");
            assertThat(reasons.get("url")).startsWith("unsupported-reference: media URLs are not fetched");
            assertThat(verdicts.ids()).doesNotContain("bad-json", "no-media", "url");

            // a retraction (tombstone) leaves every bank
            producer.send(new ProducerRecord<>(topics(prefix).signals(), "42", null)).get();
            await("the retraction in both banks", Duration.ofSeconds(30),
                    () -> a.bank().entry(42).isEmpty() && b.bank().entry(42).isEmpty());

            // operations: Prometheus text with the pipeline's meters and Kafka's lag, health and readiness over HTTP
            int port = a.serveHttp(0);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body() + b.registry().scrape()).contains("assay_stream_uploads_total{label=\"known-deepfake\",outcome=\"verdict\"",
                    "assay_stream_analyzer_seconds_count{analyzer=\"known-deepfake\"}", "assay_stream_bank_entries",
                    "kafka_consumer_fetch_manager_records_lag");
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("state").asString()).isEqualTo("RUNNING");
            assertThat(JSON.readTree(health.body()).get("bankEntries").asInt()).isEqualTo(1);
            for (KafkaConsumer<String, byte[]> c : List.of(verdicts.consumer, hunts.consumer, pairs.consumer, dead.consumer)) {
                c.close();
            }
        }
    }
}
