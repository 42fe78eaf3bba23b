package io.assay.watermark.dwtdct;

import io.assay.watermark.BitString;
import io.assay.watermark.image.RgbPixels;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against images made by the real invisible-watermark code (scripts/make-fixtures.sh): our decoder must read exactly
 * the bits upstream's decoder reads, and our encoder must produce the same pixels as upstream's.
 */
class DwtDctCompatibilityTest {

    record Row(String file, String payload, String upstreamBits) {
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = DwtDctCompatibilityTest.class.getResourceAsStream("/dwtdct/expected.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                out.add(new Row(f[0], f[1], f[2]));
            }
        }
        return out;
    }

    static RgbPixels load(String name) {
        try (InputStream in = DwtDctCompatibilityTest.class.getResourceAsStream("/dwtdct/" + name)) {
            return RgbPixels.of(ImageIO.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownDwtDctMark mark(String id) {
        return id.equals("sd1") ? KnownDwtDctMark.STABLE_DIFFUSION_V1 : KnownDwtDctMark.SDXL;
    }

    @Test
    void decoderReadsExactlyWhatUpstreamReads() throws IOException {
        int checked = 0;
        for (Row r : rows()) {
            if (r.payload().equals("none")) {
                continue;
            }
            KnownDwtDctMark m = mark(r.payload());
            DwtDctReading reading = DwtDctWatermark.decode(load(r.file()), m.bits().length());
            assertThat(reading.bits().toBinary()).as(r.file()).isEqualTo(r.upstreamBits());
            System.out.printf("%s: bit accuracy vs %s payload %.3f (upstream reads the same bits)%n", r.file(), m.id(),
                    reading.bitAccuracy(m.bits()));
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void encoderProducesUpstreamsPixels() throws IOException {
        int checked = 0;
        for (Row r : rows()) {
            if (r.payload().equals("none") || r.file().contains("float")) {
                continue; // the float fixture is SDXL's own float pipeline, which the 8-bit encoder does not mimic
            }
            String source = r.file().substring(0, r.file().indexOf('-')) + "-clean.png";
            RgbPixels ours = DwtDctWatermark.encode(load(source), mark(r.payload()).bits());
            RgbPixels theirs = load(r.file());
            int differ = 0;
            for (int i = 0; i < ours.rgb().length; i++) {
                if (ours.rgb()[i] != theirs.rgb()[i]) {
                    differ++;
                }
            }
            assertThat(differ).as(r.file() + ": pixels that differ from upstream's encoder").isZero();
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void roundTripWithOurEncoderAndDecoder() {
        for (String name : List.of("astronaut-clean.png", "coffee-clean.png", "bridge-clean.png", "cloud-clean.png")) {
            // upstream itself reads back only 0.7-1.0 of its own bits on some photos (see README); ours reads the same
            for (KnownDwtDctMark m : KnownDwtDctMark.DEFAULTS) {
                RgbPixels marked = DwtDctWatermark.encode(load(name), m.bits());
                double acc = DwtDctWatermark.decode(marked, m.bits().length()).bitAccuracy(m.bits());
                System.out.printf("round trip %s %s: bit accuracy %.3f%n", name, m.id(), acc);
                assertThat(acc).as(name + " " + m.id()).isGreaterThanOrEqualTo(0.70);
            }
        }
    }

    @Test
    void numpyFloorDivision() {
        assertThat(DwtDctWatermark.floorDiv(71.9, 36)).isEqualTo(1.0);
        assertThat(DwtDctWatermark.floorDiv(72.0, 36)).isEqualTo(2.0);
        assertThat(DwtDctWatermark.floorDiv(0.0, 36)).isEqualTo(0.0);
    }

    @Test
    void payloadBits() {
        assertThat(KnownDwtDctMark.STABLE_DIFFUSION_V1.bits().length()).isEqualTo(136);
        assertThat(KnownDwtDctMark.SDXL.bits().toBinary()).isEqualTo("101100111110110010010000011110111011000110011110");
        assertThat(BitString.fromBinary("0101").toHex()).isEqualTo("50");
    }
}
