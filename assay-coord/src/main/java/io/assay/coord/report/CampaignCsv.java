package io.assay.coord.report;

import io.assay.coord.detect.CoordinationResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * campaigns.csv: one row per account of a campaign, with the campaign's figures repeated (easy to filter and join):
 * {@code campaign,account,campaign_accounts,objects,shares,first_share,last_share,labels,edges,weight,mean_delta_seconds}.
 * {@code labels} is {@code label:count} joined by {@code ;}.
 */
public final class CampaignCsv {

    public static final String HEADER = "campaign,account,campaign_accounts,objects,shares,first_share,last_share,labels,edges,weight,mean_delta_seconds";

    private CampaignCsv() {
    }

    public static void write(CoordinationResult r, Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        for (Campaign c : r.campaigns()) {
            String labels = new java.util.TreeMap<>(c.labels()).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(";"));
            for (String a : c.accounts()) {
                w.write(String.join(",", Integer.toString(c.id()), quote(a), Integer.toString(c.accounts().size()),
                        Integer.toString(c.objects().size()), Integer.toString(c.shares()),
                        c.firstShare() == null ? "" : c.firstShare().toString(), c.lastShare() == null ? "" : c.lastShare().toString(),
                        quote(labels), Integer.toString(c.edges()), Long.toString(c.weight()),
                        String.format(java.util.Locale.ROOT, "%.3f", c.meanDeltaSeconds())));
                w.write('\n');
            }
        }
    }

    public static void write(CoordinationResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(r, w);
        }
    }

    /** RFC 4180 quoting where needed, and a leading quote against spreadsheet formula injection (=, +, -, @). */
    static String quote(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
