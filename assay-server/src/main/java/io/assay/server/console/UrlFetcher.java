package io.assay.server.console;

import io.assay.core.media.AssetLimits;
import io.assay.server.scan.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches a file an analyst names by URL, when the server allows it ({@code assay.console.fetch-urls}): http or https
 * only, no redirects, never to a loopback, private, link-local or multicast address, within the upload size limit.
 */
@Component
public class UrlFetcher {

    /** A fetched file (the caller deletes it) and its display name. */
    public record Fetched(Path file, String name) {
    }

    private final AssetLimits limits;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public UrlFetcher(AssetLimits limits) {
        this.limits = limits;
    }

    public Fetched fetch(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw bad("That is not a URL.");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw bad("Only http and https URLs can be fetched.");
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                    throw bad("The server does not fetch from local or private addresses.");
                }
            }
        } catch (UnknownHostException e) {
            throw bad("The host " + uri.getHost() + " is not known.");
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw bad("The fetch was interrupted.");
        } catch (IOException e) {
            throw bad("The file could not be fetched: " + e.getClass().getSimpleName());
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw bad("The URL answered HTTP " + r.statusCode() + ".");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try {
                return new Fetched(Uploads.spool(in, limits), name.isBlank() ? uri.getHost() : name);
            } catch (io.assay.server.api.ProblemHandler.UploadTooLargeException e) {
                throw new ConsoleException(HttpStatus.PAYLOAD_TOO_LARGE, "The file is too large: " + e.getMessage());
            }
        }
    }

    private static ConsoleException bad(String message) {
        return new ConsoleException(HttpStatus.BAD_REQUEST, message);
    }
}
