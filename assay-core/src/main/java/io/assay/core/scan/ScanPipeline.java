package io.assay.core.scan;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerFailure;
import io.assay.core.analyzer.Sha256Analyzer;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.policy.Decision;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.media.MediaAsset;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * asset -> analyzers (in parallel, each time-bounded) -> evidence -> label policy -> verdict. The same object serves
 * the CLI, the server and stream processors; it is thread-safe and holds no per-scan state.
 */
public final class ScanPipeline implements AutoCloseable {

    private final List<Analyzer> analyzers;
    private final java.util.function.Supplier<LabelPolicy> policy;
    private final Duration analyzerTimeout;
    private final ExecutorService executor;
    private final Clock clock;

    public ScanPipeline(List<Analyzer> analyzers, LabelPolicy policy, Duration analyzerTimeout) {
        this(analyzers, policy, analyzerTimeout, Clock.systemUTC());
    }

    public ScanPipeline(List<Analyzer> analyzers, LabelPolicy policy, Duration analyzerTimeout, Clock clock) {
        this(analyzers, () -> policy, analyzerTimeout, clock);
        java.util.Objects.requireNonNull(policy, "policy");
    }

    /**
     * A pipeline whose label policy can change while it runs (a server's incident-mode switch): each scan decides
     * with the policy the supplier gives at that moment.
     */
    public ScanPipeline(List<Analyzer> analyzers, java.util.function.Supplier<LabelPolicy> policy,
                        Duration analyzerTimeout, Clock clock) {
        this.analyzers = List.copyOf(analyzers);
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.analyzerTimeout = analyzerTimeout;
        this.clock = clock;
        // Virtual threads: analyzers mostly wait on I/O, and a stuck one costs no platform thread.
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("assay-analyzer-", 0).factory());
    }

    public List<Analyzer> analyzers() {
        return analyzers;
    }

    /** The policy in effect now. */
    public LabelPolicy policy() {
        return policy.get();
    }

    public Verdict scan(MediaAsset asset, ScanContext context) {
        ScanContext ctx = context == null ? ScanContext.NONE : context;
        long start = System.nanoTime();
        Map<Analyzer, Future<List<Evidence>>> running = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();
        for (Analyzer a : analyzers) {
            if (a.supports(asset.mediaType())) {
                running.put(a, executor.submit(() -> timed(a, asset, ctx, millis)));
            }
        }
        long deadline = start + analyzerTimeout.toNanos();
        List<Evidence> evidence = new ArrayList<>();
        List<AnalyzerFailure> failures = new ArrayList<>();
        for (Map.Entry<Analyzer, Future<List<Evidence>>> e : running.entrySet()) {
            String name = e.getKey().name();
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                evidence.addAll(e.getValue().get(wait, TimeUnit.NANOSECONDS));
            } catch (TimeoutException te) {
                e.getValue().cancel(true);
                failures.add(new AnalyzerFailure(name, "did not finish within " + analyzerTimeout.toMillis() + " ms"));
            } catch (ExecutionException ee) {
                failures.add(new AnalyzerFailure(name, describe(ee.getCause())));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                running.values().forEach(f -> f.cancel(true));
                failures.add(new AnalyzerFailure(name, "scan interrupted"));
                break;
            }
        }
        LabelPolicy current = policy.get();
        Decision decision = current.decide(evidence, ctx);
        String sha256 = evidence.stream()
                .filter(ev -> ev.kind() == EvidenceKind.IDENTITY && Sha256Analyzer.NAME.equals(ev.source()))
                .map(ev -> String.valueOf(ev.details().get("sha256"))).findFirst().orElse(null);
        AssetSummary summary = new AssetSummary(asset.name(), asset.mediaType(), asset.size(), sha256);
        Timings timings;
        synchronized (millis) {
            timings = new Timings((System.nanoTime() - start) / 1e6, millis);
        }
        return Verdict.of(summary, decision, evidence, failures, ctx, current.config().name(), timings, clock.instant());
    }

    /**
     * The verdict decided again by the policy with more evidence added (a reviewer's decision the caller looked up
     * for these bytes); analyzers do not run again, timings and time stay the scan's.
     */
    public Verdict withEvidence(Verdict verdict, List<Evidence> more) {
        List<Evidence> all = new ArrayList<>(more);
        all.addAll(verdict.evidence());
        Decision decision = policy.get().decide(all, verdict.context());
        return Verdict.of(verdict.asset(), decision, all, verdict.failures(), verdict.context(), verdict.policy(),
                verdict.timings(), verdict.scannedAt()).withId(verdict.id());
    }

    private static List<Evidence> timed(Analyzer a, MediaAsset asset, ScanContext ctx, Map<String, Double> millis) throws Exception {
        long t0 = System.nanoTime();
        try {
            List<Evidence> found = a.analyze(asset, ctx);
            return found == null ? List.of() : List.copyOf(found);
        } catch (StackOverflowError e) {
            // Deeply nested containers can exhaust a parser's recursion; report it as this analyzer's failure.
            throw new IllegalStateException("structure nested too deeply to read");
        } finally {
            synchronized (millis) {
                millis.put(a.name(), (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** A one-line, user-safe description of an analyzer's exception (no stack trace). */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        String type = t.getClass().getSimpleName();
        if (msg == null || msg.isBlank()) {
            return type;
        }
        msg = msg.lines().findFirst().orElse(msg);
        return msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
    }

    /** Stops the analyzer threads and closes the analyzers that hold resources (ONNX sessions, for one). */
    @Override
    public void close() {
        executor.shutdownNow();
        for (Analyzer a : analyzers) {
            if (a instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing at shutdown: nothing to recover; the others still get closed
                }
            }
        }
    }
}
