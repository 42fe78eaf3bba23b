package io.assay.coord;

import io.assay.coord.share.ShareCsvFormat;
import io.assay.coord.share.ShareCsvReader;
import io.assay.coord.share.ShareTable;
import io.assay.core.testing.SharedCorpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** The CooRTweet corpus and peer results under shared/corpus/coordination (read in place, never copied). */
public final class PeerData {

    private PeerData() {
    }

    public static Path dir() {
        return SharedCorpus.corpus("coordination");
    }

    public static Path peerRun(String run) {
        return SharedCorpus.corpus("coordination/peer-cooRTweet/" + run);
    }

    public static ShareTable russian() throws IOException {
        return new ShareCsvReader(ShareCsvFormat.COORTWEET).read(dir().resolve("russian_coord_tweets.csv"));
    }

    /**
     * The German data prepared as the peer did (CooRTweet's vignette): object = prefix + the id column, content =
     * post_id, rows deduplicated on (object, account, content, timestamp) keeping the first, rows without the
     * object dropped.
     */
    public static ShareTable german(String column, String prefix) throws IOException {
        ShareTable t = new ShareTable();
        Set<List<String>> seen = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir().resolve("german_elections.csv.gz"))), StandardCharsets.UTF_8))) {
            List<String> header = List.of(r.readLine().split(",", -1));
            int acc = header.indexOf("account_id");
            int post = header.indexOf("post_id");
            int obj = header.indexOf(column);
            int ts = header.indexOf("timestamp");
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f[obj].isEmpty()) {
                    continue;
                }
                String object = prefix + f[obj];
                if (seen.add(List.of(object, f[acc], f[post], f[ts]))) {
                    t.add("", f[acc], object, f[post], Long.parseLong(f[ts]) * 1000, "");
                }
            }
        }
        return t;
    }

    /** A peer CSV as rows of named fields. */
    public static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.getFirst().split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], f[i]);
            }
            out.add(m);
        }
        return out;
    }
}
