package io.assay.detect.eval;

import io.assay.hash.audio.PcmAudio;

/**
 * What a phone call does to a recording, in Java (no external process): resample to 8 kHz (band-limited to
 * 3.6 kHz), quantise with G.711 mu-law, and resample back to the original rate and length. Each channel on its own.
 */
public final class TelephoneCodec {

    public static final int RATE = 8000;

    private TelephoneCodec() {
    }

    public static PcmAudio apply(PcmAudio in) {
        int frames = in.frames();
        int channels = in.channels();
        int narrowLength = (int) Math.round(frames * (double) RATE / in.sampleRate());
        short[] out = new short[frames * channels];
        for (int c = 0; c < channels; c++) {
            short[] ch = in.channel(c);
            double[] x = new double[ch.length];
            for (int i = 0; i < ch.length; i++) {
                x[i] = ch[i];
            }
            double[] narrow = Resampler.resample(x, in.sampleRate(), RATE, narrowLength);
            for (int i = 0; i < narrow.length; i++) {
                narrow[i] = MuLaw.decode(MuLaw.encode(clip(narrow[i])));
            }
            double[] back = Resampler.resample(narrow, RATE, in.sampleRate(), frames);
            for (int i = 0; i < frames; i++) {
                out[i * channels + c] = (short) clip(back[i]);
            }
        }
        return new PcmAudio(out, channels, in.sampleRate());
    }

    private static int clip(double v) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
