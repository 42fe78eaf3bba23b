package io.assay.stream;

import io.assay.hash.bank.BankEntry;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.SignalBank;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The global-store processor of the signals topic: every instance runs it over every partition (also while
 * restoring at start), keeping the store, the in-memory {@link SignalBank} the scans match against, and the
 * {@link SignalFeed} of additions for retro-hunts in step. A malformed signal is logged and skipped: it never
 * stops the instance.
 */
final class SignalsProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SignalsProcessor.class);

    private final String storeName;
    private final SignalBank bank;
    private final SignalFeed feed;
    private final StreamMetrics metrics;
    private final JsonMapper json;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    SignalsProcessor(String storeName, SignalBank bank, SignalFeed feed, StreamMetrics metrics, JsonMapper json) {
        this.storeName = storeName;
        this.bank = bank;
        this.feed = feed;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        long id;
        try {
            id = Long.parseLong(record.key() == null ? "" : record.key().strip());
        } catch (NumberFormatException e) {
            metrics.badSignal();
            log.warn("Skipped a signal whose key is not a numeric entry id: '{}'", record.key());
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            if (bank.remove(id)) {
                log.info("Signal {} retracted", id);
            }
            metrics.bankSize(bank.size());
            return;
        }
        BankEntry entry;
        try {
            entry = json.readValue(record.value(), SignalEvent.class).toEntry(id);
        } catch (RuntimeException e) {
            metrics.badSignal();
            log.warn("Skipped signal {}: {}", id, StreamErrors.describe(e));
            return;
        }
        if (bank.thresholds(entry.bank()).isEmpty()) {
            bank.putBank(entry.bank(), MatchThresholds.DEFAULTS);
        }
        bank.remove(id); // an update replaces the entry
        try {
            bank.add(entry);
        } catch (IllegalArgumentException e) {
            metrics.badSignal();
            log.warn("Skipped signal {}: {}", id, StreamErrors.describe(e));
            return;
        }
        store.put(record.key(), record.value());
        RecordMetadata md = context.recordMetadata().orElse(null);
        if (md != null) {
            feed.add(new SignalFeed.Item(md.partition(), md.offset(), record.timestamp(), entry));
        }
        metrics.bankSize(bank.size());
        metrics.signalApplied(record.timestamp());
    }
}
