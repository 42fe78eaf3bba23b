package io.assay.detect.builtin.spectral;

import java.util.SplittableRandom;

/**
 * Makes "generated-like" images from real ones, reproducibly: the ways the decoders of GANs and latent-diffusion
 * models enlarge their feature maps by two, applied to a real image's luma. What is imitated is only that
 * trace (periodic spectral peaks and mirrored spectra), not any real generator, so a model trained on these
 * images learns the trace and nothing else.
 */
public final class UpsamplingArtefacts {

    /** How the image is enlarged by two. */
    public enum Method {
        /** Nearest neighbour, then a 3x3 convolution (the up-sampling block of latent-diffusion VAE decoders). */
        NEAREST_THEN_CONV,
        /** Transposed convolution, kernel 3, stride 2: zeros between the pixels, then a 3x3 kernel. */
        TRANSPOSED_3,
        /** Transposed convolution, kernel 4, stride 2 (DCGAN-style decoders). */
        TRANSPOSED_4
    }

    private UpsamplingArtefacts() {
    }

    /** The plane enlarged by two with the method and a random smoothing kernel drawn from {@code rng}. */
    public static LumaPlane upsample(LumaPlane in, Method method, SplittableRandom rng) {
        return switch (method) {
            case NEAREST_THEN_CONV -> convolve(nearest(in), kernel(3, rng), 1);
            case TRANSPOSED_3 -> convolve(zeroInsert(in), kernel(3, rng), 4);
            case TRANSPOSED_4 -> convolve(zeroInsert(in), kernel(4, rng), 4);
        };
    }

    private static LumaPlane nearest(LumaPlane in) {
        int w = in.width() * 2;
        int h = in.height() * 2;
        double[] v = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = in.at(x / 2, y / 2);
            }
        }
        return new LumaPlane(v, w, h);
    }

    private static LumaPlane zeroInsert(LumaPlane in) {
        int w = in.width() * 2;
        int h = in.height() * 2;
        double[] v = new double[w * h];
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                v[2 * y * w + 2 * x] = in.at(x, y);
            }
        }
        return new LumaPlane(v, w, h);
    }

    /**
     * A smoothing kernel of size k: binomial weights, each jittered by up to 40 % (a learned kernel is never
     * exactly symmetric, which is what makes the checkerboard), normalised to sum 1.
     */
    static double[] kernel(int k, SplittableRandom rng) {
        double[] binomial = k == 3 ? new double[]{1, 2, 1} : new double[]{1, 3, 3, 1};
        double[] kern = new double[k * k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = binomial[i] * binomial[j] * (1 + 0.4 * (2 * rng.nextDouble() - 1));
                kern[i * k + j] = w;
                sum += w;
            }
        }
        for (int i = 0; i < kern.length; i++) {
            kern[i] /= sum;
        }
        return kern;
    }

    /** Convolution with edge clamping, times {@code gain} (4 restores the mean after zero insertion). */
    private static LumaPlane convolve(LumaPlane in, double[] kern, double gain) {
        int k = (int) Math.round(Math.sqrt(kern.length));
        int off = (k - 1) / 2;
        int w = in.width();
        int h = in.height();
        double[] v = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i - off));
                    for (int j = 0; j < k; j++) {
                        int xx = Math.min(w - 1, Math.max(0, x + j - off));
                        s += kern[i * k + j] * in.at(xx, yy);
                    }
                }
                v[y * w + x] = s * gain;
            }
        }
        return new LumaPlane(v, w, h);
    }
}
