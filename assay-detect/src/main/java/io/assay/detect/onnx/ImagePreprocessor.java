package io.assay.detect.onnx;

import io.assay.detect.card.ImagePreprocessing;
import io.assay.detect.card.InputSpec;

import java.awt.image.BufferedImage;

/**
 * Turns an image into an image model's input tensor exactly as its card says: bilinear resize (pixel centres
 * aligned, as OpenCV's INTER_LINEAR and PyTorch's {@code align_corners=False}), centre crop, channel order,
 * {@code (pixel * scale - mean) / std}, NCHW or NHWC. Alpha is ignored. Resize and crop are done in one pass that
 * samples only the cropped pixels, reading two source rows per output row. Stateless and thread-safe.
 */
public final class ImagePreprocessor {

    private final ImagePreprocessing p;
    private final InputSpec.Layout layout;
    private final int height;
    private final int width;

    public ImagePreprocessor(ImagePreprocessing preprocessing, InputSpec input) {
        if (!input.layout().image()) {
            throw new IllegalArgumentException("not an image input: " + input.layout());
        }
        this.p = preprocessing;
        this.layout = input.layout();
        this.height = input.height();
        this.width = input.width();
    }

    /** The tensor's values, {@code 3 * height * width} floats in the card's layout. */
    public float[] tensor(BufferedImage image) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        int[] resized = resizedSize(sw, sh);
        int rw = resized[0];
        int rh = resized[1];
        int top = (rh - height) / 2;
        int left = (rw - width) / 2;
        double sx = sw / (double) rw;
        double sy = sh / (double) rh;

        // Horizontal taps are the same for every row.
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        float[] fx = new float[width];
        for (int x = 0; x < width; x++) {
            double src = clamp((x + left + 0.5) * sx - 0.5, sw - 1);
            x0[x] = (int) Math.floor(src);
            x1[x] = Math.min(x0[x] + 1, sw - 1);
            fx[x] = (float) (src - x0[x]);
        }
        double[] mul = new double[3];
        double[] add = new double[3];
        double[] mean = p.mean();
        double[] std = p.std();
        for (int c = 0; c < 3; c++) {
            mul[c] = p.scale() / std[c];
            add[c] = -mean[c] / std[c];
        }
        boolean bgr = p.colour() == ImagePreprocessing.Colour.BGR;
        float[] out = new float[3 * height * width];
        int[] rowA = new int[sw];
        int[] rowB = new int[sw];
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            double src = clamp((y + top + 0.5) * sy - 0.5, sh - 1);
            int y0 = (int) Math.floor(src);
            int y1 = Math.min(y0 + 1, sh - 1);
            float fy = (float) (src - y0);
            image.getRGB(0, y0, sw, 1, rowA, 0, sw);
            image.getRGB(0, y1, sw, 1, rowB, 0, sw);
            for (int x = 0; x < width; x++) {
                for (int rgb = 0; rgb < 3; rgb++) {
                    int shift = 16 - 8 * rgb;
                    double v = lerp(lerp(ch(rowA[x0[x]], shift), ch(rowA[x1[x]], shift), fx[x]),
                            lerp(ch(rowB[x0[x]], shift), ch(rowB[x1[x]], shift), fx[x]), fy);
                    int c = bgr ? 2 - rgb : rgb;
                    float value = (float) (v * mul[c] + add[c]);
                    int at = layout == InputSpec.Layout.NCHW ? c * plane + y * width + x : (y * width + x) * 3 + c;
                    out[at] = value;
                }
            }
        }
        return out;
    }

    /** Width and height after the resize step, before the crop. */
    int[] resizedSize(int sw, int sh) {
        return switch (p.resize()) {
            case STRETCH -> p.size() == 0 ? new int[]{width, height} : new int[]{p.size(), p.size()};
            case SHORTER_SIDE -> sw <= sh
                    ? new int[]{p.size(), Math.max(p.size(), (int) Math.round(sh * (double) p.size() / sw))}
                    : new int[]{Math.max(p.size(), (int) Math.round(sw * (double) p.size() / sh)), p.size()};
        };
    }

    private static int ch(int argb, int shift) {
        return (argb >>> shift) & 0xff;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
