package io.assay.hash.video;

import java.io.IOException;

/**
 * A video that could not be decoded into frames: ffmpeg/ffprobe missing or failing, no video stream, an unsupported
 * or damaged container, a limit exceeded (frame size, frame count, time). The message says which, with ffmpeg's own
 * error output where there is one.
 */
public final class UndecodableVideoException extends IOException {

    public UndecodableVideoException(String message) {
        super(message);
    }

    public UndecodableVideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
