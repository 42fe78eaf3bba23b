package io.assay.exchange.provenance;

import io.assay.exchange.json.StixJson;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Reads participants' registered public keys: a JWK (OKP Ed25519 or EC P-256) or a PEM SubjectPublicKeyInfo. */
public final class PublicKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final ECParameterSpec P256 = p256();

    private PublicKeys() {
    }

    /** A public key from a JWK; private members ("d") are refused so that a private key is never registered. */
    public static PublicKey fromJwk(String jwkJson) {
        JsonNode jwk = StixJson.parseObject(jwkJson);
        if (jwk.has("d")) {
            throw new IllegalArgumentException("the JWK holds a private key; register the public part only");
        }
        String kty = jwk.path("kty").asString("");
        try {
            return switch (kty) {
                case "OKP" -> {
                    if (!"Ed25519".equals(jwk.path("crv").asString(""))) {
                        throw new IllegalArgumentException("OKP keys must be crv Ed25519");
                    }
                    byte[] x = Base64Url.decode(jwk.path("x").asString(""));
                    if (x.length != 32) {
                        throw new IllegalArgumentException("an Ed25519 x must be 32 bytes");
                    }
                    byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
                    System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
                    System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, 32);
                    yield KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
                }
                case "EC" -> {
                    if (!"P-256".equals(jwk.path("crv").asString(""))) {
                        throw new IllegalArgumentException("EC keys must be crv P-256");
                    }
                    byte[] x = Base64Url.decode(jwk.path("x").asString(""));
                    byte[] y = Base64Url.decode(jwk.path("y").asString(""));
                    if (x.length != 32 || y.length != 32) {
                        throw new IllegalArgumentException("P-256 coordinates must be 32 bytes");
                    }
                    ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
                    // the JDK's KeyFactory does not check that the point lies on the curve (invalid-curve keys)
                    requireOnCurve(point);
                    yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
                }
                default -> throw new IllegalArgumentException("JWK kty must be OKP (Ed25519) or EC (P-256), got "
                        + kty);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable public key: " + e.getMessage(), e);
        }
    }

    /** A public key from PEM "PUBLIC KEY" (SubjectPublicKeyInfo), Ed25519 or P-256. */
    public static PublicKey fromPem(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM public key", e);
        }
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                JwsAlgorithm.forKey(key); // refuses other curves
                if (key instanceof java.security.interfaces.ECPublicKey ec) {
                    requireOnCurve(ec.getW());
                }
                return key;
            } catch (GeneralSecurityException | IllegalArgumentException tryNext) {
                // next algorithm
            }
        }
        throw new IllegalArgumentException("the PEM is not an Ed25519 or P-256 public key");
    }

    /** The public key as a JWK (for registering or publishing). */
    public static String toJwk(PublicKey key) {
        var jwk = StixJson.newObject();
        switch (JwsAlgorithm.forKey(key)) {
            case EDDSA -> {
                byte[] spki = key.getEncoded();
                byte[] x = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                jwk.put("kty", "OKP").put("crv", "Ed25519").put("x", Base64Url.encode(x));
            }
            case ES256 -> {
                ECPoint w = ((java.security.interfaces.ECPublicKey) key).getW();
                jwk.put("kty", "EC").put("crv", "P-256").put("x", Base64Url.encode(fixed32(w.getAffineX())))
                        .put("y", Base64Url.encode(fixed32(w.getAffineY())));
            }
        }
        return StixJson.write(jwk);
    }

    /** y^2 = x^3 + ax + b (mod p) with both coordinates in [0, p). */
    private static void requireOnCurve(ECPoint point) {
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (point == ECPoint.POINT_INFINITY || x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0
                || y.compareTo(p) >= 0) {
            throw new IllegalArgumentException("the EC point is not on P-256");
        }
        BigInteger rhs = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        if (!y.pow(2).mod(p).equals(rhs)) {
            throw new IllegalArgumentException("the EC point is not on P-256");
        }
    }

    static boolean isP256(ECParameterSpec params) {
        return params.getOrder().equals(P256.getOrder()) && params.getCurve().equals(P256.getCurve())
                && params.getGenerator().equals(P256.getGenerator());
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }
}
