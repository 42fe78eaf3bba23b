package io.assay.c2pa.validation.credential;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.HashedUri;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.signature.CoseSign1;
import io.assay.c2pa.validation.ValidationLog;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates CAWG identity assertions ({@code cawg.identity}, {@code cawg.identity__N}) as the Creator Assertions
 * Working Group identity assertion specification (1.x) describes and its reference implementation (c2pa-rs 0.91.3,
 * {@code sdk/src/identity/}) reports them. Each assertion gets its own status entries, with the assertion's JUMBF URI:
 * <ol>
 *   <li>structure: a CBOR map with {@code signer_payload} ({@code referenced_assertions}, {@code sig_type}, optional
 *       {@code role}), {@code signature}, {@code pad1} and optional {@code pad2}; otherwise
 *       {@code cawg.identity.cbor.invalid};</li>
 *   <li>padding: all zero bytes, otherwise {@code cawg.identity.pad.invalid};</li>
 *   <li>the signer payload against the claim: every referenced assertion must be one the claim references, with the
 *       same hash ({@code cawg.identity.assertion.mismatch}), one of them must be a hard binding
 *       ({@code c2pa.hash.*}; {@code cawg.identity.hard_binding_missing}), and none may be referenced twice
 *       ({@code cawg.identity.assertion.duplicate});</li>
 *   <li>the X.509 credential ({@code sig_type} {@code cawg.x509.cose}): a COSE_Sign1 with a detached payload, the
 *       signer payload's CBOR. With {@link CawgTrust#verifyTrust()} the certificate profile is checked at the
 *       validation time ({@code cawg.x509.credential.invalid}, {@code cawg.x509.signature.outside_validity}) and the
 *       chain against the CAWG trust configuration ({@code cawg.x509.credential.trusted} or
 *       {@code cawg.x509.credential.untrusted}); then the signature ({@code cawg.x509.signature.validated} or
 *       {@code cawg.x509.signature.mismatch}; {@code cawg.x509.algorithm.unsupported}). A valid signature ends with
 *       {@code cawg.identity.well-formed}.</li>
 * </ol>
 * Deliberate differences from the reference, where it is silent or accidental: a referenced assertion whose hash
 * differs from the claim's is reported ({@code cawg.identity.assertion.mismatch}; the reference stops without a
 * status); an assertion that does not decode is reported ({@code cawg.identity.cbor.invalid}; the reference fails the
 * whole manifest read); the signature is checked over the signer payload's bytes exactly as stored (the reference
 * re-serializes the fields it knows, which yields the same bytes for conforming writers); a missing subject
 * organization in the certificate is no failure (the reference then drops the result without a status). Identity
 * claims aggregation credentials ({@code cawg.identity_claims_aggregation}) need DID resolution and are not validated
 * here: they are reported as such ({@value #ICA_NOT_VALIDATED}, informational), never passed silently. Any other
 * {@code sig_type} is {@code cawg.identity.sig_type.unknown}.
 * <p>
 * Stateless and thread-safe; bounded (assertion size, reference count, CBOR nesting); never touches the network.
 */
final class CawgIdentity {

    static final String SIG_TYPE_X509 = "cawg.x509.cose";
    static final String SIG_TYPE_ICA = "cawg.identity_claims_aggregation";
    /** Not a CAWG code: identity claims aggregation is outside what this implementation validates. */
    static final String ICA_NOT_VALIDATED = "assay.cawg.ica.notValidated";

    private static final int MAX_ASSERTION_BYTES = 4 * 1024 * 1024;
    private static final int MAX_REFERENCES = 4096;
    private static final int MAX_DEPTH = 32;
    /** The manifest part of an absolute assertion URI, which the claim may carry and the signer payload may omit. */
    private static final Pattern ABSOLUTE_PREFIX = Pattern.compile("/c2pa/[^/]+/");

    private CawgIdentity() {
    }

    static boolean isIdentityLabel(String label) {
        return label.equals("cawg.identity") || label.startsWith("cawg.identity__");
    }

    /** Checks every identity assertion of the manifest, in stored order, and logs under each assertion's URI. */
    static void check(Manifest manifest, CawgTrust trust, Instant now, ValidationLog log) {
        for (Assertion a : manifest.assertions().values()) {
            if (!isIdentityLabel(a.label())) {
                continue;
            }
            String url = "self#jumbf=/c2pa/" + manifest.label() + "/c2pa.assertions/" + a.label();
            StatusLog out = new StatusLog();
            try {
                checkOne(manifest, a, trust, now, out);
            } catch (RuntimeException | StackOverflowError e) {
                out.add("cawg.identity.cbor.invalid",
                        "identity assertion could not be checked: " + e.getClass().getSimpleName());
            }
            out.flushTo(log, url);
        }
    }

    private record Reference(String url, byte[] hash) {
    }

    private static void checkOne(Manifest manifest, Assertion a, CawgTrust trust, Instant now, StatusLog out) {
        if (a.kind() != Assertion.Kind.CBOR || a.content().length() > MAX_ASSERTION_BYTES) {
            out.add("cawg.identity.cbor.invalid", "identity assertion is not CBOR or too large");
            return;
        }
        byte[] content = a.content().toByteArray();
        CBORObject root;
        try {
            root = Cbor.decode(ByteSlice.of(content), "identity assertion " + a.label());
        } catch (C2paException e) {
            out.add("cawg.identity.cbor.invalid", "invalid CBOR");
            return;
        }
        Optional<CBORObject> payload = Cbor.map(root, "signer_payload");
        Optional<byte[]> signature = Cbor.bytes(root, "signature");
        Optional<byte[]> pad1 = Cbor.get(root, "pad1").filter(v -> v.getType() == CBORType.ByteString)
                .map(CBORObject::GetByteString);
        Optional<CBORObject> pad2 = Cbor.get(root, "pad2");
        if (payload.isEmpty() || signature.isEmpty() || pad1.isEmpty()
                || (pad2.isPresent() && pad2.get().getType() != CBORType.ByteString)) {
            out.add("cawg.identity.cbor.invalid", "invalid CBOR: signer_payload, signature or pad1 missing");
            return;
        }
        Optional<String> sigType = Cbor.text(payload.get(), "sig_type");
        Optional<List<Reference>> refs = references(payload.get());
        Optional<CBORObject> roles = Cbor.get(payload.get(), "role");
        if (sigType.isEmpty() || refs.isEmpty() || (roles.isPresent() && !textArray(roles.get()))) {
            out.add("cawg.identity.cbor.invalid", "invalid CBOR: malformed signer_payload");
            return;
        }

        if (!allZero(pad1.get())) {
            out.add("cawg.identity.pad.invalid", "invalid value in pad fields");
        } else if (pad2.isPresent() && !allZero(pad2.get().GetByteString())) {
            out.add("cawg.identity.pad.invalid", "invalid value in pad fields");
        }

        if (!checkReferences(manifest, refs.get(), out)) {
            return;
        }

        switch (sigType.get()) {
            case SIG_TYPE_X509 -> {
                Optional<byte[]> signed = rawMapValue(content, "signer_payload");
                byte[] payloadBytes = signed.orElseGet(() -> reEncodedInStoredOrder(content));
                checkX509(signature.get(), payloadBytes, trust, now, out);
            }
            case SIG_TYPE_ICA -> out.add(ICA_NOT_VALIDATED,
                    "identity claims aggregation credentials are not validated by this implementation");
            default -> out.add("cawg.identity.sig_type.unknown", "unsupported signature type: " + sigType.get());
        }
    }

    /** The referenced assertions, or empty when the list or one of its entries is malformed. */
    private static Optional<List<Reference>> references(CBORObject payload) {
        Optional<CBORObject> list = Cbor.get(payload, "referenced_assertions");
        if (list.isEmpty() || list.get().getType() != CBORType.Array || list.get().size() > MAX_REFERENCES) {
            return Optional.empty();
        }
        List<Reference> out = new ArrayList<>();
        for (CBORObject item : Cbor.items(list.get())) {
            Optional<String> url = Cbor.text(item, "url");
            Optional<byte[]> hash = Cbor.bytes(item, "hash");
            if (url.isEmpty() || hash.isEmpty()) {
                return Optional.empty();
            }
            out.add(new Reference(url.get(), hash.get()));
        }
        return Optional.of(out);
    }

    /** Checks the signer payload's references against the claim; false when validation must stop. */
    private static boolean checkReferences(Manifest manifest, List<Reference> refs, StatusLog out) {
        List<HashedUri> claimed = manifest.claim().allAssertionReferences();
        for (Reference ref : refs) {
            Optional<HashedUri> match = claimed.stream()
                    .filter(c -> c.url().equals(ref.url())
                            || ABSOLUTE_PREFIX.matcher(c.url()).replaceFirst("").equals(ref.url()))
                    .findFirst();
            if (match.isEmpty()) {
                out.add("cawg.identity.assertion.mismatch", "referenced assertion not in claim: " + ref.url());
            } else if (!match.get().hash().equalsIgnoreCase(HexFormat.of().formatHex(ref.hash()))) {
                out.add("cawg.identity.assertion.mismatch",
                        "referenced assertion's hash differs from the claim's: " + ref.url());
                return false;
            }
        }
        boolean hardBinding = refs.stream().anyMatch(r -> {
            int slash = r.url().lastIndexOf('/');
            return slash >= 0 && r.url().substring(slash + 1).startsWith("c2pa.hash.");
        });
        if (!hardBinding) {
            out.add("cawg.identity.hard_binding_missing", "no hard binding assertion");
        }
        Set<String> seen = new HashSet<>();
        for (Reference ref : refs) {
            if (!seen.add(ref.url())) {
                out.add("cawg.identity.assertion.duplicate", "multiple references to same assertion: " + ref.url());
            }
        }
        return true;
    }

    /** The X.509 credential: certificate profile and trust (CAWG configuration), then the COSE signature. */
    private static void checkX509(byte[] signature, byte[] signerPayload, CawgTrust trust, Instant now,
                                  StatusLog out) {
        CoseSign1 cose;
        try {
            cose = CoseSign1.parse(ByteSlice.of(signature));
        } catch (C2paException e) {
            out.add("cawg.x509.signature.mismatch", "identity signature is not a COSE_Sign1: " + e.getMessage());
            return;
        }
        Optional<CoseAlgorithm> alg = cose.alg().flatMap(CoseAlgorithm::of);
        if (alg.isEmpty()) {
            out.add("cawg.x509.algorithm.unsupported", "unsupported or missing COSE algorithm");
            return;
        }
        if (alg.get().isEcdsa() && CoseAlgorithm.looksLikeDerEcdsa(cose.signature())) {
            out.add("cawg.x509.credential.invalid",
                    "unsupported signature format (EC signature should be in P1363 r|s format)");
            return;
        }
        Optional<List<X509Certificate>> parsed = cose.chain().isEmpty() ? Optional.empty()
                : Certificates.parseAll(cose.chain());
        if (parsed.isEmpty()) {
            out.add("cawg.x509.credential.invalid", "identity signature carries no readable certificate (x5chain)");
            return;
        }
        List<X509Certificate> chain = parsed.get();
        if (trust.verifyTrust()) {
            Set<String> ekus = trust.allowedEkus().isEmpty() ? Certificates.DEFAULT_EKUS : trust.allowedEkus();
            Set<String> allowed = new HashSet<>();
            trust.allowedList().forEach(c -> allowed.add(Certificates.fingerprint(c)));
            // no time-stamp is consulted for the identity signature (as the reference): the profile is checked now
            StatusLog profile = new StatusLog();
            Certificates.checkEndEntityProfile(chain.getFirst(), ekus, now, profile);
            for (StatusLog.Entry e : profile.entries()) {
                out.add(remap(e.code()), e.explanation());
            }
            if (Certificates.trusted(chain, trust.anchors(), allowed, ekus, null)) {
                out.add("cawg.x509.credential.trusted", "identity signing certificate trusted");
            } else {
                out.add("cawg.x509.credential.untrusted", "signing certificate untrusted");
            }
        }
        byte[] tbs = CoseAlgorithm.sigStructure(cose.protectedHeader(), new byte[0], signerPayload);
        if (!alg.get().verify(chain.getFirst().getPublicKey(), cose.signature(), tbs)) {
            out.add("cawg.x509.signature.mismatch", "signature mismatch");
            return;
        }
        out.add("cawg.x509.signature.validated", "X.509 identity assertion signature validated");
        out.add("cawg.identity.well-formed", "CAWG X.509 identity signature valid");
    }

    /** The CAWG X.509 codes for the C2PA codes the shared certificate checks log (CAWG identity 1.3, 8.2.2). */
    static String remap(String c2paCode) {
        return switch (c2paCode) {
            case "signingCredential.invalid" -> "cawg.x509.credential.invalid";
            case "signingCredential.expired" -> "cawg.x509.signature.outside_validity";
            case "signingCredential.trusted" -> "cawg.x509.credential.trusted";
            case "signingCredential.untrusted" -> "cawg.x509.credential.untrusted";
            case "claimSignature.mismatch" -> "cawg.x509.signature.mismatch";
            case "algorithm.unsupported" -> "cawg.x509.algorithm.unsupported";
            default -> c2paCode;
        };
    }

    /** The signer payload re-encoded with its keys in stored order (for indefinite-length encodings only). */
    private static byte[] reEncodedInStoredOrder(byte[] content) {
        CBORObject root = CBORObject.DecodeFromBytes(content, new CBOREncodeOptions("keepkeyorder=true"));
        return root.get("signer_payload").EncodeToBytes();
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean textArray(CBORObject o) {
        if (o.getType() != CBORType.Array) {
            return false;
        }
        for (CBORObject item : Cbor.items(o)) {
            if (item.getType() != CBORType.TextString) {
                return false;
            }
        }
        return true;
    }

    /**
     * The encoded bytes, as stored, of the value under text key {@code key} of the CBOR map that {@code cbor} holds;
     * empty when the map is not in definite-length encoding or the key is absent (the caller then re-encodes).
     */
    static Optional<byte[]> rawMapValue(byte[] cbor, String key) {
        if (cbor.length == 0 || (cbor[0] & 0xff) >>> 5 != 5) {
            return Optional.empty();
        }
        long[] head = head(cbor, 0);
        if (head == null) {
            return Optional.empty();
        }
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        int p = (int) head[1];
        for (long i = 0; i < head[0]; i++) {
            int keyEnd = itemEnd(cbor, p, 0);
            if (keyEnd < 0) {
                return Optional.empty();
            }
            int valueEnd = itemEnd(cbor, keyEnd, 0);
            if (valueEnd < 0) {
                return Optional.empty();
            }
            if ((cbor[p] & 0xff) >>> 5 == 3) {
                long[] kh = head(cbor, p);
                if (kh != null && kh[1] + kh[0] == keyEnd
                        && java.util.Arrays.equals(cbor, (int) kh[1], keyEnd, wanted, 0, wanted.length)) {
                    return Optional.of(java.util.Arrays.copyOfRange(cbor, keyEnd, valueEnd));
                }
            }
            p = valueEnd;
        }
        return Optional.empty();
    }

    /** {argument, offset after the head} of the definite-length item at {@code pos}, or null. */
    private static long[] head(byte[] b, int pos) {
        if (pos >= b.length) {
            return null;
        }
        int ai = b[pos] & 0x1f;
        int p = pos + 1;
        long arg;
        if (ai < 24) {
            arg = ai;
        } else if (ai <= 27) {
            int n = 1 << (ai - 24);
            if (n > b.length - p) {
                return null;
            }
            arg = 0;
            for (int i = 0; i < n; i++) {
                arg = (arg << 8) | (b[p + i] & 0xff);
            }
            p += n;
            if (arg < 0) {
                return null;
            }
        } else {
            return null; // indefinite length or reserved
        }
        return new long[] {arg, p};
    }

    /** The offset just after the definite-length CBOR item at {@code pos}, or -1. */
    private static int itemEnd(byte[] b, int pos, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        long[] h = head(b, pos);
        if (h == null) {
            return -1;
        }
        long arg = h[0];
        int p = (int) h[1];
        switch ((b[pos] & 0xff) >>> 5) {
            case 0, 1, 7 -> {
                return p;
            }
            case 2, 3 -> {
                return arg > b.length - p ? -1 : p + (int) arg;
            }
            case 4, 5 -> {
                long items = ((b[pos] & 0xff) >>> 5) == 5 ? arg * 2 : arg;
                if (arg > b.length || items > b.length - p) {
                    return -1; // every item takes at least one byte
                }
                for (long i = 0; i < items; i++) {
                    p = itemEnd(b, p, depth + 1);
                    if (p < 0) {
                        return -1;
                    }
                }
                return p;
            }
            default -> {
                return itemEnd(b, p, depth + 1); // tag
            }
        }
    }
}
