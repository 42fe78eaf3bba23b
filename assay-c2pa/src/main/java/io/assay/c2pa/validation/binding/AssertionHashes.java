package io.assay.c2pa.validation.binding;

import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.manifest.HashedUri;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.validation.ValidationLog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hashed-URI check of a manifest's assertions: each reference the claim makes (v1 {@code assertions}, v2
 * {@code created_assertions} and {@code gathered_assertions}) is resolved in the manifest's own assertion store and
 * its hash recomputed over the assertion's JUMBF superbox contents as stored (description box, salt included, and
 * content boxes; the superbox's own header is not hashed). Stateless and thread-safe.
 */
public final class AssertionHashes {

    public static final String MATCH = "assertion.hashedURI.match";
    public static final String MISMATCH = "assertion.hashedURI.mismatch";
    public static final String MISSING = "assertion.missing";
    public static final String UNDECLARED = "assertion.undeclared";
    public static final String OUTSIDE_MANIFEST = "assertion.outsideManifest";

    private AssertionHashes() {
    }

    public static String manifestUri(String manifestLabel) {
        return "self#jumbf=/c2pa/" + manifestLabel;
    }

    public static String assertionUri(String manifestLabel, String assertionLabel) {
        return manifestUri(manifestLabel) + "/c2pa.assertions/" + assertionLabel;
    }

    /** Checks every assertion reference of {@code manifest}'s claim and logs one status per reference. */
    public static void check(Manifest manifest, ValidationLog log) {
        String label = manifest.label();
        Map<String, Assertion> unreferenced = new LinkedHashMap<>(manifest.assertions());
        for (HashedUri ref : manifest.claim().allAssertionReferences()) {
            String url = ref.url();
            String assertionLabel = ref.lastSegment();
            String absolute;
            Optional<String> target = ref.manifestLabel();
            if (isRelative(url)) {
                absolute = assertionUri(label, assertionLabel);
            } else {
                if (target.isEmpty()) {
                    log.failure(MISMATCH, url, "assertion URI malformed: " + url);
                    continue;
                }
                if (!target.get().equals(label)) {
                    log.failure(OUTSIDE_MANIFEST, url, "assertion reference to external assertion store: " + url);
                }
                absolute = url;
            }
            unreferenced.remove(assertionLabel);
            Assertion a = manifest.assertions().get(assertionLabel);
            if (a == null) {
                log.failure(MISSING, absolute, "cannot find matching assertion: " + url);
                continue;
            }
            Optional<HashAlgorithm> alg = HashAlgorithm.of(ref.alg().orElse(manifest.claim().alg().orElse("")));
            if (alg.isPresent() && hashOf(a, alg.get()).equalsIgnoreCase(ref.hash())) {
                log.success(MATCH, absolute, "hashed uri matched: " + url);
            } else {
                log.failure(MISMATCH, absolute, "hash does not match assertion data: " + url);
            }
        }
        for (Assertion a : unreferenced.values()) {
            log.failure(UNDECLARED, assertionUri(label, a.label()), "assertion is not referenced by the claim");
        }
    }

    /** The hex hash of an assertion's superbox contents as stored. */
    static String hashOf(Assertion a, HashAlgorithm alg) {
        MessageDigest d = alg.newDigest();
        a.box().payload().updateDigest(d);
        return HexFormat.of().formatHex(d.digest());
    }

    private static boolean isRelative(String url) {
        String path = url.startsWith("self#jumbf=") ? url.substring("self#jumbf=".length()) : url;
        return !path.startsWith("/");
    }

    /** The references in claim order, for callers that need them grouped. */
    static List<HashedUri> references(Manifest m) {
        return new ArrayList<>(m.claim().allAssertionReferences());
    }
}
