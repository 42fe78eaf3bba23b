package io.assay.detect.builtin.spectral;

import io.assay.core.testing.SharedCorpus;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.builtin.LogisticModel;
import io.assay.detect.builtin.ModelAssertions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SpectralImageDetectorTest {

    /** The committed model is what the trainer makes from the corpus today, and it beats chance on held-out photos. */
    @Test
    void theCommittedModelIsAFreshTrainingRunsOutput() throws Exception {
        SpectralTrainer.Result fresh = SpectralTrainer.train(SharedCorpus.corpus(""));
        LogisticModel stored = LogisticModel.resource(SpectralImageDetector.class, SpectralImageDetector.MODEL);
        ModelAssertions.assertSameModel(stored, fresh.model());
        assertThat(fresh.heldOut()).hasSizeGreaterThan(100);
        assertThat(fresh.heldOutAuc()).as("held-out AUC").isGreaterThan(0.85);
        assertThat(fresh.heldOutAccuracy()).as("held-out accuracy at 0.5").isGreaterThan(0.8);
    }

    @Test
    void anUpsampledCopyOfAHeldOutPhotoScoresHigherThanThePhoto() throws Exception {
        SpectralImageDetector d = new SpectralImageDetector();
        // astronaut is one of the held-out photos (index 8 of SpectralTrainer.PHOTOS: i % 3 == 2).
        assertThat(SpectralTrainer.PHOTOS.indexOf("metadata/astronaut-plain.jpg") % 3).isEqualTo(2);
        BufferedImage photo = ImageIO.read(SharedCorpus.corpus("metadata/astronaut-plain.jpg").toFile());
        LumaPlane luma = LumaPlane.of(photo);
        BufferedImage enlarged = UpsamplingArtefacts.upsample(luma.shrink(2), UpsamplingArtefacts.Method.NEAREST_THEN_CONV,
                new SplittableRandom(5)).toGrayImage();
        double real = score(d, DetectorInput.ofImage("astronaut.png", photo));
        double fake = score(d, DetectorInput.ofImage("astronaut-up.png", enlarged));
        assertThat(fake).isGreaterThan(real + 0.3);
        assertThat(d.info().experimental()).isTrue();
    }

    /** Real photos it never trained on, from other sources and cameras: how often it falsely fires. */
    @Test
    void untrainedRealPhotosRarelyCrossTheHighThreshold() throws Exception {
        SpectralImageDetector d = new SpectralImageDetector();
        java.util.List<String> photos = java.util.List.of("c2pa/assets/rs-cli-verify.jpeg", "c2pa/assets/rs-cloud.jpg",
                "c2pa/assets/rs-no_alg.jpg", "c2pa/assets/rs-no_manifest.jpg", "c2pa/assets/rs-ocsp.jpg",
                "c2pa/assets/rs-ocsp_with_assertion.jpg", "c2pa/assets/ptf-adobe-20220124-I.jpg", "pdq/misc-images/small.jpg",
                "pdq/reg-test-input/exif-rotn/exif-rotn-3.jpg", "pdq/reg-test-input/labelme-subset/q0003.jpg",
                "pdq/reg-test-input/pen-and-coaster.png");
        int high = 0;
        int low = 0;
        for (String p : photos) {
            assertThat(SpectralTrainer.PHOTOS).doesNotContain(p);
            double s = score(d, DetectorInput.ofImage("x.png", ImageIO.read(SharedCorpus.corpus(p).toFile())));
            high += d.info().thresholds().high() <= s ? 1 : 0;
            low += s <= d.info().thresholds().low() ? 1 : 0;
        }
        assertThat(high).as("untrained real photos voted synthetic").isZero();
        assertThat(low).as("untrained real photos voted authentic, of " + photos.size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aVideoIsScoredOverItsSampledFrames() throws Exception {
        byte[] mp4 = java.nio.file.Files.readAllBytes(SharedCorpus.corpus("video/videos/chair-19-sd-bar.mp4"));
        try (DetectorInput in = DetectorInput.of(io.assay.core.media.MediaAsset.of("chair.mp4", mp4, io.assay.core.media.AssetLimits.DEFAULT))) {
            DetectorOutcome.Scored s = (DetectorOutcome.Scored) new SpectralImageDetector().detect(in);
            assertThat(s.details()).containsEntry("frames", SpectralImageDetector.MAX_FRAMES);
            assertThat(s.score()).as("a real camera video").isLessThan(0.8);
        }
    }

    @Test
    void anImageSmallerThanOneTileIsNotApplicable() throws Exception {
        BufferedImage wee = ImageIO.read(SharedCorpus.corpus("pdq/misc-images/wee.jpg").toFile());
        assertThat(new SpectralImageDetector().detect(DetectorInput.ofImage("wee.png", wee)))
                .isInstanceOf(DetectorOutcome.NotApplicable.class);
    }

    private static double score(SpectralImageDetector d, DetectorInput in) throws Exception {
        return ((DetectorOutcome.Scored) d.detect(in)).score();
    }
}
