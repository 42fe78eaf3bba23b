package io.assay.hash.webp;

import java.io.IOException;

/** The bytes are not a WebP image this package can decode: damaged, truncated, over a limit, or unsupported. */
public class WebpFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WebpFormatException(String message) {
        super(message);
    }

    public WebpFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
