package io.assay.metadata;

import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata corpus: each file's digital source type evidence, and the label the default policy gives it. */
class MetadataCorpusTest {

    private static final MetadataAnalyzer ANALYZER = new MetadataAnalyzer();
    private static final LabelPolicy POLICY = new LabelPolicy(PolicyLoader.defaults());

    static Stream<Arguments> expected() throws IOException {
        Path dir = SharedCorpus.corpus("metadata");
        List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
        assertThat(lines.getFirst()).startsWith("file,label,");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] cols = l.split(",", 3);
            return Arguments.of(cols[0], cols[1]);
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("expected")
    void digitalSourceTypeAndLabel(String file, String label) throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("metadata").resolve(file), AssetLimits.DEFAULT);
        List<Evidence> evidence = ANALYZER.analyze(asset, ScanContext.NONE);

        assertThat(evidence).allSatisfy(e -> assertThat(e.source()).isEqualTo("metadata"));
        List<DigitalSourceType> declared = evidence.stream()
                .filter(e -> e.kind() == EvidenceKind.DECLARATION)
                .map(e -> e.sourceType().orElseThrow())
                .toList();
        if (file.endsWith("-plain.jpg")) {
            assertThat(declared).isEmpty();
        } else if (file.endsWith("-capture.jpg")) {
            assertThat(declared).containsExactly(DigitalSourceType.DIGITAL_CAPTURE);
            assertThat(evidence).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EvidenceKind.OBSERVATION);
                assertThat(e.finding()).isEqualTo("camera EXIF: Canon EOS R5");
            });
        } else if (file.endsWith("-minoredits.jpg")) {
            assertThat(declared).containsExactly(DigitalSourceType.MINOR_HUMAN_EDITS);
        } else if (label.equals("ai-edited")) {
            assertThat(declared).containsExactly(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA);
        } else if (label.equals("ai-generated")) {
            assertThat(declared).containsExactly(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
        }
        assertThat(evidence.stream().filter(e -> e.kind() == EvidenceKind.DECLARATION))
                .allSatisfy(e -> assertThat(e.assurance().id()).isEqualTo("unsigned"));

        assertThat(POLICY.decide(evidence, ScanContext.NONE).label().id()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void findingsCiteTheirSource(String file, String label) throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("metadata").resolve(file), AssetLimits.DEFAULT);
        List<Evidence> evidence = ANALYZER.analyze(asset, ScanContext.NONE);
        Optional<Evidence> declaration = evidence.stream().filter(e -> e.kind() == EvidenceKind.DECLARATION).findFirst();
        if (file.endsWith("-sd-parameters.png")) {
            Evidence e = declaration.orElseThrow();
            assertThat(e.finding()).isEqualTo("PNG tEXt 'parameters' holds Stable Diffusion generation settings"
                    + " (Steps: 30, Sampler: DPM++ 2M Karras)");
            assertThat(e.confidence()).isEqualTo(0.95);
            assertThat(e.details()).containsEntry("generator", FrontEndTraces.SD_WEB_UI)
                    .containsEntry("prompt", "a press photo of a candidate at a rally, crowd, flags");
            assertThat(e.details().get("settings").toString()).contains("Seed=1234567", "Model=sd_xl_base_1.0");
        } else if (file.endsWith("-trained.webp")) {
            Evidence e = declaration.orElseThrow();
            assertThat(e.finding()).isEqualTo("XMP Iptc4xmpExt:DigitalSourceType declares trainedAlgorithmicMedia");
            assertThat(e.confidence()).isEqualTo(0.9);
            assertThat(e.details()).containsEntry("value", DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.iri())
                    .containsEntry("container", "WebP XMP chunk");
        } else if (file.endsWith("-composite.png")) {
            assertThat(declaration.orElseThrow().details()).containsEntry("container", "PNG iTXt");
        }
    }

    /** Every file of the C2PA corpus that intake admits: either evidence or one clean line, and it terminates. */
    static Stream<Path> c2paAssets() throws IOException {
        try (Stream<Path> files = Files.list(SharedCorpus.corpus("c2pa/assets"))) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("c2paAssets")
    void c2paCorpusIsReadCleanly(Path file) {
        MediaAsset asset;
        try {
            asset = MediaAsset.open(file, AssetLimits.DEFAULT);
        } catch (AssetRejectedException e) {
            return; // intake's business, not this analyzer's
        }
        if (!ANALYZER.supports(asset.mediaType())) {
            return;
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            try {
                List<Evidence> evidence = ANALYZER.analyze(asset, ScanContext.NONE);
                assertThat(evidence).allSatisfy(e -> assertThat(e.finding()).doesNotContain("\n"));
            } catch (MetadataUnreadableException e) {
                assertThat(e.getMessage()).doesNotContain("\n").contains(asset.name());
            }
        });
    }
}
