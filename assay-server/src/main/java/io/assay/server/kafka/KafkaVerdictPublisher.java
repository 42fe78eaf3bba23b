package io.assay.server.kafka;

import io.assay.core.scan.Verdict;
import io.assay.stream.VerdictEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each stored verdict to the verdicts topic, keyed by the scan id, in the event shape of the stream
 * instances ({@link VerdictEvents}). A scan never waits for Kafka: verdicts are handed to one sender thread through
 * a bounded queue; when Kafka is down the queue fills and further verdicts are dropped and counted
 * ({@code assay_kafka_verdicts_total{outcome="dropped"}}), never failing the scan. Delivery is at least once (an
 * idempotent producer with retries; the verdict is already in PostgreSQL, which stays the record). With
 * {@code assay.kafka.signals-topic} set, bank entries added and retracted here go to the signals topic too, in the
 * stream's {@link io.assay.stream.SignalEvent} shape, so stream instances match against the server's banks.
 */
public final class KafkaVerdictPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaVerdictPublisher.class);

    private final AssayKafkaProperties props;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;

    public KafkaVerdictPublisher(AssayKafkaProperties props, JsonMapper json, MeterRegistry meters) {
        this.props = props;
        this.json = json;
        this.meters = meters;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrap());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "assay-server-" + props.instance());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(props.producer());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(props.queue()),
                r -> {
                    Thread t = new Thread(r, "assay-kafka-verdicts");
                    t.setDaemon(true);
                    return t;
                });
        log.info("Publishing verdicts to Kafka topic '{}' at {}", props.verdictTopic(), props.bootstrap());
    }

    /** Queues a stored verdict for publication; returns at once. */
    public void publish(Verdict stored) {
        if (stored == null || stored.id() == null) {
            return;
        }
        try {
            sender.execute(() -> send(stored));
        } catch (RejectedExecutionException e) {
            count("dropped");
        }
    }

    private void send(Verdict v) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(VerdictEvents.of(v.id(), props.instance(), v, v.timings().totalMillis()));
        } catch (RuntimeException e) {
            count("failed");
            log.warn("Verdict {} could not be written as JSON: {}", v.id(), e.getMessage());
            return;
        }
        try {
            producer.send(new ProducerRecord<>(props.verdictTopic(), v.id(), value), (md, e) -> {
                if (e == null) {
                    count("sent");
                } else {
                    count("failed");
                    log.warn("Verdict {} was not published to Kafka: {}", v.id(), e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            count("failed");
            log.warn("Verdict {} was not published to Kafka: {}", v.id(), e.getMessage());
        }
    }

    /** Queues a bank change for the signals topic: the entry, or a tombstone once it is retracted. */
    public void publishEntry(io.assay.server.bank.EntryRecord e) {
        if (props.signalsTopic() == null || e == null) {
            return;
        }
        try {
            sender.execute(() -> {
                byte[] value = e.retractedAt() != null ? null : json.writeValueAsBytes(new io.assay.stream.SignalEvent(
                        e.bank(), e.signalType(), e.signal(), e.quality(), e.label(), e.reason(), e.debunkUrl(),
                        e.election(), e.candidate(), e.addedBy(), e.addedAt()));
                try {
                    producer.send(new ProducerRecord<>(props.signalsTopic(), Long.toString(e.id()), value), (md, ex) -> {
                        meters.counter("assay.kafka.signals", "outcome", ex == null ? "sent" : "failed").increment();
                        if (ex != null) {
                            log.warn("Bank entry {} was not published to Kafka: {}", e.id(), ex.getMessage());
                        }
                    });
                } catch (RuntimeException ex) {
                    meters.counter("assay.kafka.signals", "outcome", "failed").increment();
                    log.warn("Bank entry {} was not published to Kafka: {}", e.id(), ex.getMessage());
                }
            });
        } catch (RejectedExecutionException ex) {
            meters.counter("assay.kafka.signals", "outcome", "dropped").increment();
        }
    }

    private void count(String outcome) {
        meters.counter("assay.kafka.verdicts", "outcome", outcome).increment();
    }

    /** Sends what is queued (up to 10 s), then closes the producer. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
