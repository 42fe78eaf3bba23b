package io.assay.detect.eval;

import io.assay.detect.DetectorInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation: one {@link RowMetrics} per detector (and the ensemble) per condition.
 *
 * @param dataset   where the data came from
 * @param reals     real items in the dataset
 * @param fakes     fake items in the dataset
 * @param kinds     items per media kind
 * @param settings  how it ran
 * @param detectors the detectors evaluated
 * @param ensemble  the ensemble's class name, null when there was none (no ensemble row)
 * @param rows      the figures, condition by condition in the settings' order, detectors first, then the ensemble
 * @param notes     what the reader should know (skipped files, empty conditions, missing audio)
 * @param started   when it started
 * @param seconds   how long it took, in total
 * @param conditionSeconds seconds per condition (scoring only, bootstrap included)
 */
public record Evaluation(Path dataset, long reals, long fakes, Map<String, Long> kinds, EvaluationSettings settings,
                         List<DetectorInfo> detectors, String ensemble, List<RowMetrics> rows, List<String> notes,
                         Instant started, double seconds, Map<Condition, Double> conditionSeconds) {

    /** The id of the ensemble's row. */
    public static final String ENSEMBLE_ROW = "ensemble";

    public Evaluation {
        kinds = Map.copyOf(kinds);
        detectors = List.copyOf(detectors);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        conditionSeconds = Map.copyOf(conditionSeconds);
    }

    public List<RowMetrics> rows(Condition c) {
        return rows.stream().filter(r -> r.condition() == c).toList();
    }

    /** The conditions that had items, in order. */
    public List<Condition> conditions() {
        return settings.conditions().stream().filter(c -> !rows(c).isEmpty()).toList();
    }
}
