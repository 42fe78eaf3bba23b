package io.assay.coord.share;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises URLs by fixed rules so that the same page shared with different tracking decorations is one object.
 * No network access: a shortener is resolved only where its target can be derived from the URL itself (youtu.be);
 * opaque shorteners (bit.ly, t.co) stay as they are, each short link one object.
 *
 * <p>Rules: http and https are one scheme; host lower-cased, {@code www.}/{@code m.}/{@code mobile.} and a trailing
 * dot removed; default ports removed; fragment dropped; tracking parameters (utm_*, fbclid, gclid, ...) dropped and the
 * rest sorted; trailing slash of the path removed; youtu.be/ID and youtube.com/shorts/ID become youtube.com/watch?v=ID.
 */
public final class UrlNormalizer {

    static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "igsh", "si", "ref_src", "ref_url", "_ga", "_gl", "yclid", "twclid", "ttclid", "s", "feature", "spm",
            "share", "mibextid", "rdt");

    public Optional<String> normalize(String url) {
        if (url == null || url.length() > 8192) {
            return Optional.empty();
        }
        String u = url.trim();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        URI uri;
        try {
            uri = new URI(u.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String prefix : List.of("www.", "m.", "mobile.")) {
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                host = host.substring(prefix.length());
            }
        }
        int port = uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                if (p.isEmpty()) {
                    continue;
                }
                String name = URLDecoder.decode(p.split("=", 2)[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (name.startsWith("utm_") || TRACKING.contains(name)) {
                    continue;
                }
                params.add(p);
            }
        }
        // derivable shorteners: the video id is in the short URL itself
        if (host.equals("youtu.be") && path.length() > 1) {
            params.add("v=" + path.substring(1));
            host = "youtube.com";
            path = "/watch";
        } else if (host.equals("youtube.com") && path.startsWith("/shorts/")) {
            params.add("v=" + path.substring("/shorts/".length()));
            path = "/watch";
        }
        params.sort(null);
        StringBuilder b = new StringBuilder(host);
        if (port > 0 && port != 80 && port != 443) {
            b.append(':').append(port);
        }
        b.append(path);
        if (!params.isEmpty()) {
            b.append('?').append(String.join("&", params));
        }
        return Optional.of(b.toString());
    }
}
