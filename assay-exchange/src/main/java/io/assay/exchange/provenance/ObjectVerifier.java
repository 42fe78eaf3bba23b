package io.assay.exchange.provenance;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.json.StixJsonException;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that an object was signed by the participant it names as creator, with that participant's registered key,
 * and that no property changed since. The key comes from the registry by kid, never from the JWS header, and the
 * algorithm follows from the registered key: a header that names another algorithm (none, HS256, or the other
 * accepted one) is rejected. Thread-safe.
 */
public final class ObjectVerifier {

    private static final Pattern DETACHED = Pattern.compile("([A-Za-z0-9_-]{1,4096})\\.\\.([A-Za-z0-9_-]{1,1024})");
    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "kid", "typ");

    private final KeyRegistry keys;

    public ObjectVerifier(KeyRegistry keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Verifies a received object exactly as received (its JSON). */
    public Verification verify(ObjectNode object) {
        JsonNode jws = object.get(ObjectSignatures.PROPERTY);
        if (jws == null) {
            return Verification.rejected("unsigned: no " + ObjectSignatures.PROPERTY);
        }
        if (!jws.isString()) {
            return Verification.rejected(ObjectSignatures.PROPERTY + " is not a string");
        }
        var m = DETACHED.matcher(jws.stringValue());
        if (!m.matches()) {
            return Verification.rejected("not a detached compact JWS (header..signature)");
        }
        String encodedHeader = m.group(1);
        JsonNode header;
        byte[] signatureBytes;
        try {
            header = StixJson.parse(Base64Url.decode(encodedHeader));
            signatureBytes = Base64Url.decode(m.group(2));
        } catch (IllegalArgumentException | StixJsonException e) {
            return Verification.rejected("unreadable JWS: " + e.getMessage());
        }
        if (!header.isObject()) {
            return Verification.rejected("the JWS header is not a JSON object");
        }
        for (String member : header.propertyNames()) {
            if (!HEADER_MEMBERS.contains(member)) {
                // crit, b64, jwk, jku, x5c...: nothing here may change how the signature is checked
                return Verification.rejected("JWS header member \"" + member + "\" is not accepted");
            }
        }
        // alg and kid must be JSON strings: no coercion of numbers or objects into names
        String alg = header.path("alg").isString() ? header.get("alg").stringValue() : null;
        Optional<JwsAlgorithm> algorithm = JwsAlgorithm.ofJwsName(alg);
        if (algorithm.isEmpty()) {
            return Verification.rejected("JWS algorithm " + alg + " is not accepted (only EdDSA and ES256)");
        }
        String kid = header.path("kid").isString() ? header.get("kid").stringValue() : null;
        if (kid == null) {
            return Verification.rejected("the JWS header has no kid");
        }
        Optional<ParticipantKey> registered = keys.byKid(kid);
        if (registered.isEmpty()) {
            return Verification.rejected("unknown key " + kid);
        }
        ParticipantKey key = registered.get();
        if (key.algorithm() != algorithm.get()) {
            return Verification.rejected("the header says " + alg + " but key " + kid + " is registered for "
                    + key.algorithm().jwsName());
        }
        String creator = object.path("created_by_ref").isString() ? object.get("created_by_ref").stringValue() : null;
        if (!key.identityRef().equals(creator)) {
            return Verification.rejected("signed with a key of " + key.identityRef() + " but created_by_ref is "
                    + creator);
        }
        if (signatureBytes.length != 64) {
            return Verification.rejected("a " + alg + " signature is 64 bytes, got " + signatureBytes.length);
        }
        byte[] payload;
        try {
            payload = ObjectSignatures.payload(object);
        } catch (StixJsonException e) {
            return Verification.rejected("the object has no canonical JSON form: " + e.getMessage());
        }
        try {
            Signature verifier = Signature.getInstance(key.algorithm().jdkName());
            verifier.initVerify(key.key());
            verifier.update(ObjectSignatures.signingInput(encodedHeader, payload));
            if (!verifier.verify(signatureBytes)) {
                return Verification.rejected("the signature does not match the object: altered or forged");
            }
        } catch (GeneralSecurityException e) {
            return Verification.rejected("the signature could not be checked: " + e.getMessage());
        }
        return Verification.ok(key);
    }

    /** Verifies a parsed object through its JSON form (lossless for objects read with {@link StixCodec}). */
    public Verification verify(StixObject object) {
        return verify(StixCodec.write(object));
    }
}
