package io.assay.coord.detect;

import io.assay.coord.share.ShareTable;

import java.util.Arrays;

/**
 * The rows of a share table grouped by object and sorted by time within each object, ties kept in the order the rows
 * were given: a stable time sort (packed keys, one primitive sort) followed by a stable counting sort by object.
 * O(n log n), no boxing.
 */
public final class ShareOrder {

    private final int[] rows;
    private final int[] objectStart;
    private final int objects;

    private ShareOrder(int[] rows, int[] objectStart, int objects) {
        this.rows = rows;
        this.objectStart = objectStart;
        this.objects = objects;
    }

    /** Orders {@code rows} (a subset of the table's rows; their order breaks ties at equal times). */
    public static ShareOrder of(ShareTable t, int[] rows) {
        int n = rows.length;
        int[] byTime = new int[n];
        if (n > 0) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int r : rows) {
                min = Math.min(min, t.time(r));
                max = Math.max(max, t.time(r));
            }
            int posBits = 64 - Long.numberOfLeadingZeros(n);
            long range = max - min;
            if (range >= 0 && 64 - Long.numberOfLeadingZeros(range) + posBits <= 63) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = (t.time(rows[i]) - min) << posBits | i;
                }
                Arrays.sort(keys);
                long mask = (1L << posBits) - 1;
                for (int i = 0; i < n; i++) {
                    byTime[i] = rows[(int) (keys[i] & mask)];
                }
            } else {
                // times too far apart to pack: a stable boxed sort
                Integer[] idx = new Integer[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                Arrays.sort(idx, (a, b) -> Long.compare(t.time(rows[a]), t.time(rows[b])));
                for (int i = 0; i < n; i++) {
                    byTime[i] = rows[idx[i]];
                }
            }
        }
        int objects = t.objects().size();
        int[] start = new int[objects + 1];
        for (int r : byTime) {
            start[t.object(r) + 1]++;
        }
        for (int o = 0; o < objects; o++) {
            start[o + 1] += start[o];
        }
        int[] fill = Arrays.copyOf(start, objects);
        int[] out = new int[n];
        for (int r : byTime) {
            out[fill[t.object(r)]++] = r;
        }
        return new ShareOrder(out, start, objects);
    }

    public static ShareOrder of(ShareTable t) {
        int[] all = new int[t.size()];
        Arrays.setAll(all, i -> i);
        return of(t, all);
    }

    public int[] rows() {
        return rows;
    }

    /** Object {@code o}'s rows are {@code rows()[start(o)] .. rows()[start(o + 1) - 1]}. */
    public int start(int object) {
        return objectStart[object];
    }

    public int objects() {
        return objects;
    }
}
