package io.assay.c2pa;

import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every corpus asset and compares with the C2PA reference (c2pa-rs) in {@code expected/testroot.jsonl}: the
 * digital source types declared by the active manifest, and "no manifest" where the reference found none.
 */
class CorpusConformanceTest {

    /** Assets where this reader knowingly differs from the reference, and why. */
    static final Map<String, String> DISAGREEMENTS = Map.of();

    /** Assets that intake ({@link MediaAsset#open}) rejects, so no analyzer ever sees them. */
    static final Map<String, String> REJECTED_AT_INTAKE = Map.of(
            "gen-empty.jpg", "0 bytes (the reference: UnsupportedType)",
            "gen-truncated-C.jpg", "JPEG cut inside the APP11 manifest (the reference: InvalidAsset)",
            "gen-truncated-ai-es256.mp4", "MP4 cut inside mdat (the reference reads the store and reports Invalid)",
            "rs-sample3.invalid.wav", "RIFF structure broken (the reference: InvalidAsset)");

    private final C2paAnalyzer analyzer = new C2paAnalyzer();

    @Test
    void declarationsAndAbsenceMatchTheReference() throws Exception {
        Path assets = SharedCorpus.corpus("c2pa/assets");
        List<String> lines = Files.readAllLines(SharedCorpus.corpus("c2pa/expected/testroot.jsonl"));
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> disagreements = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        int compared = 0;
        for (String line : lines) {
            JsonNode expected = json.readTree(line);
            String file = expected.get("file").asString();
            MediaAsset asset;
            try {
                asset = MediaAsset.open(assets.resolve(file), AssetLimits.DEFAULT);
            } catch (AssetRejectedException e) {
                rejected.put(file, e.getMessage());
                continue;
            }
            boolean hasTypes = expected.has("digital_source_types");
            boolean notFound = expected.has("error") && expected.get("error").asString().equals("C2pa(JumbfNotFound)");
            if (!hasTypes && !notFound) {
                continue; // the reference failed for another reason (see MaliciousFilesTest)
            }
            compared++;
            List<Evidence> evidence;
            try {
                evidence = analyzer.analyze(asset, ScanContext.NONE);
            } catch (C2paException e) {
                disagreements.put(file, "C2paException: " + e.getMessage());
                continue;
            }
            if (hasTypes) {
                Set<String> want = new HashSet<>();
                // compared as IPTC terms: the analyzer reports the vocabulary IRI, e.g. without the stray leading
                // space that rs-C_with_CAWG_data.jpg stores (the raw value stays in the evidence details)
                expected.get("digital_source_types").forEach(n -> want.add(DigitalSourceType.parse(n.asString())
                        .map(DigitalSourceType::iri).orElse(n.asString())));
                Set<String> got = new HashSet<>();
                evidence.stream().filter(e -> e.kind() == EvidenceKind.DECLARATION)
                        .forEach(e -> got.add(e.digitalSourceType()));
                boolean observed = evidence.stream().anyMatch(e -> e.finding().startsWith("C2PA manifest store:"));
                if (!want.equals(got) || !observed) {
                    disagreements.put(file, "declared " + got + ", reference " + want + (observed ? "" : ", no store"));
                }
            } else if (!evidence.stream().allMatch(e -> e.details().containsKey("remoteManifestUrl"))) {
                disagreements.put(file, "found a manifest where the reference found none: " + evidence.getFirst().finding());
            }
        }
        System.out.println("c2pa corpus: compared " + compared + ", intake rejected " + rejected.keySet());
        assertThat(disagreements).as("disagreements with the reference").isEqualTo(new LinkedHashMap<>(DISAGREEMENTS));
        assertThat(rejected.keySet()).as("files intake rejects").isEqualTo(REJECTED_AT_INTAKE.keySet());
        assertThat(compared).isGreaterThan(100);
    }
}
