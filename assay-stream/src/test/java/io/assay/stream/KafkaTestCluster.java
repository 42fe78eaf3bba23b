package io.assay.stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real single-node KRaft broker (controller and broker combined) inside the test JVM, from Kafka's own test kit. */
final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;

    KafkaTestCluster() throws Exception {
        kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "4")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // a killed instance's open transaction is aborted soon after its timeout
                .setConfigProp("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                .setConfigProp("log.cleaner.backoff.ms", "1000")
                // uploads carry their media inline: allow records of a few MB (1 MP JPEGs in base64 JSON)
                .setConfigProp("message.max.bytes", "8388608")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
    }

    String bootstrap() {
        return kit.bootstrapServers();
    }

    /** Stream settings for tests: a killed member leaves the group after 6 s, its transaction aborts after 5 s. */
    static Map<String, String> fastFailover() {
        return Map.of(
                "consumer.session.timeout.ms", "6000",
                "consumer.heartbeat.interval.ms", "1000",
                "producer.transaction.timeout.ms", "5000",
                "commit.interval.ms", "100");
    }

    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "8388608",
                // the benchmark saturates the broker's core with large records: one request at a time, long timeouts
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "120000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000"),
                new StringSerializer(), new ByteArraySerializer());
    }

    KafkaConsumer<String, byte[]> committedReader(String topic) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        return c;
    }

    /** Everything committed on the topic so far (up to the last stable offset of each partition). */
    static List<ConsumerRecord<String, byte[]>> drain(KafkaConsumer<String, byte[]> c) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        while (true) {
            var batch = c.poll(Duration.ofMillis(200));
            batch.forEach(out::add);
            if (batch.isEmpty()) {
                return out;
            }
        }
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
