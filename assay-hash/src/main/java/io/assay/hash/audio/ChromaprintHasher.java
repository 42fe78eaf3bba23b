package io.assay.hash.audio;

import io.assay.core.media.MediaAsset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Computes Chromaprint fingerprints (algorithm TEST2, fpcalc's default) in plain Java.
 *
 * <p>The pipeline is Chromaprint's: resample to 11025 Hz mono (the way fpcalc's FFmpeg reader does,
 * {@link ChromaprintResampler}); frames of 4096 samples every 1365; Hamming window; power spectrum; energy of the
 * bins from 28 to 3520 Hz folded into 12 pitch classes; a 5-frame smoothing filter (0.25, 0.75, 1, 0.75, 0.25);
 * Euclidean normalisation (frames with norm below 0.01 become zero); a summed-area table over time; 16
 * classifiers, each a Haar-like filter quantized into a 2-bit Gray code, give one 32-bit item per frame once 16
 * filtered frames are in. So {@code n} samples at 11025 Hz give {@code floor((n - 4096) / 1365) + 1 - 19} items.
 *
 * <p>Like fpcalc, only the first {@link #maxSeconds()} (default 120) seconds are fingerprinted; the duration in
 * the result is that of the whole input. Instances are immutable and thread-safe; each call allocates its own
 * working buffers.
 */
public final class ChromaprintHasher {

    /** Chromaprint's internal sample rate. */
    public static final int SAMPLE_RATE = 11025;
    static final int FRAME_SIZE = 4096;
    static final int HOP = FRAME_SIZE / 3;
    private static final int MIN_FREQ = 28;
    private static final int MAX_FREQ = 3520;
    private static final int BANDS = 12;
    private static final double[] CHROMA_FILTER = {0.25, 0.75, 1.0, 0.75, 0.25};
    private static final double NORM_THRESHOLD = 0.01;
    /** Chromaprint refuses input sample rates at or below this. */
    private static final int MIN_INPUT_RATE = 1000;
    /** fpcalc's default -length. */
    public static final double DEFAULT_MAX_SECONDS = 120;

    private static final int MIN_BIN = Math.max(1, (int) Math.round((double) FRAME_SIZE * MIN_FREQ / SAMPLE_RATE));
    private static final int MAX_BIN = Math.min(FRAME_SIZE / 2, (int) Math.round((double) FRAME_SIZE * MAX_FREQ / SAMPLE_RATE));
    /** Pitch class of each FFT bin in [MIN_BIN, MAX_BIN), octaves counted from A0 = 27.5 Hz. */
    private static final int[] NOTE = notes();
    private static final int MAX_FILTER_WIDTH = Arrays.stream(Classifier.TEST2).mapToInt(Classifier::width).max().orElseThrow();

    private final double maxSeconds;
    private final AudioDecoder decoder;

    /**
     * fpcalc's defaults: the first 120 s. Files are decoded only as far as needed (a decoder that keeps the
     * first 121 s), so the duration of a longer file is reported as about 121 s.
     */
    public ChromaprintHasher() {
        this(DEFAULT_MAX_SECONDS, new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(DEFAULT_MAX_SECONDS + 1, true)));
    }

    /**
     * @param maxSeconds how much of the start of the audio is fingerprinted (fpcalc {@code -length}); 0 = all
     * @param decoder    used by {@link #fingerprint(Path)} and {@link #fingerprint(MediaAsset)}
     */
    public ChromaprintHasher(double maxSeconds, AudioDecoder decoder) {
        if (!(maxSeconds >= 0) || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException("maxSeconds must be finite and >= 0 (0 = no limit), got " + maxSeconds);
        }
        this.maxSeconds = maxSeconds;
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    public double maxSeconds() {
        return maxSeconds;
    }

    /** Decodes a file (WAV in Java, other formats through ffmpeg) and fingerprints it. */
    public AudioFingerprint fingerprint(Path file) throws IOException {
        return fingerprint(decoder.decode(file));
    }

    /** Decodes an admitted asset (WAV in Java, other formats through ffmpeg) and fingerprints it. */
    public AudioFingerprint fingerprint(MediaAsset asset) throws IOException {
        return fingerprint(decoder.decode(asset));
    }

    /**
     * Fingerprints PCM with any number of channels. As in fpcalc (swresample), each channel is resampled to
     * 11025 Hz first and then mixed: two channels to their rounded mean, more to their mean (Chromaprint's own
     * rule; swresample would weight them by layout).
     */
    public AudioFingerprint fingerprint(PcmAudio audio) {
        Objects.requireNonNull(audio, "audio");
        int rate = audio.sampleRate();
        checkRate(rate);
        int channels = audio.channels();
        short[][] resampled = new short[channels][];
        for (int c = 0; c < channels; c++) {
            resampled[c] = resampleAndLimit(trim(audio.channel(c), rate), rate);
        }
        return new AudioFingerprint(items(mix(resampled)), audio.durationSeconds(), ChromaprintAlgorithm.TEST2);
    }

    /** Mono float samples in [-1, 1], converted to 16 bits as FFmpeg converts them (round, clip). */
    public AudioFingerprint fingerprint(float[] mono, int sampleRate) {
        short[] s = new short[mono.length];
        for (int i = 0; i < mono.length; i++) {
            float v = mono[i];
            long r = Float.isNaN(v) ? 0 : (long) Math.rint(v * 32768f);
            s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
        }
        return fingerprint(s, sampleRate);
    }

    /** Mono 16-bit samples at any rate above 1000 Hz. Less than about 2.7 s of audio gives an empty fingerprint. */
    public AudioFingerprint fingerprint(short[] mono, int sampleRate) {
        Objects.requireNonNull(mono, "mono");
        checkRate(sampleRate);
        short[] pcm = resampleAndLimit(trim(mono, sampleRate), sampleRate);
        return new AudioFingerprint(items(pcm), mono.length / (double) sampleRate, ChromaprintAlgorithm.TEST2);
    }

    private static void checkRate(int sampleRate) {
        if (sampleRate <= MIN_INPUT_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is too low (Chromaprint needs > " + MIN_INPUT_RATE + ")");
        }
    }

    /** Drops input well past the time limit before resampling (the filter needs only a few samples beyond it). */
    private short[] trim(short[] in, int sampleRate) {
        if (maxSeconds > 0) {
            long keep = (long) Math.ceil(maxSeconds * sampleRate) + 4096;
            if (keep < in.length) {
                return Arrays.copyOf(in, (int) keep);
            }
        }
        return in;
    }

    /** Resamples to 11025 Hz and keeps the first maxSeconds, counted at 11025 Hz as fpcalc counts them. */
    private short[] resampleAndLimit(short[] in, int sampleRate) {
        short[] pcm = ChromaprintResampler.resample(in, sampleRate, SAMPLE_RATE);
        if (maxSeconds > 0) {
            long limit = (long) (maxSeconds * SAMPLE_RATE);
            if (limit < pcm.length) {
                pcm = Arrays.copyOf(pcm, (int) limit);
            }
        }
        return pcm;
    }

    private static short[] mix(short[][] ch) {
        if (ch.length == 1) {
            return ch[0];
        }
        int n = ch[0].length;
        short[] out = new short[n];
        if (ch.length == 2) {
            for (int i = 0; i < n; i++) {
                out[i] = (short) ((ch[0][i] + ch[1][i] + 1) >> 1); // swresample's Q15 0.5/0.5 matrix, rounded
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            int sum = 0;
            for (short[] c : ch) {
                sum += c[i];
            }
            out[i] = (short) (sum / ch.length);
        }
        return out;
    }

    /** The TEST2 items of mono 16-bit audio already at 11025 Hz. */
    static int[] items(short[] pcm) {
        int frames = pcm.length < FRAME_SIZE ? 0 : (pcm.length - FRAME_SIZE) / HOP + 1;
        int filtered = Math.max(0, frames - (CHROMA_FILTER.length - 1));
        int count = Math.max(0, filtered - (MAX_FILTER_WIDTH - 1));
        int[] out = new int[count];
        if (count == 0) {
            return out;
        }
        PowerSpectrum spectrum = new PowerSpectrum(FRAME_SIZE);
        IntegralImage image = new IntegralImage(filtered, BANDS);
        double[] power = new double[FRAME_SIZE / 2 + 1];
        double[][] ring = new double[CHROMA_FILTER.length][BANDS];
        double[] row = new double[BANDS];
        int produced = 0;
        for (int f = 0; f < frames; f++) {
            spectrum.compute(pcm, f * HOP, power, MIN_BIN, MAX_BIN);
            double[] chroma = ring[f % CHROMA_FILTER.length];
            Arrays.fill(chroma, 0.0);
            for (int i = MIN_BIN; i < MAX_BIN; i++) {
                chroma[NOTE[i]] += power[i];
            }
            if (f < CHROMA_FILTER.length - 1) {
                continue;
            }
            // Smooth over the last five frames, oldest first.
            for (int b = 0; b < BANDS; b++) {
                double v = 0.0;
                for (int j = 0; j < CHROMA_FILTER.length; j++) {
                    v += ring[(f - (CHROMA_FILTER.length - 1) + j) % CHROMA_FILTER.length][b] * CHROMA_FILTER[j];
                }
                row[b] = v;
            }
            normalize(row);
            image.addRow(row);
            if (image.rows() >= MAX_FILTER_WIDTH) {
                int x = image.rows() - MAX_FILTER_WIDTH;
                int bits = 0;
                for (Classifier c : Classifier.TEST2) {
                    bits = (bits << 2) | c.classify(image, x);
                }
                out[produced++] = bits;
            }
        }
        return out;
    }

    private static void normalize(double[] v) {
        double squares = 0;
        for (double x : v) {
            squares += x * x;
        }
        double norm = squares > 0 ? Math.sqrt(squares) : 0;
        if (norm < NORM_THRESHOLD) {
            Arrays.fill(v, 0.0);
        } else {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }

    private static int[] notes() {
        int[] notes = new int[FRAME_SIZE];
        for (int i = MIN_BIN; i < MAX_BIN; i++) {
            double freq = (double) i * SAMPLE_RATE / FRAME_SIZE;
            double octave = Math.log(freq / (440.0 / 16.0)) / Math.log(2.0);
            notes[i] = (int) (BANDS * (octave - Math.floor(octave)));
        }
        return notes;
    }
}
