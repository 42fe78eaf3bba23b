package io.assay.watermark.assay;

import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.report.Quality;
import io.assay.watermark.testing.Attacks;
import io.assay.watermark.testing.CorpusImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run's share of the robustness report: every attack of the table on four corpus photos, and a few
 * hundred detector trials on unmarked images with no false positive. The full table: WatermarkRobustnessReport.
 */
class AssayWatermarkTest {

    static final AssayWatermarkKey KEY = AssayWatermarkKey.fromPassphrase("assay-watermark-test");
    static final AssayPayload PAYLOAD = new AssayPayload(1, 7);
    static List<CorpusImages.Named> photos;

    @BeforeAll
    static void load() throws Exception {
        List<String> pick = List.of("pdq/reg-test-input/pen-and-coaster.png", "metadata/astronaut-plain.jpg",
                "metadata/coffee-plain.jpg", "c2pa/assets/ptf-nikon-20221019-building.jpeg");
        photos = CorpusImages.distinctPhotos(1024).stream().filter(n -> pick.contains(n.name())).toList();
        assertThat(photos).hasSize(4);
    }

    @Test
    void survivesEveryAttackOfTheTable() {
        AssayWatermark wm = new AssayWatermark(KEY);
        List<String> failures = new ArrayList<>();
        for (CorpusImages.Named n : photos) {
            RgbPixels marked = wm.embed(n.pixels(), PAYLOAD);
            assertThat(Quality.psnr(n.pixels(), marked)).as("PSNR " + n.name()).isGreaterThan(38.0);
            for (Attacks.Attack a : Attacks.standard()) {
                AssayDetector.Reading r = wm.detect(a.apply().apply(marked));
                if (!r.found() || !r.payload().equals(PAYLOAD)) {
                    failures.add(n.name() + " / " + a.name() + " (z " + r.syncScore() + ")");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void otherKeysAndUnmarkedImagesFindNothing() throws Exception {
        // 40 unmarked corpus images x 3 variants x 3 random keys = 360 detector trials
        List<Path> files = CorpusImages.all();
        SplittableRandom rnd = new SplittableRandom(11);
        List<AssayDetector> detectors = List.of(new AssayDetector(new AssayWatermarkKey(rnd.nextLong())),
                new AssayDetector(new AssayWatermarkKey(rnd.nextLong())), new AssayDetector(KEY));
        int trials = 0;
        double maxZ = 0;
        for (int i = 0; i < files.size() && trials < 360; i += 2) {
            RgbPixels img = CorpusImages.read(files.get(i));
            if (img == null) {
                continue;
            }
            img = CorpusImages.fit(img, 1024);
            for (RgbPixels v : List.of(img, Attacks.jpeg(img, 75), Attacks.crop(img, 0.05, 0.05, 0.95, 0.95))) {
                AssayDetector.Prepared p = AssayDetector.prepare(v);
                for (AssayDetector d : detectors) {
                    AssayDetector.Reading r = d.detect(p);
                    assertThat(r.found()).as(files.get(i) + " z " + r.syncScore()).isFalse();
                    maxZ = Math.max(maxZ, r.syncScore());
                    trials++;
                }
            }
        }
        assertThat(trials).isGreaterThanOrEqualTo(300);
        assertThat(maxZ).isLessThan(AssayDetector.DEFAULT_MIN_SYNC_SCORE);
        // and a marked image under the wrong key
        RgbPixels marked = new AssayWatermark(KEY).embed(photos.get(0).pixels(), PAYLOAD);
        assertThat(new AssayDetector(new AssayWatermarkKey(42)).detect(marked).found()).isFalse();
    }

    @Test
    void smallAndLargeImages() {
        AssayWatermark wm = new AssayWatermark(KEY);
        RgbPixels photo = photos.get(0).pixels();
        // 300 px on the long side (upsampled on the working grid) and 2048 px
        for (double f : new double[] {300.0 / Math.max(photo.width(), photo.height()), 2.0}) {
            RgbPixels img = Attacks.resize(photo, f);
            AssayDetector.Reading r = wm.detect(Attacks.jpeg(wm.embed(img, PAYLOAD), 85));
            assertThat(r.found()).as(img.width() + "x" + img.height()).isTrue();
            assertThat(r.payload()).isEqualTo(PAYLOAD);
        }
    }
}
