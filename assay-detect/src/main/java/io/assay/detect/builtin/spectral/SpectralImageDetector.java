package io.assay.detect.builtin.spectral;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.Thresholds;
import io.assay.detect.builtin.LogisticModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A weak, experimental signal: whether an image's luma spectrum carries the traces of a generator's up-sampling
 * (periodic peaks, mirrored or missing upper bands), scored by a logistic model the project trains itself
 * ({@link SpectralTrainer}) and stores as {@code spectral-image.json}. A video is read through its first
 * {@value #MAX_FRAMES} sampled frames, their spectra averaged. Trained on imitated traces, not on
 * real generators' output: see the assay-detect README (Built-in detectors) for what it measured and where it fails.
 */
public final class SpectralImageDetector implements Detector {

    public static final String ID = "spectral-image";
    static final String MODEL = "spectral-image.json";
    /** Sampled video frames whose spectra are averaged. */
    static final int MAX_FRAMES = 4;

    private final LogisticModel model;
    private final DetectorInfo info;

    public SpectralImageDetector() {
        this(LogisticModel.resource(SpectralImageDetector.class, MODEL));
    }

    public SpectralImageDetector(LogisticModel model) {
        this.model = model.requireFeatures(SpectralFeatures.NAMES);
        this.info = new DetectorInfo(ID, "Spectral up-sampling artefacts (built-in, logistic)", "1",
                Set.of(MediaType.Kind.IMAGE, MediaType.Kind.VIDEO), new Thresholds(0.2, 0.8), false, true, Competence.ANY,
                "Apache-2.0 (project code; model trained by the project)",
                "held-out natural photos of the shared corpus vs. imitated up-sampling (AUC "
                        + LogisticModel.figure(model.training().get("heldOutAuc")) + "); not evaluated on real generators' output");
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        if (input.kind() != MediaType.Kind.IMAGE && input.kind() != MediaType.Kind.VIDEO) {
            return new DetectorOutcome.NotApplicable("the spectral detector reads images and video frames only");
        }
        java.awt.image.BufferedImage image = input.image();
        if (image.getWidth() < SpectralFeatures.TILE || image.getHeight() < SpectralFeatures.TILE) {
            return new DetectorOutcome.NotApplicable("the image is smaller than " + SpectralFeatures.TILE + "x" + SpectralFeatures.TILE + " pixels");
        }
        double[] f;
        Map<String, Object> details = new LinkedHashMap<>();
        if (input.kind() == MediaType.Kind.VIDEO) {
            List<java.awt.image.BufferedImage> frames = input.frames().stream().limit(MAX_FRAMES).map(DetectorInput::toImage).toList();
            f = SpectralFeatures.ofFrames(frames);
            details.put("frames", frames.size());
        } else {
            f = SpectralFeatures.of(image);
        }
        for (int i = 0; i < f.length; i++) {
            details.put(SpectralFeatures.NAMES.get(i), f[i]);
        }
        return new DetectorOutcome.Scored(model.score(f), details);
    }
}
