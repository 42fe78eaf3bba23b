package io.assay.c2pa.validation.binding;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.validation.IngredientDelta;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.c2pa.validation.ingredient.IngredientManifestCheck;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the binding and ingredient checks on every corpus asset and compares, per list, the status codes of this
 * part of validation ({@code assertion.}, {@code ingredient.}, {@code claim.}, {@code manifest.}, {@code general.})
 * with the reference's in each trust mode; reference errors must be a {@link C2paException} (or "no embedded
 * manifest" where the reference found none or only a remote one).
 */
class BindingConformanceTest {

    static final List<String> PREFIXES = List.of("assertion.", "ingredient.", "claim.", "manifest.", "general.");

    /** Assets intake ({@link MediaAsset#open}) refuses. */
    static final Set<String> REJECTED_AT_INTAKE = Set.of("gen-empty.jpg", "gen-truncated-C.jpg",
            "gen-truncated-ai-es256.mp4", "rs-sample3.invalid.wav");

    /** Known disagreements, by "file" (all modes): why. */
    static final Map<String, String> DISAGREEMENTS = Map.of();

    private final HardBindingCheck binding = new HardBindingCheck();
    private final IngredientManifestCheck ingredients = new IngredientManifestCheck((m, t, l) -> { });

    @ParameterizedTest
    @ValueSource(strings = {"notrust", "testroot", "official"})
    void codesMatchTheReference(String mode) throws Exception {
        Path assets = SharedCorpus.corpus("c2pa/assets");
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> disagreements = new TreeMap<>();
        Set<String> rejected = new TreeSet<>();
        int agree = 0;
        for (String line : Files.readAllLines(SharedCorpus.corpus("c2pa/expected/" + mode + ".jsonl"))) {
            JsonNode expected = json.readTree(line);
            String file = expected.get("file").asString();
            MediaAsset asset;
            try {
                asset = MediaAsset.open(assets.resolve(file), AssetLimits.DEFAULT);
            } catch (AssetRejectedException e) {
                rejected.add(file);
                continue;
            }
            String problem = compare(expected, asset);
            if (problem == null) {
                agree++;
            } else {
                disagreements.put(file, problem);
            }
        }
        System.out.println("binding conformance " + mode + ": " + agree + " agree, " + disagreements.size()
                + " disagree, " + rejected.size() + " rejected at intake");
        disagreements.forEach((f, p) -> System.out.println("  " + f + ": " + p));
        assertThat(rejected).isEqualTo(REJECTED_AT_INTAKE);
        assertThat(disagreements.keySet()).isEqualTo(DISAGREEMENTS.keySet());
    }

    private String compare(JsonNode expected, MediaAsset asset) {
        C2paContents contents;
        try {
            contents = C2paReader.inspect(asset);
        } catch (C2paException e) {
            if (expected.has("error") && !noManifest(expected.get("error").asString())) {
                return null;
            }
            return "C2paException " + e.getMessage() + ", reference " + (expected.has("error")
                    ? expected.get("error").asString() : expected.get("validation_state").asString());
        } catch (RuntimeException e) {
            return "unexpected " + e;
        }
        if (expected.has("error")) {
            String error = expected.get("error").asString();
            if (noManifest(error) && contents.store().isEmpty()) {
                return null;
            }
            return "reference error " + error + ", we " + (contents.store().isPresent() ? "read a store" : "found none");
        }
        if (contents.store().isEmpty()) {
            return "no store, reference " + expected.get("validation_state").asString();
        }
        Manifest active = contents.store().get().activeManifest();
        ValidationLog log = new ValidationLog();
        binding.check(contents, active, asset, log);
        List<IngredientDelta> deltas = ingredients.check(contents, active, TrustSettings.noTrust(), log);
        StringBuilder problems = new StringBuilder();
        diff(problems, "failure", codes(expected.get("failure")), codes(log.of(StatusKind.FAILURE)));
        diff(problems, "informational", codes(expected.get("informational")), codes(log.of(StatusKind.INFORMATIONAL)));
        diff(problems, "success", codes(expected.get("success")), codes(log.of(StatusKind.SUCCESS)));
        diff(problems, "ingredient_failures", codes(expected.get("ingredient_failures")),
                codes(deltas.stream().flatMap(d -> d.failures().stream()).toList()));
        return problems.isEmpty() ? null : problems.toString();
    }

    private static boolean noManifest(String error) {
        return error.equals("C2pa(JumbfNotFound)") || error.startsWith("C2pa(RemoteManifestUrl");
    }

    private static void diff(StringBuilder out, String list, Set<String> want, Set<String> got) {
        if (!want.equals(got)) {
            out.append(list).append(" ").append(got).append(" vs reference ").append(want).append("; ");
        }
    }

    private static Set<String> codes(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> {
            if (PREFIXES.stream().anyMatch(n.asString()::startsWith)) {
                out.add(n.asString());
            }
        });
        return out;
    }

    private static Set<String> codes(List<ValidationStatus> statuses) {
        Set<String> out = new TreeSet<>();
        for (ValidationStatus s : statuses) {
            if (PREFIXES.stream().anyMatch(s.code()::startsWith)) {
                out.add(s.code());
            }
        }
        return out;
    }
}
