package io.assay.hash.audio;

import java.util.Objects;

/**
 * 16-bit PCM, channels interleaved: what {@link AudioDecoder} produces and {@link ChromaprintHasher} consumes.
 *
 * @param samples    signed 16-bit samples, frame by frame ({@code channels} per frame)
 * @param channels   channels per frame, at least 1
 * @param sampleRate frames per second
 */
public record PcmAudio(short[] samples, int channels, int sampleRate) {

    public PcmAudio {
        Objects.requireNonNull(samples, "samples");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not divide into frames of " + channels + " channels");
        }
    }

    /** Mono audio. */
    public PcmAudio(short[] mono, int sampleRate) {
        this(mono, 1, sampleRate);
    }

    public int frames() {
        return samples.length / channels;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** One channel, de-interleaved. */
    public short[] channel(int c) {
        if (c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("channel " + c + " of " + channels);
        }
        if (channels == 1) {
            return samples.clone();
        }
        short[] out = new short[frames()];
        for (int i = 0, p = c; i < out.length; i++, p += channels) {
            out[i] = samples[p];
        }
        return out;
    }

    @Override
    public String toString() {
        return "PcmAudio[" + frames() + " frames, " + channels + " ch, " + sampleRate + " Hz]";
    }
}
