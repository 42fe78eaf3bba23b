package io.assay.stream;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an upload event into a {@link MediaAsset}: inline bytes, or a file under the configured media root. A
 * reference that leaves the root (through {@code ..} or a symbolic link), a URL, or a path while no root is set is
 * refused. Nothing is fetched over the network.
 */
final class MediaLoader {

    /** Why an event cannot be scanned, as a dead letter states it. */
    static final class Refused extends Exception {
        private final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final Path root;
    private final AssetLimits limits;

    MediaLoader(Path root, AssetLimits limits) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.limits = limits;
    }

    MediaAsset load(UploadEvent e, String id) throws Refused {
        String name = e.name() != null && !e.name().isBlank() ? e.name() : id;
        if (e.media() != null && e.path() != null) {
            throw new Refused("bad-event", "give either media (bytes) or path, not both");
        }
        try {
            if (e.media() != null) {
                return MediaAsset.of(name, e.media(), limits);
            }
            if (e.path() == null || e.path().isBlank()) {
                throw new Refused("bad-event", "the event has no media: give media (base64 bytes) or path");
            }
            return MediaAsset.open(resolve(e.path()), name, limits);
        } catch (AssetRejectedException ex) {
            throw new Refused(ex.reason().id(), ex.getMessage());
        }
    }

    private Path resolve(String ref) throws Refused {
        if (ref.contains("://")) {
            throw new Refused("unsupported-reference", "media URLs are not fetched; send the bytes or a path under the media root");
        }
        if (root == null) {
            throw new Refused("unsupported-reference", "this instance has no media root (--media-root), so path references are refused");
        }
        Path p = root.resolve(ref).normalize();
        if (!p.startsWith(root)) {
            throw new Refused("outside-media-root", "the path leaves the media root");
        }
        try {
            if (Files.exists(p) && !p.toRealPath().startsWith(root.toRealPath())) {
                throw new Refused("outside-media-root", "the path leads out of the media root through a link");
            }
        } catch (IOException ex) {
            throw new Refused("unreadable", "cannot read the file: " + StreamErrors.describe(ex));
        }
        return p;
    }
}
