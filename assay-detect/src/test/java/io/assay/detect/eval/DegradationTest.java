package io.assay.detect.eval;

import io.assay.hash.audio.PcmAudio;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The robustness transforms: JPEG, halving, mu-law and the telephone codec. */
class DegradationTest {

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                img.setRGB(x, y, (10 * x + y) << 8);
            }
        }
        BufferedImage half = ImageDegradation.halve(img);
        assertThat(half.getWidth()).isEqualTo(2);
        assertThat(half.getHeight()).isEqualTo(2);
        // Block x 0..1, y 0..1: green (0+1+10+11)/4 = 5.5, rounded half up.
        assertThat((half.getRGB(0, 0) >> 8) & 0xff).isEqualTo(6);
        // The last block takes the odd column too: x 2..4, y 2..3: mean of 10x+y = 30 + 2.5 = 32.5.
        assertThat((half.getRGB(1, 1) >> 8) & 0xff).isEqualTo(33);
    }

    @Test
    void jpegReencodingLosesMoreAtLowerQuality() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        byte[] q75 = ImageDegradation.jpeg(img, 75);
        byte[] q50 = ImageDegradation.jpeg(img, 50);
        assertThat(q75[0] & 0xff).isEqualTo(0xff);
        assertThat(q75[1] & 0xff).isEqualTo(0xd8);
        assertThat(q50.length).isLessThan(q75.length);
        assertThat(error(img, ImageIO.read(new ByteArrayInputStream(q50))))
                .isGreaterThan(error(img, ImageIO.read(new ByteArrayInputStream(q75))));
    }

    private static double error(BufferedImage a, BufferedImage b) {
        double e = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                e += Math.abs(((a.getRGB(x, y) >> 8) & 0xff) - ((b.getRGB(x, y) >> 8) & 0xff));
            }
        }
        return e;
    }

    @Test
    void muLawHasTheG711CodesAndBoundedError() {
        assertThat(MuLaw.encode(0)).isEqualTo(0xff);
        assertThat(MuLaw.encode(32767)).isEqualTo(0x80);
        assertThat(MuLaw.encode(-32768)).isEqualTo(0x00);
        assertThat(MuLaw.decode(0xff)).isEqualTo(0);
        assertThat(MuLaw.decode(0x80)).isEqualTo(32124);
        assertThat(MuLaw.decode(0x00)).isEqualTo(-32124);
        for (int x = -32768; x <= 32767; x++) {
            int y = MuLaw.decode(MuLaw.encode(x));
            // Segment step: 8 near zero, doubling per segment; error at most half a step (plus clipping at the top).
            double bound = Math.max(8, (Math.abs(x) + 132) / 16.0) + (Math.abs(x) > 32124 ? 650 : 0);
            assertThat((double) Math.abs(y - x)).as("x=%d", x).isLessThanOrEqualTo(bound);
            assertThat(Integer.signum(y) * Integer.signum(x)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theTelephoneCodecKeepsSpeechBandAndDropsWhatIsAbove() {
        int rate = 16000;
        // 997 Hz, the usual codec test tone: not a divisor of the rates, so the quantisation error is not periodic.
        short[] low = tone(997, rate, 16000);
        short[] high = tone(6000, rate, 16000);
        PcmAudio lowOut = TelephoneCodec.apply(new PcmAudio(low, rate));
        PcmAudio highOut = TelephoneCodec.apply(new PcmAudio(high, rate));
        assertThat(lowOut.sampleRate()).isEqualTo(rate);
        assertThat(lowOut.frames()).isEqualTo(low.length);
        // A 1 kHz tone passes with mu-law's ~ -38 dB noise; a 6 kHz one (above 4 kHz) vanishes.
        assertThat(rms(lowOut.samples()) / rms(low)).isCloseTo(1.0, within(0.03));
        assertThat(rms(highOut.samples()) / rms(high)).isLessThan(0.01);
        double err = 0;
        for (int i = 1000; i < low.length - 1000; i++) {
            err += Math.pow(lowOut.samples()[i] - low[i], 2);
        }
        double snrDb = 10 * Math.log10(Math.pow(rms(low), 2) * (low.length - 2000) / err);
        assertThat(snrDb).isBetween(30.0, 45.0); // G.711 gives about 38 dB
    }

    @Test
    void stereoChannelsAreCodedSeparately() {
        short[] s = new short[2 * 4000];
        short[] a = tone(500, 8000, 4000);
        for (int i = 0; i < 4000; i++) {
            s[2 * i] = a[i];
        }
        PcmAudio out = TelephoneCodec.apply(new PcmAudio(s, 2, 8000));
        assertThat(out.channels()).isEqualTo(2);
        assertThat(rms(out.channel(1))).isLessThan(1.0);
        assertThat(rms(out.channel(0)) / rms(a)).isCloseTo(1.0, within(0.03));
    }

    static short[] tone(double hz, int rate, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    static double rms(short[] s) {
        double e = 0;
        for (short v : s) {
            e += (double) v * v;
        }
        return Math.sqrt(e / s.length);
    }
}
