package io.assay.c2pa.remote;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an HTTP {@code Link} header (RFC 8288) for remote manifest references: {@code <url>; rel="c2pa-manifest"}.
 * Only meaningful when the asset itself came over HTTP; a local file has no such header.
 */
public final class LinkHeader {

    public static final String C2PA_MANIFEST_REL = "c2pa-manifest";

    private LinkHeader() {
    }

    /** The targets of the header's links whose {@code rel} includes {@code c2pa-manifest}, resolved against {@code base}. */
    public static List<String> c2paManifestUrls(String headerValue, URI base) {
        List<String> urls = new ArrayList<>();
        if (headerValue == null) {
            return urls;
        }
        for (String link : splitLinks(headerValue)) {
            int lt = link.indexOf('<');
            int gt = link.indexOf('>', lt + 1);
            if (lt < 0 || gt < 0) {
                continue;
            }
            String target = link.substring(lt + 1, gt).trim();
            boolean manifest = false;
            for (String param : link.substring(gt + 1).split(";")) {
                int eq = param.indexOf('=');
                if (eq < 0 || !param.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                    continue;
                }
                String rels = param.substring(eq + 1).trim();
                if (rels.length() >= 2 && rels.startsWith("\"") && rels.endsWith("\"")) {
                    rels = rels.substring(1, rels.length() - 1);
                }
                for (String rel : rels.trim().split("\\s+")) {
                    manifest |= rel.toLowerCase(Locale.ROOT).equals(C2PA_MANIFEST_REL);
                }
            }
            if (manifest) {
                try {
                    urls.add(base == null ? URI.create(target).toString() : base.resolve(target).toString());
                } catch (IllegalArgumentException e) {
                    // not a URI reference: skipped
                }
            }
        }
        return urls;
    }

    /** Splits on commas outside {@code <...>} and quoted strings. */
    private static List<String> splitLinks(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inAngle = false;
        boolean inQuote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '<' && !inQuote) {
                inAngle = true;
            } else if (c == '>' && !inQuote) {
                inAngle = false;
            } else if (c == '"' && !inAngle) {
                inQuote = !inQuote;
            } else if (c == ',' && !inAngle && !inQuote) {
                parts.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        parts.add(cur.toString());
        return parts;
    }
}
