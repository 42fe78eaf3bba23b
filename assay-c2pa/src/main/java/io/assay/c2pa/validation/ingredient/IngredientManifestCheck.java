package io.assay.c2pa.validation.ingredient;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.manifest.Ingredient;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.validation.CredentialCheck;
import io.assay.c2pa.validation.IngredientCheck;
import io.assay.c2pa.validation.IngredientDelta;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.c2pa.validation.binding.AssertionHashes;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ingredient check of C2PA validation, as the reference (c2pa-rs) performs it. For each ingredient assertion
 * that points to a manifest: the manifest must be in the store ({@code ingredient.manifest.missing}, reported both
 * to the parent and in the ingredient's delta), the ingredient's hash of it must match
 * ({@code ingredient.manifest.validated} / {@code ingredient.manifest.mismatch}), and the ingredient manifest gets the
 * credential check and the assertion hashed-URI check (not the hard binding: its asset is not at hand). Ingredients of
 * ingredients are checked in turn, each manifest once, to a bounded depth. Thread-safe when the credential check is.
 */
public final class IngredientManifestCheck implements IngredientCheck {

    public static final String MISSING = "ingredient.manifest.missing";
    public static final String MISMATCH = "ingredient.manifest.mismatch";
    public static final String VALIDATED = "ingredient.manifest.validated";
    public static final String UNKNOWN_PROVENANCE = "ingredient.unknownProvenance";
    public static final String MALFORMED = "assertion.ingredient.malformed";
    static final int MAX_DEPTH = 200;

    private final CredentialCheck credentials;

    public IngredientManifestCheck(CredentialCheck credentials) {
        this.credentials = credentials;
    }

    @Override
    public List<IngredientDelta> check(C2paContents contents, Manifest manifest, TrustSettings trust,
                                       ValidationLog parentLog) {
        if (contents.store().isEmpty()) {
            return List.of();
        }
        ManifestStore store = contents.store().get();
        reportMissing(store, manifest, parentLog, new HashSet<>(), 0);
        List<IngredientDelta> deltas = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        visited.add(manifest.label());
        walk(store, manifest, trust, deltas, visited, 0);
        return deltas;
    }

    /** Every ingredient manifest that the chain references but the store lacks, in the parent's log. */
    private void reportMissing(ManifestStore store, Manifest m, ValidationLog log, Set<String> seen, int depth) {
        if (depth >= MAX_DEPTH || !seen.add(m.label())) {
            return;
        }
        for (Ingredient i : ingredients(m)) {
            Optional<String> label = i.manifestLabel();
            if (i.manifest().isEmpty()) {
                continue;
            }
            String l = label.orElse(i.manifest().get().url());
            Optional<Manifest> found = store.manifest(l);
            if (found.isEmpty()) {
                log.failure(MISSING, l, "ingredient manifest missing");
            } else {
                reportMissing(store, found.get(), log, seen, depth + 1);
            }
        }
    }

    private void walk(ManifestStore store, Manifest m, TrustSettings trust, List<IngredientDelta> deltas,
                      Set<String> visited, int depth) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (Assertion a : m.assertions().values()) {
            if (!Ingredient.is(a)) {
                continue;
            }
            String uri = AssertionHashes.assertionUri(m.label(), a.label());
            ValidationLog log = new ValidationLog();
            Ingredient ingredient;
            try {
                ingredient = Ingredient.parse(a);
            } catch (C2paException e) {
                log.failure(MALFORMED, uri, "ingredient assertion could not be parsed");
                deltas.add(new IngredientDelta(uri, log.statuses()));
                continue;
            }
            if (ingredient.manifest().isEmpty()) {
                if (!ingredient.relationship().equals("inputTo")) {
                    log.informational(UNKNOWN_PROVENANCE, uri, ingredient.title().orElse("no title")
                            + ": ingredient does not have provenance");
                }
                deltas.add(new IngredientDelta(uri, log.statuses()));
                continue;
            }
            String ref = ingredient.manifest().get().url();
            String label = ingredient.manifestLabel().orElse(ref);
            Optional<Manifest> found = store.manifest(label);
            if (found.isEmpty()) {
                log.failure(MISSING, label, "ingredient not found");
                deltas.add(new IngredientDelta(uri, log.statuses()));
                continue;
            }
            Manifest im = found.get();
            String expected = ingredient.manifest().get().hash();
            String algName = ingredient.manifest().get().alg().or(() -> im.claim().alg()).orElse("sha256");
            Optional<HashAlgorithm> alg = HashAlgorithm.of(algName);
            boolean boxMatch = alg.isPresent() && hex(alg.get(), im.box().payload())
                    .equalsIgnoreCase(expected);
            boolean legacyMatch = !boxMatch && alg.isPresent()
                    && hex(alg.get(), im.claim().cbor()).equalsIgnoreCase(expected);
            if (boxMatch) {
                log.success(VALIDATED, ref, "ingredient hash matched");
            } else if (!legacyMatch) {
                log.failure(MISMATCH, ref, "ingredient hash incorrect");
            }
            credentials.check(im, trust, log);
            AssertionHashes.check(im, log);
            deltas.add(new IngredientDelta(uri, withoutRecorded(log.statuses(), a)));
            if (visited.add(im.label())) {
                walk(store, im, trust, deltas, visited, depth + 1);
            }
        }
    }

    /**
     * A delta holds what differs from what the ingredient assertion recorded when the ingredient was added: statuses
     * whose code and URL the assertion's {@code validationStatus} (v1, v2) or {@code validationResults} (v3) already
     * lists are left out, as the reference does.
     */
    static List<io.assay.c2pa.validation.ValidationStatus> withoutRecorded(
            List<io.assay.c2pa.validation.ValidationStatus> statuses, Assertion ingredient) {
        Set<String> recorded = new HashSet<>();
        try {
            com.upokecenter.cbor.CBORObject data = ingredient.data().orElse(null);
            if (data == null) {
                return statuses;
            }
            List<com.upokecenter.cbor.CBORObject> entries = new ArrayList<>(
                    io.assay.c2pa.manifest.Cbor.array(data, "validationStatus"));
            io.assay.c2pa.manifest.Cbor.map(data, "validationResults")
                    .flatMap(r -> io.assay.c2pa.manifest.Cbor.map(r, "activeManifest")).ifPresent(am -> {
                        for (String list : List.of("success", "informational", "failure")) {
                            entries.addAll(io.assay.c2pa.manifest.Cbor.array(am, list));
                        }
                    });
            for (com.upokecenter.cbor.CBORObject e : entries) {
                recorded.add(io.assay.c2pa.manifest.Cbor.text(e, "code").orElse("") + " "
                        + io.assay.c2pa.manifest.Cbor.text(e, "url").orElse(""));
            }
        } catch (C2paException e) {
            return statuses;
        }
        return statuses.stream().filter(s -> !recorded.contains(s.code() + " " + s.url())).toList();
    }

    private static List<Ingredient> ingredients(Manifest m) {
        List<Ingredient> out = new ArrayList<>();
        for (Assertion a : m.assertions().values()) {
            if (Ingredient.is(a)) {
                try {
                    out.add(Ingredient.parse(a));
                } catch (C2paException e) {
                    // reported by walk()
                }
            }
        }
        return out;
    }

    private static String hex(HashAlgorithm alg, io.assay.c2pa.jumbf.ByteSlice bytes) {
        MessageDigest d = alg.newDigest();
        bytes.updateDigest(d);
        return HexFormat.of().formatHex(d.digest());
    }
}
