package io.assay.hash.webp;

/**
 * libwebp's default conversion of decoded 4:2:0 YUV to RGB: "fancy" upsampling of the chroma planes (each output
 * sample weighs the four nearest chroma samples 9:3:3:1, edges 3:1) followed by its 14-bit fixed-point BT.601
 * YUV-to-RGB formulas. The output is byte-identical to libwebp's RGB/RGBA/BGR output modes.
 */
public final class YuvToRgb {

    private YuvToRgb() {
    }

    // YUV -> RGB in 6 fractional bits, as libwebp: each term is (sample * coefficient) >> 8.
    private static final int[] Y_TERM = new int[256];
    private static final int[] V_TO_R = new int[256];
    private static final int[] U_TO_G = new int[256];
    private static final int[] V_TO_G = new int[256];
    private static final int[] U_TO_B = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            Y_TERM[i] = (i * 19077) >> 8;
            V_TO_R[i] = (i * 26149) >> 8;
            U_TO_G[i] = (i * 6419) >> 8;
            V_TO_G[i] = (i * 13320) >> 8;
            U_TO_B[i] = (i * 33050) >> 8;
        }
    }

    private static int clip8(int v) {
        return (v & ~16383) == 0 ? v >> 6 : v < 0 ? 0 : 255;
    }

    static int red(int y, int v) {
        return clip8(Y_TERM[y] + V_TO_R[v] - 14234);
    }

    static int green(int y, int u, int v) {
        return clip8(Y_TERM[y] - U_TO_G[u] - V_TO_G[v] + 8708);
    }

    static int blue(int y, int u) {
        return clip8(Y_TERM[y] + U_TO_B[u] - 17685);
    }

    /**
     * Writes the frame as interleaved pixels into {@code out}: pixel (x, y) starts at
     * {@code y * rowStride + x * pixelStride}, with red, green and blue at the given offsets inside the pixel
     * (for example 0, 1, 2 and stride 3 for RGB; 2, 1, 0 for BGR; 3, 2, 1 and stride 4 for ABGR). Other bytes of
     * a pixel are left alone.
     */
    public static void convert(YuvFrame f, byte[] out, int rowStride, int pixelStride, int rOff, int gOff, int bOff) {
        int w = f.width();
        int h = f.height();
        int uvH = f.uvHeight();
        int[] rowU = new int[w];
        int[] rowV = new int[w];
        for (int y = 0; y < h; y++) {
            int near = y >> 1;
            int far = (y & 1) != 0 ? Math.min(near + 1, uvH - 1) : Math.max(near - 1, 0);
            upsampleRow(f.u(), near * f.uvStride(), far * f.uvStride(), w, rowU);
            upsampleRow(f.v(), near * f.uvStride(), far * f.uvStride(), w, rowV);
            byte[] py = f.y();
            int yRow = y * f.yStride();
            int o = y * rowStride;
            for (int x = 0; x < w; x++, o += pixelStride) {
                int yy = py[yRow + x] & 0xFF;
                int uu = rowU[x];
                int vv = rowV[x];
                out[o + rOff] = (byte) red(yy, vv);
                out[o + gOff] = (byte) green(yy, uu, vv);
                out[o + bOff] = (byte) blue(yy, uu);
            }
        }
    }

    /** Interleaved RGB, 3 bytes per pixel, rows packed: what {@code dwebp -ppm} writes after its header. */
    public static byte[] toRgb(YuvFrame f) {
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(f.width(), f.height()), 3)];
        convert(f, out, f.width() * 3, 3, 0, 1, 2);
        return out;
    }

    /**
     * One output row of a chroma plane: {@code near} is the chroma row closest to it, {@code far} the other
     * neighbour (the same row at the top and bottom edges).
     */
    private static void upsampleRow(byte[] plane, int near, int far, int w, int[] out) {
        int tl = plane[near] & 0xFF;
        int l = plane[far] & 0xFF;
        out[0] = (3 * tl + l + 2) >> 2;
        int lastPair = (w - 1) >> 1;
        for (int x = 1; x <= lastPair; x++) {
            int t = plane[near + x] & 0xFF;
            int c = plane[far + x] & 0xFF;
            out[2 * x - 1] = (9 * tl + 3 * t + 3 * l + c + 8) >> 4;
            out[2 * x] = (9 * t + 3 * tl + 3 * c + l + 8) >> 4;
            tl = t;
            l = c;
        }
        if ((w & 1) == 0) {
            out[w - 1] = (3 * tl + l + 2) >> 2;
        }
    }
}
