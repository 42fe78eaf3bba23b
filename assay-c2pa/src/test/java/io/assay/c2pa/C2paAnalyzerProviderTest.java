package io.assay.c2pa;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.analyzer.InstalledAnalyzers;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The c2pa analyzer's trust comes from analyzer settings (server properties, CLI options). */
class C2paAnalyzerProviderTest {

    static Assurance assuranceWith(Map<String, String> settings) throws Exception {
        Analyzer a = InstalledAnalyzers.load(new AnalyzerSettings(settings)).stream()
                .filter(x -> x.name().equals("c2pa")).findFirst().orElseThrow();
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"), AssetLimits.DEFAULT);
        return a.analyze(asset, ScanContext.NONE).stream().filter(e -> e.kind() == EvidenceKind.DECLARATION)
                .map(Evidence::assurance).findFirst().orElseThrow();
    }

    @Test
    void defaultNoneAndCustomTrust() throws Exception {
        Path t = SharedCorpus.corpus("c2pa/trust");
        // The shipped lists do not hold the c2pa-rs test PKI.
        assertThat(assuranceWith(Map.of())).isEqualTo(Assurance.SIGNED);
        assertThat(assuranceWith(Map.of("c2pa.trust", "none"))).isEqualTo(Assurance.SIGNED);
        assertThat(assuranceWith(Map.of("c2pa.trust-anchors", t.resolve("test_cert_root_bundle.pem").toString(),
                "c2pa.eku-config", t.resolve("test_store.cfg").toString()))).isEqualTo(Assurance.SIGNED_TRUSTED);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("c2pa.trust-anchor", "x.pem"))))
                .hasMessageContaining("unknown analyzer setting 'c2pa.trust-anchor'");
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("c2pa.trust", "maybe"))))
                .hasMessageContaining("c2pa.trust must be default, none or custom");
        assertThatThrownBy(() -> InstalledAnalyzers.load(new AnalyzerSettings(Map.of("c2pa.trust-anchors", "/no/such.pem"))))
                .hasMessageContaining("c2pa");
    }
}
