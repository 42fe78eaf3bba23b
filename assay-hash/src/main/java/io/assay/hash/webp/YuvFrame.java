package io.assay.hash.webp;

/**
 * A decoded VP8 frame in 4:2:0 YUV (BT.601 "video range" samples, as coded). The planes cover whole macroblocks,
 * so they may be wider and taller than the image: rows are {@code yStride} (luma) and {@code uvStride} (chroma)
 * bytes apart; only the first {@code width x height} luma and {@code ceil(width/2) x ceil(height/2)} chroma samples
 * are the image.
 */
public record YuvFrame(int width, int height, byte[] y, byte[] u, byte[] v, int yStride, int uvStride) {

    public int uvWidth() {
        return (width + 1) >> 1;
    }

    public int uvHeight() {
        return (height + 1) >> 1;
    }

    /**
     * The planes packed without padding, Y then U then V: the layout {@code dwebp -yuv} writes.
     */
    public byte[] toPackedYuv() {
        int uw = uvWidth();
        int uh = uvHeight();
        byte[] out = new byte[width * height + 2 * uw * uh];
        int o = 0;
        for (int r = 0; r < height; r++, o += width) {
            System.arraycopy(y, r * yStride, out, o, width);
        }
        for (int r = 0; r < uh; r++, o += uw) {
            System.arraycopy(u, r * uvStride, out, o, uw);
        }
        for (int r = 0; r < uh; r++, o += uw) {
            System.arraycopy(v, r * uvStride, out, o, uw);
        }
        return out;
    }
}
