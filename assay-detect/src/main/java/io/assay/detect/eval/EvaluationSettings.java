package io.assay.detect.eval;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an evaluation runs.
 *
 * @param conditions      the robustness conditions, each a block of the report
 * @param bootstrapRounds resamples per confidence interval (0: no intervals)
 * @param seed            the bootstrap's seed: the same seed and data give the same report
 * @param detectorTimeout time one detector may take on one item before it counts as "not applicable"
 * @param threads         items evaluated at once
 */
public record EvaluationSettings(List<Condition> conditions, int bootstrapRounds, long seed, Duration detectorTimeout,
                                 int threads) {

    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final long DEFAULT_SEED = 20_261_125L;
    public static final int MAX_BOOTSTRAP = 100_000;

    public EvaluationSettings {
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("no condition to evaluate");
        }
        if (bootstrapRounds < 0 || bootstrapRounds > MAX_BOOTSTRAP) {
            throw new IllegalArgumentException("bootstrap rounds must be within 0.." + MAX_BOOTSTRAP + ": " + bootstrapRounds);
        }
        Objects.requireNonNull(detectorTimeout, "detectorTimeout");
        if (detectorTimeout.isNegative() || detectorTimeout.isZero()) {
            throw new IllegalArgumentException("the detector timeout must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    public static EvaluationSettings defaults() {
        return new EvaluationSettings(List.of(Condition.values()), DEFAULT_BOOTSTRAP, DEFAULT_SEED, Duration.ofSeconds(60),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public EvaluationSettings withConditions(List<Condition> c) {
        return new EvaluationSettings(c, bootstrapRounds, seed, detectorTimeout, threads);
    }

    public EvaluationSettings withBootstrap(int rounds, long s) {
        return new EvaluationSettings(conditions, rounds, s, detectorTimeout, threads);
    }

    public EvaluationSettings withDetectorTimeout(Duration t) {
        return new EvaluationSettings(conditions, bootstrapRounds, seed, t, threads);
    }

    public EvaluationSettings withThreads(int t) {
        return new EvaluationSettings(conditions, bootstrapRounds, seed, detectorTimeout, t);
    }
}
