package io.assay.coord.stream;

import io.assay.coord.share.Share;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Co-share pairs from an unbounded stream, with bounded state. Each object keeps only the shares that can still pair
 * with a future one (those newer than the newest time seen minus window minus allowed lateness); objects with no
 * such share are dropped. Pairs are exact (|Δt| ≤ window, inclusive, as in batch) for shares that arrive no later
 * than the allowed lateness; later ones are counted and ignored. Hard caps on live objects and on shares per object
 * bound memory under floods; what they cut is counted, never silent.
 */
public final class StreamingCoShareFinder {

    /** Receives each pair once, the earlier share first. */
    @FunctionalInterface
    public interface Listener {
        void pair(Share earlier, Share later, long deltaMillis);
    }

    /** Caps on state: live objects, and shares kept per object. */
    public record Limits(int maxObjects, int maxSharesPerObject) {
        public static final Limits DEFAULT = new Limits(1_000_000, 10_000);

        public Limits {
            if (maxObjects < 1 || maxSharesPerObject < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private final long window;
    private final long lateness;
    private final Limits limits;
    private final Listener listener;
    /** object -> its live shares; iteration order = least recently shared first, so expiry scans from the head */
    private final LinkedHashMap<String, ArrayDeque<Share>> live = new LinkedHashMap<>(1 << 12, 0.75f, true);
    private long newest = Long.MIN_VALUE;
    private long liveShares;
    private long accepted;
    private long pairs;
    private long late;
    private long evictedObjects;
    private long truncatedShares;

    public StreamingCoShareFinder(Duration window, Duration allowedLateness, Limits limits, Listener listener) {
        if (window.isNegative() || allowedLateness.isNegative()) {
            throw new IllegalArgumentException("negative window or lateness");
        }
        this.window = window.toMillis();
        this.lateness = allowedLateness.toMillis();
        this.limits = limits;
        this.listener = listener;
    }

    public void accept(Share s) {
        long t = s.epochMillis();
        if (newest != Long.MIN_VALUE && t < newest - lateness) {
            late++;
            return;
        }
        accepted++;
        if (t > newest) {
            newest = t;
            expire();
        }
        ArrayDeque<Share> shares = live.get(s.object());
        if (shares == null) {
            if (live.size() >= limits.maxObjects()) {
                Iterator<Map.Entry<String, ArrayDeque<Share>>> eldest = live.entrySet().iterator();
                liveShares -= eldest.next().getValue().size();
                eldest.remove();
                evictedObjects++;
            }
            shares = new ArrayDeque<>(4);
            live.put(s.object(), shares);
        }
        // a busy object is never at the head of the expiry order: trim it here
        long horizon = newest - lateness - window;
        while (!shares.isEmpty() && shares.peekFirst().epochMillis() < horizon) {
            shares.pollFirst();
            liveShares--;
        }
        String account = s.accountKey();
        for (Share o : shares) {
            long d = t - o.epochMillis();
            if (Math.abs(d) <= window && !o.accountKey().equals(account)) {
                if (d >= 0) {
                    listener.pair(o, s, d);
                } else {
                    listener.pair(s, o, -d);
                }
                pairs++;
            }
        }
        if (shares.size() >= limits.maxSharesPerObject()) {
            shares.pollFirst();
            liveShares--;
            truncatedShares++;
        }
        shares.addLast(s);
        liveShares++;
    }

    /** Drops shares and objects that no future in-time share can pair with. */
    private void expire() {
        long horizon = newest - lateness - window;
        Iterator<Map.Entry<String, ArrayDeque<Share>>> it = live.entrySet().iterator();
        while (it.hasNext()) {
            ArrayDeque<Share> shares = it.next().getValue();
            // arrival order is time order up to the lateness, so the head holds the oldest
            while (!shares.isEmpty() && shares.peekFirst().epochMillis() < horizon) {
                shares.pollFirst();
                liveShares--;
            }
            if (!shares.isEmpty()) {
                // objects are in least-recently-shared order: the rest were shared more recently
                if (shares.peekLast().epochMillis() >= horizon) {
                    break;
                }
            } else {
                it.remove();
            }
        }
    }

    public long liveObjects() {
        return live.size();
    }

    public long liveShares() {
        return liveShares;
    }

    public long accepted() {
        return accepted;
    }

    public long pairs() {
        return pairs;
    }

    /** Shares that arrived later than the allowed lateness (ignored). */
    public long late() {
        return late;
    }

    /** Objects dropped by the object cap before they expired (their future pairs are lost). */
    public long evictedObjects() {
        return evictedObjects;
    }

    /** Shares dropped by the per-object cap. */
    public long truncatedShares() {
        return truncatedShares;
    }
}
