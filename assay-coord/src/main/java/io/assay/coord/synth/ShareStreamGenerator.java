package io.assay.coord.synth;

import io.assay.coord.share.Share;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a share stream with known coordinated accounts. Organic behaviour: accounts with heavy-tailed activity
 * share objects whose popularity is heavy-tailed, in cascades that follow a daily cycle, so popular objects produce
 * many innocent co-shares. Coordinated cells push their own media within seconds of each other (jittered), some
 * members wait until just outside the detection window to evade it, and the pushed media circulate as re-encoded
 * variants with nearby perceptual hashes. Cell members also share organically (cover).
 */
public final class ShareStreamGenerator {

    private static final int MAX_CASCADE = 20_000;

    private ShareStreamGenerator() {
    }

    public static SyntheticStream generate(Scenario s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        long start = s.start().toEpochMilli();
        long span = s.days() * 86_400_000L;
        List<Share> shares = new ArrayList<>();

        // cells first, so their members can join the organic activity pool
        List<Set<String>> cells = new ArrayList<>();
        Set<String> coordinated = new LinkedHashSet<>();
        List<String> accounts = new ArrayList<>();
        List<Double> activity = new ArrayList<>();
        for (int i = 0; i < s.organicAccounts(); i++) {
            accounts.add(String.format("a%06d", i));
            activity.add(Math.min(1000, pareto(rnd, s.activityTail(), 1)));
        }
        for (int c = 0; c < s.cells(); c++) {
            int size = s.minCellSize() + rnd.nextInt(s.maxCellSize() - s.minCellSize() + 1);
            Set<String> cell = new LinkedHashSet<>();
            for (int k = 0; k < size; k++) {
                // names carry no hint of the truth: the same pattern as organic accounts
                String name = String.format("a%06d", s.organicAccounts() + coordinated.size());
                cell.add(name);
                coordinated.add(name);
                accounts.add(name);
                activity.add(Math.min(1000, pareto(rnd, s.activityTail(), 1)));
            }
            cells.add(cell);
        }
        double[] cumulative = new double[activity.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += activity.get(i);
            cumulative[i] = sum;
        }

        // organic cascades: popularity ~ Pareto with the requested mean
        double xm = s.meanCascadeShares() * (s.popularityTail() - 1) / s.popularityTail();
        double meanDelay = s.cascadeMeanDelay().toMillis();
        for (int o = 0; o < s.objects(); o++) {
            String object = "o" + o;
            long birth = start + cycleTime(rnd, span);
            int size = (int) Math.min(Math.min(MAX_CASCADE, accounts.size() / 4), Math.ceil(pareto(rnd, s.popularityTail(), xm)));
            java.util.BitSet sharedIt = new java.util.BitSet();
            for (int k = 0; k < size; k++) {
                long t = birth + delay(rnd, birth, meanDelay);
                // an account shares an object once (re-drawn, so popular accounts still join most cascades)
                int a = pick(rnd, cumulative);
                for (int tries = 0; sharedIt.get(a) && tries < 50; tries++) {
                    a = pick(rnd, cumulative);
                }
                if (t >= start + span || sharedIt.get(a)) {
                    continue;
                }
                sharedIt.set(a);
                String account = accounts.get(a);
                shares.add(new Share("", account, object, "p" + shares.size(), t, ""));
            }
        }

        // coordinated cells pushing media in re-encoded variants
        Map<String, String> hashes = new HashMap<>();
        Map<String, String> mediumOf = new HashMap<>();
        long jitter = s.cellJitter().toMillis();
        long window = s.evasionWindow().toMillis();
        for (int c = 0; c < cells.size(); c++) {
            List<String> members = new ArrayList<>(cells.get(c));
            for (int j = 0; j < s.cellObjects(); j++) {
                String medium = "m" + c + "_" + j;
                long[] base = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
                List<String> variants = new ArrayList<>();
                for (int v = 0; v < s.mediaVariants(); v++) {
                    String id = medium + "#v" + v;
                    long[] h = base.clone();
                    for (int b = 0; v > 0 && b < s.variantBits(); b++) {
                        int bit = rnd.nextInt(256);
                        h[bit >> 6] ^= 1L << (bit & 63);
                    }
                    hashes.put(id, String.format("%016x%016x%016x%016x", h[0], h[1], h[2], h[3]));
                    mediumOf.put(id, medium);
                    variants.add(id);
                }
                long push = start + cycleTime(rnd, span - 120_000);
                for (String m : members) {
                    if (rnd.nextDouble() >= s.cellParticipation()) {
                        continue;
                    }
                    long t = push + rnd.nextLong(jitter + 1);
                    if (rnd.nextDouble() < s.evasionRate()) {
                        // just outside the window after the whole burst
                        t = push + jitter + window + 1000 + rnd.nextLong(10_000);
                    }
                    String variant = variants.get(rnd.nextInt(variants.size()));
                    shares.add(new Share("", m, variant, "p" + shares.size(), t, c % 2 == 0 ? "ai-generated" : ""));
                }
            }
        }
        shares.sort(Comparator.comparingLong(Share::epochMillis));
        List<Set<String>> cellsOut = new ArrayList<>();
        cells.forEach(x -> cellsOut.add(Set.copyOf(x)));
        return new SyntheticStream(List.copyOf(shares), Map.copyOf(hashes), Map.copyOf(mediumOf), Set.copyOf(coordinated),
                List.copyOf(cellsOut));
    }

    /** A time in [0, span) following a daily cycle: busiest mid-afternoon UTC, quietest around 04:00. */
    static long cycleTime(SplittableRandom rnd, long span) {
        while (true) {
            long t = rnd.nextLong(span);
            if (rnd.nextDouble() < intensity(t)) {
                return t;
            }
        }
    }

    static double intensity(long t) {
        double hour = (t % 86_400_000L) / 3_600_000.0;
        return 0.2 + 0.8 * (1 - Math.cos(2 * Math.PI * (hour - 4) / 24)) / 2;
    }

    /** An exponential delay after {@code birth}, thinned by the daily cycle (night-time shares are rarer). */
    static long delay(SplittableRandom rnd, long birth, double meanMillis) {
        long d = 0;
        for (int tries = 0; tries < 20; tries++) {
            d = (long) (-Math.log(1 - rnd.nextDouble()) * meanMillis);
            if (rnd.nextDouble() < intensity(birth + d)) {
                return d;
            }
        }
        return d;
    }

    static double pareto(SplittableRandom rnd, double shape, double xm) {
        return xm / Math.pow(1 - rnd.nextDouble(), 1 / shape);
    }

    static int pick(SplittableRandom rnd, double[] cumulative) {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
    }

}
