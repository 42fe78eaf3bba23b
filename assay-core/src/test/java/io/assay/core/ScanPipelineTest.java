package io.assay.core;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.Sha256Analyzer;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.Evidence;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.policy.Label;
import io.assay.core.policy.LabelPolicy;
import io.assay.core.policy.PolicyLoader;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.ScanPipeline;
import io.assay.core.scan.Verdict;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's contract with analyzers: parallel, time-bounded, and a failing analyzer costs only its own evidence. */
class ScanPipelineTest {

    /** Analyzers that misbehave on purpose: the pipeline must survive each. */
    record Declares(String name) implements Analyzer {
        public boolean supports(MediaType t) { return true; }
        public List<Evidence> analyze(MediaAsset a, ScanContext c) {
            return List.of(Evidence.declaration(name, "declares AI", 0.9, DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, Assurance.UNSIGNED, Map.of()));
        }
    }

    record Throws(String name) implements Analyzer {
        public boolean supports(MediaType t) { return true; }
        public List<Evidence> analyze(MediaAsset a, ScanContext c) {
            throw new IllegalArgumentException("bad box at offset 12\nsecond line hidden");
        }
    }

    record Hangs(String name) implements Analyzer {
        public boolean supports(MediaType t) { return true; }
        public List<Evidence> analyze(MediaAsset a, ScanContext c) throws InterruptedException {
            Thread.sleep(60_000);
            return List.of();
        }
    }

    record Recurses(String name) implements Analyzer {
        public boolean supports(MediaType t) { return true; }
        public List<Evidence> analyze(MediaAsset a, ScanContext c) { return deeper(0); }
        private List<Evidence> deeper(int n) { return n < 0 ? List.of() : deeper(n + 1); }
    }

    @Test
    void failuresAreReportedAndOtherEvidenceKept() throws Exception {
        var file = SharedCorpus.corpus("metadata/coffee-plain.jpg");
        MediaAsset asset = MediaAsset.open(file, AssetLimits.DEFAULT);
        try (ScanPipeline p = new ScanPipeline(List.of(new Sha256Analyzer(), new Declares("decl"), new Throws("throws"),
                new Hangs("hangs"), new Recurses("recurses")), new LabelPolicy(PolicyLoader.defaults()), Duration.ofMillis(500))) {
            long t0 = System.nanoTime();
            Verdict v = p.scan(asset, ScanContext.NONE);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(v.label()).isEqualTo(Label.AI_GENERATED);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(v.asset().sha256()).isEqualTo(sha);
            assertThat(v.failures()).extracting(f -> f.analyzer() + ": " + f.message()).containsExactlyInAnyOrder(
                    "throws: bad box at offset 12",
                    "hangs: did not finish within 500 ms",
                    "recurses: structure nested too deeply to read");
            assertThat(v.timings().analyzersMillis()).containsKeys("sha256", "decl");
        }
    }

    /** A pipeline given a policy supplier decides each scan with the policy in effect at that moment (incident mode). */
    @Test
    void aSwitchedPolicyDecidesTheNextScan() throws Exception {
        MediaAsset asset = MediaAsset.open(SharedCorpus.corpus("metadata/coffee-plain.jpg"), AssetLimits.DEFAULT);
        var normal = new LabelPolicy(PolicyLoader.defaults());
        var incident = new LabelPolicy(PolicyLoader.defaults().withIncidentMode(true));
        var current = new java.util.concurrent.atomic.AtomicReference<>(normal);
        try (ScanPipeline p = new ScanPipeline(List.of(new Declares("decl")), current::get, Duration.ofSeconds(5),
                java.time.Clock.systemUTC())) {
            assertThat(p.scan(asset, ScanContext.NONE).action().id()).isEqualTo("label");
            current.set(incident);
            assertThat(p.policy()).isSameAs(incident);
            // the default policy's incident table makes ai-generated at normal risk label-prominent
            assertThat(p.scan(asset, ScanContext.NONE).action().id()).isEqualTo("label-prominent");
        }
    }
}
