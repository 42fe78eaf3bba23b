package io.assay.detect.card;

/**
 * How sound becomes the model's input: mixed to mono, resampled (linear interpolation) to {@code sampleRate},
 * scaled to -1..1, and cut into windows of {@code windowSeconds} every {@code hopSeconds}; each window is scored
 * and the window scores are aggregated. Sound shorter than one window is zero-padded to one window; a last partial
 * window is dropped when at least one full window exists.
 */
public record AudioPreprocessing(int sampleRate, Mono mono, double windowSeconds, double hopSeconds,
                                 Aggregation aggregate) {

    /** How several channels become one. */
    public enum Mono {
        /** The mean of all channels. */
        MEAN,
        /** The first channel only. */
        FIRST
    }

    public int windowSamples() {
        return (int) Math.round(windowSeconds * sampleRate);
    }

    public int hopSamples() {
        return Math.max(1, (int) Math.round(hopSeconds * sampleRate));
    }
}
