package io.assay.coord.stream;

import io.assay.coord.share.Share;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Running pair counts per account pair, fed by {@link StreamingCoShareFinder}: the incremental half of the network.
 * At most {@code maxEdges} account pairs are tallied; pairs of accounts not yet tallied once the cap is reached are
 * counted in {@link #refused()}, not silently lost. Filtering and communities are recomputed from a snapshot (or
 * by the batch detector over retained shares), not maintained incrementally.
 */
public final class StreamingEdgeTally implements StreamingCoShareFinder.Listener {

    /** One tallied account pair ({@code a < b}). */
    public record Tally(String a, String b, long pairs, double meanDeltaSeconds) {
    }

    private static final class Counter {
        long pairs;
        long sumDelta;
    }

    private final int maxEdges;
    private final Map<String, Map<String, Counter>> edges = new HashMap<>();
    private int size;
    private long refused;

    public StreamingEdgeTally(int maxEdges) {
        this.maxEdges = maxEdges;
    }

    @Override
    public void pair(Share earlier, Share later, long deltaMillis) {
        String x = earlier.accountKey();
        String y = later.accountKey();
        String a = x.compareTo(y) < 0 ? x : y;
        String b = a == x ? y : x;
        Map<String, Counter> row = edges.get(a);
        Counter c = row == null ? null : row.get(b);
        if (c == null) {
            if (size >= maxEdges) {
                refused++;
                return;
            }
            c = new Counter();
            edges.computeIfAbsent(a, k -> new HashMap<>()).put(b, c);
            size++;
        }
        c.pairs++;
        c.sumDelta += deltaMillis;
    }

    public int size() {
        return size;
    }

    public long refused() {
        return refused;
    }

    /** The tallied pairs with at least {@code minPairs} pairs, most pairs first. */
    public List<Tally> snapshot(long minPairs) {
        List<Tally> out = new ArrayList<>();
        edges.forEach((a, row) -> row.forEach((b, c) -> {
            if (c.pairs >= minPairs) {
                out.add(new Tally(a, b, c.pairs, c.sumDelta / 1000.0 / c.pairs));
            }
        }));
        out.sort(Comparator.comparingLong(Tally::pairs).reversed().thenComparing(Tally::a).thenComparing(Tally::b));
        return out;
    }
}
