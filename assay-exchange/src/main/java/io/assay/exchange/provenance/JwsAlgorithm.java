package io.assay.exchange.provenance;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Optional;

/** The two JWS algorithms (RFC 7518 / RFC 8037) the exchange accepts; anything else (none, HS256, RS256...) is not. */
public enum JwsAlgorithm {
    /** Ed25519 (RFC 8037); the JDK's "Ed25519" signature. */
    EDDSA("EdDSA", "Ed25519"),
    /** ECDSA P-256 with SHA-256, signature as the 64-byte r||s of RFC 7518 §3.4. */
    ES256("ES256", "SHA256withECDSAinP1363Format");

    private final String jwsName;
    private final String jdkName;

    JwsAlgorithm(String jwsName, String jdkName) {
        this.jwsName = jwsName;
        this.jdkName = jdkName;
    }

    /** The "alg" header value. */
    public String jwsName() {
        return jwsName;
    }

    String jdkName() {
        return jdkName;
    }

    public static Optional<JwsAlgorithm> ofJwsName(String name) {
        for (JwsAlgorithm a : values()) {
            if (a.jwsName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The algorithm a public key is for (Ed25519 or P-256), refusing other keys. */
    public static JwsAlgorithm forKey(PublicKey key) {
        if (key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName())) {
            return EDDSA;
        }
        if (key instanceof ECPublicKey ec && PublicKeys.isP256(ec.getParams())) {
            return ES256;
        }
        throw new IllegalArgumentException("only Ed25519 and P-256 keys are accepted, got " + key.getAlgorithm());
    }
}
