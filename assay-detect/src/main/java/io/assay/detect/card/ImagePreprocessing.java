package io.assay.detect.card;

/**
 * How an image (or a video frame) becomes the model's input, in order: resize, centre crop to the input's size,
 * channel order, then {@code value = (pixel * scale - mean[c]) / std[c]} with pixels 0..255 and {@code c} the
 * channel in the model's colour order.
 *
 * @param resize     {@link Resize#STRETCH} to {@code size}×{@code size} (or to the input's size when size is 0),
 *                   or {@link Resize#SHORTER_SIDE}: keep the aspect ratio, shorter side {@code size}
 * @param size       target size in pixels; 0 with {@code stretch} means the input's own height and width
 * @param centreCrop crop the input's height×width from the middle of the resized image
 * @param colour     channel order the model expects
 * @param scale      factor applied to 0..255 pixel values first (1/255 for 0..1 models)
 * @param mean       per-channel mean subtracted after scaling, in the model's channel order
 * @param std        per-channel standard deviation divided by last, in the model's channel order
 */
public record ImagePreprocessing(Resize resize, int size, boolean centreCrop, Colour colour, double scale,
                                 double[] mean, double[] std) {

    public ImagePreprocessing {
        mean = mean.clone();
        std = std.clone();
    }

    /** How the image is brought to size (bilinear, pixel centres aligned). */
    public enum Resize { STRETCH, SHORTER_SIDE }

    /** The order of the three colour channels in the tensor. */
    public enum Colour { RGB, BGR }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
