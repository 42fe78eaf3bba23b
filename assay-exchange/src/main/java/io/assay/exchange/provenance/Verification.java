package io.assay.exchange.provenance;

/** The outcome of checking an object's provenance signature: valid with the signer, or invalid with a reason. */
public record Verification(boolean valid, String signerIdentity, String kid, String reason) {

    static Verification ok(ParticipantKey key) {
        return new Verification(true, key.identityRef(), key.kid(), "signed by " + key.identityRef());
    }

    static Verification rejected(String reason) {
        return new Verification(false, null, null, reason);
    }
}
