package io.assay.hash.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChromaprintHasherTest {

    private static final ChromaprintHasher HASHER = new ChromaprintHasher();

    /**
     * Our fingerprint of every corpus clip equals fpcalc 1.5.1's bit for bit (BER 0 at offset 0, same length):
     * 22050 Hz mono, 44.1 kHz stereo and 8 kHz input alike.
     */
    @ParameterizedTest
    @MethodSource("io.assay.hash.audio.AudioCorpus#clips")
    void equalsFpcalcOnEveryCorpusClip(String clip) throws IOException {
        AudioFingerprint ours = HASHER.fingerprint(AudioCorpus.wav(clip));
        AudioFingerprint fpcalc = AudioCorpus.fpcalc(clip);
        long errors = AudioCorpus.bitErrorsAtZero(ours, fpcalc);
        double ber = errors / (32.0 * Math.min(ours.size(), fpcalc.size()));
        System.out.printf(Locale.ROOT, "chromaprint %-7s items ours=%d fpcalc=%d BER@0=%.4f%n", clip, ours.size(), fpcalc.size(), ber);
        assertThat(ours.size()).isEqualTo(fpcalc.size());
        assertThat(ber).isEqualTo(0.0);
        assertThat(ours.items()).isEqualTo(fpcalc.items());
        assertThat(ours.durationSeconds()).isCloseTo(fpcalc.durationSeconds(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(ours.toCompressedString()).isEqualTo(fpcalc.toCompressedString());
    }

    @Test
    void acceptsAMediaAssetAndRawSamples() throws Exception {
        AudioFingerprint fpcalc = AudioCorpus.fpcalc("other");
        MediaAsset asset = MediaAsset.open(AudioCorpus.wav("other"), AssetLimits.DEFAULT);
        assertThat(HASHER.fingerprint(asset).items()).isEqualTo(fpcalc.items());

        byte[] bytes = Files.readAllBytes(AudioCorpus.wav("other"));
        MediaAsset inMemory = MediaAsset.of("other.wav", bytes, AssetLimits.DEFAULT);
        assertThat(HASHER.fingerprint(inMemory).items()).isEqualTo(fpcalc.items());

        PcmAudio pcm = new AudioDecoder().decode(AudioCorpus.wav("other"));
        assertThat(HASHER.fingerprint(pcm.samples(), pcm.sampleRate()).items()).isEqualTo(fpcalc.items());

        float[] f = new float[pcm.samples().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = pcm.samples()[i] / 32768f;
        }
        assertThat(HASHER.fingerprint(f, pcm.sampleRate()).items()).isEqualTo(fpcalc.items());
    }

    @Test
    void fingerprintsOnlyTheFirstMaxSecondsLikeFpcalcLength() throws IOException {
        AudioFingerprint full = AudioCorpus.fpcalc("orig");
        ChromaprintHasher twenty = new ChromaprintHasher(20, new AudioDecoder());
        AudioFingerprint head = twenty.fingerprint(AudioCorpus.wav("orig"));
        // 20 s at 11025 Hz = 220500 samples -> (220500 - 4096) / 1365 + 1 - 19 = 140 items, a prefix of the whole
        assertThat(head.size()).isEqualTo(140);
        assertThat(head.items()).isEqualTo(Arrays.copyOf(full.items(), 140));
        assertThat(head.durationSeconds()).isCloseTo(49.04, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void tooLittleAudioGivesAnEmptyFingerprint() {
        // one item needs 20 frames (5 for the chroma filter, 16 for the widest classifier, sharing one):
        // 4096 + 19 x 1365 samples at 11025 Hz, about 2.7 s
        assertThat(HASHER.fingerprint(new short[4096 + 19 * 1365 - 1], 11025).size()).isZero();
        assertThat(HASHER.fingerprint(new short[4096 + 19 * 1365], 11025).size()).isEqualTo(1);
        assertThat(HASHER.fingerprint(new short[0], 44100).size()).isZero();
    }

    @Test
    void silenceHasAStableFingerprint() {
        AudioFingerprint fp = HASHER.fingerprint(new short[11025 * 5], 11025);
        // silent frames normalise to zero: every classifier sees log(1) = 0
        assertThat(fp.size()).isGreaterThan(0);
        assertThat(Arrays.stream(fp.items()).distinct().count()).isEqualTo(1);
    }

    @Test
    void rejectsSampleRatesChromaprintRefuses() {
        assertThatThrownBy(() -> HASHER.fingerprint(new short[100], 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too low");
    }
}
