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
 * A real (weak) test detector for 2x upsampling traces: natural pixels look alike at even and odd positions, an
 * image upsampled by two does not. It compares, between the two pixel phases and along both axes, the mean absolute
 * first difference (nearest neighbour leaves zeros in one phase), the mean absolute second difference (linear
 * interpolation leaves zeros) and the signed mean first difference (a gain ripple, the checkerboard).
 */
final class PeriodTwoDetector implements Detector {

    static final DetectorInfo INFO = new DetectorInfo("period-two", "Period-2 resampling trace (test)", "1",
            Set.of(MediaType.Kind.IMAGE), new Thresholds(0.3, 0.6), false, true, Competence.ANY, "Apache-2.0",
            "nothing: a test detector");

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        Luma l = Luma.of(input.image());
        if (l.w < 8 || l.h < 8) {
            return new DetectorOutcome.NotApplicable("image smaller than 8x8");
        }
        double f = Math.max(asymmetry(l, true), asymmetry(l, false));
        double score = 1 - Math.exp(-4 * f);
        return new DetectorOutcome.Scored(score, Map.of("asymmetry", f));
    }

    /** The largest of the three phase contrasts along one axis. */
    private static double asymmetry(Luma l, boolean horizontal) {
        double[] abs1 = new double[2], abs2 = new double[2], signed1 = new double[2];
        long[] n = new long[2];
        int len = horizontal ? l.w : l.h, other = horizontal ? l.h : l.w;
        for (int j = 0; j < other; j++) {
            for (int i = 1; i + 1 < len; i++) {
                double a = horizontal ? l.at(i - 1, j) : l.at(j, i - 1);
                double b = horizontal ? l.at(i, j) : l.at(j, i);
                double c = horizontal ? l.at(i + 1, j) : l.at(j, i + 1);
                int phase = i & 1;
                abs1[phase] += Math.abs(c - b);
                signed1[phase] += c - b;
                abs2[phase] += Math.abs(a - 2 * b + c);
                n[phase]++;
            }
        }
        double d1 = contrast(abs1[0] / n[0], abs1[1] / n[1]);
        double d2 = contrast(abs2[0] / n[0], abs2[1] / n[1]);
        double ripple = Math.abs(signed1[0] / n[0] - signed1[1] / n[1]) / (abs1[0] / n[0] + abs1[1] / n[1] + 1e-9);
        return Math.max(ripple, Math.max(d1, d2));
    }

    private static double contrast(double a, double b) {
        return Math.abs(a - b) / (a + b + 1e-9);
    }
}
