package io.assay.detect.builtin.presence;

import io.assay.core.testing.SharedCorpus;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FacePresenceProbeTest {

    private static final FacePresenceProbe PROBE = new FacePresenceProbe();

    @BeforeAll
    static void cascadeIsInstalled() {
        assertThat(PROBE.available()).as("the face cascade %s is missing: apt-get install opencv-data",
                FacePresenceProbe.DEFAULT_CASCADE).isTrue();
    }

    private static BufferedImage photo(String path) throws IOException {
        return ImageIO.read(SharedCorpus.corpus(path).toFile());
    }

    @Test
    void findsTheAstronautsFace() throws Exception {
        ContentProfile p = PROBE.probe(DetectorInput.ofImage("astronaut.png", photo("metadata/astronaut-plain.jpg")));
        assertThat(p.faces()).isEqualTo(1);
        assertThat(p.notes()).singleElement().asString().contains("1 frontal face");
    }

    @Test
    void findsNoFaceInPhotosWithoutPeople() throws Exception {
        for (String path : new String[]{"metadata/coffee-plain.jpg", "pdq/bridge-mods/aaa-orig.jpg", "c2pa/assets/rs-IMG_0003.jpg",
                "c2pa/assets/ptf-nikon-20221019-building.jpeg"}) {
            assertThat(PROBE.count(photo(path))).as(path).isZero();
        }
    }

    @Test
    void countsTwoFacesSideBySide() throws Exception {
        BufferedImage one = photo("metadata/astronaut-plain.jpg");
        BufferedImage two = new BufferedImage(2 * one.getWidth(), one.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = two.createGraphics();
        g.drawImage(one, 0, 0, null);
        g.drawImage(one, one.getWidth(), 0, null);
        g.dispose();
        assertThat(PROBE.count(two)).isEqualTo(2);
    }

    @Test
    void aLargePhotoIsShrunkWhileReadAndTheFaceStillFound() throws Exception {
        BufferedImage one = photo("metadata/astronaut-plain.jpg");
        BufferedImage big = new BufferedImage(4 * one.getWidth(), 4 * one.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.drawImage(one, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        org.opencv.core.Mat grey = FacePresenceProbe.grey(big);
        assertThat(Math.max(grey.cols(), grey.rows())).isBetween(FacePresenceProbe.MAX_SIDE, 2 * FacePresenceProbe.MAX_SIDE);
        grey.release();
        assertThat(PROBE.count(big)).isEqualTo(1);
    }

    @Test
    void aVideoIsProbedOverItsSampledFrames() throws Exception {
        java.nio.file.Path mp4 = SharedCorpus.corpus("video/videos/chair-19-sd-bar.mp4");
        io.assay.core.media.MediaAsset asset = io.assay.core.media.MediaAsset.of("chair.mp4", java.nio.file.Files.readAllBytes(mp4),
                io.assay.core.media.AssetLimits.DEFAULT);
        try (DetectorInput in = DetectorInput.of(asset)) {
            ContentProfile p = PROBE.probe(in);
            // One of the 8 frames of this chair video holds a cascade false alarm; it does not persist.
            assertThat(p.faces()).isZero();
            assertThat(p.notes()).singleElement().asString().contains("two of 8 sampled frames");
        }
    }

    @Test
    void aFaceThatStaysInAVideoIsCounted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path mp4 = dir.resolve("astronaut.mp4");
        Process ff = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-loop", "1", "-i",
                SharedCorpus.corpus("metadata/astronaut-plain.jpg").toString(), "-t", "3", "-r", "10", "-pix_fmt", "yuv420p",
                mp4.toString()).redirectErrorStream(true).start();
        String log = new String(ff.getInputStream().readAllBytes());
        assertThat(ff.waitFor()).as("ffmpeg: %s", log).isZero();
        io.assay.core.media.MediaAsset asset = io.assay.core.media.MediaAsset.of("astronaut.mp4", java.nio.file.Files.readAllBytes(mp4),
                io.assay.core.media.AssetLimits.DEFAULT);
        try (DetectorInput in = DetectorInput.of(asset)) {
            assertThat(PROBE.probe(in).faces()).isEqualTo(1);
        }
    }

    @Test
    void aCountMustRecurInTwoFrames() {
        assertThat(FacePresenceProbe.persistent(new int[]{0, 0, 1, 0})).isZero();
        assertThat(FacePresenceProbe.persistent(new int[]{1, 2, 1, 3})).isEqualTo(2);
        assertThat(FacePresenceProbe.persistent(new int[]{2})).isEqualTo(2);
        assertThat(FacePresenceProbe.persistent(new int[0])).isZero();
    }

    @Test
    void withoutTheCascadeTheCountIsUnknownNotZero() throws Exception {
        FacePresenceProbe missing = new FacePresenceProbe(java.nio.file.Path.of("/nonexistent/cascade.xml"));
        ContentProfile p = missing.probe(DetectorInput.ofImage("astronaut.png", photo("metadata/astronaut-plain.jpg")));
        assertThat(p.faces()).isNull();
        assertThat(p.notes()).singleElement().asString().contains("opencv-data");
    }
}
