package io.assay.watermark.dwtdct;

/**
 * OpenCV's 8-bit {@code COLOR_BGR2YUV} / {@code COLOR_YUV2BGR} conversions (BT.601 "YUV", not YCbCr), in the same
 * 14-bit fixed-point arithmetic, so that pixels come out identical to {@code cv2.cvtColor}: the dwtDct mark lives in
 * the rounding of these integers. Checked against OpenCV 4.6 on all 2^24 inputs both ways (see the README).
 */
final class OpenCvYuv {

    private static final int SHIFT = 14;
    private static final int HALF = 1 << (SHIFT - 1);
    // Y weights (R2Y, G2Y, B2Y), then B-Y -> U, R-Y -> V, and the inverse U/V weights, all scaled by 2^14
    private static final int R2Y = 4899;
    private static final int G2Y = 9617;
    private static final int B2Y = 1868;
    private static final int B2U = 8061;
    private static final int R2V = 14369;
    private static final int U2B = 33292;
    private static final int U2G = -6472;
    private static final int V2G = -9519;
    private static final int V2R = 18678;

    private OpenCvYuv() {
    }

    private static int descale(int x) {
        return (x + HALF) >> SHIFT;
    }

    private static int sat(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    static int y(int r, int g, int b) {
        return descale(b * B2Y + g * G2Y + r * R2Y);
    }

    static int u(int b, int y) {
        return sat(descale((b - y) * B2U + (128 << SHIFT)));
    }

    static int v(int r, int y) {
        return sat(descale((r - y) * R2V + (128 << SHIFT)));
    }

    /** Packs Y, U, V (each 0..255) back to {@code 0xRRGGBB}. */
    static int toRgb(int y, int u, int v) {
        int du = u - 128;
        int dv = v - 128;
        int b = sat(y + descale(du * U2B));
        int g = sat(y + descale(du * U2G + dv * V2G));
        int r = sat(y + descale(dv * V2R));
        return r << 16 | g << 8 | b;
    }
}
