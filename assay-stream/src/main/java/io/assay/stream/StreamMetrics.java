package io.assay.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instance's own meters (Kafka's client and stream metrics, lag included, are bound beside them by
 * {@link AssayStream}): verdicts by label, dead letters by reason, scan and end-to-end latency, time per analyzer,
 * bank size, signal propagation time and retro-hunt hits.
 */
final class StreamMetrics {

    private final MeterRegistry registry;
    private final Timer scan;
    private final Timer endToEnd;
    private final Timer propagation;
    private final Counter badSignals;
    private final Counter retroHuntHits;
    private final AtomicLong bankEntries = new AtomicLong();

    StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.scan = Timer.builder("assay.stream.scan").description("Time to scan one upload (all analyzers and the policy)")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.endToEnd = Timer.builder("assay.stream.end.to.end")
                .description("From the upload record's timestamp to its verdict").publishPercentiles(0.5, 0.99).register(registry);
        this.propagation = Timer.builder("assay.stream.signal.propagation")
                .description("From a signal's publication to its use by this instance's bank").register(registry);
        this.badSignals = Counter.builder("assay.stream.signals.rejected").description("Signals skipped as malformed")
                .register(registry);
        this.retroHuntHits = Counter.builder("assay.stream.retro.hunt.hits")
                .description("Past uploads found by a new signal").register(registry);
        registry.gauge("assay.stream.bank.entries", bankEntries);
    }

    MeterRegistry registry() {
        return registry;
    }

    void verdict(String label, long scanNanos, long recordTimestamp, Map<String, Double> analyzersMillis) {
        Counter.builder("assay.stream.uploads").tag("outcome", "verdict").tag("label", label).tag("reason", "").register(registry).increment();
        scan.record(scanNanos, TimeUnit.NANOSECONDS);
        if (recordTimestamp > 0) {
            endToEnd.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - recordTimestamp)));
        }
        analyzersMillis.forEach((name, ms) -> Timer.builder("assay.stream.analyzer").tag("analyzer", name)
                .description("Time of one analyzer on one upload").register(registry)
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS));
    }

    void deadLetter(String reason) {
        Counter.builder("assay.stream.uploads").tag("outcome", "dead-letter").tag("label", "").tag("reason", reason)
                .register(registry).increment();
    }

    void badSignal() {
        badSignals.increment();
    }

    void bankSize(int n) {
        bankEntries.set(n);
    }

    void signalApplied(long publishedMillis) {
        if (publishedMillis > 0) {
            propagation.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - publishedMillis)));
        }
    }

    void retroHuntHit() {
        retroHuntHits.increment();
    }
}
