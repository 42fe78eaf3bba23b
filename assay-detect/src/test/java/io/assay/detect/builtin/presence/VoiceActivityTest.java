package io.assay.detect.builtin.presence;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import io.assay.detect.ContentProfile;
import io.assay.detect.DetectorInput;
import io.assay.detect.builtin.Mono;
import io.assay.detect.builtin.spoof.SpeechCorpus;
import io.assay.hash.audio.AudioDecoder;
import io.assay.hash.audio.PcmAudio;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceActivityTest {

    private static final int RATE = 8000;

    static double[] humanSpeech() throws Exception {
        Path wav = SpeechCorpus.ASTERISK.resolve("demo-congrats.wav");
        if (!Files.isRegularFile(wav)) {
            throw new IllegalStateException("missing " + wav + ": apt-get install asterisk-core-sounds-en-wav");
        }
        try (InputStream in = Files.newInputStream(wav)) {
            PcmAudio a = new AudioDecoder().decodeWav(in);
            assertThat(a.sampleRate()).isEqualTo(RATE);
            return Mono.of(a);
        }
    }

    private static double[] tone(double hz, double seconds, double amplitude) {
        double[] x = new double[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return x;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void silenceNoiseAndTonesAreNotSpeech() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] noise = new double[5 * RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.1 * rng.nextGaussian();
        }
        assertThat(VoiceActivity.detect(new double[5 * RATE], RATE).fraction()).isZero();
        assertThat(VoiceActivity.detect(noise, RATE).fraction()).isLessThan(0.02);
        assertThat(VoiceActivity.detect(tone(440, 5, 0.5), RATE).fraction()).isZero();
        // A melody: notes of 300 ms with short rests, so the energy gate opens and only the spectral test can refuse.
        double[] melody = concat(tone(262, 0.3, 0.4), new double[800], tone(330, 0.3, 0.4), new double[800],
                tone(392, 0.3, 0.4), new double[800], tone(523, 0.3, 0.4), new double[800], tone(440, 0.3, 0.4));
        assertThat(VoiceActivity.detect(melody, RATE).fraction()).isLessThan(0.05);
    }

    @Test
    void recordedSpeechIsMostlySpeechAndAGapOfSilenceIsNot() throws Exception {
        double[] speech = humanSpeech();
        VoiceActivity.Result alone = VoiceActivity.detect(speech, RATE);
        assertThat(alone.fraction()).isGreaterThan(0.6);

        double[] withGap = concat(speech, new double[10 * RATE], speech);
        VoiceActivity.Result r = VoiceActivity.detect(withGap, RATE);
        int gapStart = speech.length / (RATE / 50) + 10; // frames of 20 ms, past the hangover
        for (int f = gapStart; f < gapStart + 480; f++) {
            assertThat(r.speech()[f]).as("frame %d in the silent gap", f).isFalse();
        }
        // The silence lowers the adaptive floor, so a few more soft frames pass: the gap itself adds nothing.
        assertThat(r.speechSeconds()).isBetween(2 * alone.speechSeconds() * 0.95, 2 * alone.speechSeconds() * 1.10);
    }

    @Test
    void speechInModerateNoiseIsStillFound() throws Exception {
        double[] speech = humanSpeech();
        double power = 0;
        for (double v : speech) {
            power += v * v / speech.length;
        }
        double sigma = Math.sqrt(power / 100); // 20 dB below the speech's mean power
        SplittableRandom rng = new SplittableRandom(9);
        double[] noisy = speech.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += sigma * rng.nextGaussian();
        }
        assertThat(VoiceActivity.detect(noisy, RATE).fraction()).isGreaterThan(0.4);
    }

    @Test
    void theProbeReportsTheSpeechFractionOfAnAsset() throws Exception {
        Path wav = SharedCorpus.corpus("audio/orig.wav");
        MediaAsset asset = MediaAsset.of("orig.wav", Files.readAllBytes(wav), AssetLimits.DEFAULT);
        try (DetectorInput in = DetectorInput.of(asset)) {
            ContentProfile p = new SpeechPresenceProbe().probe(in);
            assertThat(p.speechFraction()).isGreaterThan(0.7);
            assertThat(p.faces()).isNull();
            assertThat(p.notes()).singleElement().asString().contains("speech in");
        }
    }
}
