package io.assay.c2pa.sign;

import io.assay.c2pa.validation.credential.CoseAlgorithm;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The algorithms C2PA allows for claim signatures, as a signer uses them: the COSE identifier written in the protected
 * header, the JCA signature name that produces the signature in COSE's form, and the kind of key each needs. Aligned
 * one to one with the verifier's {@link CoseAlgorithm} ({@link #cose()}).
 */
public enum SigningAlgorithm {
    /** ECDSA on P-256 with SHA-256; signature r||s, 64 bytes. */
    ES256(-7, "SHA256withECDSAinP1363Format", "SHA-256", 256, 64),
    /** ECDSA on P-384 with SHA-384; signature r||s, 96 bytes. */
    ES384(-35, "SHA384withECDSAinP1363Format", "SHA-384", 384, 96),
    /** ECDSA on P-521 with SHA-512; signature r||s, 132 bytes. */
    ES512(-36, "SHA512withECDSAinP1363Format", "SHA-512", 521, 132),
    /** RSASSA-PSS, SHA-256, MGF1 SHA-256, 32-byte salt; signature as long as the modulus. */
    PS256(-37, "RSASSA-PSS", "SHA-256", 0, 0),
    /** RSASSA-PSS, SHA-384, MGF1 SHA-384, 48-byte salt. */
    PS384(-38, "RSASSA-PSS", "SHA-384", 0, 0),
    /** RSASSA-PSS, SHA-512, MGF1 SHA-512, 64-byte salt. */
    PS512(-39, "RSASSA-PSS", "SHA-512", 0, 0),
    /** Ed25519 (pure EdDSA); signature 64 bytes. */
    ED25519(-8, "Ed25519", null, 0, 64);

    /** The largest RSA modulus a signer is assumed to use when it cannot say (bits). */
    static final int MAX_RSA_BITS = 8192;

    private final int coseId;
    private final String jcaName;
    private final String hash;
    private final int curveBits;
    private final int fixedSize;

    SigningAlgorithm(int coseId, String jcaName, String hash, int curveBits, int fixedSize) {
        this.coseId = coseId;
        this.jcaName = jcaName;
        this.hash = hash;
        this.curveBits = curveBits;
        this.fixedSize = fixedSize;
    }

    /** The COSE algorithm identifier (RFC 9053), written as header label 1. */
    public int coseId() {
        return coseId;
    }

    /** The JCA {@code Signature} name that yields the signature in COSE's form. */
    public String jcaName() {
        return jcaName;
    }

    /** The message digest (JCA name), or null for Ed25519. */
    public String hash() {
        return hash;
    }

    /** The verifier's view of this algorithm. */
    public CoseAlgorithm cose() {
        return CoseAlgorithm.of(coseId).orElseThrow();
    }

    public boolean isEcdsa() {
        return curveBits != 0;
    }

    public boolean isRsaPss() {
        return this == PS256 || this == PS384 || this == PS512;
    }

    /** The field size of the curve an ECDSA algorithm needs (256, 384, 521), or 0. */
    int curveBits() {
        return curveBits;
    }

    /** The salt length of RSASSA-PSS (the hash length), or 0. */
    int saltLength() {
        return switch (this) {
            case PS256 -> 32;
            case PS384 -> 48;
            case PS512 -> 64;
            default -> 0;
        };
    }

    /**
     * The exact signature size for a key of {@code keyBits} (the RSA modulus length; ignored for ECDSA and Ed25519).
     */
    public int signatureSize(int keyBits) {
        return fixedSize != 0 ? fixedSize : (keyBits + 7) / 8;
    }

    /** The algorithm named {@code es256}, {@code PS384}, {@code ed25519}, ... (case-insensitive). */
    public static SigningAlgorithm parse(String name) {
        for (SigningAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown signing algorithm '" + name + "'; use one of "
                + String.join(", ", Arrays.stream(values()).map(a -> a.name().toLowerCase(java.util.Locale.ROOT))
                .toList()));
    }

    /** The algorithm for a COSE identifier, when C2PA allows it. */
    public static Optional<SigningAlgorithm> of(int coseId) {
        return Arrays.stream(values()).filter(a -> a.coseId == coseId).findFirst();
    }

    /**
     * Why {@code key} (public or private) cannot be used with this algorithm, or empty when it fits: ES* need an EC key on
     * the matching curve, PS* an RSA (or RSASSA-PSS) key of at least 2048 bits, Ed25519 an Ed25519 key.
     */
    public Optional<String> unfitFor(Key key) {
        String type = keyType(key);
        if (isEcdsa()) {
            if (!(key instanceof ECKey ec)) {
                return Optional.of(this + " needs an EC key, but the key is " + type);
            }
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != curveBits) {
                return Optional.of(this + " needs an EC key on P-" + curveBits + ", but the key is on a " + bits
                        + "-bit curve");
            }
            return Optional.empty();
        }
        if (isRsaPss()) {
            if (!(key instanceof RSAKey rsa)) {
                return Optional.of(this + " needs an RSA key, but the key is " + type);
            }
            if (rsa.getModulus().bitLength() < 2048) {
                return Optional.of(this + " needs an RSA key of at least 2048 bits, but the key has "
                        + rsa.getModulus().bitLength());
            }
            if (rsa.getParams() instanceof java.security.spec.PSSParameterSpec pss
                    && !digest(pss.getDigestAlgorithm()).equals(digest(hash))) {
                return Optional.of(this + " needs " + hash + ", but the RSASSA-PSS key is restricted to "
                        + pss.getDigestAlgorithm());
            }
            return Optional.empty();
        }
        if (!type.equalsIgnoreCase("Ed25519") && !type.equalsIgnoreCase("EdDSA")) {
            return Optional.of(this + " needs an Ed25519 key, but the key is " + type);
        }
        if (key instanceof java.security.interfaces.EdECKey ed && !ed.getParams().getName().equalsIgnoreCase("Ed25519")) {
            return Optional.of(this + " needs an Ed25519 key, but the key is " + ed.getParams().getName());
        }
        return Optional.empty();
    }

    /**
     * The algorithm C2PA signers usually pair with a key: ES256/ES384/ES512 by curve, PS256 for RSA (or the hash of an
     * RSASSA-PSS key's parameters when it has them), Ed25519.
     */
    public static Optional<SigningAlgorithm> defaultFor(Key key) {
        if (key instanceof ECKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 256 -> Optional.of(ES256);
                case 384 -> Optional.of(ES384);
                case 521 -> Optional.of(ES512);
                default -> Optional.empty();
            };
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.getParams() instanceof java.security.spec.PSSParameterSpec pss) {
                return switch (digest(pss.getDigestAlgorithm())) {
                    case "SHA256" -> Optional.of(PS256);
                    case "SHA384" -> Optional.of(PS384);
                    case "SHA512" -> Optional.of(PS512);
                    default -> Optional.empty();
                };
            }
            return Optional.of(PS256);
        }
        String type = keyType(key);
        return type.equalsIgnoreCase("Ed25519") || type.equalsIgnoreCase("EdDSA") ? Optional.of(ED25519) : Optional.empty();
    }

    private static String digest(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace("-", "");
    }

    private static String keyType(Key key) {
        return key == null ? "missing" : key.getAlgorithm();
    }
}
