package io.assay.server.kafka;

import io.assay.server.bank.BankEntriesChanged;
import io.assay.server.bank.BankService;
import io.assay.server.scan.VerdictStored;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's Kafka link, on when {@code assay.kafka.bootstrap} is set: every verdict the scan service stores is
 * published to {@code assay.kafka.verdict-topic}, and with {@code assay.kafka.signals-topic} every bank entry added
 * or retracted to that topic. It listens to the events those services publish once a verdict or entry is stored
 * ({@link VerdictStored}, {@link BankEntriesChanged}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssayKafkaProperties.class)
@ConditionalOnProperty(prefix = "assay.kafka", name = "bootstrap")
public class KafkaConfig {

    @Bean(destroyMethod = "close")
    KafkaVerdictPublisher kafkaVerdictPublisher(AssayKafkaProperties props, JsonMapper json, MeterRegistry meters) {
        return new KafkaVerdictPublisher(props, json, meters);
    }

    /** {@code assay.kafka.publish-banks-at-start}: every live entry of every bank, once, when the server is ready. */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> backfillSignals(
            AssayKafkaProperties props, BankService banks, KafkaVerdictPublisher publisher) {
        return event -> {
            if (props.signalsTopic() != null && props.publishBanksAtStart()) {
                for (var bank : banks.banks()) {
                    banks.entries(bank.name(), false, Integer.MAX_VALUE).forEach(publisher::publishEntry);
                }
            }
        };
    }

    /** Passes stored verdicts and bank changes on to Kafka. */
    @Bean
    KafkaEventRelay kafkaEventRelay(KafkaVerdictPublisher publisher) {
        return new KafkaEventRelay(publisher);
    }

    /** Listens to the events the scan and bank services publish once something is stored. */
    static final class KafkaEventRelay {

        private final KafkaVerdictPublisher publisher;

        KafkaEventRelay(KafkaVerdictPublisher publisher) {
            this.publisher = publisher;
        }

        /** A verdict the scan service stored (API, console alike). */
        @EventListener
        void onVerdict(VerdictStored event) {
            publisher.publish(event.verdict());
        }

        /** Bank entries added or retracted, whoever asked (API, console, review confirmation, exchange sync). */
        @EventListener
        void onBankChange(BankEntriesChanged event) {
            event.entries().forEach(publisher::publishEntry);
        }
    }
}
