package io.assay.coord.detect;

import java.util.Arrays;

/** Open-addressing map from long keys to int values (no boxing): edge key -> edge index. */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
    }

    private static int slot(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29) & mask;
    }

    /** The value of {@code k}, or -1. */
    int get(long k) {
        for (int i = slot(k, mask); ; i = i + 1 & mask) {
            long c = keys[i];
            if (c == k) {
                return values[i];
            }
            if (c == EMPTY) {
                return -1;
            }
        }
    }

    void put(long k, int v) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        for (int i = slot(k, mask); ; i = i + 1 & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = v;
                size++;
                return;
            }
            if (keys[i] == k) {
                values[i] = v;
                return;
            }
        }
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[keys.length];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != EMPTY) {
                put(ok[i], ov[i]);
            }
        }
    }
}
