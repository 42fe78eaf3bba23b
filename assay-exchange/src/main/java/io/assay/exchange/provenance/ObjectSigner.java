package io.assay.exchange.provenance;

import io.assay.exchange.json.Jcs;
import io.assay.exchange.json.StixJson;
import io.assay.exchange.stix.StixCodec;
import io.assay.exchange.stix.StixObject;
import io.assay.exchange.stix.StixIds;
import tools.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Objects;

/**
 * Signs objects as their creator: only objects whose {@code created_by_ref} is this participant's identity, so that a
 * participant cannot vouch for someone else's content. Thread-safe.
 */
public final class ObjectSigner {

    private final String identityRef;
    private final String kid;
    private final PrivateKey key;
    private final JwsAlgorithm algorithm;
    private final String encodedHeader;

    public ObjectSigner(String identityRef, String kid, PrivateKey key) {
        if (!StixIds.isValid(identityRef, "identity")) {
            throw new IllegalArgumentException("identityRef must be an identity id");
        }
        this.identityRef = identityRef;
        this.kid = Objects.requireNonNull(kid, "kid");
        this.key = Objects.requireNonNull(key, "key");
        if (key instanceof EdECPrivateKey ed && "Ed25519".equals(ed.getParams().getName())) {
            algorithm = JwsAlgorithm.EDDSA;
        } else if (key instanceof ECPrivateKey ec && PublicKeys.isP256(ec.getParams())) {
            algorithm = JwsAlgorithm.ES256;
        } else {
            throw new IllegalArgumentException("only Ed25519 and P-256 private keys can sign");
        }
        ObjectNode header = StixJson.newObject().put("alg", algorithm.jwsName()).put("kid", kid);
        encodedHeader = Base64Url.encode(Jcs.canonicalBytes(header));
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** A copy of the object's JSON with {@value ObjectSignatures#PROPERTY} set (replacing any earlier one). */
    public ObjectNode sign(ObjectNode object) {
        String creator = object.path("created_by_ref").asString(null);
        if (!identityRef.equals(creator)) {
            throw new IllegalArgumentException("this signer speaks for " + identityRef + " but the object's "
                    + "created_by_ref is " + creator);
        }
        byte[] input = ObjectSignatures.signingInput(encodedHeader, ObjectSignatures.payload(object));
        try {
            Signature signature = Signature.getInstance(algorithm.jdkName());
            signature.initSign(key);
            signature.update(input);
            ObjectNode signed = object.deepCopy();
            signed.put(ObjectSignatures.PROPERTY, encodedHeader + ".." + Base64Url.encode(signature.sign()));
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    /** The object with its signature (kept in {@code custom}). */
    @SuppressWarnings("unchecked")
    public <T extends StixObject> T sign(T object) {
        return (T) StixCodec.read(sign(StixCodec.write(object)));
    }
}
