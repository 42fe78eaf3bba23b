package io.assay.detect.builtin.spoof;

import java.util.ArrayList;
import java.util.List;

/**
 * One vector per utterance for the logistic back-end: the mean of the 60 LFCC dimensions and the standard
 * deviation of the 20 static cepstra, over the frames within 30 dB of the utterance's loud frames (its 95th
 * percentile energy), so leading and trailing silence do not count.
 */
public final class UtteranceFeatures {

    public static final List<String> NAMES = names();
    /** Fewer active frames than this (0.3 s) is too little speech to score. */
    public static final int MIN_FRAMES = 30;
    static final double ACTIVE_RANGE_DB = 30;

    private UtteranceFeatures() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String kind : new String[]{"c", "d", "dd"}) {
            for (int i = 0; i < Lfcc.COEFFS; i++) {
                n.add("mean_" + kind + i);
            }
        }
        for (int i = 0; i < Lfcc.COEFFS; i++) {
            n.add("std_c" + i);
        }
        return List.copyOf(n);
    }

    /** The vector, or null when the utterance has under {@link #MIN_FRAMES} active frames. */
    public static double[] of(Lfcc.Frames frames) {
        int n = frames.count();
        if (n < MIN_FRAMES) {
            return null;
        }
        double[] e = frames.logEnergy().clone();
        java.util.Arrays.sort(e);
        double gate = e[(int) (0.95 * (n - 1))] - ACTIVE_RANGE_DB;
        double[] mean = new double[Lfcc.DIMS];
        double[] sq = new double[Lfcc.COEFFS];
        int active = 0;
        for (int f = 0; f < n; f++) {
            if (frames.logEnergy()[f] < gate) {
                continue;
            }
            active++;
            double[] row = frames.features()[f];
            for (int j = 0; j < Lfcc.DIMS; j++) {
                mean[j] += row[j];
            }
            for (int j = 0; j < Lfcc.COEFFS; j++) {
                sq[j] += row[j] * row[j];
            }
        }
        if (active < MIN_FRAMES) {
            return null;
        }
        double[] out = new double[NAMES.size()];
        for (int j = 0; j < Lfcc.DIMS; j++) {
            out[j] = mean[j] / active;
        }
        for (int j = 0; j < Lfcc.COEFFS; j++) {
            out[Lfcc.DIMS + j] = Math.sqrt(Math.max(0, sq[j] / active - out[j] * out[j]));
        }
        return out;
    }

    /** The vector of mono audio at any rate (resampled to 8 kHz first), or null when too short. */
    public static double[] ofAudio(double[] mono, int rate) {
        return of(Lfcc.of(Resampler.resample(mono, rate, Lfcc.RATE)));
    }
}
