package io.assay.coord.share;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads shares from CSV (gzipped when the name ends in {@code .gz}) into a {@link ShareTable}. Every bad row is an
 * error naming its line; nothing is guessed. At most {@code maxRows} rows are read, so memory stays bounded.
 */
public final class ShareCsvReader {

    public static final long DEFAULT_MAX_ROWS = 20_000_000;

    private final ShareCsvFormat format;
    private final long maxRows;
    private final UrlNormalizer urls = new UrlNormalizer();
    private long skipped;

    public ShareCsvReader(ShareCsvFormat format) {
        this(format, DEFAULT_MAX_ROWS);
    }

    public ShareCsvReader(ShareCsvFormat format, long maxRows) {
        this.format = format;
        this.maxRows = maxRows;
    }

    /** Rows skipped by the last read (CooRTweet layout: empty object). */
    public long skipped() {
        return skipped;
    }

    public ShareTable read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    public ShareTable read(Reader reader) throws IOException {
        skipped = 0;
        CsvRecordReader csv = new CsvRecordReader(reader);
        List<String> header = csv.read();
        if (header == null) {
            throw new ShareCsvException(1, "empty file: expected a header line");
        }
        if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
            header.set(0, header.getFirst().substring(1));
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        ShareTable table = new ShareTable();
        if (format == ShareCsvFormat.COORTWEET) {
            readCooRTweet(csv, col, table);
        } else {
            readAssay(csv, col, table);
        }
        return table;
    }

    private void readCooRTweet(CsvRecordReader csv, Map<String, Integer> col, ShareTable table) throws IOException {
        int obj = required(col, "object_id");
        int acc = required(col, "account_id");
        int content = required(col, "content_id");
        int ts = required(col, "timestamp_share");
        List<String> r;
        while ((r = csv.read()) != null) {
            long line = csv.recordLine();
            checkRows(table, line);
            String object = field(r, obj, line, "object_id");
            if (object.isEmpty()) {
                skipped++;
                continue;
            }
            String account = nonEmpty(r, acc, line, "account_id");
            long millis = epochSeconds(field(r, ts, line, "timestamp_share"), line, "timestamp_share");
            table.add("", account, object, field(r, content, line, "content_id"), millis, "");
        }
    }

    private record Pending(String platform, String key, String object, String content, long millis, String label,
                           String mediaHash, String text, long line) {
    }

    private void readAssay(CsvRecordReader csv, Map<String, Integer> col, ShareTable table) throws IOException {
        int acc = required(col, "account");
        int ts = required(col, "time");
        Integer obj = col.get("object");
        Integer url = col.get("url");
        Integer hash = col.get("media_hash");
        Integer text = col.get("text");
        if (obj == null && url == null && hash == null && text == null) {
            throw new ShareCsvException(1, "missing an object column: 'object', 'url', 'media_hash' or 'text'");
        }
        Integer platform = col.get("platform");
        Integer content = col.get("content");
        Integer label = col.get("label");
        // media hashes and texts become objects only once all are read (clustering), so rows wait here
        List<Pending> pending = new java.util.ArrayList<>();
        List<String> hashes = new java.util.ArrayList<>();
        List<String> texts = new java.util.ArrayList<>();
        List<String> r;
        while ((r = csv.read()) != null) {
            long line = csv.recordLine();
            if (pending.size() >= maxRows) {
                throw new ShareCsvException(line, "more than " + maxRows + " rows");
            }
            String account = nonEmpty(r, acc, line, "account");
            String object = obj == null ? "" : field(r, obj, line, "object");
            if (object.isEmpty() && url != null) {
                String u = field(r, url, line, "url");
                if (!u.isEmpty()) {
                    object = urls.normalize(u).map(n -> "url:" + n)
                            .orElseThrow(() -> new ShareCsvException(line, "url '" + clip(u) + "' is not an http(s) URL"));
                }
            }
            String h = "";
            String x = "";
            if (object.isEmpty() && hash != null) {
                h = field(r, hash, line, "media_hash");
                if (!h.isEmpty()) {
                    if (!h.matches("[0-9a-fA-F]{64}")) {
                        throw new ShareCsvException(line, "media_hash '" + clip(h) + "' is not 64 hex digits (a 256-bit PDQ hash)");
                    }
                    hashes.add(h);
                }
            }
            if (object.isEmpty() && h.isEmpty() && text != null) {
                x = field(r, text, line, "text");
                if (!x.isEmpty()) {
                    texts.add(x);
                }
            }
            if (object.isEmpty() && h.isEmpty() && x.isEmpty()) {
                throw new ShareCsvException(line, "no object: 'object', 'url', 'media_hash' and 'text' are all empty or absent");
            }
            String p = platform == null ? "" : field(r, platform, line, "platform");
            pending.add(new Pending(p, p.isEmpty() ? account : p + ":" + account, object,
                    content == null ? "" : field(r, content, line, "content"), time(field(r, ts, line, "time"), line),
                    label == null ? "" : field(r, label, line, "label"), h, x, line));
        }
        int[] mediaCluster = new MediaObjectClusterer(MediaObjectClusterer.DEFAULT_DISTANCE).cluster(hashes);
        int[] textCluster = new TextObjectClusterer(TextObjectClusterer.DEFAULT_THRESHOLD).cluster(texts);
        int hi = 0;
        int ti = 0;
        for (Pending p : pending) {
            String object = p.object();
            if (!p.mediaHash().isEmpty()) {
                // the cluster is named by its first hash, so the object id is stable and meaningful
                object = "media:" + hashes.get(mediaCluster[hi++]).toLowerCase(Locale.ROOT);
            } else if (!p.text().isEmpty()) {
                object = "text:" + textCluster[ti++];
            }
            table.add(p.platform(), p.key(), object, p.content(), p.millis(), p.label());
        }
    }

    private void checkRows(ShareTable table, long line) throws ShareCsvException {
        if (table.size() >= maxRows) {
            throw new ShareCsvException(line, "more than " + maxRows + " rows");
        }
    }

    private static int required(Map<String, Integer> col, String name) throws ShareCsvException {
        Integer i = col.get(name);
        if (i == null) {
            throw new ShareCsvException(1, "missing column '" + name + "' (header has " + col.keySet().stream().sorted().toList() + ")");
        }
        return i;
    }

    private static String field(List<String> r, int i, long line, String name) throws ShareCsvException {
        if (i >= r.size()) {
            throw new ShareCsvException(line, "only " + r.size() + " fields, no '" + name + "'");
        }
        return r.get(i).trim();
    }

    private static String nonEmpty(List<String> r, int i, long line, String name) throws ShareCsvException {
        String v = field(r, i, line, name);
        if (v.isEmpty()) {
            throw new ShareCsvException(line, "empty '" + name + "'");
        }
        return v;
    }

    private static long epochSeconds(String v, long line, String name) throws ShareCsvException {
        long fast = plainDecimalMillis(v);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            if (v.indexOf('.') < 0 && v.indexOf('e') < 0 && v.indexOf('E') < 0) {
                return Math.multiplyExact(Long.parseLong(v), 1000L);
            }
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || Math.abs(d) > 9e15) {
                throw new NumberFormatException();
            }
            return Math.round(d * 1000);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ShareCsvException(line, name + " '" + clip(v) + "' is not Unix seconds");
        }
    }

    /**
     * Milliseconds of a plain decimal of seconds ({@code 1714557605} or {@code 1714557605.25}, at most 15 integer
     * digits), rounded half up at the millisecond; Long.MIN_VALUE when the text is anything else. Avoids
     * Double.parseDouble on the hot path of million-row files.
     */
    static long plainDecimalMillis(String v) {
        int n = v.length();
        int i = 0;
        long secs = 0;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            secs = secs * 10 + (v.charAt(i++) - '0');
        }
        if (i == 0 || i > 15) {
            return Long.MIN_VALUE;
        }
        long millis = secs * 1000;
        if (i == n) {
            return millis;
        }
        if (v.charAt(i++) != '.' || i == n) {
            return Long.MIN_VALUE;
        }
        long frac = 0;
        int digits = 0;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            if (digits < 4) {
                frac = frac * 10 + (c - '0');
                digits++;
            }
        }
        while (digits < 4) {
            frac *= 10;
            digits++;
        }
        return millis + (frac + 5) / 10;
    }

    private static long time(String v, long line) throws ShareCsvException {
        if (v.isEmpty()) {
            throw new ShareCsvException(line, "empty 'time'");
        }
        char c = v.charAt(0);
        if (Character.isDigit(c) && v.indexOf('T') < 0 && v.indexOf('-', 1) < 0) {
            return epochSeconds(v, line, "time");
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new ShareCsvException(line, "time '" + clip(v) + "' is neither Unix seconds nor ISO-8601 with a zone");
            }
        }
    }

    private static String clip(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "..." : v;
    }
}
