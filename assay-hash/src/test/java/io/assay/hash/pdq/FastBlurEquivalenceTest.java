package io.assay.hash.pdq;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimised blur-and-decimate gives bit for bit the 64x64 plane of the reference's plain two-pass Jarosz filter
 * (kept in {@link Pdq} as the specification), on random planes of many shapes: odd, lopsided, tiny and large.
 */
class FastBlurEquivalenceTest {

    @Test
    void fastBlurEqualsTheReferenceLoopBitForBit() {
        Random rnd = new Random(7);
        int[][] sizes = {{5, 5}, {6, 7}, {63, 65}, {64, 63}, {100, 17}, {17, 100}, {127, 129}, {256, 256}, {333, 211},
                {512, 512}, {513, 64}, {800, 601}, {1023, 7}, {1920, 1080}};
        for (int[] s : sizes) {
            int w = s[0];
            int h = s[1];
            for (int trial = 0; trial < 3; trial++) {
                float[] luma = new float[w * h];
                for (int i = 0; i < luma.length; i++) {
                    // Luma as the hasher makes it: byte samples through the float luma formula, or smooth gradients.
                    luma[i] = trial == 2 ? (float) (128 + 100 * Math.sin(i * 0.001))
                            : 0.299f * rnd.nextInt(256) + 0.587f * rnd.nextInt(256) + 0.114f * rnd.nextInt(256);
                }
                float[] expected = Pdq.referenceDown(luma.clone(), w, h);
                float[] actual = new float[64 * 64];
                Pdq.blurAndDecimate(luma.clone(), h, w, actual);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(Float.floatToRawIntBits(actual[i])).as(w + "x" + h + " trial " + trial + " cell " + i)
                            .isEqualTo(Float.floatToRawIntBits(expected[i]));
                }
            }
        }
    }
}
