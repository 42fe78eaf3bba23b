package io.assay.hash.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioFingerprintTest {

    @Test
    void parsesFpcalcRawJson() {
        AudioFingerprint fp = AudioCorpus.fpcalc("orig");
        assertThat(fp.size()).isEqualTo(375);
        assertThat(fp.durationSeconds()).isEqualTo(49.04);
        assertThat(fp.algorithm()).isEqualTo(ChromaprintAlgorithm.TEST2);
        assertThat(Integer.toUnsignedLong(fp.item(0))).isEqualTo(4030003754L); // above 2^31: read as unsigned
        assertThat(fp.toFpcalcJson()).startsWith("{\"duration\": 49.04, \"fingerprint\": [4030003754,4027865642,");
        assertThat(AudioFingerprint.parseFpcalcJson(fp.toFpcalcJson())).isEqualTo(fp);
    }

    @Test
    void parsesFpcalcTextOutputSignedAndUnsigned() {
        AudioFingerprint signed = AudioFingerprint.parseFpcalcText(AudioCorpus.resource("orig.fpcalc-raw-signed.txt"));
        AudioFingerprint json = AudioCorpus.fpcalc("orig");
        assertThat(signed.items()).isEqualTo(json.items());
        assertThat(signed.durationSeconds()).isEqualTo(49.0); // the text form prints whole seconds

        String unsigned = "DURATION=49\nFINGERPRINT=" + json.toRawString() + "\n";
        assertThat(AudioFingerprint.parseFpcalcText(unsigned).items()).isEqualTo(json.items());
    }

    @Test
    void decodesTheCompressedStringsFpcalcPrints() {
        for (String clip : new String[] {"orig", "other"}) {
            String json = AudioCorpus.resource(clip + ".fpcalc-compressed.json");
            AudioFingerprint compressed = AudioFingerprint.parseFpcalcJson(json);
            AudioFingerprint raw = AudioCorpus.fpcalc(clip);
            assertThat(compressed.items()).as(clip).isEqualTo(raw.items());
            assertThat(compressed.durationSeconds()).isEqualTo(raw.durationSeconds());
            // and our encoder writes fpcalc's string byte for byte
            String fpcalcString = json.substring(json.indexOf("\"fingerprint\": \"") + 16, json.lastIndexOf('"'));
            assertThat(raw.toCompressedString()).as(clip).isEqualTo(fpcalcString);
            assertThat(fpcalcString).startsWith("AQ"); // header byte 1 = TEST2
        }
    }

    @Test
    void compressedStringRoundTrips() {
        Random rnd = new Random(7);
        int[][] cases = {
                {},
                {0},
                {-1},
                {0, 0, 0},
                {0x80000000, 1, 0x80000001, -1, 0},
                rnd.ints(1000).toArray(),
                // realistic: consecutive items share most bits
                walk(rnd, 3000),
        };
        for (int[] items : cases) {
            AudioFingerprint fp = new AudioFingerprint(items, 12.5);
            String s = fp.canonical();
            assertThat(s).matches("[A-Za-z0-9_-]*");
            AudioFingerprint back = AudioFingerprint.parseCanonical(s);
            assertThat(back.items()).isEqualTo(items);
            assertThat(back.algorithm()).isEqualTo(ChromaprintAlgorithm.TEST2);
            assertThat(AudioFingerprint.fromCompressedString(s, 12.5)).isEqualTo(fp);
        }
    }

    @Test
    void rejectsCorruptCompressedStrings() {
        String good = AudioCorpus.fpcalc("other").toCompressedString();
        assertThatThrownBy(() -> AudioFingerprint.parseCanonical("AQA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> AudioFingerprint.parseCanonical(good.substring(0, (good.length() / 2) & ~3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> AudioFingerprint.parseCanonical(good.replace('A', '+')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64url");
        // a header claiming 2^24-1 items over a few bytes is refused before anything is allocated
        assertThatThrownBy(() -> AudioFingerprint.parseCanonical("Af___wAAAAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claims");
        assertThatThrownBy(() -> AudioFingerprint.parseCanonical("CQAAAQAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("algorithm");
    }

    @Test
    void rejectsMalformedFpcalcOutput() {
        assertThatThrownBy(() -> AudioFingerprint.parseFpcalcJson("{\"duration\": 1.0}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no \"fingerprint\"");
        assertThatThrownBy(() -> AudioFingerprint.parseFpcalcJson("{\"fingerprint\": [1, x]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> AudioFingerprint.parseFpcalcJson("{\"fingerprint\": [4294967296]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-bit");
        assertThatThrownBy(() -> AudioFingerprint.parseFpcalcText("DURATION=3\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FINGERPRINT=");
        assertThatThrownBy(() -> new AudioFingerprint(new int[1], -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemsAreDefensiveCopies() {
        int[] items = {1, 2, 3};
        AudioFingerprint fp = new AudioFingerprint(items, 1);
        items[0] = 9;
        fp.items()[1] = 9;
        assertThat(fp.items()).containsExactly(1, 2, 3);
    }

    private static int[] walk(Random rnd, int n) {
        int[] out = new int[n];
        int v = rnd.nextInt();
        for (int i = 0; i < n; i++) {
            v ^= 1 << rnd.nextInt(32);
            if (rnd.nextInt(4) == 0) {
                v ^= 1 << rnd.nextInt(32);
            }
            out[i] = v;
        }
        return out;
    }
}
