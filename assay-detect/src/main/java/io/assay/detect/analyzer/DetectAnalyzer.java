package io.assay.detect.analyzer;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.evidence.Evidence;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;
import io.assay.detect.ContentProbe;
import io.assay.detect.ContentProfile;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.DetectorResult;
import io.assay.detect.Ensemble;
import io.assay.detect.EnsembleResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code detect} analyzer: runs every detector and content probe that handles the asset's media kind in
 * parallel, each within its own time budget, feeds their results to the ensemble and reports one
 * {@link io.assay.core.evidence.EvidenceKind#DETECTION} with the ensemble's outcome and every detector's score and
 * vote (see {@link DetectionEvidence}). A detector that overruns is cancelled (its ONNX run is terminated) and
 * counts as not applicable, "timed out after N ms"; one that fails counts as not applicable with the failure.
 *
 * <p>Detectors run on platform threads: an ONNX inference is a long native call, which would pin a virtual
 * thread's carrier and starve the scan's other tasks.
 */
public final class DetectAnalyzer implements Analyzer, AutoCloseable {

    public static final String NAME = "detect";

    private final List<Detector> detectors;
    private final List<ContentProbe> probes;
    private final Ensemble ensemble;
    private final Duration timeout;
    private final DetectorInput.Limits limits;
    private final List<AutoCloseable> owned;
    private final ExecutorService executor;

    /**
     * @param owned resources closed with the analyzer (the ONNX detectors it loaded)
     */
    public DetectAnalyzer(List<Detector> detectors, List<ContentProbe> probes, Ensemble ensemble, Duration timeout,
                          DetectorInput.Limits limits, List<AutoCloseable> owned) {
        this.detectors = List.copyOf(detectors);
        this.probes = List.copyOf(probes);
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.owned = List.copyOf(owned);
        this.executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("assay-detect-", 0).factory());
    }

    public List<Detector> detectors() {
        return detectors;
    }

    public List<ContentProbe> probes() {
        return probes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only media some detector scores: content probes alone decide nothing. */
    @Override
    public boolean supports(MediaType type) {
        return detectors.stream().anyMatch(d -> d.info().kinds().contains(type.kind()));
    }

    @Override
    public List<Evidence> analyze(MediaAsset asset, ScanContext context) throws Exception {
        MediaType.Kind kind = asset.mediaType().kind();
        List<Detector> applicable = detectors.stream().filter(d -> d.info().kinds().contains(kind)).toList();
        if (applicable.isEmpty()) {
            return List.of();
        }
        try (DetectorInput input = new DetectorInput(asset, limits)) {
            String undecodable = decode(input, kind);
            List<DetectorResult> results = new ArrayList<>();
            ContentProfile profile = ContentProfile.UNKNOWN;
            if (undecodable != null) {
                for (Detector d : applicable) {
                    results.add(DetectorResult.of(d.info(), new DetectorOutcome.NotApplicable(undecodable), 0));
                }
            } else {
                Map<Detector, Future<DetectorOutcome>> scoring = new LinkedHashMap<>();
                Map<ContentProbe, Future<ContentProfile>> probing = new LinkedHashMap<>();
                long start = System.nanoTime();
                Map<Object, Long> finished = new java.util.concurrent.ConcurrentHashMap<>();
                for (Detector d : applicable) {
                    scoring.put(d, executor.submit(() -> {
                        try {
                            return d.detect(input);
                        } finally {
                            finished.put(d, System.nanoTime());
                        }
                    }));
                }
                // Probes only matter for votes that count; experimental detectors that do not count need none.
                boolean counting = applicable.stream().anyMatch(d -> ensemble.counts(d.info()));
                for (ContentProbe p : counting ? probes : List.<ContentProbe>of()) {
                    if (p.kinds().contains(kind)) {
                        probing.put(p, executor.submit(() -> p.probe(input)));
                    }
                }
                long deadline = start + timeout.toNanos();
                for (Map.Entry<Detector, Future<DetectorOutcome>> e : scoring.entrySet()) {
                    DetectorOutcome outcome = await(e.getValue(), deadline);
                    long end = finished.getOrDefault(e.getKey(), System.nanoTime());
                    double millis = (Math.min(end, System.nanoTime()) - start) / 1e6;
                    results.add(DetectorResult.of(e.getKey().info(), outcome, millis));
                }
                for (Map.Entry<ContentProbe, Future<ContentProfile>> e : probing.entrySet()) {
                    profile = profile.merge(probe(e.getKey(), e.getValue(), deadline));
                }
            }
            EnsembleResult combined = ensemble.combine(results, profile);
            return List.of(DetectionEvidence.of(combined, profile));
        }
    }

    /**
     * Decodes what the detectors of this kind share, outside their time budgets; null, or why no detector can use
     * the asset. A video's frames are decoded ahead too, but a video whose frames fail may still have sound for the
     * audio detectors, so that failure is left to each detector to report.
     */
    private static String decode(DetectorInput input, MediaType.Kind kind) throws InterruptedException {
        try {
            switch (kind) {
                case IMAGE -> input.image();
                case AUDIO -> input.audio();
                case VIDEO -> {
                    try {
                        input.frames();
                    } catch (IOException e) {
                        return null;
                    }
                }
                default -> {
                    return "not an image, video or sound";
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("scan interrupted while decoding");
            }
            return "cannot decode the " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + oneLine(e);
        }
    }

    private DetectorOutcome await(Future<DetectorOutcome> f, long deadline) throws InterruptedException {
        try {
            DetectorOutcome o = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return o == null ? new DetectorOutcome.NotApplicable("returned nothing") : o;
        } catch (TimeoutException e) {
            f.cancel(true);
            return new DetectorOutcome.NotApplicable("timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new DetectorOutcome.NotApplicable("failed: " + oneLine(e.getCause()));
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    private ContentProfile probe(ContentProbe p, Future<ContentProfile> f, long deadline) throws InterruptedException {
        try {
            ContentProfile found = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return found == null ? ContentProfile.UNKNOWN : found;
        } catch (TimeoutException e) {
            f.cancel(true);
            return note(p.id() + ": timed out after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return note(p.id() + ": failed: " + oneLine(e.getCause()));
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    private static ContentProfile note(String line) {
        return new ContentProfile(null, null, null, null, List.of(line));
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        m = m.lines().findFirst().orElse(m);
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    @Override
    public void close() throws Exception {
        executor.shutdownNow();
        Exception first = null;
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
