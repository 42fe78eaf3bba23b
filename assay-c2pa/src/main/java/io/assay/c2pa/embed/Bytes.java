package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

/** Bounds-checked big-endian reads for the embedders, which walk containers they did not write. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] b, long at) throws C2paException {
        check(b, at, 1);
        return b[(int) at] & 0xFF;
    }

    static int u16(byte[] b, long at) throws C2paException {
        check(b, at, 2);
        return ((b[(int) at] & 0xFF) << 8) | (b[(int) at + 1] & 0xFF);
    }

    static long u32(byte[] b, long at) throws C2paException {
        check(b, at, 4);
        int i = (int) at;
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static long u32le(byte[] b, long at) throws C2paException {
        check(b, at, 4);
        int i = (int) at;
        return ((long) (b[i + 3] & 0xFF) << 24) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }

    static long u64(byte[] b, long at) throws C2paException {
        return (u32(b, at) << 32) | u32(b, at + 4);
    }

    static String fourCc(byte[] b, long at) throws C2paException {
        check(b, at, 4);
        return new String(b, (int) at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putU32le(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    static void putU64(byte[] b, int at, long v) {
        putU32(b, at, v >>> 32);
        putU32(b, at + 4, v);
    }

    static void check(byte[] b, long at, long n) throws C2paException {
        if (at < 0 || n < 0 || at + n > b.length) {
            throw new C2paException("truncated file: needs " + n + " bytes at offset " + at + " of " + b.length);
        }
    }
}
