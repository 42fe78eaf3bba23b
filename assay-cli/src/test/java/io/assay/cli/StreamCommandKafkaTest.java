package io.assay.cli;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assay stream} end to end against a real KRaft broker in the test JVM: it creates its topics, scans an
 * upload referenced by path under the media root, serves its health, and stops cleanly when interrupted.
 */
class StreamCommandKafkaTest {

    static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void stopsWithOneLineWhenItsTopicsAreMissing(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "stream",
                "--bootstrap", kafka.bootstrapServers(), "--application-id", "cli-missing", "--topic-prefix", "absent",
                "--state-dir", dir.toString(), "--metrics-port", "-1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("assay: missing topics: absent.uploads, absent.verdicts, absent.signals, "
                + "absent.dead-letters, absent.retro-hunts, absent.shares-by-object, absent.co-shares; "
                + "create them (assay stream --create-topics PARTITIONS)");
    }

    @Test
    void streamsAnUploadToAVerdictAndStopsWhenInterrupted(@TempDir Path dir) throws Exception {
        {
            Path media = Files.createDirectories(dir.resolve("media"));
            BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.CYAN);
            g.fillRect(20, 10, 50, 40);
            g.dispose();
            ImageIO.write(img, "png", media.resolve("cyan.png").toFile());

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger code = new AtomicInteger(-1);
            Thread cli = new Thread(() -> code.set(AssayCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    "stream", "--bootstrap", kafka.bootstrapServers(), "--application-id", "cli-test",
                    "--topic-prefix", "cli", "--create-topics", "2", "--replication", "1",
                    "--state-dir", dir.resolve("state").toString(), "--media-root", media.toString(),
                    "--metrics-port", "0", "--instance-id", "cli-1")));
            cli.start();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Matcher port = null;
            while (System.nanoTime() < end && cli.isAlive()) {
                port = Pattern.compile("http://localhost:(\\d+)/metrics").matcher(out.toString());
                if (port.find()) {
                    break;
                }
                port = null;
                Thread.sleep(50);
            }
            assertThat(port).as("started; out: %s err: %s", out, err).isNotNull();
            assertThat(out.toString()).contains("Created topics: ", "cli.uploads", "cli.signals",
                    "Assay stream instance 'cli-1' of 'cli-test': cli.uploads -> cli.verdicts");

            JsonMapper json = JsonMapper.builder().build();
            try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>("cli.uploads", "u-1", json.writeValueAsBytes(
                        Map.of("id", "u-1", "path", "cyan.png", "context", Map.of("platform", "example-social"))))).get();
            }
            JsonNode verdict = null;
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of("cli.verdicts"));
                end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (verdict == null && System.nanoTime() < end) {
                    for (var r : c.poll(Duration.ofMillis(200))) {
                        verdict = json.readTree(r.value());
                    }
                }
            }
            assertThat(verdict).as("a verdict; err: %s", err).isNotNull();
            assertThat(verdict.get("uploadId").asString()).isEqualTo("u-1");
            assertThat(verdict.get("instance").asString()).isEqualTo("cli-1");
            assertThat(verdict.get("label").asString()).isEqualTo("none");
            assertThat(verdict.get("verdict").get("asset").get("name").asString()).isEqualTo("u-1");

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port.group(1) + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            cli.interrupt();
            cli.join(60_000);
            assertThat(cli.isAlive()).isFalse();
            assertThat(code.get()).isEqualTo(130);
            assertThat(err.toString()).doesNotContain("Exception");
        }
    }
}
