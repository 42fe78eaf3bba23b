package io.assay.detect.analyzer;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.analyzer.InstalledAnalyzers;
import io.assay.core.evidence.DetectionDetails;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;
import io.assay.detect.Competence;
import io.assay.detect.ContentProbe;
import io.assay.detect.ContentProfile;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.Thresholds;
import io.assay.detect.ensemble.VotingRules;
import io.assay.detect.ensemble.WeightedVoteEnsemble;
import io.assay.detect.onnx.testing.ModelDir;
import io.assay.detect.onnx.testing.TinyOnnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DetectAnalyzerTest {

    @TempDir
    Path dir;

    /** A detector that answers a fixed score after a delay (interruptible). */
    record Fixed(String id, double score, long sleepMillis, boolean trusted, Competence competence) implements Detector {
        @Override
        public DetectorInfo info() {
            return new DetectorInfo(id, id, "1", Set.of(MediaType.Kind.IMAGE), new Thresholds(0.3, 0.7), trusted, false,
                    competence, "test", "test");
        }

        @Override
        public DetectorOutcome detect(DetectorInput input) throws Exception {
            input.image();
            Thread.sleep(sleepMillis);
            if (score < 0) {
                throw new IllegalStateException("boom");
            }
            return DetectorOutcome.Scored.of(score);
        }
    }

    static Fixed fixed(String id, double score, long sleep) {
        return new Fixed(id, score, sleep, false, Competence.ANY);
    }

    record Faces(int faces) implements ContentProbe {
        @Override
        public String id() {
            return "faces";
        }

        @Override
        public Set<MediaType.Kind> kinds() {
            return Set.of(MediaType.Kind.IMAGE);
        }

        @Override
        public ContentProfile probe(DetectorInput input) {
            if (faces < 0) {
                throw new IllegalStateException("no face model");
            }
            return new ContentProfile(faces, null, null, null, List.of("faces: " + faces));
        }
    }

    static MediaAsset png(int grey) throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return MediaAsset.of("grey.png", out.toByteArray(), AssetLimits.DEFAULT);
    }

    static DetectAnalyzer analyzer(List<Detector> detectors, List<ContentProbe> probes, long timeoutMs) {
        return new DetectAnalyzer(detectors, probes, new WeightedVoteEnsemble(VotingRules.defaults()),
                Duration.ofMillis(timeoutMs), DetectorInput.Limits.defaults(), List.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detector(Evidence e, String id) {
        return (Map<String, Object>) ((Map<String, Object>) e.details().get(DetectionDetails.DETECTORS)).get(id);
    }

    @Test
    void oneDetectionCarriesTheOutcomeAndEveryDetector() throws Exception {
        try (DetectAnalyzer a = analyzer(List.of(fixed("a", 0.9, 0), fixed("b", 0.8, 0), fixed("c", 0.1, 0)), List.of(), 2000)) {
            List<Evidence> found = a.analyze(png(128), ScanContext.NONE);
            assertThat(found).hasSize(1);
            Evidence e = found.getFirst();
            assertThat(e.source()).isEqualTo("detect");
            assertThat(e.kind()).isEqualTo(EvidenceKind.DETECTION);
            assertThat(DetectionDetails.outcome(e)).contains(DetectionDetails.Outcome.SYNTHETIC);
            assertThat(e.confidence()).isCloseTo(0.6, within(1e-9));
            assertThat(e.details()).containsEntry(DetectionDetails.SYNTHETIC_VOTES, 2.0)
                    .containsEntry(DetectionDetails.AUTHENTIC_VOTES, 1.0).containsEntry(DetectionDetails.REQUIRED, 2.0);
            assertThat(detector(e, "a")).containsEntry("score", 0.9).containsEntry("vote", "high")
                    .containsEntry("counted", true).containsEntry("trusted", false).containsKey("millis");
            assertThat(detector(e, "c")).containsEntry("vote", "low");
            assertThat(e.finding()).isEqualTo("detector ensemble: synthetic (2 synthetic vs 1 authentic weighted votes, 2 needed; combined score 0.60)");
        }
    }

    @Test
    void detectorsRunInParallelAndAnOverrunIsCancelled() throws Exception {
        Fixed slow = fixed("slow", 0.9, 60_000);
        try (DetectAnalyzer a = analyzer(List.of(fixed("p", 0.9, 300), fixed("q", 0.9, 300), slow), List.of(), 800)) {
            long t0 = System.nanoTime();
            Evidence e = a.analyze(png(10), ScanContext.NONE).getFirst();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // Two 300 ms detectors in parallel and one cut at 800 ms: well under their 60.6 s sum.
            assertThat(ms).isBetween(750L, 3000L);
            assertThat(detector(e, "slow")).containsEntry("vote", "not-applicable").containsEntry("counted", false)
                    .containsEntry("whyNotCounted", "not applicable: timed out after 800 ms");
            assertThat((double) detector(e, "p").get("millis")).isLessThan(800);
            assertThat(DetectionDetails.outcome(e)).contains(DetectionDetails.Outcome.SYNTHETIC);
        }
    }

    @Test
    void aFailingDetectorIsNotApplicableWithWhy() throws Exception {
        try (DetectAnalyzer a = analyzer(List.of(fixed("bad", -1, 0)), List.of(), 2000)) {
            Evidence e = a.analyze(png(10), ScanContext.NONE).getFirst();
            assertThat(detector(e, "bad")).containsEntry("whyNotCounted", "not applicable: failed: boom");
            assertThat(DetectionDetails.outcome(e)).contains(DetectionDetails.Outcome.NOT_APPLICABLE);
            assertThat(e.confidence()).isZero();
        }
    }

    @Test
    void probesDecideCompetence() throws Exception {
        List<Detector> faceModels = List.of(new Fixed("f1", 0.9, 0, false, Competence.FACE), new Fixed("f2", 0.9, 0, false, Competence.FACE));
        try (DetectAnalyzer none = analyzer(faceModels, List.of(new Faces(0)), 2000);
             DetectAnalyzer one = analyzer(faceModels, List.of(new Faces(1)), 2000);
             DetectAnalyzer broken = analyzer(faceModels, List.of(new Faces(-1)), 2000)) {
            Evidence e0 = none.analyze(png(10), ScanContext.NONE).getFirst();
            assertThat(detector(e0, "f1")).containsEntry("whyNotCounted", "not competent: no face found (a face model)");
            assertThat(e0.details().get(DetectionDetails.CONTENT)).asString().contains("faces=0");
            assertThat(DetectionDetails.outcome(one.analyze(png(10), ScanContext.NONE).getFirst()))
                    .contains(DetectionDetails.Outcome.SYNTHETIC);
            Evidence eb = broken.analyze(png(10), ScanContext.NONE).getFirst();
            assertThat(eb.details().get(DetectionDetails.CONTENT)).asString().contains("faces: failed: no face model");
        }
    }

    @Test
    void onlyMediaADetectorScoresIsSupported() {
        try (DetectAnalyzer a = analyzer(List.of(fixed("a", 0.5, 0)), List.of(new Faces(1)), 2000);
             DetectAnalyzer empty = analyzer(List.of(), List.of(new Faces(1)), 2000)) {
            assertThat(a.supports(MediaType.PNG)).isTrue();
            assertThat(a.supports(MediaType.WAV)).isFalse();
            assertThat(empty.supports(MediaType.PNG)).isFalse();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUndecodableImageMakesEveryDetectorNotApplicable() throws Exception {
        // Over the decoding limit of 4 pixels: refused before any detector runs.
        try (DetectAnalyzer a = new DetectAnalyzer(List.of(fixed("a", 0.5, 0)), List.of(),
                new WeightedVoteEnsemble(VotingRules.defaults()), Duration.ofSeconds(2),
                new DetectorInput.Limits(4, 16, 1.0, 120), List.of())) {
            Evidence e = a.analyze(png(1), ScanContext.NONE).getFirst();
            assertThat(detector(e, "a").get("whyNotCounted")).isEqualTo(
                    "not applicable: cannot decode the image: image of 16 pixels is over the limit of 4");
        }
    }

    // ----- the provider, through InstalledAnalyzers as the CLI and the server load it -----

    Path tinyModel(String id, boolean trusted) throws Exception {
        return ModelDir.write(dir, id, TinyOnnx.mean("pixels", "scores", 1, 3, 2, 2),
                ModelDir.imageCard("nchw", "[1, 3, 2, 2]", """
                        resize: stretch
                        colour: rgb
                        scale: 0.00392156862745098
                        mean: [0, 0, 0]
                        std: [1, 1, 1]
                        """, "name: scores\nfakeIndex: 0\nactivation: none").replace("licence: test", "licence: test\ntrusted: " + trusted));
    }

    static DetectAnalyzer detect(List<Analyzer> analyzers) {
        return (DetectAnalyzer) analyzers.stream().filter(a -> a.name().equals("detect")).findFirst().orElseThrow();
    }

    @Test
    void theProviderLoadsTheModelsFolder() throws Exception {
        tinyModel("grey-level", true);
        DetectAnalyzer a = detect(InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.models-dir", dir.toString(),
                "detect.timeout-ms", "5000"))));
        try (a) {
            assertThat(a.detectors()).extracting(d -> d.info().id()).contains("grey-level");
            // Trusted, weight 2: alone it decides. Grey 230 scores 230/255 = 0.902 >= 0.7.
            Evidence e = a.analyze(png(230), ScanContext.NONE).getFirst();
            assertThat(detector(e, "grey-level")).containsEntry("vote", "high").containsEntry("trusted", true)
                    .containsEntry("weight", 2.0);
            assertThat((double) detector(e, "grey-level").get("score")).isCloseTo(230 / 255.0, within(1e-4));
        }
    }

    @Test
    void badCardsAndSettingsFailTheStartWithAClearMessage() throws Exception {
        Path card = tinyModel("m", false);
        Files.writeString(card, Files.readString(card).replaceAll("sha256: [0-9a-f]{64}", "sha256: " + "f".repeat(64)));
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.models-dir", dir.toString()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("analyzer 'detect' could not be set up: model card " + card)
                .hasMessageContaining("but the card expects " + "f".repeat(64));
        Files.writeString(card, Files.readString(card) + "colour: blue\n");
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.models-dir", dir.toString()))))
                .hasMessageContaining(card + ": field 'colour': unknown field");
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.model-dir", dir.toString()))))
                .hasMessageStartingWith("unknown analyzer setting 'detect.model-dir'");
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.timeout-ms", "soon"))))
                .hasMessage("detect.timeout-ms must be a number, not 'soon'");
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.models-dir", dir.resolve("none").toString()))))
                .hasMessageContaining("models folder " + dir.resolve("none") + " does not exist");
    }

    @Test
    void twoCardsWithOneIdAreRefused() throws Exception {
        tinyModel("same", false);
        Files.copy(dir.resolve("same.card.yaml"), dir.resolve("same2.card.yaml"));
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("detect.models-dir", dir.toString()))))
                .hasMessageContaining("id 'same' is already used");
    }
}
