package io.assay.c2pa.validation;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.validation.credential.TrustLists;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole validation against the C2PA reference's verdict on every corpus asset, in each of its three trust
 * modes: the same {@code validation_state}, the same set of failure codes for the active manifest and for the
 * ingredients, and an error where the reference reports an error. Remaining differences are listed below with
 * their reason; the test fails on any other difference, and on a listed one that has gone away.
 */
class ValidationConformanceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** mode/file -> why we differ from the reference. */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "official/ts-amazon-titan-g1.png", "reference bug: the signer's leaf certificate is on ITL-allowed.pem (SHA-256 "
                    + "match), so it is trusted; c2pa-wasm 0.13.3 ignores its allowed list altogether (with the allowed "
                    + "list reduced to this one certificate, as PEM or as a hash line, it still reports it untrusted)");

    @ParameterizedTest
    @ValueSource(strings = {"notrust", "testroot", "official"})
    void agreesWithTheReference(String mode) throws Exception {
        C2paValidator validator = Validators.standard(trust(mode));
        Map<String, String> differences = new TreeMap<>();
        int compared = 0;
        for (String line : Files.readAllLines(SharedCorpus.corpus("c2pa/expected/" + mode + ".jsonl"))) {
            JsonNode expected = JSON.readTree(line);
            String file = expected.get("file").asString();
            Optional<String> problem = compare(validator, file, expected);
            problem.ifPresent(p -> differences.put(mode + "/" + file, p));
            compared++;
        }
        Map<String, String> known = new TreeMap<>();
        KNOWN_DIFFERENCES.forEach((k, v) -> {
            if (k.startsWith(mode + "/")) {
                known.put(k, v);
            }
        });
        assertThat(compared).isEqualTo(152);
        assertThat(differences.keySet()).as("differences from the reference in mode " + mode + ": " + differences)
                .isEqualTo(known.keySet());
    }

    static Optional<String> compare(C2paValidator validator, String file, JsonNode expected) {
        Path path = SharedCorpus.corpus("c2pa/assets").resolve(file);
        boolean referenceError = expected.has("error");
        Optional<ValidationReport> report;
        try {
            report = validator.validate(MediaAsset.openDamaged(path, AssetLimits.DEFAULT)); // as assay inspect does
        } catch (AssetRejectedException | C2paException e) {
            return referenceError ? Optional.empty() : Optional.of("we refuse it (" + e.getMessage() + "), the reference reports "
                    + expected.get("validation_state").asString());
        }
        if (report.isEmpty()) {
            return referenceError ? Optional.empty() : Optional.of("we find no manifest, the reference reports "
                    + expected.get("validation_state").asString());
        }
        if (referenceError) {
            return Optional.of("the reference fails with " + expected.get("error").asString() + ", we report " + report.get().state());
        }
        ValidationReport r = report.get();
        List<String> problems = new ArrayList<>();
        if (!r.state().name().equals(expected.get("validation_state").asString())) {
            problems.add("state " + r.state() + " vs reference " + expected.get("validation_state").asString());
        }
        Set<String> failures = new HashSet<>(r.of(StatusKind.FAILURE).stream().map(ValidationStatus::code).toList());
        if (!failures.equals(codes(expected.get("failure")))) {
            problems.add("failures " + failures + " vs reference " + codes(expected.get("failure")));
        }
        Set<String> ingredientFailures = new HashSet<>();
        r.ingredientDeltas().forEach(d -> d.failures().forEach(s -> ingredientFailures.add(s.code())));
        if (!ingredientFailures.equals(codes(expected.get("ingredient_failures")))) {
            problems.add("ingredient failures " + ingredientFailures + " vs reference " + codes(expected.get("ingredient_failures")));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    static Set<String> codes(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The reference's three configurations (see the corpus's expected/README.md). */
    static TrustSettings trust(String mode) throws Exception {
        Path t = SharedCorpus.corpus("c2pa/trust");
        return switch (mode) {
            case "notrust" -> TrustSettings.noTrust();
            case "testroot" -> TrustLists.of(t.resolve("test_cert_root_bundle.pem"), t.resolve("test_allowed_list.pem"),
                    t.resolve("test_store.cfg"), null);
            case "official" -> {
                List<java.security.cert.X509Certificate> anchors = new ArrayList<>();
                for (String f : List.of("C2PA-TRUST-LIST.pem", "C2PA-TSA-TRUST-LIST.pem", "ITL-anchors.pem")) {
                    anchors.addAll(TrustLists.readPem(t.resolve(f)));
                }
                yield new TrustSettings(true, true, anchors, TrustLists.readPem(t.resolve("ITL-allowed.pem")), Set.of(), anchors, null);
            }
            default -> throw new IllegalArgumentException(mode);
        };
    }
}
