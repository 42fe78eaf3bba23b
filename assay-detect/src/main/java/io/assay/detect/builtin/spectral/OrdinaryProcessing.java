package io.assay.detect.builtin.spectral;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * What happens to real photos on their way to a viewer and is no sign of a generator: lens or motion softness
 * (Gaussian blur) and resizing by a factor that is not a power of two (bilinear). Applied to the real class in
 * training so that "few high frequencies" alone does not read as "generated".
 */
public final class OrdinaryProcessing {

    private OrdinaryProcessing() {
    }

    /** A {@code size} x {@code size} crop of {@code p}, as is (1/3), softened (1/3) or enlarged 1.15-1.6x bilinearly (1/3). */
    public static LumaPlane realCrop(LumaPlane p, int size, SplittableRandom rng) {
        int kind = rng.nextInt(3);
        if (kind == 2) {
            double factor = 1.15 + 0.45 * rng.nextDouble();
            int src = (int) Math.ceil(size / factor) + 2;
            LumaPlane region = crop(p, src, rng);
            BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            new AffineTransformOp(AffineTransform.getScaleInstance(factor, factor), AffineTransformOp.TYPE_BILINEAR)
                    .filter(region.toGrayImage(), out);
            return LumaPlane.of(out);
        }
        LumaPlane c = crop(p, size, rng);
        return kind == 1 ? blur(c, 0.6 + rng.nextDouble()) : c;
    }

    static LumaPlane crop(LumaPlane p, int size, SplittableRandom rng) {
        int x = p.width() == size ? 0 : rng.nextInt(p.width() - size + 1);
        int y = p.height() == size ? 0 : rng.nextInt(p.height() - size + 1);
        return p.crop(x, y, size, size);
    }

    /** Separable Gaussian blur with edge clamping. */
    static LumaPlane blur(LumaPlane p, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = p.width();
        int h = p.height();
        double[] tmp = new double[w * h];
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * p.at(Math.min(w - 1, Math.max(0, x + i)), y);
                }
                tmp[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return new LumaPlane(out, w, h);
    }
}
