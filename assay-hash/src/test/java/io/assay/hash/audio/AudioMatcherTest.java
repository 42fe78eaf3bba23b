package io.assay.hash.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.testing.SharedCorpus;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioMatcherTest {

    private static final AudioMatcher MATCHER = new AudioMatcher();

    /** Python's "%.4f": the exact binary value rounded half to even. */
    private static String f4(double v) {
        return Double.isNaN(v) ? "" : new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static List<String[]> expectedRows() throws IOException {
        List<String> lines = Files.readAllLines(SharedCorpus.corpus("audio/expected-ber.csv"));
        assertThat(lines.get(0)).isEqualTo("a,b,ber,offset_items,overlap_items,window_ber,match");
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                rows.add(l.strip().split(",", -1));
            }
        }
        assertThat(rows).hasSize(28);
        return rows;
    }

    private static String row(String a, String b, AudioComparison c) {
        return String.join(",", a, b, f4(c.ber()), c.aligned() ? String.valueOf(c.offset()) : "",
                String.valueOf(c.overlap()), f4(c.windowBer()), String.valueOf(c.match()));
    }

    @Test
    void reproducesExpectedBerCsvFromFpcalcFingerprints() throws IOException {
        Map<String, AudioFingerprint> fps = new HashMap<>();
        for (String clip : AudioCorpus.CLIPS) {
            fps.put(clip, AudioCorpus.fpcalc(clip));
        }
        for (String[] r : expectedRows()) {
            AudioComparison c = MATCHER.compare(fps.get(r[0]), fps.get(r[1]));
            assertThat(row(r[0], r[1], c)).isEqualTo(String.join(",", r));
        }
    }

    @Test
    void ourFingerprintsFromTheWavFilesKeepEveryMatchDecision() throws IOException {
        ChromaprintHasher hasher = new ChromaprintHasher();
        Map<String, AudioFingerprint> ours = new HashMap<>();
        for (String clip : AudioCorpus.CLIPS) {
            ours.put(clip, hasher.fingerprint(AudioCorpus.wav(clip)));
        }
        for (String[] r : expectedRows()) {
            AudioComparison c = MATCHER.compare(ours.get(r[0]), ours.get(r[1]));
            System.out.printf(Locale.ROOT, "audio match %s%n", row(r[0], r[1], c));
            assertThat(c.match()).as(r[0] + " vs " + r[1]).isEqualTo(Boolean.parseBoolean(r[6]));
            // our fingerprints are fpcalc's, so the whole row holds too
            assertThat(row(r[0], r[1], c)).isEqualTo(String.join(",", r));
        }
        assertThat(MATCHER.compare(ours.get("orig"), ours.get("tel")).match()).isTrue();
        assertThat(MATCHER.compare(ours.get("orig"), ours.get("cut")).offset()).isEqualTo(40);
        assertThat(MATCHER.compare(ours.get("orig"), ours.get("other")).match()).isFalse();
    }

    @Test
    void searchReturnsMatchingBankEntriesBestFirst() {
        List<AudioFingerprint> bank = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 50; i++) {
            bank.add(new AudioFingerprint(rnd.ints(300).toArray(), 37));
        }
        bank.add(AudioCorpus.fpcalc("tel"));
        bank.add(AudioCorpus.fpcalc("other"));
        bank.add(AudioCorpus.fpcalc("orig44"));
        List<AudioMatcher.Hit> hits = MATCHER.search(AudioCorpus.fpcalc("orig"), bank);
        assertThat(hits).extracting(AudioMatcher.Hit::index).containsExactly(52, 50);
        assertThat(hits.get(0).comparison().windowBer()).isEqualTo(0.0);
    }

    @Test
    void tooShortToAlignIsNoMatch() {
        AudioFingerprint orig = AudioCorpus.fpcalc("orig");
        AudioFingerprint snippet = new AudioFingerprint(java.util.Arrays.copyOfRange(orig.items(), 100, 130), 3.7);
        AudioComparison c = MATCHER.compare(orig, snippet);
        assertThat(c.aligned()).isFalse();
        assertThat(c.windowBer()).isNaN();
        assertThat(c.match()).isFalse();
        // with a smaller window and overlap the same snippet is found at its place
        AudioMatcher shortWindow = new AudioMatcher(new AudioMatcher.Options(120, 20, 20, 0.25));
        AudioComparison s = shortWindow.compare(orig, snippet);
        assertThat(s.match()).isTrue();
        assertThat(s.ber()).isZero();
        assertThat(s.offset()).isEqualTo(100);
        assertThat(s.windowStartA()).isEqualTo(100);
    }

    @Test
    void isSymmetricUpToTheSignOfTheOffset() {
        AudioFingerprint a = AudioCorpus.fpcalc("orig");
        AudioFingerprint b = AudioCorpus.fpcalc("cut");
        AudioComparison ab = MATCHER.compare(a, b);
        AudioComparison ba = MATCHER.compare(b, a);
        assertThat(ba.ber()).isEqualTo(ab.ber());
        assertThat(ba.offset()).isEqualTo(-ab.offset());
        assertThat(ba.windowBer()).isEqualTo(ab.windowBer());
    }
}
