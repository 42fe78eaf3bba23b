package io.assay.detect.builtin.presence;

import io.assay.detect.builtin.Fft;

import java.util.Arrays;

/**
 * An energy-based voice activity detector over 20 ms frames: a frame is speech when it stands at least 12 dB over
 * the clip's noise floor (its 10th-percentile frame energy, so the floor adapts to each recording) and above
 * -55 dBFS, and its spectrum in the voice band (100-4000 Hz) looks like a voice rather than noise or a tone:
 * not flat (spectral flatness under 0.45 rejects hiss) and not a line or two (the bins within 20 dB of the
 * strongest must span at least 360 Hz: a voice's harmonics and formants do, pure tones, beeps and two-note chords
 * do not). Runs shorter than 60 ms are dropped and speech is held 100 ms
 * past its last frame, as pauses between words belong to the speech.
 *
 * <p>Weak by design: music with rich harmonics and loud babble pass as speech, whispered or very soft speech may not.
 */
public final class VoiceActivity {

    public static final double FRAME_SECONDS = 0.02;
    static final double OVER_FLOOR_DB = 12;
    static final double MIN_DBFS = -55;
    static final double MAX_FLATNESS = 0.45;
    static final double MIN_RICH_HZ = 360;
    static final int MIN_RUN = 3;
    static final int HANGOVER = 5;

    /** Per-frame decisions and the share of frames that are speech. */
    public record Result(boolean[] speech, double frameSeconds, double fraction) {
        public double speechSeconds() {
            int n = 0;
            for (boolean s : speech) {
                n += s ? 1 : 0;
            }
            return n * frameSeconds;
        }
    }

    private VoiceActivity() {
    }

    /** Speech frames of mono samples in -1..1 at {@code rate} Hz. */
    public static Result detect(double[] samples, int rate) {
        int len = Math.max(1, (int) Math.round(rate * FRAME_SECONDS));
        int frames = samples.length / len;
        if (frames == 0) {
            return new Result(new boolean[0], FRAME_SECONDS, 0);
        }
        int nfft = Integer.highestOneBit(len) == len ? len : Integer.highestOneBit(len) << 1;
        int lo = Math.max(1, (int) Math.round(100.0 * nfft / rate));
        int hi = Math.min(nfft / 2, (int) Math.round(4000.0 * nfft / rate));
        double[] energyDb = new double[frames];
        boolean[] voiceLike = new boolean[frames];
        double[] frame = new double[len];
        for (int f = 0; f < frames; f++) {
            double sq = 0;
            for (int i = 0; i < len; i++) {
                double v = samples[f * len + i];
                sq += v * v;
                frame[i] = v * (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (len - 1)));
            }
            energyDb[f] = 10 * Math.log10(sq / len + 1e-12);
            voiceLike[f] = voiceLike(Fft.powerSpectrum(frame, nfft), lo, hi, rate / (double) nfft);
        }
        double[] sorted = energyDb.clone();
        Arrays.sort(sorted);
        double floor = sorted[(int) (0.1 * (frames - 1))];
        double gate = Math.max(floor + OVER_FLOOR_DB, MIN_DBFS);
        boolean[] speech = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            speech[f] = energyDb[f] >= gate && voiceLike[f];
        }
        speech = hangover(dropShortRuns(speech));
        int n = 0;
        for (boolean s : speech) {
            n += s ? 1 : 0;
        }
        return new Result(speech, FRAME_SECONDS, n / (double) frames);
    }

    /** Not flat (geometric over arithmetic mean power) and not a line or two (bins within 20 dB of the peak), over bins lo..hi. */
    static boolean voiceLike(double[] power, int lo, int hi, double hzPerBin) {
        double sum = 0;
        double logSum = 0;
        double max = 0;
        for (int k = lo; k <= hi; k++) {
            double p = power[k] + 1e-20;
            sum += p;
            logSum += Math.log(p);
            max = Math.max(max, p);
        }
        int n = hi - lo + 1;
        double flatness = Math.exp(logSum / n) / (sum / n);
        int rich = 0;
        for (int k = lo; k <= hi; k++) {
            if (power[k] >= max / 100) {
                rich++;
            }
        }
        return flatness < MAX_FLATNESS && rich * hzPerBin >= MIN_RICH_HZ;
    }

    private static boolean[] dropShortRuns(boolean[] s) {
        boolean[] out = s.clone();
        for (int i = 0; i < s.length; ) {
            if (!s[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.length && s[j]) {
                j++;
            }
            if (j - i < MIN_RUN) {
                Arrays.fill(out, i, j, false);
            }
            i = j;
        }
        return out;
    }

    private static boolean[] hangover(boolean[] s) {
        boolean[] out = s.clone();
        int left = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i]) {
                left = HANGOVER;
            } else if (left > 0) {
                out[i] = true;
                left--;
            }
        }
        return out;
    }
}
