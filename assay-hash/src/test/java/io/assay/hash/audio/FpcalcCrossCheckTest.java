package io.assay.hash.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real fpcalc (and ffmpeg, to make inputs) and compares its compressed fingerprint strings with ours.
 * Both tools are required: CI installs them (apt-get install ffmpeg libchromaprint-tools); without them these
 * tests fail with a message saying so.
 */
class FpcalcCrossCheckTest {

    @TempDir
    Path tmp;

    private static AudioFingerprint fpcalc(Path file) {
        return AudioFingerprint.parseFpcalcJson(ExternalTools.run(List.of("fpcalc", "-json", file.toString())));
    }

    @Test
    void compressedStringsEqualFpcalcsOnTheCorpus() throws IOException {
        ChromaprintHasher hasher = new ChromaprintHasher();
        for (String clip : List.of("orig44", "tel", "cut")) {
            AudioFingerprint theirs = fpcalc(AudioCorpus.wav(clip));
            assertThat(hasher.fingerprint(AudioCorpus.wav(clip)).toCompressedString()).as(clip)
                    .isEqualTo(theirs.toCompressedString());
        }
    }

    @Test
    void lossyAndVideoFilesThroughFfmpegEqualFpcalc() throws IOException {
        Path mp3 = tmp.resolve("other.mp3");
        ExternalTools.run(List.of("ffmpeg", "-v", "error", "-i", AudioCorpus.wav("other").toString(), "-b:a", "64k", mp3.toString()));
        Path mp4 = tmp.resolve("other.mp4");
        ExternalTools.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=size=64x64:rate=5",
                "-i", AudioCorpus.wav("other").toString(), "-shortest", "-c:v", "mpeg4", "-c:a", "aac", "-ac", "2",
                "-ar", "48000", mp4.toString()));
        ChromaprintHasher hasher = new ChromaprintHasher();
        for (Path f : List.of(mp3, mp4)) {
            AudioFingerprint ours = hasher.fingerprint(f);
            AudioFingerprint theirs = fpcalc(f);
            assertThat(ours.items()).as(f.getFileName().toString()).isEqualTo(theirs.items());
            assertThat(ours.toCompressedString()).isEqualTo(theirs.toCompressedString());
            // and still the same message as the original WAV
            assertThat(new AudioMatcher().compare(ours, AudioCorpus.fpcalc("other")).match()).isTrue();
        }
    }
}
