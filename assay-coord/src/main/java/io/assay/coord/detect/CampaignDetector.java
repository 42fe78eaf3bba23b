package io.assay.coord.detect;

import io.assay.coord.report.Campaign;
import io.assay.coord.share.ShareTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assay's batch method: exact co-share pairs -> account network -> coordinated edges (weight percentile, symmetry)
 * -> Leiden communities over the coordinated edges -> campaigns with their accounts, objects, time span and labels.
 */
public final class CampaignDetector {

    private final CoordinationSettings settings;

    public CampaignDetector(CoordinationSettings settings) {
        this.settings = settings;
    }

    public CoordinationResult detect(ShareTable t) {
        AccountNetwork net = AccountNetwork.build(t, settings);
        // the coordinated subgraph, its vertices renumbered 0..k-1
        int[] node = new int[t.accounts().size()];
        Arrays.fill(node, -1);
        List<Integer> accountOfNode = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int e = 0; e < net.edgeCount(); e++) {
            if (net.coordinated(e)) {
                kept.add(e);
                for (int a : new int[] {net.from(e), net.to(e)}) {
                    if (node[a] < 0) {
                        node[a] = accountOfNode.size();
                        accountOfNode.add(a);
                    }
                }
            }
        }
        int[] from = new int[kept.size()];
        int[] to = new int[kept.size()];
        double[] w = new double[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            int e = kept.get(i);
            from[i] = node[net.from(e)];
            to[i] = node[net.to(e)];
            w[i] = net.weight(e);
        }
        int[] community = LeidenCommunities.of(accountOfNode.size(), from, to, w, settings.resolution(), settings.seed());
        int communities = Arrays.stream(community).max().orElse(-1) + 1;
        int[] size = new int[communities];
        for (int c : community) {
            size[c]++;
        }
        // community ids are ordered by size: reported ones are a prefix
        int reported = 0;
        while (reported < communities && size[reported] >= settings.minCampaignAccounts()) {
            reported++;
        }
        int[] campaignOf = new int[t.accounts().size()];
        Arrays.fill(campaignOf, -1);
        for (int n = 0; n < community.length; n++) {
            if (community[n] < reported) {
                campaignOf[accountOfNode.get(n)] = community[n];
            }
        }
        return new CoordinationResult(net, campaigns(t, net, campaignOf, reported, kept), accountMap(t, campaignOf));
    }

    private static Map<String, Integer> accountMap(ShareTable t, int[] campaignOf) {
        Map<String, Integer> m = new HashMap<>();
        for (int a = 0; a < campaignOf.length; a++) {
            if (campaignOf[a] >= 0) {
                m.put(t.accounts().name(a), campaignOf[a] + 1);
            }
        }
        return m;
    }

    /** A second pass over the pairs (cheaper than keeping them) collects each campaign's objects, shares and span. */
    private List<Campaign> campaigns(ShareTable t, AccountNetwork net, int[] campaignOf, int reported, List<Integer> kept) {
        LongIntMap edgeIndex = new LongIntMap(kept.size() + 1);
        for (int e : kept) {
            edgeIndex.put((long) net.from(e) << 32 | net.to(e), e);
        }
        List<TreeSet<String>> objects = new ArrayList<>();
        List<BitSet> shares = new ArrayList<>();
        long[] first = new long[reported];
        long[] last = new long[reported];
        double[] sumDelta = new double[reported];
        long[] pairs = new long[reported];
        for (int c = 0; c < reported; c++) {
            objects.add(new TreeSet<>());
            shares.add(new BitSet());
            first[c] = Long.MAX_VALUE;
            last[c] = Long.MIN_VALUE;
        }
        CoShareFinder.find(t, net.order(), settings.window().toMillis(), (a, b, d) -> {
            int x = t.account(a);
            int y = t.account(b);
            int c = campaignOf[x];
            if (x == y || c < 0 || campaignOf[y] != c
                    || edgeIndex.get((long) Math.min(x, y) << 32 | Math.max(x, y)) < 0) {
                return;
            }
            objects.get(c).add(t.objects().name(t.object(a)));
            shares.get(c).set(a);
            shares.get(c).set(b);
            first[c] = Math.min(first[c], t.time(a));
            last[c] = Math.max(last[c], t.time(b));
            sumDelta[c] += d / 1000.0;
            pairs[c]++;
        });
        int[] edges = new int[reported];
        long[] weight = new long[reported];
        for (int e : kept) {
            int c = campaignOf[net.from(e)];
            if (c >= 0 && c == campaignOf[net.to(e)]) {
                edges[c]++;
                weight[c] += net.weight(e);
            }
        }
        List<List<String>> accounts = new ArrayList<>();
        for (int c = 0; c < reported; c++) {
            accounts.add(new ArrayList<>());
        }
        for (int a = 0; a < campaignOf.length; a++) {
            if (campaignOf[a] >= 0) {
                accounts.get(campaignOf[a]).add(t.accounts().name(a));
            }
        }
        List<Campaign> out = new ArrayList<>();
        for (int c = 0; c < reported; c++) {
            Map<String, Integer> labels = new TreeMap<>();
            BitSet s = shares.get(c);
            for (int r = s.nextSetBit(0); r >= 0; r = s.nextSetBit(r + 1)) {
                if (t.label(r) >= 0) {
                    labels.merge(t.labels().name(t.label(r)), 1, Integer::sum);
                }
            }
            List<String> acc = accounts.get(c);
            acc.sort(null);
            out.add(new Campaign(c + 1, acc, new ArrayList<>(objects.get(c)), s.cardinality(),
                    pairs[c] == 0 ? null : Instant.ofEpochMilli(first[c]), pairs[c] == 0 ? null : Instant.ofEpochMilli(last[c]),
                    labels, edges[c], weight[c], pairs[c] == 0 ? 0 : sumDelta[c] / pairs[c]));
        }
        return out;
    }
}
