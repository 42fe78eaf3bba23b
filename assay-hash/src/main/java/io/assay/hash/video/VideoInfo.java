package io.assay.hash.video;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the container says about the video stream that was hashed.
 *
 * @param streamIndex        index of the stream in the container
 * @param width              coded width in pixels (rotation metadata is not applied, as in the reference)
 * @param height             coded height in pixels
 * @param frameRate          the stream's average frame rate, or its real base frame rate where the average is
 *                           unknown (the reference's choice); used for timestamps and sampling
 * @param durationSeconds    stream (else container) duration, when declared
 * @param declaredFrameCount frame count declared by the container, when declared (not necessarily what decodes)
 */
public record VideoInfo(int streamIndex, int width, int height, double frameRate, OptionalDouble durationSeconds,
                        OptionalLong declaredFrameCount) {

    public VideoInfo {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("video size must be positive: " + width + "x" + height);
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frame rate must be positive and finite: " + frameRate);
        }
        java.util.Objects.requireNonNull(durationSeconds, "durationSeconds");
        java.util.Objects.requireNonNull(declaredFrameCount, "declaredFrameCount");
    }

    /**
     * Every how many frames one is hashed for a sampling interval, as the reference computes it:
     * {@code (int) (secondsPerHash * frameRate)}, at least 1 (0 seconds: every frame).
     */
    public int frameStep(double secondsPerHash) {
        if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash)) {
            throw new IllegalArgumentException("seconds per hash must be finite and not negative: " + secondsPerHash);
        }
        double step = secondsPerHash * frameRate;
        return step >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) step);
    }
}
