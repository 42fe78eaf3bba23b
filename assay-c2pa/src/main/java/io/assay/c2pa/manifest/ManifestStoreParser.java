package io.assay.c2pa.manifest;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.jumbf.JumbfBox;
import io.assay.c2pa.jumbf.JumbfParser;
import io.assay.c2pa.jumbf.JumbfTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the C2PA layout out of a JUMBF tree: store → manifests → claim, assertion store, signature. Structure is
 * checked (each manifest has exactly what it needs); content semantics and hashes are left to validation.
 */
public final class ManifestStoreParser {

    public static final String STORE_LABEL = "c2pa";
    public static final String ASSERTION_STORE_LABEL = "c2pa.assertions";
    public static final String SIGNATURE_LABEL = "c2pa.signature";

    private ManifestStoreParser() {
    }

    public static ManifestStore parse(byte[] storeBytes, boolean framed, String location) throws C2paException {
        JumbfBox.SuperBox root = JumbfParser.parseSuperBox(storeBytes, framed);
        if (!root.description().type().equals(JumbfTypes.MANIFEST_STORE)) {
            throw new C2paException("JUMBF at " + location + " is not a C2PA manifest store (description type "
                    + root.description().type() + ")");
        }
        if (!root.label().equals(STORE_LABEL)) {
            throw new C2paException("C2PA manifest store at " + location + " has label '" + root.label()
                    + "', expected 'c2pa'");
        }
        List<Manifest> manifests = new ArrayList<>();
        for (JumbfBox.SuperBox m : root.superBoxes()) {
            UUID type = m.description().type();
            if (type.equals(JumbfTypes.MANIFEST) || type.equals(JumbfTypes.UPDATE_MANIFEST)) {
                manifests.add(manifest(m, type.equals(JumbfTypes.UPDATE_MANIFEST)));
            }
        }
        if (manifests.isEmpty()) {
            throw new C2paException("C2PA manifest store at " + location + " contains no manifest");
        }
        return new ManifestStore(manifests, root, location);
    }

    private static Manifest manifest(JumbfBox.SuperBox m, boolean update) throws C2paException {
        String label = m.label();
        if (label.isEmpty()) {
            throw new C2paException("manifest at store offset " + m.raw().offset() + " has no label");
        }
        JumbfBox.SuperBox claimBox = null;
        JumbfBox.SuperBox assertionStore = null;
        JumbfBox.SuperBox signatureBox = null;
        for (JumbfBox.SuperBox child : m.superBoxes()) {
            UUID type = child.description().type();
            if (type.equals(JumbfTypes.CLAIM) && claimBox == null) {
                claimBox = child;
            } else if (type.equals(JumbfTypes.ASSERTION_STORE) && assertionStore == null) {
                assertionStore = child;
            } else if (type.equals(JumbfTypes.SIGNATURE) && signatureBox == null) {
                signatureBox = child;
            }
        }
        if (claimBox == null) {
            throw new C2paException("manifest " + label + " has no claim");
        }
        int version = switch (claimBox.label()) {
            case Claim.LABEL_V1 -> 1;
            case Claim.LABEL_V2 -> 2;
            default -> throw new C2paException("manifest " + label + ": unknown claim label '" + claimBox.label() + "'");
        };
        ByteSlice claimCbor = claimBox.content(JumbfTypes.CBOR).map(JumbfBox::payload)
                .orElseThrow(() -> new C2paException("manifest " + label + ": the claim box has no CBOR content"));
        Claim claim = Claim.parse(version, claimCbor, label);
        if (claim.alg().isEmpty()) {
            // the reference refuses the whole store: C2pa(UnknownAlgorithm)
            throw new C2paException("UnknownAlgorithm: manifest " + label + ": the claim names no hash algorithm");
        }
        if (signatureBox == null) {
            throw new C2paException("manifest " + label + " has no claim signature box");
        }
        ByteSlice signature = signatureBox.content(JumbfTypes.CBOR).map(JumbfBox::payload)
                .orElseThrow(() -> new C2paException("manifest " + label + ": the signature box has no CBOR content"));
        Map<String, Assertion> assertions = new LinkedHashMap<>();
        if (assertionStore != null) {
            for (JumbfBox.SuperBox a : assertionStore.superBoxes()) {
                Assertion assertion = assertion(a);
                if (assertions.putIfAbsent(assertion.label(), assertion) != null) {
                    throw new C2paException("manifest " + label + ": assertion label '" + assertion.label()
                            + "' appears twice");
                }
            }
        }
        checkNotPrerelease(label, claim, assertions);
        return new Manifest(label, update, m, claim, assertions, signature);
    }

    /**
     * Refuses a manifest from before C2PA 1.0, whose hashed URIs covered an assertion's bare content instead of its
     * JUMBF box (the reference's {@code C2pa(PrereleaseError)}); judged, as the reference does, on the first
     * assertion of the store that the claim references.
     */
    private static void checkNotPrerelease(String label, Claim claim, Map<String, Assertion> assertions)
            throws C2paException {
        List<HashedUri> refs = claim.allAssertionReferences();
        for (Assertion a : assertions.values()) {
            for (HashedUri ref : refs) {
                if (!ref.lastSegment().equals(a.label())) {
                    continue;
                }
                Optional<HashAlgorithm> alg = HashAlgorithm.of(ref.alg().orElse(claim.alg().orElse("")));
                if (alg.isEmpty()) {
                    return;
                }
                java.security.MessageDigest d = alg.get().newDigest();
                a.content().updateDigest(d);
                if (java.util.HexFormat.of().formatHex(d.digest()).equalsIgnoreCase(ref.hash())) {
                    throw new C2paException("PrereleaseError: manifest " + label + " hashes assertion " + a.label()
                            + " the pre-1.0 way (its bare content)");
                }
                return;
            }
        }
    }

    private static Assertion assertion(JumbfBox.SuperBox a) {
        UUID type = a.description().type();
        Assertion.Kind kind;
        Optional<JumbfBox.ContentBox> content;
        if (type.equals(JumbfTypes.CBOR_CONTENT)) {
            kind = Assertion.Kind.CBOR;
            content = a.content(JumbfTypes.CBOR);
        } else if (type.equals(JumbfTypes.JSON_CONTENT)) {
            kind = Assertion.Kind.JSON;
            content = a.content(JumbfTypes.JSON);
        } else if (type.equals(JumbfTypes.EMBEDDED_FILE)) {
            kind = Assertion.Kind.EMBEDDED_FILE;
            content = a.content(JumbfTypes.BINARY_DATA);
        } else if (a.content(JumbfTypes.UUID_BOX).isPresent()) {
            kind = Assertion.Kind.UUID;
            content = a.content(JumbfTypes.UUID_BOX);
        } else {
            kind = Assertion.Kind.OTHER;
            content = a.children().stream().filter(JumbfBox.ContentBox.class::isInstance)
                    .map(JumbfBox.ContentBox.class::cast).findFirst();
        }
        ByteSlice bytes = content.map(JumbfBox::payload).orElse(a.payload().slice(a.payload().length(), 0));
        return new Assertion(a.label(), content.isEmpty() ? Assertion.Kind.OTHER : kind, a, bytes);
    }
}
