package io.assay.hash.audio;

import java.io.ByteArrayOutputStream;

/**
 * Chromaprint's compressed fingerprint string: a 4-byte header (algorithm id, item count as 24-bit big endian),
 * then the XOR of consecutive items written as the gaps between their set bits (3-bit codes, 7 = "add an
 * exceptional 5-bit value"), packed little-endian-bitwise, then base64url without padding. fpcalc prints this
 * form by default and AcoustID accepts it.
 */
final class FingerprintCompression {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int MAX_NORMAL = 7;
    /** The header counts items in 24 bits. */
    static final int MAX_ITEMS = (1 << 24) - 1;

    private FingerprintCompression() {
    }

    static String compress(int[] items, ChromaprintAlgorithm algorithm) {
        if (items.length > MAX_ITEMS) {
            throw new IllegalArgumentException("too many items for a compressed fingerprint: " + items.length);
        }
        IntList normal = new IntList(items.length * 8);
        IntList exceptional = new IntList(items.length / 8 + 8);
        for (int i = 0; i < items.length; i++) {
            int x = i == 0 ? items[0] : items[i] ^ items[i - 1];
            int lastBit = 0;
            for (int bit = 1; x != 0; bit++, x >>>= 1) {
                if ((x & 1) != 0) {
                    int gap = bit - lastBit;
                    if (gap >= MAX_NORMAL) {
                        normal.add(MAX_NORMAL);
                        exceptional.add(gap - MAX_NORMAL);
                    } else {
                        normal.add(gap);
                    }
                    lastBit = bit;
                }
            }
            normal.add(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + normal.size * 3 / 8 + exceptional.size * 5 / 8 + 2);
        out.write(algorithm.id());
        out.write(items.length >>> 16);
        out.write(items.length >>> 8);
        out.write(items.length);
        pack(normal, 3, out);
        pack(exceptional, 5, out);
        return base64Encode(out.toByteArray());
    }

    record Decoded(ChromaprintAlgorithm algorithm, int[] items) {
    }

    static Decoded decompress(String text) {
        byte[] data = base64Decode(text.strip());
        if (data.length < 4) {
            throw new IllegalArgumentException("compressed fingerprint too short (" + data.length + " bytes, need a 4-byte header)");
        }
        ChromaprintAlgorithm algorithm = ChromaprintAlgorithm.fromId(data[0] & 0xFF);
        int count = (data[1] & 0xFF) << 16 | (data[2] & 0xFF) << 8 | (data[3] & 0xFF);
        // Every item ends with a 0 code, so a count the payload cannot hold is rejected before allocating.
        long available3 = (long) (data.length - 4) * 8 / 3;
        if (count > available3) {
            throw new IllegalArgumentException("compressed fingerprint claims " + count + " items but holds at most " + available3);
        }
        BitReader bits = new BitReader(data, 4);
        IntList normal = new IntList(count * 4 + 4);
        int found = 0;
        int exceptions = 0;
        while (found < count) {
            if (!bits.has(3)) {
                throw new IllegalArgumentException("compressed fingerprint truncated: " + found + " of " + count + " items");
            }
            int v = bits.read(3);
            normal.add(v);
            if (v == 0) {
                found++;
            } else if (v == MAX_NORMAL) {
                exceptions++;
            }
        }
        // The 5-bit section starts at the next whole byte.
        BitReader ex = new BitReader(data, 4 + (normal.size * 3 + 7) / 8);
        int[] items = new int[count];
        int item = 0;
        int value = 0;
        int lastBit = 0;
        for (int j = 0; j < normal.size; j++) {
            int code = normal.data[j];
            if (code == 0) {
                items[item] = item > 0 ? value ^ items[item - 1] : value;
                item++;
                value = 0;
                lastBit = 0;
                continue;
            }
            if (code == MAX_NORMAL) {
                if (!ex.has(5)) {
                    throw new IllegalArgumentException("compressed fingerprint truncated: " + exceptions + " exceptional values expected");
                }
                code += ex.read(5);
            }
            int bit = lastBit + code;
            if (bit > 32) {
                throw new IllegalArgumentException("compressed fingerprint is corrupt: bit " + bit + " in item " + item);
            }
            lastBit = bit;
            value |= 1 << (bit - 1);
        }
        return new Decoded(algorithm, items);
    }

    private static void pack(IntList values, int width, ByteArrayOutputStream out) {
        int acc = 0;
        int n = 0;
        for (int i = 0; i < values.size; i++) {
            acc |= values.data[i] << n;
            n += width;
            while (n >= 8) {
                out.write(acc & 0xFF);
                acc >>>= 8;
                n -= 8;
            }
        }
        if (n > 0) {
            out.write(acc & 0xFF);
        }
    }

    static String base64Encode(byte[] b) {
        StringBuilder sb = new StringBuilder((b.length * 4 + 2) / 3);
        int i = 0;
        for (; i + 2 < b.length; i += 3) {
            int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
            sb.append(ALPHABET.charAt(v >>> 18)).append(ALPHABET.charAt(v >>> 12 & 63))
                    .append(ALPHABET.charAt(v >>> 6 & 63)).append(ALPHABET.charAt(v & 63));
        }
        int rest = b.length - i;
        if (rest == 1) {
            int v = (b[i] & 0xFF) << 16;
            sb.append(ALPHABET.charAt(v >>> 18)).append(ALPHABET.charAt(v >>> 12 & 63));
        } else if (rest == 2) {
            int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8;
            sb.append(ALPHABET.charAt(v >>> 18)).append(ALPHABET.charAt(v >>> 12 & 63)).append(ALPHABET.charAt(v >>> 6 & 63));
        }
        return sb.toString();
    }

    /** Strict base64url without padding (Chromaprint's own decoder silently maps unknown characters to 0). */
    static byte[] base64Decode(String s) {
        if (s.length() % 4 == 1) {
            throw new IllegalArgumentException("not a compressed fingerprint: base64 length " + s.length() + " is impossible");
        }
        byte[] out = new byte[s.length() * 3 / 4];
        int acc = 0;
        int n = 0;
        int o = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = c < 128 ? ALPHABET.indexOf(c) : -1;
            if (v < 0) {
                throw new IllegalArgumentException("not a compressed fingerprint: character '" + c + "' at " + i
                        + " is not base64url");
            }
            acc = acc << 6 | v;
            n += 6;
            if (n >= 8) {
                n -= 8;
                out[o++] = (byte) (acc >>> n);
            }
        }
        return out;
    }

    /** Reads fixed-width fields packed from the least significant bit of each byte upwards. */
    private static final class BitReader {
        private final byte[] data;
        private long pos;

        BitReader(byte[] data, int byteOffset) {
            this.data = data;
            this.pos = (long) byteOffset * 8;
        }

        boolean has(int width) {
            return pos + width <= (long) data.length * 8;
        }

        int read(int width) {
            int v = 0;
            for (int k = 0; k < width; k++, pos++) {
                int bit = data[(int) (pos >>> 3)] >>> (pos & 7) & 1;
                v |= bit << k;
            }
            return v;
        }
    }

    private static final class IntList {
        int[] data;
        int size;

        IntList(int capacity) {
            data = new int[Math.max(capacity, 8)];
        }

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
