package io.assay.c2pa;

import io.assay.core.evidence.Evidence;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile and broken files: each ends, within a second, in a clean result or a one-line {@link C2paException}. */
class MaliciousFilesTest {

    /** Built (trust lists parsed) and warmed on a valid file first: the second is the parser's, not start-up's. */
    static final C2paAnalyzer ANALYZER = new C2paAnalyzer();

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        ANALYZER.analyze(MediaAsset.open(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"), AssetLimits.DEFAULT), ScanContext.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs-nested_moov_1000.mp4", "rs-riff_bomb_1000.wav", "rs-sample3.invalid.wav",
            "rs-id3v23_compression_underflow.mp3", "rs-tiff_poc.tiff", "rs-sample3.svg", "rs-sample4.svg",
            "gen-corrupt-jumbf-length-C.jpg", "gen-truncated-C.jpg", "rs-no_alg.jpg", "rs-prerelease.jpg"})
    void endsCleanlyAndQuickly(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedCorpus.corpus("c2pa/assets").resolve(name));
        MediaAsset asset;
        try {
            asset = MediaAsset.of(name, bytes, AssetLimits.DEFAULT);
        } catch (AssetRejectedException rejectedAtIntake) {
            System.out.println(name + ": rejected at intake: " + rejectedAtIntake.getMessage());
            return; // never reaches an analyzer
        }
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                List<Evidence> evidence = ANALYZER.analyze(asset, ScanContext.NONE);
                assertThat(evidence).allSatisfy(e -> assertThat(e.source()).isEqualTo("c2pa"));
                System.out.println(name + ": " + evidence.size() + " evidence");
            } catch (C2paException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                System.out.println(name + ": C2paException: " + e.getMessage());
            }
        });
        System.out.printf("%s: %.1f ms%n", name, (System.nanoTime() - t0) / 1e6);
    }
}
