package io.assay.hash.bank;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import io.assay.hash.SignalType;
import io.assay.hash.pdq.PdqHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Banked images are recognised after re-encoding, resizing, light cropping and rotation; others are not. */
class KnownDeepfakeAnalyzerTest {

    static final Path PDQ = SharedCorpus.corpus("pdq");
    static final Path ORIGINAL = PDQ.resolve("bridge-mods/aaa-orig.jpg");
    static final Path UNRELATED = PDQ.resolve("reg-test-input/labelme-subset/q0122.jpg");

    @TempDir
    Path tmp;

    private final MediaSignals signals = new MediaSignals(new PdqHasher());

    private SignalBank bankOf(Path image) throws IOException {
        SignalBank bank = new SignalBank();
        bank.putBank("election-fakes", MatchThresholds.DEFAULTS);
        String hex = new PdqHasher().hash(image).toHex();
        bank.add(new BankEntry(7, "election-fakes", SignalType.PDQ, hex, 100, new EntryContext(
                "fake photo of the bridge collapse", "staged image spread before the vote", "https://factcheck.example/bridge",
                "eu-2029", "Jane Doe", "factchecker-1", Instant.parse("2026-11-24T10:00:00Z"))));
        return bank;
    }

    private List<Evidence> scan(SignalBank bank, Path file) throws Exception {
        KnownDeepfakeAnalyzer analyzer = new KnownDeepfakeAnalyzer(signals, bank);
        return analyzer.analyze(MediaAsset.open(file, AssetLimits.DEFAULT), ScanContext.NONE);
    }

    private static List<Evidence> matches(List<Evidence> ev) {
        return ev.stream().filter(e -> e.kind() == EvidenceKind.MATCH).toList();
    }

    @Test
    void editedCopiesOfABankedImageMatchWithTheEntrysContext() throws Exception {
        SignalBank bank = bankOf(ORIGINAL);
        BufferedImage img = ImageIO.read(ORIGINAL.toFile());
        Path reencoded = jpeg(img, 0.35f, "reencoded.jpg");
        Path resized = jpeg(scale(img, 640, 402), 0.8f, "resized.jpg");
        // PDQ tolerates only light crops: 1% off each side moves this photo by ~20 bits, 2% by ~38 (over the threshold).
        Path cropped = jpeg(img.getSubimage(16, 10, img.getWidth() - 32, img.getHeight() - 20), 0.8f, "cropped.jpg");
        Path rotated = jpeg(rotate90(img), 0.8f, "rotated.jpg");
        Path png = tmp.resolve("copy.png");
        ImageIO.write(img, "png", png.toFile());
        for (Path copy : List.of(reencoded, resized, cropped, rotated, png, PDQ.resolve("bridge-mods/blur-a-lot.jpg"),
                PDQ.resolve("bridge-mods/sharpen-a-lot.jpg"))) {
            List<Evidence> m = matches(scan(bank, copy));
            assertThat(m).as(copy.getFileName().toString()).hasSize(1);
            Evidence e = m.getFirst();
            assertThat(e.finding()).contains("fake photo of the bridge collapse", "election-fakes", "eu-2029", "Jane Doe",
                    "https://factcheck.example/bridge");
            assertThat(e.details()).containsEntry("bank", "election-fakes").containsEntry("entryId", 7L)
                    .containsEntry("addedBy", "factchecker-1");
        }
        assertThat(matches(scan(bank, rotated)).getFirst().finding()).contains("rot");
    }

    @Test
    void unrelatedImagesDoNotMatchAndHashesAreReported() throws Exception {
        SignalBank bank = bankOf(ORIGINAL);
        List<Evidence> ev = scan(bank, UNRELATED);
        assertThat(matches(ev)).isEmpty();
        assertThat(ev).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.OBSERVATION);
            assertThat(e.details()).containsEntry("signalType", "pdq")
                    .containsEntry("signal", new PdqHasher().hash(UNRELATED).toHex());
        });
    }

    @Test
    void retractedEntriesStopMatchingAndThresholdsArePerBank() throws Exception {
        SignalBank bank = bankOf(ORIGINAL);
        Path copy = PDQ.resolve("bridge-mods/shrink-a-lot.jpg");
        assertThat(matches(scan(bank, copy))).hasSize(1);
        int d = new PdqHasher().hash(copy).distance(new PdqHasher().hash(ORIGINAL));
        bank.putBank("election-fakes", MatchThresholds.DEFAULTS.withPdq(d - 1, 50));
        assertThat(matches(scan(bank, copy))).isEmpty();
        bank.putBank("election-fakes", MatchThresholds.DEFAULTS);
        assertThat(bank.remove(7)).isTrue();
        assertThat(matches(scan(bank, copy))).isEmpty();
        assertThat(bank.remove(7)).isFalse();
    }

    @Test
    void lowQualityHashesNeverMatch() throws Exception {
        Path flat = PDQ.resolve("misc-images/small.jpg"); // quality 0
        SignalBank bank = new SignalBank();
        bank.putBank("b", MatchThresholds.DEFAULTS);
        bank.add(new BankEntry(1, "b", SignalType.PDQ, new PdqHasher().hash(flat).toHex(), 0, EntryContext.NONE));
        assertThat(matches(scan(bank, flat))).isEmpty();
    }

    /** known-deepfake.always: audio is fingerprinted with no audio bank (for retro-hunts), and only then. */
    @Test
    void audioIsFingerprintedWithoutABankOnlyWhenAskedToBe() throws Exception {
        Path wav = SharedCorpus.corpus("audio/orig.wav");
        MediaAsset asset = MediaAsset.open(wav, AssetLimits.DEFAULT);
        SignalBank empty = new SignalBank();
        assertThat(new KnownDeepfakeAnalyzer(signals, empty).supports(asset.mediaType())).isFalse();
        var always = KnownDeepfakeAnalyzerProvider.always(new io.assay.core.analyzer.AnalyzerSettings(
                java.util.Map.of("known-deepfake.always", "pdq, chromaprint")));
        KnownDeepfakeAnalyzer analyzer = new KnownDeepfakeAnalyzer(signals, empty, always);
        assertThat(analyzer.supports(asset.mediaType())).isTrue();
        List<Evidence> ev = analyzer.analyze(asset, ScanContext.NONE);
        assertThat(ev).singleElement().satisfies(e -> assertThat(e.details().get("signalType")).isEqualTo("chromaprint"));
        assertThatThrownBy(() -> KnownDeepfakeAnalyzerProvider.always(new io.assay.core.analyzer.AnalyzerSettings(
                java.util.Map.of("known-deepfake.always", "pdq,sha1")))).hasMessageContaining("unknown signal type 'sha1'");
    }

    @Test
    void aBankDirectoryOfMediaAndSignalListsLoads() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("candidate-fakes"));
        Files.copy(ORIGINAL, dir.resolve("bridge.jpg"));
        Files.writeString(dir.resolve("shared.tsv"), "# from a partner\npdq\t"
                + new PdqHasher().hash(UNRELATED).toHex() + "\t100\tstreet scene\trecycled photo\thttps://x.example/d\n");
        SignalBank bank = new SignalBank();
        String name = new BankDirectory(signals, AssetLimits.DEFAULT).load(dir, bank, MatchThresholds.DEFAULTS);
        assertThat(name).isEqualTo("candidate-fakes");
        assertThat(bank.size()).isEqualTo(2);
        assertThat(matches(scan(bank, UNRELATED))).singleElement()
                .satisfies(e -> assertThat(e.finding()).contains("street scene", "recycled photo"));
        Files.writeString(dir.resolve("broken.tsv"), "pdq\tnot-a-hash\n");
        assertThatThrownBy(() -> new BankDirectory(signals, AssetLimits.DEFAULT).load(dir, new SignalBank(), MatchThresholds.DEFAULTS))
                .hasMessageContaining("broken.tsv line 1").hasMessageContaining("64 hex digits");
    }

    private Path jpeg(BufferedImage img, float quality, String name) throws IOException {
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        Path out = tmp.resolve(name);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        try (ImageOutputStream os = ImageIO.createImageOutputStream(out.toFile())) {
            w.setOutput(os);
            w.write(null, new IIOImage(rgb, null, null), p);
        } finally {
            w.dispose();
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rotate90(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getHeight(), img.getWidth(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.setRGB(img.getHeight() - 1 - y, x, img.getRGB(x, y));
            }
        }
        return out;
    }
}
