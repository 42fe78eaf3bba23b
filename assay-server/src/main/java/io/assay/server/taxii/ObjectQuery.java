package io.assay.server.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters of a TAXII objects, manifest or versions request (section 3.4.4): {@code added_after}, {@code limit},
 * {@code next} and the {@code match[...]} parameters, each a comma-separated list (repeats add to it).
 *
 * @param versionKeywords {@code last}, {@code first}, {@code all}; with {@code versions}, the versions asked for
 */
public record ObjectQuery(Instant addedAfter, Cursor next, int limit, List<String> ids, List<String> types,
                          List<String> specVersions, List<String> versionKeywords, List<Instant> versions) {

    /** Where the previous page ended: its last row's date_added and sequence number. */
    public record Cursor(Instant dateAdded, long seq) {

        static Cursor parse(String s) {
            int dot = s.indexOf('.');
            try {
                long micros = Long.parseLong(s.substring(0, dot));
                long seq = Long.parseLong(s.substring(dot + 1));
                return new Cursor(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS), seq);
            } catch (RuntimeException e) {
                throw TaxiiException.badRequest("next is not a value this server gave");
            }
        }

        @Override
        public String toString() {
            return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, dateAdded) + "." + seq;
        }
    }

    /** Reads the query parameters; {@code defaultVersion} is {@code last} for objects and manifest, {@code all} for versions. */
    public static ObjectQuery of(Map<String, String[]> params, int maxPageSize, String defaultVersion) {
        Instant after = single(params, "added_after") == null ? null : TaxiiTime.parse("added_after", single(params, "added_after"));
        String nextParam = single(params, "next");
        Cursor next = nextParam == null ? null : Cursor.parse(nextParam);
        int limit = maxPageSize;
        String l = single(params, "limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw TaxiiException.badRequest("limit must be a positive integer");
            }
            if (limit < 1) {
                throw TaxiiException.badRequest("limit must be a positive integer");
            }
            limit = Math.min(limit, maxPageSize);
        }
        List<String> keywords = new ArrayList<>();
        List<Instant> versions = new ArrayList<>();
        for (String v : list(params, "match[version]")) {
            switch (v) {
                case "last", "first", "all" -> keywords.add(v);
                default -> versions.add(TaxiiTime.parse("match[version]", v));
            }
        }
        if (keywords.isEmpty() && versions.isEmpty()) {
            keywords.add(defaultVersion);
        }
        return new ObjectQuery(after, next, limit, list(params, "match[id]"), list(params, "match[type]"),
                list(params, "match[spec_version]"), keywords, versions);
    }

    public ObjectQuery withId(String id) {
        return new ObjectQuery(addedAfter, next, limit, List.of(id), types, specVersions, versionKeywords, versions);
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v == null || v.length == 0 || v[0].isEmpty()) {
            return null;
        }
        if (v.length > 1) {
            throw TaxiiException.badRequest(name + " may be given only once");
        }
        return v[0];
    }

    private static List<String> list(Map<String, String[]> params, String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, new String[0])) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        if (out.size() > 1000) {
            throw TaxiiException.badRequest(name + " lists more than 1000 values");
        }
        return out;
    }
}
