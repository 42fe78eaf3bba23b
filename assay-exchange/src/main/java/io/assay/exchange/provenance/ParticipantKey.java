package io.assay.exchange.provenance;

import io.assay.exchange.stix.StixIds;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A participant's registered signing key: the identity it speaks for, the key id that JWS headers name, and the key.
 * The algorithm follows from the key, so a header can never choose another one.
 */
public record ParticipantKey(String identityRef, String kid, PublicKey key) {

    public ParticipantKey {
        Objects.requireNonNull(key, "key");
        if (!StixIds.isValid(identityRef, "identity")) {
            throw new IllegalArgumentException("identityRef must be an identity id");
        }
        if (kid == null || kid.isEmpty()) {
            throw new IllegalArgumentException("a key needs a kid");
        }
        JwsAlgorithm.forKey(key);
    }

    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.forKey(key);
    }
}
