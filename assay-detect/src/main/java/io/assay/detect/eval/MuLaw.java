package io.assay.detect.eval;

/** ITU-T G.711 mu-law companding of 16-bit samples (the North American and Japanese telephone codec). */
public final class MuLaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private MuLaw() {
    }

    /** A 16-bit sample as its 8-bit mu-law code. */
    public static int encode(int pcm) {
        int sign = pcm < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(pcm), CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
        return ~(sign | exponent << 4 | mantissa) & 0xff;
    }

    /** The 16-bit sample a mu-law code stands for. */
    public static int decode(int code) {
        int u = ~code & 0xff;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0f) << 3) + BIAS << exponent) - BIAS;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }
}
