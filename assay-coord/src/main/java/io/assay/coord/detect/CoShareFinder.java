package io.assay.coord.detect;

import io.assay.coord.share.ShareTable;

/**
 * Every pair of shares of the same object whose times differ by at most the window (inclusive), exactly: a sliding
 * window over each object's time-sorted shares, so pairs straddling any bucket edge are never missed.
 * O(n log n) for the sort plus O(pairs) for the scan.
 */
public final class CoShareFinder {

    private CoShareFinder() {
    }

    /** Emits the pairs among the ordered rows; returns how many. */
    public static long find(ShareTable t, ShareOrder order, long windowMillis, PairSink sink) {
        if (windowMillis < 0) {
            throw new IllegalArgumentException("negative window");
        }
        int[] rows = order.rows();
        long pairs = 0;
        for (int o = 0; o < order.objects(); o++) {
            int end = order.start(o + 1);
            for (int i = order.start(o); i < end; i++) {
                int a = rows[i];
                long ta = t.time(a);
                for (int j = i + 1; j < end; j++) {
                    int b = rows[j];
                    long d = t.time(b) - ta;
                    if (d > windowMillis) {
                        break;
                    }
                    sink.pair(a, b, d);
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
