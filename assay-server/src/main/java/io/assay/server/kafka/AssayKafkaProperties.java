package io.assay.server.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The server's Kafka link ({@code assay.kafka.*}); off unless {@code assay.kafka.bootstrap} is set.
 *
 * @param bootstrap    Kafka bootstrap servers, {@code host:port[,host:port]}
 * @param verdictTopic where each stored verdict is published (default {@code assay.verdicts}, the topic stream
 *                     instances write, in the same event shape)
 * @param instance     the {@code instance} field of the events (default {@code server})
 * @param queue        verdicts waiting to be sent; beyond it new ones are dropped and counted (default 10000)
 * @param signalsTopic when set, every bank entry added or retracted through this server is published to this
 *                     compacted topic (key: entry id; a retraction is a tombstone), the one stream instances read
 * @param publishBanksAtStart with {@code signalsTopic}: also publish every live entry once at start (a backfill)
 * @param producer     extra Kafka producer properties (security, compression...)
 */
@ConfigurationProperties("assay.kafka")
public record AssayKafkaProperties(String bootstrap, String verdictTopic, String instance, Integer queue,
                                   String signalsTopic, boolean publishBanksAtStart, Map<String, String> producer) {

    public AssayKafkaProperties {
        verdictTopic = verdictTopic == null || verdictTopic.isBlank() ? "assay.verdicts" : verdictTopic;
        instance = instance == null || instance.isBlank() ? "server" : instance;
        queue = queue == null ? 10_000 : queue;
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
