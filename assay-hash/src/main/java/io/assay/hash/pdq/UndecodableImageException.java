package io.assay.hash.pdq;

import java.io.IOException;

/** An image that could not be decoded into pixels (unknown format, damaged data, too many pixels). */
public final class UndecodableImageException extends IOException {

    public UndecodableImageException(String message) {
        super(message);
    }

    public UndecodableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
