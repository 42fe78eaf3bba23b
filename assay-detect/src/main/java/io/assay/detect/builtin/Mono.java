package io.assay.detect.builtin;

import io.assay.hash.audio.PcmAudio;

/** Decoded audio as one channel of doubles in -1..1 (channels averaged). */
public final class Mono {

    private Mono() {
    }

    public static double[] of(PcmAudio audio) {
        int ch = audio.channels();
        int n = audio.frames();
        short[] s = audio.samples();
        double[] out = new double[n];
        for (int i = 0, p = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < ch; c++) {
                sum += s[p++];
            }
            out[i] = sum / ch / 32768.0;
        }
        return out;
    }
}
