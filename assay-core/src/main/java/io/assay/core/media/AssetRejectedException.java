package io.assay.core.media;

/**
 * An input that cannot be scanned: the message is written for the person who sent the file, and is safe to show
 * (no stack trace, no internal paths).
 */
public final class AssetRejectedException extends Exception {

    /** Why an asset was refused; each has a stable identifier for API problem types and CLI output. */
    public enum Reason {
        EMPTY("empty"),
        TOO_LARGE("too-large"),
        UNSUPPORTED_FORMAT("unsupported-format"),
        TRUNCATED("truncated"),
        MALFORMED("malformed"),
        DECOMPRESSION_BOMB("decompression-bomb"),
        UNREADABLE("unreadable");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Reason reason;

    public AssetRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
