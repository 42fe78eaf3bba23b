package io.assay.cli;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.Thresholds;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;

/**
 * A real detector registered for {@code assay eval} tests only (src/test/resources/META-INF/services): images
 * upsampled 2x have unequal mean absolute differences between even and odd pixel pairs (nearest neighbour leaves
 * zeros in one phase); natural images do not. Score: that contrast, rows and columns, green channel.
 */
public final class EvalTestDetector implements Detector {

    static final DetectorInfo INFO = new DetectorInfo("test-phase-contrast", "Phase contrast (assay-cli test)", "1",
            Set.of(MediaType.Kind.IMAGE), new Thresholds(0.2, 0.5), false, true, Competence.ANY, "Apache-2.0",
            "nothing: a test detector");

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        BufferedImage img = input.image();
        int w = img.getWidth(), h = img.getHeight();
        if (w < 4 || h < 4) {
            return new DetectorOutcome.NotApplicable("image smaller than 4x4");
        }
        double[] d = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x + 1 < w; x++) {
                d[x & 1] += Math.abs(green(img, x + 1, y) - green(img, x, y));
            }
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y + 1 < h; y++) {
                d[y & 1] += Math.abs(green(img, x, y + 1) - green(img, x, y));
            }
        }
        double contrast = Math.abs(d[0] - d[1]) / (d[0] + d[1] + 1e-9);
        return new DetectorOutcome.Scored(Math.min(1, contrast), Map.of("phase_contrast", contrast));
    }

    private static int green(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) >> 8) & 0xff;
    }
}
