package io.assay.detect.eval;

import io.assay.detect.ContentProbe;
import io.assay.detect.ContentProfile;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.DetectorResult;
import io.assay.detect.Ensemble;
import io.assay.detect.EnsembleResult;
import io.assay.detect.Vote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs every detector (and the ensemble over their results) on every item of a dataset under each robustness
 * condition, and computes the figures of each row with bootstrap intervals.
 *
 * <p>Each detector call runs on its own virtual thread and is abandoned (interrupted) after the settings' timeout;
 * it then counts as "not applicable" for that item, like a detector that declines or throws. Items are evaluated
 * {@link EvaluationSettings#threads()} at a time; only their scores are kept, so memory does not grow with the
 * media.
 */
public final class Evaluator {

    private final EvaluationSettings settings;
    private final Consumer<String> log;

    public Evaluator(EvaluationSettings settings, Consumer<String> log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = log == null ? s -> { } : log;
    }

    /**
     * Evaluates the detectors and, when {@code ensemble} is not null, the ensemble's combined score as one more row.
     *
     * @param probes content probes whose merged profile the ensemble receives (may be empty)
     * @param notes  notes from the caller for the report (how the data was made)
     */
    public Evaluation evaluate(Dataset dataset, List<Detector> detectors, Ensemble ensemble, List<ContentProbe> probes,
                               List<String> notes) throws InterruptedException {
        List<DetectorInfo> infos = detectors.stream().map(Detector::info).toList();
        Set<String> ids = new HashSet<>();
        for (DetectorInfo i : infos) {
            if (!ids.add(i.id()) || i.id().equals(Evaluation.ENSEMBLE_ROW)) {
                throw new IllegalArgumentException("detector id '" + i.id() + "' is used twice or is reserved");
            }
        }
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("no detector to evaluate");
        }
        long t0 = System.nanoTime();
        java.time.Instant started = java.time.Instant.now();
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(dataset.notes());
        if (ensemble == null) {
            allNotes.add("no ensemble was given: the report has no ensemble row");
        }
        List<RowMetrics> rows = new ArrayList<>();
        Map<Condition, Double> conditionSeconds = new EnumMap<>(Condition.class);
        ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "assay-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Condition c : settings.conditions()) {
                List<DatasetItem> items = dataset.items().stream().filter(i -> c.appliesTo(i.kind())).toList();
                if (items.isEmpty()) {
                    allNotes.add("condition " + c.id() + " (" + c.description() + "): no items of the kinds it covers ("
                            + kindList(c) + "), left out");
                    continue;
                }
                long c0 = System.nanoTime();
                int rowCount = detectors.size() + (ensemble == null ? 0 : 1);
                Observation[][] obs = new Observation[rowCount][items.size()];
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    int index = i;
                    futures.add(workers.submit(() -> {
                        evaluateItem(c, items.get(index), index, detectors, infos, ensemble, probes, obs, calls);
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
                    }
                }
                for (int r = 0; r < rowCount; r++) {
                    boolean isEnsemble = r == detectors.size();
                    String id = isEnsemble ? Evaluation.ENSEMBLE_ROW : infos.get(r).id();
                    String rule = isEnsemble ? "outcome synthetic"
                            : "score >= " + java.math.BigDecimal.valueOf(infos.get(r).thresholds().high()).stripTrailingZeros()
                            .toPlainString();
                    rows.add(metrics(id, c, Arrays.asList(obs[r]), rule));
                }
                double secs = (System.nanoTime() - c0) / 1e9;
                conditionSeconds.put(c, secs);
                log.accept(String.format(Locale.ROOT, "%s: %d items, %d rows in %.1f s", c.id(), items.size(), rowCount, secs));
            }
        } finally {
            workers.shutdownNow();
            calls.shutdownNow(); // abandons calls that ignored their interrupt
        }
        Map<String, Long> kinds = new TreeMap<>();
        dataset.kinds().forEach((k, v) -> kinds.put(k.name().toLowerCase(Locale.ROOT), v));
        return new Evaluation(dataset.source(), dataset.count(Label.REAL), dataset.count(Label.FAKE), kinds, settings,
                infos, ensemble == null ? null : ensemble.getClass().getName(), rows, allNotes, started,
                (System.nanoTime() - t0) / 1e9, conditionSeconds);
    }

    private void evaluateItem(Condition c, DatasetItem item, int index, List<Detector> detectors, List<DetectorInfo> infos,
                              Ensemble ensemble, List<ContentProbe> probes, Observation[][] obs, ExecutorService calls)
            throws InterruptedException {
        Label label = item.label();
        DetectorInput input;
        try {
            input = ConditionInput.prepare(c, item);
        } catch (Exception e) {
            String why = (c == Condition.ORIGINAL ? "could not open: " : "could not make the " + c.id() + " copy: ")
                    + message(e);
            for (Observation[] row : obs) {
                row[index] = Observation.notApplicable(label, why, 0);
            }
            return;
        }
        try (input) {
            List<DetectorResult> results = new ArrayList<>();
            for (int k = 0; k < detectors.size(); k++) {
                DetectorInfo info = infos.get(k);
                Detector d = detectors.get(k);
                Attempt<DetectorOutcome> t = info.kinds().contains(item.kind())
                        ? bounded(() -> d.detect(input), calls)
                        : new Attempt<>(null, "does not score " + kindName(item), 0);
                DetectorOutcome outcome = t.value() != null ? t.value() : new DetectorOutcome.NotApplicable(t.failure());
                DetectorResult r = DetectorResult.of(info, outcome, t.millis());
                results.add(r);
                obs[k][index] = r.outcome() instanceof DetectorOutcome.Scored s
                        ? Observation.scored(label, s.score(), r.vote() == Vote.HIGH, t.millis())
                        : Observation.notApplicable(label, ((DetectorOutcome.NotApplicable) r.outcome()).reason(), t.millis());
            }
            if (ensemble != null) {
                obs[detectors.size()][index] = combine(ensemble, results, profile(probes, input, item, calls), label);
            }
        } catch (java.io.IOException e) {
            // close() of a spooled temporary file: the scores are already recorded
        }
    }

    private static Observation combine(Ensemble ensemble, List<DetectorResult> results, ContentProfile profile, Label label) {
        EnsembleResult er;
        try {
            er = ensemble.combine(results, profile);
        } catch (RuntimeException e) {
            return Observation.notApplicable(label, "ensemble failed: " + message(e), 0);
        }
        // The ensemble is covered whenever a vote counted (its score is defined), also when those votes were too few
        // for a verdict: leaving those items out would measure the ensemble on a self-selected subset.
        if (Double.isNaN(er.score())) {
            return Observation.notApplicable(label, er.reasons().isEmpty() ? "no detector counted" : er.reasons().getFirst(), 0);
        }
        return Observation.scored(label, er.score(), er.outcome() == EnsembleResult.Outcome.SYNTHETIC, 0);
    }

    /** The merged profile of the probes that cover the item's kind; a probe that fails or overruns adds nothing. */
    private ContentProfile profile(List<ContentProbe> probes, DetectorInput input, DatasetItem item, ExecutorService calls)
            throws InterruptedException {
        ContentProfile p = ContentProfile.UNKNOWN;
        for (ContentProbe probe : probes) {
            if (probe.kinds().contains(item.kind())) {
                Attempt<ContentProfile> t = bounded(() -> probe.probe(input), calls);
                if (t.value() != null) {
                    p = p.merge(t.value());
                }
            }
        }
        return p;
    }

    /** A call's result, or why there is none, and the time it took. */
    private record Attempt<T>(T value, String failure, double millis) {
    }

    /** Runs a call under the timeout; a timeout, an exception or a null result is a failure with its reason. */
    private <T> Attempt<T> bounded(Callable<T> call, ExecutorService calls) throws InterruptedException {
        long start = System.nanoTime();
        Future<T> f = calls.submit(call);
        T value = null;
        String failure = null;
        try {
            value = f.get(settings.detectorTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (value == null) {
                failure = "returned nothing";
            }
        } catch (TimeoutException e) {
            f.cancel(true);
            failure = "timed out after " + settings.detectorTimeout().toMillis() / 1000.0 + " s";
        } catch (ExecutionException e) {
            failure = "failed: " + message(e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
        return new Attempt<>(value, failure, (System.nanoTime() - start) / 1e6);
    }

    private RowMetrics metrics(String id, Condition c, List<Observation> obs, String rule) {
        ScoredSample sample = ScoredSample.of(obs);
        long seed = settings.seed() + 0x9E3779B97F4A7C15L * (31L * id.hashCode() + c.id().hashCode());
        Bootstrap.Intervals ci = Bootstrap.run(sample, settings.bootstrapRounds(), seed);
        ScoredSample.Summary s = sample.summary();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        obs.stream().filter(o -> !o.applied())
                .collect(java.util.stream.Collectors.groupingBy(Observation::reason, java.util.stream.Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .forEach(e -> reasons.put(e.getKey(), e.getValue().intValue()));
        // Over the items the row was run on (kind skips and failed copies cost nothing and would dilute it).
        double meanMillis = obs.stream().mapToDouble(Observation::millis).filter(m -> m > 0).average().orElse(Double.NaN);
        return new RowMetrics(id, c, obs.size(), sample.size(), sample.fakes(), sample.reals(), rule, ci.auc(), ci.eer(),
                ci.precision(), ci.recall(), s.f1(), s.accuracy(), sample.roc(), meanMillis, reasons);
    }

    private static String kindList(Condition c) {
        return c.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String kindName(DatasetItem item) {
        return item.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
