package io.assay.c2pa.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds remote manifest references in XMP: C2PA points at a manifest stored elsewhere with {@code dcterms:provenance}
 * (attribute or element form). Only http(s) URLs are kept; they are reported, never fetched.
 */
final class XmpProvenance {

    private static final Pattern ATTRIBUTE = Pattern.compile("dcterms:provenance\\s*=\\s*[\"']([^\"'<>]{1,2048})[\"']");
    private static final Pattern ELEMENT = Pattern.compile("<dcterms:provenance>\\s*([^<]{1,2048}?)\\s*</dcterms:provenance>");

    private XmpProvenance() {
    }

    static List<String> urls(String xmp) {
        List<String> urls = new ArrayList<>();
        for (Pattern p : List.of(ATTRIBUTE, ELEMENT)) {
            Matcher m = p.matcher(xmp);
            while (m.find()) {
                String url = m.group(1).trim().replace("&amp;", "&");
                String lower = url.toLowerCase(Locale.ROOT);
                if ((lower.startsWith("http://") || lower.startsWith("https://")) && !urls.contains(url)) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    static List<String> urls(byte[] xmp) {
        return urls(new String(xmp, java.nio.charset.StandardCharsets.UTF_8));
    }
}
