package io.assay.detect.card;

import io.assay.core.media.MediaType;
import io.assay.detect.Competence;
import io.assay.detect.DetectorInfo;
import io.assay.detect.Thresholds;

import java.nio.file.Path;
import java.util.Set;

/**
 * Everything Assay needs to run one ONNX model and read its score honestly: what it is, the exact model file
 * (pinned by SHA-256), what it was trained on, how to prepare its input and how to read its output. Read with
 * {@link ModelCardParser}; the format is documented in the module's README.
 *
 * @param file   the card file itself
 * @param model  the model file, resolved against the card's folder
 * @param image  image preprocessing, for NCHW/NHWC inputs; null for audio models
 * @param audio  audio preprocessing, for [1, samples] inputs; null for image models
 * @param video  frame sampling, for image models that also score video; null otherwise
 */
public record ModelCard(Path file, String id, String name, String version, Path model, String sha256,
                        Set<MediaType.Kind> media, Competence competence, InputSpec input, ImagePreprocessing image,
                        AudioPreprocessing audio, VideoSampling video, OutputMapping output, Thresholds thresholds,
                        boolean trusted, boolean experimental, String licence, String evaluatedOn) {

    public ModelCard {
        media = Set.copyOf(media);
    }

    public DetectorInfo info() {
        return new DetectorInfo(id, name, version, media, thresholds, trusted, experimental, competence, licence,
                evaluatedOn);
    }
}
