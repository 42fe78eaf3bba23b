package io.assay.c2pa;

import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the parsed model with the reference reader's complete reports ({@code expected/full/}): the manifest
 * labels, the active manifest, each manifest's title, format, v1 claim generator, ingredient count, and the claimed
 * signer's common name and algorithm.
 */
class FullReportConformanceTest {

    @Test
    void theParsedModelMatchesTheReferenceReports() throws Exception {
        Path assets = SharedCorpus.corpus("c2pa/assets");
        JsonMapper json = JsonMapper.builder().build();
        TreeMap<String, String> mismatches = new TreeMap<>();
        int compared = 0;
        List<Path> reports;
        try (Stream<Path> s = Files.list(SharedCorpus.corpus("c2pa/expected/full"))) {
            reports = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path report : reports) {
            JsonNode full = json.readTree(report.toFile());
            if (!full.has("manifests")) {
                continue;
            }
            String file = report.getFileName().toString().replaceFirst("\\.json$", "");
            Optional<ManifestStore> store;
            try {
                store = C2paReader.read(MediaAsset.open(assets.resolve(file), AssetLimits.DEFAULT));
            } catch (AssetRejectedException e) {
                continue; // listed in CorpusConformanceTest.REJECTED_AT_INTAKE
            }
            compared++;
            if (store.isEmpty()) {
                mismatches.put(file, "no store");
                continue;
            }
            List<String> problems = new ArrayList<>();
            Set<String> labels = new HashSet<>();
            full.get("manifests").propertyNames().forEach(labels::add);
            Set<String> ours = new HashSet<>(store.get().manifests().stream().map(Manifest::label).toList());
            if (!ours.containsAll(labels)) {
                problems.add("manifests " + ours + " vs " + labels);
            }
            if (!store.get().activeManifest().label().equals(full.get("active_manifest").asString())) {
                problems.add("active " + store.get().activeManifest().label());
            }
            for (String label : labels) {
                JsonNode ref = full.get("manifests").get(label);
                Manifest m = store.get().manifest(label).orElse(null);
                if (m == null) {
                    continue;
                }
                check(problems, label + " title", text(ref, "title"), m.claim().title());
                check(problems, label + " format", text(ref, "format"), m.claim().format());
                check(problems, label + " claim_generator", text(ref, "claim_generator"), m.claim().claimGenerator());
                int refIngredients = ref.has("ingredients") ? ref.get("ingredients").size() : 0;
                if (refIngredients != m.ingredients().size()) {
                    problems.add(label + " ingredients " + m.ingredients().size() + " vs " + refIngredients);
                }
                JsonNode sig = ref.get("signature_info");
                if (sig != null && sig.has("common_name")) {
                    check(problems, label + " signer", text(sig, "common_name"), m.signer().commonName());
                    check(problems, label + " alg", text(sig, "alg").map(a -> a.toUpperCase(Locale.ROOT)),
                            Optional.of(m.signer().alg().toUpperCase(Locale.ROOT)));
                }
            }
            if (!problems.isEmpty()) {
                mismatches.put(file, String.join("; ", problems));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).isGreaterThan(80);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.has(field) && node.get(field).isString() ? Optional.of(node.get(field).asString()) : Optional.empty();
    }

    private static void check(List<String> problems, String what, Optional<String> expected, Optional<String> actual) {
        if (expected.isPresent() && !expected.equals(actual)) {
            problems.add(what + " " + actual.orElse("(none)") + " vs " + expected.get());
        }
    }
}
