package io.assay.c2pa.validation.credential;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The COSE algorithms C2PA allows for claim signatures (C2PA 2.x, "Digital signatures"), and how to verify a raw
 * COSE signature with each through the JCA: ECDSA signatures are stored as r||s (IEEE P1363) and are converted to DER
 * for the JCA; RSASSA-PSS uses MGF1 with the same hash and a salt as long as the hash.
 */
public enum CoseAlgorithm {
    ES256(-7, "SHA256withECDSA", 32, 256),
    ES384(-35, "SHA384withECDSA", 48, 384),
    ES512(-36, "SHA512withECDSA", 66, 521),
    PS256(-37, "SHA-256", 32, 0),
    PS384(-38, "SHA-384", 48, 0),
    PS512(-39, "SHA-512", 64, 0),
    ED25519(-8, "Ed25519", 0, 0);

    private final int id;
    private final String jca;
    private final int size;
    private final int curveBits;

    CoseAlgorithm(int id, String jca, int size, int curveBits) {
        this.id = id;
        this.jca = jca;
        this.size = size;
        this.curveBits = curveBits;
    }

    public int id() {
        return id;
    }

    /** The algorithm for a COSE identifier, when C2PA allows it. */
    public static Optional<CoseAlgorithm> of(int coseId) {
        return Arrays.stream(values()).filter(a -> a.id == coseId).findFirst();
    }

    boolean isEcdsa() {
        return curveBits != 0;
    }

    /**
     * Whether {@code signature} verifies over {@code data} with {@code key}. Any malformed input (wrong key type, wrong
     * curve, bad length) is simply "does not verify".
     */
    public boolean verify(PublicKey key, byte[] signature, byte[] data) {
        try {
            Signature s;
            byte[] sig = signature;
            switch (this) {
                case ES256, ES384, ES512 -> {
                    if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != curveBits
                            || signature.length != 2 * size) {
                        return false;
                    }
                    sig = p1363ToDer(signature);
                    s = Signature.getInstance(jca);
                }
                case PS256, PS384, PS512 -> {
                    s = Signature.getInstance("RSASSA-PSS");
                    s.initVerify(key);
                    s.setParameter(new PSSParameterSpec(jca, "MGF1", new MGF1ParameterSpec(jca), size, 1));
                    s.update(data);
                    return s.verify(sig);
                }
                default -> {
                    if (!key.getAlgorithm().equalsIgnoreCase("Ed25519") && !key.getAlgorithm().equalsIgnoreCase("EdDSA")) {
                        return false;
                    }
                    s = Signature.getInstance("Ed25519");
                }
            }
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static byte[] p1363ToDer(byte[] rs) throws GeneralSecurityException {
        int half = rs.length / 2;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length));
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[]{new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded();
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Whether an ECDSA signature was (wrongly) stored DER-encoded rather than as r||s. */
    static boolean looksLikeDerEcdsa(byte[] sig) {
        if (sig.length < 8 || sig[0] != 0x30) {
            return false;
        }
        try (ASN1InputStream in = new ASN1InputStream(sig)) {
            ASN1Primitive p = in.readObject();
            if (!(p instanceof ASN1Sequence seq) || seq.size() != 2 || in.available() > 0
                    || !(seq.getObjectAt(0) instanceof ASN1Integer) || !(seq.getObjectAt(1) instanceof ASN1Integer)) {
                return false;
            }
            return Arrays.equals(p.getEncoded("DER"), sig);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The COSE Sig_structure (RFC 9052 section 4.4) for a COSE_Sign1 with a detached payload:
     * {@code ["Signature1", protected, external_aad, payload]}.
     */
    public static byte[] sigStructure(byte[] protectedHeader, byte[] externalAad, byte[] payload) {
        return structure("Signature1", protectedHeader, externalAad, payload);
    }

    /** The countersignature structure the RFC 3161 time-stamps of C2PA cover: {@code ["CounterSignature", ...]}. */
    public static byte[] counterSignatureStructure(byte[] protectedHeader, byte[] payload) {
        return structure("CounterSignature", protectedHeader, new byte[0], payload);
    }

    private static byte[] structure(String context, byte[] protectedHeader, byte[] aad, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + protectedHeader.length + 32);
        out.write(0x84);
        byte[] ctx = context.getBytes(StandardCharsets.US_ASCII);
        head(out, 3, ctx.length);
        out.writeBytes(ctx);
        bstr(out, protectedHeader);
        bstr(out, aad);
        bstr(out, payload);
        return out.toByteArray();
    }

    /** The CBOR encoding of a byte string. */
    public static byte[] cborBytes(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 9);
        bstr(out, value);
        return out.toByteArray();
    }

    private static void bstr(ByteArrayOutputStream out, byte[] value) {
        head(out, 2, value.length);
        out.writeBytes(value);
    }

    private static void head(ByteArrayOutputStream out, int major, long len) {
        int mt = major << 5;
        if (len < 24) {
            out.write(mt | (int) len);
        } else if (len < 0x100) {
            out.write(mt | 24);
            out.write((int) len);
        } else if (len < 0x10000) {
            out.write(mt | 25);
            out.write((int) (len >> 8));
            out.write((int) len);
        } else {
            out.write(mt | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (len >> shift));
            }
        }
    }
}
