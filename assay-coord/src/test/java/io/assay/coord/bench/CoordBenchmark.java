package io.assay.coord.bench;

import io.assay.coord.PeerData;
import io.assay.coord.detect.CampaignDetector;
import io.assay.coord.detect.CooRTweetCompat;
import io.assay.coord.detect.CoordinationResult;
import io.assay.coord.detect.CoordinationSettings;
import io.assay.coord.share.Share;
import io.assay.coord.share.ShareCsvFormat;
import io.assay.coord.share.ShareCsvReader;
import io.assay.coord.share.ShareTable;
import io.assay.coord.stream.StreamingCoShareFinder;
import io.assay.coord.stream.StreamingEdgeTally;
import io.assay.coord.synth.Scenario;
import io.assay.coord.synth.ShareStreamGenerator;
import io.assay.coord.synth.SyntheticStream;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures of the module README (run by scripts/bench-coord.sh, pinned to one core): CooRTweet compatibility on
 * the real datasets beside the peer's times, batch detection on 1 million synthetic shares, streaming throughput and
 * state. Timed main, not a unit test: medians of repeated runs after a warm-up.
 */
public final class CoordBenchmark {

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long shares = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        System.out.printf(Locale.ROOT, "java %s, %d available processor(s), max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        System.out.println("\n## CooRTweet compatibility (read CSV + detect_groups + network), median of " + reps);
        System.out.println("| run | rows | pairs | edges | coordinated | Assay read | Assay detect+network | CooRTweet detect_groups (median) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        Path russian = PeerData.dir().resolve("russian_coord_tweets.csv");
        for (int tw : new int[] {10, 60}) {
            double[] read = new double[reps];
            double[] det = new double[reps];
            int[] counts = new int[4];
            for (int i = -1; i < reps; i++) {
                long t0 = System.nanoTime();
                ShareTable t = new ShareCsvReader(ShareCsvFormat.COORTWEET).read(russian);
                long t1 = System.nanoTime();
                List<CooRTweetCompat.Pair> p = CooRTweetCompat.detectGroups(t, tw, 2);
                List<CooRTweetCompat.Edge> e = CooRTweetCompat.network(p, 0.5);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    read[i] = (t1 - t0) / 1e9;
                    det[i] = (t2 - t1) / 1e9;
                }
                counts = new int[] {t.size(), p.size(), e.size(), (int) e.stream().filter(CooRTweetCompat.Edge::coordinated).count()};
            }
            System.out.printf(Locale.ROOT, "| russian tw%d | %,d | %,d | %,d | %d | %.3f s | %.3f s | %s |%n", tw, counts[0], counts[1],
                    counts[2], counts[3], median(read), median(det), tw == 10 ? "9.79 s" : "9.58 s");
        }
        for (String run : new String[] {"phash", "url+phash"}) {
            double[] all = new double[reps];
            int[] counts = new int[4];
            for (int i = -1; i < reps; i++) {
                long t0 = System.nanoTime();
                List<CooRTweetCompat.Pair> p = new ArrayList<>();
                int rows = 0;
                int tw = run.equals("phash") ? 10 : 30;
                if (run.contains("url")) {
                    ShareTable u = PeerData.german("url_id", "url_");
                    rows += u.size();
                    p.addAll(CooRTweetCompat.detectGroups(u, tw, 2));
                }
                ShareTable h = PeerData.german("phash_id", "hash_");
                rows += h.size();
                p.addAll(CooRTweetCompat.detectGroups(h, tw, 2));
                List<CooRTweetCompat.Edge> e = CooRTweetCompat.network(p, 0.5);
                if (i >= 0) {
                    all[i] = (System.nanoTime() - t0) / 1e9;
                }
                counts = new int[] {rows, p.size(), e.size(), (int) e.stream().filter(CooRTweetCompat.Edge::coordinated).count()};
            }
            System.out.printf(Locale.ROOT, "| german %s tw%s | %,d | %,d | %,d | %d | (with detection) | read+prep+detect+network %.3f s | %s |%n", run,
                    run.equals("phash") ? "10" : "30", counts[0], counts[1], counts[2], counts[3], median(all),
                    run.equals("phash") ? "7.28 s" : "24.38 s");
        }

        System.out.println("\n## Batch, synthetic, default settings");
        SyntheticStream s = ShareStreamGenerator.generate(Scenario.DEFAULT.scaledTo(shares));
        Path csv = Files.createTempFile("assay-coord-bench", ".csv");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                w.write("account,time,object,content\n");
                for (Share x : s.shares()) {
                    w.write(x.account() + "," + x.epochMillis() / 1000 + "." + String.format("%03d", x.epochMillis() % 1000) + ","
                            + x.object() + "," + x.content() + "\n");
                }
            }
            s = null;
            System.gc();
            double[] read = new double[reps];
            double[] det = new double[reps];
            CoordinationResult r = null;
            ShareTable t = null;
            for (int i = -1; i < reps; i++) {
                t = null;
                r = null;
                System.gc();
                long t0 = System.nanoTime();
                t = new ShareCsvReader(ShareCsvFormat.ASSAY).read(csv);
                long t1 = System.nanoTime();
                r = new CampaignDetector(CoordinationSettings.DEFAULT).detect(t);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    read[i] = (t1 - t0) / 1e9;
                    det[i] = (t2 - t1) / 1e9;
                }
            }
            System.out.printf(Locale.ROOT, "%,d shares (%,d accounts, %,d objects, %d MB CSV): %,d pairs, %,d edges, %,d coordinated, %d campaigns%n",
                    t.size(), t.accounts().size(), t.objects().size(), Files.size(csv) >> 20, r.network().pairs(), r.network().edgeCount(),
                    r.network().coordinatedEdges().size(), r.campaigns().size());
            System.out.printf(Locale.ROOT, "read CSV median %.2f s, detect (pairs, network, filters, Leiden, campaigns) median %.2f s, total %.2f s%n",
                    median(read), median(det), median(read) + median(det));
        } finally {
            Files.deleteIfExists(csv);
        }

        s = ShareStreamGenerator.generate(Scenario.DEFAULT.scaledTo(shares));
        System.out.println("\n## Streaming (pairs + edge tally, 10 s window, 2 s lateness)");
        stream("the synthetic week, in time order", s.shares(), reps);
        // a firehose at exactly 10,000 shares/s for 100 s: 100,000 accounts, 300,000 objects with
        // popularity falling as 1/sqrt(rank) (the top object: 18 shares/s)
        // (the week above compressed would put a whole cascade into seconds, which no real stream does)
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        List<Share> firehose = new ArrayList<>(1_000_000);
        long start = Scenario.DEFAULT.start().toEpochMilli();
        for (int i = 0; i < 1_000_000; i++) {
            double u = rnd.nextDouble();
            int object = (int) (300_000 * u * u);
            firehose.add(new Share("", "f" + rnd.nextInt(100_000), "o" + object, "", start + i / 10, ""));
        }
        stream("firehose, 10,000 shares/s for 100 s", firehose, reps);
    }

    static void stream(String what, List<Share> shares, int reps) {
        double[] rate = new double[reps];
        long[] state = new long[4];
        for (int i = -1; i < reps; i++) {
            StreamingEdgeTally tally = new StreamingEdgeTally(5_000_000);
            StreamingCoShareFinder f = new StreamingCoShareFinder(Duration.ofSeconds(10), Duration.ofSeconds(2),
                    StreamingCoShareFinder.Limits.DEFAULT, tally);
            long maxLive = 0;
            long t0 = System.nanoTime();
            for (Share x : shares) {
                f.accept(x);
                maxLive = Math.max(maxLive, f.liveShares());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (i >= 0) {
                rate[i] = shares.size() / secs;
            }
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            state = new long[] {maxLive, f.pairs(), tally.size(), heap >> 20, f.truncatedShares() + f.evictedObjects()};
        }
        System.out.printf(Locale.ROOT, "%s: %,.0f shares/s median of %d; max live shares %,d of %,d; %,d pairs; %,d tallied edges; heap after GC %,d MiB (input list included); cut by caps %d%n",
                what, median(rate), reps, state[0], shares.size(), state[1], state[2], state[3], state[4]);
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

}
