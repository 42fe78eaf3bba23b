package io.assay.coord.detect;

import io.assay.coord.share.ShareTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account-account co-share network of Assay's method. An edge joins two accounts that shared one object within
 * the window; its weight is the number of distinct objects they co-shared (re-sharing one object many times does not
 * add weight), with the pairs' mean time delta and a symmetry score min/max of the two accounts' co-share counts
 * (shares of theirs that are in any pair), so a hyperactive account that co-shares with everyone scores low.
 * Coordinated edges: weight above the settings' percentile of all weights (strictly, as CooRTweet), symmetry at
 * least the minimum, and a weight improbable by chance (see {@link CoordinationSettings#significance()}): without
 * that test, two busy organic accounts that both share viral posts within seconds collect a few co-shares by chance,
 * and the percentile alone (often just "weight at least 2") lets them through.
 */
public final class AccountNetwork {

    /** One edge, accounts in id order. */
    public record Edge(String a, String b, int weight, int pairs, double avgDeltaSeconds, double symmetry, double expectedWeight,
                       boolean coordinated) {
    }

    private final ShareTable table;
    private final ShareOrder order;
    private final CoordinationSettings settings;
    private final long pairs;
    private final int edges;
    private final int[] from;
    private final int[] to;
    private final int[] weight;
    private final int[] pairCount;
    private final long[] sumDelta;
    private final int[] coShares;
    private final double threshold;
    private final double[] strength;
    private final double totalWeight;
    private final boolean[] coordinated;

    private AccountNetwork(ShareTable table, ShareOrder order, CoordinationSettings settings, long pairs, int edges, int[] from,
                           int[] to, int[] weight, int[] pairCount, long[] sumDelta, int[] coShares) {
        this.table = table;
        this.order = order;
        this.settings = settings;
        this.pairs = pairs;
        this.edges = edges;
        this.from = from;
        this.to = to;
        this.weight = weight;
        this.pairCount = pairCount;
        this.sumDelta = sumDelta;
        this.coShares = coShares;
        double[] w = new double[edges];
        for (int e = 0; e < edges; e++) {
            w[e] = weight[e];
        }
        this.threshold = edges == 0 ? Double.NaN : Quantile.type7(w, settings.edgePercentile());
        this.strength = new double[table.accounts().size()];
        double total = 0;
        for (int e = 0; e < edges; e++) {
            strength[from[e]] += weight[e];
            strength[to[e]] += weight[e];
            total += weight[e];
        }
        this.totalWeight = total;
        double logAlpha = Math.log(settings.significance() / Math.max(1, edges));
        this.coordinated = new boolean[edges];
        for (int e = 0; e < edges; e++) {
            coordinated[e] = weight[e] > threshold && symmetry(e) >= settings.minSymmetry()
                    && (settings.significance() >= 1 || logChance(e) < logAlpha);
        }
    }

    public static AccountNetwork build(ShareTable t, CoordinationSettings settings) {
        int accounts = t.accounts().size();
        int[] perAccount = new int[accounts];
        for (int r = 0; r < t.size(); r++) {
            perAccount[t.account(r)]++;
        }
        int kept = 0;
        int[] rows = new int[t.size()];
        for (int r = 0; r < t.size(); r++) {
            if (perAccount[t.account(r)] >= settings.minParticipation()) {
                rows[kept++] = r;
            }
        }
        ShareOrder order = ShareOrder.of(t, Arrays.copyOf(rows, kept));
        Builder b = new Builder(t);
        long pairs = CoShareFinder.find(t, order, settings.window().toMillis(), b);
        int[] coShares = new int[accounts];
        for (int r = 0; r < t.size(); r++) {
            if (b.inPair.get(r)) {
                coShares[t.account(r)]++;
            }
        }
        return new AccountNetwork(t, order, settings, pairs, b.n, b.from, b.to, b.weight, b.pairs, b.sumDelta, coShares);
    }

    /** Accumulates edges from the pair stream, which arrives object by object. */
    private static final class Builder implements PairSink {
        final ShareTable t;
        final LongIntMap index = new LongIntMap(1 << 12);
        final java.util.BitSet inPair = new java.util.BitSet();
        int n;
        int[] from = new int[1 << 12];
        int[] to = new int[1 << 12];
        int[] weight = new int[1 << 12];
        int[] pairs = new int[1 << 12];
        int[] lastObject = new int[1 << 12];
        long[] sumDelta = new long[1 << 12];

        Builder(ShareTable t) {
            this.t = t;
        }

        @Override
        public void pair(int earlier, int later, long deltaMillis) {
            int a = t.account(earlier);
            int b = t.account(later);
            if (a == b) {
                return;
            }
            inPair.set(earlier);
            inPair.set(later);
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            long key = (long) lo << 32 | hi;
            int e = index.get(key);
            int object = t.object(earlier);
            if (e < 0) {
                if (n == from.length) {
                    int c = n * 2;
                    from = Arrays.copyOf(from, c);
                    to = Arrays.copyOf(to, c);
                    weight = Arrays.copyOf(weight, c);
                    pairs = Arrays.copyOf(pairs, c);
                    lastObject = Arrays.copyOf(lastObject, c);
                    sumDelta = Arrays.copyOf(sumDelta, c);
                }
                e = n++;
                index.put(key, e);
                from[e] = lo;
                to[e] = hi;
                lastObject[e] = -1;
            }
            // pairs come grouped by object, so a new object for this edge is a change of lastObject
            if (lastObject[e] != object) {
                lastObject[e] = object;
                weight[e]++;
            }
            pairs[e]++;
            sumDelta[e] += deltaMillis;
        }
    }

    public ShareTable table() {
        return table;
    }

    /** The shares in detection order (after min participation), for a second pass over the pairs. */
    public ShareOrder order() {
        return order;
    }

    public CoordinationSettings settings() {
        return settings;
    }

    /** Co-share pairs between different accounts and the same account (all pairs the window admitted). */
    public long pairs() {
        return pairs;
    }

    public int edgeCount() {
        return edges;
    }

    /** The weight quantile; coordinated edges are strictly above it. NaN without edges. */
    public double weightThreshold() {
        return threshold;
    }

    public int from(int e) {
        return from[e];
    }

    public int to(int e) {
        return to[e];
    }

    public int weight(int e) {
        return weight[e];
    }

    public boolean coordinated(int e) {
        return coordinated[e];
    }

    public double symmetry(int e) {
        int x = coShares[from[e]];
        int y = coShares[to[e]];
        return (double) Math.min(x, y) / Math.max(x, y);
    }

    /** Expected weight of edge {@code e} under the null model: strength(a) strength(b) / 2m. */
    public double expectedWeight(int e) {
        return strength[from[e]] * strength[to[e]] / (2 * totalWeight);
    }

    /** log P(weight or more | null model) for edge {@code e}. */
    public double logChance(int e) {
        return PoissonTail.logUpper(weight[e], expectedWeight(e));
    }

    /** Shares of the account that are in at least one pair with another account. */
    public int coShares(int account) {
        return coShares[account];
    }

    public Edge edge(int e) {
        return new Edge(table.accounts().name(from[e]), table.accounts().name(to[e]), weight[e], pairCount[e],
                sumDelta[e] / 1000.0 / pairCount[e], symmetry(e), expectedWeight(e), coordinated[e]);
    }

    public List<Edge> coordinatedEdges() {
        List<Edge> out = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            if (coordinated[e]) {
                out.add(edge(e));
            }
        }
        return out;
    }
}
