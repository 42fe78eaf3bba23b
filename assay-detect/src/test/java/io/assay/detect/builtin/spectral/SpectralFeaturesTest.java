package io.assay.detect.builtin.spectral;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SpectralFeaturesTest {

    private static final int N = SpectralFeatures.TILE;

    private static LumaPlane plane(int w, int h, Pixel f) {
        double[] v = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = f.at(x, y);
            }
        }
        return new LumaPlane(v, w, h);
    }

    interface Pixel {
        double at(int x, int y);
    }

    @Test
    void aSinusoidPutsItsPowerInItsRadialBand() {
        // 36 cycles per 128 px horizontally: 0.5625 of the Nyquist radius, the middle of band 4 of 8 (0.5..0.625).
        LumaPlane p = plane(N, N, (x, y) -> 128 + 60 * Math.cos(2 * Math.PI * 36 * x / N));
        double[] f = SpectralFeatures.of(p);
        int band4 = SpectralFeatures.NAMES.indexOf("band4_vs_band0");
        for (int b = 1; b <= 7; b++) {
            if (b != 4) {
                assertThat(f[band4]).as("band 4 over band %d", b).isGreaterThan(f[SpectralFeatures.NAMES.indexOf("band" + b + "_vs_band0")] + 3);
            }
        }
        assertThat(f[band4]).isGreaterThan(3); // at least 1000x the power of the lowest band
        assertThat(f[SpectralFeatures.NAMES.indexOf("high_share")]).isGreaterThan(0.99);
    }

    @Test
    void aCheckerboardRaisesThePeriodTwoPeakAndNoiseDoesNot() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] noise = new double[N * N];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 128 + 20 * rng.nextGaussian();
        }
        LumaPlane plain = new LumaPlane(noise, N, N);
        LumaPlane checker = plane(N, N, (x, y) -> noise[y * N + x] + (((x + y) & 1) == 0 ? 8 : -8));
        int p2 = SpectralFeatures.NAMES.indexOf("peak_period2");
        double plainRise = SpectralFeatures.of(plain)[p2];
        double checkerRise = SpectralFeatures.of(checker)[p2];
        assertThat(Math.abs(plainRise)).as("white noise has no peaks").isLessThan(0.5);
        assertThat(checkerRise).as("a period-2 pattern peaks at the Nyquist corner").isGreaterThan(plainRise + 1);
    }

    @Test
    void readingTilesFromTheDecodedImageEqualsReadingThemFromItsLumaPlane() throws Exception {
        java.awt.image.BufferedImage photo = javax.imageio.ImageIO.read(
                io.assay.core.testing.SharedCorpus.corpus("pdq/bridge-mods/aaa-orig.jpg").toFile());
        assertThat(SpectralFeatures.of(photo)).containsExactly(SpectralFeatures.of(LumaPlane.of(photo)));
    }

    @Test
    void tilesAreSpreadOverTheImageAndTinyImagesDoNotFit() {
        assertThat(SpectralFeatures.fits(new LumaPlane(new double[127 * 500], 127, 500))).isFalse();
        // A uniform image with one bright period-4 stripe pattern only in its right half: the average over tiles sees it.
        LumaPlane half = plane(4 * N, N, (x, y) -> x >= 2 * N ? 128 + 50 * Math.cos(Math.PI * x / 2) : 128 + ((x * 7 + y * 13) % 5));
        double[] f = SpectralFeatures.of(half);
        assertThat(f[SpectralFeatures.NAMES.indexOf("peak_period4")]).isGreaterThan(1);
    }
}
