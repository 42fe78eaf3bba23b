package io.assay.c2pa.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether, and within which limits, remote C2PA manifests (the URL in an asset's XMP {@code dcterms:provenance}) are
 * fetched. Off by default: nothing fetches a URL unless configured. When on, only {@code https} URLs are fetched, and
 * never from a private, loopback, link-local or otherwise non-public address (see {@link AddressPolicy#PUBLIC_ONLY});
 * redirects are not followed.
 *
 * @param enabled  whether remote manifests are fetched at all
 * @param maxBytes the largest manifest store accepted (the read stops with an error past it)
 * @param timeout  the time allowed for the whole exchange: name resolution aside, connecting, the TLS handshake,
 *                 the request and reading the response
 */
public record RemoteManifestPolicy(boolean enabled, long maxBytes, Duration timeout) {

    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Remote manifests are not fetched (the default). */
    public static final RemoteManifestPolicy DISABLED = new RemoteManifestPolicy(false, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT);

    public RemoteManifestPolicy {
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Fetching on, with the default limits (16 MiB, 10 s). */
    public static RemoteManifestPolicy enabledWithDefaults() {
        return new RemoteManifestPolicy(true, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT);
    }

    public RemoteManifestPolicy withMaxBytes(long bytes) {
        return new RemoteManifestPolicy(enabled, bytes, timeout);
    }

    public RemoteManifestPolicy withTimeout(Duration t) {
        return new RemoteManifestPolicy(enabled, maxBytes, t);
    }
}
