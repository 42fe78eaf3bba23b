package io.assay.server.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code assay.kafka.bootstrap} set, a verdict stored by {@code POST /v1/scans} is published to a real broker,
 * and with {@code assay.kafka.signals-topic} a bank entry added and retracted through the API becomes a signal event
 * and then a tombstone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its producer must not outlive the broker in the cached context
class KafkaVerdictPublisherTest {

    static final String KEY = "ak_kafka_test_" + UUID.randomUUID();
    static KafkaClusterTestKit kafka;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        r.add("assay.kafka.bootstrap", kafka::bootstrapServers);
        r.add("assay.kafka.verdict-topic", () -> "server.verdicts");
        r.add("assay.kafka.signals-topic", () -> "server.signals");
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void aStoredVerdictIsPublishedOnceWithItsScanId() throws Exception {
        BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(10, 10, 80, 60);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/scans?name=orange.png&platform=example-social"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        String scanId = json.readTree(r.body()).get("id").asString();

        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("server.verdicts"));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.isEmpty() && System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(200))) {
                    assertThat(rec.key()).isEqualTo(scanId);
                    events.add(json.readTree(rec.value()));
                }
            }
            c.poll(Duration.ofSeconds(1)).forEach(rec -> events.add(json.readTree(rec.value())));
        }
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("uploadId").asString()).isEqualTo(scanId);
            assertThat(e.get("instance").asString()).isEqualTo("server");
            assertThat(e.get("label").asString()).isEqualTo("none");
            assertThat(e.get("pdq").asString()).hasSize(64);
            assertThat(e.get("verdict").get("context").get("platform").asString()).isEqualTo("example-social");
        });
    }

    @Test
    void bankEntriesAddedAndRetractedBecomeSignalsAndTombstones() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String hex = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
        assertThat(post(http, "/v1/banks", "{\"name\":\"kafka-fakes\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> added = post(http, "/v1/banks/kafka-fakes/entries",
                "{\"signals\":[{\"type\":\"pdq\",\"value\":\"" + hex + "\",\"quality\":100}],\"label\":\"fake ballot photo\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        long id = json.readTree(added.body()).get("entries").get(0).get("id").asLong();
        assertThat(post(http, "/v1/banks/kafka-fakes/entries/" + id + "/retract", "{\"reason\":\"mistake\"}").statusCode())
                .isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("server.signals"));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < 2 && System.nanoTime() < end) {
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(2);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(Long.toString(id));
        JsonNode signal = json.readTree(records.get(0).value());
        assertThat(signal.get("bank").asString()).isEqualTo("kafka-fakes");
        assertThat(signal.get("type").asString()).isEqualTo("pdq");
        assertThat(signal.get("signal").asString()).isEqualTo(hex);
        assertThat(signal.get("label").asString()).isEqualTo("fake ballot photo");
        assertThat(records.get(1).value()).as("the retraction is a tombstone").isNull();
    }

    private HttpResponse<String> post(HttpClient http, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
