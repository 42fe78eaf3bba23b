package io.assay.hash.webp;

/**
 * The pixel arithmetic of VP8 decoding (RFC 6386 sections 12, 14 and 15), in the integer forms libwebp uses:
 * inverse Walsh-Hadamard and DCT, intra predictors on a work buffer with a fixed stride, and the loop filters.
 * Samples are unsigned bytes held in {@code byte[]}.
 */
final class Vp8Dsp {

    private Vp8Dsp() {
    }

    /** Stride of the reconstruction work buffer. */
    static final int BPS = 32;

    // 4x4 modes (also used as contexts), and the 16x16 / chroma modes that share their numbers.
    static final int B_DC_PRED = 0;
    static final int B_TM_PRED = 1;
    static final int B_VE_PRED = 2;
    static final int B_HE_PRED = 3;
    static final int B_RD_PRED = 4;
    static final int B_VR_PRED = 5;
    static final int B_LD_PRED = 6;
    static final int B_VL_PRED = 7;
    static final int B_HD_PRED = 8;
    static final int B_HU_PRED = 9;
    static final int DC_PRED = B_DC_PRED;
    static final int TM_PRED = B_TM_PRED;
    static final int V_PRED = B_VE_PRED;
    static final int H_PRED = B_HE_PRED;
    // DC prediction variants at the frame's top and left borders.
    static final int DC_PRED_NOTOP = 4;
    static final int DC_PRED_NOLEFT = 5;
    static final int DC_PRED_NOTOPLEFT = 6;

    private static int clip8(int v) {
        return (v & ~0xFF) == 0 ? v : v < 0 ? 0 : 255;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    // ---------------------------------------------------------------- transforms

    private static int mul1(int a) {
        return ((a * 20091) >> 16) + a;
    }

    private static int mul2(int a) {
        return (a * 35468) >> 16;
    }

    private static void store(byte[] dst, int i, int v) {
        dst[i] = (byte) clip8((dst[i] & 0xFF) + (v >> 3));
    }

    /** Full inverse DCT of 16 coefficients at {@code in[off..]}, added to the 4x4 block at {@code dst[d]}. */
    static void transform(short[] in, int off, byte[] dst, int d, int[] tmp) {
        for (int i = 0; i < 4; i++) { // vertical pass, one column at a time
            int i0 = in[off + i];
            int i4 = in[off + 4 + i];
            int i8 = in[off + 8 + i];
            int i12 = in[off + 12 + i];
            int a = i0 + i8;
            int b = i0 - i8;
            int c = mul2(i4) - mul1(i12);
            int e = mul1(i4) + mul2(i12);
            tmp[4 * i] = a + e;
            tmp[4 * i + 1] = b + c;
            tmp[4 * i + 2] = b - c;
            tmp[4 * i + 3] = a - e;
        }
        for (int i = 0; i < 4; i++) { // horizontal pass, one output row at a time
            int dc = tmp[i] + 4;
            int a = dc + tmp[8 + i];
            int b = dc - tmp[8 + i];
            int c = mul2(tmp[4 + i]) - mul1(tmp[12 + i]);
            int e = mul1(tmp[4 + i]) + mul2(tmp[12 + i]);
            int row = d + i * BPS;
            store(dst, row, a + e);
            store(dst, row + 1, b + c);
            store(dst, row + 2, b - c);
            store(dst, row + 3, a - e);
        }
    }

    /** The inverse DCT when only coefficients 0, 1 and 4 can be non-zero (exactly equal to the full one then). */
    static void transformAc3(short[] in, int off, byte[] dst, int d) {
        int a = in[off] + 4;
        int c4 = mul2(in[off + 4]);
        int d4 = mul1(in[off + 4]);
        int c1 = mul2(in[off + 1]);
        int d1 = mul1(in[off + 1]);
        store4(dst, d, a + d4, d1, c1);
        store4(dst, d + BPS, a + c4, d1, c1);
        store4(dst, d + 2 * BPS, a - c4, d1, c1);
        store4(dst, d + 3 * BPS, a - d4, d1, c1);
    }

    private static void store4(byte[] dst, int row, int dc, int d, int c) {
        store(dst, row, dc + d);
        store(dst, row + 1, dc + c);
        store(dst, row + 2, dc - c);
        store(dst, row + 3, dc - d);
    }

    /** The inverse DCT of a block whose only non-zero coefficient is the DC. */
    static void transformDc(short[] in, int off, byte[] dst, int d) {
        int dc = in[off] + 4;
        for (int j = 0; j < 4; j++) {
            int row = d + j * BPS;
            for (int i = 0; i < 4; i++) {
                store(dst, row + i, dc);
            }
        }
    }

    /** Inverse Walsh-Hadamard of the 16 luma DCs; output goes to coefficient 0 of each of the 16 luma blocks. */
    static void transformWht(short[] in, short[] out, int outOff, int[] tmp) {
        for (int i = 0; i < 4; i++) {
            int a0 = in[i] + in[12 + i];
            int a1 = in[4 + i] + in[8 + i];
            int a2 = in[4 + i] - in[8 + i];
            int a3 = in[i] - in[12 + i];
            tmp[i] = a0 + a1;
            tmp[8 + i] = a0 - a1;
            tmp[4 + i] = a3 + a2;
            tmp[12 + i] = a3 - a2;
        }
        int o = outOff;
        for (int i = 0; i < 4; i++) {
            int dc = tmp[i * 4] + 3;
            int a0 = dc + tmp[3 + i * 4];
            int a1 = tmp[1 + i * 4] + tmp[2 + i * 4];
            int a2 = tmp[1 + i * 4] - tmp[2 + i * 4];
            int a3 = dc - tmp[3 + i * 4];
            out[o] = (short) ((a0 + a1) >> 3);
            out[o + 16] = (short) ((a3 + a2) >> 3);
            out[o + 32] = (short) ((a0 - a1) >> 3);
            out[o + 48] = (short) ((a3 - a2) >> 3);
            o += 64;
        }
    }

    // ---------------------------------------------------------------- prediction

    private static void fill(byte[] dst, int d, int size, int v) {
        byte b = (byte) v;
        for (int j = 0; j < size; j++) {
            int row = d + j * BPS;
            for (int i = 0; i < size; i++) {
                dst[row + i] = b;
            }
        }
    }

    private static void trueMotion(byte[] dst, int d, int size) {
        int top = d - BPS;
        int topLeft = u(dst, top - 1);
        for (int y = 0; y < size; y++) {
            int row = d + y * BPS;
            int left = u(dst, row - 1) - topLeft;
            for (int x = 0; x < size; x++) {
                dst[row + x] = (byte) clip8(u(dst, top + x) + left);
            }
        }
    }

    private static void vertical(byte[] dst, int d, int size) {
        for (int j = 0; j < size; j++) {
            System.arraycopy(dst, d - BPS, dst, d + j * BPS, size);
        }
    }

    private static void horizontal(byte[] dst, int d, int size) {
        for (int j = 0; j < size; j++) {
            int row = d + j * BPS;
            byte v = dst[row - 1];
            for (int i = 0; i < size; i++) {
                dst[row + i] = v;
            }
        }
    }

    /** 16x16 luma prediction; {@code mode} is one of the 16x16 modes or a DC border variant. */
    static void predLuma16(int mode, byte[] dst, int d) {
        switch (mode) {
            case DC_PRED -> {
                int dc = 16;
                for (int j = 0; j < 16; j++) {
                    dc += u(dst, d - 1 + j * BPS) + u(dst, d + j - BPS);
                }
                fill(dst, d, 16, dc >> 5);
            }
            case TM_PRED -> trueMotion(dst, d, 16);
            case V_PRED -> vertical(dst, d, 16);
            case H_PRED -> horizontal(dst, d, 16);
            case DC_PRED_NOTOP -> {
                int dc = 8;
                for (int j = 0; j < 16; j++) {
                    dc += u(dst, d - 1 + j * BPS);
                }
                fill(dst, d, 16, dc >> 4);
            }
            case DC_PRED_NOLEFT -> {
                int dc = 8;
                for (int i = 0; i < 16; i++) {
                    dc += u(dst, d + i - BPS);
                }
                fill(dst, d, 16, dc >> 4);
            }
            default -> fill(dst, d, 16, 0x80);
        }
    }

    /** 8x8 chroma prediction. */
    static void predChroma8(int mode, byte[] dst, int d) {
        switch (mode) {
            case DC_PRED -> {
                int dc = 8;
                for (int i = 0; i < 8; i++) {
                    dc += u(dst, d + i - BPS) + u(dst, d - 1 + i * BPS);
                }
                fill(dst, d, 8, dc >> 4);
            }
            case TM_PRED -> trueMotion(dst, d, 8);
            case V_PRED -> vertical(dst, d, 8);
            case H_PRED -> horizontal(dst, d, 8);
            case DC_PRED_NOTOP -> {
                int dc = 4;
                for (int i = 0; i < 8; i++) {
                    dc += u(dst, d - 1 + i * BPS);
                }
                fill(dst, d, 8, dc >> 3);
            }
            case DC_PRED_NOLEFT -> {
                int dc = 4;
                for (int i = 0; i < 8; i++) {
                    dc += u(dst, d + i - BPS);
                }
                fill(dst, d, 8, dc >> 3);
            }
            default -> fill(dst, d, 8, 0x80);
        }
    }

    private static int avg3(int a, int b, int c) {
        return (a + 2 * b + c + 2) >> 2;
    }

    private static int avg2(int a, int b) {
        return (a + b + 1) >> 1;
    }

    private static void put(byte[] dst, int d, int x, int y, int v) {
        dst[d + x + y * BPS] = (byte) v;
    }

    /** 4x4 luma sub-block prediction (the ten modes of RFC 6386, 12.3). */
    static void predLuma4(int mode, byte[] dst, int d) {
        int t = d - BPS;
        switch (mode) {
            case B_DC_PRED -> {
                int dc = 4;
                for (int i = 0; i < 4; i++) {
                    dc += u(dst, t + i) + u(dst, d - 1 + i * BPS);
                }
                fill(dst, d, 4, dc >> 3);
            }
            case B_TM_PRED -> trueMotion(dst, d, 4);
            case B_VE_PRED -> {
                int v0 = avg3(u(dst, t - 1), u(dst, t), u(dst, t + 1));
                int v1 = avg3(u(dst, t), u(dst, t + 1), u(dst, t + 2));
                int v2 = avg3(u(dst, t + 1), u(dst, t + 2), u(dst, t + 3));
                int v3 = avg3(u(dst, t + 2), u(dst, t + 3), u(dst, t + 4));
                for (int j = 0; j < 4; j++) {
                    int row = d + j * BPS;
                    dst[row] = (byte) v0;
                    dst[row + 1] = (byte) v1;
                    dst[row + 2] = (byte) v2;
                    dst[row + 3] = (byte) v3;
                }
            }
            case B_HE_PRED -> {
                int a = u(dst, d - 1 - BPS);
                int b = u(dst, d - 1);
                int c = u(dst, d - 1 + BPS);
                int e = u(dst, d - 1 + 2 * BPS);
                int f = u(dst, d - 1 + 3 * BPS);
                fillRow(dst, d, avg3(a, b, c));
                fillRow(dst, d + BPS, avg3(b, c, e));
                fillRow(dst, d + 2 * BPS, avg3(c, e, f));
                fillRow(dst, d + 3 * BPS, avg3(e, f, f));
            }
            case B_RD_PRED -> {
                int i = u(dst, d - 1);
                int j = u(dst, d - 1 + BPS);
                int k = u(dst, d - 1 + 2 * BPS);
                int l = u(dst, d - 1 + 3 * BPS);
                int x = u(dst, t - 1);
                int a = u(dst, t);
                int b = u(dst, t + 1);
                int c = u(dst, t + 2);
                int e = u(dst, t + 3);
                put(dst, d, 0, 3, avg3(j, k, l));
                int v = avg3(i, j, k);
                put(dst, d, 1, 3, v);
                put(dst, d, 0, 2, v);
                v = avg3(x, i, j);
                put(dst, d, 2, 3, v);
                put(dst, d, 1, 2, v);
                put(dst, d, 0, 1, v);
                v = avg3(a, x, i);
                put(dst, d, 3, 3, v);
                put(dst, d, 2, 2, v);
                put(dst, d, 1, 1, v);
                put(dst, d, 0, 0, v);
                v = avg3(b, a, x);
                put(dst, d, 3, 2, v);
                put(dst, d, 2, 1, v);
                put(dst, d, 1, 0, v);
                v = avg3(c, b, a);
                put(dst, d, 3, 1, v);
                put(dst, d, 2, 0, v);
                put(dst, d, 3, 0, avg3(e, c, b));
            }
            case B_VR_PRED -> {
                int i = u(dst, d - 1);
                int j = u(dst, d - 1 + BPS);
                int k = u(dst, d - 1 + 2 * BPS);
                int x = u(dst, t - 1);
                int a = u(dst, t);
                int b = u(dst, t + 1);
                int c = u(dst, t + 2);
                int e = u(dst, t + 3);
                int v = avg2(x, a);
                put(dst, d, 0, 0, v);
                put(dst, d, 1, 2, v);
                v = avg2(a, b);
                put(dst, d, 1, 0, v);
                put(dst, d, 2, 2, v);
                v = avg2(b, c);
                put(dst, d, 2, 0, v);
                put(dst, d, 3, 2, v);
                put(dst, d, 3, 0, avg2(c, e));
                put(dst, d, 0, 3, avg3(k, j, i));
                put(dst, d, 0, 2, avg3(j, i, x));
                v = avg3(i, x, a);
                put(dst, d, 0, 1, v);
                put(dst, d, 1, 3, v);
                v = avg3(x, a, b);
                put(dst, d, 1, 1, v);
                put(dst, d, 2, 3, v);
                v = avg3(a, b, c);
                put(dst, d, 2, 1, v);
                put(dst, d, 3, 3, v);
                put(dst, d, 3, 1, avg3(b, c, e));
            }
            case B_LD_PRED -> {
                int a = u(dst, t);
                int b = u(dst, t + 1);
                int c = u(dst, t + 2);
                int e = u(dst, t + 3);
                int f = u(dst, t + 4);
                int g = u(dst, t + 5);
                int h = u(dst, t + 6);
                int k = u(dst, t + 7);
                put(dst, d, 0, 0, avg3(a, b, c));
                int v = avg3(b, c, e);
                put(dst, d, 1, 0, v);
                put(dst, d, 0, 1, v);
                v = avg3(c, e, f);
                put(dst, d, 2, 0, v);
                put(dst, d, 1, 1, v);
                put(dst, d, 0, 2, v);
                v = avg3(e, f, g);
                put(dst, d, 3, 0, v);
                put(dst, d, 2, 1, v);
                put(dst, d, 1, 2, v);
                put(dst, d, 0, 3, v);
                v = avg3(f, g, h);
                put(dst, d, 3, 1, v);
                put(dst, d, 2, 2, v);
                put(dst, d, 1, 3, v);
                v = avg3(g, h, k);
                put(dst, d, 3, 2, v);
                put(dst, d, 2, 3, v);
                put(dst, d, 3, 3, avg3(h, k, k));
            }
            case B_VL_PRED -> {
                int a = u(dst, t);
                int b = u(dst, t + 1);
                int c = u(dst, t + 2);
                int e = u(dst, t + 3);
                int f = u(dst, t + 4);
                int g = u(dst, t + 5);
                int h = u(dst, t + 6);
                int k = u(dst, t + 7);
                put(dst, d, 0, 0, avg2(a, b));
                int v = avg2(b, c);
                put(dst, d, 1, 0, v);
                put(dst, d, 0, 2, v);
                v = avg2(c, e);
                put(dst, d, 2, 0, v);
                put(dst, d, 1, 2, v);
                v = avg2(e, f);
                put(dst, d, 3, 0, v);
                put(dst, d, 2, 2, v);
                put(dst, d, 0, 1, avg3(a, b, c));
                v = avg3(b, c, e);
                put(dst, d, 1, 1, v);
                put(dst, d, 0, 3, v);
                v = avg3(c, e, f);
                put(dst, d, 2, 1, v);
                put(dst, d, 1, 3, v);
                v = avg3(e, f, g);
                put(dst, d, 3, 1, v);
                put(dst, d, 2, 3, v);
                put(dst, d, 3, 2, avg3(f, g, h));
                put(dst, d, 3, 3, avg3(g, h, k));
            }
            case B_HD_PRED -> {
                int i = u(dst, d - 1);
                int j = u(dst, d - 1 + BPS);
                int k = u(dst, d - 1 + 2 * BPS);
                int l = u(dst, d - 1 + 3 * BPS);
                int x = u(dst, t - 1);
                int a = u(dst, t);
                int b = u(dst, t + 1);
                int c = u(dst, t + 2);
                int v = avg2(i, x);
                put(dst, d, 0, 0, v);
                put(dst, d, 2, 1, v);
                v = avg2(j, i);
                put(dst, d, 0, 1, v);
                put(dst, d, 2, 2, v);
                v = avg2(k, j);
                put(dst, d, 0, 2, v);
                put(dst, d, 2, 3, v);
                put(dst, d, 0, 3, avg2(l, k));
                put(dst, d, 3, 0, avg3(a, b, c));
                put(dst, d, 2, 0, avg3(x, a, b));
                v = avg3(i, x, a);
                put(dst, d, 1, 0, v);
                put(dst, d, 3, 1, v);
                v = avg3(j, i, x);
                put(dst, d, 1, 1, v);
                put(dst, d, 3, 2, v);
                v = avg3(k, j, i);
                put(dst, d, 1, 2, v);
                put(dst, d, 3, 3, v);
                put(dst, d, 1, 3, avg3(l, k, j));
            }
            default -> { // B_HU_PRED
                int i = u(dst, d - 1);
                int j = u(dst, d - 1 + BPS);
                int k = u(dst, d - 1 + 2 * BPS);
                int l = u(dst, d - 1 + 3 * BPS);
                put(dst, d, 0, 0, avg2(i, j));
                int v = avg2(j, k);
                put(dst, d, 2, 0, v);
                put(dst, d, 0, 1, v);
                v = avg2(k, l);
                put(dst, d, 2, 1, v);
                put(dst, d, 0, 2, v);
                put(dst, d, 1, 0, avg3(i, j, k));
                v = avg3(j, k, l);
                put(dst, d, 3, 0, v);
                put(dst, d, 1, 1, v);
                v = avg3(k, l, l);
                put(dst, d, 3, 1, v);
                put(dst, d, 1, 2, v);
                put(dst, d, 3, 2, l);
                put(dst, d, 2, 2, l);
                put(dst, d, 0, 3, l);
                put(dst, d, 1, 3, l);
                put(dst, d, 2, 3, l);
                put(dst, d, 3, 3, l);
            }
        }
    }

    private static void fillRow(byte[] dst, int row, int v) {
        byte b = (byte) v;
        dst[row] = b;
        dst[row + 1] = b;
        dst[row + 2] = b;
        dst[row + 3] = b;
    }

    // ---------------------------------------------------------------- loop filter

    private static int sclip1(int v) { // [-1020, 1020] -> [-128, 127]
        return v < -128 ? -128 : v > 127 ? 127 : v;
    }

    private static int sclip2(int v) { // [-112, 112] -> [-16, 15]
        return v < -16 ? -16 : v > 15 ? 15 : v;
    }

    private static int clip1(int v) { // [-255, 510] -> [0, 255]
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** Adjusts p0 and q0 (the common filter). */
    private static void doFilter2(byte[] p, int i, int step) {
        int p1 = u(p, i - 2 * step);
        int p0 = u(p, i - step);
        int q0 = u(p, i);
        int q1 = u(p, i + step);
        int a = 3 * (q0 - p0) + sclip1(p1 - q1);
        int a1 = sclip2((a + 4) >> 3);
        int a2 = sclip2((a + 3) >> 3);
        p[i - step] = (byte) clip1(p0 + a2);
        p[i] = (byte) clip1(q0 - a1);
    }

    /** Adjusts p1, p0, q0, q1 (inner edges without high edge variance). */
    private static void doFilter4(byte[] p, int i, int step) {
        int p1 = u(p, i - 2 * step);
        int p0 = u(p, i - step);
        int q0 = u(p, i);
        int q1 = u(p, i + step);
        int a = 3 * (q0 - p0);
        int a1 = sclip2((a + 4) >> 3);
        int a2 = sclip2((a + 3) >> 3);
        int a3 = (a1 + 1) >> 1;
        p[i - 2 * step] = (byte) clip1(p1 + a3);
        p[i - step] = (byte) clip1(p0 + a2);
        p[i] = (byte) clip1(q0 - a1);
        p[i + step] = (byte) clip1(q1 - a3);
    }

    /** Adjusts three pixels on each side (macroblock edges without high edge variance). */
    private static void doFilter6(byte[] p, int i, int step) {
        int p2 = u(p, i - 3 * step);
        int p1 = u(p, i - 2 * step);
        int p0 = u(p, i - step);
        int q0 = u(p, i);
        int q1 = u(p, i + step);
        int q2 = u(p, i + 2 * step);
        int a = sclip1(3 * (q0 - p0) + sclip1(p1 - q1));
        int a1 = (27 * a + 63) >> 7;
        int a2 = (18 * a + 63) >> 7;
        int a3 = (9 * a + 63) >> 7;
        p[i - 3 * step] = (byte) clip1(p2 + a3);
        p[i - 2 * step] = (byte) clip1(p1 + a2);
        p[i - step] = (byte) clip1(p0 + a1);
        p[i] = (byte) clip1(q0 - a1);
        p[i + step] = (byte) clip1(q1 - a2);
        p[i + 2 * step] = (byte) clip1(q2 - a3);
    }

    private static boolean hev(byte[] p, int i, int step, int thresh) {
        int p1 = u(p, i - 2 * step);
        int p0 = u(p, i - step);
        int q0 = u(p, i);
        int q1 = u(p, i + step);
        return Math.abs(p1 - p0) > thresh || Math.abs(q1 - q0) > thresh;
    }

    private static boolean needsFilter(byte[] p, int i, int step, int t) {
        int p1 = u(p, i - 2 * step);
        int p0 = u(p, i - step);
        int q0 = u(p, i);
        int q1 = u(p, i + step);
        return 4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) <= t;
    }

    private static boolean needsFilter2(byte[] p, int i, int step, int t, int it) {
        int p3 = u(p, i - 4 * step);
        int p2 = u(p, i - 3 * step);
        int p1 = u(p, i - 2 * step);
        int p0 = u(p, i - step);
        int q0 = u(p, i);
        int q1 = u(p, i + step);
        int q2 = u(p, i + 2 * step);
        int q3 = u(p, i + 3 * step);
        if (4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) > t) {
            return false;
        }
        return Math.abs(p3 - p2) <= it && Math.abs(p2 - p1) <= it && Math.abs(p1 - p0) <= it
                && Math.abs(q3 - q2) <= it && Math.abs(q2 - q1) <= it && Math.abs(q1 - q0) <= it;
    }

    /** Simple filter across a horizontal edge (filtering vertically), 16 pixels wide. */
    static void simpleVFilter16(byte[] p, int i, int stride, int thresh) {
        int thresh2 = 2 * thresh + 1;
        for (int k = 0; k < 16; k++) {
            if (needsFilter(p, i + k, stride, thresh2)) {
                doFilter2(p, i + k, stride);
            }
        }
    }

    /** Simple filter across a vertical edge (filtering horizontally), 16 pixels tall. */
    static void simpleHFilter16(byte[] p, int i, int stride, int thresh) {
        int thresh2 = 2 * thresh + 1;
        for (int k = 0; k < 16; k++) {
            int at = i + k * stride;
            if (needsFilter(p, at, 1, thresh2)) {
                doFilter2(p, at, 1);
            }
        }
    }

    static void simpleVFilter16i(byte[] p, int i, int stride, int thresh) {
        for (int k = 1; k <= 3; k++) {
            simpleVFilter16(p, i + 4 * k * stride, stride, thresh);
        }
    }

    static void simpleHFilter16i(byte[] p, int i, int stride, int thresh) {
        for (int k = 1; k <= 3; k++) {
            simpleHFilter16(p, i + 4 * k, stride, thresh);
        }
    }

    /** Macroblock-edge loop: {@code hstride} crosses the edge, {@code vstride} walks along it. */
    private static void filterLoop26(byte[] p, int i, int hstride, int vstride, int size, int thresh, int ithresh,
                                     int hevThresh) {
        int thresh2 = 2 * thresh + 1;
        for (int k = 0; k < size; k++, i += vstride) {
            if (needsFilter2(p, i, hstride, thresh2, ithresh)) {
                if (hev(p, i, hstride, hevThresh)) {
                    doFilter2(p, i, hstride);
                } else {
                    doFilter6(p, i, hstride);
                }
            }
        }
    }

    /** Inner-edge loop. */
    private static void filterLoop24(byte[] p, int i, int hstride, int vstride, int size, int thresh, int ithresh,
                                     int hevThresh) {
        int thresh2 = 2 * thresh + 1;
        for (int k = 0; k < size; k++, i += vstride) {
            if (needsFilter2(p, i, hstride, thresh2, ithresh)) {
                if (hev(p, i, hstride, hevThresh)) {
                    doFilter2(p, i, hstride);
                } else {
                    doFilter4(p, i, hstride);
                }
            }
        }
    }

    static void vFilter16(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        filterLoop26(p, i, stride, 1, 16, thresh, ithresh, hevThresh);
    }

    static void hFilter16(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        filterLoop26(p, i, 1, stride, 16, thresh, ithresh, hevThresh);
    }

    static void vFilter16i(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        for (int k = 1; k <= 3; k++) {
            filterLoop24(p, i + 4 * k * stride, stride, 1, 16, thresh, ithresh, hevThresh);
        }
    }

    static void hFilter16i(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        for (int k = 1; k <= 3; k++) {
            filterLoop24(p, i + 4 * k, 1, stride, 16, thresh, ithresh, hevThresh);
        }
    }

    static void vFilter8(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        filterLoop26(p, i, stride, 1, 8, thresh, ithresh, hevThresh);
    }

    static void hFilter8(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        filterLoop26(p, i, 1, stride, 8, thresh, ithresh, hevThresh);
    }

    static void vFilter8i(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        filterLoop24(p, i + 4 * stride, stride, 1, 8, thresh, ithresh, hevThresh);
    }

    static void hFilter8i(byte[] p, int i, int stride, int thresh, int ithresh, int hevThresh) {
        filterLoop24(p, i + 4, 1, stride, 8, thresh, ithresh, hevThresh);
    }
}
