package io.assay.hash.audio;

import java.io.IOException;

/** Audio that cannot be decoded: malformed or truncated, over the configured limits, or no decoder available. */
public class AudioDecodeException extends IOException {

    public AudioDecodeException(String message) {
        super(message);
    }

    public AudioDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
