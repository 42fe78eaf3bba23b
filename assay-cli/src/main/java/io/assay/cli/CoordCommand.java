package io.assay.cli;

import io.assay.coord.detect.CampaignDetector;
import io.assay.coord.detect.CooRTweetCompat;
import io.assay.coord.detect.CoordinationResult;
import io.assay.coord.detect.CoordinationSettings;
import io.assay.coord.detect.LeidenCommunities;
import io.assay.coord.report.CampaignCsv;
import io.assay.coord.report.CampaignJson;
import io.assay.coord.report.GraphMlWriter;
import io.assay.coord.share.ShareCsvFormat;
import io.assay.coord.share.ShareCsvReader;
import io.assay.coord.share.ShareTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * {@code assay coord --input shares.csv --out DIR}: coordinated-sharing campaigns from a CSV of shares, written as
 * campaigns.json, campaigns.csv and network.graphml; with {@code --compat cootweet}, CooRTweet's pairs and edges
 * (groups.csv, edges.csv) and the GraphML of its coordinated subgraph.
 */
@Command(name = "coord", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find coordinated-sharing campaigns in a CSV of shares (see assay-coord/README.md for the columns).")
final class CoordCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Shares, CSV or CSV.gz.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "cootweet (object_id, account_id, content_id, timestamp_share), assay (account, time, object|url|media_hash|text, ...), or auto (by the header; default).")
    String format;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "10s",
            description = "Co-share window, inclusive: 10s (default, strict), 60s (loose), 500ms, 2m; a bare number is seconds.")
    String window;

    @Option(names = "--min-participation", paramLabel = "N", defaultValue = "2", description = "Ignore accounts with fewer shares (default 2).")
    int minParticipation;

    @Option(names = "--edge-percentile", paramLabel = "P",
            description = "Coordinated edges have a weight above this quantile of all weights (default 0.9; 0.5 with --compat cootweet, its edge_weight).")
    Double edgePercentile;

    @Option(names = "--significance", paramLabel = "ALPHA", defaultValue = "0.05",
            description = "Also require the weight to be improbable by chance (Bonferroni over edges); 1 turns the test off (default 0.05).")
    double significance;

    @Option(names = "--compat", paramLabel = "TOOL", description = "cootweet: reproduce CooRTweet 2.1.3's detect_groups and network exactly.")
    String compat;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Duration w = parseWindow(window);
        if (minParticipation < 1) {
            throw new ParameterException(spec.commandLine(), "--min-participation must be at least 1");
        }
        if (compat != null && !compat.equalsIgnoreCase("cootweet") && !compat.equalsIgnoreCase("coortweet")) {
            throw new ParameterException(spec.commandLine(), "--compat: only 'cootweet' is known, not '" + compat + "'");
        }
        double p = edgePercentile != null ? edgePercentile : compat != null ? 0.5 : 0.9;
        if (!(p >= 0 && p <= 1)) {
            throw new ParameterException(spec.commandLine(), "--edge-percentile must be in [0, 1]");
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": no such file");
        }
        ShareCsvFormat f = format.equals("auto") ? sniff(input) : parseFormat(format);
        ShareTable shares;
        try {
            shares = new ShareCsvReader(f).read(input);
        } catch (IOException e) {
            throw new IOException(input.getFileName() + " " + e.getMessage(), e);
        }
        Files.createDirectories(out);
        if (compat != null) {
            return compat(shares, w, p, o);
        }
        CoordinationSettings settings = CoordinationSettings.DEFAULT.withWindow(w).withMinParticipation(minParticipation)
                .withEdgePercentile(p).withSignificance(significance);
        CoordinationResult r = new CampaignDetector(settings).detect(shares);
        CampaignJson.write(r, out.resolve("campaigns.json"));
        CampaignCsv.write(r, out.resolve("campaigns.csv"));
        GraphMlWriter.write(r, out.resolve("network.graphml"));
        o.printf(Locale.ROOT, "%d shares, %d accounts: %d pairs, %d edges, %d coordinated, %d campaigns -> %s%n", shares.size(),
                shares.accounts().size(), r.network().pairs(), r.network().edgeCount(), r.network().coordinatedEdges().size(),
                r.campaigns().size(), out);
        return 0;
    }

    private int compat(ShareTable shares, Duration w, double p, PrintWriter o) throws IOException {
        if (w.toMillis() % 1000 != 0) {
            throw new ParameterException(spec.commandLine(), "--compat cootweet: the window is whole seconds");
        }
        List<CooRTweetCompat.Pair> pairs = CooRTweetCompat.detectGroups(shares, w.toSeconds(), minParticipation);
        List<CooRTweetCompat.Edge> edges = CooRTweetCompat.network(pairs, p);
        try (Writer g = Files.newBufferedWriter(out.resolve("groups.csv"), StandardCharsets.UTF_8)) {
            g.write("object_id,account_id,account_id_y,content_id,content_id_y,time_delta\n");
            for (CooRTweetCompat.Pair x : pairs) {
                g.write(String.join(",", csv(x.object()), csv(x.account()), csv(x.accountY()), csv(x.content()), csv(x.contentY()),
                        num(x.timeDelta())) + "\n");
            }
        }
        try (Writer e = Files.newBufferedWriter(out.resolve("edges.csv"), StandardCharsets.UTF_8)) {
            e.write("from,to,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,weight_threshold\n");
            for (CooRTweetCompat.Edge x : edges) {
                e.write(String.join(",", csv(x.from()), csv(x.to()), Integer.toString(x.weight()), num(x.avgTimeDelta()),
                        Integer.toString(x.nContentId()), Integer.toString(x.nContentIdY()), num(x.edgeSymmetryScore()),
                        x.coordinated() ? "1" : "0") + "\n");
            }
        }
        List<CooRTweetCompat.Edge> coordinated = edges.stream().filter(CooRTweetCompat.Edge::coordinated).toList();
        writeCompatGraph(coordinated, out.resolve("network.graphml"));
        o.printf(Locale.ROOT, "CooRTweet compatibility: %d shares: %d pairs, %d edges, %d coordinated (weight > %s) -> %s%n",
                shares.size(), pairs.size(), edges.size(), coordinated.size(),
                edges.isEmpty() ? "-" : num(CooRTweetCompat.weightThreshold(edges, p)), out);
        return 0;
    }

    /** The coordinated subgraph with a Leiden community per account (CooRTweet has no clustering of its own). */
    private static void writeCompatGraph(List<CooRTweetCompat.Edge> edges, Path file) throws IOException {
        Map<String, Integer> node = new HashMap<>();
        List<String> names = new java.util.ArrayList<>();
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        double[] weight = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            CooRTweetCompat.Edge e = edges.get(i);
            from[i] = node.computeIfAbsent(e.from(), k -> { names.add(k); return names.size() - 1; });
            to[i] = node.computeIfAbsent(e.to(), k -> { names.add(k); return names.size() - 1; });
            weight[i] = e.weight();
        }
        int[] community = LeidenCommunities.of(names.size(), from, to, weight, 1.0, CoordinationSettings.DEFAULT.seed());
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n")
                .append("<key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n")
                .append("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n")
                .append("<key id=\"avg_delta\" for=\"edge\" attr.name=\"avg_time_delta\" attr.type=\"double\"/>\n")
                .append("<key id=\"symmetry\" for=\"edge\" attr.name=\"edge_symmetry_score\" attr.type=\"double\"/>\n")
                .append("<graph id=\"coordinated\" edgedefault=\"undirected\">\n");
        for (int i = 0; i < names.size(); i++) {
            b.append("<node id=\"").append(xml(names.get(i))).append("\"><data key=\"community\">").append(community[i] + 1)
                    .append("</data></node>\n");
        }
        for (CooRTweetCompat.Edge e : edges) {
            b.append("<edge source=\"").append(xml(e.from())).append("\" target=\"").append(xml(e.to())).append("\">")
                    .append("<data key=\"weight\">").append(e.weight()).append("</data>")
                    .append("<data key=\"avg_delta\">").append(num(e.avgTimeDelta())).append("</data>")
                    .append("<data key=\"symmetry\">").append(num(e.edgeSymmetryScore())).append("</data></edge>\n");
        }
        b.append("</graph>\n</graphml>\n");
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    static Duration parseWindow(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            } else if (v.endsWith("m")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            } else if (v.endsWith("h")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 3_600_000));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
            }
            if (d.isNegative() || d.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("--window must be between 0 and 7 days: " + s);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--window '" + s + "' is not a duration (10s, 60s, 500ms, 2m)");
        }
    }

    private static ShareCsvFormat parseFormat(String s) {
        return ShareCsvFormat.parse(s);
    }

    /** CooRTweet's layout when the header names its columns, Assay's otherwise. */
    static ShareCsvFormat sniff(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            char[] buf = new char[4096];
            int n = r.read(buf);
            String head = n <= 0 ? "" : new String(buf, 0, n).split("\\R", 2)[0].toLowerCase(Locale.ROOT);
            return head.contains("object_id") && head.contains("timestamp_share") ? ShareCsvFormat.COORTWEET : ShareCsvFormat.ASSAY;
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.15g", v).replaceAll("0+$", "");
    }

    private static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
