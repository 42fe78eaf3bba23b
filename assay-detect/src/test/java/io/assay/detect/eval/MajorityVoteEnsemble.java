package io.assay.detect.eval;

import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorResult;
import io.assay.detect.Ensemble;
import io.assay.detect.EnsembleResult;
import io.assay.detect.Vote;

import java.util.List;

/**
 * A real test ensemble: one vote per applicable detector; synthetic or authentic when that side has a strict
 * majority of the votes cast, otherwise uncertain. Its score is the mean of the applicable detectors' scores.
 */
final class MajorityVoteEnsemble implements Ensemble {

    @Override
    public EnsembleResult combine(List<DetectorResult> results, ContentProfile profile) {
        List<DetectorResult> counted = results.stream().filter(r -> r.vote() != Vote.NOT_APPLICABLE).toList();
        if (counted.isEmpty()) {
            return new EnsembleResult(EnsembleResult.Outcome.NOT_APPLICABLE, Double.NaN, 0, 0, 0, results,
                    List.of("no detector applies"));
        }
        double high = counted.stream().filter(r -> r.vote() == Vote.HIGH).count();
        double low = counted.stream().filter(r -> r.vote() == Vote.LOW).count();
        double required = Math.floor(counted.size() / 2.0) + 1;
        EnsembleResult.Outcome o = high >= required ? EnsembleResult.Outcome.SYNTHETIC
                : low >= required ? EnsembleResult.Outcome.AUTHENTIC : EnsembleResult.Outcome.UNCERTAIN;
        double score = counted.stream().mapToDouble(DetectorResult::score).average().orElse(Double.NaN);
        return new EnsembleResult(o, score, high, low, required, results,
                List.of((int) high + " of " + counted.size() + " votes synthetic, " + (int) low + " authentic"));
    }
}
