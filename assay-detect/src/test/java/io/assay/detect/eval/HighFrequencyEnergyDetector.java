package io.assay.detect.eval;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.Thresholds;

import java.util.Map;
import java.util.Set;

/**
 * A real (weak) test detector: upsampled images lack the finest detail, so the mean absolute Laplacian (the highest
 * frequencies) is small relative to the mean absolute gradient. Score: 1 - that ratio / 2, clipped.
 */
final class HighFrequencyEnergyDetector implements Detector {

    static final DetectorInfo INFO = new DetectorInfo("hf-energy", "High-frequency energy (test)", "1",
            Set.of(MediaType.Kind.IMAGE, MediaType.Kind.VIDEO), new Thresholds(0.45, 0.55), false, true, Competence.ANY,
            "Apache-2.0", "nothing: a test detector");

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        Luma l = Luma.of(input.image());
        double lap = 0, grad = 0;
        for (int y = 1; y + 1 < l.h; y++) {
            for (int x = 1; x + 1 < l.w; x++) {
                double c = l.at(x, y);
                lap += Math.abs(4 * c - l.at(x - 1, y) - l.at(x + 1, y) - l.at(x, y - 1) - l.at(x, y + 1));
                grad += Math.abs(l.at(x + 1, y) - c) + Math.abs(l.at(x, y + 1) - c);
            }
        }
        if (grad < 1e-6) {
            return new DetectorOutcome.NotApplicable("flat image: no detail to measure");
        }
        double ratio = lap / grad;
        return new DetectorOutcome.Scored(Math.max(0, Math.min(1, 1 - ratio / 2)), Map.of("laplacian_to_gradient", ratio));
    }
}
