package io.assay.hash.video;

import io.assay.hash.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpdqTextFormatsTest {

    private static final String H0 = "e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c";
    private static final String H1 = "c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c";

    @Test
    void parsesEveryReferenceFileAndWritesItBackByteForByte() throws IOException {
        for (String dir : List.of("vpdq", "vpdq-recomputed")) {
            for (String name : VpdqCorpus.VIDEOS) {
                Path file = VpdqCorpus.ROOT.resolve(dir).resolve(name + ".txt");
                String text = Files.readString(file);
                VpdqHash h = VpdqHash.read(file);
                assertThat(h.size()).isEqualTo(text.split("\n").length);
                assertThat(h.toReferenceText()).as(file.toString()).isEqualTo(text);
                for (int i = 0; i < h.size(); i++) {
                    assertThat(h.features().get(i).frameNumber()).isEqualTo(i);
                }
            }
        }
        VpdqHash chair = VpdqCorpus.reference("chair-19-sd-bar");
        assertThat(chair.size()).isEqualTo(564);
        VpdqFeature first = chair.features().get(0);
        assertThat(first.frameNumber()).isZero();
        assertThat(first.quality()).isEqualTo(100);
        assertThat(first.hash()).isEqualTo(PdqHash.fromHex(H0, 100));
        assertThat(first.timestampSeconds()).isZero();
        assertThat(chair.features().get(1).toLine()).isEqualTo("1,100," + H1 + ",0.033");
        assertThat(VpdqCorpus.reference("pattern-hd-no-bar").features().stream().mapToInt(VpdqFeature::quality).min())
                .hasValue(49); // frame 198, the one frame below the usual quality threshold of 50
    }

    @Test
    void compactFormIsTheReferenceLinesJoinedAndRoundTrips() {
        for (String name : VpdqCorpus.VIDEOS) {
            VpdqHash h = VpdqCorpus.reference(name);
            String compact = h.toCompactString();
            assertThat(compact).doesNotContain("\n", " ").isEqualTo(String.join(";", h.toReferenceText().split("\n")));
            assertThat(VpdqHash.parseCompact(compact)).isEqualTo(h);
            assertThat(VpdqHash.parse(compact)).isEqualTo(h);
            assertThat(VpdqHash.parse(h.toReferenceText())).isEqualTo(h);
            assertThat(VpdqHash.parse(compact).toCompactString()).isEqualTo(compact);
        }
        VpdqHash two = VpdqHash.of(List.of(new VpdqFeature(0, PdqHash.fromHex(H0, 100), 0),
                new VpdqFeature(30, PdqHash.fromHex(H1, 49), 1.0)));
        assertThat(two.toCompactString()).isEqualTo("0,100," + H0 + ",0.000;30,49," + H1 + ",1.000");
        assertThat(VpdqHash.parse("")).isEqualTo(VpdqHash.of(List.of()));
        assertThat(VpdqHash.parse("0,100," + H0 + ",0.000")).isEqualTo(VpdqHash.of(List.of(two.features().get(0))));
    }

    @Test
    void referenceFormAcceptsCrLfAndBlankLinesAndWritesFiles(@TempDir Path dir) throws IOException {
        VpdqHash h = VpdqHash.parse("0,100," + H0 + ",0.000\r\n\r\n1,90," + H1.toUpperCase() + ",0.033\r\n");
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.features().get(1).hash().toHex()).isEqualTo(H1);
        Path f = dir.resolve("h.txt");
        h.writeReferenceText(f);
        assertThat(Files.readString(f)).isEqualTo("0,100," + H0 + ",0.000\n1,90," + H1 + ",0.033\n");
        assertThat(VpdqHash.read(f)).isEqualTo(h);
    }

    @Test
    void hmaFormIsWhatPythonThreatexchangeWrites() {
        // timestamps as the C++ hasher hands them to HMA (float, unrounded), formatted as Python's format(t, ".3")
        VpdqHash h = VpdqHash.of(List.of(
                new VpdqFeature(0, PdqHash.fromHex(H0, 100), 0f / 30f),
                new VpdqFeature(1, PdqHash.fromHex(H1, 49), 1f / 30f),
                new VpdqFeature(673, PdqHash.fromHex(H1, 0), 673f / 30f)));
        assertThat(h.toHmaJson()).isEqualTo("[\"" + H0 + ",100,0.0\", \"" + H1 + ",49,0.0333\", \"" + H1
                + ",0,22.4\"]");
        VpdqHash back = VpdqHash.parse(h.toHmaJson());
        assertThat(back.features()).extracting(VpdqFeature::frameNumber).containsExactly(0, 1, 2);
        assertThat(back.features()).extracting(VpdqFeature::hash).containsExactlyElementsOf(
                h.features().stream().map(VpdqFeature::hash).toList());
        assertThat(back.features()).extracting(VpdqFeature::timestampSeconds).containsExactly(0.0, 0.0333, 22.4);
        assertThat(VpdqHash.parse("[]").isEmpty()).isTrue();
        assertThat(VpdqHash.parse(" [ \"" + H0 + ",100,1.23e+02\" ] ").features().get(0).timestampSeconds())
                .isEqualTo(123.0);
    }

    @Test
    void pythonFormatOfTimestamps() {
        // expected strings printed by CPython 3.11: format(x, ".3")
        double[] x = {0.0, 0.033, 0.0333333, 1.0, 22.4, 22.433, 99.9, 99.96, 100.0, 123.4, 1234.5, 0.0001,
                0.00001234, 5.5, 0.125, 0.0625, 9.995, 10.0, 12.0, 0.5, 3.1415};
        String[] py = {"0.0", "0.033", "0.0333", "1.0", "22.4", "22.4", "99.9", "1e+02", "1e+02", "1.23e+02",
                "1.23e+03", "0.0001", "1.23e-05", "5.5", "0.125", "0.0625", "9.99", "10.0", "12.0", "0.5", "3.14"};
        for (int i = 0; i < x.length; i++) {
            assertThat(VpdqHash.pythonFormat3(x[i])).as("%s", x[i]).isEqualTo(py[i]);
        }
    }

    @Test
    void timestampsAreRoundedAsPrintfDoes() {
        assertThat(VpdqFeature.referenceTimestamp(1, 30)).isEqualTo(0.033);
        assertThat(VpdqFeature.referenceTimestamp(2, 30)).isEqualTo(0.067);
        assertThat(VpdqFeature.referenceTimestamp(673, 30)).isEqualTo(22.433);
        assertThat(VpdqFeature.referenceTimestamp(1001, 30000.0 / 1001)).isEqualTo(33.4);
        assertThat(VpdqFeature.formatTimestamp(1f / 30f)).isEqualTo("0.033");
        assertThat(VpdqFeature.formatTimestamp(0.0625)).isEqualTo("0.062"); // exact tie: to even, as glibc
        assertThat(VpdqFeature.formatTimestamp(0.0005)).isEqualTo("0.001"); // 0.0005 is slightly above in binary
        assertThat(VpdqFeature.formatTimestamp(12345.5)).isEqualTo("12345.500");
    }

    @Test
    void malformedTextIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> VpdqHash.parse("0,100," + H0 + ",0.000\n1,100,zz,0.033\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> VpdqHash.parse("0,100," + H0)).hasMessageContaining("4 comma-separated fields");
        assertThatThrownBy(() -> VpdqHash.parse("0,101," + H0 + ",0.0")).hasMessageContaining("quality");
        assertThatThrownBy(() -> VpdqHash.parse("-1,100," + H0 + ",0.0")).hasMessageContaining("frame number");
        assertThatThrownBy(() -> VpdqHash.parse("0,100," + H0 + ",NaN")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> VpdqHash.parse("0,100," + H0 + ",1.0d")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> VpdqHash.parse("0,100," + H0 + ",0.0;;")).hasMessageContaining("feature 2");
        assertThatThrownBy(() -> VpdqHash.parse("[\"" + H0 + ",100\"]")).hasMessageContaining("feature 1");
        assertThatThrownBy(() -> VpdqHash.parse("[\"" + H0 + ",100,0.0\",]")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> VpdqHash.parse("[1]")).hasMessageContaining("expected a string");
    }

    @Test
    void hashesMadeHereCompareEqualToTheirTextAfterDroppingVideoInfo() {
        VideoInfo info = new VideoInfo(0, 480, 720, 30, java.util.OptionalDouble.of(1), java.util.OptionalLong.empty());
        VpdqHash made = new VpdqHash(List.of(new VpdqFeature(0, PdqHash.fromHex(H0, 100), 0)), Optional.of(info));
        assertThat(VpdqHash.parse(made.toCompactString())).isNotEqualTo(made).isEqualTo(made.withoutVideoInfo());
        assertThat(info.frameStep(0)).isEqualTo(1);
        assertThat(info.frameStep(1)).isEqualTo(30);
        assertThat(info.frameStep(0.5)).isEqualTo(15);
        assertThat(info.frameStep(0.01)).isEqualTo(1);
    }
}
