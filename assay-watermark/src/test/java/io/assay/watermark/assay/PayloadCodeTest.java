package io.assay.watermark.assay;

import io.assay.core.evidence.DigitalSourceType;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadCodeTest {

    static double[] soft(int[] cw) {
        double[] s = new double[cw.length];
        for (int i = 0; i < cw.length; i++) {
            s[i] = cw[i] == 1 ? 1 : -1;
        }
        return s;
    }

    @Test
    void roundTripsAndCorrectsErrors() {
        Random rnd = new Random(1);
        for (int t = 0; t < 200; t++) {
            long word = rnd.nextInt() & 0xFFFFFFFFL;
            double[] s = soft(PayloadCode.encode(word));
            assertThat(PayloadCode.decode(s)).isEqualTo(word);
            // 12 scattered hard errors (7%) are corrected
            for (int k = 0; k < 12; k++) {
                int i = rnd.nextInt(s.length);
                s[i] = -Math.abs(s[i]) * Math.signum(s[i]);
            }
            assertThat(PayloadCode.decode(s)).isEqualTo(word);
        }
    }

    @Test
    void noiseRarelyPassesTheCrc() {
        Random rnd = new Random(2);
        int passed = 0;
        for (int t = 0; t < 5000; t++) {
            double[] s = new double[PayloadCode.CODED_BITS];
            for (int i = 0; i < s.length; i++) {
                s[i] = rnd.nextGaussian();
            }
            if (PayloadCode.decode(s) >= 0) {
                passed++;
            }
        }
        // expected 5000 * 2^-16 = 0.08
        assertThat(passed).isLessThanOrEqualTo(1);
    }

    @Test
    void payloadWord() {
        AssayPayload p = AssayPayload.of(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, 7);
        assertThat(p.hex()).isEqualTo("01000007");
        assertThat(AssayPayload.ofWord(p.word())).isEqualTo(p);
        assertThat(p.sourceType()).contains(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        for (DigitalSourceType t : DigitalSourceType.values()) {
            assertThat(SourceTypeCode.type(SourceTypeCode.code(t))).contains(t);
        }
    }
}
