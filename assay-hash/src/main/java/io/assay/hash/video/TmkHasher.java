package io.assay.hash.video;

import io.assay.hash.pdq.Pdq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * TMK+PDQF hashing as Meta's {@code tmk-hash-video} does it: ffmpeg scales every frame to 64x64 and resamples to
 * 15 fps; each frame's PDQF feature is the 16x16 float DCT of its luma (PDQ before thresholding); the features are
 * averaged (level 1) and folded into cosine/sine Fourier features over 4 periods (level 2), all in single
 * precision in upstream's order, so the {@code .tmk} bytes are upstream's.
 */
public final class TmkHasher {

    static final int SIDE = 64;
    static final int FPS = 15;

    private final FfmpegFrameSource source;

    public TmkHasher() {
        this(new FfmpegFrameSource());
    }

    public TmkHasher(FfmpegFrameSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public TmkFeatures hash(Path file) throws IOException {
        int[] periods = TmkFeatures.PERIODS.clone();
        float[] coefficients = TmkFeatures.COEFFICIENTS.clone();
        int p = periods.length;
        int m = coefficients.length;
        int d = 256;
        float[] average = new float[d];
        float[] cos = new float[p * m * d];
        float[] sin = new float[p * m * d];
        float[] luma = new float[SIDE * SIDE];
        float[] unit = new float[d];
        int t = 0;
        try (FfmpegFrameSource.VideoFrames frames = source.openResampled(file, SIDE, SIDE, FPS)) {
            VideoFrame f;
            while ((f = frames.next()) != null) {
                byte[] rgb = f.rgb();
                for (int i = 0, q = 0; i < luma.length; i++, q += 3) {
                    luma[i] = 0.299f * (rgb[q] & 0xFF) + 0.587f * (rgb[q + 1] & 0xFF) + 0.114f * (rgb[q + 2] & 0xFF);
                }
                float[] feature = Pdq.dct(luma, SIDE, SIDE).coefficients();
                for (int k = 0; k < d; k++) {
                    average[k] += feature[k];
                }
                System.arraycopy(feature, 0, unit, 0, d);
                normalize(unit, 0, d);
                for (int i = 0; i < p; i++) {
                    int o0 = i * m * d;
                    for (int k = 0; k < d; k++) {
                        cos[o0 + k] += unit[k];
                    }
                    for (int j = 1; j < m; j++) {
                        double arg = 2.0 * Math.PI * (double) j * (double) t / (double) periods[i];
                        double c = Math.cos(arg);
                        double s = Math.sin(arg);
                        int o = o0 + j * d;
                        for (int k = 0; k < d; k++) {
                            cos[o + k] = (float) (cos[o + k] + unit[k] * c);
                            sin[o + k] = (float) (sin[o + k] + unit[k] * s);
                        }
                    }
                }
                t++;
            }
        }
        if (t > 0) {
            for (int k = 0; k < d; k++) {
                average[k] /= (float) t;
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < m; j++) {
                    int o = (i * m + j) * d;
                    float scale = (float) Math.sqrt(coefficients[j]);
                    normalize(cos, o, d);
                    normalize(sin, o, d);
                    for (int k = 0; k < d; k++) {
                        cos[o + k] *= scale;
                        sin[o + k] *= scale;
                    }
                }
            }
        }
        return new TmkFeatures(FPS, t, periods, coefficients, average, cos, sin);
    }

    private static void normalize(float[] v, int o, int n) {
        float norm = TmkFeatures.norm(v, o, n);
        if (norm > 0) {
            for (int k = 0; k < n; k++) {
                v[o + k] /= norm;
            }
        }
    }
}
