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
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                List<Evidence> evidence = new C2paAnalyzer().analyze(asset, ScanContext.NONE);
                assertThat(evidence).allSatisfy(e -> assertThat(e.source()).isEqualTo("c2pa"));
                System.out.println(name + ": " + evidence.size() + " evidence");
            } catch (C2paException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                System.out.println(name + ": C2paException: " + e.getMessage());
            }
        });
    }
}
