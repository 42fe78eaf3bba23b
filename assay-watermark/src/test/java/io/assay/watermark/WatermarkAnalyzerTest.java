package io.assay.watermark;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.analyzer.InstalledAnalyzers;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;
import io.assay.watermark.assay.AssayPayload;
import io.assay.watermark.assay.AssayWatermark;
import io.assay.watermark.assay.AssayWatermarkKey;
import io.assay.watermark.image.ImageCodec;
import io.assay.watermark.image.RgbPixels;
import io.assay.watermark.testing.CorpusImages;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkAnalyzerTest {

    static Analyzer analyzer(Map<String, String> settings) {
        return InstalledAnalyzers.load(new AnalyzerSettings(settings)).stream()
                .filter(a -> a.name().equals("watermark")).findFirst().orElseThrow();
    }

    static List<Evidence> scan(Analyzer a, String name, byte[] bytes) throws Exception {
        return a.analyze(MediaAsset.of(name, bytes, AssetLimits.DEFAULT), ScanContext.NONE);
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = WatermarkAnalyzerTest.class.getResourceAsStream("/dwtdct/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void assayMarkInAJpegBecomesAnUnsignedDeclaration() throws Exception {
        RgbPixels photo = CorpusImages.fit(CorpusImages.read(SharedCorpus.corpus("pdq/reg-test-input/pen-and-coaster.png")), 1024);
        AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.fromPassphrase("newsroom secret"));
        byte[] jpeg = ImageCodec.write(wm.embed(photo.toImage(), AssayPayload.of(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, 7)),
                ImageCodec.formatFor(MediaType.JPEG));
        Analyzer a = analyzer(Map.of("watermark.key", "newsroom secret"));
        assertThat(a.supports(MediaType.JPEG)).isTrue();
        assertThat(a.supports(MediaType.MP4)).isFalse();
        List<Evidence> ev = scan(a, "marked.jpg", jpeg);
        assertThat(ev).hasSize(1);
        Evidence e = ev.get(0);
        assertThat(e.kind()).isEqualTo(EvidenceKind.DECLARATION);
        assertThat(e.assurance()).isEqualTo(Assurance.UNSIGNED);
        assertThat(e.digitalSourceType()).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(e.finding()).startsWith("invisible watermark (assay, 32-bit payload, ")
                .endsWith("bit errors corrected): trainedAlgorithmicMedia, generator 7");
        assertThat(e.details()).containsEntry("scheme", "assay").containsEntry("payload", "01000007");
        assertThat(e.confidence()).isBetween(0.5, 1.0);
        // without the key: nothing
        assertThat(scan(analyzer(Map.of()), "marked.jpg", jpeg)).isEmpty();
    }

    @Test
    void stableDiffusionMarksAreDeclarationsOfTrainedAlgorithmicMedia() throws Exception {
        Analyzer a = analyzer(Map.of());
        for (String f : List.of("astronaut-sd1.png", "coffee-sd1.png", "cloud-sd1.png", "astronaut-sdxl.png",
                "coffee-sdxl.png", "bridge-sdxl-float.png")) {
            List<Evidence> ev = scan(a, f, resource(f));
            assertThat(ev).as(f).hasSize(1);
            assertThat(ev.get(0).sourceType()).contains(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
            assertThat(ev.get(0).details()).containsEntry("scheme", "dwtDct")
                    .containsEntry("payload", f.contains("sd1") ? "sd1" : "sdxl");
            assertThat(ev.get(0).assurance()).isEqualTo(Assurance.UNSIGNED);
        }
        for (String f : List.of("astronaut-clean.png", "coffee-clean.png", "bridge-clean.png", "cloud-clean.png")) {
            assertThat(scan(a, f, resource(f))).as(f).isEmpty();
        }
    }

    @Test
    void refusesImagesOverThePixelLimit() throws Exception {
        Analyzer a = analyzer(Map.of("watermark.max-pixels", "100000"));
        assertThatThrownBy(() -> scan(a, "big.png", resource("astronaut-clean.png")))
                .hasMessageContaining("512x512 = 262144 pixels, over the limit of 100000");
    }

    @Test
    void largeImagesAreDecodedSubsampled() throws Exception {
        RgbPixels photo = CorpusImages.fit(CorpusImages.read(SharedCorpus.corpus("pdq/reg-test-input/pen-and-coaster.png")), 1024);
        AssayWatermark wm = new AssayWatermark(AssayWatermarkKey.DEFAULT);
        byte[] png = ImageCodec.write(wm.embed(photo.toImage(), new AssayPayload(3, 99)), "png");
        // a full-decode budget of a quarter of the pixels: read every 2nd pixel
        List<Evidence> ev = scan(analyzer(Map.of("watermark.full-decode-pixels", "200000")), "m.png", png);
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).details()).containsEntry("generatorId", 99).containsEntry("decodedSubsampled", 2);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> analyzer(Map.of("watermark.kye", "x"))).hasMessageContaining("unknown analyzer setting 'watermark.kye'");
        assertThatThrownBy(() -> analyzer(Map.of("watermark.schemes", "rivagan"))).hasMessageContaining("schemes");
        assertThatThrownBy(() -> analyzer(Map.of("watermark.dwtdct-threshold", "2"))).hasMessageContaining("within");
    }
}
