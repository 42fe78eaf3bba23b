package io.assay.detect.onnx;

import io.assay.detect.card.AudioPreprocessing;
import io.assay.hash.audio.PcmAudio;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns decoded sound into an audio model's input windows exactly as its card says: mono mix, linear resampling to
 * the card's rate, 16-bit samples scaled to -1..1 (divided by 32768), windows of the card's length every hop.
 * Stateless and thread-safe.
 */
public final class AudioPreprocessor {

    /** Enough for 10 minutes of 1-second windows; longer sound is cut by the decoder's own limit first. */
    public static final int MAX_WINDOWS = 600;

    private final AudioPreprocessing p;

    public AudioPreprocessor(AudioPreprocessing preprocessing) {
        this.p = preprocessing;
    }

    /** The windows to score, each {@link AudioPreprocessing#windowSamples()} long; empty when there is no sound. */
    public List<float[]> windows(PcmAudio pcm) {
        float[] mono = resample(mono(pcm), pcm.sampleRate(), p.sampleRate());
        int win = p.windowSamples();
        int hop = p.hopSamples();
        List<float[]> out = new ArrayList<>();
        if (mono.length == 0) {
            return out;
        }
        if (mono.length <= win) {
            float[] w = new float[win];
            System.arraycopy(mono, 0, w, 0, mono.length);
            out.add(w);
            return out;
        }
        for (int start = 0; start + win <= mono.length && out.size() < MAX_WINDOWS; start += hop) {
            float[] w = new float[win];
            System.arraycopy(mono, start, w, 0, win);
            out.add(w);
        }
        return out;
    }

    float[] mono(PcmAudio pcm) {
        int frames = pcm.frames();
        int ch = pcm.channels();
        short[] s = pcm.samples();
        float[] out = new float[frames];
        boolean mean = p.mono() == AudioPreprocessing.Mono.MEAN;
        for (int i = 0; i < frames; i++) {
            if (mean) {
                double sum = 0;
                for (int c = 0; c < ch; c++) {
                    sum += s[i * ch + c];
                }
                out[i] = (float) (sum / ch / 32768.0);
            } else {
                out[i] = s[i * ch] / 32768f;
            }
        }
        return out;
    }

    /** Linear interpolation; sample i of the output sits at time i / to. */
    static float[] resample(float[] in, int from, int to) {
        if (from == to || in.length == 0) {
            return in;
        }
        int n = (int) ((long) in.length * to / from);
        float[] out = new float[n];
        double step = from / (double) to;
        for (int i = 0; i < n; i++) {
            double pos = i * step;
            int a = (int) pos;
            int b = Math.min(a + 1, in.length - 1);
            double t = pos - a;
            out[i] = (float) (in[a] + (in[b] - in[a]) * t);
        }
        return out;
    }
}
