package io.assay.hash.audio;

import io.assay.core.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared audio corpus (/work/shared/corpus/audio) and this module's test resources. */
final class AudioCorpus {

    static final List<String> CLIPS = List.of("orig", "orig44", "loud", "noisy", "cut", "fast", "tel", "other");

    private AudioCorpus() {
    }

    static List<String> clips() {
        return CLIPS;
    }

    static Path dir() {
        return SharedCorpus.corpus("audio");
    }

    static Path wav(String clip) {
        return SharedCorpus.corpus("audio/" + clip + ".wav");
    }

    /** fpcalc 1.5.1's {@code -raw -json} output for a clip. */
    static AudioFingerprint fpcalc(String clip) {
        try {
            return AudioFingerprint.parseFpcalcJson(Files.readString(SharedCorpus.corpus("audio/" + clip + ".fp.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = AudioCorpus.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /audio/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bits that differ between two fingerprints compared item by item at offset 0, over their common length. */
    static long bitErrorsAtZero(AudioFingerprint a, AudioFingerprint b) {
        long e = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            e += Integer.bitCount(a.item(i) ^ b.item(i));
        }
        return e;
    }
}
