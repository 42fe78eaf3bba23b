package io.assay.coord.detect;

import io.assay.coord.share.ShareTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CooRTweet 2.1.3 compatibility: {@code detect_groups} and {@code generate_coordinated_network} as that package
 * behaves, rule for rule (see the module README), so its pairs and edges are reproduced exactly. This is not Assay's
 * default method: weights count pair rows (a hyperactive account re-sharing one object inflates them) and the
 * threshold is a quantile of all weights.
 */
public final class CooRTweetCompat {

    private CooRTweetCompat() {
    }

    /** One row of {@code detect_groups}' result: {@code account}/{@code content} is the earlier share. */
    public record Pair(String object, String account, String accountY, String content, String contentY, double timeDelta) {
    }

    /**
     * One edge of the account network, {@code from < to}. {@code nContentId} counts the distinct <em>earlier</em>
     * contents of the edge's pairs, as CooRTweet does (the columns are not swapped with the accounts).
     */
    public record Edge(String from, String to, int weight, double avgTimeDelta, int nContentId, int nContentIdY,
                       double edgeSymmetryScore, boolean coordinated) {
    }

    /** {@code detect_groups(x, time_window, min_participation)} with {@code remove_loops = TRUE}. */
    public static List<Pair> detectGroups(ShareTable t, long timeWindowSeconds, int minParticipation) {
        int n = t.size();
        int accounts = t.accounts().size();
        // 1. accounts with fewer than min_participation rows are dropped (rows, not distinct contents)
        int[] rowsPerAccount = new int[accounts];
        for (int r = 0; r < n; r++) {
            rowsPerAccount[t.account(r)]++;
        }
        // the surviving rows regrouped by account: accounts in order of first appearance, rows in input order
        // (this order breaks ties between equal timestamps)
        Map<Integer, List<Integer>> byAccount = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            if (rowsPerAccount[t.account(r)] >= minParticipation) {
                byAccount.computeIfAbsent(t.account(r), k -> new ArrayList<>()).add(r);
            }
        }
        int[] rows = byAccount.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
        // 2. pairs within the window (inclusive); 3. no same content, same account, or object equal to a content
        List<int[]> pairs = new ArrayList<>();
        CoShareFinder.find(t, ShareOrder.of(t, rows), Math.multiplyExact(timeWindowSeconds, 1000L), (a, b, d) -> {
            if (t.account(a) == t.account(b)) {
                return;
            }
            int ca = t.content(a);
            int cb = t.content(b);
            if (ca >= 0 && ca == cb) {
                return;
            }
            String object = t.objects().name(t.object(a));
            if (ca >= 0 && object.equals(t.contents().name(ca)) || cb >= 0 && object.equals(t.contents().name(cb))) {
                return;
            }
            pairs.add(new int[] {a, b});
        });
        // 4. accounts qualify by their rows whose content occurs in a pair; a pair stays if either content belongs to one
        BitSet pairContents = new BitSet();
        for (int[] p : pairs) {
            setContent(pairContents, t.content(p[0]));
            setContent(pairContents, t.content(p[1]));
        }
        int[] inPairRows = new int[accounts];
        for (int r : rows) {
            int c = t.content(r);
            if (c >= 0 && pairContents.get(c)) {
                inPairRows[t.account(r)]++;
            }
        }
        BitSet qualifyingContents = new BitSet();
        for (int r : rows) {
            int c = t.content(r);
            if (c >= 0 && inPairRows[t.account(r)] >= minParticipation) {
                qualifyingContents.set(c);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (int[] p : pairs) {
            int ca = t.content(p[0]);
            int cb = t.content(p[1]);
            if (ca >= 0 && qualifyingContents.get(ca) || cb >= 0 && qualifyingContents.get(cb)) {
                out.add(new Pair(t.objects().name(t.object(p[0])), t.accounts().name(t.account(p[0])),
                        t.accounts().name(t.account(p[1])), content(t, ca), content(t, cb),
                        (t.time(p[1]) - t.time(p[0])) / 1000.0));
            }
        }
        return out;
    }

    private static void setContent(BitSet s, int c) {
        if (c >= 0) {
            s.set(c);
        }
    }

    private static String content(ShareTable t, int c) {
        return c < 0 ? "" : t.contents().name(c);
    }

    /**
     * {@code generate_coordinated_network(result, edge_weight)}: one edge per unordered account pair, weight = pair
     * rows, coordinated iff weight &gt; the type-7 quantile of all weights at {@code edgeWeight} (strictly).
     */
    public static List<Edge> network(List<Pair> pairs, double edgeWeight) {
        final class Acc {
            int weight;
            double sumDelta;
            final Set<String> earlier = new HashSet<>();
            final Set<String> later = new HashSet<>();
        }
        Map<List<String>, Acc> edges = new HashMap<>();
        for (Pair p : pairs) {
            boolean ordered = p.account().compareTo(p.accountY()) < 0;
            List<String> key = ordered ? List.of(p.account(), p.accountY()) : List.of(p.accountY(), p.account());
            Acc a = edges.computeIfAbsent(key, k -> new Acc());
            a.weight++;
            a.sumDelta += p.timeDelta();
            a.earlier.add(p.content());
            a.later.add(p.contentY());
        }
        double[] weights = edges.values().stream().mapToDouble(a -> a.weight).toArray();
        double q = Quantile.type7(weights, edgeWeight);
        List<Edge> out = new ArrayList<>(edges.size());
        edges.forEach((k, a) -> {
            int n1 = a.earlier.size();
            int n2 = a.later.size();
            out.add(new Edge(k.get(0), k.get(1), a.weight, a.sumDelta / a.weight, n1, n2,
                    (double) Math.min(n1, n2) / Math.max(n1, n2), a.weight > q));
        });
        out.sort((x, y) -> {
            int c = x.from().compareTo(y.from());
            return c != 0 ? c : x.to().compareTo(y.to());
        });
        return out;
    }

    /** The threshold {@link #network} applies: the type-7 quantile of the weights. */
    public static double weightThreshold(List<Edge> edges, double edgeWeight) {
        return Quantile.type7(edges.stream().mapToDouble(Edge::weight).toArray(), edgeWeight);
    }

}
